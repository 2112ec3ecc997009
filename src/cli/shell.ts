// `netlab shell SCRIPT... [--json]`: each script is a host named by the file's base name, every
// host has eth0 on one LAN, the scripts run one after another on shared state, and each command
// prints what the real one would (or, with --json, one result object per command).
import { basename, extname } from 'node:path';
import { runSession, scriptCommands, type CommandResult as NetnsResult } from '../netns';
import { type Locale } from '../lib/text';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

export interface ShellScript {
  /** The path as given (for messages). */
  readonly name: string;
  readonly text: string;
}

/** The host a script stands for: `node01.sh` → `node01`. */
export function hostName(path: string): string {
  const base = basename(path);
  return base.slice(0, base.length - extname(base).length) || base;
}

/** Control characters (other than newline and tab) shown as \xNN, so a script cannot drive the terminal. */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

export function checkShellArgs(args: CliArgs): void {
  if (args.ports.length || args.peers.length || args.from !== undefined || args.to !== undefined)
    throw new UsageError('shell takes SCRIPT... and --json (and --lang for the explanations)');
  if (args.files.length === 0) throw new UsageError('shell: give at least one SCRIPT, e.g. node01.sh');
  if (args.files.includes('-'))
    throw new UsageError('shell: a script is a file named after its host, not "-"');
}

export function runShell(scripts: readonly ShellScript[], json: boolean, lang: Locale): CommandResult {
  const hosts = scripts.map((s) => hostName(s.name));
  const dup = hosts.find((h, i) => hosts.indexOf(h) !== i);
  if (dup !== undefined) throw new UsageError(`shell: two scripts name the same host "${dup}"`);
  const commands = scripts.flatMap((s, i) => scriptCommands(hosts[i]!, s.text));
  const { results } = runSession(hosts, commands);
  const code = results.every((r) => r.exit === 0) ? 0 : 1;
  if (json) {
    const out = results.map((r) => ({
      host: r.host,
      line: r.line,
      command: r.command,
      exit: r.exit,
      output: r.output,
    }));
    return { stdout: `${JSON.stringify({ results: out }, null, 2)}\n`, stderr: '', code };
  }
  let stdout = '';
  let stderr = '';
  const file = new Map(scripts.map((s, i) => [hosts[i]!, s.name]));
  for (const r of results) {
    if (r.stderr) stderr += escapeControls(r.output);
    else stdout += escapeControls(r.output);
    const why = whyLine(r, file.get(r.host) ?? r.host, lang);
    if (why) stderr += why;
  }
  return { stdout, stderr, code };
}

/** `node01.sh:12: ping: veth-red is down`: the simulator's explanation of a failed ping. */
function whyLine(r: NetnsResult, file: string, lang: Locale): string {
  const reason = r.ping?.reason;
  if (!reason || r.exit === 0) return '';
  return escapeControls(`${file}:${r.line}: ping: ${reason[lang]}`) + '\n';
}

// A session: hosts, then commands typed on them in order. `runSession` replays the commands on a
// fresh world, so the text of the commands is the whole state: the same text, the same world.
import { parsePlugin } from './cni-plugin';
import { runIptables, runNc, runSysctl } from './host-commands';
import { runIp } from './ip';
import { fail, notSimulated, ok, SUPPORTED } from './outcome';
import { runPing } from './ping';
import { readWords, splitScript, type ScriptLine } from './shell-words';
import { ROOT_NS, type CommandOutcome, type Place, type World } from './types';
import { createWorld, DEFAULT_LAN, hostOf, namespaceOf } from './world';

/** One command typed on a host. */
export interface SessionCommand extends ScriptLine {
  readonly host: string;
}

export interface CommandResult extends CommandOutcome {
  readonly host: string;
  readonly line: number;
  readonly command: string;
}

export interface SessionRun {
  readonly world: World;
  readonly results: CommandResult[];
}

const FORWARD_FILE = '/proc/sys/net/ipv4/ip_forward';
const MAX_PLUGIN_DEPTH = 4;

/** A host script's commands (comments and blank lines dropped). */
export function scriptCommands(host: string, text: string): SessionCommand[] {
  return splitScript(text).map((l) => ({ ...l, host }));
}

/** Replays `commands` on a fresh world of `hosts` (each with lo and eth0 on one LAN). */
export function runSession(
  hosts: readonly string[],
  commands: readonly SessionCommand[],
  lan: string = DEFAULT_LAN,
): SessionRun {
  const world = createWorld(hosts, lan);
  const vars = new Map<string, Record<string, string>>(hosts.map((h) => [h, {}]));
  const results: CommandResult[] = [];
  for (const c of commands) {
    const shellVars = vars.get(c.host);
    const outcome = shellVars
      ? runLine(world, { host: c.host, ns: ROOT_NS }, c, shellVars, 0)
      : notSimulated(`there is no host ${c.host}`);
    if (outcome) results.push({ host: c.host, line: c.line, command: c.text, ...outcome });
  }
  return { world, results };
}

/** Runs one script line; undefined when the line is only a comment. */
function runLine(
  world: World,
  place: Place,
  line: ScriptLine,
  vars: Record<string, string>,
  depth: number,
): CommandOutcome | undefined {
  const words = readWords(line.text, vars);
  if (typeof words === 'string') return fail(words, 2);
  if (words.argv.length === 0 && words.assignments.length === 0) return undefined;
  if (words.argv.length === 0) {
    for (const [k, v] of words.assignments) vars[k] = v;
    return ok();
  }
  const env = { ...vars, ...Object.fromEntries(words.assignments) };
  const input = words.heredoc ? (line.heredoc ?? '') : undefined;
  const outcome = dispatch(world, place, words.argv, env, input, depth);
  if (!words.redirect || outcome.stderr || outcome.exit !== 0) return outcome;
  return writeFile(world, place, words.redirect.path, outcome.output, words.redirect.append);
}

function writeFile(world: World, place: Place, path: string, text: string, append: boolean): CommandOutcome {
  if (path === FORWARD_FILE) {
    const v = text.trim();
    if (v !== '0' && v !== '1') return notSimulated(`${FORWARD_FILE} takes 0 or 1 here`);
    namespaceOf(world, place).ipForward = v === '1';
    return ok();
  }
  if (path.startsWith('/proc/') || path.startsWith('/sys/')) return notSimulated(`${path} is not simulated`);
  const files = hostOf(world, place.host).files;
  files[path] = append ? (files[path] ?? '') + text : text;
  return ok();
}

function dispatch(
  world: World,
  place: Place,
  argv: readonly string[],
  env: Record<string, string>,
  input: string | undefined,
  depth: number,
): CommandOutcome {
  const [cmd, ...args] = argv as [string, ...string[]];
  const exec = (p: Place, a: readonly string[]): CommandOutcome => dispatch(world, p, a, env, input, depth);
  switch (cmd) {
    case 'sudo':
      return args.length ? exec(place, args) : notSimulated('sudo needs a command');
    case 'ip':
      return runIp(world, place, args, exec);
    case 'ping':
      return runPing(world, place, args);
    case 'sysctl':
      return runSysctl(world, place, args);
    case 'iptables':
      return runIptables(world, place, args);
    case 'nc':
      return runNc(world, place, args);
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'cat':
      return runCat(world, place, args, input);
    case 'chmod':
      return ok();
    case 'true':
    case 'clear':
      return ok();
    case 'sh':
    case 'bash':
      return args[0]
        ? runPluginFile(world, place, args[0], env, depth)
        : notSimulated('an interactive shell is not simulated');
    default:
      if (cmd.startsWith('./') || cmd.startsWith('/')) return runPluginFile(world, place, cmd, env, depth);
      return fail(`netlab: ${cmd}: not simulated; ${SUPPORTED}`, 127);
  }
}

function runCat(
  world: World,
  place: Place,
  args: readonly string[],
  input: string | undefined,
): CommandOutcome {
  if (args.length === 0) return ok(input ?? '');
  let out = '';
  for (const path of args) {
    if (path === FORWARD_FILE) out += `${namespaceOf(world, place).ipForward ? 1 : 0}\n`;
    else {
      const text = hostOf(world, place.host).files[fileKey(path)];
      if (text === undefined) return fail(`${out}cat: ${path}: No such file or directory`, 1);
      out += text;
    }
  }
  return ok(out);
}

function fileKey(path: string): string {
  return path.startsWith('./') ? path.slice(2) : path;
}

/**
 * `CNI_COMMAND=ADD CNI_NETNS=red … sh net-script.sh`: runs the file's common lines, then the
 * section named by CNI_COMMAND, on the host, stopping at the first command that fails (as a
 * plugin returns its first error to the runtime).
 */
function runPluginFile(
  world: World,
  place: Place,
  path: string,
  env: Record<string, string>,
  depth: number,
): CommandOutcome {
  const files = hostOf(world, place.host).files;
  const text = files[fileKey(path)] ?? files[path];
  if (text === undefined)
    return notSimulated(
      `${path}: no such file on ${place.host}; write it first with cat > ${fileKey(path)} <<'EOF'`,
    );
  if (depth >= MAX_PLUGIN_DEPTH) return notSimulated('scripts calling scripts this deep are not simulated');
  const plugin = parsePlugin(text);
  const command = env['CNI_COMMAND'];
  const section = command !== undefined ? plugin.sections[command.toUpperCase()] : undefined;
  if (command === undefined && Object.keys(plugin.sections).length > 0)
    return notSimulated(
      `set CNI_COMMAND (ADD or DEL) to run ${path}, e.g. CNI_COMMAND=ADD CNI_NETNS=red sh ${path}`,
    );
  if (command !== undefined && !section) return notSimulated(`${path} has no ${command}) section`);
  const vars = { ...env };
  let output = '';
  for (const l of [...plugin.common, ...(section ?? [])]) {
    const exit = /^exit(?:\s+(\d+))?$/.exec(l.text);
    if (exit) return { output, stderr: false, exit: Number(exit[1] ?? 0) };
    const r = runLine(world, place, l, vars, depth + 1);
    if (!r) continue;
    output += r.output;
    if (r.exit !== 0) return { output, stderr: r.stderr, exit: r.exit };
  }
  return { output, stderr: false, exit: 0 };
}

// The commands themselves, as a function from parsed arguments and a loaded scenario to
// stdout/stderr/exit code, so tests can run them without spawning a process.
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import type { Analysis } from '../engine/analyze';
import { parseIp } from '../lib/ip';
import { quote } from '../lib/user-text';
import { UsageError, type CliArgs } from './args';
import { runTrace } from './render-trace';
import { runCheck } from './check';
import { lintText } from './lint-output';
import { runMatrix } from './matrix';
import { QUERY_COMMANDS, runQuery } from './queries';
import type { CommandResult } from './command-result';

const lines = (ds: readonly Diagnostic[], args: CliArgs): string =>
  ds.map((d) => formatDiagnostic(d, args.lang) + '\n').join('');

export function runCommand(args: CliArgs, loaded: Analysis): CommandResult {
  const all = loaded.diagnostics;
  if (args.command === 'lint') {
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    const summary = all.length === 0 ? 'no problems\n' : `${errors} error(s), ${warnings} warning(s)\n`;
    return {
      stdout: lintText(all, args.lang, args.all === true) + summary,
      stderr: '',
      code: errors > 0 ? 1 : 0,
    };
  }
  const query = (QUERY_COMMANDS as readonly string[]).includes(args.command);
  if (args.command !== 'matrix' && args.command !== 'check' && args.command !== 'trace' && !query)
    throw new UsageError(`unknown command ${quote(args.command)}`);
  if (loaded.hasErrors) {
    return {
      stdout: '',
      stderr: lines(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        args,
      ),
      code: 1,
    };
  }
  const cluster = loaded.cluster;
  for (const p of args.peers) if (!parseIp(p)) throw new UsageError(`--peer ${quote(p)}: not an IP address`);

  if (args.command === 'trace') return runTrace(args, cluster);

  if (args.command === 'matrix') return runMatrix(args, cluster);
  if (query) return runQuery(args, cluster);

  return runCheck(args, cluster);
}

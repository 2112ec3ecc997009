// The commands themselves, as a function from parsed arguments and a loaded scenario to
// stdout/stderr/exit code, so tests can run them without spawning a process.
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import type { Analysis } from '../engine/analyze';
import { buildEndpoints, findEndpoint } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import { explainFlow } from '../engine/explain-reasons';
import { explanationLines } from '../engine/explain-text';
import { parseIp } from '../lib/ip';
import { quote } from '../lib/user-text';
import { UsageError, type CliArgs } from './args';
import { matrixJsonChunks, matrixTableChunks, narrowMatrix } from './render-matrix';
import { runTrace } from './render-trace';
import type { CommandResult } from './command-result';

const lines = (ds: readonly Diagnostic[], args: CliArgs): string =>
  ds.map((d) => formatDiagnostic(d, args.lang) + '\n').join('');

export function runCommand(args: CliArgs, loaded: Analysis): CommandResult {
  const all = loaded.diagnostics;
  if (args.command === 'lint') {
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    const summary = all.length === 0 ? 'no problems\n' : `${errors} error(s), ${warnings} warning(s)\n`;
    // Problems go where every command writes them (stderr); the summary is the output.
    return { stdout: summary, stderr: lines(all, args), code: errors > 0 ? 1 : 0 };
  }
  if (args.command !== 'matrix' && args.command !== 'check' && args.command !== 'trace')
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

  if (args.command === 'matrix') {
    const ports = args.ports.length > 0 ? args.ports : [{ port: 80, protocol: 'TCP' as const }];
    const view = narrowMatrix(cluster, args.peers, ports, args);
    return {
      stdout: args.json ? matrixJsonChunks(view) : matrixTableChunks(view, args.lang),
      stderr: '',
      code: 0,
    };
  }

  if (args.from === undefined || args.to === undefined) throw new UsageError('check needs --from and --to');
  if (args.ports.length !== 1) throw new UsageError('check needs exactly one --port');
  const endpoints = buildEndpoints(cluster, args.peers);
  const from = findEndpoint(endpoints, cluster, args.from);
  const to = findEndpoint(endpoints, cluster, args.to);
  if (typeof from === 'string') throw new UsageError(`--from: ${from}`);
  if (typeof to === 'string') throw new UsageError(`--to: ${to}`);
  const x = evaluateFlow(cluster.policies, from, to, args.ports[0]!);
  const text = explanationLines(explainFlow(x, cluster.policies), args.lang);
  if (args.json) return { stdout: JSON.stringify({ ...x, text }, null, 2) + '\n', stderr: '', code: 0 };
  return { stdout: text.join('\n') + '\n', stderr: '', code: 0 };
}

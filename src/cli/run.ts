// The commands themselves, as a function from parsed arguments and a loaded scenario to
// stdout/stderr/exit code, so tests can run them without spawning a process.
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import type { Analysis } from '../engine/analyze';
import { buildEndpoints } from '../engine/endpoints';
import { computeFlowMatrix } from '../engine/flow-matrix';
import { parseIp } from '../lib/ip';
import { UsageError, type CliArgs } from './args';
import { matrixJson, matrixTable } from './render-matrix';
import { runTrace } from './render-trace';
import { runCheck } from './check';
import { lintText } from './lint-output';
import { inactiveNote } from './inactive-note';
import { serviceColumns, serviceColumnsJson, serviceColumnsTable, splitPeers } from './service-columns';
import { buildServices } from '../engine/services';
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
  if (args.command !== 'matrix' && args.command !== 'check' && args.command !== 'trace')
    throw new UsageError(`unknown command ${JSON.stringify(args.command)}`);
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
  for (const p of args.peers)
    if (!parseIp(p)) throw new UsageError(`--peer ${JSON.stringify(p)}: not an IP address`);

  if (args.command === 'trace') return runTrace(args, cluster);

  if (args.command === 'matrix') {
    const ports = args.ports.length > 0 ? args.ports : [{ port: 80, protocol: 'TCP' as const }];
    const peers = splitPeers(buildServices(cluster), args.peers);
    const endpoints = buildEndpoints(cluster, peers.outside);
    const m = computeFlowMatrix(cluster.policies, endpoints, ports);
    const columns = serviceColumns(cluster, endpoints, peers.services, ports);
    return {
      stdout: args.json
        ? matrixJson(m, serviceColumnsJson(columns, ports))
        : matrixTable(m, args.lang) +
          serviceColumnsTable(columns, ports, args.lang) +
          inactiveNote(cluster, args.lang),
      stderr: '',
      code: 0,
    };
  }

  return runCheck(args, cluster);
}

// `netlab matrix`: every flow's verdict, by pod (the JSON contract), or grouped by workload or
// namespace, as a table, Markdown, CSV or JSON; `--namespace` keeps only some namespaces' pods.
// By pod, `--from`/`--to` narrow the rows and columns, the limits hold, and it is written as produced.
import { aggregateMatrix, groupEndpoints, inNamespaces } from '../engine/aggregate';
import { buildEndpoints } from '../engine/endpoints';
import { computeFlowMatrix } from '../engine/flow-matrix';
import { buildServices } from '../engine/services';
import type { Cluster } from '../k8s/types';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';
import { inactiveNote } from './inactive-note';
import { matrixJsonChunks, matrixTableChunks, narrowMatrix } from './render-matrix';
import { groupCsv, groupJson, groupMarkdown, groupTable } from './render-report';
import { serviceColumns, serviceColumnsJson, serviceColumnsTable, splitPeers } from './service-columns';

export function runMatrix(args: CliArgs, cluster: Cluster): CommandResult {
  const ports = args.ports.length > 0 ? args.ports : [{ port: 80, protocol: 'TCP' as const }];
  const peers = splitPeers(buildServices(cluster), args.peers);
  const endpoints = inNamespaces(buildEndpoints(cluster, peers.outside), args.namespaces);
  const by = args.by ?? 'pod';
  const format = args.format ?? (args.json ? 'json' : 'table');
  const ok = (stdout: CommandResult['stdout']): CommandResult => ({ stdout, stderr: '', code: 0 });
  if (by === 'pod' && (format === 'table' || format === 'json')) {
    const json = format === 'json';
    // Refused here, before any work, when past the limits (TooBigError).
    const view = narrowMatrix(cluster, endpoints, ports, { from: args.from, to: args.to, json });
    const sources = view.sources.map((s) => view.m.endpoints[s]!);
    const columns = () => serviceColumns(cluster, endpoints, peers.services, ports, sources);
    return ok(
      json
        ? matrixJsonChunks(
            view,
            (function* () {
              yield* serviceColumnsJson(columns(), ports);
            })(),
            cluster.network.cni,
          )
        : (function* () {
            yield* matrixTableChunks(view, args.lang);
            yield serviceColumnsTable(columns(), ports, args.lang);
            yield inactiveNote(cluster, args.lang);
          })(),
    );
  }
  if (args.from !== undefined || args.to !== undefined)
    throw new UsageError(
      '--from and --to narrow the matrix by pod as a table or JSON; grouped (--by) or as md/csv, choose namespaces with --namespace',
    );
  const m = computeFlowMatrix(cluster.policies, endpoints, ports);
  const g = aggregateMatrix(m, groupEndpoints(cluster, endpoints, by));
  switch (format) {
    case 'json':
      return ok(groupJson(g, by, (i) => endpoints[i]!.key));
    case 'csv':
      return ok(groupCsv(g));
    case 'md':
      return ok(groupMarkdown(g, args.lang));
    case 'table':
      return ok(groupTable(g, args.lang) + inactiveNote(cluster, args.lang));
  }
}

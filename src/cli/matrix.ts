// `netlab matrix`: every flow's verdict, by pod (the JSON contract), or grouped by workload or
// namespace, as a table, Markdown, CSV or JSON; `--namespace` keeps only some namespaces' pods.
import { aggregateMatrix, groupEndpoints, inNamespaces } from '../engine/aggregate';
import { buildEndpoints } from '../engine/endpoints';
import { computeFlowMatrix } from '../engine/flow-matrix';
import { buildServices } from '../engine/services';
import type { Cluster } from '../k8s/types';
import type { CliArgs } from './args';
import type { CommandResult } from './command-result';
import { inactiveNote } from './inactive-note';
import { matrixJson, matrixTable } from './render-matrix';
import { groupCsv, groupJson, groupMarkdown, groupTable } from './render-report';
import { serviceColumns, serviceColumnsJson, serviceColumnsTable, splitPeers } from './service-columns';

export function runMatrix(args: CliArgs, cluster: Cluster): CommandResult {
  const ports = args.ports.length > 0 ? args.ports : [{ port: 80, protocol: 'TCP' as const }];
  const peers = splitPeers(buildServices(cluster), args.peers);
  const endpoints = inNamespaces(buildEndpoints(cluster, peers.outside), args.namespaces);
  const m = computeFlowMatrix(cluster.policies, endpoints, ports);
  const by = args.by ?? 'pod';
  const format = args.format ?? (args.json ? 'json' : 'table');
  const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', code: 0 });
  if (by === 'pod' && (format === 'table' || format === 'json')) {
    const columns = serviceColumns(cluster, endpoints, peers.services, ports);
    return ok(
      format === 'json'
        ? matrixJson(m, serviceColumnsJson(columns, ports))
        : matrixTable(m, args.lang) +
            serviceColumnsTable(columns, ports, args.lang) +
            inactiveNote(cluster, args.lang),
    );
  }
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

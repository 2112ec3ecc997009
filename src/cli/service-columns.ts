// `netlab matrix --peer IP` where the IP is a Service's (ClusterIP, load-balancer IP, externalIP):
// the column is the Service, judged after kube-proxy's DNAT on every endpoint it may choose —
// ✓ when all of them allow the flow, ✗ when none does, ~ when it depends on the endpoint.
import { serviceAtAddress, type ServiceDestination } from '../engine/destination';
import type { Endpoint } from '../engine/endpoints';
import type { FlowPort } from '../engine/match';
import { evaluateServiceFlow, type ServiceFlowVerdict } from '../engine/service-flow';
import type { TopologyService } from '../engine/services';
import type { Cluster } from '../k8s/types';
import type { Locale } from '../lib/text';

export interface ServiceCell {
  readonly from: string;
  readonly verdict: ServiceFlowVerdict;
  readonly endpoints: number;
  readonly allowedEndpoints: number;
}

export interface ServiceColumn {
  readonly destination: ServiceDestination;
  readonly label: string;
  /** [port][source] */
  readonly cells: readonly (readonly ServiceCell[])[];
}

/** Splits --peer addresses: those that belong to a Service, and plain outside addresses. */
export function splitPeers(
  services: readonly TopologyService[],
  peers: readonly string[],
): { services: ServiceDestination[]; outside: string[] } {
  const out = { services: [] as ServiceDestination[], outside: [] as string[] };
  for (const p of peers) {
    const s = serviceAtAddress(services, p.trim());
    if (s) out.services.push(s);
    else out.outside.push(p);
  }
  return out;
}

export function serviceColumns(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  destinations: readonly ServiceDestination[],
  ports: readonly FlowPort[],
  /** The rows (default: every pod of `endpoints`); `matrix --from` asks for fewer. */
  rows: readonly Endpoint[] = endpoints,
): ServiceColumn[] {
  const sources = rows.filter((e) => e.kind === 'pod');
  return destinations.map((destination) => ({
    destination,
    label: `svc:${destination.service.key} (${destination.address ?? destination.service.clusterIP})`,
    cells: ports.map((port) =>
      sources.map((from): ServiceCell => {
        const f = evaluateServiceFlow(cluster, endpoints, from, destination, port);
        return {
          from: from.key,
          verdict: f.verdict,
          endpoints: f.backends.length,
          allowedEndpoints: f.backends.filter((b) => b.explanation.allowed).length,
        };
      }),
    ),
  }));
}

/** ✓, ✗, ~ (depends on the endpoint), or - (no such port, or no endpoint to take it). */
export function serviceMark(c: ServiceCell): string {
  return c.verdict === 'allowed' ? '✓' : c.verdict === 'some' ? '~' : c.verdict === 'denied' ? '✗' : '-';
}

export function serviceColumnsTable(
  columns: readonly ServiceColumn[],
  ports: readonly FlowPort[],
  locale: Locale,
): string {
  if (columns.length === 0) return '';
  const out: string[] = [];
  ports.forEach((p, pi) => {
    out.push(
      locale === 'ko'
        ? `포트 ${p.port}/${p.protocol}, Service로 (kube-proxy DNAT 뒤 엔드포인트마다 판정: ✓ 모두 허용, ~ 엔드포인트에 따라 다름, ✗ 차단, - 포트나 엔드포인트 없음)`
        : `Port ${p.port}/${p.protocol} to Services (judged on each endpoint after kube-proxy's DNAT: ✓ all allow, ~ depends on the endpoint, ✗ denied, - no such port or no endpoint)`,
    );
    const rows = columns[0]!.cells[pi]!.map((c) => c.from);
    const width = Math.max(4, ...rows.map((r) => r.length));
    out.push(' '.repeat(width) + ' ' + columns.map((c) => c.label).join('  '));
    rows.forEach((from, s) => {
      const cells = columns.map((c) => {
        const cell = c.cells[pi]![s]!;
        const mark = serviceMark(cell);
        const text = cell.verdict === 'some' ? `${mark} ${cell.allowedEndpoints}/${cell.endpoints}` : mark;
        return text.padEnd(c.label.length);
      });
      out.push(`${from.padEnd(width)} ${cells.join('  ').trimEnd()}`);
    });
    out.push('');
  });
  return out.join('\n');
}

/** The JSON flows of the Service columns, in matrixJson's shape plus what the Service did. */
export function serviceColumnsJson(columns: readonly ServiceColumn[], ports: readonly FlowPort[]): string[] {
  return columns.flatMap((c) =>
    ports.flatMap((p, pi) =>
      c.cells[pi]!.map((cell) =>
        JSON.stringify({
          from: cell.from,
          to: c.label,
          port: p.port,
          protocol: p.protocol,
          allowed: cell.verdict === 'allowed',
          service: {
            key: c.destination.service.key,
            verdict: cell.verdict,
            endpoints: cell.endpoints,
            allowedEndpoints: cell.allowedEndpoints,
          },
        }),
      ),
    ),
  );
}

// `netlab who-can-reach`, `netlab reaches` and `netlab selects`: the questions asked of a real
// cluster, answered from the same engine as the matrix, grouped by workload unless --by says so.
import { groupEndpoints } from '../engine/aggregate';
import { resolveDestination } from '../engine/destination';
import { buildEndpoints, type Endpoint } from '../engine/endpoints';
import { coverCidr, policiesSelecting, whatCanReach, whoCanReach } from '../engine/queries';
import { evaluateServiceFlow } from '../engine/service-flow';
import { buildServices } from '../engine/services';
import type { Cluster } from '../k8s/types';
import { pick } from '../lib/text';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', code: 0 });

export const QUERY_COMMANDS = ['who-can-reach', 'reaches', 'selects'] as const;

export function runQuery(args: CliArgs, cluster: Cluster): CommandResult {
  const endpoints = buildEndpoints(cluster, args.peers);
  const services = buildServices(cluster);
  if (args.command === 'selects') return selects(args, cluster, endpoints, services);
  const text = args.command === 'who-can-reach' ? args.to : args.from;
  const flag = args.command === 'who-can-reach' ? '--to' : '--from';
  if (text === undefined) throw new UsageError(`${args.command} needs ${flag} (a pod, an IP or svc:NS/NAME)`);
  const d = resolveDestination(cluster, endpoints, services, text);
  if (typeof d === 'string') throw new UsageError(`${flag}: ${d}`);
  const by = args.by ?? 'workload';
  const groups = groupEndpoints(cluster, endpoints, by);
  const groupOf = new Map<number, (typeof groups)[number]>();
  for (const g of groups) for (const i of g.members) groupOf.set(i, g);
  /** "shop/web (Deployment): 3/3" lines for a set of endpoint indexes. */
  const summarise = (indexes: readonly number[]): string[] => {
    const hits = new Map<(typeof groups)[number], number>();
    for (const i of indexes) hits.set(groupOf.get(i)!, (hits.get(groupOf.get(i)!) ?? 0) + 1);
    return [...hits].map(([g, n]) => {
      const kind = g.kind === 'Pod' || g.kind === 'External' || g.kind === 'Namespace' ? '' : ` (${g.kind})`;
      return `    ${g.label}${kind}${by === 'pod' ? '' : `: ${n}/${g.members.length} pod(s)`}`;
    });
  };

  if (args.command === 'who-can-reach') {
    if (d.kind === 'service') {
      const ports =
        args.ports.length > 0
          ? args.ports
          : d.service.ports.map((p) => ({ port: p.port, protocol: p.protocol }));
      const out = [`svc:${d.service.key}`];
      for (const port of ports) {
        const reached = endpoints.flatMap((e, i) => {
          if (e.kind !== 'pod') return [];
          const v = evaluateServiceFlow(cluster, endpoints, e, d, port).verdict;
          return v === 'allowed' || v === 'some' ? [i] : [];
        });
        out.push(
          pick(
            args.lang,
            `  ${port.port}/${port.protocol}: ${reached.length} pod(s) can reach it (through kube-proxy's DNAT)`,
            `  ${port.port}/${port.protocol}: 파드 ${reached.length}개가 닿을 수 있습니다(kube-proxy의 DNAT을 거쳐)`,
          ),
        );
        out.push(...summarise(reached));
      }
      return ok(out.join('\n') + '\n');
    }
    const target = endpoints.indexOf(d.endpoint);
    const out = [d.endpoint.key];
    for (const r of whoCanReach(cluster.policies, endpoints, target, args.ports)) {
      out.push(
        pick(
          args.lang,
          `  ${r.port.port}/${r.port.protocol}: ${r.allowed.length} of ${r.judged} endpoint(s) can reach it`,
          `  ${r.port.port}/${r.port.protocol}: ${r.judged}개 중 ${r.allowed.length}개가 닿을 수 있습니다`,
        ),
      );
      out.push(...summarise(r.allowed));
    }
    return ok(out.join('\n') + '\n');
  }

  if (d.kind === 'service') throw new UsageError(`--from: ${text} is a Service: Services never send packets`);
  const source = endpoints.indexOf(d.endpoint);
  const { allowed, judged } = whatCanReach(cluster.policies, endpoints, source, args.ports);
  const byPort = new Map<string, number[]>();
  for (const a of allowed) {
    const k = `${a.port.port}/${a.port.protocol}`;
    byPort.set(k, [...(byPort.get(k) ?? []), a.to]);
  }
  const out = [
    d.endpoint.key,
    pick(
      args.lang,
      `  can reach ${allowed.length} of ${judged} (destination, port) pairs, on the ports each destination declares:`,
      `  목적지마다 선언한 포트 기준으로 (목적지, 포트) ${judged}쌍 중 ${allowed.length}쌍에 닿을 수 있습니다:`,
    ),
  ];
  for (const [port, to] of byPort) out.push(`  ${port}:`, ...summarise(to));
  return ok(out.join('\n') + '\n');
}

function selects(
  args: CliArgs,
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  services: ReturnType<typeof buildServices>,
): CommandResult {
  const text = args.target;
  if (text === undefined) throw new UsageError('selects needs --target (a pod, an IP or a CIDR)');
  const lang = args.lang;
  if (!text.includes('/') || endpoints.some((e) => e.key === text)) {
    const d = resolveDestination(cluster, endpoints, services, text);
    if (typeof d !== 'string' && d.kind === 'endpoint' && d.endpoint.kind === 'pod') {
      const s = policiesSelecting(cluster.policies, d.endpoint);
      const none = pick(lang, 'none (unrestricted)', '없음(제한 없음)');
      const host = d.endpoint.pod.hostNetwork
        ? pick(lang, ' — hostNetwork: no policy selects it', ' — hostNetwork: 어떤 정책도 선택하지 않습니다')
        : '';
      return ok(
        [
          `${d.endpoint.key} (${d.endpoint.ip.key})${host}`,
          `  Ingress: ${s.ingress.join(', ') || none}`,
          `  Egress:  ${s.egress.join(', ') || none}`,
        ].join('\n') + '\n',
      );
    }
  }
  const cover = coverCidr(cluster, endpoints, services, text);
  if (!cover) {
    const d = resolveDestination(cluster, endpoints, services, text);
    throw new UsageError(`--target: ${typeof d === 'string' ? d : `${text} is not a pod, an IP or a CIDR`}`);
  }
  const out = [cover.cidr.text];
  const list = (label: string, items: readonly string[]): void => {
    if (items.length > 0) out.push(`  ${label} (${items.length}): ${items.join(', ')}`);
  };
  list(
    pick(lang, 'pods', '파드'),
    cover.pods.map((p) => `${p.key} ${p.ip.key}`),
  );
  list(
    pick(lang, 'pods without an IP that last had one here', '여기 주소를 마지막으로 썼던 IP 없는 파드'),
    cover.inactivePods,
  );
  list(pick(lang, 'nodes', '노드'), cover.nodes);
  list(
    pick(lang, 'Service addresses', 'Service 주소'),
    cover.services.map((s) => `${s.service} ${s.what} ${s.ip}`),
  );
  list(
    pick(lang, 'ipBlocks overlapping it', '겹치는 ipBlock'),
    cover.ipBlocks.map(
      (b) =>
        `${b.policy} spec.${b.direction}[${b.rule}].${b.direction === 'ingress' ? 'from' : 'to'}[${b.peer}] ${b.cidr}`,
    ),
  );
  const selecting = new Set(
    cover.pods.flatMap((p) => [
      ...policiesSelecting(cluster.policies, p).ingress,
      ...policiesSelecting(cluster.policies, p).egress,
    ]),
  );
  list(pick(lang, 'policies selecting those pods', '그 파드를 선택하는 정책'), [...selecting].sort());
  if (out.length === 1)
    out.push(
      pick(lang, '  nothing in the scenario is in this range', '  이 범위에 든 것이 시나리오에 없습니다'),
    );
  return ok(out.join('\n') + '\n');
}

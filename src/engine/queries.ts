// The questions a platform engineer asks of a cluster: which policies select this pod, who can
// reach it (on which of its ports), what can it reach (on the ports the destinations declare),
// and what an address range covers (pods, nodes, Service addresses, policies naming it).
import type { Cluster, ContainerPort, NetworkPolicy } from '../k8s/types';
import { cidrContains, cidrsOverlap, parseCidr, parseIp, type Cidr } from '../lib/ip';
import { isPolicyPod, type Endpoint, type PodEndpoint } from './endpoints';
import { computeFlowMatrix } from './flow-matrix';
import type { FlowPort } from './match';
import { policySelects } from './match';
import type { TopologyService } from './services';

export interface Selection {
  /** Policies isolating the pod for ingress, and for egress (namespace/name). */
  readonly ingress: readonly string[];
  readonly egress: readonly string[];
}

/** Which policies select a pod, per direction (hostNetwork pods and outside addresses: none). */
export function policiesSelecting(policies: readonly NetworkPolicy[], e: Endpoint): Selection {
  const selecting = isPolicyPod(e) ? policies.filter((p) => policySelects(p, e)) : [];
  const key = (p: NetworkPolicy): string => `${p.namespace}/${p.name}`;
  return {
    ingress: selecting.filter((p) => p.policyTypes.includes('Ingress')).map(key),
    egress: selecting.filter((p) => p.policyTypes.includes('Egress')).map(key),
  };
}

/** The ports a pod declares (containerPort/protocol), once each, in order. */
export function declaredPorts(e: Endpoint): FlowPort[] {
  if (e.kind !== 'pod') return [];
  const seen = new Map<string, FlowPort>();
  for (const c of e.pod.containers)
    for (const p of c.ports as readonly ContainerPort[])
      seen.set(`${p.containerPort}/${p.protocol}`, { port: p.containerPort, protocol: p.protocol });
  return [...seen.values()];
}

export interface PortReach {
  readonly port: FlowPort;
  /** Endpoint indexes on the other side whose flow is allowed. */
  readonly allowed: readonly number[];
  /** How many were judged (every endpoint but the target itself, outside → outside left out). */
  readonly judged: number;
}

/**
 * Who can reach `target` (an index into `endpoints`) on each port: the given ones, else the
 * ports the target declares (80/TCP when it declares none).
 */
export function whoCanReach(
  policies: readonly NetworkPolicy[],
  endpoints: readonly Endpoint[],
  target: number,
  ports?: readonly FlowPort[],
): PortReach[] {
  const t = endpoints[target]!;
  const asked = ports && ports.length > 0 ? ports : declaredPorts(t);
  const use = asked.length > 0 ? asked : [{ port: 80, protocol: 'TCP' as const }];
  const m = computeFlowMatrix(policies, endpoints, use);
  return use.map((port, pi) => {
    const allowed: number[] = [];
    let judged = 0;
    endpoints.forEach((e, s) => {
      if (s === target || (e.kind === 'external' && t.kind === 'external')) return;
      judged++;
      if (m.allowed[pi]![s]!.has(target)) allowed.push(s);
    });
    return { port, allowed, judged };
  });
}

export interface Reachable {
  readonly to: number;
  readonly port: FlowPort;
}

/**
 * What `source` can reach: every other pod on each port it declares (given ports instead, when
 * there are some), and outside addresses on the given ports (80/TCP by default).
 */
export function whatCanReach(
  policies: readonly NetworkPolicy[],
  endpoints: readonly Endpoint[],
  source: number,
  ports?: readonly FlowPort[],
): { readonly allowed: readonly Reachable[]; readonly judged: number } {
  const perDest = endpoints.map((e) =>
    ports && ports.length > 0
      ? [...ports]
      : declaredPorts(e).length > 0
        ? declaredPorts(e)
        : [{ port: 80, protocol: 'TCP' as const }],
  );
  const union = new Map<string, FlowPort>();
  for (const ps of perDest) for (const p of ps) union.set(`${p.port}/${p.protocol}`, p);
  const all = [...union.values()];
  const index = new Map(all.map((p, i) => [`${p.port}/${p.protocol}`, i]));
  const m = computeFlowMatrix(policies, endpoints, all);
  const s = endpoints[source]!;
  const allowed: Reachable[] = [];
  let judged = 0;
  endpoints.forEach((e, d) => {
    if (d === source || (e.kind === 'external' && s.kind === 'external')) return;
    for (const port of perDest[d]!) {
      judged++;
      if (m.allowed[index.get(`${port.port}/${port.protocol}`)!]![source]!.has(d))
        allowed.push({ to: d, port });
    }
  });
  return { allowed, judged };
}

export interface CidrCover {
  readonly cidr: Cidr;
  readonly pods: readonly PodEndpoint[];
  /** Finished or waiting pods whose last reported IP is in the range. */
  readonly inactivePods: readonly string[];
  readonly nodes: readonly string[];
  readonly services: readonly { readonly service: string; readonly what: string; readonly ip: string }[];
  /** Policy peers whose ipBlock overlaps the range: `ns/name`, direction, rule and peer (0-based). */
  readonly ipBlocks: readonly {
    readonly policy: string;
    readonly direction: 'ingress' | 'egress';
    readonly rule: number;
    readonly peer: number;
    readonly cidr: string;
  }[];
}

/** Everything an address range (or one address) touches. Undefined when `text` is neither. */
export function coverCidr(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  services: readonly TopologyService[],
  text: string,
): CidrCover | undefined {
  const cidr = parseCidr(text.includes('/') ? text : `${text}/${parseIp(text)?.family === 6 ? 128 : 32}`);
  if (!cidr) return undefined;
  const inside = (ip: string): boolean => {
    const a = parseIp(ip);
    return a !== null && cidrContains(cidr, a);
  };
  const ipBlocks: CidrCover['ipBlocks'][number][] = [];
  for (const p of cluster.policies)
    for (const direction of ['ingress', 'egress'] as const)
      p[direction].forEach((rule, r) =>
        rule.peers?.forEach((peer, i) => {
          if (peer.ipBlock && cidrsOverlap(peer.ipBlock.cidr, cidr))
            ipBlocks.push({
              policy: `${p.namespace}/${p.name}`,
              direction,
              rule: r,
              peer: i,
              cidr: peer.ipBlock.cidr.text,
            });
        }),
      );
  return {
    cidr,
    pods: endpoints.filter((e): e is PodEndpoint => e.kind === 'pod' && cidrContains(cidr, e.ip)),
    inactivePods: cluster.inactivePods
      .filter((p) => p.lastIp !== undefined && inside(p.lastIp))
      .map((p) => `${p.namespace}/${p.name}`),
    nodes: cluster.nodes.filter((n) => n.internalIP && cidrContains(cidr, n.internalIP)).map((n) => n.name),
    services: services.flatMap((s) => [
      ...(s.clusterIP !== null && inside(s.clusterIP)
        ? [{ service: s.key, what: 'ClusterIP', ip: s.clusterIP }]
        : []),
      ...s.loadBalancerIPs.filter(inside).map((ip) => ({ service: s.key, what: 'load-balancer IP', ip })),
      ...s.externalIPs.filter(inside).map((ip) => ({ service: s.key, what: 'externalIP', ip })),
    ]),
    ipBlocks,
  };
}

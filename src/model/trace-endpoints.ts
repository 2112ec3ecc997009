// The two ends of a packet journey, from what a person types: `ns/pod` (or a pod name in
// `default`), an ExternalEndpoint's name, `svc:ns/name`, or an address — a pod IP, a node IP, a Service's ClusterIP or
// LoadBalancer IP, or anything outside — optionally with `:port` (`192.168.1.11:30080`).
import { serviceAtAddress, serviceByName } from '../engine/destination';
import { josa } from '../lib/korean';
import { buildEndpoints, findEndpoint } from '../engine/endpoints';
import type { Cluster, InactivePod, Service } from '../k8s/types';
import { t, type LocalText } from '../lib/text';
import { parseIp } from '../lib/ip';
import type { Topology, TopologyNode, TopologyPod, TopologyService } from './topology';
import { TraceError } from './trace-types';

export type TraceEnd =
  | { readonly kind: 'pod'; readonly pod: TopologyPod }
  | { readonly kind: 'node'; readonly node: TopologyNode; readonly ip: string }
  | { readonly kind: 'outside'; readonly ip: string; readonly name?: string }
  | {
      readonly kind: 'service';
      readonly service: TopologyService;
      readonly spec: Service;
      /** By name (`svc:ns/name`), or by one of its addresses. */
      readonly access: 'name' | 'cluster-ip' | 'load-balancer' | 'external-ip';
      /** The address written: an IP, or a load balancer's hostname. */
      readonly address?: string;
    };

export interface ParsedEnd {
  readonly end: TraceEnd;
  /** The port written after the address, if any. */
  readonly port?: number;
}

/** Resolves one end; throws TraceError with a did-you-mean when nothing has that name. */
export function resolveTraceEnd(cluster: Cluster, topology: Topology, text: string): ParsedEnd {
  const s = text.trim();
  if (s.startsWith('svc:')) return { end: serviceEnd(cluster, topology, s.slice(4)) };
  const withPort =
    /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(s) ?? /^\[([0-9A-Fa-f:.]+)\]:(\d{1,5})$/.exec(s);
  if (withPort) {
    const port = Number(withPort[2]);
    if (port < 1 || port > 65535)
      throw new TraceError(`${s}: the port must be from 1 to 65535`, `${s}: 포트는 1부터 65535까지입니다`);
    return { end: addressEnd(cluster, topology, withPort[1]!, s), port };
  }
  if (parseIp(s)) return { end: addressEnd(cluster, topology, s, s) };
  const byHostname = serviceAtAddress(topology.services, s);
  if (byHostname) return { end: serviceEndOf(cluster, topology, byHostname) };
  // A bare name is a pod in `default`, else an ExternalEndpoint (`user`, `backup-server`).
  const outside = cluster.externals.find((x) => x.name === s);
  if (outside && !s.includes('/') && !topology.pods.some((p) => p.key === `default/${s}`)) {
    return { end: addressEnd(cluster, topology, outside.ip.key, s) };
  }
  const found = findEndpoint(buildEndpoints(cluster), cluster, s);
  if (typeof found === 'string') {
    const key = s.includes('/') ? s : `default/${s}`;
    const waiting = cluster.inactivePods.find((p) => `${p.namespace}/${p.name}` === key);
    if (waiting) throw inactiveEnd(key, waiting);
    throw new TraceError(found, `${s}: 시나리오에서 찾을 수 없습니다 (${found})`);
  }
  return { end: { kind: 'pod', pod: topology.pods.find((p) => p.key === found.key)! } };
}

/** A pod of the scenario that holds no IP: it sends and receives nothing, and the error says why. */
function inactiveEnd(key: string, p: InactivePod): TraceError {
  const why = p.reason ?? WHY[p.why];
  return new TraceError(
    `${key} holds no IP (${p.phase}: ${why.en}), so no packet can leave or reach it`,
    `${josa(key, '은/는')} IP가 없어서(${p.phase}: ${why.ko}) 패킷을 보내지도 받지도 못합니다`,
  );
}

const WHY: Readonly<Record<InactivePod['why'], LocalText>> = {
  completed: t('it has finished', '이미 끝났습니다'),
  failed: t('it has failed', '실패했습니다'),
  'no-ip': t('no address yet', '아직 주소가 없습니다'),
  'no-free-address': t('no free address on its node', '노드에 남은 주소가 없습니다'),
};

/** How an end is named in the trace: `prod/web`, `svc:prod/web`, `203.0.113.10 (user)`. */
export function endLabel(e: TraceEnd): string {
  switch (e.kind) {
    case 'pod':
      return e.pod.key;
    case 'node':
      return `${e.ip} (${e.node.name})`;
    case 'outside':
      return e.name ? `${e.ip} (${e.name})` : e.ip;
    case 'service':
      return e.address !== undefined ? `svc:${e.service.key} (${e.address})` : `svc:${e.service.key}`;
  }
}

function addressEnd(cluster: Cluster, topology: Topology, ipText: string, original: string): TraceEnd {
  const ip = parseIp(ipText);
  if (!ip) throw new TraceError(`${original}: not an IP address`, `${original}: IP 주소가 아닙니다`);
  const key = ip.key;
  const service = serviceAtAddress(topology.services, key);
  if (service) return serviceEndOf(cluster, topology, service);
  const pod = topology.pods.find((p) => !p.hostNetwork && p.ip === key);
  if (pod) return { kind: 'pod', pod };
  const node = topology.nodes.find((n) => n.internalIP === key);
  if (node) return { kind: 'node', node, ip: key };
  const name = cluster.externals.find((x) => x.ip.key === key)?.name;
  return { kind: 'outside', ip: key, ...(name !== undefined ? { name } : {}) };
}

function serviceEnd(cluster: Cluster, topology: Topology, text: string): TraceEnd {
  const found = serviceByName(topology.services, text);
  if (typeof found === 'string') {
    const key = text.includes('/') ? text : `default/${text}`;
    const near = topology.services.filter((s) => s.name === key.split('/').pop()).map((s) => `svc:${s.key}`);
    throw new TraceError(
      found,
      `시나리오에 Service ${josa(key, '이/가')} 없습니다${near.length ? ` (혹시 ${near.join(', ')} 말인가요?)` : ''}`,
    );
  }
  return serviceEndOf(cluster, topology, found);
}

function serviceEndOf(
  cluster: Cluster,
  topology: Topology,
  d: Exclude<ReturnType<typeof serviceByName>, string>,
): TraceEnd {
  const i = topology.services.indexOf(d.service);
  return {
    kind: 'service',
    service: d.service,
    spec: cluster.services[i]!,
    access: d.access,
    ...(d.address !== undefined ? { address: d.address } : {}),
  };
}

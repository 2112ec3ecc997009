// What kube-proxy does on one node to a packet addressed to a Service: which rule matches (ClusterIP,
// NodePort on this node's address, LoadBalancer IP), which endpoint the destination becomes, whether
// the source is masqueraded, and the rule as kube-proxy writes it: iptables chains named like
// kube-proxy names them (KUBE-SVC-<hash of "ns/name:port" + protocol>), or an IPVS virtual server.
import type { KubeProxyMode, Service } from '../k8s/types';
import { base32, sha256 } from '../lib/sha256';
import type { TopologyNode, TopologyPod, TopologyService, TopologyServicePort } from './topology';
import type { AddressPort, DropCode, KubeProxyRule } from './trace-types';

/** How the packet reached the Service: its ClusterIP, a node's NodePort, or its LoadBalancer IP. */
export type ServiceAccess = 'cluster-ip' | 'node-port' | 'load-balancer';

export interface KubeProxyHit {
  readonly service: TopologyService;
  readonly access: ServiceAccess;
  readonly port: TopologyServicePort;
  readonly endpoint: TopologyPod;
  readonly to: AddressPort;
  /** Endpoints that could take the packet, in scenario order; `endpoint` is the first. */
  readonly candidates: readonly TopologyPod[];
  /** externalTrafficPolicy Local from outside: only this node's endpoints, source kept. */
  readonly localOnly: boolean;
  /** NodePort/LoadBalancer with externalTrafficPolicy Cluster: the source becomes the node's address. */
  readonly masquerade: boolean;
  readonly rule: KubeProxyRule;
}

export interface KubeProxyMiss {
  readonly service: TopologyService;
  readonly access: ServiceAccess;
  readonly drop: Extract<DropCode, 'no-endpoints' | 'no-local-endpoint' | 'no-service-port'>;
  readonly port?: TopologyServicePort;
}

export interface KubeProxyInput {
  readonly services: readonly TopologyService[];
  /** The API objects, for externalTrafficPolicy and loadBalancerIP, by `ns/name`. */
  readonly specs: ReadonlyMap<string, Service>;
  readonly pods: ReadonlyMap<string, TopologyPod>;
  readonly mode: KubeProxyMode;
}

export interface KubeProxyPacket {
  readonly src: string;
  readonly dst: string;
  readonly dstPort: number;
  readonly protocol: TopologyServicePort['protocol'];
}

/**
 * The Service rule of `node` that `pkt` hits, if any. `fromCluster`: the source is a pod or the
 * node itself, which kube-proxy sends to every endpoint even under externalTrafficPolicy Local.
 */
export function kubeProxyMatch(
  k: KubeProxyInput,
  node: TopologyNode,
  pkt: KubeProxyPacket,
  fromCluster: boolean,
): KubeProxyHit | KubeProxyMiss | undefined {
  for (const s of k.services) {
    if (s.type === 'ExternalName') continue;
    const spec = k.specs.get(s.key);
    const samePort = (p: TopologyServicePort): boolean =>
      p.port === pkt.dstPort && p.protocol === pkt.protocol;
    let access: ServiceAccess;
    let port: TopologyServicePort | undefined;
    if (s.clusterIP !== null && s.clusterIP === pkt.dst) {
      access = 'cluster-ip';
      port = s.ports.find(samePort);
    } else if (s.type === 'LoadBalancer' && spec?.loadBalancerIP === pkt.dst) {
      access = 'load-balancer';
      port = s.ports.find(samePort);
    } else if ((s.type === 'NodePort' || s.type === 'LoadBalancer') && node.internalIP === pkt.dst) {
      port = s.ports.find((p) => p.nodePort === pkt.dstPort && p.protocol === pkt.protocol);
      if (!port) continue; // another Service's nodePort, or none: the packet is for the node itself
      access = 'node-port';
    } else continue;
    if (!port) return { service: s, access, drop: 'no-service-port' };

    const ready = s.endpoints
      .map((key) => k.pods.get(key)!)
      .filter((p) => p.node !== null && targetPortOf(p, port) !== undefined);
    const localOnly = access !== 'cluster-ip' && spec?.externalTrafficPolicy === 'Local' && !fromCluster;
    const candidates = localOnly ? ready.filter((p) => p.node === node.name) : ready;
    if (ready.length === 0) return { service: s, access, port, drop: 'no-endpoints' };
    if (candidates.length === 0) return { service: s, access, port, drop: 'no-local-endpoint' };
    const endpoint = candidates[0]!;
    const to = { ip: endpoint.ip, port: targetPortOf(endpoint, port)! };
    return {
      service: s,
      access,
      port,
      endpoint,
      to,
      candidates,
      localOnly,
      masquerade: access !== 'cluster-ip' && spec?.externalTrafficPolicy !== 'Local',
      rule: ruleFor(k.mode, s, port, access, localOnly, { ip: pkt.dst, port: pkt.dstPort }, to),
    };
  }
  return undefined;
}

/** The endpoint's port for a Service port: a number as is, a name looked up on the pod's containers. */
export function targetPortOf(pod: TopologyPod, port: TopologyServicePort): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const c of pod.containers) {
    const hit = c.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol);
    if (hit) return hit.containerPort;
  }
  return undefined;
}

/** kube-proxy's `portProtoHash`: base32(sha256(servicePortName + protocol))[:16]. */
function chainHash(text: string): string {
  return base32(sha256(text)).slice(0, 16);
}

/** `[ip]:port` for IPv6, `ip:port` otherwise (Go's net.JoinHostPort). */
export function hostPort(a: AddressPort): string {
  return a.ip.includes(':') ? `[${a.ip}]:${a.port}` : `${a.ip}:${a.port}`;
}

function ruleFor(
  mode: KubeProxyMode,
  s: TopologyService,
  port: TopologyServicePort,
  access: ServiceAccess,
  localOnly: boolean,
  vip: AddressPort,
  to: AddressPort,
): KubeProxyRule {
  const proto = port.protocol.toLowerCase();
  if (mode === 'ipvs') {
    return {
      mode,
      virtualServer: `${port.protocol} ${hostPort(vip)}`,
      realServer: hostPort(to),
      scheduler: 'rr',
    };
  }
  // ServicePortName.String(): "ns/name", plus ":port-name" when the port has a name.
  const spn = `${s.key}${port.name ? `:${port.name}` : ''}`;
  const hash = chainHash(spn + proto);
  const sep = `KUBE-SEP-${chainHash(spn + proto + hostPort(to))}`;
  const svc = `${localOnly ? 'KUBE-SVL' : 'KUBE-SVC'}-${hash}`;
  const ext = `KUBE-EXT-${hash}`;
  const chains =
    access === 'cluster-ip'
      ? ['KUBE-SERVICES', svc, sep]
      : access === 'node-port'
        ? ['KUBE-SERVICES', 'KUBE-NODEPORTS', ext, svc, sep]
        : ['KUBE-SERVICES', ext, svc, sep];
  return { mode, chains };
}

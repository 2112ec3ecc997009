// What kube-proxy does on one node to a packet addressed to a Service: which rule matches (ClusterIP,
// NodePort on this node's address, LoadBalancer IP), which endpoint the destination becomes, whether
// the source is masqueraded, and the rule as kube-proxy writes it: iptables chains named like
// kube-proxy names them (KUBE-SVC-<hash of "ns/name:port" + protocol>), or an IPVS virtual server.
import { backendPort, usableBackends } from '../engine/services';
import type { KubeProxyMode, Service } from '../k8s/types';
import { base32, sha256 } from '../lib/sha256';
import type { TopologyNode, TopologyPod, TopologyService, TopologyServicePort } from './topology';
import type { AddressPort, AffinityNote, DropCode, KubeProxyRule } from './trace-types';

/** How the packet reached the Service: its ClusterIP, a node's NodePort, its load-balancer IP or an externalIP. */
export type ServiceAccess = 'cluster-ip' | 'node-port' | 'load-balancer' | 'external-ip';

/** Where kube-proxy sends the packet: a pod, or an outside address an Endpoints object lists. */
export interface KubeProxyTarget {
  /** The pod's key, or the address itself. */
  readonly key: string;
  readonly ip: string;
  readonly pod?: TopologyPod;
}

export interface KubeProxyHit {
  readonly service: TopologyService;
  readonly access: ServiceAccess;
  readonly port: TopologyServicePort;
  readonly endpoint: KubeProxyTarget;
  readonly to: AddressPort;
  /** Endpoints that could take the packet, in scenario order; `endpoint` is the first. */
  readonly candidates: readonly KubeProxyTarget[];
  /** A traffic policy of Local kept only this node's endpoints. */
  readonly localOnly: boolean;
  /** Which policy made it local: externalTrafficPolicy (from outside) or internalTrafficPolicy. */
  readonly localBecause?: 'external' | 'internal';
  /** NodePort/LoadBalancer with externalTrafficPolicy Cluster: the source becomes the node's address. */
  readonly masquerade: boolean;
  readonly rule: KubeProxyRule;
  /** sessionAffinity ClientIP: the client address kube-proxy keys on, the timeout, the endpoint kept. */
  readonly affinity?: AffinityNote;
}

export interface KubeProxyMiss {
  readonly service: TopologyService;
  readonly access: ServiceAccess;
  readonly drop: Extract<DropCode, 'no-endpoints' | 'no-local-endpoint' | 'no-service-port'>;
  readonly port?: TopologyServicePort;
  readonly localBecause?: 'external' | 'internal';
}

export interface KubeProxyInput {
  readonly services: readonly TopologyService[];
  /** The API objects, by `ns/name`. */
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

/** How a packet's destination names a Service on `node`, and the Service port it asks for. */
function accessOf(
  s: TopologyService,
  node: TopologyNode,
  pkt: KubeProxyPacket,
): { access: ServiceAccess; port: TopologyServicePort | undefined } | undefined {
  const samePort = (p: TopologyServicePort): boolean => p.port === pkt.dstPort && p.protocol === pkt.protocol;
  if (s.clusterIP !== null && s.clusterIP === pkt.dst)
    return { access: 'cluster-ip', port: s.ports.find(samePort) };
  if (s.loadBalancerIPs.includes(pkt.dst)) return { access: 'load-balancer', port: s.ports.find(samePort) };
  if (s.externalIPs.includes(pkt.dst)) return { access: 'external-ip', port: s.ports.find(samePort) };
  if ((s.type === 'NodePort' || s.type === 'LoadBalancer') && node.internalIP === pkt.dst) {
    const port = s.ports.find((p) => p.nodePort === pkt.dstPort && p.protocol === pkt.protocol);
    // Another Service's nodePort, or none: the packet is for the node itself.
    return port ? { access: 'node-port', port } : undefined;
  }
  return undefined;
}

/**
 * The Service rule of `node` that `pkt` hits, if any. `fromCluster`: the source is a pod or the
 * node itself. externalTrafficPolicy Local limits traffic from outside to this node's endpoints
 * (traffic from inside to an external address gets Cluster semantics); internalTrafficPolicy
 * Local does the same for traffic from inside to the ClusterIP.
 */
export function kubeProxyMatch(
  k: KubeProxyInput,
  node: TopologyNode,
  pkt: KubeProxyPacket,
  fromCluster: boolean,
): KubeProxyHit | KubeProxyMiss | undefined {
  for (const s of k.services) {
    if (s.type === 'ExternalName') continue;
    const hit = accessOf(s, node, pkt);
    if (!hit) continue;
    const { access, port } = hit;
    if (!port) return { service: s, access, drop: 'no-service-port' };

    const podOf = (key: string): TopologyPod | undefined => k.pods.get(key);
    const ready = usableBackends(s.backends)
      .map((b) => ({ b, pod: b.pod !== undefined ? podOf(b.pod) : undefined }))
      .filter(
        ({ b, pod }) =>
          (b.pod === undefined || pod?.node !== null) && backendPort(b, port, podOf) !== undefined,
      );
    const localBecause: 'external' | 'internal' | undefined =
      access === 'cluster-ip'
        ? fromCluster && s.internalTrafficPolicy === 'Local'
          ? 'internal'
          : undefined
        : !fromCluster && s.externalTrafficPolicy === 'Local'
          ? 'external'
          : undefined;
    const onNode = (nodeName: string | undefined): boolean => nodeName === node.name;
    const candidates = localBecause ? ready.filter(({ b, pod }) => onNode(pod?.node ?? b.nodeName)) : ready;
    const because = localBecause ? { localBecause } : {};
    if (ready.length === 0) return { service: s, access, port, drop: 'no-endpoints', ...because };
    if (candidates.length === 0) return { service: s, access, port, drop: 'no-local-endpoint', ...because };
    const targets = candidates.map(({ b, pod }): KubeProxyTarget => ({
      key: pod?.key ?? b.ip,
      ip: b.ip,
      ...(pod ? { pod } : {}),
    }));
    const first = candidates[0]!;
    const to = { ip: first.b.ip, port: backendPort(first.b, port, podOf)! };
    return {
      service: s,
      access,
      port,
      endpoint: targets[0]!,
      to,
      candidates: targets,
      localOnly: localBecause !== undefined,
      ...because,
      masquerade: access !== 'cluster-ip' && s.externalTrafficPolicy !== 'Local',
      // kube-proxy keys on the source as PREROUTING/OUTPUT sees it: before any MASQUERADE.
      ...(s.sessionAffinity
        ? {
            affinity: {
              clientIp: pkt.src,
              timeoutSeconds: s.sessionAffinity.timeoutSeconds,
              endpoint: targets[0]!.key,
            },
          }
        : {}),
      rule: ruleFor(
        k.mode,
        s,
        port,
        access,
        localBecause === 'external',
        { ip: pkt.dst, port: pkt.dstPort },
        to,
      ),
    };
  }
  return undefined;
}

/** The endpoint's port for a Service port: a number as is, a name looked up on the pod's containers. */
export function targetPortOf(pod: TopologyPod, port: TopologyServicePort): number | undefined {
  return backendPort(
    { ip: pod.ip, pod: pod.key, ready: true, serving: true, terminating: false },
    port,
    () => pod,
  );
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
  const seconds = s.sessionAffinity?.timeoutSeconds;
  if (mode === 'ipvs') {
    return {
      mode,
      virtualServer: `${port.protocol} ${hostPort(vip)}`,
      realServer: hostPort(to),
      scheduler: 'rr',
      ...(seconds !== undefined ? { persistent: seconds } : {}),
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
  // With ClientIP affinity the recent list is named after the endpoint's KUBE-SEP chain.
  return { mode, chains, ...(seconds !== undefined ? { recent: { name: sep, seconds } } : {}) };
}

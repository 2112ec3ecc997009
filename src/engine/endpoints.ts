// The things a flow goes between: every pod of the scenario, plus outside addresses
// (peers given by IP — a backup server, a user, or a node's own address).
import { parseIp, type IpAddress } from '../lib/ip';
import { keyOf, type Cluster, type ClusterNode, type Namespace, type Pod } from '../k8s/types';

export interface PodEndpoint {
  readonly kind: 'pod';
  /** `namespace/name` */
  readonly key: string;
  readonly pod: Pod;
  readonly namespace: Namespace;
  readonly ip: IpAddress;
  /** The node the pod runs on, when the scenario has it. */
  readonly node?: ClusterNode;
}

export interface ExternalEndpoint {
  readonly kind: 'external';
  /** The IP as given. */
  readonly key: string;
  readonly ip: IpAddress;
  /** The node whose InternalIP this is, if any. */
  readonly node?: ClusterNode;
  /** The scenario's name for this address (an ExternalEndpoint), if any. */
  readonly name?: string;
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

/** hostNetwork pods use their node's network: no policy selects them and selectors skip them. */
export function isPolicyPod(e: Endpoint): e is PodEndpoint {
  return e.kind === 'pod' && !e.pod.hostNetwork;
}

/** The node an endpoint's traffic belongs to, for the "pod ↔ its own node" rule. */
function nodeIpOf(e: Endpoint): string | undefined {
  if (e.kind === 'external') return e.node?.internalIP?.key;
  return e.pod.hostNetwork ? e.ip.key : undefined;
}

/**
 * Traffic that NetworkPolicy never blocks: a pod to itself, and a pod to or from the node it
 * runs on (the node's InternalIP, whichever pod or address carries it).
 */
export function alwaysAllowed(from: Endpoint, to: Endpoint): 'self' | 'own-node' | undefined {
  if (from === to && from.kind === 'pod') return 'self';
  const podSide = (a: Endpoint, b: Endpoint): boolean =>
    isPolicyPod(a) && a.node?.internalIP !== undefined && nodeIpOf(b) === a.node.internalIP.key;
  if (podSide(from, to) || podSide(to, from)) return 'own-node';
  return undefined;
}

/** Pods in document order, then the outside IPs in the order given (duplicates once). */
export function buildEndpoints(cluster: Cluster, outsideIps: readonly string[] = []): Endpoint[] {
  const nodes = new Map(cluster.nodes.map((n) => [n.name, n]));
  const nodeByIp = new Map<string, ClusterNode>();
  for (const n of cluster.nodes) if (n.internalIP) nodeByIp.set(n.internalIP.key, n);
  const out: Endpoint[] = cluster.pods.map((pod) => {
    const node = pod.nodeName !== undefined ? nodes.get(pod.nodeName) : undefined;
    return {
      kind: 'pod',
      key: keyOf(pod),
      pod,
      namespace: cluster.namespaces.get(pod.namespace)!,
      ip: pod.ip,
      ...(node ? { node } : {}),
    };
  });
  const seen = new Set<string>();
  for (const text of outsideIps) {
    const ip = parseIp(text);
    if (!ip) throw new Error(`not an IP address: ${text}`);
    if (seen.has(ip.key)) continue;
    seen.add(ip.key);
    const node = nodeByIp.get(ip.key);
    const name = cluster.externals.find((x) => x.ip.key === ip.key)?.name;
    out.push({
      kind: 'external',
      key: text.trim(),
      ip,
      ...(node ? { node } : {}),
      ...(name ? { name } : {}),
    });
  }
  return out;
}

/**
 * Finds an endpoint by `namespace/pod`, a bare pod name in `default`, or an IP (a pod's IP
 * names that pod; any other IP is outside the cluster).
 */
export function findEndpoint(
  endpoints: readonly Endpoint[],
  cluster: Cluster,
  text: string,
): Endpoint | string {
  const s = text.trim();
  const ip = parseIp(s);
  if (ip) {
    const pod = endpoints.find((e) => isPolicyPod(e) && e.ip.key === ip.key);
    if (pod) return pod;
    const ext = endpoints.find((e) => e.kind === 'external' && e.ip.key === ip.key);
    if (ext) return ext;
    return buildEndpoints({ ...cluster, pods: [] }, [s])[0]!;
  }
  const key = s.includes('/') ? s : `default/${s}`;
  const found = endpoints.find((e) => e.kind === 'pod' && e.key === key);
  if (found) return found;
  const near = endpoints
    .filter((e) => e.kind === 'pod' && e.key.endsWith(`/${s.split('/').pop()}`))
    .map((e) => e.key);
  return `no pod ${key} in the scenario${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

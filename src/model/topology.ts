// How the scenario's cluster is wired, as the pod-networking notes build it by hand: each node
// has an eth0 on the node network and a bridge (cni0) holding the .1 of its podCIDR; each pod
// gets a veth pair (host end on the bridge, eth0 in the pod's network namespace, which the pause
// container holds), and every node routes the other nodes' pod CIDRs via their InternalIPs.
// Pure and deterministic: the same Cluster always gives the same names and addresses.
import { DEFAULT_POD_CIDR } from '../k8s/load-cluster';
import {
  keyOf,
  type Cluster,
  type ClusterNode,
  type ContainerPort,
  type Labels,
  type Pod,
  type PodIpSource,
} from '../k8s/types';
import { cidrContains, parseCidr, type Cidr } from '../lib/ip';
import { commonBlock, firstHost, fnv1a32 } from './addresses';
import { buildServices, type TopologyService } from './services';
import { dnsService, hasOwnClusterDns, resolvConfOf, resolvConfText } from '../dns/index';
import { dnsServiceIp } from '../engine/services';

export * from './services';
import type { Route } from './route-text';
export { formatRoute, type Route } from './route-text';

/** The bridge the CNI bridge plugin creates by default; the notes build it by hand as `v-net-0`. */
export const DEFAULT_BRIDGE_NAME = 'cni0';
/** The sandbox image kubelet (via the container runtime) starts first in every pod. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
export const PAUSE_CONTAINER_NAME = 'pause';
/** The interface name of a node's uplink and of a pod's end of its veth pair. */
export const ETH0 = 'eth0';

/** One line of a routing table, as `ip route` prints it. */
/** A Linux bridge on a node: the pods' default gateway. */
export interface Bridge {
  readonly name: string;
  /** The first host of the pod CIDR (`ip addr add 10.244.1.1/24 dev cni0`). */
  readonly ip: string;
  readonly prefix: number;
  /** The pod CIDR the bridge serves. */
  readonly cidr: string;
}

export interface TopologyNode {
  readonly name: string;
  readonly labels: Labels;
  /** The node's InternalIP: the address of its eth0 on the node network. */
  readonly internalIP?: string;
  /** spec.podCIDR; absent when the node has none (its pods then use DEFAULT_POD_CIDR). */
  readonly podCIDR?: string;
  readonly bridge: Bridge;
  /** Keys of the pods on this node, hostNetwork ones included, in scenario order. */
  readonly pods: readonly string[];
  /** The connected route of the bridge, then one route per other node's pod CIDR, in node order. */
  readonly routes: readonly Route[];
}

export interface TopologyContainer {
  readonly name: string;
  readonly image?: string;
  readonly ports: readonly ContainerPort[];
  /** The pause container: it holds the pod's network namespace that the others join. */
  readonly pause: boolean;
}

/** A pod's eth0 on its node's bridge, through a veth pair. */
export interface BridgedPodNetwork {
  readonly kind: 'bridged';
  readonly interface: { readonly name: string; readonly ip: string; readonly prefix: number };
  /** Host-side end of the veth pair, attached to the bridge: `veth` + 8 hex digits. */
  readonly veth: string;
  readonly bridge: string;
  /** The bridge IP: the pod's default gateway. */
  readonly gateway: string;
  /** `default via <bridge ip> dev eth0`, then the connected route of the pod CIDR. */
  readonly routes: readonly Route[];
}

/** A hostNetwork pod: no veth and no namespace of its own; it uses the node's eth0. */
export interface HostPodNetwork {
  readonly kind: 'host';
  readonly interface: { readonly name: string; readonly ip: string };
  readonly node: string;
}

/** A pod not placed on a known node: it has an address in the scenario but no wiring. */
export interface UnwiredPodNetwork {
  readonly kind: 'unwired';
  readonly interface: { readonly name: string; readonly ip: string; readonly prefix: number };
}

export type PodNetwork = BridgedPodNetwork | HostPodNetwork | UnwiredPodNetwork;

export interface TopologyPod {
  /** `namespace/name` */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly ip: string;
  readonly ipSource: PodIpSource;
  /** The node the pod is drawn on; null when spec.nodeName is missing or names no known node. */
  readonly node: string | null;
  /** spec.nodeName as written (may name a node the scenario does not have). */
  readonly nodeName?: string;
  readonly hostNetwork: boolean;
  readonly labels: Labels;
  /** The pause container first, then the pod's own containers. */
  readonly containers: readonly TopologyContainer[];
  readonly network: PodNetwork;
  /** status.phase, when the files give one (a dump from a cluster). */
  readonly phase?: string;
  /** metadata.deletionTimestamp is set: shutting down, still holding its IP. */
  readonly terminating?: boolean;
  /** The Ready condition, when the files give it. */
  readonly ready?: boolean;
  /** /etc/resolv.conf as the kubelet writes it (dns/resolv-conf.ts). */
  readonly resolvConf: string;
}

export interface TopologyExternal {
  readonly name: string;
  readonly ip: string;
}

export interface Topology {
  readonly bridgeName: string;
  readonly nodes: readonly TopologyNode[];
  /** Every pod, in scenario order. */
  readonly pods: readonly TopologyPod[];
  /** Keys of pods without a known node, in scenario order. */
  readonly unscheduled: readonly string[];
  readonly services: readonly TopologyService[];
  readonly externals: readonly TopologyExternal[];
  /**
   * A display hint: the smallest block holding every node InternalIP, at least a /24 (/64 for
   * IPv6). Absent without node addresses or with mixed families.
   */
  readonly nodeNetwork?: string;
  /** A node netlab generated for pods the scenario placed nowhere (see generated-node.ts). */
  readonly generatedNode?: string;
}

export interface TopologyOptions {
  /** Default: the scenario's ClusterNetwork `bridgeName` (`cni0` when it has none). */
  readonly bridgeName?: string;
  /** The node scheduleOnGeneratedNode made up, if it did. */
  readonly generatedNode?: string | null;
}

/** Describes how `cluster` is wired: nodes, bridges, veths, routes, pods, Services. */
export function buildTopology(cluster: Cluster, opts: TopologyOptions = {}): Topology {
  const bridgeName = opts.bridgeName ?? cluster.network.bridgeName;
  const defaultCidr = parseCidr(DEFAULT_POD_CIDR)!;
  const nodeByName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const cidrOf = (n: ClusterNode): Cidr => n.podCIDR ?? defaultCidr;
  const bridges = new Map(cluster.nodes.map((n) => [n.name, bridgeFor(cidrOf(n), bridgeName)]));

  const podsOn = new Map<string, string[]>(cluster.nodes.map((n) => [n.name, []]));
  const unscheduled: string[] = [];
  const vethNames = new Set<string>();
  const services = buildServices(cluster);
  // kube-dns's ClusterIP: the scenario's own, else the implicit one's (the Service range's .10).
  const dnsIp = hasOwnClusterDns(cluster)
    ? (dnsService(services)?.clusterIP ?? null)
    : dnsServiceIp(cluster.network.serviceCIDR);
  const pods = cluster.pods.map((p): TopologyPod => {
    const key = keyOf(p);
    const node = p.nodeName !== undefined ? nodeByName.get(p.nodeName) : undefined;
    if (node) podsOn.get(node.name)!.push(key);
    else unscheduled.push(key);
    return {
      key,
      namespace: p.namespace,
      name: p.name,
      ip: p.ip.key,
      ipSource: p.ipSource,
      node: node?.name ?? null,
      ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
      hostNetwork: p.hostNetwork,
      labels: p.labels,
      containers: [
        { name: PAUSE_CONTAINER_NAME, image: PAUSE_IMAGE, ports: [], pause: true },
        ...p.containers.map((c) => ({
          name: c.name,
          ...(c.image !== undefined ? { image: c.image } : {}),
          ports: c.ports,
          pause: false,
        })),
      ],
      network: podNetwork(p, key, node, node ? bridges.get(node.name)! : undefined, defaultCidr, vethNames),
      ...(p.phase !== undefined ? { phase: p.phase } : {}),
      ...(p.terminating ? { terminating: true } : {}),
      ...(p.ready !== undefined ? { ready: p.ready } : {}),
      resolvConf: resolvConfText(resolvConfOf(p, dnsIp)),
    };
  });

  const nodes = cluster.nodes.map((n): TopologyNode => {
    const bridge = bridges.get(n.name)!;
    const routes: Route[] = [{ destination: bridge.cidr, dev: bridge.name, scope: 'link', src: bridge.ip }];
    for (const other of cluster.nodes) {
      if (other === n || !other.podCIDR || !other.internalIP || other.podCIDR.canonical === bridge.cidr)
        continue;
      routes.push({ destination: other.podCIDR.canonical, via: other.internalIP.key, dev: ETH0 });
    }
    return {
      name: n.name,
      labels: n.labels,
      ...(n.internalIP ? { internalIP: n.internalIP.key } : {}),
      ...(n.podCIDR ? { podCIDR: n.podCIDR.canonical } : {}),
      bridge,
      pods: podsOn.get(n.name)!,
      routes,
    };
  });

  const nodeIps = cluster.nodes.flatMap((n) => (n.internalIP ? [n.internalIP] : []));
  const nodeNetwork = commonBlock(nodeIps)?.canonical;
  return {
    bridgeName,
    nodes,
    pods,
    unscheduled,
    services,
    externals: cluster.externals.map((e) => ({ name: e.name, ip: e.ip.key })),
    ...(nodeNetwork ? { nodeNetwork } : {}),
    ...(opts.generatedNode ? { generatedNode: opts.generatedNode } : {}),
  };
}

/** `ip route` style text: `10.244.2.0/24 via 192.168.1.12 dev eth0`. */

/**
 * The host-side veth name of a pod: `veth` + FNV-1a of its key. Stable across runs; a name
 * already taken (a hash collision) is re-hashed with a counter, in scenario order.
 */
export function vethName(key: string, taken: ReadonlySet<string> = new Set()): string {
  let name = `veth${fnv1a32(key)}`;
  for (let i = 1; taken.has(name); i++) name = `veth${fnv1a32(`${key}#${i}`)}`;
  return name;
}

function bridgeFor(cidr: Cidr, name: string): Bridge {
  return { name, ip: firstHost(cidr).key, prefix: cidr.prefix, cidr: cidr.canonical };
}

function podNetwork(
  p: Pod,
  key: string,
  node: ClusterNode | undefined,
  bridge: Bridge | undefined,
  defaultCidr: Cidr,
  vethNames: Set<string>,
): PodNetwork {
  const ip = p.ip.key;
  if (!node || !bridge) {
    const prefix = cidrContains(defaultCidr, p.ip) ? defaultCidr.prefix : p.ip.family === 4 ? 32 : 128;
    return { kind: 'unwired', interface: { name: ETH0, ip, prefix } };
  }
  if (p.hostNetwork) return { kind: 'host', interface: { name: ETH0, ip }, node: node.name };
  const veth = vethName(key, vethNames);
  vethNames.add(veth);
  return {
    kind: 'bridged',
    interface: { name: ETH0, ip, prefix: bridge.prefix },
    veth,
    bridge: bridge.name,
    gateway: bridge.ip,
    routes: [
      { destination: 'default', via: bridge.ip, dev: ETH0 },
      { destination: bridge.cidr, dev: ETH0, scope: 'link', src: ip },
    ],
  };
}

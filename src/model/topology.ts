// How the scenario's cluster is wired, as its CNI builds it: each node has an eth0 on the node
// network and the CNI's devices (a bridge holding the .1 of its podCIDR, a VTEP, cilium_host, or
// calico's routed veths); each pod gets a veth pair (the host end named as the CNI names it, eth0
// in the pod's network namespace, which the pause container holds), and each node's routing table
// is the CNI's (cni-datapath.ts). Pure and deterministic: the same Cluster gives the same names.
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
import { commonBlock, fnv1a32 } from './addresses';
import { cniProfile, type CniProfile, type NodeRoute } from './cni';
import {
  nodeDatapath,
  podHub,
  podSide,
  weaveRange,
  type DatapathNode,
  type NodeDatapath,
  type PodHub,
} from './cni-datapath';
import { buildServices, type TopologyService } from './services';
import { nodeCni, type NodeCni } from './node-cni';
import { clusterNameserver, dnsService, hasClusterDns, resolvConfOf, resolvConfText } from '../dns/index';
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

/** Where a node's pods attach (a Linux bridge, cilium_host, calico's routed veths): their gateway. */
export type Bridge = PodHub;

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
  /** The node's routing table under the CNI, as `ip route` prints it (table local's own addresses first). */
  readonly routes: readonly NodeRoute[];
  /** The CNI's devices and VXLAN FDB/ARP entries on this node. */
  readonly datapath: NodeDatapath;
  /** The /etc/cni/net.d file the node's runtime uses and what it sets (bridge, isGateway, subnet, ipMasq). */
  readonly cni: NodeCni;
}

export interface TopologyContainer {
  readonly name: string;
  readonly image?: string;
  readonly ports: readonly ContainerPort[];
  /** The pause container: it holds the pod's network namespace that the others join. */
  readonly pause: boolean;
}

/** A pod's eth0 in its own network namespace, joined to the node by a veth pair. */
export interface BridgedPodNetwork {
  readonly kind: 'bridged';
  readonly interface: { readonly name: string; readonly ip: string; readonly prefix: number };
  /** Host-side end of the veth pair: `veth…`, `cali…`, `lxc…` or `vethwepl…` by the CNI. */
  readonly veth: string;
  /** Where the host end attaches: the bridge's name, `cilium_host`, or `cali…` (no bridge). */
  readonly bridge: string;
  /** The pod's default gateway: the bridge's or cilium_host's address, or calico's 169.254.1.1. */
  readonly gateway: string;
  /** The pod's `ip route`: the default route, then the gateway's or the pod CIDR's link route. */
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
  /** Added by netlab (the cluster's CoreDNS, dns/cluster-dns.ts), not written in the scenario. */
  readonly implicit?: true;
}

export interface TopologyExternal {
  readonly name: string;
  readonly ip: string;
}

export interface Topology {
  readonly bridgeName: string;
  /** The CNI and its datapath choices, as the scenario's ClusterNetwork gives them. */
  readonly profile: CniProfile;
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
  const profile = cniProfile(cluster.network);
  const defaultCidr = parseCidr(DEFAULT_POD_CIDR)!;
  const nodeByName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const network = { cni: cluster.network.cni, bridgeName };
  const cnis = new Map(
    cluster.nodes.map((n) => [n.name, nodeCni(network, profile, cluster.cniConfigs, n.name)]),
  );
  const dpNodes = new Map(
    cluster.nodes.map((n): [string, DatapathNode] => {
      const subnet = parseCidr(cnis.get(n.name)!.subnet ?? '');
      return [
        n.name,
        {
          name: n.name,
          ...(n.internalIP ? { internalIP: n.internalIP.key } : {}),
          podCidr: n.podCIDR ?? defaultCidr,
          ownCidr: n.podCIDR !== undefined,
          ...(subnet ? { localCidr: subnet } : {}),
        },
      ];
    }),
  );
  const range = weaveRange([...dpNodes.values()], defaultCidr);
  const hubs = new Map(
    cluster.nodes.map((n) => {
      const cni = cnis.get(n.name)!;
      return [n.name, podHub(profile, cni.bridge, dpNodes.get(n.name)!, range, cni)];
    }),
  );

  const podsOn = new Map<string, string[]>(cluster.nodes.map((n) => [n.name, []]));
  const wired = new Map<string, { key: string; ip: string; veth: string }[]>(
    cluster.nodes.map((n) => [n.name, []]),
  );
  const unscheduled: string[] = [];
  const vethNames = new Set<string>();
  const services = buildServices(cluster);
  // kube-dns's ClusterIP: the scenario's own (or the implicit one's already added), else the Service range's .10.
  const dnsIp = hasClusterDns(cluster)
    ? (dnsService(services)?.clusterIP ?? null)
    : dnsServiceIp(cluster.network.serviceCIDR);
  const pods = cluster.pods.map((p): TopologyPod => {
    const key = keyOf(p);
    const node = p.nodeName !== undefined ? nodeByName.get(p.nodeName) : undefined;
    if (node) podsOn.get(node.name)!.push(key);
    else unscheduled.push(key);
    const network = podNetwork(
      p,
      key,
      node,
      node ? hubs.get(node.name) : undefined,
      node ? cnis.get(node.name)?.podRoutes : undefined,
      profile,
      defaultCidr,
      vethNames,
    );
    if (node && network.kind === 'bridged')
      wired.get(node.name)!.push({ key, ip: network.interface.ip, veth: network.veth });
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
      network,
      ...(p.phase !== undefined ? { phase: p.phase } : {}),
      ...(p.terminating ? { terminating: true } : {}),
      ...(p.ready !== undefined ? { ready: p.ready } : {}),
      resolvConf: resolvConfText(
        resolvConfOf(
          p,
          clusterNameserver(cluster.network, dnsIp),
          cluster.network.nodeLocalDns?.nameserver === 'local',
        ),
      ),
      ...(p.implicit ? { implicit: true as const } : {}),
    };
  });

  const nodeIps = cluster.nodes.flatMap((n) => (n.internalIP ? [n.internalIP] : []));
  const nodeNetwork = commonBlock(nodeIps)?.canonical;
  const takenIps = new Set<string | undefined>(nodeIps.map((ip) => ip.key));
  const allDp = [...dpNodes.values()];
  const nodes = cluster.nodes.map((n): TopologyNode => {
    const dp = dpNodes.get(n.name)!;
    const datapath = nodeDatapath(
      profile,
      hubs.get(n.name)!,
      dp,
      allDp.filter((o) => o !== dp),
      wired.get(n.name)!,
      nodeNetwork,
      takenIps,
    );
    return {
      name: n.name,
      labels: n.labels,
      ...(n.internalIP ? { internalIP: n.internalIP.key } : {}),
      ...(n.podCIDR ? { podCIDR: n.podCIDR.canonical } : {}),
      bridge: datapath.hub,
      pods: podsOn.get(n.name)!,
      routes: datapath.routes,
      datapath,
      cni: cnis.get(n.name)!,
    };
  });

  return {
    bridgeName,
    profile,
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

function podNetwork(
  p: Pod,
  key: string,
  node: ClusterNode | undefined,
  hub: Bridge | undefined,
  podRoutes: NodeCni['podRoutes'],
  profile: CniProfile,
  defaultCidr: Cidr,
  vethNames: Set<string>,
): PodNetwork {
  const ip = p.ip.key;
  if (!node || !hub) {
    const prefix = cidrContains(defaultCidr, p.ip) ? defaultCidr.prefix : p.ip.family === 4 ? 32 : 128;
    return { kind: 'unwired', interface: { name: ETH0, ip, prefix } };
  }
  if (p.hostNetwork) return { kind: 'host', interface: { name: ETH0, ip }, node: node.name };
  const side = podSide(profile, hub, key, ip, vethNames, podRoutes);
  return {
    kind: 'bridged',
    interface: { name: ETH0, ip, prefix: side.prefix },
    veth: side.veth,
    bridge: hub.name,
    gateway: side.gateway,
    routes: side.routes,
  };
}

// What the scenario's CNI plugin means for a packet: whether NetworkPolicy is enforced, where a
// pod's host-side veth ends (a Linux bridge, calico's routed veth, cilium's eBPF), how pods on
// different nodes reach each other (plain routes, or a tunnel that encapsulates), who masquerades.
// Each node's devices and routing table under that plugin are built in cni-datapath.ts.
import type { ClusterNetwork, CniName } from '../k8s/types';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../lib/ip';
import { addressAtOffset, fnv1a32 } from './addresses';
import { enforcesPolicy } from './enforcement';
import type { Route } from './route-text';

/** How pod traffic crosses between nodes. */
export type Overlay =
  /** Plain routes: `<podCIDR> via <node IP> dev eth0`; calico learns them over BGP (`proto bird`). */
  | { readonly kind: 'routes'; readonly proto?: 'bird' }
  /** Encapsulation in UDP by a tunnel endpoint (VTEP) device on every node. */
  | {
      readonly kind: 'vxlan' | 'weave';
      readonly device: string;
      readonly port: number;
      readonly vni?: number;
    }
  /** calico's IP-in-IP: the pod packet inside an outer IPv4 header (IP protocol 4), no UDP. */
  | { readonly kind: 'ipip'; readonly device: string };

/** Where the host side of a pod's veth pair ends on its node. */
export type PodAttachment =
  /** On a Linux bridge (cni0, weave) holding the pods' gateway address. */
  | 'bridge'
  /** calico: no bridge; a /32 route per pod points at its `cali…` veth, and proxy-ARP answers for 169.254.1.1. */
  | 'routed'
  /** cilium: eBPF programs on each `lxc…` veth forward; `cilium_host` holds the pods' gateway address. */
  | 'ebpf';

export interface CniProfile {
  readonly cni: CniName;
  /** calico, cilium and weave enforce NetworkPolicy; flannel and bridge store it and do nothing. */
  readonly enforcesPolicy: boolean;
  readonly overlay: Overlay;
  readonly attachment: PodAttachment;
  /** The host-side veth name: a prefix and hex digits (`veth` + 8, `cali` + 11, `lxc` + 12, `vethwepl` + 7). */
  readonly veth: { readonly prefix: string; readonly digits: number };
  /**
   * Who rewrites a pod's source address on its way out: `cluster` for traffic leaving the pod
   * network (flanneld --ip-masq, calico natOutgoing, cilium, weave); `subnet` for the bridge
   * plugin with ipMasq (anything not for its own subnet, other nodes' pods included); `none`.
   */
  readonly masquerade: 'cluster' | 'subnet' | 'none';
  /** cilium's eBPF does the Services' DNAT; kube-proxy is not running. */
  readonly kubeProxyReplacement: boolean;
}

/** The Linux kernel's (and flannel's and cilium's) VXLAN port, as opposed to IANA's 4789. */
export const VXLAN_PORT = 8472;
/** IANA's VXLAN port, which calico's vxlan.calico uses. */
export const IANA_VXLAN_PORT = 4789;
/** calico's default VXLAN network identifier (Felix's VXLANVNI). */
export const CALICO_VNI = 4096;
/** weave's fastdp data port (its sleeve fallback uses 6783/UDP). */
export const WEAVE_FASTDP_PORT = 6784;
export const WEAVE_SLEEVE_PORT = 6783;
/** calico's pods all use this link-local next hop; each cali veth answers ARP for it (proxy-ARP). */
export const CALICO_GATEWAY = '169.254.1.1';

/** The ClusterNetwork fields that choose a datapath. */
export type NetworkChoice = Pick<
  ClusterNetwork,
  'cni' | 'ipMasq' | 'calicoEncapsulation' | 'ciliumRoutingMode' | 'kubeProxyReplacement'
>;

export function cniProfile(choice: CniName | NetworkChoice): CniProfile {
  const net: NetworkChoice = typeof choice === 'string' ? { cni: choice } : choice;
  const cni = net.cni;
  const base = { cni, kubeProxyReplacement: false, masquerade: 'cluster' as const };
  switch (cni) {
    case 'calico': {
      const encap = net.calicoEncapsulation ?? 'None';
      const overlay: Overlay =
        encap === 'IPIP'
          ? { kind: 'ipip', device: 'tunl0' }
          : encap === 'VXLAN'
            ? { kind: 'vxlan', device: 'vxlan.calico', port: IANA_VXLAN_PORT, vni: CALICO_VNI }
            : { kind: 'routes', proto: 'bird' };
      return {
        ...base,
        enforcesPolicy: enforcesPolicy(cni),
        overlay,
        attachment: 'routed',
        veth: { prefix: 'cali', digits: 11 },
      };
    }
    case 'cilium':
      // cilium puts the source's security identity in the VNI, which netlab does not model.
      return {
        ...base,
        enforcesPolicy: enforcesPolicy(cni),
        overlay:
          net.ciliumRoutingMode === 'native'
            ? { kind: 'routes' }
            : { kind: 'vxlan', device: 'cilium_vxlan', port: VXLAN_PORT },
        attachment: 'ebpf',
        veth: { prefix: 'lxc', digits: 12 },
        kubeProxyReplacement: net.kubeProxyReplacement === true,
      };
    case 'weave':
      return {
        ...base,
        enforcesPolicy: enforcesPolicy(cni),
        overlay: { kind: 'weave', device: 'vxlan-6784', port: WEAVE_FASTDP_PORT },
        attachment: 'bridge',
        veth: { prefix: 'vethwepl', digits: 7 },
      };
    case 'flannel':
      return {
        ...base,
        enforcesPolicy: enforcesPolicy(cni),
        overlay: { kind: 'vxlan', device: 'flannel.1', port: VXLAN_PORT, vni: 1 },
        attachment: 'bridge',
        veth: { prefix: 'veth', digits: 8 },
      };
    case 'bridge':
      return {
        ...base,
        enforcesPolicy: enforcesPolicy(cni),
        overlay: { kind: 'routes' },
        attachment: 'bridge',
        veth: { prefix: 'veth', digits: 8 },
        masquerade: net.ipMasq === true ? 'subnet' : 'none',
      };
  }
}

/**
 * The host-side veth of a pod: the CNI's prefix and hex digits from the pod's key, 15 characters
 * at most (IFNAMSIZ). The real plugins hash the container or endpoint ID, or pick at random; netlab
 * hashes the pod's key so the same scenario names things the same. A name already taken (a hash
 * collision) is re-hashed with a counter, in scenario order.
 */
export function hostVethName(
  { prefix, digits }: CniProfile['veth'],
  key: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const hex = (text: string): string => (fnv1a32(text) + fnv1a32(`${text}/`)).slice(0, digits);
  let name = `${prefix}${hex(key)}`;
  for (let i = 1; taken.has(name); i++) name = `${prefix}${hex(`${key}#${i}`)}`;
  return name;
}

/**
 * A VTEP's MAC address, made up from the node's name: locally administered and unicast (the
 * kernel gives a new VXLAN device a random one; flannel publishes it in the node annotation
 * flannel.alpha.coreos.com/backend-data).
 */
export function vtepMac(node: string, device: string): string {
  const hex = fnv1a32(`${device}@${node}`) + fnv1a32(`${node}@${device}`);
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export type NodeRouteKind =
  /** The node's own addresses (table local): the packet is for the node itself. */
  | 'local'
  /** The node's own pod CIDR, on the bridge (or cilium_host): local pods, or weave's whole range. */
  | 'bridge'
  /** calico: one local pod's /32, straight onto its cali veth. */
  | 'pod'
  /** calico: the rest of the node's own block goes nowhere. */
  | 'blackhole'
  /** Another node's pod CIDR via that node's InternalIP. */
  | 'pods-via-node'
  /** Another node's pod CIDR into the tunnel device (flannel.1, tunl0, vxlan.calico, cilium_host). */
  | 'overlay'
  /** The node network, on eth0. */
  | 'node-network'
  /** Everything else, via the node network's gateway. */
  | 'default';

export interface NodeRoute extends Route {
  readonly kind: NodeRouteKind;
  /** The other node, for pod CIDR routes. */
  readonly node?: string;
  /** The pod, for calico's /32 routes. */
  readonly pod?: string;
  /** As `ip route` prints it. */
  readonly text: string;
  readonly cidr: Cidr;
}

/** The first address of the node network that no node uses: where default routes point. */
export function nodeNetworkGateway(
  nodeNetwork: string | undefined,
  taken: ReadonlySet<string | undefined>,
): string | undefined {
  const cidr = nodeNetwork ? parseCidr(nodeNetwork) : null;
  if (!cidr) return undefined;
  for (let i = 1; i < 256; i++) {
    const a = addressAtOffset(cidr, i);
    if (!a) return undefined;
    if (!taken.has(a.key)) return a.key;
  }
  return undefined;
}
/** The route the kernel picks for `ip`: the longest matching prefix, first in table order on a tie. */
export function lookupRoute(routes: readonly NodeRoute[], ip: string): NodeRoute | undefined {
  const addr = parseIp(ip);
  if (!addr) return undefined;
  let best: NodeRoute | undefined;
  for (const r of routes)
    if (cidrContains(r.cidr, addr) && (!best || r.cidr.prefix > best.cidr.prefix)) best = r;
  return best;
}

// What the scenario's CNI plugin means for a packet: whether NetworkPolicy is enforced, how pods on
// different nodes reach each other (plain routes, or an overlay that encapsulates), and each node's
// routing table under that plugin, as `ip route` would print it.
import type { CniName } from '../k8s/types';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../lib/ip';
import { addressAtOffset } from './addresses';
import { ETH0, formatRoute, type Topology, type TopologyNode } from './topology';

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
    };

export interface CniProfile {
  readonly cni: CniName;
  /** calico, cilium and weave enforce NetworkPolicy; flannel and bridge store it and do nothing. */
  readonly enforcesPolicy: boolean;
  readonly overlay: Overlay;
}

/** The Linux kernel's (and flannel's and cilium's) VXLAN port, as opposed to IANA's 4789. */
export const VXLAN_PORT = 8472;
/** weave's fastdp data port (its sleeve fallback uses 6783/UDP). */
export const WEAVE_FASTDP_PORT = 6784;

export function cniProfile(cni: CniName): CniProfile {
  switch (cni) {
    case 'calico':
      return { cni, enforcesPolicy: true, overlay: { kind: 'routes', proto: 'bird' } };
    case 'cilium':
      // cilium puts the source's security identity in the VNI, which netlab does not model.
      return {
        cni,
        enforcesPolicy: true,
        overlay: { kind: 'vxlan', device: 'cilium_vxlan', port: VXLAN_PORT },
      };
    case 'weave':
      return {
        cni,
        enforcesPolicy: true,
        overlay: { kind: 'weave', device: 'weave', port: WEAVE_FASTDP_PORT },
      };
    case 'flannel':
      return {
        cni,
        enforcesPolicy: false,
        overlay: { kind: 'vxlan', device: 'flannel.1', port: VXLAN_PORT, vni: 1 },
      };
    case 'bridge':
      return { cni, enforcesPolicy: false, overlay: { kind: 'routes' } };
  }
}

export type NodeRouteKind =
  /** The node's own addresses (table local): the packet is for the node itself. */
  | 'local'
  /** The node's own pod CIDR, on the bridge. */
  | 'bridge'
  /** Another node's pod CIDR via that node's InternalIP. */
  | 'pods-via-node'
  /** Another node's pod CIDR into the overlay's VTEP. */
  | 'overlay'
  /** The node network, on eth0. */
  | 'node-network'
  /** Everything else, via the node network's gateway. */
  | 'default';

export interface NodeRoute {
  readonly kind: NodeRouteKind;
  /** A CIDR, or `default`. */
  readonly destination: string;
  readonly via?: string;
  readonly dev: string;
  /** The other node, for pod CIDR routes. */
  readonly node?: string;
  /** As `ip route` prints it. */
  readonly text: string;
  readonly cidr: Cidr;
}

/**
 * The routing table of `node` under the CNI: the node's own addresses, its bridge, one route per
 * other node's pod CIDR (plain or into the VTEP), then the node network and a default route via
 * the node network's gateway (its first address no node uses). Longest prefix wins.
 */
export function nodeRoutes(topology: Topology, node: TopologyNode, profile: CniProfile): NodeRoute[] {
  const routes: NodeRoute[] = [];
  const add = (
    kind: NodeRouteKind,
    cidrText: string,
    text: string,
    extra: { via?: string; dev: string; node?: string },
  ): void => {
    const cidr = parseCidr(cidrText === 'default' ? '0.0.0.0/0' : cidrText);
    if (cidr) routes.push({ kind, destination: cidrText, ...extra, text, cidr });
  };
  const hostBits = (ip: string): string => `${ip}/${parseIp(ip)!.family === 4 ? 32 : 128}`;
  if (node.internalIP)
    add('local', hostBits(node.internalIP), `local ${node.internalIP} dev ${ETH0} table local`, {
      dev: ETH0,
    });
  add('local', hostBits(node.bridge.ip), `local ${node.bridge.ip} dev ${node.bridge.name} table local`, {
    dev: node.bridge.name,
  });
  const bridge = node.routes[0]!;
  add('bridge', bridge.destination, formatRoute(bridge), { dev: bridge.dev });
  const overlay = profile.overlay;
  for (const other of topology.nodes) {
    // A tunnel needs this node's own address for the outer header.
    if (overlay.kind !== 'routes' && !node.internalIP) break;
    if (other === node || !other.podCIDR || !other.internalIP || other.podCIDR === node.bridge.cidr) continue;
    const dest = other.podCIDR;
    if (overlay.kind === 'routes') {
      const text = `${dest} via ${other.internalIP} dev ${ETH0}${overlay.proto ? ` proto ${overlay.proto}` : ''}`;
      add('pods-via-node', dest, text, { via: other.internalIP, dev: ETH0, node: other.name });
    } else if (profile.cni === 'flannel') {
      // flannel routes to the other node's VTEP, addressed by its pod CIDR's network address.
      const via = dest.slice(0, dest.indexOf('/'));
      add('overlay', dest, `${dest} via ${via} dev ${overlay.device} onlink`, {
        via,
        dev: overlay.device,
        node: other.name,
      });
    } else {
      add('overlay', dest, `${dest} dev ${overlay.device}`, { dev: overlay.device, node: other.name });
    }
  }
  if (topology.nodeNetwork && node.internalIP) {
    add(
      'node-network',
      topology.nodeNetwork,
      `${topology.nodeNetwork} dev ${ETH0} proto kernel scope link src ${node.internalIP}`,
      { dev: ETH0 },
    );
    const gateway = nodeNetworkGateway(topology);
    if (gateway) add('default', 'default', `default via ${gateway} dev ${ETH0}`, { via: gateway, dev: ETH0 });
  }
  return routes;
}

/** The first address of the node network that no node uses: where default routes point. */
export function nodeNetworkGateway(topology: Topology): string | undefined {
  const cidr = topology.nodeNetwork ? parseCidr(topology.nodeNetwork) : null;
  if (!cidr) return undefined;
  const taken = new Set(topology.nodes.map((n) => n.internalIP));
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

// Each node as its CNI builds it: the devices (cni0, flannel.1, tunl0, vxlan.calico, cilium_host,
// weave, …), the routing table as `ip route` prints it, the VXLAN FDB/ARP entries, and each pod's
// side (its veth's name, address prefix, gateway and routes). One model: the graph, the details
// pane, the packet trace and exported pictures all read it from the topology.
import { cidrWithin, parseCidr, parseIp, type Cidr } from '../lib/ip';
import { addressAtOffset, commonBlock, firstHost } from './addresses';
import {
  CALICO_GATEWAY,
  hostVethName,
  nodeNetworkGateway,
  vtepMac,
  type CniProfile,
  type NodeRoute,
  type NodeRouteKind,
  type PodAttachment,
} from './cni';
import { formatRoute, type Route } from './route-text';

/** cilium's tunnel MTU on a 1500-byte network: 50 bytes of VXLAN headers taken off. */
const CILIUM_TUNNEL_MTU = 1450;

/** Where a node's pods attach: a bridge, cilium_host, or (calico) nothing but their own veths. */
export interface PodHub {
  readonly kind: PodAttachment;
  /** cni0 (or the configured name), weave, cilium_host; `cali…` for calico's routed veths. */
  readonly name: string;
  /** The address the pods use as their gateway (calico: 169.254.1.1, answered by proxy-ARP). */
  readonly ip: string;
  readonly prefix: number;
  /** The pod CIDR the hub serves (weave: the whole pod range). */
  readonly cidr: string;
  /** The bridge holds no address (the bridge plugin's isGateway false): no route from the node to its pods. */
  readonly unaddressed?: true;
}

export interface NodeDevice {
  readonly name: string;
  readonly kind: 'bridge' | 'vtep' | 'ipip' | 'router' | 'veth-pair' | 'datapath';
  /** As `ip -br addr` shows it: `10.244.1.1/24`. */
  readonly address?: string;
  /** What `ip -d link` would add: VXLAN id, port, MAC, the peer. */
  readonly detail?: string;
}

/** A VXLAN device's entries for one other node: `bridge fdb` maps the VTEP MAC to the node IP. */
export interface Neighbour {
  readonly node: string;
  readonly fdb: string;
  readonly arp: string;
}

export interface NodeDatapath {
  readonly hub: PodHub;
  readonly devices: readonly NodeDevice[];
  readonly routes: readonly NodeRoute[];
  readonly neighbours: readonly Neighbour[];
}

/** What the datapath needs to know of a node. */
export interface DatapathNode {
  readonly name: string;
  readonly internalIP?: string;
  /** The node's pod CIDR, or the default pod network when it has none. */
  readonly podCidr: Cidr;
  /** Whether podCidr is the node's own spec.podCIDR (other nodes route to it only then). */
  readonly ownCidr: boolean;
  /** host-local's subnet when the node's CNI configuration gives another than podCidr. */
  readonly localCidr?: Cidr;
}

/**
 * The pod range weave's bridge spans on every node: the default pod network when it holds every
 * node's pod CIDR, else the smallest block that does. (weave's own IPAM hands out one cluster-wide
 * range, 10.32.0.0/12 by default; netlab keeps the scenario's per-node pod CIDRs inside it.)
 */
export function weaveRange(nodes: readonly DatapathNode[], fallback: Cidr): Cidr {
  if (nodes.every((n) => cidrWithin(n.podCidr, fallback, false))) return fallback;
  const nets = nodes.map((n) => parseIp(n.podCidr.canonical.slice(0, n.podCidr.canonical.indexOf('/')))!);
  const shortest = Math.min(...nodes.map((n) => n.podCidr.prefix));
  return commonBlock(nets, shortest) ?? nodes[0]?.podCidr ?? fallback;
}

/**
 * The hub of a node under the CNI. `conf` is the node's configuration file: without isGateway the
 * bridge plugin leaves the bridge without an address; host-local's gateway defaults to the range's
 * first address (plugins/ipam/host-local range.go Canonicalize).
 */
export function podHub(
  p: CniProfile,
  bridgeName: string,
  n: DatapathNode,
  range: Cidr,
  conf: { readonly isGateway: boolean; readonly gateway?: string } = { isGateway: true },
): PodHub {
  const cidr = n.localCidr ?? n.podCidr;
  const gw = conf.gateway ?? firstHost(cidr).key;
  switch (p.attachment) {
    case 'routed':
      return {
        kind: 'routed',
        name: `${p.veth.prefix}…`,
        ip: CALICO_GATEWAY,
        prefix: 32,
        cidr: cidr.canonical,
      };
    case 'ebpf':
      return { kind: 'ebpf', name: 'cilium_host', ip: gw, prefix: 32, cidr: cidr.canonical };
    case 'bridge':
      return p.cni === 'weave'
        ? { kind: 'bridge', name: 'weave', ip: gw, prefix: range.prefix, cidr: range.canonical }
        : {
            kind: 'bridge',
            name: bridgeName,
            ip: gw,
            prefix: cidr.prefix,
            cidr: cidr.canonical,
            ...(conf.isGateway ? {} : { unaddressed: true as const }),
          };
  }
}

/** A pod's side: its host veth name, its eth0's prefix, its gateway and its routes. */
export interface PodSide {
  readonly veth: string;
  readonly prefix: number;
  readonly gateway: string;
  readonly routes: readonly Route[];
}

/**
 * A pod's side. `podRoutes`, from the node's configuration file, replace the usual default route
 * (host-local's ipam.routes and the bridge plugin's isDefaultGateway; none: no way off the subnet).
 */
export function podSide(
  p: CniProfile,
  hub: PodHub,
  key: string,
  ip: string,
  taken: Set<string>,
  podRoutes?: readonly Pick<Route, 'destination' | 'via'>[],
): PodSide {
  const veth = hostVethName(p.veth, key, taken);
  taken.add(veth);
  if (hub.kind === 'bridge')
    return {
      veth,
      prefix: hub.prefix,
      gateway: hub.ip,
      routes: [
        ...(podRoutes ?? [{ destination: 'default' }]).map((r) => ({
          destination: r.destination,
          via: r.via ?? hub.ip,
          dev: 'eth0',
        })),
        { destination: hub.cidr, dev: 'eth0', proto: 'kernel', scope: 'link', src: ip },
      ],
    };
  const mtu = p.overlay.kind === 'vxlan' && p.attachment === 'ebpf' ? CILIUM_TUNNEL_MTU : undefined;
  return {
    veth,
    prefix: 32,
    gateway: hub.ip,
    routes: [
      { destination: 'default', via: hub.ip, dev: 'eth0', ...(mtu ? { mtu } : {}) },
      { destination: hub.ip, dev: 'eth0', scope: 'link' },
    ],
  };
}

/**
 * The node's devices, routing table (table local's own addresses first, then main in the order
 * `ip route` sorts them closely enough: pods, other nodes, the node network, default) and FDB.
 * `pods` are the node's own non-host pods with their veths (calico routes each one).
 */
export function nodeDatapath(
  p: CniProfile,
  hub: PodHub,
  n: DatapathNode,
  others: readonly DatapathNode[],
  pods: readonly { key: string; ip: string; veth: string }[],
  nodeNetwork: string | undefined,
  takenIps: ReadonlySet<string | undefined>,
): NodeDatapath {
  const routes: NodeRoute[] = [];
  const add = (kind: NodeRouteKind, r: Route, extra: { node?: string; pod?: string; text?: string } = {}) => {
    const d = r.destination;
    const cidr = parseCidr(d === 'default' ? '0.0.0.0/0' : d.includes('/') ? d : hostBits(d));
    if (cidr) routes.push({ ...r, kind, ...extra, text: extra.text ?? formatRoute(r), cidr });
  };
  const local = (ip: string, dev: string): void =>
    add('local', { destination: hostBits(ip), dev }, { text: `local ${ip} dev ${dev} table local` });
  const devices: NodeDevice[] = [];
  const neighbours: Neighbour[] = [];
  const cidr = n.podCidr;
  const ov = p.overlay;
  // The tunnel's own address: flannel.1 and calico's tunl0/vxlan.calico take one from the block.
  const tunnelIp = addressAtOffset(cidr, 0)!.key;
  const reachable = others.filter((o) => o.ownCidr && o.internalIP && o.podCidr.canonical !== cidr.canonical);

  if (n.internalIP) local(n.internalIP, 'eth0');
  if (hub.kind !== 'routed' && !hub.unaddressed) local(hub.ip, hub.name);
  if (p.cni === 'flannel' || (p.cni === 'calico' && ov.kind !== 'routes')) local(tunnelIp, ovDevice(p));

  // This node's pods.
  if (hub.kind === 'bridge') {
    // The kernel's connected route comes with the bridge's address: none without isGateway.
    if (!hub.unaddressed)
      add('bridge', { destination: hub.cidr, dev: hub.name, proto: 'kernel', scope: 'link', src: hub.ip });
    devices.push({
      name: hub.name,
      kind: 'bridge',
      // No address without isGateway (the details pane and the graph say so in the reader's language).
      ...(hub.unaddressed ? {} : { address: `${hub.ip}/${hub.prefix}` }),
    });
  } else if (hub.kind === 'ebpf') {
    add('bridge', { destination: cidr.canonical, via: hub.ip, dev: 'cilium_host', src: hub.ip });
    add('bridge', { destination: hub.ip, dev: 'cilium_host', scope: 'link' });
    devices.push(
      { name: 'cilium_host', kind: 'router', address: `${hub.ip}/32`, detail: 'veth peer cilium_net' },
      { name: 'cilium_net', kind: 'veth-pair', detail: 'veth peer cilium_host' },
    );
  } else {
    for (const pod of pods)
      add('pod', { destination: pod.ip, dev: pod.veth, scope: 'link' }, { pod: pod.key });
    add(
      'blackhole',
      { destination: cidr.canonical, dev: '' },
      { text: `blackhole ${cidr.canonical} proto bird` },
    );
  }

  // Tunnel devices.
  if (ov.kind === 'vxlan' && n.internalIP) {
    const mac = vtepMac(n.name, ov.device);
    const vni = ov.vni !== undefined ? `id ${ov.vni} ` : 'external ';
    const addr = p.cni === 'cilium' ? undefined : `${tunnelIp}/32`;
    devices.push({
      name: ov.device,
      kind: 'vtep',
      ...(addr ? { address: addr } : {}),
      detail: `vxlan ${vni}local ${n.internalIP} dev eth0 dstport ${ov.port} · ${mac}`,
    });
    if (p.cni !== 'cilium')
      for (const o of reachable) {
        const m = vtepMac(o.name, ov.device);
        const via = addressAtOffset(o.podCidr, 0)!.key;
        neighbours.push({
          node: o.name,
          fdb: `${m} dev ${ov.device} dst ${o.internalIP} self permanent`,
          arp: `${via} dev ${ov.device} lladdr ${m} PERMANENT`,
        });
      }
  } else if (ov.kind === 'ipip') {
    devices.push({ name: ov.device, kind: 'ipip', address: `${tunnelIp}/32`, detail: 'ipip any remote any' });
  } else if (ov.kind === 'weave') {
    devices.push(
      { name: 'vethwe-bridge', kind: 'veth-pair', detail: 'on weave; peer vethwe-datapath' },
      { name: 'datapath', kind: 'datapath', detail: 'Open vSwitch kernel datapath (fastdp)' },
      { name: ov.device, kind: 'vtep', detail: `vxlan dstport ${ov.port} · sleeve fallback UDP 6783` },
    );
  }

  // The other nodes' pods.
  for (const o of reachable) {
    const dest = o.podCidr.canonical;
    const extra = { node: o.name };
    if (ov.kind === 'weave') continue; // weave's one connected route covers every node's pods
    if (ov.kind === 'routes')
      add(
        'pods-via-node',
        { destination: dest, via: o.internalIP!, dev: 'eth0', ...(ov.proto ? { proto: ov.proto } : {}) },
        extra,
      );
    else if (ov.kind === 'ipip')
      add(
        'overlay',
        { destination: dest, via: o.internalIP!, dev: ov.device, proto: 'bird', onlink: true },
        extra,
      );
    else if (p.cni === 'cilium')
      add(
        'overlay',
        { destination: dest, via: hub.ip, dev: 'cilium_host', src: hub.ip, mtu: CILIUM_TUNNEL_MTU },
        extra,
      );
    else {
      // flannel and calico route to the other node's tunnel address, resolved by the ARP/FDB entries.
      const via = addressAtOffset(o.podCidr, 0)!.key;
      add('overlay', { destination: dest, via, dev: ov.device, onlink: true }, extra);
    }
  }

  if (nodeNetwork && n.internalIP) {
    add('node-network', {
      destination: nodeNetwork,
      dev: 'eth0',
      proto: 'kernel',
      scope: 'link',
      src: n.internalIP,
    });
    const gateway = nodeNetworkGateway(nodeNetwork, takenIps);
    if (gateway) add('default', { destination: 'default', via: gateway, dev: 'eth0' });
  }
  return { hub, devices, routes, neighbours };
}

const hostBits = (ip: string): string => `${ip}/${ip.includes(':') ? 128 : 32}`;

function ovDevice(p: CniProfile): string {
  return p.overlay.kind === 'routes' ? 'eth0' : p.overlay.device;
}

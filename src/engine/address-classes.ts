// The address space as classes: every ipBlock cidr/except boundary, podCIDR and node address cuts
// it, and segments that every ipBlock treats alike merge. Pod-network segments become the
// addresses a new pod may get; the rest (and the pod network's unused addresses) are outside
// machines, each node's InternalIP a class of its own.
import { cidrContains, parseCidr, type IpAddress, type IpFamily } from '../lib/ip';
import { DEFAULT_POD_CIDR } from '../k8s/load-cluster';
import type { Cluster, IpBlock } from '../k8s/types';
import {
  cidrRange,
  inRange,
  ipOfValue,
  mergeRanges,
  ipValue,
  rangeSize,
  segmentsOf,
  type AddressRange,
} from './address-space';

/** Addresses every ipBlock of the compared scenarios treats alike. */
export interface AddressClass {
  readonly ranges: readonly AddressRange[];
  /** One address of the class, chosen to read well (an ExternalEndpoint's, 8.8.8.8, …). */
  readonly witness: IpAddress;
  /** How many addresses the class holds (capped at 2^53 for IPv6). */
  readonly size: number;
  /** The node whose InternalIP this is. */
  readonly node?: string;
  /** Inside the pod network: as a pod's address (`pod`) or as an address no pod has (`outside`). */
  readonly podNetwork: boolean;
}

export interface AddressPartition {
  /** Addresses a new pod may have, by what the ipBlocks say about them. */
  readonly podAddresses: readonly AddressClass[];
  /** Every address as an outside machine: node addresses, the internet, unused pod addresses. */
  readonly outside: readonly AddressClass[];
  /** The pod network: podCIDRs, the default pod CIDR when some pod may use it, pods' own IPs. */
  readonly podNetwork: readonly AddressRange[];
}

/** Addresses that read well as "an internet address", tried in order. */
const NICE_WITNESSES = ['8.8.8.8', '1.1.1.1', '203.0.113.10', '198.51.100.10', '2001:db8::10'];

const blockKey = (b: IpBlock): string => `${b.cidr.canonical}-${b.except.map((e) => e.canonical).join(',')}`;

/** Every distinct ipBlock of the scenarios' policies. */
export function ipBlocksOf(clusters: readonly Cluster[]): IpBlock[] {
  const out = new Map<string, IpBlock>();
  for (const c of clusters)
    for (const p of c.policies)
      for (const r of [...p.ingress, ...p.egress])
        for (const peer of r.peers ?? []) if (peer.ipBlock) out.set(blockKey(peer.ipBlock), peer.ipBlock);
  return [...out.values()];
}

function podNetworkOf(clusters: readonly Cluster[]): AddressRange[] {
  const blocks: AddressRange[] = [];
  let needsDefault = false;
  for (const c of clusters) {
    if (c.nodes.length === 0) needsDefault = true;
    for (const n of c.nodes) {
      if (n.podCIDR) blocks.push(cidrRange(n.podCIDR));
      else needsDefault = true;
    }
    if (c.pods.some((p) => !p.hostNetwork && p.ipSource === 'default-pod-cidr')) needsDefault = true;
  }
  if (needsDefault) blocks.push(cidrRange(parseCidr(DEFAULT_POD_CIDR)!));
  // A pod's own address outside every block (a status.podIP elsewhere) is pod network too.
  const merged = mergeRanges(blocks);
  const loose: AddressRange[] = [];
  for (const c of clusters)
    for (const p of c.pods) {
      if (p.hostNetwork) continue;
      const v = ipValue(p.ip);
      if (!merged.some((r) => inRange(r, p.ip.family, v))) loose.push({ family: p.ip.family, lo: v, hi: v });
    }
  return mergeRanges([...merged, ...loose]);
}

/** Which of `blocks` contain the address: cidr, minus every except. */
function membership(blocks: readonly IpBlock[], ip: IpAddress): string {
  return blocks
    .map((b) => (cidrContains(b.cidr, ip) && !b.except.some((x) => cidrContains(x, ip)) ? '1' : '0'))
    .join('');
}

interface Group {
  ranges: AddressRange[];
  node?: string;
  podNetwork: boolean;
}

function finish(g: Group, preferred: readonly IpAddress[]): AddressClass {
  const has = (ip: IpAddress): boolean => g.ranges.some((r) => inRange(r, ip.family, ipValue(ip)));
  const nice = NICE_WITNESSES.map((t) => ipOfValueText(t)).filter((ip): ip is IpAddress => ip !== null);
  const largest = [...g.ranges].sort((a, b) => (rangeSize(b) > rangeSize(a) ? 1 : -1))[0]!;
  // Skip a block's first addresses (the network address, a bridge's .1) when there is room.
  const offset = rangeSize(largest) > 4n ? 2n : 0n;
  const witness =
    preferred.find(has) ??
    (g.podNetwork ? undefined : nice.find(has)) ??
    ipOfValue(largest.family, largest.lo + offset);
  const total = g.ranges.reduce((n, r) => n + rangeSize(r), 0n);
  return {
    ranges: g.ranges,
    witness,
    size: total > 2n ** 53n ? 2 ** 53 : Number(total),
    ...(g.node ? { node: g.node } : {}),
    podNetwork: g.podNetwork,
  };
}

function ipOfValueText(text: string): IpAddress | null {
  const c = parseCidr(`${text}/${text.includes(':') ? 128 : 32}`);
  return c ? ipOfValue(c.family, cidrRange(c).lo) : null;
}

/** Cuts the address space for `clusters` and groups the segments into classes. */
export function partitionAddresses(
  clusters: readonly Cluster[],
  blocks: readonly IpBlock[],
): AddressPartition {
  const podNetwork = podNetworkOf(clusters);
  const nodeIps = new Map<string, string>();
  for (const c of clusters) for (const n of c.nodes) if (n.internalIP) nodeIps.set(n.internalIP.key, n.name);
  const nodeRanges = [...nodeIps.keys()].map((k) => {
    const ip = ipOfValueText(k)!;
    return { family: ip.family, lo: ipValue(ip), hi: ipValue(ip) };
  });
  const cuts = [
    ...blocks.flatMap((b) => [cidrRange(b.cidr), ...b.except.map(cidrRange)]),
    ...podNetwork,
    ...nodeRanges,
  ];
  const families: IpFamily[] = [4, 6];
  const pods = new Map<string, Group>();
  const outside = new Map<string, Group>();
  for (const family of families) {
    for (const seg of segmentsOf(family, cuts)) {
      const ip = ipOfValue(family, seg.lo);
      const vector = membership(blocks, ip);
      const node = seg.lo === seg.hi ? nodeIps.get(ip.key) : undefined;
      const inPods = !node && podNetwork.some((r) => inRange(r, family, seg.lo));
      if (inPods) {
        const g = pods.get(vector) ?? { ranges: [], podNetwork: true };
        g.ranges.push(seg);
        pods.set(vector, g);
      }
      const key = `${family}|${node ?? ''}|${inPods}|${vector}`;
      const g = outside.get(key) ?? { ranges: [], podNetwork: inPods, ...(node ? { node } : {}) };
      g.ranges.push(seg);
      outside.set(key, g);
    }
  }
  const named = clusters.flatMap((c) => c.externals.map((x) => x.ip));
  const podIps = clusters.flatMap((c) => c.pods.filter((p) => !p.hostNetwork).map((p) => p.ip));
  const taken = new Set(podIps.map((p) => p.key));
  return {
    podAddresses: [...pods.values()].map((g) => finishPod(g, taken)),
    outside: [...outside.values()].map((g) => finish(g, named)),
    podNetwork,
  };
}

/** A pod address class's witness: an address no pod of the scenarios has, when there is one. */
function finishPod(g: Group, taken: ReadonlySet<string>): AddressClass {
  const c = finish(g, []);
  if (!taken.has(c.witness.key)) return c;
  for (const r of g.ranges) {
    for (let v = r.lo, n = 0; v <= r.hi && n < 512; v++, n++) {
      const ip = ipOfValue(r.family, v);
      if (!taken.has(ip.key)) return { ...c, witness: ip };
    }
  }
  return c;
}

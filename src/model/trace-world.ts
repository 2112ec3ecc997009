// The state of one packet journey and the pieces every hop uses: the hops so far, conntrack's NAT
// table, the devices, the routing tables, and the NetworkPolicy gate that asks the engine.
import { buildEndpoints, isPolicyPod, type Endpoint } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import type { FlowPort } from '../engine/match';
import type { Cluster } from '../k8s/types';
import type { LocalText } from '../lib/text';
import { cidrContains, parseCidr, parseIp } from '../lib/ip';
import type { CniProfile, NodeRoute } from './cni';
import type { KubeProxyInput } from './kube-proxy';
import * as say from './trace-text';
import * as sayLb from './trace-text-services';
import type { Topology, TopologyNode, TopologyPod } from './topology';
import type { CheckEvent, DropCode, PacketHeaders, TraceDevice, TraceEvent } from './trace-types';

export type Pkt = PacketHeaders;
export type Sender =
  | { kind: 'pod'; pod: TopologyPod }
  | { kind: 'host'; node: TopologyNode; pod?: TopologyPod }
  | { kind: 'outside'; ip: string; name: string };
export type Arrival = 'bridge' | 'eth0' | 'vtep' | 'local';

/** A NAT that conntrack remembers, to undo on the reply. `at` is a node name or `lb:<service>`. */
export interface NatEntry {
  readonly at: string;
  readonly by: 'kube-proxy' | 'cni' | 'loadbalancer';
  readonly service?: string;
  readonly original: Pkt;
  readonly translated: Pkt;
}

export interface World {
  readonly cluster: Cluster;
  readonly topology: Topology;
  readonly profile: CniProfile;
  readonly kp: KubeProxyInput;
  readonly nodes: ReadonlyMap<string, TopologyNode>;
  readonly nodeByIp: ReadonlyMap<string, TopologyNode>;
  readonly podEndpoints: ReadonlyMap<string, Endpoint>;
  readonly podIps: ReadonlySet<string>;
  /** The sender, the receiver and any endpoint a Service chose: they win when an IP names an endpoint. */
  readonly identities: Endpoint[];
  readonly externals: Map<string, Endpoint>;
  readonly conntrack: NatEntry[];
  readonly notices: LocalText[];
  lastDnat?: { readonly service: string; readonly port: number; readonly targetPort: number };
}

export interface Hop {
  id: string;
  device: TraceDevice;
  headers: Pkt;
  events: TraceEvent[];
}

export type Delivered = Sender | { kind: 'self'; pod: TopologyPod };

export class Journey {
  readonly hops: Hop[] = [];
  dropped?: string;
  delivered?: { at: Delivered; pkt: Pkt };
  constructor(
    readonly w: World,
    readonly phase: 'req' | 'rep',
  ) {}

  push(device: TraceDevice, pkt: Pkt, ...events: TraceEvent[]): Hop {
    const hop = { id: `${this.phase}-${this.hops.length}`, device, headers: pkt, events };
    this.hops.push(hop);
    return hop;
  }

  last(): Hop {
    return this.hops[this.hops.length - 1]!;
  }

  drop(hop: Hop, code: DropCode, text: LocalText, check?: CheckEvent): void {
    hop.events.push({ type: 'drop', code, text, ...(check ? { explanation: check.explanation } : {}) });
    this.dropped = hop.id;
  }

  /** `label` names where it arrived (the event's `to` is the English one). */
  deliver(hop: Hop, at: Delivered, label: string | LocalText): void {
    const where = typeof label === 'string' ? { en: label, ko: label } : label;
    hop.events.push({ type: 'deliver', to: where.en, text: say.deliver(where) });
    this.delivered = { at, pkt: hop.headers };
  }
}

/** The engine's endpoint for an address: the trace's own ends first, then pods, then outside (or a node). */
export function endpointFor(w: World, ip: string, podKey: string | null = null): Endpoint {
  if (podKey) return w.podEndpoints.get(podKey)!;
  const known = w.identities.find((e) => e.ip.key === ip);
  if (known) return known;
  // A bridge's address is its node's own (a hairpin's masquerade): the engine knows nodes by InternalIP.
  const bridgeOwner = w.topology.nodes.find((n) => n.bridge.ip === ip && n.internalIP);
  if (bridgeOwner) return endpointFor(w, bridgeOwner.internalIP!);
  const pod = [...w.podEndpoints.values()].find((e) => isPolicyPod(e) && e.ip.key === ip);
  if (pod) return pod;
  let ext = w.externals.get(ip);
  if (!ext) {
    ext = buildEndpoints({ ...w.cluster, pods: [] }, [ip])[0]!;
    w.externals.set(ip, ext);
  }
  return ext;
}

// --- devices ---------------------------------------------------------------------------------

export const podEth0 = (p: TopologyPod): TraceDevice => ({
  kind: 'pod-eth0',
  name: 'eth0',
  node: p.node!,
  pod: p.key,
});
export const vethOf = (p: TopologyPod): TraceDevice => ({
  kind: 'veth-host',
  name: p.network.kind === 'bridged' ? p.network.veth : 'veth',
  node: p.node!,
  pod: p.key,
});
export const bridgeOf = (n: TopologyNode): TraceDevice => ({
  kind: 'bridge',
  name: n.bridge.name,
  node: n.name,
});
export const eth0Of = (n: TopologyNode, pod?: TopologyPod): TraceDevice => ({
  kind: 'node-eth0',
  name: 'eth0',
  node: n.name,
  ...(pod ? { pod: pod.key } : {}),
});
export const networkOf = (w: World): TraceDevice => ({
  kind: 'node-network',
  name: w.topology.nodeNetwork ?? 'node network',
});

/** Who does a Service's DNAT on `node`: kube-proxy's rules, or cilium's eBPF when it replaces kube-proxy. */
export function kubeProxyOf(w: World, node: TopologyNode, service: string): TraceDevice {
  const name = w.profile.kubeProxyReplacement ? KPR_DEVICE : `kube-proxy (${w.kp.mode})`;
  return { kind: 'kube-proxy', name, node: node.name, service };
}

/** The device name of cilium's eBPF service load balancer. */
export const KPR_DEVICE = 'cilium eBPF (kube-proxy replacement)';

// --- gates, NAT, routes ----------------------------------------------------------------------

/**
 * A NetworkPolicy gate at a pod's veth: on the request, the engine judges the flow the headers
 * name here (egress: this pod → the destination; ingress: the source → this pod); on the reply,
 * conntrack lets the packet through. Returns false when an enforcing CNI drops the packet.
 */
export function gate(
  j: Journey,
  hop: Hop,
  direction: 'egress' | 'ingress',
  pod: TopologyPod,
  pkt: Pkt,
): boolean {
  const w = j.w;
  if (j.phase === 'rep') {
    hop.events.push({
      type: 'conntrack',
      state: 'ESTABLISHED',
      direction,
      subject: pod.key,
      text: say.conntrack(direction, pod.key),
    });
    return true;
  }
  const self = w.podEndpoints.get(pod.key)!;
  const flow: FlowPort = { port: pkt.dstPort, protocol: pkt.protocol };
  const seen =
    direction === 'egress'
      ? evaluateFlow(w.cluster.policies, self, endpointFor(w, pkt.dst), flow)
      : evaluateFlow(w.cluster.policies, endpointFor(w, pkt.src), self, flow);
  // kube-proxy masqueraded outside traffic on this very node: whether the policy sees the client
  // or the node is implementation-defined. Follow the client (iptables enforcement judges in
  // FORWARD, before POSTROUTING's SNAT) and say what the other reading gives.
  const masq =
    direction === 'ingress'
      ? w.conntrack.find(
          (e) =>
            e.by === 'kube-proxy' &&
            e.at === pod.node &&
            e.translated.src === pkt.src &&
            e.translated.srcPort === pkt.srcPort &&
            e.original.src !== pkt.src &&
            !w.podIps.has(e.original.src),
        )
      : undefined;
  const client = masq
    ? evaluateFlow(w.cluster.policies, endpointFor(w, masq.original.src), self, flow)
    : undefined;
  const differs =
    client !== undefined && (client.ingress.verdict === 'deny') !== (seen.ingress.verdict === 'deny');
  const x = differs ? client! : seen;
  if (differs)
    w.notices.push(
      sayLb.policyBeforeOrAfterSnat(
        pod.key,
        masq!.original.src,
        pkt.src,
        client!.ingress.verdict === 'deny',
        seen.ingress.verdict === 'deny',
      ),
    );
  const side = x[direction];
  const enforced = w.profile.enforcesPolicy;
  const other = direction === 'egress' ? x.to : x.from;
  const check: CheckEvent = {
    type: direction === 'egress' ? 'egress-check' : 'ingress-check',
    flow: { from: x.from, to: x.to, port: x.port, protocol: x.protocol },
    verdict: side.verdict,
    explanation: side,
    enforced,
    ...(differs ? { implementationDefined: true } : {}),
    text: say.check(direction, side, other, x.port, x.protocol, enforced, w.profile.cni),
  };
  hop.events.push(check);
  if (side.verdict !== 'deny') return true;
  const trap = w.lastDnat;
  if (direction === 'ingress' && trap && trap.port !== trap.targetPort && pkt.dstPort === trap.targetPort) {
    const namesServicePort = side.selectedBy.some((pe) =>
      pe.rules.some((r) =>
        r.portMisses?.some((m) => m.failure.kind === 'number' && m.failure.want === trap.port),
      ),
    );
    if (namesServicePort) w.notices.push(say.servicePortTrap(trap.service, trap.port, trap.targetPort));
  }
  if (!enforced) {
    w.notices.push(
      say.wouldHaveDropped(direction, side.subject, side.selectedBy.map((p) => p.policy).join(', ')),
    );
    return true;
  }
  j.drop(
    hop,
    direction === 'egress' ? 'egress-denied' : 'ingress-denied',
    say.policyDrop(direction, side),
    check,
  );
  return false;
}

export function isReplyOf(e: NatEntry, pkt: Pkt): boolean {
  const t = e.translated;
  return (
    pkt.src === t.dst &&
    pkt.srcPort === t.dstPort &&
    pkt.dst === t.src &&
    pkt.dstPort === t.srcPort &&
    pkt.protocol === t.protocol
  );
}

/** Undoes a NAT on a reply (at `hop`, whose headers become the result). */
export function unNat(hop: Hop, e: NatEntry, pkt: Pkt, bridged = false): Pkt {
  const o = e.original;
  const after: Pkt = {
    src: o.dst,
    srcPort: o.dstPort,
    dst: o.src,
    dstPort: o.srcPort,
    protocol: pkt.protocol,
  };
  hop.headers = after;
  const before = { src: { ip: pkt.src, port: pkt.srcPort }, dst: { ip: pkt.dst, port: pkt.dstPort } };
  const now = { src: { ip: after.src, port: after.srcPort }, dst: { ip: after.dst, port: after.dstPort } };
  hop.events.push({
    type: 'reverse-nat',
    by: e.by,
    before,
    after: now,
    text: say.reverseNat(e.by, before, now, bridged),
  });
  return after;
}

export function routeEvent(
  table: 'pod' | 'node',
  owner: string,
  text: string,
  destination: string,
  dev: string,
  via?: string,
): TraceEvent {
  return {
    type: 'route',
    table,
    owner,
    route: text,
    destination,
    dev,
    ...(via !== undefined ? { via } : {}),
    text: say.route(owner, text),
  };
}

/** The node's routing table: the topology's, built once by the CNI's datapath model. */
export function routesOf(_w: World, node: TopologyNode): readonly NodeRoute[] {
  return node.routes;
}

export function bridgedPodOn(w: World, node: TopologyNode, ip: string): TopologyPod | undefined {
  const preferred = w.identities.find(
    (e) => e.kind === 'pod' && e.ip.key === ip && e.pod.nodeName === node.name,
  );
  const pods = node.pods.map((k) => w.kp.pods.get(k)!).filter((p) => !p.hostNetwork && p.ip === ip);
  return pods.find((p) => p.key === preferred?.key) ?? pods[0];
}

export function isClusterAddress(w: World, ip: string): boolean {
  if (w.podIps.has(ip) || w.topology.services.some((s) => s.clusterIP === ip)) return true;
  const addr = parseIp(ip);
  return (
    addr !== null &&
    w.topology.nodes.some((n) => n.podCIDR !== undefined && cidrContains(parseCidr(n.podCIDR)!, addr))
  );
}

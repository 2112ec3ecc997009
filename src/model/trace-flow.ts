// A packet's journey, hop by hop: out of a pod's eth0, across its veth pair to the bridge, through
// the node's routing (and kube-proxy's DNAT when it is addressed to a Service), across the node
// network (routed, or encapsulated by a VTEP), into the other node, past the destination's gate,
// and back as a reply that conntrack lets through and un-NATs. Every policy verdict is the
// engine's (evaluateFlow), asked at each gate about the endpoints and port the packet's headers name
// there, so policies see the chosen pod and its targetPort after DNAT. Pure and deterministic.
//   trace-world.ts: the journey's state, devices, gates; trace-journey.ts: the walk itself.
import { josa } from '../lib/korean';
import { buildEndpoints } from '../engine/endpoints';
import { foreignPoliciesFor, foreignPolicyNote } from '../engine/foreign-policies';
import type { FlowPort } from '../engine/match';
import type { Cluster, Service } from '../k8s/types';
import { cidrContains, parseCidr, parseIp } from '../lib/ip';
import { fnv1a32 } from './addresses';
import { endLabel, resolveTraceEnd, type TraceEnd } from './trace-endpoints';
import { lbNodes, send } from './trace-journey';
import * as sayLb from './trace-text-services';
import * as say from './trace-text';
import type { Topology, TopologyService } from './topology';
import { TraceError, type PacketTrace, type TraceEvent, type TraceHop } from './trace-types';
import { endpointFor, Journey, type Pkt, type Sender, type World } from './trace-world';

export * from './trace-types';
export { endLabel, resolveTraceEnd, type TraceEnd } from './trace-endpoints';

/** Linux's default ip_local_port_range: where the client's source port comes from. */
export const EPHEMERAL_PORTS = { min: 32768, max: 60999 } as const;
/** RFC 5737 TEST-NET-1: stands in for a DNS name whose address the scenario does not give. */
const PLACEHOLDER_NET = '192.0.2.0/24';

/**
 * Traces one packet from `from` to `to` on `port` through the scenario's network, and its reply.
 * Ends are `ns/pod`, a pod name in `default`, an ExternalEndpoint's name, `svc:ns/name`, or an
 * address (`IP`, or `IP:port` for the destination: a ClusterIP, a LoadBalancer IP, `nodeIP:nodePort`).
 * The reply is traced only when the request is delivered. Throws TraceError for input that names
 * nothing, or nothing that can send (a Service), or two outside ends.
 */
export function traceFlow(
  cluster: Cluster,
  topology: Topology,
  from: string,
  to: string,
  port: FlowPort,
): PacketTrace {
  const src = resolveTraceEnd(cluster, topology, from);
  const dst = resolveTraceEnd(cluster, topology, to);
  if (src.port !== undefined)
    throw new TraceError(
      `${from}: the source port is chosen by the sender; give the source without a port`,
      `${from}: 출발 포트는 보내는 쪽이 고릅니다. 출발지는 포트 없이 적으세요`,
    );
  if (dst.port !== undefined && dst.port !== port.port)
    throw new TraceError(
      `${to} names port ${dst.port}, but the flow's port is ${port.port}`,
      `${to}에 적힌 포트는 ${dst.port}인데, 흐름의 포트는 ${port.port}입니다`,
    );
  if (src.end.kind === 'service')
    throw new TraceError(
      `${from} is a Service: Services never send packets; trace from a pod or an address`,
      `${josa(from, '은/는')} Service입니다. Service는 패킷을 보내지 않으니 파드나 주소에서 보내세요`,
    );
  for (const e of [src.end, dst.end]) {
    if (e.kind === 'pod' && e.pod.node === null)
      throw new TraceError(
        `${e.pod.key} does not run on a node of the scenario (spec.nodeName), so it has no network to trace`,
        `${e.pod.key} 파드는 시나리오의 어느 노드에서도 돌지 않아서(spec.nodeName) 따라갈 네트워크가 없습니다`,
      );
  }
  if (src.end.kind === 'outside' && dst.end.kind === 'outside')
    throw new TraceError(
      'both ends are outside the cluster: netlab traces packets that enter, leave or stay in it',
      '양쪽 끝이 모두 클러스터 밖입니다. netlab은 클러스터로 들어오거나, 나가거나, 안에 머무는 패킷을 따라갑니다',
    );

  const w = world(cluster, topology);
  const sender = senderOf(w, src.end);
  const senderIp =
    sender.kind === 'pod'
      ? sender.pod.ip
      : sender.kind === 'host'
        ? (sender.pod?.ip ?? sender.node.internalIP!)
        : sender.ip;
  w.identities.push(endpointFor(w, senderIp, sender.kind !== 'outside' ? (sender.pod?.key ?? null) : null));
  const srcPort = ephemeralPort(`${endLabel(src.end)}>${endLabel(dst.end)}:${port.port}/${port.protocol}`);
  const req = new Journey(w, 'req');
  const target = destination(w, req, sender, senderIp, srcPort, dst.end, port);
  const pkt: Pkt = { src: senderIp, dst: target.ip, srcPort, dstPort: target.port, protocol: port.protocol };
  send(req, sender, pkt);
  if (!req.dropped && !req.delivered)
    throw new Error('internal: the packet was neither delivered nor dropped');

  let reply: TraceHop[] | null = null;
  if (req.delivered) {
    const rep = new Journey(w, 'rep');
    const back = req.delivered;
    const rpkt: Pkt = {
      src: back.pkt.dst,
      dst: back.pkt.src,
      srcPort: back.pkt.dstPort,
      dstPort: back.pkt.srcPort,
      protocol: back.pkt.protocol,
    };
    send(rep, back.at, rpkt);
    reply = rep.hops;
  }
  const enforced = w.profile.enforcesPolicy;
  if (!enforced) w.notices.unshift(say.notEnforced(w.profile.cni));
  const [first, ...rest] = w.identities;
  const foreign = first ? [...new Set(rest.flatMap((e) => foreignPoliciesFor(cluster, first, e)))] : [];
  const note = foreignPolicyNote(
    foreign.length > 0 || !first ? foreign : foreignPoliciesFor(cluster, first, first),
  );
  if (note) w.notices.push(note);
  return {
    from: endLabel(src.end),
    to: dst.port !== undefined ? `${endLabel(dst.end)}:${dst.port}` : endLabel(dst.end),
    port: { port: port.port, protocol: port.protocol },
    network: {
      cni: cluster.network.cni,
      kubeProxyMode: cluster.network.kubeProxyMode,
      bridgeName: topology.bridgeName,
      overlay: w.profile.overlay,
      hub: {
        kind: w.profile.attachment,
        name: topology.nodes[0]?.bridge.name ?? topology.bridgeName,
      },
      kubeProxyReplacement: w.profile.kubeProxyReplacement,
    },
    request: req.hops,
    reply,
    verdict: req.dropped ? 'dropped' : 'delivered',
    ...(req.dropped ? { droppedAt: req.dropped } : {}),
    enforcement: enforced ? 'enforced' : 'not-enforced',
    notices: w.notices,
  };
}

function world(cluster: Cluster, topology: Topology): World {
  const specs = new Map<string, Service>(topology.services.map((s, i) => [s.key, cluster.services[i]!]));
  const pods = new Map(topology.pods.map((p) => [p.key, p]));
  return {
    cluster,
    topology,
    profile: topology.profile,
    kp: { services: topology.services, specs, pods, mode: cluster.network.kubeProxyMode },
    nodes: new Map(topology.nodes.map((n) => [n.name, n])),
    nodeByIp: new Map(topology.nodes.flatMap((n) => (n.internalIP ? [[n.internalIP, n] as const] : []))),
    podEndpoints: new Map(buildEndpoints(cluster).map((e) => [e.key, e])),
    podIps: new Set(topology.pods.filter((p) => !p.hostNetwork).map((p) => p.ip)),
    identities: [],
    externals: new Map(),
    conntrack: [],
    notices: [],
  };
}

function ephemeralPort(seed: string): number {
  const span = EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1;
  return EPHEMERAL_PORTS.min + (parseInt(fnv1a32(seed), 16) % span);
}

function senderOf(w: World, e: TraceEnd): Sender {
  if (e.kind === 'pod')
    return e.pod.hostNetwork
      ? { kind: 'host', node: w.nodes.get(e.pod.node!)!, pod: e.pod }
      : { kind: 'pod', pod: e.pod };
  if (e.kind === 'node') return { kind: 'host', node: e.node };
  if (e.kind === 'outside') return { kind: 'outside', ip: e.ip, name: e.name ?? e.ip };
  throw new TraceError('a Service cannot send', 'Service는 패킷을 보낼 수 없습니다');
}

/** Where the first packet goes: an address and port, after DNS for ExternalName and headless Services. */
function destination(
  w: World,
  j: Journey,
  sender: Sender,
  senderIp: string,
  srcPort: number,
  end: TraceEnd,
  port: FlowPort,
): { ip: string; port: number } {
  if (end.kind === 'pod') {
    w.identities.push(w.podEndpoints.get(end.pod.key)!);
    return { ip: end.pod.ip, port: port.port };
  }
  if (end.kind === 'node' || end.kind === 'outside') return { ip: end.ip, port: port.port };
  const s = end.service;
  if (sender.kind === 'outside') {
    if (s.type === 'ExternalName' || s.clusterIP === null)
      throw new TraceError(
        `svc:${s.key} has no address that outside machines can use`,
        `svc:${s.key}에는 클러스터 밖 머신이 쓸 수 있는 주소가 없습니다`,
      );
    if (
      end.access === 'cluster-ip' ||
      (end.access === 'name' && s.type === 'ClusterIP' && s.externalIPs.length === 0)
    )
      return { ip: s.clusterIP, port: port.port };
    const written = end.address !== undefined ? parseIp(end.address)?.key : undefined;
    if (written && (end.access === 'load-balancer' || end.access === 'external-ip'))
      return { ip: written, port: port.port };
    const lbIp = s.type === 'LoadBalancer' ? s.loadBalancerIPs[0] : undefined;
    if (lbIp) return { ip: lbIp, port: port.port };
    if (s.externalIPs[0] !== undefined && s.type !== 'LoadBalancer')
      return { ip: s.externalIPs[0], port: port.port };
    if (s.type === 'LoadBalancer')
      w.notices.push(
        s.loadBalancerHostnames[0] !== undefined
          ? sayLb.lbHostnameOnly(s.key, s.loadBalancerHostnames[0])
          : say.noLoadBalancerIp(s.key),
      );
    const sp = s.ports.find(
      (p) => p.protocol === port.protocol && (p.port === port.port || p.nodePort === port.port),
    );
    const node = sp ? lbNodes(w, s, sp)[0] : undefined;
    if (!node || sp?.nodePort === undefined)
      throw new TraceError(
        `svc:${s.key} has no NodePort for ${port.port}/${port.protocol} on a node with an address`,
        `svc:${s.key}에는 주소가 있는 노드에서 ${port.port}/${port.protocol}에 쓸 NodePort가 없습니다`,
      );
    w.notices.push(say.enterAtNode(s.key, node.name, `${node.internalIP}:${sp.nodePort}`));
    return { ip: node.internalIP!, port: sp.nodePort };
  }
  if (s.type === 'ExternalName') return externalName(w, j, s, senderIp, srcPort, port);
  if (s.clusterIP === null) return headless(w, j, s, senderIp, srcPort, port);
  const written = end.address !== undefined ? parseIp(end.address)?.key : undefined;
  if (written && (end.access === 'load-balancer' || end.access === 'external-ip'))
    return { ip: written, port: port.port };
  return { ip: s.clusterIP, port: port.port };
}

function dnsHop(w: World, j: Journey, senderIp: string, srcPort: number, ...events: TraceEvent[]): void {
  const dns = w.topology.services.find(
    (s) => s.namespace === 'kube-system' && s.name === 'kube-dns' && s.clusterIP !== null,
  );
  j.push(
    { kind: 'dns', name: 'CoreDNS (kube-dns)' },
    { src: senderIp, dst: dns?.clusterIP ?? 'kube-dns.kube-system', srcPort, dstPort: 53, protocol: 'UDP' },
    ...events,
  );
}

function externalName(
  w: World,
  j: Journey,
  s: TopologyService,
  senderIp: string,
  srcPort: number,
  port: FlowPort,
): { ip: string; port: number } {
  const cname = s.externalName!;
  const query = `${s.name}.${s.namespace}.svc.cluster.local`;
  const named = w.cluster.externals.find((x) => x.name.toLowerCase() === cname.toLowerCase());
  let ip = named?.ip.key;
  if (!ip) {
    const used = new Set([...w.cluster.externals.map((x) => x.ip.key), ...w.podIps, ...w.nodeByIp.keys()]);
    const net = parseCidr(PLACEHOLDER_NET)!;
    for (let i = 1; i < 255 && !ip; i++) if (!used.has(`192.0.2.${i}`)) ip = `192.0.2.${i}`;
    if (!ip || !cidrContains(net, parseIp(ip)!)) throw new Error('internal: no stand-in address left');
    w.notices.push(say.placeholderAddress(cname, ip));
    w.externals.set(ip, { kind: 'external', key: ip, ip: parseIp(ip)!, name: cname });
  }
  dnsHop(w, j, senderIp, srcPort, {
    type: 'dns-cname',
    query,
    cname,
    address: ip,
    addressFrom: named ? 'external-endpoint' : 'placeholder',
    text: say.dnsCname(query, cname, ip, !named),
  });
  return { ip, port: port.port };
}

function headless(
  w: World,
  j: Journey,
  s: TopologyService,
  senderIp: string,
  srcPort: number,
  port: FlowPort,
): { ip: string; port: number } {
  const pods = s.endpoints.map((k) => w.kp.pods.get(k)!).filter((p) => p.node !== null);
  if (pods.length === 0)
    throw new TraceError(
      `svc:${s.key} is headless and selects no running pod: DNS has no address to answer with`,
      `${josa(`svc:${s.key}`, '은/는')} 헤드리스이고 실행 중인 파드를 하나도 고르지 않아서, DNS가 돌려줄 주소가 없습니다`,
    );
  const query = `${s.name}.${s.namespace}.svc.cluster.local`;
  const chosen = pods[0]!;
  w.identities.push(w.podEndpoints.get(chosen.key)!);
  const addresses = pods.map((p) => p.ip);
  dnsHop(w, j, senderIp, srcPort, {
    type: 'dns-a',
    query,
    addresses,
    chosen: chosen.ip,
    text: say.dnsA(query, addresses, chosen.ip),
  });
  return { ip: chosen.ip, port: port.port };
}

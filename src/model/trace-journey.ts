// The hop-by-hop walk: out of a pod (or a node, or an outside machine), through each node's stack
// (conntrack, kube-proxy, routing), across the node network (routed or through a VTEP), to the
// destination's gate and into it.
import { DNS_NAMESPACE, DNS_SERVICE_NAME } from '../dns/cluster-dns';
import { cidrContains, parseCidr, parseIp } from '../lib/ip';
import { lookupRoute, type NodeRoute } from './cni';
import { kubeProxyMatch } from './kube-proxy';
import { backendPort, usableBackends } from '../engine/services';
import { EXCLUDE_FROM_LB_LABEL } from '../engine/service-flow';
import * as say from './trace-text';
import * as sayLb from './trace-text-services';
import * as sayCni from './cni-drop-text';
import {
  formatRoute,
  type Route,
  type TopologyNode,
  type TopologyPod,
  type TopologyService,
  type TopologyServicePort,
} from './topology';
import type { OuterHeaders } from './trace-types';
import {
  bridgeOf,
  bridgedPodOn,
  eth0Of,
  gate,
  isClusterAddress,
  isReplyOf,
  kubeProxyOf,
  networkOf,
  podEth0,
  routeEvent,
  routesOf,
  unNat,
  vethOf,
  type Arrival,
  type Delivered,
  type Hop,
  type Journey,
  type Pkt,
  type Sender,
  type World,
} from './trace-world';

// --- the journey -----------------------------------------------------------------------------

export function send(j: Journey, sender: Delivered, pkt: Pkt): void {
  if (sender.kind === 'pod') podSend(j, sender.pod, pkt);
  else if (sender.kind === 'host') {
    j.push(eth0Of(sender.node, sender.pod), pkt);
    hostStack(j, sender.node, pkt, 'local');
  } else if (sender.kind === 'outside') outsideSend(j, sender, pkt);
  else selfHop(j, sender.pod, pkt);
}

/** A pod sending to its own address: the packet stays in its network namespace. */
export function selfHop(j: Journey, pod: TopologyPod, pkt: Pkt): void {
  const hop = j.push(
    podEth0(pod),
    pkt,
    routeEvent('pod', pod.key, `local ${pod.ip} dev lo table local`, pod.ip, 'lo'),
  );
  if (j.phase === 'req') {
    j.w.notices.push(say.selfTraffic(pod.key));
    gate(j, hop, 'egress', pod, pkt);
    gate(j, hop, 'ingress', pod, pkt);
  }
  j.deliver(hop, { kind: 'self', pod }, pod.key);
}

function podSend(j: Journey, pod: TopologyPod, pkt: Pkt): void {
  const w = j.w;
  if (pkt.dst === pod.ip) return selfHop(j, pod, pkt);
  if (pod.network.kind !== 'bridged') throw new Error(`internal: ${pod.key} is not bridged`);
  const node = w.nodes.get(pod.node!)!;
  // On a bridge, the pod CIDR's link route reaches its neighbours directly (weave's spans every node).
  const onLink =
    node.bridge.kind === 'bridge'
      ? pod.network.routes.find(
          (r) => r.scope === 'link' && cidrContains(parseCidr(r.destination)!, parseIp(pkt.dst)!),
        )
      : undefined;
  // The pod's table as its CNI configuration left it: no match is the kernel's ENETUNREACH.
  const podRoute = onLink ?? podRouteFor(pod.network.routes, pkt.dst);
  if (!podRoute) return j.drop(j.push(podEth0(pod), pkt), 'no-route', sayCni.podNoRoute(pod.key, pkt.dst));
  const eth0 = j.push(
    podEth0(pod),
    pkt,
    routeEvent('pod', pod.key, formatRoute(podRoute), podRoute.destination, podRoute.dev, podRoute.via),
  );
  if (!onLink && node.bridge.unaddressed && podRoute.via === node.bridge.ip)
    return j.drop(eth0, 'no-neighbour', sayCni.gatewayUnanswered(pod.key, podRoute.via, node.bridge.name));
  const veth = j.push(vethOf(pod), pkt);
  if (onLink) {
    // Same subnet: the bridge switches the frame to the other pod's veth; no routing, no NAT.
    if (!gate(j, veth, 'egress', pod, pkt)) return;
    const br = j.push(bridgeOf(node), pkt);
    // A reply to a Service's client on the same node is bridged, yet un-DNATed: br_netfilter passes
    // bridged frames through conntrack (why kube-proxy needs bridge-nf-call-iptables=1).
    const entry =
      j.phase === 'rep'
        ? w.conntrack.find((e) => e.at === node.name && e.by === 'kube-proxy' && isReplyOf(e, pkt))
        : undefined;
    if (entry) pkt = unNat(j.push(kubeProxyOf(w, node, entry.service!), pkt), entry, pkt, true);
    const target = bridgedPodOn(w, node, pkt.dst);
    if (!target) return acrossWeave(j, node, br, pkt);
    return toPod(j, target, pkt);
  }
  // NodeLocal DNSCache: a query to its address (or to the kube-dns ClusterIP it also holds) ends on this node.
  if (j.phase === 'req' && isNodeLocalDns(w, pkt)) {
    if (!gate(j, veth, 'egress', pod, pkt)) return;
    if (node.bridge.kind === 'bridge') j.push(bridgeOf(node), pkt);
    const agent = j.push({ kind: 'dns', name: 'node-local-dns', node: node.name }, pkt);
    return j.deliver(
      agent,
      { kind: 'host', node },
      {
        en: `node-local-dns on ${node.name} (hostNetwork)`,
        ko: `${node.name}의 node-local-dns(hostNetwork)`,
      },
    );
  }
  // Via the bridge's address into the node: a Service address is DNATed there before the egress check.
  const dnatAhead = j.phase === 'req' && kubeProxyMatch(w.kp, node, pkt, true) !== undefined;
  if (!dnatAhead && !gate(j, veth, 'egress', pod, pkt)) return;
  // Into the node's stack: through the bridge, or (calico, cilium) straight from the veth.
  if (node.bridge.kind === 'bridge') j.push(bridgeOf(node), pkt);
  hostStack(j, node, pkt, 'bridge', dnatAhead ? pod : undefined);
}

/**
 * weave: the frame is for a pod on another node of the same flat network: the weave bridge hands it
 * to the Open vSwitch datapath (through vethwe-bridge), which encapsulates it in VXLAN on UDP 6784
 * (fastdp) to that node; there it comes out onto its weave bridge. Elsewhere: no such neighbour.
 */
function acrossWeave(j: Journey, node: TopologyNode, br: Hop, pkt: Pkt): void {
  const w = j.w;
  const ov = w.profile.overlay;
  const pod = w.topology.pods.find(
    (p) => !p.hostNetwork && p.ip === pkt.dst && p.node && p.node !== node.name,
  );
  const other = pod ? w.nodes.get(pod.node!) : undefined;
  if (ov.kind !== 'weave' || !pod || !other || !node.internalIP || !other.internalIP)
    return j.drop(br, 'no-neighbour', say.noNeighbour(node.bridge.name, node.name, pkt.dst));
  tunnel(j, node, other, pkt);
  j.push(bridgeOf(other), pkt);
  toPod(j, pod, pkt);
}

/** Through the CNI's tunnel from `node` to `other`: encapsulated at one VTEP, decapsulated at the other. */
function tunnel(j: Journey, node: TopologyNode, other: TopologyNode, pkt: Pkt): void {
  const w = j.w;
  const ov = w.profile.overlay;
  if (ov.kind === 'routes') throw new Error('internal: a tunnel without an overlay');
  const outer: OuterHeaders =
    ov.kind === 'ipip'
      ? { src: node.internalIP!, dst: other.internalIP!, protocol: 'IPIP' }
      : {
          src: node.internalIP!,
          dst: other.internalIP!,
          protocol: 'UDP',
          dstPort: ov.port,
          ...(ov.vni !== undefined ? { vni: ov.vni } : {}),
        };
  const wrapped = { ...pkt, outer };
  const fdb = node.datapath.neighbours.find((n) => n.node === other.name);
  j.push({ kind: 'vtep', name: ov.device, node: node.name }, wrapped, {
    type: 'encap',
    device: ov.device,
    overlay: ov.kind,
    outer,
    text: say.encap(ov.device, ov.kind, outer, fdb?.fdb),
  });
  j.push(eth0Of(node), wrapped);
  j.push(networkOf(w), wrapped);
  j.push(eth0Of(other), wrapped);
  j.push({ kind: 'vtep', name: ov.device, node: other.name }, pkt, {
    type: 'decap',
    device: ov.device,
    overlay: ov.kind,
    outer,
    text: say.decap(ov.device, outer),
  });
}

/** Up the veth to the pod: the ingress gate, then the pod's eth0. */
function toPod(j: Journey, pod: TopologyPod, pkt: Pkt): void {
  const veth = j.push(vethOf(pod), pkt);
  if (!gate(j, veth, 'ingress', pod, pkt)) return;
  j.deliver(j.push(podEth0(pod), pkt), { kind: 'pod', pod }, pod.key);
}

/**
 * The node's network stack: conntrack's reverse NAT for a reply, kube-proxy's DNAT (and the
 * deferred egress gate) for a request, then the routing decision, then out the chosen way.
 */
function hostStack(
  j: Journey,
  node: TopologyNode,
  pkt: Pkt,
  arrival: Arrival,
  pendingEgress?: TopologyPod,
): void {
  const w = j.w;
  let at = j.last();
  let nat: { original: Pkt; service: string; masquerade: boolean; hairpin: boolean } | undefined;
  if (j.phase === 'rep') {
    const entry = w.conntrack.find((e) => e.at === node.name && isReplyOf(e, pkt));
    if (entry) {
      if (entry.by === 'kube-proxy') at = j.push(kubeProxyOf(w, node, entry.service!), pkt);
      pkt = unNat(at, entry, pkt);
    }
  } else {
    const hit = kubeProxyMatch(
      w.kp,
      node,
      pkt,
      arrival === 'bridge' || arrival === 'local' || w.podIps.has(pkt.src),
    );
    if (hit) {
      at = j.push(kubeProxyOf(w, node, hit.service.key), pkt);
      if ('drop' in hit) {
        if (hit.drop === 'no-local-endpoint' && hit.localBecause === 'internal')
          return j.drop(at, hit.drop, sayLb.noLocalEndpointInternal(hit.service.key, node.name));
        return kubeProxyDrop(j, at, hit.drop, hit.service, node, pkt);
      }
      const original = pkt;
      pkt = { ...pkt, dst: hit.to.ip, dstPort: hit.to.port };
      at.headers = pkt;
      at.events.push({
        type: 'dnat',
        by: 'kube-proxy',
        service: hit.service.key,
        from: { ip: original.dst, port: original.dstPort },
        to: hit.to,
        endpoint: hit.endpoint.key,
        candidates: hit.candidates.map((p) => p.key),
        ...(w.profile.kubeProxyReplacement ? {} : { rule: hit.rule }),
        ...(hit.affinity ? { affinity: hit.affinity } : {}),
        text: w.profile.kubeProxyReplacement
          ? say.dnatEbpf(hit, { ip: original.dst, port: original.dstPort })
          : say.dnat(hit, { ip: original.dst, port: original.dstPort }),
      });
      if (hit.affinity)
        w.notices.push(
          sayLb.affinityText(hit.affinity, w.profile.kubeProxyReplacement ? undefined : hit.rule),
        );
      if (hit.endpoint.pod) w.identities.push(w.podEndpoints.get(hit.endpoint.key)!);
      if (hit.access === 'load-balancer' || hit.access === 'external-ip' || hit.access === 'node-port') {
        if (!w.podIps.has(original.src) && !w.nodeByIp.has(original.src))
          w.notices.push(
            hit.masquerade
              ? sayLb.clientIpLost(hit.service.key, original.src, node.name)
              : sayLb.clientIpKept(hit.service.key, original.src),
          );
      }
      w.lastDnat = { service: hit.service.key, port: hit.port.port, targetPort: hit.to.port };
      const hairpin = pendingEgress?.key === hit.endpoint.key;
      if (hairpin) w.notices.push(say.hairpin(hit.endpoint.key, hairpinSource(node)));
      nat = { original, service: hit.service.key, masquerade: hit.masquerade, hairpin };
    }
  }
  if (pendingEgress && !gate(j, at, 'egress', pendingEgress, pkt)) return;
  const route = lookupRoute(routesOf(w, node), pkt.dst);
  if (!route) return j.drop(at, 'no-route', say.noRoute(node.name, pkt.dst));
  at.events.push(routeEvent('node', node.name, route.text, route.destination, route.dev, route.via));
  if (nat) {
    // MASQUERADE takes the address of the way out: the bridge's for a hairpin, else (simplified) eth0's.
    const masq = nat.hairpin ? hairpinSource(node) : nat.masquerade ? node.internalIP : undefined;
    if (masq && pkt.src !== masq) {
      const from = { ip: pkt.src, port: pkt.srcPort };
      const to = { ip: masq, port: pkt.srcPort };
      at.events.push({
        type: 'snat',
        by: 'kube-proxy',
        from,
        to,
        text: nat.hairpin ? say.snatHairpin(from, to) : say.snatKubeProxy(from, to),
      });
      pkt = { ...pkt, src: masq };
      at.headers = pkt;
    }
    w.conntrack.push({
      at: node.name,
      by: 'kube-proxy',
      service: nat.service,
      original: nat.original,
      translated: pkt,
    });
  }
  forward(j, node, route, pkt, at);
}

function kubeProxyDrop(
  j: Journey,
  at: Hop,
  code: 'no-endpoints' | 'no-local-endpoint' | 'no-service-port',
  s: TopologyService,
  node: TopologyNode,
  pkt: Pkt,
): void {
  if (code === 'no-endpoints') return j.drop(at, code, say.noEndpoints(s.key));
  if (code === 'no-local-endpoint') return j.drop(at, code, say.noLocalEndpoint(s.key, node.name));
  const ports = s.ports
    .map((p) => `${p.port}/${p.protocol}${p.nodePort !== undefined ? ` (nodePort ${p.nodePort})` : ''}`)
    .join(', ');
  j.drop(at, code, say.noServicePort(s.key, pkt.dstPort, pkt.protocol, ports));
}

/** Out of the node the way `route` says. */
function forward(j: Journey, node: TopologyNode, route: NodeRoute, pkt: Pkt, at: Hop): void {
  const w = j.w;
  switch (route.kind) {
    case 'local':
      return deliverHost(j, node, pkt, at);
    case 'bridge': {
      // cilium_host's route: eBPF hands the packet to the pod's lxc veth; no bridge to cross.
      const br = node.bridge.kind === 'bridge' ? j.push(bridgeOf(node), pkt) : at;
      const target = bridgedPodOn(w, node, pkt.dst);
      if (!target) return acrossWeave(j, node, br, pkt);
      return toPod(j, target, pkt);
    }
    case 'pod': {
      // calico: the pod's /32 points straight at its cali veth.
      const target = w.topology.pods.find((p) => p.key === route.pod);
      if (!target) return j.drop(at, 'no-neighbour', say.noNeighbour(route.dev, node.name, pkt.dst));
      return toPod(j, target, pkt);
    }
    case 'blackhole':
      return j.drop(at, 'no-route', say.blackhole(node.name, pkt.dst, route.destination));
    case 'pods-via-node': {
      const other = w.nodes.get(route.node!)!;
      const out = eth0Out(j, node, pkt);
      pkt = masqueradeOut(j, node, out, pkt, 'subnet');
      j.push(networkOf(w), pkt);
      j.push(eth0Of(other), pkt);
      return hostStack(j, other, pkt, 'eth0');
    }
    case 'overlay': {
      const other = w.nodes.get(route.node!)!;
      tunnel(j, node, other, pkt);
      return hostStack(j, other, pkt, 'vtep');
    }
    case 'node-network':
    case 'default':
      return leaveNode(j, node, pkt);
  }
}

/** The pod's route for `ip`: the longest matching prefix (`default` is 0.0.0.0/0). */
function podRouteFor(routes: readonly Route[], ip: string): Route | undefined {
  const addr = parseIp(ip);
  let best: { route: Route; prefix: number } | undefined;
  for (const r of routes) {
    // `default` matches either family (a pod's table holds one).
    if (r.destination === 'default') {
      best ??= { route: r, prefix: 0 };
      continue;
    }
    const cidr = parseCidr(r.destination.includes('/') ? r.destination : `${r.destination}/32`);
    if (addr && cidr && cidrContains(cidr, addr) && (!best || cidr.prefix > best.prefix))
      best = { route: r, prefix: cidr.prefix };
  }
  return best?.route;
}

/** The address a hairpin's MASQUERADE takes: the bridge's, or (no bridge) the node's own. */
function hairpinSource(node: TopologyNode): string {
  return node.bridge.kind === 'bridge' ? node.bridge.ip : (node.internalIP ?? node.bridge.ip);
}

/**
 * The CNI's MASQUERADE on a request from a pod of this node: `cluster` rewrites traffic leaving the
 * pod network; the bridge plugin's ipMasq (`subnet`) rewrites anything not for its own subnet, other
 * nodes' pods included. `when` says which of the two this way out is.
 */
function masqueradeOut(j: Journey, node: TopologyNode, out: Hop, pkt: Pkt, when: 'cluster' | 'subnet'): Pkt {
  const w = j.w;
  const m = node.cni.masquerade;
  if (j.phase !== 'req' || !node.internalIP || m === 'none' || !w.podIps.has(pkt.src)) return pkt;
  if (when === 'subnet' && m !== 'subnet') return pkt;
  const from = { ip: pkt.src, port: pkt.srcPort };
  const to = { ip: node.internalIP, port: pkt.srcPort };
  const original = pkt;
  pkt = { ...pkt, src: node.internalIP };
  out.headers = pkt;
  out.events.push({ type: 'snat', by: 'cni', from, to, text: say.snatCni(w.profile.cni, from, to) });
  w.conntrack.push({ at: node.name, by: 'cni', original, translated: pkt });
  return pkt;
}

/** Out of eth0 onto the node network (masqueraded when a pod's packet leaves the pod network). */
function leaveNode(j: Journey, node: TopologyNode, pkt: Pkt): void {
  const w = j.w;
  const out = eth0Out(j, node, pkt);
  pkt = masqueradeOut(j, node, out, pkt, 'cluster');
  const net = j.push(networkOf(w), pkt);
  const other = w.nodeByIp.get(pkt.dst);
  if (other && other !== node) {
    j.push(eth0Of(other), pkt);
    return hostStack(j, other, pkt, 'eth0');
  }
  const lb =
    j.phase === 'rep' ? w.conntrack.find((e) => e.by === 'loadbalancer' && isReplyOf(e, pkt)) : undefined;
  if (lb) {
    const hop = j.push(
      { kind: 'loadbalancer', name: `load balancer ${lb.original.dst}`, service: lb.service! },
      pkt,
    );
    pkt = unNat(hop, lb, pkt);
  }
  if (isClusterAddress(w, pkt.dst)) return j.drop(net, 'no-route', say.lostOnNetwork(pkt.dst));
  const name =
    w.cluster.externals.find((x) => x.ip.key === pkt.dst)?.name ?? externalNameOf(w, pkt.dst) ?? pkt.dst;
  j.deliver(
    j.push({ kind: 'external', name }, pkt),
    { kind: 'outside', ip: pkt.dst, name },
    name === pkt.dst ? name : `${name} (${pkt.dst})`,
  );
}

function externalNameOf(w: World, ip: string): string | undefined {
  const e = w.externals.get(ip);
  return e?.kind === 'external' ? e.name : undefined;
}

/** The node's eth0 as the packet leaves: a new hop, unless the packet starts there (a host sender). */
function eth0Out(j: Journey, node: TopologyNode, pkt: Pkt): Hop {
  const last = j.last();
  if (last.device.kind === 'node-eth0' && last.device.node === node.name && j.hops.length === 1) {
    last.headers = pkt;
    return last;
  }
  return j.push(eth0Of(node), pkt);
}

/** For the node itself (or a hostNetwork pod on it): delivered at its eth0. */
function deliverHost(j: Journey, node: TopologyNode, pkt: Pkt, at: Hop): void {
  const pod = j.w.identities
    .map((e) =>
      e.kind === 'pod' && e.pod.hostNetwork && e.pod.nodeName === node.name
        ? j.w.kp.pods.get(e.key)
        : undefined,
    )
    .find((p) => p !== undefined);
  const hop =
    at.device.kind === 'node-eth0' && at.device.node === node.name ? at : j.push(eth0Of(node, pod), pkt);
  if (pod && !hop.device.pod) hop.device = eth0Of(node, pod);
  j.deliver(
    hop,
    { kind: 'host', node, ...(pod ? { pod } : {}) },
    pod
      ? { en: `${pod.key} (hostNetwork on ${node.name})`, ko: `${node.name}의 hostNetwork 파드 ${pod.key}` }
      : node.name,
  );
}

/** A machine outside the cluster sends: through a load balancer, to a node, or nowhere. */
function outsideSend(j: Journey, sender: Sender & { kind: 'outside' }, pkt: Pkt): void {
  const w = j.w;
  const ext = j.push({ kind: 'external', name: sender.name }, pkt);
  const lb = j.phase === 'req' ? loadBalancerFor(w, pkt.dst) : undefined;
  if (lb) return loadBalancer(j, lb, pkt);
  let node = w.nodeByIp.get(pkt.dst);
  const externalIpOf =
    j.phase === 'req' ? w.topology.services.find((s) => s.externalIPs.includes(pkt.dst)) : undefined;
  if (!node && externalIpOf) {
    node = w.topology.nodes.find((n) => n.internalIP);
    if (node) w.notices.push(sayLb.externalIpRouted(pkt.dst, externalIpOf.key, node.name));
  }
  if (!node) {
    const svc = w.topology.services.find((s) => s.clusterIP === pkt.dst);
    if (svc) return j.drop(ext, 'cluster-ip-from-outside', say.clusterIpFromOutside(pkt.dst, svc.key));
    const pod = w.topology.pods.find((p) => !p.hostNetwork && p.ip === pkt.dst && p.node !== null);
    if (!pod) return j.drop(ext, 'no-route', say.noRoute(sender.name, pkt.dst));
    if (w.profile.overlay.kind !== 'routes')
      return j.drop(ext, 'pod-ip-from-outside', say.podIpFromOutside(pkt.dst, w.profile.cni));
    node = w.nodes.get(pod.node!)!;
    if (!node.internalIP) return j.drop(ext, 'no-route', say.noRoute(sender.name, pkt.dst));
    if (j.phase === 'req') w.notices.push(say.outsideToPod(node.bridge.cidr, node.internalIP));
  }
  j.push(networkOf(w), pkt);
  j.push(eth0Of(node), pkt);
  hostStack(j, node, pkt, 'eth0');
}

function loadBalancerFor(w: World, ip: string): TopologyService | undefined {
  return w.topology.services.find((s) => s.type === 'LoadBalancer' && s.loadBalancerIPs.includes(ip));
}

/**
 * The nodes a cloud load balancer sends `sp`'s traffic to: those with an address and without the
 * exclude-from-external-load-balancers label; under externalTrafficPolicy Local only those whose
 * health check passes, where a ready endpoint runs.
 */
export function lbNodes(w: World, s: TopologyService, sp: TopologyServicePort): TopologyNode[] {
  const eligible = w.topology.nodes.filter(
    (n) => n.internalIP && !Object.hasOwn(n.labels, EXCLUDE_FROM_LB_LABEL),
  );
  if (s.externalTrafficPolicy !== 'Local') return eligible;
  const podOf = (k: string): TopologyPod | undefined => w.kp.pods.get(k);
  const hosts = new Set(
    usableBackends(s.backends)
      .filter((b) => backendPort(b, sp, podOf) !== undefined)
      .map((b) => (b.pod !== undefined ? podOf(b.pod)?.node : b.nodeName) ?? undefined),
  );
  return eligible.filter((n) => hosts.has(n.name));
}

/** The cloud load balancer: forwards to a node's NodePort (to one with a local endpoint under Local). */
function loadBalancer(j: Journey, s: TopologyService, pkt: Pkt): void {
  const w = j.w;
  const hop = j.push({ kind: 'loadbalancer', name: `load balancer ${pkt.dst}`, service: s.key }, pkt);
  const sp = s.ports.find((p) => p.port === pkt.dstPort && p.protocol === pkt.protocol);
  if (!sp || sp.nodePort === undefined)
    return kubeProxyDrop(j, hop, 'no-service-port', s, w.topology.nodes[0]!, pkt);
  const local = s.externalTrafficPolicy === 'Local';
  const nodes = lbNodes(w, s, sp);
  const excluded = w.topology.nodes
    .filter((n) => Object.hasOwn(n.labels, EXCLUDE_FROM_LB_LABEL))
    .map((n) => n.name);
  const node = nodes[0];
  if (local || excluded.length > 0)
    w.notices.push(
      sayLb.lbNodesChosen(
        s.key,
        nodes.map((n) => n.name),
        excluded,
        local,
      ),
    );
  if (!node) {
    const any = usableBackends(s.backends).length > 0;
    const first = w.topology.nodes.find((n) => n.internalIP) ?? w.topology.nodes[0]!;
    return kubeProxyDrop(j, hop, any ? 'no-local-endpoint' : 'no-endpoints', s, first, pkt);
  }
  const from = { ip: pkt.dst, port: pkt.dstPort };
  const to = { ip: node.internalIP!, port: sp.nodePort };
  const after = { ...pkt, dst: to.ip, dstPort: to.port };
  hop.headers = after;
  hop.events.push({
    type: 'dnat',
    by: 'loadbalancer',
    service: s.key,
    from,
    to,
    node: node.name,
    candidates: nodes.map((n) => n.name),
    text: say.lbDnat(s.key, from, to, node.name, local),
  });
  w.conntrack.push({
    at: `lb:${s.key}`,
    by: 'loadbalancer',
    service: s.key,
    original: pkt,
    translated: after,
  });
  j.push(networkOf(w), after);
  j.push(eth0Of(node), after);
  hostStack(j, node, after, 'eth0');
}

/**
 * Whether NodeLocal DNSCache takes this packet on the sender's node: DNS to its local address, or
 * (kube-proxy iptables, where node-local-dns binds the kube-dns ClusterIP too and its NOTRACK rules
 * keep conntrack and kube-proxy's DNAT away) to the kube-dns ClusterIP.
 */
function isNodeLocalDns(w: World, pkt: Pkt): boolean {
  const nl = w.cluster.network.nodeLocalDns;
  if (!nl || pkt.dstPort !== 53) return false;
  if (pkt.dst === nl.address) return true;
  if (w.kp.mode !== 'iptables' || w.profile.kubeProxyReplacement) return false;
  return w.topology.services.some(
    (s) => s.namespace === DNS_NAMESPACE && s.name === DNS_SERVICE_NAME && s.clusterIP === pkt.dst,
  );
}

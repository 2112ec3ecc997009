// traceFlow: a packet's journey hop by hop. Expectations are derived by hand from the scenarios:
// pod IPs are handed out in document order from each node's podCIDR (.2, .3, …), the bridge holds
// the .1, ClusterIPs start at 10.96.0.10, and the node network of 192.168.1.11/.12 is
// 192.168.1.0/24 with its gateway on the first free address, 192.168.1.1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { buildEndpoints } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster, Protocol } from '../k8s/types';
import { base32, sha256 } from '../lib/sha256';
import { generateScenarioYaml } from '../testing/generate-cluster';
import { netpol, node, pod, scenario } from '../testing/scenario';
import { buildTopology } from './topology';
import { traceFlow, TraceError, type PacketTrace, type TraceEvent, type TraceHop } from './trace-flow';

const withNetwork = (text: string, spec: string): string => `${text}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}\n`;
const load = (text: string): Cluster => {
  const r = loadCluster([{ name: 't.yaml', text }]);
  if (r.hasErrors) throw new Error(r.diagnostics.map((d) => d.message.en).join('\n'));
  return r.cluster;
};
const defaultCluster = (cni?: string): Cluster => load(cni ? withNetwork(defaultYaml, `{cni: ${cni}}`) : defaultYaml);

const net = (spec: string): string => `apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}`;
const svc = (key: string, spec: string): string => {
  const [ns, name] = key.split('/');
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
};
const outside = (name: string, ip: string): string => `apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: ${name}}\nspec: {ip: ${ip}}`;

function trace(c: Cluster, from: string, to: string, port: string): PacketTrace {
  const [n, proto] = port.split('/');
  return traceFlow(c, buildTopology(c), from, to, { port: Number(n), protocol: (proto ?? 'TCP') as Protocol });
}

const kinds = (hops: readonly TraceHop[] | null): string[] => (hops ?? []).map((h) => h.device.kind);
const types = (h: TraceHop): string[] => h.events.map((e) => e.type);
function event<T extends TraceEvent['type']>(h: TraceHop, type: T): Extract<TraceEvent, { type: T }> {
  const e = h.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} event at ${h.id} (${types(h).join(', ')})`);
  return e as Extract<TraceEvent, { type: T }>;
}
const allEvents = (hops: readonly TraceHop[] | null): TraceEvent[] => (hops ?? []).flatMap((h) => h.events);
const addr = (h: TraceHop): string => `${h.headers.src}:${h.headers.srcPort} > ${h.headers.dst}:${h.headers.dstPort}`;
/** kube-proxy's chain hash, computed here from the definition rather than through kube-proxy.ts. */
const chain = (text: string): string => base32(sha256(text)).slice(0, 16);

// Two nodes; client on n1 (10.244.1.2), server on n2 (10.244.2.2, http 8080), local on n1 (10.244.1.3).
const TWO = [
  node('n1', '192.168.1.11', '10.244.1.0/24'),
  node('n2', '192.168.1.12', '10.244.2.0/24'),
  pod('shop/client', { app: 'client' }, { node: 'n1' }),
  pod('shop/server', { app: 'server', tier: 'api' }, { node: 'n2', ports: [['http', 8080]] }),
  pod('shop/local', { app: 'server' }, { node: 'n1', ports: [['http', 8080]] }),
];

describe('same node', () => {
  const t = trace(defaultCluster(), 'prod/web', 'prod/db', '3306');

  it('web → db:3306 crosses web\'s veth and the bridge, and stops at db\'s ingress naming db-policy', () => {
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'veth-host']);
    expect(t.request.map((h) => h.device.pod ?? h.device.name)).toEqual(['prod/web', 'prod/web', 'cni0', 'prod/db']);
    expect(t.verdict).toBe('dropped');
    expect(t.droppedAt).toBe('req-3');
    expect(t.reply).toBeNull();
    expect(t.enforcement).toBe('enforced');
    // Same /24: the pod's on-link route, so the bridge switches the frame (no node routing).
    expect(event(t.request[0]!, 'route').route).toBe('10.244.1.0/24 dev eth0 scope link src 10.244.1.2');
    expect(types(t.request[2]!)).toEqual([]);
    expect(event(t.request[1]!, 'egress-check')).toMatchObject({ verdict: 'unrestricted', flow: { from: 'prod/web', to: 'prod/db', port: 3306, protocol: 'TCP' } });
    const gate = t.request[3]!;
    expect(types(gate)).toEqual(['ingress-check', 'drop']);
    expect(event(gate, 'ingress-check')).toMatchObject({ verdict: 'deny', enforced: true });
    const drop = event(gate, 'drop');
    expect(drop.code).toBe('ingress-denied');
    expect(drop.explanation?.selectedBy.map((p) => p.policy)).toEqual(['prod/db-policy']);
    expect(drop.text.en).toContain('prod/db-policy');
    for (const h of t.request) expect(addr(h)).toBe(`10.244.1.2:${t.request[0]!.headers.srcPort} > 10.244.1.3:3306`);
  });

  it('uses the topology\'s veth names and a source port from the ephemeral range', () => {
    const topo = buildTopology(defaultCluster());
    const veth = (key: string): string => {
      const n = topo.pods.find((p) => p.key === key)!.network;
      return n.kind === 'bridged' ? n.veth : '';
    };
    expect(t.request[1]!.device.name).toBe(veth('prod/web'));
    expect(t.request[3]!.device.name).toBe(veth('prod/db'));
    expect(t.request[0]!.headers.srcPort).toBeGreaterThanOrEqual(32768);
    expect(t.request[0]!.headers.srcPort).toBeLessThanOrEqual(60999);
  });

  it('an allowed packet is delivered and its reply comes back the same way, through conntrack', () => {
    const c = scenario(...TWO);
    const r = trace(c, 'shop/client', 'shop/local', '8080');
    expect(kinds(r.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'veth-host', 'pod-eth0']);
    expect(event(r.request[4]!, 'deliver').to).toBe('shop/local');
    expect(kinds(r.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = r.request[0]!.headers.srcPort;
    expect(addr(r.reply![0]!)).toBe(`10.244.1.3:8080 > 10.244.1.2:${sp}`);
    expect(types(r.reply![1]!)).toEqual(['conntrack']);
    expect(event(r.reply![1]!, 'conntrack')).toMatchObject({ direction: 'egress', subject: 'shop/local', state: 'ESTABLISHED' });
    expect(event(r.reply![3]!, 'conntrack')).toMatchObject({ direction: 'ingress', subject: 'shop/client' });
    expect(event(r.reply![4]!, 'deliver').to).toBe('shop/client');
  });

  it('a pod reaching its own address never leaves its namespace', () => {
    const r = trace(defaultCluster(), 'prod/db', '10.244.1.3', '3306');
    expect(kinds(r.request)).toEqual(['pod-eth0']);
    expect(types(r.request[0]!)).toEqual(['route', 'egress-check', 'ingress-check', 'deliver']);
    expect(event(r.request[0]!, 'ingress-check').explanation.alwaysAllowed).toBe('self');
    expect(kinds(r.reply)).toEqual(['pod-eth0']);
  });
});

describe('across nodes', () => {
  it('backend → db:3306 is routed via the other node (plain routes) and delivered; the reply passes by conntrack', () => {
    const t = trace(defaultCluster(), 'prod/backend', 'prod/db', '3306');
    const path = ['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0'];
    expect(kinds(t.request)).toEqual(path);
    expect(t.request.map((h) => h.device.node ?? '-')).toEqual(['node02', 'node02', 'node02', 'node02', '-', 'node01', 'node01', 'node01', 'node01']);
    expect(t.verdict).toBe('delivered');
    expect(event(t.request[2]!, 'route')).toMatchObject({ table: 'node', owner: 'node02', route: '10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird', via: '192.168.1.11' });
    expect(event(t.request[5]!, 'route').route).toBe('10.244.1.0/24 dev cni0 scope link src 10.244.1.1');
    expect(t.request[4]!.device.name).toBe('192.168.1.0/24');
    expect(event(t.request[7]!, 'ingress-check')).toMatchObject({ verdict: 'allow', explanation: { policies: ['prod/db-policy'] } });
    // No NAT and no tunnel: the pod addresses are on the wire, end to end.
    for (const h of t.request) expect([h.headers.src, h.headers.dst, h.headers.outer]).toEqual(['10.244.2.2', '10.244.1.3', undefined]);

    expect(kinds(t.reply)).toEqual(path);
    const replyChecks = allEvents(t.reply).filter((e) => e.type === 'egress-check' || e.type === 'ingress-check');
    expect(replyChecks).toEqual([]);
    expect(allEvents(t.reply).filter((e) => e.type === 'conntrack').map((e) => e.type === 'conntrack' && `${e.direction} ${e.subject}`)).toEqual(['egress prod/db', 'ingress prod/backend']);
    expect(event(t.reply![2]!, 'route').route).toBe('10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird');
    expect(addr(t.reply![8]!)).toBe(`10.244.1.3:3306 > 10.244.2.2:${t.request[0]!.headers.srcPort}`);
  });

  it('the bridge CNI routes as the notes do by hand, without BGP', () => {
    const t = trace(defaultCluster('bridge'), 'prod/backend', 'prod/db', '3306');
    expect(event(t.request[2]!, 'route').route).toBe('10.244.1.0/24 via 192.168.1.11 dev eth0');
    expect(t.network.overlay).toEqual({ kind: 'routes' });
  });

  it('flannel: VXLAN between the nodes, pod addresses inside, node addresses outside on UDP 8472, VNI 1', () => {
    const c = scenario(...TWO, net('{cni: flannel}'));
    const t = trace(c, 'shop/client', 'shop/server', '8080');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'vtep', 'node-eth0', 'node-network', 'node-eth0', 'vtep', 'bridge', 'veth-host', 'pod-eth0']);
    expect(event(t.request[2]!, 'route').route).toBe('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink');
    const outer = { src: '192.168.1.11', dst: '192.168.1.12', protocol: 'UDP', dstPort: 8472, vni: 1 };
    expect(t.request[3]!.device).toEqual({ kind: 'vtep', name: 'flannel.1', node: 'n1' });
    expect(event(t.request[3]!, 'encap')).toMatchObject({ device: 'flannel.1', overlay: 'vxlan', outer });
    for (const i of [3, 4, 5, 6]) {
      const h = t.request[i]!.headers;
      expect([h.src, h.dst, h.outer]).toEqual(['10.244.1.2', '10.244.2.2', outer]);
    }
    expect(t.request[7]!.device).toEqual({ kind: 'vtep', name: 'flannel.1', node: 'n2' });
    expect(types(t.request[7]!)).toEqual(['decap', 'route']);
    expect(t.request[7]!.headers.outer).toBeUndefined();
    // The reply is encapsulated the other way round.
    expect(event(t.reply![3]!, 'encap').outer).toEqual({ ...outer, src: '192.168.1.12', dst: '192.168.1.11' });
  });

  it('cilium encapsulates in cilium_vxlan on UDP 8472, weave on its fastdp port 6784', () => {
    const cilium = trace(scenario(...TWO, net('{cni: cilium}')), 'shop/client', 'shop/server', '8080');
    expect(event(cilium.request[3]!, 'encap').outer).toEqual({ src: '192.168.1.11', dst: '192.168.1.12', protocol: 'UDP', dstPort: 8472 });
    expect(cilium.request[3]!.device.name).toBe('cilium_vxlan');
    expect(event(cilium.request[2]!, 'route').route).toBe('10.244.2.0/24 dev cilium_vxlan');
    const weave = trace(scenario(...TWO, net('{cni: weave}')), 'shop/client', 'shop/server', '8080');
    expect(event(weave.request[3]!, 'encap')).toMatchObject({ device: 'weave', overlay: 'weave', outer: { dstPort: 6784 } });
    expect(weave.enforcement).toBe('enforced');
  });
});

describe('flannel does not enforce NetworkPolicy', () => {
  const deny = netpol('shop/deny', `
    podSelector: {matchLabels: {app: server}}
    ingress:
    - from:
      - podSelector: {matchLabels: {app: nobody}}
  `);

  it('shows what the policy would do, drops nothing, and says so plainly', () => {
    const t = trace(scenario(...TWO, deny, net('{cni: flannel}')), 'shop/client', 'shop/server', '8080');
    expect(t.enforcement).toBe('not-enforced');
    expect(t.verdict).toBe('delivered');
    const check = event(t.request[9]!, 'ingress-check');
    expect(check).toMatchObject({ verdict: 'deny', enforced: false });
    expect(check.text.en).toContain('would deny');
    expect(types(t.request[9]!)).not.toContain('drop');
    expect(t.notices[0]!.en).toBe(
      'flannel does not enforce NetworkPolicy: the API server stores the policies without any error, and nothing is enforced. The checks show what an enforcing CNI (calico, cilium, weave) would do.',
    );
    expect(t.notices[0]!.ko).toContain('flannel');
    expect(t.notices[1]!.en).toBe('With an enforcing CNI, shop/deny would have dropped this packet at the ingress of shop/server.');
  });

  it('the same scenario under calico stops at the gate', () => {
    const t = trace(scenario(...TWO, deny), 'shop/client', 'shop/server', '8080');
    expect(t.verdict).toBe('dropped');
    // plain routes: no VTEP hops, so the server's veth is the eighth hop
    expect(t.droppedAt).toBe('req-7');
    expect(t.notices).toEqual([]);
  });

  it('web → db:3306 in the default scenario is delivered under flannel, with the notice', () => {
    const t = trace(defaultCluster('flannel'), 'prod/web', 'prod/db', '3306');
    expect(t.verdict).toBe('delivered');
    expect(t.notices.map((n) => n.en)).toContain('With an enforcing CNI, prod/db-policy would have dropped this packet at the ingress of prod/db.');
  });
});

describe('pod → ClusterIP Service', () => {
  it('kube-proxy DNATs on the source node before routing; the egress check sees the endpoint', () => {
    const t = trace(defaultCluster(), 'prod/backend', 'svc:prod/db', '3306');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'kube-proxy', 'node-eth0', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = t.request[0]!.headers.srcPort;
    expect(addr(t.request[0]!)).toBe(`10.244.2.2:${sp} > 10.96.0.12:3306`);
    expect(types(t.request[1]!)).toEqual([]); // the gate waits for the DNAT
    const kp = t.request[3]!;
    expect(kp.device).toEqual({ kind: 'kube-proxy', name: 'kube-proxy (iptables)', node: 'node02', service: 'prod/db' });
    expect(types(kp)).toEqual(['dnat', 'egress-check', 'route']);
    expect(addr(kp)).toBe(`10.244.2.2:${sp} > 10.244.1.3:3306`);
    expect(event(kp, 'dnat')).toMatchObject({
      by: 'kube-proxy',
      service: 'prod/db',
      from: { ip: '10.96.0.12', port: 3306 },
      to: { ip: '10.244.1.3', port: 3306 },
      endpoint: 'prod/db',
      candidates: ['prod/db'],
      rule: { mode: 'iptables', chains: ['KUBE-SERVICES', `KUBE-SVC-${chain('prod/dbtcp')}`, `KUBE-SEP-${chain('prod/dbtcp10.244.1.3:3306')}`] },
    });
    expect(event(kp, 'dnat').text.en).toContain('first of 1 endpoint(s) in scenario order');
    expect(event(kp, 'egress-check').flow).toEqual({ from: 'prod/backend', to: 'prod/db', port: 3306, protocol: 'TCP' });
    expect(event(kp, 'route').route).toBe('10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird');
    expect(event(t.request[8]!, 'ingress-check').verdict).toBe('allow');
    // The reply is un-DNATed where the DNAT happened: the client sees the ClusterIP answer.
    expect(kinds(t.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'node-eth0', 'kube-proxy', 'bridge', 'veth-host', 'pod-eth0']);
    const rev = event(t.reply![6]!, 'reverse-nat');
    expect(rev.before).toEqual({ src: { ip: '10.244.1.3', port: 3306 }, dst: { ip: '10.244.2.2', port: sp } });
    expect(rev.after).toEqual({ src: { ip: '10.96.0.12', port: 3306 }, dst: { ip: '10.244.2.2', port: sp } });
    expect(addr(t.reply![9]!)).toBe(`10.96.0.12:3306 > 10.244.2.2:${sp}`);
  });

  it('the ClusterIP itself names the Service too', () => {
    const t = trace(defaultCluster(), 'prod/backend', '10.96.0.12', '3306');
    expect(t.to).toBe('svc:prod/db (10.96.0.12)');
    expect(kinds(t.request)[3]).toBe('kube-proxy');
  });

  it('takes the first endpoint in scenario order, even when another is on the same node, and says so', () => {
    const c = scenario(...TWO, svc('shop/web', '{selector: {app: server}, ports: [{port: 80, targetPort: http}]}'));
    const t = trace(c, 'shop/client', 'svc:shop/web', '80');
    const dnat = event(t.request[3]!, 'dnat');
    expect(dnat.candidates).toEqual(['shop/server', 'shop/local']);
    expect(dnat.endpoint).toBe('shop/server');
    expect(dnat.to).toEqual({ ip: '10.244.2.2', port: 8080 });
    expect(dnat.text.en).toContain('first of 2 endpoint(s) in scenario order');
  });

  it('ipvs mode shows the virtual server and the real server', () => {
    const t = trace(load(withNetwork(defaultYaml, '{kubeProxyMode: ipvs}')), 'prod/backend', 'svc:prod/db', '3306');
    expect(event(t.request[3]!, 'dnat').rule).toEqual({ mode: 'ipvs', virtualServer: 'TCP 10.96.0.12:3306', realServer: '10.244.1.3:3306', scheduler: 'rr' });
    expect(t.request[3]!.device.name).toBe('kube-proxy (ipvs)');
  });

  it('a same-node endpoint: the reply is bridged, and br_netfilter still lets conntrack undo the DNAT', () => {
    // shop/peer and the Service's only endpoint, shop/server, both run on n2; the ClusterIP is the first, 10.96.0.10.
    const c = scenario(...TWO, svc('shop/api', '{selector: {tier: api}, ports: [{port: 80, targetPort: 8080}]}'), pod('shop/peer', {}, { node: 'n2' }));
    const t = trace(c, 'shop/peer', 'svc:shop/api', '80');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'kube-proxy', 'bridge', 'veth-host', 'pod-eth0']);
    expect(kinds(t.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'kube-proxy', 'veth-host', 'pod-eth0']);
    expect(types(t.reply![2]!)).toEqual([]);
    const rev = event(t.reply![3]!, 'reverse-nat');
    expect(rev.after.src).toEqual({ ip: '10.96.0.10', port: 80 });
    expect(rev.text.en).toContain('br_netfilter');
  });

  it('a pod reaching itself through its Service (hairpin) is masqueraded to the bridge\'s address', () => {
    const t = trace(defaultCluster(), 'prod/backend', 'svc:prod/backend', '5000');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'kube-proxy', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = t.request[0]!.headers.srcPort;
    expect(types(t.request[3]!)).toEqual(['dnat', 'egress-check', 'route', 'snat']);
    expect(event(t.request[3]!, 'snat')).toMatchObject({ by: 'kube-proxy', from: { ip: '10.244.2.2', port: sp }, to: { ip: '10.244.2.1', port: sp } });
    expect(addr(t.request[6]!)).toBe(`10.244.2.1:${sp} > 10.244.2.2:5000`);
    // The bridge's address is the node's own: always allowed.
    expect(event(t.request[5]!, 'ingress-check').flow.from).toBe('192.168.1.12');
    expect(kinds(t.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'kube-proxy', 'veth-host', 'pod-eth0']);
    expect(addr(t.reply![5]!)).toBe(`10.96.0.11:5000 > 10.244.2.2:${sp}`);
    expect(t.notices[0]!.en).toContain('hairpin');
  });

  it('drops a packet for a port the Service does not have, or a Service without endpoints, at kube-proxy', () => {
    const wrong = trace(defaultCluster(), 'prod/web', 'svc:prod/backend', '80');
    expect(wrong.droppedAt).toBe('req-3');
    expect(event(wrong.request[3]!, 'drop')).toMatchObject({ code: 'no-service-port' });
    expect(event(wrong.request[3]!, 'drop').text.en).toContain('it has 5000/TCP');
    const empty = trace(scenario(...TWO, svc('shop/none', '{selector: {app: nothing}, ports: [{port: 80}]}')), 'shop/client', 'svc:shop/none', '80');
    expect(event(empty.request[3]!, 'drop').code).toBe('no-endpoints');
  });
});

describe('the Service-port trap: policy ports are matched after DNAT, on the targetPort', () => {
  const rule = (port: string): string =>
    netpol('shop/server-policy', `
      podSelector: {matchLabels: {tier: api}}
      ingress:
      - from:
        - podSelector: {matchLabels: {app: client}}
        ports:
        - {protocol: TCP, port: ${port}}
    `);
  const web = svc('shop/web', '{selector: {tier: api}, ports: [{port: 80, targetPort: 8080}]}');

  it('a rule on the Service port 80 matches nothing: the packet arrives on 8080 and is dropped', () => {
    const t = trace(scenario(...TWO, web, rule('80')), 'shop/client', 'svc:shop/web', '80');
    expect(t.verdict).toBe('dropped');
    const gate = t.request.find((h) => h.id === t.droppedAt)!;
    expect(gate.device).toMatchObject({ kind: 'veth-host', pod: 'shop/server' });
    expect(gate.headers.dstPort).toBe(8080);
    const check = event(gate, 'ingress-check');
    expect(check.flow).toEqual({ from: 'shop/client', to: 'shop/server', port: 8080, protocol: 'TCP' });
    expect(check.explanation.selectedBy[0]!.rules[0]!.portMisses).toEqual([{ port: 0, failure: { kind: 'number', want: 80, actual: 8080 } }]);
    expect(check.explanation.selectedBy[0]!.rules[0]!.peerMisses).toBeNull();
    expect(t.notices.map((n) => n.en)).toEqual([
      'Policy ports are matched after DNAT: a rule naming port 80 (the port of shop/web) never matches, because the pod receives the packet on targetPort 8080. Name 8080, or the container port\'s name.',
    ]);
  });

  it('naming the targetPort, or the container port\'s name, lets it through', () => {
    expect(trace(scenario(...TWO, web, rule('8080')), 'shop/client', 'svc:shop/web', '80').verdict).toBe('delivered');
    expect(trace(scenario(...TWO, web, rule('http')), 'shop/client', 'svc:shop/web', '80').verdict).toBe('delivered');
  });
});

describe('outside → NodePort', () => {
  // api runs on n2 only; a NodePort Service in front of it; a client outside the cluster.
  const np = (etp: string): Cluster =>
    scenario(
      ...TWO,
      outside('laptop', '203.0.113.10'),
      svc('shop/api', `{type: NodePort, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: http, nodePort: 30080}]}`),
    );

  it('Cluster: entering n1, DNAT to the endpoint on n2 and SNAT to n1\'s address; the reply goes back through n1', () => {
    const t = trace(np('Cluster'), 'laptop', '192.168.1.11:30080', '30080');
    expect(t.from).toBe('203.0.113.10 (laptop)');
    expect(kinds(t.request)).toEqual(['external', 'node-network', 'node-eth0', 'kube-proxy', 'node-eth0', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = t.request[0]!.headers.srcPort;
    expect(addr(t.request[2]!)).toBe(`203.0.113.10:${sp} > 192.168.1.11:30080`);
    const kp = t.request[3]!;
    expect(types(kp)).toEqual(['dnat', 'route', 'snat']);
    expect(event(kp, 'dnat').rule).toEqual({
      mode: 'iptables',
      chains: ['KUBE-SERVICES', 'KUBE-NODEPORTS', `KUBE-EXT-${chain('shop/apitcp')}`, `KUBE-SVC-${chain('shop/apitcp')}`, `KUBE-SEP-${chain('shop/apitcp10.244.2.2:8080')}`],
    });
    expect(event(kp, 'snat')).toMatchObject({ by: 'kube-proxy', from: { ip: '203.0.113.10', port: sp }, to: { ip: '192.168.1.11', port: sp } });
    expect(addr(kp)).toBe(`192.168.1.11:${sp} > 10.244.2.2:8080`);
    expect(event(t.request[8]!, 'ingress-check').flow.from).toBe('192.168.1.11');
    expect(addr(t.request[9]!)).toBe(`192.168.1.11:${sp} > 10.244.2.2:8080`);

    expect(kinds(t.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'node-eth0', 'kube-proxy', 'node-eth0', 'node-network', 'external']);
    expect(event(t.reply![6]!, 'reverse-nat').after).toEqual({ src: { ip: '192.168.1.11', port: 30080 }, dst: { ip: '203.0.113.10', port: sp } });
    expect(event(t.reply![6]!, 'route').route).toBe('default via 192.168.1.1 dev eth0');
    expect(event(t.reply![9]!, 'deliver').to).toBe('laptop (203.0.113.10)');
  });

  it('Local: a node without an endpoint drops it; the endpoint\'s node keeps the client\'s address', () => {
    const miss = trace(np('Local'), '203.0.113.10', '192.168.1.11:30080', '30080');
    expect(miss.droppedAt).toBe('req-3');
    expect(event(miss.request[3]!, 'drop').code).toBe('no-local-endpoint');

    const hit = trace(np('Local'), '203.0.113.10', '192.168.1.12:30080', '30080');
    expect(kinds(hit.request)).toEqual(['external', 'node-network', 'node-eth0', 'kube-proxy', 'bridge', 'veth-host', 'pod-eth0']);
    expect(types(hit.request[3]!)).toEqual(['dnat', 'route']);
    expect(event(hit.request[3]!, 'dnat').rule).toMatchObject({ chains: ['KUBE-SERVICES', 'KUBE-NODEPORTS', `KUBE-EXT-${chain('shop/apitcp')}`, `KUBE-SVL-${chain('shop/apitcp')}`, `KUBE-SEP-${chain('shop/apitcp10.244.2.2:8080')}`] });
    expect(hit.request[6]!.headers.src).toBe('203.0.113.10');
    expect(event(hit.request[5]!, 'ingress-check').flow.from).toBe('203.0.113.10');
  });

  it('an ipBlock for the client matches under Local but not behind Cluster\'s SNAT', () => {
    const allowClient = netpol('shop/from-laptop', `
      podSelector: {matchLabels: {tier: api}}
      ingress:
      - from:
        - ipBlock: {cidr: 203.0.113.0/24}
    `);
    const with_ = (etp: string): Cluster =>
      scenario(...TWO, allowClient, svc('shop/api', `{type: NodePort, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: http, nodePort: 30080}]}`));
    expect(trace(with_('Local'), '203.0.113.10', '192.168.1.12:30080', '30080').verdict).toBe('delivered');
    const cluster = trace(with_('Cluster'), '203.0.113.10', '192.168.1.11:30080', '30080');
    expect(cluster.verdict).toBe('dropped');
    expect(event(cluster.request.find((h) => h.id === cluster.droppedAt)!, 'drop').explanation?.selectedBy[0]!.rules[0]!.peerMisses).toEqual([
      { peer: 0, failures: [{ kind: 'ip-outside', ip: '192.168.1.11', cidr: '203.0.113.0/24' }] },
    ]);
  });

  it('svc:NAME from outside enters the first node\'s NodePort (User → web in the default scenario)', () => {
    const t = trace(defaultCluster(), 'user', 'svc:prod/web', '80');
    expect(t.request[0]!.headers.dst).toBe('192.168.1.11');
    expect(t.request[0]!.headers.dstPort).toBe(30080);
    expect(event(t.request[3]!, 'dnat')).toMatchObject({ from: { ip: '192.168.1.11', port: 30080 }, to: { ip: '10.244.1.2', port: 80 }, endpoint: 'prod/web' });
    expect(t.notices[0]!.en).toBe('From outside, prod/web is reached at a node\'s NodePort; netlab enters at the first node, node01: 192.168.1.11:30080.');
    expect(t.verdict).toBe('delivered');
  });

  it('a ClusterIP is not reachable from outside', () => {
    const t = trace(defaultCluster(), '203.0.113.10', 'svc:prod/backend', '5000');
    expect(kinds(t.request)).toEqual(['external']);
    expect(event(t.request[0]!, 'drop').code).toBe('cluster-ip-from-outside');
  });
});

describe('outside → LoadBalancer', () => {
  const lb = (etp: string): Cluster =>
    scenario(...TWO, svc('shop/shop', `{type: LoadBalancer, loadBalancerIP: 198.51.100.7, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: 8080, nodePort: 30081}]}`));

  it('the load balancer forwards to the first node\'s NodePort, then it goes on as NodePort traffic', () => {
    const t = trace(lb('Cluster'), '203.0.113.10', '198.51.100.7', '80');
    expect(t.to).toBe('svc:shop/shop (198.51.100.7)');
    expect(kinds(t.request)).toEqual(['external', 'loadbalancer', 'node-network', 'node-eth0', 'kube-proxy', 'node-eth0', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = t.request[0]!.headers.srcPort;
    expect(event(t.request[1]!, 'dnat')).toMatchObject({ by: 'loadbalancer', from: { ip: '198.51.100.7', port: 80 }, to: { ip: '192.168.1.11', port: 30081 }, node: 'n1' });
    expect(addr(t.request[1]!)).toBe(`203.0.113.10:${sp} > 192.168.1.11:30081`);
    expect(event(t.request[4]!, 'snat').to.ip).toBe('192.168.1.11');
    expect(kinds(t.reply).slice(-3)).toEqual(['node-network', 'loadbalancer', 'external']);
    expect(event(t.reply![t.reply!.length - 2]!, 'reverse-nat').after).toEqual({ src: { ip: '198.51.100.7', port: 80 }, dst: { ip: '203.0.113.10', port: sp } });
  });

  it('with externalTrafficPolicy Local it sends to a node that runs an endpoint, and nothing is SNATed', () => {
    const t = trace(lb('Local'), '203.0.113.10', 'svc:shop/shop', '80');
    expect(kinds(t.request)).toEqual(['external', 'loadbalancer', 'node-network', 'node-eth0', 'kube-proxy', 'bridge', 'veth-host', 'pod-eth0']);
    expect(event(t.request[1]!, 'dnat').node).toBe('n2');
    expect(allEvents(t.request).some((e) => e.type === 'snat')).toBe(false);
  });
});

describe('pod → ExternalName Service', () => {
  const ext = svc('shop/payments', '{type: ExternalName, externalName: api.example.com}');
  const egress = (port: number): string =>
    netpol('shop/egress', `
      podSelector: {matchLabels: {app: client}}
      policyTypes: [Egress]
      egress:
      - to:
        - ipBlock: {cidr: 203.0.113.50/32}
        ports:
        - {protocol: TCP, port: ${port}}
    `);

  it('DNS answers with a CNAME; no proxying; the packet leaves the cluster to the external name', () => {
    const t = trace(scenario(...TWO, ext, outside('api.example.com', '203.0.113.50'), egress(443)), 'shop/client', 'svc:shop/payments', '443');
    expect(kinds(t.request)).toEqual(['dns', 'pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'external']);
    expect(event(t.request[0]!, 'dns-cname')).toMatchObject({ query: 'payments.shop.svc.cluster.local', cname: 'api.example.com', address: '203.0.113.50', addressFrom: 'external-endpoint' });
    expect(t.request[0]!.headers).toMatchObject({ src: '10.244.1.2', dstPort: 53, protocol: 'UDP' });
    expect(allEvents(t.request).some((e) => e.type === 'dnat')).toBe(false);
    expect(event(t.request[2]!, 'egress-check')).toMatchObject({ verdict: 'allow', flow: { to: '203.0.113.50', port: 443 } });
    expect(t.request[6]!.device).toEqual({ kind: 'external', name: 'api.example.com' });
    expect(t.request[6]!.headers.dst).toBe('203.0.113.50');
    expect(t.verdict).toBe('delivered');
    expect(trace(scenario(...TWO, ext, outside('api.example.com', '203.0.113.50'), egress(80)), 'shop/client', 'svc:shop/payments', '443').droppedAt).toBe('req-2');
  });

  it('without an ExternalEndpoint of that name, a documentation address stands in, and a notice says so', () => {
    const t = trace(scenario(...TWO, ext), 'shop/client', 'svc:shop/payments', '443');
    expect(event(t.request[0]!, 'dns-cname')).toMatchObject({ address: '192.0.2.1', addressFrom: 'placeholder' });
    expect(t.notices[0]!.en).toContain('does not know the address of api.example.com; 192.0.2.1');
  });
});

describe('pod → outside endpoint', () => {
  it('db → backup-server:9898 leaves through the node\'s eth0, masqueraded to the node\'s address', () => {
    const t = trace(defaultCluster(), 'prod/db', '192.168.5.10', '9898');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'external']);
    expect(event(t.request[0]!, 'route').route).toBe('default via 10.244.1.1 dev eth0');
    expect(event(t.request[1]!, 'egress-check')).toMatchObject({ verdict: 'allow', explanation: { policies: ['prod/db-policy'] } });
    expect(event(t.request[2]!, 'route').route).toBe('default via 192.168.1.1 dev eth0');
    const sp = t.request[0]!.headers.srcPort;
    const snat = event(t.request[3]!, 'snat');
    expect(snat).toMatchObject({ by: 'cni', from: { ip: '10.244.1.3', port: sp }, to: { ip: '192.168.1.11', port: sp } });
    expect(snat.text.en).toContain('leaves the pod network');
    expect(t.request[5]!.device.name).toBe('backup-server');
    expect(addr(t.request[5]!)).toBe(`192.168.1.11:${sp} > 192.168.5.10:9898`);
    expect(kinds(t.reply)).toEqual(['external', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0']);
    expect(event(t.reply![2]!, 'reverse-nat')).toMatchObject({ by: 'cni', after: { dst: { ip: '10.244.1.3', port: sp } } });
  });

  it('db → backup-server:22 is stopped at db\'s egress', () => {
    const t = trace(defaultCluster(), 'prod/db', 'backup-server', '22');
    expect(t.droppedAt).toBe('req-1');
    expect(event(t.request[1]!, 'drop').code).toBe('egress-denied');
  });
});

describe('hostNetwork pods start and end at their node\'s eth0', () => {
  const c = scenario(...TWO, pod('shop/agent', { app: 'agent' }, { node: 'n2', hostNetwork: true }));

  it('as the source: no veth, no egress gate, the node\'s address', () => {
    const t = trace(c, 'shop/agent', 'shop/client', '80');
    expect(kinds(t.request)).toEqual(['node-eth0', 'node-network', 'node-eth0', 'bridge', 'veth-host', 'pod-eth0']);
    expect(t.request[0]!.device).toEqual({ kind: 'node-eth0', name: 'eth0', node: 'n2', pod: 'shop/agent' });
    expect(t.request[0]!.headers.src).toBe('192.168.1.12');
    expect(event(t.request[4]!, 'ingress-check').flow.from).toBe('shop/agent');
    expect(t.reply![t.reply!.length - 1]!.device).toEqual({ kind: 'node-eth0', name: 'eth0', node: 'n2', pod: 'shop/agent' });
  });

  it('as the destination: delivered at its node\'s eth0, no ingress gate', () => {
    const t = trace(c, 'shop/client', 'shop/agent', '9100');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network', 'node-eth0']);
    expect(event(t.request[1]!, 'egress-check').flow.to).toBe('shop/agent');
    expect(allEvents(t.request).some((e) => e.type === 'ingress-check')).toBe(false);
    expect(event(t.request[5]!, 'deliver').to).toBe('shop/agent (hostNetwork on n2)');
  });
});

describe('input', () => {
  it('is deterministic: the same scenario and flow give the same trace, hop ids in order, as plain JSON', () => {
    const a = trace(defaultCluster(), 'user', 'svc:prod/web', '80');
    const b = trace(defaultCluster(), 'user', 'svc:prod/web', '80');
    expect(b).toEqual(a);
    expect(a.request.map((h) => h.id)).toEqual(a.request.map((_, i) => `req-${i}`));
    expect(a.reply!.map((h) => h.id)).toEqual(a.reply!.map((_, i) => `rep-${i}`));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('rejects what names nothing, or nothing that can send', () => {
    const c = defaultCluster();
    const err = (from: string, to: string, port = '80'): string => {
      try {
        trace(c, from, to, port);
      } catch (e) {
        expect(e).toBeInstanceOf(TraceError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err('web', 'prod/db')).toBe('no pod default/web in the scenario (did you mean prod/web?)');
    expect(err('svc:prod/web', 'prod/db')).toContain('Services never send packets');
    expect(err('prod/web', 'svc:web')).toBe('no Service default/web in the scenario (did you mean svc:prod/web?)');
    expect(err('user', '192.168.5.10')).toContain('both ends are outside the cluster');
    expect(err('user', '192.168.1.11:30080', '80')).toBe('192.168.1.11:30080 names port 30080, but the flow\'s port is 80');
  });
});

describe('property: under an enforcing CNI the trace drops a pod → pod packet exactly when the engine denies it', () => {
  // Generated clusters (policies with every feature, default-deny among them; hostNetwork pods included).
  const clusters = [11, 12, 13].map((seed, i) => load(withNetwork(generateScenarioYaml({ seed, pods: 60, policies: [1, 2, 6][i]! }), `{cni: ${['calico', 'cilium', 'weave'][i]}}`)));
  const ports: readonly [number, Protocol][] = [[80, 'TCP'], [8080, 'TCP'], [5432, 'TCP'], [53, 'UDP'], [9100, 'TCP'], [443, 'TCP']];

  it('trace verdict = engine verdict, and a drop happens at the gate of the side that denies', () => {
    const seen = { delivered: 0, dropped: 0 };
    fc.assert(
      fc.property(fc.nat(2), fc.nat(), fc.nat(), fc.constantFrom(...ports), (ci, a, b, [port, protocol]) => {
        const c = clusters[ci]!;
        const from = c.pods[a % c.pods.length]!;
        const to = c.pods[b % c.pods.length]!;
        const eps = buildEndpoints(c);
        const x = evaluateFlow(c.policies, eps.find((e) => e.key === `${from.namespace}/${from.name}`)!, eps.find((e) => e.key === `${to.namespace}/${to.name}`)!, { port, protocol });
        const t = traceFlow(c, buildTopology(c), `${from.namespace}/${from.name}`, `${to.namespace}/${to.name}`, { port, protocol });
        expect(t.verdict).toBe(x.allowed ? 'delivered' : 'dropped');
        seen[t.verdict]++;
        expect(t.reply === null).toBe(!x.allowed);
        if (!x.allowed) {
          const drop = event(t.request.find((h) => h.id === t.droppedAt)!, 'drop');
          expect(drop.code).toBe(x.egress.verdict === 'deny' ? 'egress-denied' : 'ingress-denied');
        }
      }),
      { numRuns: 300 },
    );
    // Both outcomes were exercised, not only one.
    expect(seen.delivered).toBeGreaterThan(20);
    expect(seen.dropped).toBeGreaterThan(20);
  });
});

// traceFlow: a packet's journey hop by hop. Expectations are derived by hand from the scenarios:
// pod IPs are handed out in document order from each node's podCIDR (.2, .3, …), the bridge holds
// the .1, ClusterIPs start at 10.96.0.11 (.10 is kube-dns's), and the node network of 192.168.1.11/.12 is
// 192.168.1.0/24 with its gateway on the first free address, 192.168.1.1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEndpoints } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import type { Protocol } from '../k8s/types';
import { generateScenarioYaml } from '../testing/generate-cluster';
import { netpol, pod, scenario } from '../testing/scenario';
import { buildTopology } from './topology';
import { traceFlow, TraceError } from './trace-flow';
import {
  withNetwork,
  load,
  defaultCluster,
  net,
  trace,
  kinds,
  types,
  event,
  allEvents,
  addr,
  TWO,
  BRIDGE_VTEP_HOPS,
} from '../testing/trace-helpers';

describe('same node', () => {
  const t = trace(defaultCluster(), 'prod/web', 'prod/db', '3306');

  it("web → db:3306 (calico) goes from web's cali veth by db's /32 route to db's, and stops at db's ingress naming db-policy", () => {
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'veth-host']);
    expect(t.request.map((h) => h.device.pod ?? h.device.name)).toEqual(['prod/web', 'prod/web', 'prod/db']);
    expect(t.verdict).toBe('dropped');
    expect(t.droppedAt).toBe('req-2');
    expect(t.reply).toBeNull();
    expect(t.enforcement).toBe('enforced');
    // calico: no bridge; the pod's default route via 169.254.1.1, then the node's /32 for db.
    expect(event(t.request[0]!, 'route').route).toBe('default via 169.254.1.1 dev eth0');
    expect(event(t.request[1]!, 'route').route).toMatch(/^10\.244\.1\.3 dev cali[0-9a-f]{11} scope link$/);
    expect(event(t.request[1]!, 'egress-check')).toMatchObject({
      verdict: 'unrestricted',
      flow: { from: 'prod/web', to: 'prod/db', port: 3306, protocol: 'TCP' },
    });
    const gate = t.request[2]!;
    expect(types(gate)).toEqual(['ingress-check', 'drop']);
    expect(event(gate, 'ingress-check')).toMatchObject({ verdict: 'deny', enforced: true });
    const drop = event(gate, 'drop');
    expect(drop.code).toBe('ingress-denied');
    expect(drop.explanation?.selectedBy.map((p) => p.policy)).toEqual(['prod/db-policy']);
    expect(drop.text.en).toContain('prod/db-policy');
    for (const h of t.request)
      expect(addr(h)).toBe(`10.244.1.2:${t.request[0]!.headers.srcPort} > 10.244.1.3:3306`);
  });

  it("uses the topology's veth names and a source port from the ephemeral range", () => {
    const topo = buildTopology(defaultCluster());
    const veth = (key: string): string => {
      const n = topo.pods.find((p) => p.key === key)!.network;
      return n.kind === 'bridged' ? n.veth : '';
    };
    expect(t.request[1]!.device.name).toBe(veth('prod/web'));
    expect(t.request[2]!.device.name).toBe(veth('prod/db'));
    expect(veth('prod/web')).toMatch(/^cali[0-9a-f]{11}$/);
    expect(t.request[0]!.headers.srcPort).toBeGreaterThanOrEqual(32768);
    expect(t.request[0]!.headers.srcPort).toBeLessThanOrEqual(60999);
  });

  it('an allowed packet is delivered and its reply comes back the same way, through conntrack', () => {
    const c = scenario(...TWO, net('{cni: bridge}'));
    const r = trace(c, 'shop/client', 'shop/local', '8080');
    expect(kinds(r.request)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'veth-host', 'pod-eth0']);
    expect(event(r.request[4]!, 'deliver').to).toBe('shop/local');
    expect(kinds(r.reply)).toEqual(['pod-eth0', 'veth-host', 'bridge', 'veth-host', 'pod-eth0']);
    const sp = r.request[0]!.headers.srcPort;
    expect(addr(r.reply![0]!)).toBe(`10.244.1.3:8080 > 10.244.1.2:${sp}`);
    expect(types(r.reply![1]!)).toEqual(['conntrack']);
    expect(event(r.reply![1]!, 'conntrack')).toMatchObject({
      direction: 'egress',
      subject: 'shop/local',
      state: 'ESTABLISHED',
    });
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
    const path = ['pod-eth0', 'veth-host', 'node-eth0', 'node-network', 'node-eth0', 'veth-host', 'pod-eth0'];
    expect(kinds(t.request)).toEqual(path);
    expect(t.request.map((h) => h.device.node ?? '-')).toEqual([
      'node02',
      'node02',
      'node02',
      '-',
      'node01',
      'node01',
      'node01',
    ]);
    expect(t.verdict).toBe('delivered');
    expect(event(t.request[1]!, 'route')).toMatchObject({
      table: 'node',
      owner: 'node02',
      route: '10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird',
      via: '192.168.1.11',
    });
    expect(event(t.request[4]!, 'route').route).toMatch(/^10\.244\.1\.3 dev cali[0-9a-f]{11} scope link$/);
    expect(t.request[3]!.device.name).toBe('192.168.1.0/24');
    expect(event(t.request[5]!, 'ingress-check')).toMatchObject({
      verdict: 'allow',
      explanation: { policies: ['prod/db-policy'] },
    });
    // No NAT and no tunnel: the pod addresses are on the wire, end to end.
    for (const h of t.request)
      expect([h.headers.src, h.headers.dst, h.headers.outer]).toEqual([
        '10.244.2.2',
        '10.244.1.3',
        undefined,
      ]);

    expect(kinds(t.reply)).toEqual(path);
    const replyChecks = allEvents(t.reply).filter(
      (e) => e.type === 'egress-check' || e.type === 'ingress-check',
    );
    expect(replyChecks).toEqual([]);
    expect(
      allEvents(t.reply)
        .filter((e) => e.type === 'conntrack')
        .map((e) => e.type === 'conntrack' && `${e.direction} ${e.subject}`),
    ).toEqual(['egress prod/db', 'ingress prod/backend']);
    expect(event(t.reply![1]!, 'route').route).toBe('10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird');
    expect(addr(t.reply![6]!)).toBe(`10.244.1.3:3306 > 10.244.2.2:${t.request[0]!.headers.srcPort}`);
  });

  it('the bridge CNI routes as the notes do by hand, without BGP', () => {
    const t = trace(defaultCluster('bridge'), 'prod/backend', 'prod/db', '3306');
    expect(event(t.request[2]!, 'route').route).toBe('10.244.1.0/24 via 192.168.1.11 dev eth0');
    expect(t.network.overlay).toEqual({ kind: 'routes' });
  });

  it('flannel: VXLAN between the nodes, pod addresses inside, node addresses outside on UDP 8472, VNI 1', () => {
    const c = scenario(...TWO, net('{cni: flannel}'));
    const t = trace(c, 'shop/client', 'shop/server', '8080');
    expect(kinds(t.request)).toEqual(BRIDGE_VTEP_HOPS);
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
    expect(event(t.reply![3]!, 'encap').outer).toEqual({
      ...outer,
      src: '192.168.1.12',
      dst: '192.168.1.11',
    });
  });

  it('cilium encapsulates in cilium_vxlan on UDP 8472, weave on its fastdp port 6784', () => {
    const cilium = trace(scenario(...TWO, net('{cni: cilium}')), 'shop/client', 'shop/server', '8080');
    expect(kinds(cilium.request).slice(0, 4)).toEqual(['pod-eth0', 'veth-host', 'vtep', 'node-eth0']);
    expect(event(cilium.request[2]!, 'encap').outer).toEqual({
      src: '192.168.1.11',
      dst: '192.168.1.12',
      protocol: 'UDP',
      dstPort: 8472,
    });
    expect(cilium.request[1]!.device.name).toMatch(/^lxc[0-9a-f]{12}$/);
    expect(cilium.request[2]!.device.name).toBe('cilium_vxlan');
    expect(event(cilium.request[1]!, 'route').route).toBe(
      '10.244.2.0/24 via 10.244.1.1 dev cilium_host src 10.244.1.1 mtu 1450',
    );
    const weave = trace(scenario(...TWO, net('{cni: weave}')), 'shop/client', 'shop/server', '8080');
    expect(kinds(weave.request)).toEqual(BRIDGE_VTEP_HOPS);
    // weave's pods share one flat network: the pod's own link route covers the other node's pods.
    expect(event(weave.request[0]!, 'route').route).toBe(
      '10.244.0.0/16 dev eth0 proto kernel scope link src 10.244.1.2',
    );
    expect(event(weave.request[3]!, 'encap')).toMatchObject({
      device: 'vxlan-6784',
      overlay: 'weave',
      outer: { dstPort: 6784 },
    });
    expect(weave.request[1]!.device.name).toMatch(/^vethwepl[0-9a-f]{7}$/);
    expect(weave.request[2]!.device.name).toBe('weave');
    expect(weave.enforcement).toBe('enforced');
  });
});

describe('flannel does not enforce NetworkPolicy', () => {
  const deny = netpol(
    'shop/deny',
    `
    podSelector: {matchLabels: {app: server}}
    ingress:
    - from:
      - podSelector: {matchLabels: {app: nobody}}
  `,
  );

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
    expect(t.notices[1]!.en).toBe(
      'With an enforcing CNI, shop/deny would have dropped this packet at the ingress of shop/server.',
    );
  });

  it('the same scenario under calico stops at the gate', () => {
    const t = trace(scenario(...TWO, deny), 'shop/client', 'shop/server', '8080');
    expect(t.verdict).toBe('dropped');
    // plain routes, no bridge: the server's cali veth is the sixth hop
    expect(t.droppedAt).toBe('req-5');
    expect(t.notices).toEqual([]);
  });

  it('web → db:3306 in the default scenario is delivered under flannel, with the notice', () => {
    const t = trace(defaultCluster('flannel'), 'prod/web', 'prod/db', '3306');
    expect(t.verdict).toBe('delivered');
    expect(t.notices.map((n) => n.en)).toContain(
      'With an enforcing CNI, prod/db-policy would have dropped this packet at the ingress of prod/db.',
    );
  });
});

describe('pod → outside endpoint', () => {
  it("db → backup-server:9898 leaves through the node's eth0, masqueraded to the node's address", () => {
    const t = trace(defaultCluster(), 'prod/db', '192.168.5.10', '9898');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'node-eth0', 'node-network', 'external']);
    expect(event(t.request[0]!, 'route').route).toBe('default via 169.254.1.1 dev eth0');
    expect(event(t.request[1]!, 'egress-check')).toMatchObject({
      verdict: 'allow',
      explanation: { policies: ['prod/db-policy'] },
    });
    expect(event(t.request[1]!, 'route').route).toBe('default via 192.168.1.1 dev eth0');
    const sp = t.request[0]!.headers.srcPort;
    const snat = event(t.request[2]!, 'snat');
    expect(snat).toMatchObject({
      by: 'cni',
      from: { ip: '10.244.1.3', port: sp },
      to: { ip: '192.168.1.11', port: sp },
    });
    expect(snat.text.en).toContain('leaves the pod network');
    expect(t.request[4]!.device.name).toBe('backup-server');
    expect(addr(t.request[4]!)).toBe(`192.168.1.11:${sp} > 192.168.5.10:9898`);
    expect(kinds(t.reply)).toEqual(['external', 'node-network', 'node-eth0', 'veth-host', 'pod-eth0']);
    expect(event(t.reply![2]!, 'reverse-nat')).toMatchObject({
      by: 'cni',
      after: { dst: { ip: '10.244.1.3', port: sp } },
    });
  });

  it("db → backup-server:22 is stopped at db's egress", () => {
    const t = trace(defaultCluster(), 'prod/db', 'backup-server', '22');
    expect(t.droppedAt).toBe('req-1');
    expect(event(t.request[1]!, 'drop').code).toBe('egress-denied');
  });
});

describe("hostNetwork pods start and end at their node's eth0", () => {
  const c = scenario(...TWO, pod('shop/agent', { app: 'agent' }, { node: 'n2', hostNetwork: true }));

  it("as the source: no veth, no egress gate, the node's address", () => {
    const t = trace(c, 'shop/agent', 'shop/client', '80');
    expect(kinds(t.request)).toEqual(['node-eth0', 'node-network', 'node-eth0', 'veth-host', 'pod-eth0']);
    expect(t.request[0]!.device).toEqual({ kind: 'node-eth0', name: 'eth0', node: 'n2', pod: 'shop/agent' });
    expect(t.request[0]!.headers.src).toBe('192.168.1.12');
    expect(event(t.request[3]!, 'ingress-check').flow.from).toBe('shop/agent');
    expect(t.reply![t.reply!.length - 1]!.device).toEqual({
      kind: 'node-eth0',
      name: 'eth0',
      node: 'n2',
      pod: 'shop/agent',
    });
  });

  it("as the destination: delivered at its node's eth0, no ingress gate", () => {
    const t = trace(c, 'shop/client', 'shop/agent', '9100');
    expect(kinds(t.request)).toEqual(['pod-eth0', 'veth-host', 'node-eth0', 'node-network', 'node-eth0']);
    expect(event(t.request[1]!, 'egress-check').flow.to).toBe('shop/agent');
    expect(allEvents(t.request).some((e) => e.type === 'ingress-check')).toBe(false);
    expect(event(t.request[4]!, 'deliver').to).toBe('shop/agent (hostNetwork on n2)');
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
    expect(err('prod/web', 'svc:web')).toBe(
      'no Service default/web in the scenario (did you mean svc:prod/web?)',
    );
    expect(err('user', '192.168.5.10')).toContain('both ends are outside the cluster');
    expect(err('user', '192.168.1.11:30080', '80')).toBe(
      "192.168.1.11:30080 names port 30080, but the flow's port is 80",
    );
  });
});

describe('property: under an enforcing CNI the trace drops a pod → pod packet exactly when the engine denies it', () => {
  // Generated clusters (policies with every feature, default-deny among them; hostNetwork pods included).
  const clusters = [11, 12, 13].map((seed, i) =>
    load(
      withNetwork(
        generateScenarioYaml({ seed, pods: 60, policies: [1, 2, 6][i]! }),
        `{cni: ${['calico', 'cilium', 'weave'][i]}}`,
      ),
    ),
  );
  const ports: readonly [number, Protocol][] = [
    [80, 'TCP'],
    [8080, 'TCP'],
    [5432, 'TCP'],
    [53, 'UDP'],
    [9100, 'TCP'],
    [443, 'TCP'],
  ];

  it('trace verdict = engine verdict, and a drop happens at the gate of the side that denies', () => {
    const seen = { delivered: 0, dropped: 0 };
    fc.assert(
      fc.property(fc.nat(2), fc.nat(), fc.nat(), fc.constantFrom(...ports), (ci, a, b, [port, protocol]) => {
        const c = clusters[ci]!;
        const from = c.pods[a % c.pods.length]!;
        const to = c.pods[b % c.pods.length]!;
        const eps = buildEndpoints(c);
        const x = evaluateFlow(
          c.policies,
          eps.find((e) => e.key === `${from.namespace}/${from.name}`)!,
          eps.find((e) => e.key === `${to.namespace}/${to.name}`)!,
          { port, protocol },
        );
        const t = traceFlow(
          c,
          buildTopology(c),
          `${from.namespace}/${from.name}`,
          `${to.namespace}/${to.name}`,
          { port, protocol },
        );
        expect(t.verdict).toBe(x.allowed ? 'delivered' : 'dropped');
        seen[t.verdict]++;
        expect(t.reply === null).toBe(!x.allowed);
        if (!x.allowed) {
          const drop = event(
            t.request.find((h) => h.id === t.droppedAt)!,
            'drop',
          );
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

// traceFlow on a real dump (kubectl's YAML and JSON): load balancers from Service status,
// externalTrafficPolicy and internalTrafficPolicy, externalIPs, a selector-less Service whose
// Endpoints point outside the cluster — and `check` agreeing with the trace at the gates.
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../engine/analyze';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { buildTopology } from './topology';
import { traceFlow, type PacketTrace } from './trace-flow';

describe.each(REAL_CLUSTER_DUMPS)('traces on a real dump ($name)', (file) => {
  const { cluster } = analyzeScenario([file]);
  const topology = buildTopology(cluster);
  const trace = (from: string, to: string, port: number): PacketTrace =>
    traceFlow(cluster, topology, from, to, { port, protocol: 'TCP' });
  const events = (t: PacketTrace) => t.request.flatMap((h) => h.events);
  const notices = (t: PacketTrace) => t.notices.map((n) => n.en).join('\n');

  it('a LoadBalancer IP from status.loadBalancer.ingress is the Service, not an outside address', () => {
    const t = trace('203.0.113.50', '203.0.113.10', 80);
    expect(t.to).toBe('svc:shop/web (203.0.113.10)');
    expect(t.verdict).toBe('delivered');
  });

  it('externalTrafficPolicy Local: the load balancer skips the excluded control plane and nodes without an endpoint; the client address reaches the gate', () => {
    const t = trace('203.0.113.50', '203.0.113.10', 80);
    const lb = events(t).find((e) => e.type === 'dnat' && e.by === 'loadbalancer')!;
    expect(lb.type === 'dnat' && [lb.node, lb.candidates]).toEqual(['worker-1', ['worker-1', 'worker-2']]);
    const gate = events(t).find((e) => e.type === 'ingress-check')!;
    expect(gate.type === 'ingress-check' && gate.flow.from).toBe('203.0.113.50');
    expect(notices(t)).toContain("the endpoint's ingress policies see the client's own address 203.0.113.50");
    expect(notices(t)).toContain('Left out: cp-1');
  });

  it('a hostname-only load balancer enters through the NodePort of an eligible node, masqueraded (Cluster)', () => {
    const t = trace('198.51.100.9', 'a1b2.elb.example.com', 80);
    expect(notices(t)).toContain('known by its hostname a1b2.elb.example.com');
    expect(t.request[1]!.headers.dst).toBe('192.168.1.11');
    // The endpoint runs on the node that masqueraded: the verdicts for the client and for the
    // node's address differ, so the gate is implementation-defined and judged with the client.
    const gate = events(t).find((e) => e.type === 'ingress-check')!;
    expect(gate.type === 'ingress-check' && [gate.flow.from, gate.implementationDefined]).toEqual([
      '198.51.100.9',
      true,
    ]);
    expect(notices(t)).toContain(
      'Implementation-defined: kube-proxy rewrote the source 198.51.100.9 to 192.168.1.11',
    );
  });

  it('an externalIP is taken by kube-proxy on the node the network delivers it to', () => {
    const t = trace('198.51.100.9', '198.51.100.7', 80);
    expect(t.to).toBe('svc:shop/legacy (198.51.100.7)');
    const dnat = events(t).find((e) => e.type === 'dnat' && e.by === 'kube-proxy')!;
    expect(dnat.type === 'dnat' && dnat.to).toEqual({ ip: '10.244.1.5', port: 8080 });
    expect(notices(t)).toContain('externalIP of shop/legacy');
  });

  it('internalTrafficPolicy Local drops ClusterIP traffic from a node without an endpoint', () => {
    const ok = trace('shop/web-7d4b9c-abcde', '10.96.10.20', 9090);
    const drop = trace('shop/web-7d4b9c-fghij', '10.96.10.20', 9090);
    expect(ok.verdict).toBe('delivered');
    expect(drop.verdict).toBe('dropped');
    const why = events(drop).find((e) => e.type === 'drop')!;
    expect(why.type === 'drop' && [why.code, why.text.en]).toEqual([
      'no-local-endpoint',
      "dropped: internalTrafficPolicy Local and no endpoint of shop/api runs on worker-2, the sender's node, so kube-proxy drops it (endpoints on other nodes do not count)",
    ]);
  });

  it('a selector-less Service is DNATed to the outside address its Endpoints list, and the egress gate judges that address', () => {
    const t = trace('shop/web-7d4b9c-abcde', '10.96.10.30', 5432);
    const dnat = events(t).find((e) => e.type === 'dnat')!;
    expect(dnat.type === 'dnat' && [dnat.to, dnat.endpoint, dnat.candidates]).toEqual([
      { ip: '10.10.0.5', port: 5432 },
      '10.10.0.5',
      ['10.10.0.5'],
    ]);
    expect(t.verdict).toBe('delivered');
  });

  it('the api pod egress to the db ClusterIP is dropped after DNAT, as check says (the ipBlock names the ClusterIP)', () => {
    const t = trace('shop/api-5f6d8-qqqq', '10.96.10.30', 5432);
    expect(t.verdict).toBe('dropped');
    const gate = events(t).find((e) => e.type === 'egress-check')!;
    expect(gate.type === 'egress-check' && [gate.flow.to, gate.verdict]).toEqual(['10.10.0.5', 'deny']);
  });

  it('the pod at a reused IP is the live one', () => {
    expect(trace('shop/web-7d4b9c-abcde', '10.244.1.20', 9090).to).toBe('shop/api-5f6d8-qqqq');
  });

  it('names the Calico policies that may change the verdict', () => {
    expect(notices(trace('shop/api-5f6d8-qqqq', 'shop/web-7d4b9c-abcde', 8080))).toContain(
      'this flow may also be governed by 2 Calico policies',
    );
  });
});

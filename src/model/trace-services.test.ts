// traceFlow through Services: ClusterIP DNAT, the Service-port trap, NodePort, LoadBalancer,
// ExternalName. Expectations are derived by hand from kube-proxy and the Service API.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import type { Cluster } from '../k8s/types';
import { netpol, pod, scenario } from '../testing/scenario';
import {
  withNetwork,
  load,
  defaultCluster,
  svc,
  outside,
  trace,
  kinds,
  types,
  event,
  allEvents,
  addr,
  chain,
  TWO,
  net,
} from '../testing/trace-helpers';

describe('pod → ClusterIP Service', () => {
  it('kube-proxy DNATs on the source node before routing; the egress check sees the endpoint', () => {
    const t = trace(defaultCluster(), 'prod/backend', 'svc:prod/db', '3306');
    // calico: no bridge; from the cali veth into the node's stack, where kube-proxy DNATs.
    expect(kinds(t.request)).toEqual([
      'pod-eth0',
      'veth-host',
      'kube-proxy',
      'node-eth0',
      'node-network',
      'node-eth0',
      'veth-host',
      'pod-eth0',
    ]);
    const sp = t.request[0]!.headers.srcPort;
    expect(addr(t.request[0]!)).toBe(`10.244.2.2:${sp} > 10.96.0.13:3306`);
    expect(types(t.request[1]!)).toEqual([]); // the gate waits for the DNAT
    const kp = t.request[2]!;
    expect(kp.device).toEqual({
      kind: 'kube-proxy',
      name: 'kube-proxy (iptables)',
      node: 'node02',
      service: 'prod/db',
    });
    expect(types(kp)).toEqual(['dnat', 'egress-check', 'route']);
    expect(addr(kp)).toBe(`10.244.2.2:${sp} > 10.244.1.3:3306`);
    expect(event(kp, 'dnat')).toMatchObject({
      by: 'kube-proxy',
      service: 'prod/db',
      from: { ip: '10.96.0.13', port: 3306 },
      to: { ip: '10.244.1.3', port: 3306 },
      endpoint: 'prod/db',
      candidates: ['prod/db'],
      rule: {
        mode: 'iptables',
        chains: [
          'KUBE-SERVICES',
          `KUBE-SVC-${chain('prod/dbtcp')}`,
          `KUBE-SEP-${chain('prod/dbtcp10.244.1.3:3306')}`,
        ],
      },
    });
    expect(event(kp, 'dnat').text.en).toContain('first of 1 endpoint(s) in scenario order');
    expect(event(kp, 'egress-check').flow).toEqual({
      from: 'prod/backend',
      to: 'prod/db',
      port: 3306,
      protocol: 'TCP',
    });
    expect(event(kp, 'route').route).toBe('10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird');
    expect(event(t.request[6]!, 'ingress-check').verdict).toBe('allow');
    // The reply is un-DNATed where the DNAT happened: the client sees the ClusterIP answer.
    expect(kinds(t.reply)).toEqual([
      'pod-eth0',
      'veth-host',
      'node-eth0',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'veth-host',
      'pod-eth0',
    ]);
    const rev = event(t.reply![5]!, 'reverse-nat');
    expect(rev.before).toEqual({
      src: { ip: '10.244.1.3', port: 3306 },
      dst: { ip: '10.244.2.2', port: sp },
    });
    expect(rev.after).toEqual({ src: { ip: '10.96.0.13', port: 3306 }, dst: { ip: '10.244.2.2', port: sp } });
    expect(addr(t.reply![7]!)).toBe(`10.96.0.13:3306 > 10.244.2.2:${sp}`);
  });

  it('the ClusterIP itself names the Service too', () => {
    const t = trace(defaultCluster(), 'prod/backend', '10.96.0.13', '3306');
    expect(t.to).toBe('svc:prod/db (10.96.0.13)');
    expect(kinds(t.request)[2]).toBe('kube-proxy');
  });

  it('takes the first endpoint in scenario order, even when another is on the same node, and says so', () => {
    const c = scenario(
      ...TWO,
      svc('shop/web', '{selector: {app: server}, ports: [{port: 80, targetPort: http}]}'),
    );
    const t = trace(c, 'shop/client', 'svc:shop/web', '80');
    const dnat = event(t.request[2]!, 'dnat');
    expect(dnat.candidates).toEqual(['shop/server', 'shop/local']);
    expect(dnat.endpoint).toBe('shop/server');
    expect(dnat.to).toEqual({ ip: '10.244.2.2', port: 8080 });
    expect(dnat.text.en).toContain('first of 2 endpoint(s) in scenario order');
  });

  it('ipvs mode shows the virtual server and the real server', () => {
    const t = trace(
      load(withNetwork(defaultYaml, '{kubeProxyMode: ipvs}')),
      'prod/backend',
      'svc:prod/db',
      '3306',
    );
    expect(event(t.request[2]!, 'dnat').rule).toEqual({
      mode: 'ipvs',
      virtualServer: 'TCP 10.96.0.13:3306',
      realServer: '10.244.1.3:3306',
      scheduler: 'rr',
    });
    expect(t.request[2]!.device.name).toBe('kube-proxy (ipvs)');
  });

  it('a same-node endpoint: the reply is bridged, and br_netfilter still lets conntrack undo the DNAT', () => {
    // shop/peer and the Service's only endpoint, shop/server, both run on n2; the ClusterIP is the first, 10.96.0.11 (.10 is kube-dns's).
    const c = scenario(
      ...TWO,
      svc('shop/api', '{selector: {tier: api}, ports: [{port: 80, targetPort: 8080}]}'),
      pod('shop/peer', {}, { node: 'n2' }),
      net('{cni: bridge}'),
    );
    const t = trace(c, 'shop/peer', 'svc:shop/api', '80');
    expect(kinds(t.request)).toEqual([
      'pod-eth0',
      'veth-host',
      'bridge',
      'kube-proxy',
      'bridge',
      'veth-host',
      'pod-eth0',
    ]);
    expect(kinds(t.reply)).toEqual([
      'pod-eth0',
      'veth-host',
      'bridge',
      'kube-proxy',
      'veth-host',
      'pod-eth0',
    ]);
    expect(types(t.reply![2]!)).toEqual([]);
    const rev = event(t.reply![3]!, 'reverse-nat');
    expect(rev.after.src).toEqual({ ip: '10.96.0.11', port: 80 });
    expect(rev.text.en).toContain('br_netfilter');
  });

  it("a pod reaching itself through its Service (hairpin) is masqueraded to the bridge's address", () => {
    const t = trace(defaultCluster('bridge'), 'prod/backend', 'svc:prod/backend', '5000');
    expect(kinds(t.request)).toEqual([
      'pod-eth0',
      'veth-host',
      'bridge',
      'kube-proxy',
      'bridge',
      'veth-host',
      'pod-eth0',
    ]);
    const sp = t.request[0]!.headers.srcPort;
    expect(types(t.request[3]!)).toEqual(['dnat', 'egress-check', 'route', 'snat']);
    expect(event(t.request[3]!, 'snat')).toMatchObject({
      by: 'kube-proxy',
      from: { ip: '10.244.2.2', port: sp },
      to: { ip: '10.244.2.1', port: sp },
    });
    expect(addr(t.request[6]!)).toBe(`10.244.2.1:${sp} > 10.244.2.2:5000`);
    // The bridge's address is the node's own: always allowed.
    expect(event(t.request[5]!, 'ingress-check').flow.from).toBe('192.168.1.12');
    expect(kinds(t.reply)).toEqual([
      'pod-eth0',
      'veth-host',
      'bridge',
      'kube-proxy',
      'veth-host',
      'pod-eth0',
    ]);
    expect(addr(t.reply![5]!)).toBe(`10.96.0.12:5000 > 10.244.2.2:${sp}`);
    expect(t.notices.map((n) => n.en).join(' ')).toContain('hairpin');
  });

  it('drops a packet for a port the Service does not have, or a Service without endpoints, at kube-proxy', () => {
    const wrong = trace(defaultCluster(), 'prod/web', 'svc:prod/backend', '80');
    expect(wrong.droppedAt).toBe('req-2');
    expect(event(wrong.request[2]!, 'drop')).toMatchObject({ code: 'no-service-port' });
    expect(event(wrong.request[2]!, 'drop').text.en).toContain('it has 5000/TCP');
    const empty = trace(
      scenario(...TWO, svc('shop/none', '{selector: {app: nothing}, ports: [{port: 80}]}')),
      'shop/client',
      'svc:shop/none',
      '80',
    );
    expect(event(empty.request[2]!, 'drop').code).toBe('no-endpoints');
  });
});

describe('the Service-port trap: policy ports are matched after DNAT, on the targetPort', () => {
  const rule = (port: string): string =>
    netpol(
      'shop/server-policy',
      `
      podSelector: {matchLabels: {tier: api}}
      ingress:
      - from:
        - podSelector: {matchLabels: {app: client}}
        ports:
        - {protocol: TCP, port: ${port}}
    `,
    );
  const web = svc('shop/web', '{selector: {tier: api}, ports: [{port: 80, targetPort: 8080}]}');

  it('a rule on the Service port 80 matches nothing: the packet arrives on 8080 and is dropped', () => {
    const t = trace(scenario(...TWO, web, rule('80')), 'shop/client', 'svc:shop/web', '80');
    expect(t.verdict).toBe('dropped');
    const gate = t.request.find((h) => h.id === t.droppedAt)!;
    expect(gate.device).toMatchObject({ kind: 'veth-host', pod: 'shop/server' });
    expect(gate.headers.dstPort).toBe(8080);
    const check = event(gate, 'ingress-check');
    expect(check.flow).toEqual({ from: 'shop/client', to: 'shop/server', port: 8080, protocol: 'TCP' });
    expect(check.explanation.selectedBy[0]!.rules[0]!.portMisses).toEqual([
      { port: 0, failure: { kind: 'number', want: 80, actual: 8080 } },
    ]);
    expect(check.explanation.selectedBy[0]!.rules[0]!.peerMisses).toBeNull();
    expect(t.notices.map((n) => n.en)).toEqual([
      "Policy ports are matched after DNAT: a rule naming port 80 (the port of shop/web) never matches, because the pod receives the packet on targetPort 8080. Name 8080, or the container port's name.",
    ]);
  });

  it("naming the targetPort, or the container port's name, lets it through", () => {
    expect(trace(scenario(...TWO, web, rule('8080')), 'shop/client', 'svc:shop/web', '80').verdict).toBe(
      'delivered',
    );
    expect(trace(scenario(...TWO, web, rule('http')), 'shop/client', 'svc:shop/web', '80').verdict).toBe(
      'delivered',
    );
  });
});

describe('outside → NodePort', () => {
  // api runs on n2 only; a NodePort Service in front of it; a client outside the cluster.
  const np = (etp: string): Cluster =>
    scenario(
      ...TWO,
      outside('laptop', '203.0.113.10'),
      svc(
        'shop/api',
        `{type: NodePort, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: http, nodePort: 30080}]}`,
      ),
    );

  it("Cluster: entering n1, DNAT to the endpoint on n2 and SNAT to n1's address; the reply goes back through n1", () => {
    const t = trace(np('Cluster'), 'laptop', '192.168.1.11:30080', '30080');
    expect(t.from).toBe('203.0.113.10 (laptop)');
    expect(kinds(t.request)).toEqual([
      'external',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'node-eth0',
      'node-network',
      'node-eth0',
      'veth-host',
      'pod-eth0',
    ]);
    const sp = t.request[0]!.headers.srcPort;
    expect(addr(t.request[2]!)).toBe(`203.0.113.10:${sp} > 192.168.1.11:30080`);
    const kp = t.request[3]!;
    expect(types(kp)).toEqual(['dnat', 'route', 'snat']);
    expect(event(kp, 'dnat').rule).toEqual({
      mode: 'iptables',
      chains: [
        'KUBE-SERVICES',
        'KUBE-NODEPORTS',
        `KUBE-EXT-${chain('shop/apitcp')}`,
        `KUBE-SVC-${chain('shop/apitcp')}`,
        `KUBE-SEP-${chain('shop/apitcp10.244.2.2:8080')}`,
      ],
    });
    expect(event(kp, 'snat')).toMatchObject({
      by: 'kube-proxy',
      from: { ip: '203.0.113.10', port: sp },
      to: { ip: '192.168.1.11', port: sp },
    });
    expect(addr(kp)).toBe(`192.168.1.11:${sp} > 10.244.2.2:8080`);
    expect(event(t.request[7]!, 'ingress-check').flow.from).toBe('192.168.1.11');
    expect(addr(t.request[8]!)).toBe(`192.168.1.11:${sp} > 10.244.2.2:8080`);

    expect(kinds(t.reply)).toEqual([
      'pod-eth0',
      'veth-host',
      'node-eth0',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'node-eth0',
      'node-network',
      'external',
    ]);
    expect(event(t.reply![5]!, 'reverse-nat').after).toEqual({
      src: { ip: '192.168.1.11', port: 30080 },
      dst: { ip: '203.0.113.10', port: sp },
    });
    expect(event(t.reply![5]!, 'route').route).toBe('default via 192.168.1.1 dev eth0');
    expect(event(t.reply![8]!, 'deliver').to).toBe('laptop (203.0.113.10)');
  });

  it("Local: a node without an endpoint drops it; the endpoint's node keeps the client's address", () => {
    const miss = trace(np('Local'), '203.0.113.10', '192.168.1.11:30080', '30080');
    expect(miss.droppedAt).toBe('req-3');
    expect(event(miss.request[3]!, 'drop').code).toBe('no-local-endpoint');

    const hit = trace(np('Local'), '203.0.113.10', '192.168.1.12:30080', '30080');
    expect(kinds(hit.request)).toEqual([
      'external',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'veth-host',
      'pod-eth0',
    ]);
    expect(types(hit.request[3]!)).toEqual(['dnat', 'route']);
    expect(event(hit.request[3]!, 'dnat').rule).toMatchObject({
      chains: [
        'KUBE-SERVICES',
        'KUBE-NODEPORTS',
        `KUBE-EXT-${chain('shop/apitcp')}`,
        `KUBE-SVL-${chain('shop/apitcp')}`,
        `KUBE-SEP-${chain('shop/apitcp10.244.2.2:8080')}`,
      ],
    });
    expect(hit.request[5]!.headers.src).toBe('203.0.113.10');
    expect(event(hit.request[4]!, 'ingress-check').flow.from).toBe('203.0.113.10');
  });

  it("an ipBlock for the client matches under Local but not behind Cluster's SNAT", () => {
    const allowClient = netpol(
      'shop/from-laptop',
      `
      podSelector: {matchLabels: {tier: api}}
      ingress:
      - from:
        - ipBlock: {cidr: 203.0.113.0/24}
    `,
    );
    const with_ = (etp: string): Cluster =>
      scenario(
        ...TWO,
        allowClient,
        svc(
          'shop/api',
          `{type: NodePort, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: http, nodePort: 30080}]}`,
        ),
      );
    expect(trace(with_('Local'), '203.0.113.10', '192.168.1.12:30080', '30080').verdict).toBe('delivered');
    const cluster = trace(with_('Cluster'), '203.0.113.10', '192.168.1.11:30080', '30080');
    expect(cluster.verdict).toBe('dropped');
    expect(
      event(
        cluster.request.find((h) => h.id === cluster.droppedAt)!,
        'drop',
      ).explanation?.selectedBy[0]!.rules[0]!.peerMisses,
    ).toEqual([{ peer: 0, failures: [{ kind: 'ip-outside', ip: '192.168.1.11', cidr: '203.0.113.0/24' }] }]);
  });

  it("svc:NAME from outside enters the first node's NodePort (User → web in the default scenario)", () => {
    const t = trace(defaultCluster(), 'user', 'svc:prod/web', '80');
    expect(t.request[0]!.headers.dst).toBe('192.168.1.11');
    expect(t.request[0]!.headers.dstPort).toBe(30080);
    expect(event(t.request[3]!, 'dnat')).toMatchObject({
      from: { ip: '192.168.1.11', port: 30080 },
      to: { ip: '10.244.1.2', port: 80 },
      endpoint: 'prod/web',
    });
    expect(t.notices[0]!.en).toBe(
      "From outside, prod/web is reached at a node's NodePort; netlab enters at the first node, node01: 192.168.1.11:30080.",
    );
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
    scenario(
      ...TWO,
      svc(
        'shop/shop',
        `{type: LoadBalancer, loadBalancerIP: 198.51.100.7, externalTrafficPolicy: ${etp}, selector: {tier: api}, ports: [{port: 80, targetPort: 8080, nodePort: 30081}]}`,
      ),
    );

  it("the load balancer forwards to the first node's NodePort, then it goes on as NodePort traffic", () => {
    const t = trace(lb('Cluster'), '203.0.113.10', '198.51.100.7', '80');
    expect(t.to).toBe('svc:shop/shop (198.51.100.7)');
    expect(kinds(t.request)).toEqual([
      'external',
      'loadbalancer',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'node-eth0',
      'node-network',
      'node-eth0',
      'veth-host',
      'pod-eth0',
    ]);
    const sp = t.request[0]!.headers.srcPort;
    expect(event(t.request[1]!, 'dnat')).toMatchObject({
      by: 'loadbalancer',
      from: { ip: '198.51.100.7', port: 80 },
      to: { ip: '192.168.1.11', port: 30081 },
      node: 'n1',
    });
    expect(addr(t.request[1]!)).toBe(`203.0.113.10:${sp} > 192.168.1.11:30081`);
    expect(event(t.request[4]!, 'snat').to.ip).toBe('192.168.1.11');
    expect(kinds(t.reply).slice(-3)).toEqual(['node-network', 'loadbalancer', 'external']);
    expect(event(t.reply![t.reply!.length - 2]!, 'reverse-nat').after).toEqual({
      src: { ip: '198.51.100.7', port: 80 },
      dst: { ip: '203.0.113.10', port: sp },
    });
  });

  it('with externalTrafficPolicy Local it sends to a node that runs an endpoint, and nothing is SNATed', () => {
    const t = trace(lb('Local'), '203.0.113.10', 'svc:shop/shop', '80');
    expect(kinds(t.request)).toEqual([
      'external',
      'loadbalancer',
      'node-network',
      'node-eth0',
      'kube-proxy',
      'veth-host',
      'pod-eth0',
    ]);
    expect(event(t.request[1]!, 'dnat').node).toBe('n2');
    expect(allEvents(t.request).some((e) => e.type === 'snat')).toBe(false);
  });
});

describe('pod → ExternalName Service', () => {
  const ext = svc('shop/payments', '{type: ExternalName, externalName: api.example.com}');
  const egress = (port: number): string =>
    netpol(
      'shop/egress',
      `
      podSelector: {matchLabels: {app: client}}
      policyTypes: [Egress]
      egress:
      - to:
        - ipBlock: {cidr: 203.0.113.50/32}
        ports:
        - {protocol: TCP, port: ${port}}
    `,
    );

  it('DNS answers with a CNAME; no proxying; the packet leaves the cluster to the external name', () => {
    const t = trace(
      scenario(...TWO, ext, outside('api.example.com', '203.0.113.50'), egress(443)),
      'shop/client',
      'svc:shop/payments',
      '443',
    );
    expect(kinds(t.request)).toEqual([
      'dns',
      'pod-eth0',
      'veth-host',
      'node-eth0',
      'node-network',
      'external',
    ]);
    expect(event(t.request[0]!, 'dns-cname')).toMatchObject({
      query: 'payments.shop.svc.cluster.local',
      cname: 'api.example.com',
      address: '203.0.113.50',
      addressFrom: 'external-endpoint',
    });
    expect(t.request[0]!.headers).toMatchObject({ src: '10.244.1.2', dstPort: 53, protocol: 'UDP' });
    expect(allEvents(t.request).some((e) => e.type === 'dnat')).toBe(false);
    expect(event(t.request[2]!, 'egress-check')).toMatchObject({
      verdict: 'allow',
      flow: { to: '203.0.113.50', port: 443 },
    });
    expect(t.request[5]!.device).toEqual({ kind: 'external', name: 'api.example.com' });
    expect(t.request[5]!.headers.dst).toBe('203.0.113.50');
    expect(t.verdict).toBe('delivered');
    expect(
      trace(
        scenario(...TWO, ext, outside('api.example.com', '203.0.113.50'), egress(80)),
        'shop/client',
        'svc:shop/payments',
        '443',
      ).droppedAt,
    ).toBe('req-2');
  });

  it('without an ExternalEndpoint of that name, a documentation address stands in, and a notice says so', () => {
    const t = trace(scenario(...TWO, ext), 'shop/client', 'svc:shop/payments', '443');
    expect(event(t.request[0]!, 'dns-cname')).toMatchObject({
      address: '192.0.2.1',
      addressFrom: 'placeholder',
    });
    expect(t.notices[0]!.en).toContain('does not know the address of api.example.com; 192.0.2.1');
  });
});

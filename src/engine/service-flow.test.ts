// One resolution of a destination and the flow through a Service, on a real dump (YAML and JSON):
// a Service address is the Service (DNAT first, then policy on the endpoint at its port), its
// backends follow readiness and Endpoints/EndpointSlices, and the traffic policies apply.
import { describe, expect, it } from 'vitest';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { analyzeScenario } from './analyze';
import { resolveDestination } from './destination';
import { buildEndpoints } from './endpoints';
import { foreignPoliciesFor, foreignPolicyNote } from './foreign-policies';
import { evaluateServiceFlow } from './service-flow';
import { buildServices, usableBackends } from './services';

describe.each(REAL_CLUSTER_DUMPS)('on a real dump ($name)', (file) => {
  const { cluster, diagnostics } = analyzeScenario([file]);
  const services = buildServices(cluster);
  const endpoints = buildEndpoints(cluster);
  const resolve = (text: string) => resolveDestination(cluster, endpoints, services, text);
  const svc = (text: string) => {
    const d = resolve(text);
    if (typeof d === 'string' || d.kind !== 'service') throw new Error(`${text} is not a Service`);
    return d;
  };
  const pod = (key: string) => {
    const d = resolve(key);
    if (typeof d === 'string' || d.kind !== 'endpoint') throw new Error(`${key} is not an endpoint`);
    return d.endpoint;
  };
  const outside = (ip: string) => pod(ip);

  it.each([
    ['10.96.10.30', 'shop/db', 'cluster-ip'],
    ['203.0.113.10', 'shop/web', 'load-balancer'],
    ['a1b2.elb.example.com', 'shop/elb', 'load-balancer'],
    ['198.51.100.7', 'shop/legacy', 'external-ip'],
    ['svc:shop/api', 'shop/api', 'name'],
  ])('%s is Service %s (by %s)', (text, key, access) => {
    const d = svc(text);
    expect([d.service.key, d.access]).toEqual([key, access]);
  });

  it('a pod IP is the live pod, never the completed pod that had it before', () => {
    expect(pod('10.244.1.20').key).toBe('shop/api-5f6d8-qqqq');
  });

  it('selector backends: ready pods only; the not-ready and the terminating pod are not used', () => {
    const web = services.find((s) => s.key === 'shop/web')!;
    expect(web.backends.map((b) => [b.pod, b.ready, b.serving, b.terminating])).toEqual([
      ['shop/web-7d4b9c-abcde', true, true, false],
      ['shop/web-7d4b9c-fghij', true, true, false],
      ['shop/web-7d4b9c-old', false, false, true],
      ['shop/web-7d4b9c-notready', false, false, false],
    ]);
    expect(web.endpoints).toEqual(['shop/web-7d4b9c-abcde', 'shop/web-7d4b9c-fghij']);
  });

  it('a Service without a selector takes its backends from the EndpointSlice, else the Endpoints object', () => {
    const k8s = services.find((s) => s.key === 'default/kubernetes')!;
    expect([k8s.backendsFrom, k8s.backends.map((b) => b.ip)]).toEqual(['EndpointSlice', ['192.168.1.10']]);
    const db = services.find((s) => s.key === 'shop/db')!;
    expect([db.backendsFrom, usableBackends(db.backends).map((b) => b.ip)]).toEqual([
      'Endpoints',
      ['10.10.0.5'],
    ]);
  });

  it('a flow to a ClusterIP is judged after DNAT: the ipBlock naming the ClusterIP does not match', () => {
    const f = evaluateServiceFlow(cluster, endpoints, pod('shop/api-5f6d8-qqqq'), svc('10.96.10.30'), {
      port: 5432,
      protocol: 'TCP',
    });
    expect(f.verdict).toBe('denied');
    expect(f.backends.map((b) => [b.to.key, b.port.port])).toEqual([['10.10.0.5', 5432]]);
    expect(diagnostics.filter((d) => d.code === 'ipblock-service-address').map((d) => d.message.en)).toEqual([
      "ipBlock 10.96.10.30/32 names Service addresses: shop/db (ClusterIP 10.96.10.30). Policies see packets after kube-proxy's DNAT, addressed to an endpoint, so this entry matches nothing",
    ]);
  });

  it('the Service port becomes the endpoint port (targetPort by name) before the ingress policy', () => {
    const f = evaluateServiceFlow(cluster, endpoints, pod('shop/api-5f6d8-qqqq'), svc('10.96.10.10'), {
      port: 80,
      protocol: 'TCP',
    });
    expect(f.verdict).toBe('allowed');
    expect(f.backends.map((b) => [b.to.key, b.port.port, b.explanation.ingress.verdict])).toEqual([
      ['shop/web-7d4b9c-abcde', 8080, 'allow'],
      ['shop/web-7d4b9c-fghij', 8080, 'allow'],
    ]);
  });

  it('externalTrafficPolicy Local keeps the client address for the ingress policy', () => {
    const f = evaluateServiceFlow(cluster, endpoints, outside('203.0.113.50'), svc('203.0.113.10'), {
      port: 80,
      protocol: 'TCP',
    });
    expect([f.verdict, f.clientIpKept, f.masqueradedTo]).toEqual(['allowed', true, undefined]);
    expect(f.backends.every((b) => b.from.key === '203.0.113.50')).toBe(true);
  });

  it('externalTrafficPolicy Cluster masquerades to the first node a load balancer uses (not the excluded control plane)', () => {
    const f = evaluateServiceFlow(cluster, endpoints, outside('198.51.100.9'), svc('a1b2.elb.example.com'), {
      port: 80,
      protocol: 'TCP',
    });
    expect([f.masqueradedTo, f.clientIpKept, f.verdict]).toEqual(['192.168.1.11', false, 'some']);
    // The endpoint on the entry node admits it (own node); the other one's ipBlock sees a node, not the partner.
    expect(f.backends.map((b) => [b.to.key, b.explanation.allowed])).toEqual([
      ['shop/web-7d4b9c-abcde', true],
      ['shop/web-7d4b9c-fghij', false],
    ]);
  });

  it('internalTrafficPolicy Local: only endpoints on the sender node count', () => {
    const port = { port: 9090, protocol: 'TCP' } as const;
    const sameNode = evaluateServiceFlow(
      cluster,
      endpoints,
      pod('shop/web-7d4b9c-abcde'),
      svc('10.96.10.20'),
      port,
    );
    const otherNode = evaluateServiceFlow(
      cluster,
      endpoints,
      pod('shop/web-7d4b9c-fghij'),
      svc('10.96.10.20'),
      port,
    );
    expect(sameNode.backends.map((b) => b.to.key)).toEqual(['shop/api-5f6d8-qqqq']);
    expect(otherNode.verdict).toBe('no-local-endpoint');
  });

  it('a port the Service does not have reaches nothing', () => {
    const f = evaluateServiceFlow(cluster, endpoints, pod('shop/api-5f6d8-qqqq'), svc('10.96.10.30'), {
      port: 80,
      protocol: 'TCP',
    });
    expect(f.verdict).toBe('no-service-port');
  });

  it('names the Calico and Cilium policies that could change a verdict, by namespace', () => {
    const keys = (a: string, b: string) =>
      foreignPoliciesFor(cluster, pod(a), pod(b)).map((p) => `${p.kind} ${p.namespace ?? '*'}/${p.name}`);
    expect(keys('shop/api-5f6d8-qqqq', 'shop/web-7d4b9c-abcde')).toEqual([
      'GlobalNetworkPolicy */deny-egress-internet',
      'NetworkPolicy shop/shop-extra',
    ]);
    expect(keys('203.0.113.50', 'kube-system/kube-proxy-w1')).toEqual([
      'GlobalNetworkPolicy */deny-egress-internet',
    ]);
    expect(
      foreignPolicyNote(foreignPoliciesFor(cluster, pod('shop/api-5f6d8-qqqq'), pod('shop/web-7d4b9c-abcde')))
        ?.en,
    ).toBe(
      '⚠ this flow may also be governed by 2 Calico policies (GlobalNetworkPolicy deny-egress-internet, NetworkPolicy shop/shop-extra), which netlab does not evaluate: on the cluster the verdict may differ',
    );
  });
});

describe('lint: ipBlock and Service addresses', () => {
  const scenario = (cidr: string) =>
    analyzeScenario([
      {
        name: 't.yaml',
        text: `apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: 10.96.0.50, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: "${cidr}"}}]}]
`,
      },
    ]).diagnostics.filter((d) => d.code === 'ipblock-service-address');
  it.each([
    ['10.96.0.50/32', 1],
    ['10.96.0.0/12', 1],
    ['10.0.0.0/8', 0], // holds the pod network too
    ['0.0.0.0/0', 0],
    ['10.96.0.51/32', 0],
  ])('%s → %i warning(s)', (cidr, n) => {
    expect(scenario(cidr)).toHaveLength(n);
  });
});

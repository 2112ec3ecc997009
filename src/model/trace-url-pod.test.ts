// A URL requested by a pod: the host is looked up through CoreDNS first (the DNS step, under the
// pod's egress policies), then the request goes to the answer. An Ingress host resolves only when
// the scenario says what public DNS answers (an ExternalEndpoint); at the controller's load
// balancer, kube-proxy on the pod's node takes it to the controller, which applies the rules.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import ingressYaml from '../testing/fixtures/ingress-nginx.yaml?raw';
import type { Cluster } from '../k8s/types';
import { netpol } from '../testing/scenario';
import { load, outside } from '../testing/trace-helpers';
import { buildTopology } from './topology';
import { TraceError, type PacketTrace } from './trace-flow';
import { tracePacket } from './trace-name';
import { parseUrl } from './trace-url';

const base = defaultYaml.replace('nodePort: 30080', 'nodePort: 30081');
// The controller behind a load balancer at 203.0.113.50 (status.loadBalancer.ingress).
const behindLb = ingressYaml
  .replace('  type: NodePort\n', '  type: LoadBalancer\n')
  .replace(
    '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\n',
    '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\nstatus: {loadBalancer: {ingress: [{ip: 203.0.113.50}]}}\n',
  );
const cluster = (...docs: string[]): Cluster => load([base, behindLb, ...docs].join('\n---\n'));
const publicDns = outside('shop.example.com', '203.0.113.50');
const trace = (c: Cluster, from: string, url: string): PacketTrace => {
  const u = parseUrl(url)!;
  return tracePacket(c, buildTopology(c), from, url, { port: u.port, protocol: 'TCP' });
};
const failure = (f: () => unknown): TraceError => {
  try {
    f();
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error('no TraceError');
};

describe('a URL from a pod', () => {
  it('an Ingress host the scenario gives no address: the lookup leaves the cluster, and the trace says how to go on', () => {
    const e = failure(() => trace(cluster(), 'prod/web', 'http://shop.example.com/api/cart'));
    expect(e.message).toContain('not a cluster name: CoreDNS forwards it upstream');
    expect(e.message).toContain('ExternalEndpoint named shop.example.com');
    expect(e.message.length).toBeLessThan(400); // the CLI prints errors up to 400 characters
    expect(e.ko).toContain('shop.example.com이라는 이름의 ExternalEndpoint');
  });

  it("public DNS at the controller's load balancer: DNS step, kube-proxy on the pod's node, the controller, the rule's backend", () => {
    const t = trace(cluster(publicDns), 'prod/web', 'http://shop.example.com/api/cart');
    expect(t.verdict).toBe('delivered');
    expect(t.dns?.resolution.answer).toMatchObject({ kind: 'answer', addresses: ['203.0.113.50'] });
    expect(t.dns?.resolution.tries.at(-1)?.query).toBe('shop.example.com.');
    const dnat = t.request.flatMap((h) => h.events).find((e) => e.type === 'dnat');
    expect(dnat).toMatchObject({
      service: 'ingress-nginx/ingress-nginx-controller',
      from: { ip: '203.0.113.50' },
    });
    expect(t.ingress).toMatchObject({
      controllerService: 'ingress-nginx/ingress-nginx-controller',
      controllerPod: 'ingress-nginx/ingress-nginx-controller',
      match: { ingress: 'prod/shop', backend: { service: 'backend', port: 5000 } },
    });
    // The request never leaves the cluster: no hop on an outside machine.
    expect(t.request.some((h) => h.device.kind === 'external')).toBe(false);
    expect(t.request.at(-1)!.device.pod).toBe('prod/backend');
    expect(t.request.find((h) => h.id === 'fwd-0')!.device.pod).toBe(
      'ingress-nginx/ingress-nginx-controller',
    );
  });

  it('an egress policy without DNS stops it at the DNS step', () => {
    const denyOut = netpol('prod/web-out', 'podSelector: {matchLabels: {role: web}}\npolicyTypes: [Egress]');
    const t = trace(cluster(publicDns, denyOut), 'prod/web', 'http://shop.example.com/');
    expect(t.verdict).toBe('dropped');
    expect(t.dns?.verdict).toBe('dropped');
    expect(t.ingress).toBeUndefined();
    expect(t.notices.some((n) => n.en.includes('The DNS query for shop.example.com was dropped'))).toBe(true);
  });

  it("the controller's Service by its cluster name: the controller gets Host: that name, so no rule, 404, and a Host-header note", () => {
    const t = trace(cluster(), 'prod/web', 'http://ingress-nginx-controller.ingress-nginx/api/cart');
    expect(t.dns?.resolution.answer).toMatchObject({ kind: 'answer', target: { kind: 'service' } });
    expect(t.ingress?.controllerPod).toBe('ingress-nginx/ingress-nginx-controller');
    expect(t.ingress?.match).toBeUndefined();
    expect(t.ingress?.outcome.en).toContain('404');
    expect(t.notices.some((n) => n.en.includes("curl -H 'Host: shop.example.com'"))).toBe(true);
  });

  it('a Service name as the host goes straight to that Service: no Ingress rule applies, and the trace says so', () => {
    const t = trace(cluster(), 'prod/web', 'http://backend:5000/api');
    expect(t.verdict).toBe('delivered');
    expect(t.request.at(-1)!.device.pod).toBe('prod/backend');
    expect(t.ingress).toBeUndefined();
    const note = t.notices.find((n) => n.en.startsWith('No ingress controller on the way'))!;
    expect(note.en).toContain('straight to prod/backend');
    expect(note.ko).toContain('prod/backend로 곧장');
  });

  it('from outside, the URL still enters at the controller without a DNS step', () => {
    const t = trace(cluster(), 'user', 'http://shop.example.com/api/cart');
    expect(t.dns).toBeUndefined();
    expect(t.ingress?.match?.backend.service).toBe('backend');
  });
});

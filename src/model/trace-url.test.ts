// A request given as a URL: client → the ingress controller's NodePort → a controller pod (rule
// matched) → a new connection to the backend Service. Policies on the backend see the controller.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import ingressYaml from '../testing/fixtures/ingress-nginx.yaml?raw';
import type { Cluster } from '../k8s/types';
import { netpol } from '../testing/scenario';
import { load } from '../testing/trace-helpers';
import { buildTopology } from './topology';
import { TraceError, type PacketTrace } from './trace-flow';
import { tracePacket } from './trace-name';
import { parseUrl } from './trace-url';

// The default scenario's web Service takes nodePort 30080; the controller's NodePort needs it.
const base = defaultYaml.replace('nodePort: 30080', 'nodePort: 30081');
const cluster = (...docs: string[]): Cluster => load([base, ingressYaml, ...docs].join('\n---\n'));
const trace = (c: Cluster, url: string): PacketTrace => {
  const u = parseUrl(url)!;
  return tracePacket(c, buildTopology(c), 'user', url, { port: u.port, protocol: 'TCP' });
};

describe('a URL through the ingress controller', () => {
  it('enters at the NodePort, reaches the controller, which connects to the rule backend', () => {
    const t = trace(cluster(), 'http://shop.example.com/api/cart');
    expect(t.verdict).toBe('delivered');
    expect(t.ingress).toMatchObject({
      host: 'shop.example.com',
      path: '/api/cart',
      controllerService: 'ingress-nginx/ingress-nginx-controller',
      controllerPod: 'ingress-nginx/ingress-nginx-controller',
      match: {
        ingress: 'prod/shop',
        backend: { service: 'backend', port: 5000 },
        path: '/api',
        pathType: 'Prefix',
      },
    });
    const ids = t.request.map((h) => h.id);
    expect(ids[0]).toBe('req-0');
    const fwd = t.request.find((h) => h.id === 'fwd-0')!;
    expect(fwd.device.pod).toBe('ingress-nginx/ingress-nginx-controller');
    expect(fwd.headers).toMatchObject({ src: '10.244.1.4', dst: '10.96.0.12', dstPort: 5000 });
    expect(t.request.at(-1)!.device.pod).toBe('prod/backend');
    expect(t.notices.some((n) => n.en.includes("not the client's"))).toBe(true);
  });

  it('https: TLS ends at the controller, with the Secret named', () => {
    const t = trace(cluster(), 'https://shop.example.com/');
    expect(t.port).toEqual({ port: 443, protocol: 'TCP' });
    expect(t.ingress?.match?.backend.service).toBe('web');
    expect(t.notices.some((n) => n.en.includes('Secret shop-tls'))).toBe(true);
  });

  it('no rule and no defaultBackend: the controller answers 404 itself', () => {
    const t = trace(cluster(), 'http://other.example.org/');
    expect(t.ingress?.match).toBeUndefined();
    expect(t.ingress?.outcome.en).toContain('404');
    expect(t.request.at(-1)!.device.pod).toBe('ingress-nginx/ingress-nginx-controller');
  });

  const backendPolicy = (from: string): string =>
    netpol(
      'prod/backend-in',
      `
      podSelector: {matchLabels: {role: backend}}
      ingress:
      - from:
        - ${from}
      `,
    );
  it.each([
    ['only the web pods: the controller is refused', 'podSelector: {matchLabels: {role: web}}', 'dropped'],
    [
      "the controller's namespace: allowed",
      'namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}',
      'delivered',
    ],
    [
      "the client's address: refused, the client is not the source any more",
      'ipBlock: {cidr: 203.0.113.10/32}',
      'dropped',
    ],
  ])('a backend policy allowing %s', (_, from, verdict) => {
    const t = trace(cluster(backendPolicy(from)), 'http://shop.example.com/api/cart');
    expect(t.verdict).toBe(verdict);
    if (verdict === 'dropped') expect(t.droppedAt).toMatch(/^fwd-\d+$/);
  });

  it('no controller in the scenario is an error that says what to add', () => {
    const c = load(base);
    expect(() => trace(c, 'http://shop.example.com/')).toThrow(TraceError);
    expect(() => trace(c, 'http://shop.example.com/')).toThrow(/app.kubernetes.io\/name: ingress-nginx/);
  });

  it.each([
    [
      'http://shop.example.com/api/cart',
      { scheme: 'http', host: 'shop.example.com', port: 80, path: '/api/cart' },
    ],
    ['https://Shop.Example.com', { scheme: 'https', host: 'shop.example.com', port: 443, path: '/' }],
    ['http://x.io:8080/a?b=c', { scheme: 'http', host: 'x.io', port: 8080, path: '/a' }],
    ['ftp://x.io/', null],
    ['http://x.io:70000/', null],
  ])('parseUrl(%s)', (text, expected) => {
    expect(parseUrl(text)).toEqual(expected);
  });
});

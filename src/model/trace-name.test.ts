// A packet addressed by name: the DNS query first (UDP 53 to kube-dns, DNATed to a CoreDNS pod,
// through the same gates), then the connection. An egress policy without DNS stops the journey at
// the query; an ipBlock to the kube-dns ClusterIP does not open it (policies see the CoreDNS pod).
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import type { Cluster, Protocol } from '../k8s/types';
import { netpol } from '../testing/scenario';
import { load } from '../testing/trace-helpers';
import { buildTopology } from './topology';
import { TraceError, type PacketTrace } from './trace-flow';
import { isDnsName, tracePacket } from './trace-name';

const withDocs = (...docs: string[]): Cluster => load([defaultYaml, ...docs].join('\n---\n'));
function trace(c: Cluster, from: string, to: string, port: string): PacketTrace {
  const [n, proto] = port.split('/');
  return tracePacket(c, buildTopology(c), from, to, {
    port: Number(n),
    protocol: (proto ?? 'TCP') as Protocol,
  });
}

const egressOnlyDb = (dnsPeer: string | null): string =>
  netpol(
    'prod/backend-egress',
    `
    podSelector: {matchLabels: {role: backend}}
    policyTypes: [Egress]
    egress:
    - to:
      - podSelector: {matchLabels: {role: db}}
      ports: [{port: 3306}]
    ${dnsPeer ?? ''}
    `,
  );
const narrowDns = `- to:
      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
        podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`;
const ipBlockDns = `- to:
      - ipBlock: {cidr: 10.96.0.10/32}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`;

describe('a packet addressed by name', () => {
  it('asks kube-dns first (DNATed to a CoreDNS pod), then connects to the answer', () => {
    const t = trace(load(defaultYaml), 'prod/backend', 'db', '3306');
    expect(t.verdict).toBe('delivered');
    expect(t.to).toBe('db = svc:prod/db (10.96.0.13)');
    expect(t.dns?.resolution.tries.map((x) => x.query)).toEqual(['db.prod.svc.cluster.local.']);
    expect(t.dns?.server).toEqual({ service: 'kube-system/kube-dns', ip: '10.96.0.10', implicit: true });
    const q = t.dns!.request;
    expect(q[0]!.headers).toMatchObject({ dst: '10.96.0.10', dstPort: 53, protocol: 'UDP' });
    const dnat = q.flatMap((h) => h.events).find((e) => e.type === 'dnat');
    expect(dnat).toMatchObject({ service: 'kube-system/kube-dns', endpoint: 'kube-system/coredns-1' });
    expect(q.at(-1)!.events.at(-1)).toMatchObject({ type: 'deliver', to: 'kube-system/coredns-1' });
    expect(q.map((h) => h.id).slice(0, 2)).toEqual(['dns-0', 'dns-1']);
    expect(t.request[0]!.headers).toMatchObject({ dst: '10.96.0.13', dstPort: 3306 });
  });

  it.each([
    ['an egress policy without DNS drops the query; no connection starts', null, 'dropped'],
    ['the narrow DNS rule (kube-system AND k8s-app=kube-dns) lets it through', narrowDns, 'delivered'],
    [
      'an ipBlock to the kube-dns ClusterIP does not: the gate sees the CoreDNS pod after DNAT',
      ipBlockDns,
      'dropped',
    ],
  ])('%s', (_, dnsPeer, verdict) => {
    const t = trace(withDocs(egressOnlyDb(dnsPeer)), 'prod/backend', 'db.prod', '3306');
    expect(t.verdict).toBe(verdict);
    expect(t.dns?.verdict).toBe(verdict);
    if (verdict === 'dropped') {
      expect(t.droppedAt).toMatch(/^dns-\d+$/);
      expect(t.request).toBe(t.dns!.request);
      const drop = t.request.flatMap((h) => h.events).find((e) => e.type === 'drop');
      expect(drop).toMatchObject({ code: 'egress-denied' });
      expect(t.port).toEqual({ port: 53, protocol: 'UDP' });
      expect(t.notices.some((n) => n.en.includes('namespace kube-system AND k8s-app=kube-dns'))).toBe(true);
    } else expect(t.request.at(-1)!.device.pod).toBe('prod/db');
  });

  it('a scenario with its own kube-dns keeps it: no implicit CoreDNS', () => {
    const own = withDocs(
      'apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec: {clusterIP: 10.96.0.10, selector: {app: dns}, ports: [{port: 53, protocol: UDP}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: dns, namespace: kube-system, labels: {app: dns}}\nspec: {nodeName: node02, containers: [{name: c}]}',
    );
    const t = trace(own, 'prod/web', 'backend', '5000');
    expect(t.dns?.server.implicit).toBe(false);
    expect(t.dns?.request.at(-1)!.device.pod).toBe('kube-system/dns');
    expect(t.notices.some((n) => n.en.includes('netlab adds'))).toBe(false);
  });

  it('a pod key, an address and svc:NS/NAME are traced as before, without DNS', () => {
    for (const to of ['prod/db', '10.244.1.3', 'svc:prod/db', '10.96.0.13'])
      expect(trace(load(defaultYaml), 'prod/backend', to, '3306').dns).toBeUndefined();
    expect(trace(load(defaultYaml), 'prod/backend', 'dns:db', '3306').dns).toBeDefined();
  });

  it('a name that does not resolve, or resolves outside, is an error that lists the names asked', () => {
    const c = load(defaultYaml);
    expect(() => trace(c, 'prod/backend', 'db.nowhere.svc.cluster.local.', '80')).toThrow(TraceError);
    expect(() => trace(c, 'prod/backend', 'db.nowhere.svc.cluster.local.', '80')).toThrow(
      /no record for db\.nowhere\.svc\.cluster\.local\./,
    );
    expect(() => trace(c, 'prod/backend', 'example.com', '80')).toThrow(/outside the cluster/);
    expect(() => trace(c, 'user', 'db', '3306')).toThrow(/from a pod/);
  });

  it.each([
    ['db', true],
    ['db.prod.svc.cluster.local.', true],
    ['10.96.0.10', false],
    ['prod/db', false],
    ['-bad', false],
    ['a..b', false],
  ])('isDnsName(%s) is %s', (text, expected) => {
    expect(isDnsName(text)).toBe(expected);
  });
});

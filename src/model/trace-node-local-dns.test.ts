// NodeLocal DNSCache (kubernetes.io, "Using NodeLocal DNSCache in Kubernetes Clusters"): the pods'
// nameserver, the query ending at node-local-dns on the sender's node (no kube-proxy DNAT), the
// egress rule that must name its address, and the agent's own TCP query to CoreDNS on a miss.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster } from '../k8s/types';
import { netpol } from '../testing/scenario';
import { load, outside } from '../testing/trace-helpers';
import { buildTopology } from './topology';
import type { PacketTrace } from './trace-flow';
import { tracePacket } from './trace-name';

const network = (spec: string) =>
  `apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}`;
const cluster = (spec: string, ...docs: string[]): Cluster =>
  load([defaultYaml, network(spec), ...docs].join('\n---\n'));
const byName = (c: Cluster, name: string, port = 3306): PacketTrace =>
  tracePacket(c, buildTopology(c), 'prod/backend', name, { port, protocol: 'TCP' });
const backendEgress = (dnsPeer: string) =>
  netpol(
    'prod/backend-out',
    `podSelector: {matchLabels: {role: backend}}
policyTypes: [Egress]
egress:
- to: [{podSelector: {matchLabels: {role: db}}}]
  ports: [{port: 3306}]
- to: [${dnsPeer}]
  ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`,
  );
const CORE_DNS_PODS =
  '{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}';

describe('spec.nodeLocalDNS', () => {
  it.each([
    ['{nodeLocalDNS: {}}', { address: '169.254.20.10', nameserver: 'kube-dns' }],
    ['{nodeLocalDNS: {nameserver: local}}', { address: '169.254.20.10', nameserver: 'local' }],
    ['{kubeProxyMode: ipvs, nodeLocalDNS: {}}', { address: '169.254.20.10', nameserver: 'local' }],
    [
      '{nodeLocalDNS: {address: 169.254.0.53, nameserver: local}}',
      { address: '169.254.0.53', nameserver: 'local' },
    ],
  ])('%s → %j', (spec, want) => {
    const r = loadCluster([{ name: 'n.yaml', text: network(spec) }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.network.nodeLocalDns).toEqual(want);
  });

  it.each([
    [
      'spec:\n  kubeProxyMode: ipvs\n  nodeLocalDNS: {nameserver: kube-dns}\n',
      'kube-dns does not work under kubeProxyMode ipvs',
      6,
      30,
    ],
    ['spec:\n  nodeLocalDNS: {nameserver: coredns}\n', 'unsupported value "coredns"', 5, 30],
    ['spec:\n  nodeLocalDNS: {address: 169.254.20}\n', 'is not an IPv4 address', 5, 27],
  ])('%j: %s at line %i col %i', (spec, message, line, col) => {
    const r = loadCluster([
      {
        name: 'n.yaml',
        text: `apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\n${spec}`,
      },
    ]);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message.en).toContain(message);
    expect([d.line, d.col]).toEqual([line, col]);
  });

  it("sets the pods' nameserver: the local address with nameserver local, else the kube-dns ClusterIP", () => {
    const ns = (spec: string) =>
      buildTopology(cluster(spec))
        .pods.find((p) => p.key === 'prod/web')!
        .resolvConf.match(/nameserver (\S+)/)![1];
    expect(ns('{nodeLocalDNS: {nameserver: local}}')).toBe('169.254.20.10');
    expect(ns('{nodeLocalDNS: {}}')).toBe('10.96.0.10');
    expect(ns('{}')).toBe('10.96.0.10');
  });
});

describe('a name traced under NodeLocal DNSCache', () => {
  it('local: the query ends at node-local-dns on the pod’s node; a miss goes to CoreDNS over TCP from the node', () => {
    const t = byName(cluster('{nodeLocalDNS: {nameserver: local}}'), 'db');
    expect(t.verdict).toBe('delivered');
    expect(t.dns!.resolution.conf.why.en).toContain(
      'NodeLocal DNSCache on its node (--cluster-dns=169.254.20.10)',
    );
    const q = t.dns!.request;
    expect(q.at(-1)!.device).toEqual({ kind: 'dns', name: 'node-local-dns', node: 'node02' });
    expect(q.at(-1)!.headers).toMatchObject({ dst: '169.254.20.10', dstPort: 53, protocol: 'UDP' });
    expect(q.some((h) => h.device.kind === 'kube-proxy')).toBe(false);
    const fwd = t.dns!.nodeLocal!.forward!;
    expect(fwd.request[0]!.headers).toMatchObject({
      src: '192.168.1.12',
      dst: '10.96.0.10',
      dstPort: 53,
      protocol: 'TCP',
    });
    expect(fwd.request.at(-1)!.device.pod).toMatch(/^kube-system\/coredns-/);
    expect(t.notices.some((n) => n.en.includes('allow UDP and TCP 53 to ipBlock 169.254.20.10/32'))).toBe(
      true,
    );
  });

  it('kube-dns (the NOTRACK mode): the query keeps the ClusterIP and no kube-proxy DNAT touches it', () => {
    const t = byName(cluster('{nodeLocalDNS: {}}'), 'db');
    const q = t.dns!.request;
    expect(q.at(-1)!.device.name).toBe('node-local-dns');
    expect(q.at(-1)!.headers.dst).toBe('10.96.0.10');
    expect(q.some((h) => h.device.kind === 'kube-proxy')).toBe(false);
    expect(t.notices.some((n) => n.en.includes('NOTRACK'))).toBe(true);
  });

  it('an egress rule that allows only the CoreDNS pods does not match the node-local address; an ipBlock for it does', () => {
    const narrow = byName(cluster('{nodeLocalDNS: {nameserver: local}}', backendEgress(CORE_DNS_PODS)), 'db');
    expect(narrow.verdict).toBe('dropped');
    expect(narrow.droppedAt).toMatch(/^dns-/);
    expect(narrow.notices.some((n) => n.en.includes('to ipBlock 169.254.20.10/32'))).toBe(true);
    const block = byName(
      cluster('{nodeLocalDNS: {nameserver: local}}', backendEgress('{ipBlock: {cidr: 169.254.20.10/32}}')),
      'db',
    );
    expect(block.verdict).toBe('delivered');
    // Without NodeLocal DNSCache the same narrow rule is the right one.
    expect(byName(cluster('{}', backendEgress(CORE_DNS_PODS)), 'db').verdict).toBe('delivered');
  });

  it("CoreDNS admitting only pods: node-local-dns's TCP query from the node is dropped, and the name gets no answer", () => {
    const onlyPods = netpol(
      'kube-system/coredns-in',
      `podSelector: {matchLabels: {k8s-app: kube-dns}}
ingress:
- from: [{namespaceSelector: {}}]
  ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`,
    );
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}';
    const t = byName(cluster('{nodeLocalDNS: {nameserver: local}}', ns, onlyPods), 'db');
    expect(t.verdict).toBe('dropped');
    expect(t.droppedAt).toMatch(/^dns-fwd-/);
    expect(t.dns!.verdict).toBe('dropped');
    expect(t.notices.some((n) => n.en.includes('could not ask CoreDNS for db'))).toBe(true);
  });

  it('a name outside cluster.local goes to the node’s upstream resolvers, not to CoreDNS', () => {
    const c = cluster('{nodeLocalDNS: {nameserver: local}}', outside('backup.example.com', '192.168.5.20'));
    const t = byName(c, 'dns:backup.example.com', 9898);
    expect(t.dns!.nodeLocal).toMatchObject({ node: 'node02', address: '169.254.20.10' });
    expect(t.dns!.nodeLocal!.forward).toBeUndefined();
    expect(t.notices.some((n) => n.en.includes("node02's own upstream resolvers"))).toBe(true);
  });
});

// loadCluster on a real cluster's dump (kubectl's own YAML and JSON): which pods hold IPs, what
// Endpoints/EndpointSlices and Service status say, and how other kinds are summarised.
import { describe, expect, it } from 'vitest';
import { y } from '../testing/dedent';
import { load, one, where } from '../testing/load-helpers';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { loadCluster } from './load-cluster';

describe.each(REAL_CLUSTER_DUMPS)('a real dump ($name)', (file) => {
  const r = loadCluster([file]);
  const live = (key: string) => r.cluster.pods.find((p) => `${p.namespace}/${p.name}` === key);

  it('loads without errors', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('only pods holding their IP are pods; Succeeded, Failed and Pending-without-IP are kept apart', () => {
    expect(r.cluster.pods.map((p) => p.name)).toEqual([
      'web-7d4b9c-abcde',
      'web-7d4b9c-fghij',
      'web-7d4b9c-old',
      'web-7d4b9c-notready',
      'api-5f6d8-qqqq',
      'kube-proxy-w1',
    ]);
    expect(r.cluster.inactivePods.map((p) => [p.name, p.phase, p.why, p.lastIp ?? null])).toEqual([
      ['report-28391-xyz', 'Succeeded', 'completed', '10.244.1.20'],
      ['migrate-fail', 'Failed', 'failed', '10.244.2.30'],
      ['pending-1', 'Pending', 'no-ip', null],
    ]);
  });

  it('an IP reused by a Running pod after a Completed one belongs to the Running pod, with no duplicate warning', () => {
    expect(live('shop/api-5f6d8-qqqq')!.ip.key).toBe('10.244.1.20');
    expect(r.diagnostics.filter((d) => d.code === 'duplicate-ip')).toEqual([]);
  });

  it('keeps phase, readiness, termination and owners', () => {
    const old = live('shop/web-7d4b9c-old')!;
    expect([old.phase, old.ready, old.terminating]).toEqual(['Running', false, true]);
    expect(live('shop/web-7d4b9c-abcde')!.terminating).toBeUndefined();
    expect(live('shop/web-7d4b9c-abcde')!.owners).toEqual([
      { kind: 'ReplicaSet', name: 'web-7d4b9c', controller: true },
    ]);
  });

  it('reads status.loadBalancer.ingress (IP and hostname), externalIPs and both traffic policies', () => {
    const svc = (name: string) => r.cluster.services.find((s) => s.name === name)!;
    expect(svc('web').loadBalancerIngress.map((i) => i.ip?.key)).toEqual(['203.0.113.10']);
    expect(svc('elb').loadBalancerIngress).toEqual([{ hostname: 'a1b2.elb.example.com' }]);
    expect(svc('legacy').externalIPs.map((i) => i.key)).toEqual(['198.51.100.7']);
    expect(svc('web').externalTrafficPolicy).toBe('Local');
    expect(svc('api').internalTrafficPolicy).toBe('Local');
    expect(svc('db').internalTrafficPolicy).toBe('Cluster');
  });

  it('merges Endpoints and EndpointSlices per Service, the slices winning over the Endpoints object', () => {
    const sets = Object.fromEntries(r.cluster.endpointSets.map((e) => [`${e.namespace}/${e.service}`, e]));
    expect(Object.keys(sets).sort()).toEqual(['default/kubernetes', 'shop/db']);
    expect(sets['default/kubernetes']!.from).toBe('EndpointSlice');
    expect(sets['default/kubernetes']!.groups[0]!.addresses.map((a) => a.ip.key)).toEqual(['192.168.1.10']);
    expect(sets['shop/db']!.groups[0]!.addresses.map((a) => [a.ip.key, a.ready])).toEqual([
      ['10.10.0.5', true],
      ['10.10.0.6', false],
    ]);
  });

  it('summarises every other kind once per kind, never as an error; Calico and Cilium policies are named', () => {
    const ignored = r.diagnostics.filter((d) => d.code === 'kind-ignored').map((d) => d.message.en);
    expect(ignored).toEqual([
      'ServiceMonitor (monitoring.coreos.com/v1): 2 objects skipped — netlab does not model this kind',
      'Certificate (cert-manager.io/v1): 1 object skipped — netlab does not model this kind',
      'Deployment (apps/v1): 1 object skipped — netlab does not model this kind',
      'ReplicaSet (apps/v1): 1 object skipped — netlab does not model this kind',
      'Job (batch/v1): 1 object skipped — netlab does not model this kind',
    ]);
    expect(r.cluster.foreignPolicies.map((p) => [p.engine, p.kind, p.namespace ?? '*', p.name])).toEqual([
      ['calico', 'GlobalNetworkPolicy', '*', 'deny-egress-internet'],
      ['calico', 'NetworkPolicy', 'shop', 'shop-extra'],
      ['cilium', 'CiliumNetworkPolicy', 'batch', 'batch-l7'],
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'policy-not-evaluated')).toHaveLength(3);
  });

  it('records workload owners: ReplicaSet → Deployment, Job → CronJob', () => {
    expect(r.cluster.owned.map((o) => [o.kind, o.name, o.owners.map((x) => `${x.kind}/${x.name}`)])).toEqual([
      ['Deployment', 'web', []],
      ['ReplicaSet', 'web-7d4b9c', ['Deployment/web']],
      ['Job', 'report-28391', ['CronJob/report']],
    ]);
  });
});

describe('pod phase on small manifests', () => {
  const pod = (status: string, extra = '') =>
    load(y`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        ${extra}
      spec:
        nodeName: n1
        containers: [{name: c}]
      ${status}
    `);

  it.each([
    ['no status: netlab assigns an address (a manifest as written)', '', 1, 0],
    ['Running with podIP: live', 'status: {phase: Running, podIP: 10.1.0.5}', 1, 0],
    ['Pending with podIP: live (the address is assigned)', 'status: {phase: Pending, podIP: 10.1.0.5}', 1, 0],
    ['Pending without podIP: no invented address', 'status: {phase: Pending}', 0, 1],
    ['Succeeded keeps no address even with podIP', 'status: {phase: Succeeded, podIP: 10.1.0.5}', 0, 1],
    ['Failed keeps no address', 'status: {phase: Failed, podIP: 10.1.0.5}', 0, 1],
    ['Unknown with podIP: live', 'status: {phase: Unknown, podIP: 10.1.0.5}', 1, 0],
  ])('%s', (_, status, pods, inactive) => {
    const r = pod(status);
    expect(r.hasErrors).toBe(false);
    expect([r.cluster.pods.length, r.cluster.inactivePods.length]).toEqual([pods, inactive]);
  });

  it('marks deletionTimestamp as terminating and reads the Ready condition', () => {
    const r = pod(
      'status: {phase: Running, podIP: 10.1.0.5, conditions: [{type: Ready, status: "False"}]}',
      'deletionTimestamp: "2024-05-01T11:00:00Z"',
    );
    expect([r.cluster.pods[0]!.terminating, r.cluster.pods[0]!.ready]).toEqual([true, false]);
  });

  it('a phase that is no pod phase is a warning and reads as Unknown', () => {
    const r = pod('status: {phase: Runing, podIP: 10.1.0.5}');
    expect(where(one(r, 'pod-phase'))).toBe('t.yaml:9:17 warning pod-phase');
    expect(r.cluster.pods[0]!.phase).toBe('Unknown');
  });
});

describe('kinds', () => {
  it('a custom resource is skipped with one warning per kind, however many objects there are', () => {
    const cr = (n: number) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w${n}\n`;
    const r = load([1, 2, 3].map(cr).join('---\n'));
    expect(r.hasErrors).toBe(false);
    expect(r.diagnostics.map((d) => `${where(d)} ${d.message.en}`)).toEqual([
      't.yaml:2:7 warning kind-ignored Widget (example.com/v1): 3 objects skipped — netlab does not model this kind',
    ]);
  });

  it('a custom kind whose name looks like a modelled one is not "did you mean Service"', () => {
    const r = load('apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\n');
    expect(r.diagnostics.map((d) => [d.code, d.hint])).toEqual([['kind-ignored', undefined]]);
  });

  it('a misspelt kind in a modelled group is still an error with a suggestion', () => {
    const r = load('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicie\nmetadata:\n  name: m\n');
    expect(one(r, 'kind').hint?.en).toContain('did you mean NetworkPolicy');
  });

  it('a Calico policy is named, not evaluated; a Calico IPPool is just skipped', () => {
    const r = load(y`
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: a, namespace: shop}
      ---
      apiVersion: crd.projectcalico.org/v1
      kind: IPPool
      metadata: {name: pool}
    `);
    expect(r.cluster.foreignPolicies.map((p) => `${p.engine} ${p.namespace}/${p.name}`)).toEqual([
      'calico shop/a',
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['policy-not-evaluated', 'kind-ignored']);
  });

  it('an EndpointSlice without its Service label is skipped with a warning', () => {
    const r = load(y`
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: s}
      addressType: IPv4
      endpoints: [{addresses: [10.0.0.1]}]
    `);
    expect(one(r, 'endpointslice-no-service').severity).toBe('warning');
    expect(r.cluster.endpointSets).toEqual([]);
  });

  it('an EndpointSlice endpoint without conditions is ready; serving follows ready; terminating defaults to false', () => {
    const r = load(y`
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: s, labels: {kubernetes.io/service-name: db}}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.1]
      - addresses: [10.0.0.2]
        conditions: {ready: false, serving: true, terminating: true}
      ports: [{name: pg, port: 5432}]
    `);
    const a = r.cluster.endpointSets[0]!.groups[0]!.addresses;
    expect(a.map((x) => [x.ip.key, x.ready, x.serving, x.terminating])).toEqual([
      ['10.0.0.1', true, true, false],
      ['10.0.0.2', false, true, true],
    ]);
  });
});

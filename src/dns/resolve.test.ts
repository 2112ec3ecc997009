// Names a pod resolves, checked against the Kubernetes DNS specification and glibc's search
// rules: the search list and ndots, Services, headless Services, pod records, hostname/subdomain
// (StatefulSet) records, ExternalName CNAMEs, and what goes upstream.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../engine/services';
import { namespace, node, pod, scenario } from '../testing/scenario';
import { candidateNames, resolveFromPod, resolvConfText, withClusterDns, podResolvConf } from './index';

const svc = (key: string, spec: string): string => {
  const [ns, name] = key.split('/');
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
};
const external = (name: string, ip: string): string =>
  `apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: ${name}}\nspec: {ip: ${ip}}`;
const statefulPod = (key: string, host: string, sub: string, labels: Record<string, string>): string =>
  pod(key, labels, { node: 'n1' }).replace('spec:\n', `spec:\n  hostname: ${host}\n  subdomain: ${sub}\n`);

const base = withClusterDns(
  scenario(
    node('n1', '192.168.1.11', '10.244.1.0/24'),
    namespace('prod'),
    namespace('test'),
    pod('prod/web', { app: 'web' }, { node: 'n1' }),
    pod('test/client', {}, { node: 'n1' }),
    pod('prod/host', {}, { node: 'n1', hostNetwork: true }),
    svc('prod/data', '{selector: {app: web}, ports: [{port: 80}]}'),
    svc('prod/peers', '{clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}'),
    svc('prod/empty', '{clusterIP: None, selector: {app: nothing}, ports: [{port: 80}]}'),
    svc('prod/legacy', '{type: ExternalName, externalName: db.example.com}'),
    svc('prod/cloud', '{type: ExternalName, externalName: api.example.net}'),
    statefulPod('prod/db-0', 'db-0', 'peers', { app: 'db' }),
    statefulPod('prod/db-1', 'db-1', 'peers', { app: 'db' }),
    external('db.example.com', '203.0.113.5'),
  ),
);

const resolve = (from: string, name: string) => resolveFromPod(base, from, name)!;
const queries = (from: string, name: string): string[] => resolve(from, name).tries.map((x) => x.query);
const answer = (from: string, name: string): readonly string[] | string => {
  const a = resolve(from, name).answer;
  return a === undefined ? 'none' : a.kind === 'unknown' ? 'unknown' : a.addresses;
};

describe('a pod resolv.conf (dnsPolicy ClusterFirst)', () => {
  it('names kube-dns at the Service range .10, searches the pod namespace first, ndots:5', () => {
    const conf = podResolvConf({ namespace: 'test', hostNetwork: false }, buildServices(base));
    expect(resolvConfText(conf)).toBe(
      'search test.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it("a host-network pod uses its node's resolver unless it asks for ClusterFirstWithHostNet", () => {
    const services = buildServices(base);
    expect(podResolvConf({ namespace: 'prod', hostNetwork: true }, services).nameserver).toBeNull();
    expect(
      podResolvConf({ namespace: 'prod', hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }, services)
        .nameserver,
    ).toBe('10.96.0.10');
    expect(
      podResolvConf({ namespace: 'prod', hostNetwork: false, dnsPolicy: 'Default' }, services).nameserver,
    ).toBeNull();
  });
});

describe('the search list and ndots', () => {
  it.each([
    // [from, name, names asked until the answer]
    ['prod/web', 'data', ['data.prod.svc.cluster.local.']],
    [
      'test/client',
      'data',
      ['data.test.svc.cluster.local.', 'data.svc.cluster.local.', 'data.cluster.local.', 'data.'],
    ],
    ['test/client', 'data.prod', ['data.prod.test.svc.cluster.local.', 'data.prod.svc.cluster.local.']],
    [
      'test/client',
      'data.prod.svc',
      [
        'data.prod.svc.test.svc.cluster.local.',
        'data.prod.svc.svc.cluster.local.',
        'data.prod.svc.cluster.local.',
      ],
    ],
    [
      'test/client',
      'data.prod.svc.cluster.local',
      [
        'data.prod.svc.cluster.local.test.svc.cluster.local.',
        'data.prod.svc.cluster.local.svc.cluster.local.',
        'data.prod.svc.cluster.local.cluster.local.',
        'data.prod.svc.cluster.local.',
      ],
    ],
    ['test/client', 'data.prod.svc.cluster.local.', ['data.prod.svc.cluster.local.']],
    ['test/client', 'a.b.c.d.example.com', ['a.b.c.d.example.com.']],
  ])('%s asks for %s: %j', (from, name, expected) => {
    expect(queries(from, name)).toEqual(expected);
  });

  it('data from test: NXDOMAIN for every cluster name, then upstream (unknown to netlab)', () => {
    expect(answer('test/client', 'data')).toBe('unknown');
    expect(answer('test/client', 'data.prod')).toEqual(['10.96.0.11']);
  });

  it('candidate names: as written last below ndots, first at or above it, alone with a final dot', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 6 }),
        (labels, ndots) => {
          const name = labels.join('.');
          const search = ['ns.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
          const names = candidateNames(name, { search, ndots });
          expect(names).toHaveLength(4);
          expect(names.every((n) => n.endsWith('.'))).toBe(true);
          const dots = labels.length - 1;
          expect(dots >= ndots ? names[0] : names[3]).toBe(`${name}.`);
          expect(candidateNames(`${name}.`, { search, ndots })).toEqual([`${name}.`]);
        },
      ),
    );
  });
});

describe('records', () => {
  it.each([
    ['a Service: its ClusterIP', 'data.prod.svc.cluster.local.', ['10.96.0.11']],
    [
      'a headless Service: one A per ready endpoint',
      'peers.prod.svc.cluster.local.',
      ['10.244.1.4', '10.244.1.5'],
    ],
    ['a StatefulSet pod by hostname.subdomain', 'db-1.peers.prod.svc.cluster.local.', ['10.244.1.5']],
    ['a pod record, dashed address', '10-244-1-2.prod.pod.cluster.local.', ['10.244.1.2']],
    [
      'a pod record for an address no pod has (pods insecure)',
      '10-1-2-3.prod.pod.cluster.local.',
      ['10.1.2.3'],
    ],
    [
      'an ExternalName: the CNAME target, known as an ExternalEndpoint',
      'legacy.prod.svc.cluster.local.',
      ['203.0.113.5'],
    ],
    ['an ExternalName whose target netlab cannot know', 'cloud.prod.svc.cluster.local.', []],
    ['a headless Service with no ready endpoint', 'empty.prod.svc.cluster.local.', 'none'],
    ['a Service in a namespace it is not in', 'data.test.svc.cluster.local.', 'none'],
    ['a hostname of a Service that is not headless', 'db-0.data.prod.svc.cluster.local.', 'none'],
    ['an upstream name the scenario names', 'db.example.com.', ['203.0.113.5']],
  ])('%s', (_, name, expected) => {
    expect(answer('test/client', name)).toEqual(expected);
  });

  it('an ExternalName answers with a CNAME', () => {
    const a = resolve('prod/web', 'legacy').answer;
    expect(a).toMatchObject({ kind: 'answer', cname: 'db.example.com', target: { kind: 'external-name' } });
  });

  it("a host-network pod cannot resolve cluster names through its node's resolver", () => {
    expect(queries('prod/host', 'data.prod.svc.cluster.local')).toEqual(['data.prod.svc.cluster.local.']);
    expect(answer('prod/host', 'data.prod.svc.cluster.local')).toBe('none');
  });
});

describe('the implicit CoreDNS', () => {
  it('adds kube-system, kube-dns at .10 and two CoreDNS pods after the scenario pods, all implicit', () => {
    const dns = base.services.find((s) => s.name === 'kube-dns')!;
    expect(dns).toMatchObject({ namespace: 'kube-system', clusterIP: '10.96.0.10', implicit: true });
    expect(base.namespaces.get('kube-system')?.labels).toEqual({
      'kubernetes.io/metadata.name': 'kube-system',
    });
    const core = base.pods.filter((p) => p.namespace === 'kube-system');
    expect(core.map((p) => [p.name, p.ip.key, p.labels['k8s-app'], p.implicit])).toEqual([
      ['coredns-1', '10.244.1.6', 'kube-dns', true],
      ['coredns-2', '10.244.1.7', 'kube-dns', true],
    ]);
  });

  it('keeps a scenario that defines its own kube-dns as written', () => {
    const own = scenario(
      svc('kube-system/kube-dns', '{clusterIP: 10.96.0.10, ports: [{port: 53, protocol: UDP}]}'),
    );
    expect(withClusterDns(own)).toBe(own);
  });
});

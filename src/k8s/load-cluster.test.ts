// loadCluster: reading files, the API server's validation and defaulting, and where each
// diagnostic points. Expectations come from the networking.k8s.io/v1 and core/v1 API reference
// (pkg/apis/networking/validation, metav1 label selector validation, SetDefaults_NetworkPolicy);
// line:col values were counted by hand in the YAML literals (line 1 is the first YAML line).
import { describe, expect, it } from 'vitest';
import { y } from '../testing/dedent';
import { load, one, where } from '../testing/load-helpers';
import { loadCluster, NAMESPACE_NAME_LABEL, type LoadResult } from './load-cluster';

const ips = (r: LoadResult): Record<string, string> =>
  Object.fromEntries(r.cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p.ip.key]));

describe('input', () => {
  it('reads every document of a multi-document file and skips empty documents', () => {
    const r = load(y`
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
      ---
      ---
      # only a comment
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: Bad_Name
    `);
    // Lines are counted over the whole file: the second object starts on line 10.
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:13:9 error name']);
    expect(r.diagnostics[0]!.message.en).toContain('Bad_Name');
    expect(r.cluster.namespaces.has('a')).toBe(true);
  });

  it('an empty file, or one with only comments, is an empty scenario without diagnostics', () => {
    for (const text of ['', '\n\n', '# nothing here\n', '---\n---\n']) {
      const r = load(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.hasErrors).toBe(false);
      expect(r.cluster.pods).toEqual([]);
      expect(r.cluster.policies).toEqual([]);
      expect(r.cluster.namespaces.size).toBe(0);
    }
  });

  it('a document that is not a mapping is an error at its start', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
      ---
      - just
      - a list
    `);
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:6:1 error not-an-object']);
    expect(r.cluster.namespaces.has('a')).toBe(true);
  });

  it('kind: List yields its items, and their diagnostics point into the List', () => {
    const r = load(y`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata:
          name: prod
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
          namespace: prod
        spec:
          podSelector: {}
          ingress:
          - ports:
            - protocol: tcp
    `);
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:17:19 error protocol']);
    expect(r.cluster.namespaces.get('prod')!.declared).toBe(true);
    expect(r.cluster.policies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['prod/p']);
  });

  it('kubectl get … -o json reads like the YAML dump: a JSON List with server fields, and errors at their line', () => {
    const dump = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'shop',
            uid: '1a2b',
            resourceVersion: '42',
            labels: { 'kubernetes.io/metadata.name': 'shop' },
          },
          spec: { finalizers: ['kubernetes'] },
          status: { phase: 'Active' },
        },
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: 'cart-7d9f',
            namespace: 'shop',
            labels: { app: 'cart' },
            managedFields: [{ manager: 'kubectl', operation: 'Update' }],
            ownerReferences: [{ kind: 'ReplicaSet', name: 'cart' }],
          },
          spec: {
            nodeName: 'kind-worker',
            containers: [
              {
                name: 'cart',
                image: 'cart:1',
                ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
              },
            ],
          },
          status: {
            phase: 'Running',
            podIP: '10.244.1.7',
            podIPs: [{ ip: '10.244.1.7' }],
            hostIP: '172.18.0.3',
          },
        },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'cart-in', namespace: 'shop', generation: 1 },
          spec: {
            podSelector: { matchLabels: { app: 'cart' } },
            ingress: [{ ports: [{ port: 'http', protocol: 'tcp' }] }],
          },
        },
      ],
    };
    const r = load(JSON.stringify(dump, null, 4) + '\n');
    expect(r.cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p.ip.key])).toEqual([
      ['shop/cart-7d9f', '10.244.1.7'],
    ]);
    expect(r.cluster.policies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['shop/cart-in']);
    // The one mistake (a lower-case protocol) is placed on its line of the JSON text.
    const d = one(r, 'protocol');
    const lines = (JSON.stringify(dump, null, 4) + '\n').split('\n');
    expect(lines[d.line - 1]).toContain('"protocol": "tcp"');
  });

  it('a duplicate inside a List is reported at the item, naming where the first item starts', () => {
    const r = load(y`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata: {name: a}
      - apiVersion: v1
        kind: Namespace
        metadata: {name: a}
    `);
    const d = one(r, 'duplicate');
    expect([d.line, d.col]).toEqual([9, 20]);
    expect(d.message.en).toContain('t.yaml:4:3');
  });

  it('a List without a list of items is an error at items', () => {
    const r = load(y`
      apiVersion: v1
      kind: List
      items: {}
    `);
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:3:1 error list-items']);
  });

  it('a YAML syntax error is located, and the other documents still load', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
        name: b
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: c
    `);
    // Duplicate keys are an error in YAML 1.2; yaml reports it at the repeated key.
    const d = one(r, 'yaml-syntax');
    expect(where(d)).toBe('t.yaml:5:3 error yaml-syntax');
    expect(d.message.en).toMatch(/^YAML: /);
    expect(d.message.en).toMatch(/unique/i);
    expect(r.diagnostics).toHaveLength(1);
    expect([...r.cluster.namespaces.keys()]).toEqual(['c']);
  });

  it('two files: diagnostics carry their file, sorted by file then position; duplicates span files', () => {
    const ns = (name: string): string => y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ${name}
    `;
    const r = loadCluster([
      { name: 'b.yaml', text: `${ns('shared')}---\n${ns('BAD')}` },
      { name: 'a.yaml', text: `${ns('shared')}---\n${ns('Also_Bad')}` },
    ]);
    // b.yaml is read first, so a.yaml's `shared` is the duplicate.
    expect(r.diagnostics.map(where)).toEqual([
      'a.yaml:4:9 error duplicate',
      'a.yaml:9:9 error name',
      'b.yaml:9:9 error name',
    ]);
    expect(r.diagnostics[0]!.message.en).toContain('b.yaml:1:1');
  });
});

describe('defaulting', () => {
  it('namespaced objects without metadata.namespace are in default, which then exists', () => {
    const r = load(y`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: c
    `);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.pods[0]!.namespace).toBe('default');
    expect(r.cluster.namespaces.get('default')).toEqual({
      name: 'default',
      labels: { [NAMESPACE_NAME_LABEL]: 'default' },
      declared: false,
    });
  });

  it('a port without protocol is TCP', () => {
    const r = load(y`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: p
      spec:
        podSelector: {}
        ingress:
        - ports:
          - port: 80
          - protocol: UDP
            port: 53
    `);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies[0]!.ingress[0]!.ports).toEqual([
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', port: 53 },
    ]);
  });

  const policyTypeCases: { name: string; spec: string; types: string[]; defaulted: boolean }[] = [
    { name: 'absent, no rules → [Ingress]', spec: 'podSelector: {}', types: ['Ingress'], defaulted: true },
    {
      name: 'absent, ingress rules only → [Ingress]',
      spec: 'podSelector: {}\n  ingress: [{}]',
      types: ['Ingress'],
      defaulted: true,
    },
    {
      name: 'absent, egress rules → [Ingress, Egress]',
      spec: 'podSelector: {}\n  egress: [{}]',
      types: ['Ingress', 'Egress'],
      defaulted: true,
    },
    {
      name: 'absent, egress: [] → [Ingress] only',
      spec: 'podSelector: {}\n  egress: []',
      types: ['Ingress'],
      defaulted: true,
    },
    {
      name: 'policyTypes: [] is treated as absent',
      spec: 'podSelector: {}\n  policyTypes: []\n  egress: [{}]',
      types: ['Ingress', 'Egress'],
      defaulted: true,
    },
    {
      name: 'explicit [Egress] is kept',
      spec: 'podSelector: {}\n  policyTypes: [Egress]',
      types: ['Egress'],
      defaulted: false,
    },
    {
      name: 'explicit [Egress, Ingress] is kept',
      spec: 'podSelector: {}\n  policyTypes: [Egress, Ingress]',
      types: ['Egress', 'Ingress'],
      defaulted: false,
    },
  ];
  it.each(policyTypeCases)('policyTypes: $name', ({ spec, types, defaulted }) => {
    const r = load(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  ${spec}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies[0]!.policyTypes).toEqual(types);
    expect(r.cluster.policies[0]!.policyTypesDefaulted).toBe(defaulted);
  });

  it('every Namespace gets kubernetes.io/metadata.name; a referenced one exists with only that label', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
        labels:
          team: a
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
        namespace: shop
      spec:
        containers:
        - name: c
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: p
        namespace: audit
      spec:
        podSelector: {}
    `);
    expect(r.diagnostics).toEqual([]);
    const ns = (n: string) => {
      const x = r.cluster.namespaces.get(n)!;
      return { labels: x.labels, declared: x.declared };
    };
    expect(ns('prod')).toEqual({ labels: { team: 'a', [NAMESPACE_NAME_LABEL]: 'prod' }, declared: true });
    expect(ns('shop')).toEqual({ labels: { [NAMESPACE_NAME_LABEL]: 'shop' }, declared: false });
    expect(ns('audit')).toEqual({ labels: { [NAMESPACE_NAME_LABEL]: 'audit' }, declared: false });
    expect(r.cluster.namespaces.has('default')).toBe(false);
  });

  it('a Namespace cannot set its own kubernetes.io/metadata.name: the API server overwrites it', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
        labels:
          kubernetes.io/metadata.name: production
    `);
    const d = one(r, 'namespace-name-label');
    expect(where(d)).toBe('t.yaml:6:34 warning namespace-name-label');
    expect(d.message.en).toContain('"prod"');
    expect(r.cluster.namespaces.get('prod')!.labels).toEqual({ [NAMESPACE_NAME_LABEL]: 'prod' });
  });

  const node = (name: string, ip: string, cidr: string): string => y`
    apiVersion: v1
    kind: Node
    metadata:
      name: ${name}
    spec:
      podCIDR: ${cidr}
    status:
      addresses:
      - type: InternalIP
        address: ${ip}
  `;
  const pod = (name: string, extra: { node?: string; ip?: string; hostNetwork?: boolean } = {}): string =>
    [
      'apiVersion: v1',
      'kind: Pod',
      `metadata: {name: ${name}}`,
      'spec:',
      ...(extra.node ? [`  nodeName: ${extra.node}`] : []),
      ...(extra.hostNetwork ? ['  hostNetwork: true'] : []),
      '  containers: [{name: c}]',
      ...(extra.ip ? [`status: {podIP: ${extra.ip}}`] : []),
    ].join('\n');

  it('the first pod without status.podIP and without a node gets 10.244.0.2', () => {
    const r = load([pod('a'), pod('b')].join('\n---\n'));
    expect(r.diagnostics).toEqual([]);
    expect(ips(r)).toEqual({ 'default/a': '10.244.0.2', 'default/b': '10.244.0.3' });
    expect(r.cluster.pods.map((p) => p.ipSource)).toEqual(['default-pod-cidr', 'default-pod-cidr']);
  });

  it('pod IPs: status.podIP, else the node podCIDR from .2 skipping used addresses, else 10.244.0.0/16; hostNetwork gets the node InternalIP', () => {
    const text = [
      node('n1', '192.168.1.10', '10.1.1.0/24'),
      pod('a', { node: 'n1' }),
      pod('b', { node: 'n1', ip: '10.1.1.3' }),
      pod('c', { node: 'n1' }),
      pod('d'),
      pod('e', { ip: '10.244.0.2' }),
      pod('h', { node: 'n1', hostNetwork: true }),
      pod('s', { ip: '172.16.0.9' }),
    ].join('\n---\n');
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(ips(r)).toEqual({
      'default/a': '10.1.1.2',
      'default/b': '10.1.1.3',
      'default/c': '10.1.1.4', // .3 is b's
      'default/d': '10.244.0.3', // .2 is e's
      'default/e': '10.244.0.2',
      'default/h': '192.168.1.10',
      'default/s': '172.16.0.9',
    });
    expect(Object.fromEntries(r.cluster.pods.map((p) => [p.name, p.ipSource]))).toEqual({
      a: 'node-pod-cidr',
      b: 'status',
      c: 'node-pod-cidr',
      d: 'default-pod-cidr',
      e: 'status',
      h: 'host-network',
      s: 'status',
    });
    // Deterministic: the same files give the same addresses and the same diagnostics.
    const again = load(text);
    expect(ips(again)).toEqual(ips(r));
    expect(again.diagnostics).toEqual(r.diagnostics);
  });

  it('is deterministic for diagnostics too', () => {
    const text = y`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p}
      spec:
        podSelector: {matchLabels: {a: 1}}
        policyTypes: [ingress]
        ingress:
        - ports: [{protocol: tcp, port: "80"}]
    `;
    const a = load(text);
    expect(a.diagnostics.length).toBe(4);
    expect(load(text).diagnostics).toEqual(a.diagnostics);
  });
});

// Lint warnings about the scenario as a whole: selectors that match no pod or namespace, policies
// in a namespace without pods, DNS blocked by egress rules, named ports no pod declares, ipBlocks
// that cover pod IPs.
import { describe, expect, it } from 'vitest';
import { y } from '../testing/dedent';
import { codes, lint, one, web, where } from '../testing/lint-helpers';
import { namespace, pod } from '../testing/scenario';

describe('scenario lints', () => {
  it('a spec.podSelector that matches no pod', () => {
    const policy = y`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: p
      spec:
        podSelector:
          matchLabels:
            app: wbe
    `;
    const d = one(lint(policy, web), 'selects-nothing');
    expect(where(d)).toBe('7:5 warning selects-nothing');
    expect(d.message.en).toContain('app=wbe');
    expect(d.message.en).toContain('namespace default');
    expect(codes(lint(policy.replace('wbe', 'web'), web))).not.toContain('selects-nothing');
  });

  it('a pod with the labels in another namespace does not count', () => {
    const ds = lint(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {matchLabels: {app: api}}\n',
      web,
      pod('prod/api', { app: 'api' }),
    );
    expect(where(one(ds, 'selects-nothing'))).toBe('6:16 warning selects-nothing');
  });

  it('a policy in a namespace with no pods', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
          namespace: prod
        spec:
          podSelector: {}
      `,
      web,
    );
    const d = one(ds, 'empty-namespace');
    expect(where(d)).toBe('5:14 warning empty-namespace');
    expect(d.message.en).toContain('namespace prod has no pods');
    expect(codes(ds)).not.toContain('selects-nothing');
  });

  const nsPolicy = (labels: string): string => y`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: p
    spec:
      podSelector: {}
      ingress:
      - from:
        - namespaceSelector:
            matchLabels:
              ${labels}
  `;

  it('a namespaceSelector name: prod matches no namespace: hint kubernetes.io/metadata.name', () => {
    const ds = lint(nsPolicy('name: prod'), namespace('prod'), pod('prod/api', { app: 'api' }), web);
    const d = one(ds, 'peer-matches-nothing');
    expect(where(d)).toBe('10:9 warning peer-matches-nothing');
    expect(d.message.en).toContain('name=prod');
    expect(d.hint?.en).toContain('kubernetes.io/metadata.name: prod');
  });

  it('with no such namespace at all the hint still names kubernetes.io/metadata.name', () => {
    const d = one(lint(nsPolicy('name: prod'), web), 'peer-matches-nothing');
    expect(where(d)).toBe('10:9 warning peer-matches-nothing');
    expect(d.hint?.en).toContain('kubernetes.io/metadata.name: <name>');
  });

  it('selecting by kubernetes.io/metadata.name matches, declared or not', () => {
    expect(
      codes(lint(nsPolicy('kubernetes.io/metadata.name: prod'), namespace('prod'), pod('prod/api'), web)),
    ).not.toContain('peer-matches-nothing');
    expect(codes(lint(nsPolicy('kubernetes.io/metadata.name: prod'), pod('prod/api'), web))).not.toContain(
      'peer-matches-nothing',
    );
  });

  it('a podSelector peer alone only looks in the policy namespace', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector: {}
          ingress:
          - from:
            - podSelector:
                matchLabels:
                  app: api
      `,
      web,
      pod('prod/api', { app: 'api' }),
    );
    const d = one(ds, 'peer-matches-nothing');
    expect(where(d)).toBe('9:7 warning peer-matches-nothing');
    expect(d.hint?.en).toContain("policy's namespace");
  });

  const dnsCases: {
    name: string;
    spec: string;
    extra?: string[];
    at?: [number, number];
    missing?: string;
  }[] = [
    {
      name: 'policyTypes [Egress] without rules',
      spec: '  policyTypes:\n  - Egress\n',
      at: [8, 3],
      missing: '53/UDP, 53/TCP',
    },
    {
      name: 'defaulted Ingress+Egress with a rule for 5432 only (warned at spec.egress)',
      spec: '  egress:\n  - to:\n    - podSelector: {}\n    ports:\n    - port: 5432\n',
      at: [8, 3],
      missing: '53/UDP, 53/TCP',
    },
    {
      name: 'only 53/UDP allowed',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n',
      at: [7, 16],
      missing: '53/TCP',
    },
    {
      name: 'a rule for 53/UDP and 53/TCP',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n',
    },
    {
      name: 'a rule without ports',
      spec: '  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {}}]\n',
    },
    {
      name: 'a port range over 53 for both protocols',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 50, endPort: 60, protocol: UDP}\n    - {port: 50, endPort: 60}\n',
    },
    {
      name: 'a rule with a protocol and no port number',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports: [{protocol: UDP}, {protocol: TCP}]\n',
    },
    {
      name: 'named ports that resolve to 53 on the DNS pod',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]\n',
      extra: [
        pod(
          'kube-system/coredns',
          { 'k8s-app': 'kube-dns' },
          {
            ports: [
              ['dns', 53, 'UDP'],
              ['dns-tcp', 53, 'TCP'],
            ],
          },
        ),
      ],
    },
    {
      name: 'another policy selecting the same pods allows DNS',
      spec: '  policyTypes: [Egress]\n',
      extra: [
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: dns}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: 53, protocol: UDP}, {port: 53}]}]',
      ],
    },
    {
      name: 'ports 53 only to the kube-dns ClusterIP by ipBlock (judged after DNAT: not DNS)',
      spec: '  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 10.96.0.10/32}}]\n    ports: [{port: 53, protocol: UDP}, {port: 53}]\n',
      at: [7, 16],
      missing: '53/UDP, 53/TCP',
    },
    {
      name: 'ports 53 to namespace kube-system AND k8s-app=kube-dns',
      spec: '  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n    ports: [{port: 53, protocol: UDP}, {port: 53}]\n',
    },
    {
      name: 'ports 53 to pods labelled k8s-app=kube-dns in the policy namespace (not kube-system)',
      spec: '  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n    ports: [{port: 53, protocol: UDP}, {port: 53}]\n',
      at: [7, 16],
      missing: '53/UDP, 53/TCP',
    },
    { name: 'an Ingress-only policy', spec: '  policyTypes: [Ingress]\n' },
  ];
  it.each(dnsCases)('dns-blocked: $name', ({ spec, extra = [], at, missing }) => {
    const ds = lint(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n${spec}`,
      web,
      ...extra,
    );
    const dns = ds.filter((d) => d.code === 'dns-blocked');
    if (!at) {
      expect(dns).toEqual([]);
      return;
    }
    expect(dns.map(where)).toEqual([`${at[0]}:${at[1]} warning dns-blocked`]);
    expect(dns[0]!.message.en).toContain(`(${missing})`);
    expect(dns[0]!.hint?.en).toContain('53/UDP and 53/TCP');
  });

  it('an ipBlock holding the kube-dns ClusterIP on port 53 is warned at its cidr; one holding the pods is not', () => {
    const policy = (cidr: string): string =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: ${cidr}}}]\n    ports: [{port: 53, protocol: UDP}]\n`;
    const d = one(lint(policy('10.96.0.10/32'), web), 'dns-cluster-ip-block');
    expect(where(d)).toBe('9:27 warning dns-cluster-ip-block');
    expect(d.message.en).toContain("after kube-proxy's DNAT");
    expect(d.hint?.en).toContain('kube-system AND podSelector k8s-app: kube-dns');
    expect(codes(lint(policy('0.0.0.0/0'), web))).not.toContain('dns-cluster-ip-block');
  });

  it('the dns-blocked hint names the narrow peer: namespace kube-system AND k8s-app: kube-dns', () => {
    const d = one(
      lint(
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n',
        web,
      ),
      'dns-blocked',
    );
    expect(d.hint?.en).toContain(
      'namespaceSelector kubernetes.io/metadata.name: kube-system AND podSelector k8s-app: kube-dns',
    );
  });

  it('a policy that selects no pod is not dns-blocked', () => {
    const ds = lint(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {matchLabels: {app: none}}\n  policyTypes: [Egress]\n',
      web,
    );
    expect(codes(ds)).toEqual(['selects-nothing']);
  });

  const namedPort = (ports: string, selector = '{}'): string =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: ${selector}\n  ingress:\n  - ports:\n${ports}`;

  it('a named port no pod declares', () => {
    const d = one(lint(namedPort('    - port: metrics\n'), web), 'named-port-undeclared');
    expect(where(d)).toBe('9:13 warning named-port-undeclared');
    expect(d.message.en).toContain('named port metrics');
    expect(d.message.en).toContain('TCP');
    expect(d.hint?.en).toContain('spec.containers[].ports[].name');
  });

  it('a named port declared with another protocol, or only on pods the policy does not select', () => {
    expect(
      where(one(lint(namedPort('    - {port: http, protocol: UDP}\n'), web), 'named-port-undeclared')),
    ).toBe('9:14 warning named-port-undeclared');
    const db = pod('default/db', { app: 'db' }, { ports: [['metrics', 9090]] });
    const d = one(
      lint(namedPort('    - port: metrics\n', '{matchLabels: {app: web}}'), web, db),
      'named-port-undeclared',
    );
    expect(d.message.en).toContain('no pod this policy selects');
  });

  it('a named port a selected pod declares is fine', () => {
    expect(codes(lint(namedPort('    - port: http\n'), web))).toEqual([]);
  });

  it('an ipBlock that covers pod IPs', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector: {}
          ingress:
          - from:
            - ipBlock:
                cidr: 10.244.0.0/16
      `,
      web,
    );
    const d = one(ds, 'ipblock-covers-pods');
    expect(where(d)).toBe('10:15 warning ipblock-covers-pods');
    // web has no status.podIP and no node: it gets 10.244.0.2.
    expect(d.message.en).toContain('default/web (10.244.0.2)');
    expect(d.hint?.en).toContain('except');
  });

  it('an ipBlock whose except removes the pod network, or outside it, covers no pod', () => {
    for (const block of ['{cidr: 10.0.0.0/8, except: [10.244.0.0/16]}', '{cidr: 192.168.5.10/32}']) {
      const ds = lint(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: ${block}}]\n`,
        web,
      );
      expect(ds).toEqual([]);
    }
  });

  it('a well-formed scenario has no warnings', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector:
            matchLabels:
              app: web
          policyTypes: [Ingress, Egress]
          ingress:
          - from:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: prod
              podSelector:
                matchLabels:
                  app: api
            ports:
            - port: http
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
            ports:
            - {port: 53, protocol: UDP}
            - {port: 53, protocol: TCP}
      `,
      web,
      pod('prod/api', { app: 'api' }),
      pod('kube-system/coredns', { 'k8s-app': 'kube-dns' }),
    );
    expect(ds).toEqual([]);
  });
});

// Lint warnings: mistakes that validate (or are rejected) but rarely mean what their author
// wanted. Run the way `netlab lint` runs them: loadCluster's diagnostics, then lintCluster's.
// line:col values were counted by hand in the YAML literals; the policy is always the first
// document, so its lines start at 1.
import { describe, expect, it } from 'vitest';
import seed000 from '../testing/fixtures/seed-000-db-policy.yaml?raw';
import seed004 from '../testing/fixtures/seed-004-db-policy.yaml?raw';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import { loadCluster } from '../k8s/load-cluster';
import { y } from '../testing/dedent';
import { namespace, pod } from '../testing/scenario';
import { lintCluster } from './lint';

/** Load diagnostics plus, when there are no errors, lintCluster's (as the CLI does). */
function lint(...docs: string[]): Diagnostic[] {
  const text = docs.map((d) => d.replace(/\n$/, '')).join('\n---\n') + '\n';
  const r = loadCluster([{ name: 't.yaml', text }]);
  return [...r.diagnostics, ...(r.hasErrors ? [] : lintCluster(r.cluster))];
}

const where = (d: Diagnostic): string => `${d.line}:${d.col} ${d.severity} ${d.code}`;
const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

function one(ds: readonly Diagnostic[], code: string): Diagnostic {
  const found = ds.filter((d) => d.code === code);
  expect(found, `${code} in ${JSON.stringify(ds.map(where))}`).toHaveLength(1);
  return found[0]!;
}

const web = pod('default/web', { app: 'web' }, { ports: [['http', 80]] });

describe('mistakes in the policy text', () => {
  it('kind: Networking is an error with "did you mean NetworkPolicy"', () => {
    const ds = lint(y`
      apiVersion: networking.k8s.io/v1
      kind: Networking
      metadata:
        name: db-policy
    `);
    const d = one(ds, 'kind');
    expect(where(d)).toBe('2:7 error kind');
    expect(d.message.en).toContain('Networking');
    expect(d.hint?.en).toContain('did you mean NetworkPolicy');
    expect(d.hint?.en).toContain('networking.k8s.io/v1');
  });

  it('portd: is an unknown field with did-you-mean port, printed as file:line:col', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector: {}
          ingress:
          - ports:
            - portd: 3306
      `,
      web,
    );
    const d = one(ds, 'unknown-field');
    expect(where(d)).toBe('9:7 warning unknown-field');
    expect(d.message.en).toBe('unknown field "spec.ingress[0].ports[0].portd"');
    expect(d.hint?.en).toContain('did you mean "port"');
    expect(formatDiagnostic(d)).toMatch(/^t\.yaml:9:7: warning: unknown field "spec\.ingress\[0\]\.ports\[0\]\.portd" \(did you mean "port"\?/);
  });

  const typos: { field: string; spec: string; at: [number, number]; guess: string | null }[] = [
    { field: 'spec.podSelectr', spec: '  podSelectr: {}\n', at: [6, 3], guess: 'podSelector' },
    { field: 'spec.polcyTypes', spec: '  podSelector: {}\n  polcyTypes: [Ingress]\n', at: [7, 3], guess: 'policyTypes' },
    { field: 'spec.egres', spec: '  podSelector: {}\n  egres: []\n', at: [7, 3], guess: 'egress' },
    { field: 'spec.podSelector.matchLabel', spec: '  podSelector:\n    matchLabel: {app: web}\n', at: [7, 5], guess: 'matchLabels' },
    { field: 'spec.ingress[0].from[0].ipBlock.cidrs', spec: '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, cidrs: []}\n', at: [9, 35], guess: 'cidr' },
    { field: 'spec.foo', spec: '  podSelector: {}\n  foo: 1\n', at: [7, 3], guess: null },
  ];
  it.each(typos)('unknown field $field', ({ field, spec, at, guess }) => {
    const ds = lint(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n${spec}`, web);
    const d = one(ds, 'unknown-field');
    expect(where(d)).toBe(`${at[0]}:${at[1]} warning unknown-field`);
    expect(d.message.en).toBe(`unknown field "${field}"`);
    if (guess) expect(d.hint?.en).toContain(`did you mean "${guess}"`);
    else {
      expect(d.hint?.en).not.toContain('did you mean');
      expect(d.hint?.en).toContain('kubectl rejects unknown fields');
    }
  });

  it('policyTypes and ingress nested under podSelector are misplaced fields pointing to spec.*', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector:
            matchLabels:
              app: web
            policyTypes:
            - Ingress
            ingress:
            - {}
      `,
      web,
    );
    const misplaced = ds.filter((d) => d.code === 'misplaced-field');
    expect(misplaced.map(where)).toEqual(['9:5 warning misplaced-field', '11:5 warning misplaced-field']);
    expect(misplaced[0]!.message.en).toBe('unknown field "spec.podSelector.policyTypes"');
    expect(misplaced[0]!.hint?.en).toContain('belongs at spec.policyTypes');
    expect(misplaced[0]!.hint?.en).toContain('not inside spec.podSelector');
    expect(misplaced[1]!.hint?.en).toContain('belongs at spec.ingress');
    expect(codes(ds)).not.toContain('unknown-field');
  });

  it('ports indented into a peer is a misplaced field belonging to the rule', () => {
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
            - podSelector: {}
              ports:
              - port: 80
      `,
      web,
    );
    const d = one(ds, 'misplaced-field');
    expect(where(d)).toBe('10:7 warning misplaced-field');
    expect(d.hint?.en).toContain('belongs at spec.ingress[0].ports');
  });

  it('podSelector and namespaceSelector as two list items are ORed (or-not-and), at the second item', () => {
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
            - namespaceSelector:
                matchLabels:
                  team: a
            - podSelector:
                matchLabels:
                  app: web
      `,
      namespace('a', { team: 'a' }),
      pod('a/api', { app: 'web' }),
      web,
    );
    const d = one(ds, 'or-not-and');
    expect(where(d)).toBe('12:7 warning or-not-and');
    expect(d.message.en).toContain('ORed');
    expect(d.hint?.en).toContain('one list item');
  });

  it('the same selectors in one item (AND) are not or-not-and; neither are two podSelectors', () => {
    for (const from of [
      '    - namespaceSelector: {matchLabels: {team: a}}\n      podSelector: {matchLabels: {app: web}}\n',
      '    - podSelector: {matchLabels: {app: web}}\n    - podSelector: {matchLabels: {app: api}}\n',
    ]) {
      const ds = lint(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n${from}`, web);
      expect(codes(ds)).not.toContain('or-not-and');
    }
  });

  it('egress rules with policyTypes [Ingress] are ignored (rules-ignored at spec.egress)', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          egress:
          - {}
      `,
      web,
    );
    const d = one(ds, 'rules-ignored');
    expect(where(d)).toBe('8:3 warning rules-ignored');
    expect(d.message.en).toContain('spec.egress');
    expect(d.message.en).toContain('Egress');
    expect(d.hint?.en).toContain('- Egress');
  });

  it('ingress rules with policyTypes [Egress] are ignored too; defaulted policyTypes never warn', () => {
    const ignored = lint(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  ingress: [{}]\n  egress: [{}]\n',
      web,
    );
    expect(where(one(ignored, 'rules-ignored'))).toBe('8:3 warning rules-ignored');
    const defaulted = lint('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress: [{}]\n  egress: [{}]\n', web);
    expect(codes(defaulted)).not.toContain('rules-ignored');
  });

  it('a cidr with host bits set is a warning naming the network it means', () => {
    const ds = lint(
      y`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
        spec:
          podSelector: {}
          egress:
          - to:
            - ipBlock:
                cidr: 192.168.5.10/24
      `,
      web,
    );
    const d = one(ds, 'cidr-host-bits');
    expect(where(d)).toBe('10:15 warning cidr-host-bits');
    expect(d.message.en).toContain('192.168.5.0/24');
    expect(d.hint?.en).toContain('/32');
  });
});

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
    expect(codes(lint(nsPolicy('kubernetes.io/metadata.name: prod'), namespace('prod'), pod('prod/api'), web))).not.toContain('peer-matches-nothing');
    expect(codes(lint(nsPolicy('kubernetes.io/metadata.name: prod'), pod('prod/api'), web))).not.toContain('peer-matches-nothing');
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

  const dnsCases: { name: string; spec: string; extra?: string[]; at?: [number, number]; missing?: string }[] = [
    { name: 'policyTypes [Egress] without rules', spec: '  policyTypes:\n  - Egress\n', at: [8, 3], missing: '53/UDP, 53/TCP' },
    {
      name: 'defaulted Ingress+Egress with a rule for 5432 only (warned at spec.egress)',
      spec: '  egress:\n  - to:\n    - podSelector: {}\n    ports:\n    - port: 5432\n',
      at: [8, 3],
      missing: '53/UDP, 53/TCP',
    },
    { name: 'only 53/UDP allowed', spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n', at: [7, 16], missing: '53/TCP' },
    { name: 'a rule for 53/UDP and 53/TCP', spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n' },
    { name: 'a rule without ports', spec: '  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {}}]\n' },
    { name: 'a port range over 53 for both protocols', spec: '  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 50, endPort: 60, protocol: UDP}\n    - {port: 50, endPort: 60}\n' },
    { name: 'a rule with a protocol and no port number', spec: '  policyTypes: [Egress]\n  egress:\n  - ports: [{protocol: UDP}, {protocol: TCP}]\n' },
    {
      name: 'named ports that resolve to 53 on the DNS pod',
      spec: '  policyTypes: [Egress]\n  egress:\n  - ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]\n',
      extra: [pod('kube-system/coredns', { 'k8s-app': 'kube-dns' }, { ports: [['dns', 53, 'UDP'], ['dns-tcp', 53, 'TCP']] })],
    },
    {
      name: 'another policy selecting the same pods allows DNS',
      spec: '  policyTypes: [Egress]\n',
      extra: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: dns}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: 53, protocol: UDP}, {port: 53}]}]'],
    },
    { name: 'an Ingress-only policy', spec: '  policyTypes: [Ingress]\n' },
  ];
  it.each(dnsCases)('dns-blocked: $name', ({ spec, extra = [], at, missing }) => {
    const ds = lint(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n${spec}`, web, ...extra);
    const dns = ds.filter((d) => d.code === 'dns-blocked');
    if (!at) {
      expect(dns).toEqual([]);
      return;
    }
    expect(dns.map(where)).toEqual([`${at[0]}:${at[1]} warning dns-blocked`]);
    expect(dns[0]!.message.en).toContain(`(${missing})`);
    expect(dns[0]!.hint?.en).toContain('53/UDP and 53/TCP');
  });

  it('a policy that selects no pod is not dns-blocked', () => {
    const ds = lint('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {matchLabels: {app: none}}\n  policyTypes: [Egress]\n', web);
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
    expect(where(one(lint(namedPort('    - {port: http, protocol: UDP}\n'), web), 'named-port-undeclared'))).toBe('9:14 warning named-port-undeclared');
    const db = pod('default/db', { app: 'db' }, { ports: [['metrics', 9090]] });
    const d = one(lint(namedPort('    - port: metrics\n', '{matchLabels: {app: web}}'), web, db), 'named-port-undeclared');
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
      const ds = lint(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: ${block}}]\n`, web);
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

describe("the users' notes", () => {
  it('seed 000: kind: Networking, portd: twice, and the same policy three times', () => {
    const r = loadCluster([{ name: 'seed-000-db-policy.yaml', text: seed000 }]);
    expect(r.diagnostics.map(where)).toEqual([
      '1:7 error kind', // kind: Networking
      '43:11 warning unknown-field', // portd: 3306 in the second block
      '48:9 error duplicate', // the third block is db-policy again
      '64:11 warning unknown-field', // portd: 3306 in the third block
    ]);
    const [kind, portd, duplicate, portd2] = r.diagnostics as [Diagnostic, Diagnostic, Diagnostic, Diagnostic];
    expect(kind.hint?.en).toContain('did you mean NetworkPolicy');
    for (const d of [portd, portd2]) {
      expect(d.message.en).toBe('unknown field "spec.ingress[0].ports[0].portd"');
      expect(d.hint?.en).toContain('did you mean "port"');
    }
    expect(duplicate.message.en).toContain('NetworkPolicy default/db-policy');
    expect(duplicate.message.en).toContain('seed-000-db-policy.yaml:19:1');
    // Because portd is dropped, the second block's ports entry means every TCP port.
    expect(r.cluster.policies[0]!.ingress[0]!.ports).toEqual([{ protocol: 'TCP' }]);
  });

  it("seed 000: linted with the notes' pods, namespaceSelector name: prod matches no namespace", () => {
    const pods = [namespace('prod'), pod('default/db', { role: 'db' }), pod('prod/api', { name: 'api-pod' })].join('\n---\n');
    const r = loadCluster([
      { name: 'seed-000-db-policy.yaml', text: seed000 },
      { name: 'pods.yaml', text: pods },
    ]);
    const d = one(lintCluster(r.cluster), 'peer-matches-nothing');
    expect(`${d.file}:${where(d)}`).toBe('seed-000-db-policy.yaml:36:11 warning peer-matches-nothing');
    expect(d.hint?.en).toContain('kubernetes.io/metadata.name: prod');
  });

  it('seed 004: policyTypes and ingress nested under podSelector', () => {
    const r = loadCluster([{ name: 'seed-004-db-policy.yaml', text: seed004 }]);
    expect(r.diagnostics.map(where)).toEqual(['9:5 warning misplaced-field', '11:5 warning misplaced-field']);
    const [types, ingress] = r.diagnostics as [Diagnostic, Diagnostic];
    expect(types.message.en).toBe('unknown field "spec.podSelector.policyTypes"');
    expect(types.hint?.en).toContain('belongs at spec.policyTypes');
    expect(ingress.message.en).toBe('unknown field "spec.podSelector.ingress"');
    expect(ingress.hint?.en).toContain('belongs at spec.ingress');
    // What the API server stores: an Ingress policy with no rules, i.e. deny all ingress to role=db.
    const p = r.cluster.policies[0]!;
    expect(p.policyTypes).toEqual(['Ingress']);
    expect(p.ingress).toEqual([]);
    expect(p.podSelector.matchLabels).toEqual({ role: 'db' });
    expect(formatDiagnostic(types)).toMatch(/^seed-004-db-policy\.yaml:9:5: warning: unknown field "spec\.podSelector\.policyTypes" \(/);
  });
});

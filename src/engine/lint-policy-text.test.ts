// Lint warnings about the policy text: mistakes that validate (or are rejected) but rarely mean
// what their author wanted. line:col values were counted by hand in the YAML literals; the policy
// is always the first document, so its lines start at 1.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { y } from '../testing/dedent';
import { codes, lint, one, web, where } from '../testing/lint-helpers';
import { namespace, pod } from '../testing/scenario';

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
    expect(formatDiagnostic(d)).toMatch(
      /^t\.yaml:9:7: warning: unknown field "spec\.ingress\[0\]\.ports\[0\]\.portd" \(did you mean "port"\?/,
    );
  });

  const typos: { field: string; spec: string; at: [number, number]; guess: string | null }[] = [
    { field: 'spec.podSelectr', spec: '  podSelectr: {}\n', at: [6, 3], guess: 'podSelector' },
    {
      field: 'spec.polcyTypes',
      spec: '  podSelector: {}\n  polcyTypes: [Ingress]\n',
      at: [7, 3],
      guess: 'policyTypes',
    },
    { field: 'spec.egres', spec: '  podSelector: {}\n  egres: []\n', at: [7, 3], guess: 'egress' },
    {
      field: 'spec.podSelector.matchLabel',
      spec: '  podSelector:\n    matchLabel: {app: web}\n',
      at: [7, 5],
      guess: 'matchLabels',
    },
    {
      field: 'spec.ingress[0].from[0].ipBlock.cidrs',
      spec: '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, cidrs: []}\n',
      at: [9, 35],
      guess: 'cidr',
    },
    { field: 'spec.foo', spec: '  podSelector: {}\n  foo: 1\n', at: [7, 3], guess: null },
  ];
  it.each(typos)('unknown field $field', ({ field, spec, at, guess }) => {
    const ds = lint(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n${spec}`,
      web,
    );
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
      const ds = lint(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n${from}`,
        web,
      );
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
    const defaulted = lint(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress: [{}]\n  egress: [{}]\n',
      web,
    );
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

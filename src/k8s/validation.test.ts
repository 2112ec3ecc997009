// loadCluster's validation errors, one table row each: the API server's rules
// (pkg/apis/networking/validation, metav1 label selectors) with positions counted by hand.
import { describe, expect, it } from 'vitest';
import { y } from '../testing/dedent';
import { load, one, where } from '../testing/load-helpers';
import { NAMESPACE_NAME_LABEL } from './load-cluster';

/** A NetworkPolicy named p in default: the header is lines 1-5, `spec:` is line 5. */
const np = (body: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n${body}`;

interface Case {
  name: string;
  text: string;
  code: string;
  at: [number, number];
  severity?: 'error' | 'warning';
  message?: string;
  hint?: string | null;
}

const validationCases: Case[] = [
  {
    name: 'unknown kind',
    text: 'apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: x\n',
    code: 'kind',
    at: [2, 7],
    message: 'Frobnicator',
    hint: null,
  },
  {
    name: 'a misspelt kind suggests the modelled one',
    text: 'apiVersion: v1\nkind: Pods\nmetadata:\n  name: x\n',
    code: 'kind',
    at: [2, 7],
    hint: 'did you mean Pod',
  },
  {
    name: 'missing kind',
    text: 'apiVersion: v1\nmetadata:\n  name: x\n',
    code: 'kind',
    at: [1, 1],
  },
  {
    name: 'missing apiVersion',
    text: 'kind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n',
    code: 'api-version',
    at: [1, 1],
    message: 'networking.k8s.io/v1',
    hint: 'apiVersion: networking.k8s.io/v1',
  },
  {
    name: 'wrong apiVersion for the kind',
    text: 'apiVersion: v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n',
    code: 'api-version',
    at: [1, 13],
    message: 'use networking.k8s.io/v1',
  },
  {
    name: 'unknown apiVersion',
    text: 'apiVersion: networking.k8s.io/v2\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n',
    code: 'api-version',
    at: [1, 13],
    message: 'networking.k8s.io/v2',
  },
  {
    name: 'missing metadata.name',
    text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  namespace: prod\nspec:\n  podSelector: {}\n',
    code: 'required',
    at: [4, 3],
    message: 'metadata.name',
  },
  {
    name: 'missing metadata altogether',
    text: 'apiVersion: v1\nkind: Namespace\n',
    code: 'required',
    at: [1, 1],
    message: 'metadata.name',
  },
  {
    name: 'invalid namespace name (DNS label)',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n',
    code: 'name',
    at: [4, 9],
  },
  {
    name: 'a peer with no fields',
    text: np('  podSelector: {}\n  ingress:\n  - from: [{}]\n'),
    code: 'empty-peer',
    at: [8, 12],
    message: 'must specify a peer',
  },
  {
    name: 'a peer whose only selector is null',
    text: np('  podSelector: {}\n  egress:\n  - to:\n    - podSelector:\n'),
    code: 'empty-peer',
    at: [9, 7],
  },
  {
    name: 'ipBlock together with podSelector in one peer',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n      podSelector: {}\n',
    ),
    code: 'ipblock-with-selector',
    at: [9, 7],
    message: 'may not specify both ipBlock and another peer',
  },
  {
    name: 'ipBlock together with namespaceSelector in one peer',
    text: np(
      '  podSelector: {}\n  egress:\n  - to:\n    - namespaceSelector: {}\n      ipBlock: {cidr: 10.0.0.0/8}\n',
    ),
    code: 'ipblock-with-selector',
    at: [9, 7],
  },
  {
    name: 'ipBlock without cidr',
    text: np('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {}\n'),
    code: 'required',
    at: [9, 16],
    message: 'cidr',
  },
  {
    name: 'invalid CIDR (prefix too long)',
    text: np('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/33\n'),
    code: 'cidr',
    at: [10, 15],
    message: '10.0.0.0/33',
    hint: null,
  },
  {
    name: 'a bare IP as cidr (hint /32)',
    text: np('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.1\n'),
    code: 'cidr',
    at: [10, 15],
    hint: '10.0.0.1/32',
  },
  {
    name: 'except equal to cidr (must be a strict subset)',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except:\n        - 10.0.0.0/8\n',
    ),
    code: 'except-outside',
    at: [12, 11],
    message: 'strict subset',
  },
  {
    name: 'except outside cidr',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except:\n        - 10.1.0.0/16\n        - 192.168.0.0/16\n',
    ),
    code: 'except-outside',
    at: [13, 11],
    message: '192.168.0.0/16',
  },
  {
    name: 'except larger than cidr',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.1.0.0/16\n        except: [10.0.0.0/8]\n',
    ),
    code: 'except-outside',
    at: [11, 18],
  },
  {
    name: 'invalid except CIDR',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [10.1.0.0]\n',
    ),
    code: 'cidr',
    at: [11, 18],
    hint: '10.1.0.0/32',
  },
  {
    name: 'endPort with a named port',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: http\n      endPort: 90\n'),
    code: 'end-port',
    at: [10, 16],
    message: 'named port',
  },
  {
    name: 'endPort below port',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 90\n      endPort: 80\n'),
    code: 'end-port',
    at: [10, 16],
    message: 'greater than or equal to port 90',
  },
  {
    name: 'endPort without port',
    text: np('  podSelector: {}\n  egress:\n  - ports:\n    - protocol: TCP\n      endPort: 90\n'),
    code: 'end-port',
    at: [10, 16],
    message: 'port is not specified',
  },
  {
    name: 'port out of range',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n'),
    code: 'range',
    at: [9, 13],
    message: '65535',
  },
  {
    name: 'protocol in lower case (hint upper case)',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: tcp\n'),
    code: 'protocol',
    at: [9, 17],
    message: 'TCP, UDP or SCTP',
    hint: 'upper case: TCP',
  },
  {
    name: 'unsupported protocol',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: ICMP\n'),
    code: 'protocol',
    at: [9, 17],
    message: 'ICMP',
    hint: null,
  },
  {
    name: 'a quoted port number is an invalid port name (hint: no quotes)',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: "80"\n'),
    code: 'port-name',
    at: [9, 13],
    message: '"80"',
    hint: 'without quotes: port: 80',
  },
  {
    name: 'a port name longer than 15 characters',
    text: np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: a-very-long-port-name\n'),
    code: 'port-name',
    at: [9, 13],
    hint: '15',
  },
  {
    name: 'In without values',
    text: np('  podSelector:\n    matchExpressions:\n    - key: app\n      operator: In\n'),
    code: 'selector',
    at: [9, 17],
    message: 'In needs a non-empty values list',
  },
  {
    name: 'NotIn without values',
    text: np('  podSelector:\n    matchExpressions:\n    - {key: app, operator: NotIn}\n'),
    code: 'selector',
    at: [8, 28],
    message: 'NotIn',
  },
  {
    name: 'Exists with values',
    text: np(
      '  podSelector:\n    matchExpressions:\n    - key: app\n      operator: Exists\n      values: [web]\n',
    ),
    code: 'selector',
    at: [10, 15],
    message: 'Exists must not have values',
  },
  {
    name: 'DoesNotExist with values',
    text: np(
      '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchExpressions:\n        - key: team\n          operator: DoesNotExist\n          values: [a]\n',
    ),
    code: 'selector',
    at: [13, 19],
    message: 'DoesNotExist',
  },
  {
    name: 'invalid operator',
    text: np(
      '  podSelector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]\n',
    ),
    code: 'selector',
    at: [9, 17],
    message: 'In, NotIn, Exists or DoesNotExist',
  },
  {
    name: 'a matchExpressions value that is not a valid label value',
    text: np(
      '  podSelector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [web, "not valid!"]\n',
    ),
    code: 'label-value',
    at: [10, 21],
    message: 'not valid!',
  },
  {
    name: 'a label value that is not a string',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    version: 1\nspec:\n  containers:\n  - name: c\n',
    code: 'label-value',
    at: [6, 14],
    message: 'strings',
    hint: 'version: "1"',
  },
  {
    name: 'a matchLabels value that is not a string',
    text: np('  podSelector:\n    matchLabels:\n      enabled: true\n'),
    code: 'label-value',
    at: [8, 16],
    hint: 'enabled: "true"',
  },
  {
    name: 'an invalid label value',
    text: np('  podSelector:\n    matchLabels:\n      app: -web\n'),
    code: 'label-value',
    at: [8, 12],
  },
  {
    name: 'policyTypes in lower case (case hint)',
    text: np('  podSelector: {}\n  policyTypes:\n  - ingress\n'),
    code: 'policy-type',
    at: [8, 5],
    message: 'Ingress or Egress',
    hint: 'case-sensitive: Ingress',
  },
  {
    name: 'policyTypes with an unknown value',
    text: np('  podSelector: {}\n  policyTypes: [Ingress, Both]\n'),
    code: 'policy-type',
    at: [7, 26],
    hint: null,
  },
];

describe('validation errors', () => {
  it.each(validationCases)('$name', ({ text, code, at, severity = 'error', message, hint }) => {
    const r = load(text);
    const d = one(r, code);
    expect(where(d)).toBe(`t.yaml:${at[0]}:${at[1]} ${severity} ${code}`);
    if (message !== undefined) expect(d.message.en).toContain(message);
    if (hint === null) expect(d.hint).toBeUndefined();
    else if (hint !== undefined) expect(d.hint?.en).toContain(hint);
    expect(d.message.ko.length).toBeGreaterThan(0);
    expect(r.hasErrors).toBe(severity === 'error');
  });

  it('more than two policyTypes is an error at policyTypes', () => {
    const r = load(np('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n'));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(where)).toEqual(['t.yaml:7:16 error policy-type']);
    expect(errors[0]!.message.en).toContain('more than two');
  });

  it('except strictly inside cidr is fine', () => {
    const r = load(
      np(
        '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [10.1.0.0/16, 10.2.3.4/32]\n',
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies[0]!.ingress[0]!.peers![0]!.ipBlock!.except.map((c) => c.canonical)).toEqual([
      '10.1.0.0/16',
      '10.2.3.4/32',
    ]);
  });

  it('endPort equal to port, and a valid named port, are fine', () => {
    const r = load(
      np(
        '  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 8000, endPort: 8000}\n    - {port: http, protocol: UDP}\n',
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies[0]!.ingress[0]!.ports).toEqual([
      { protocol: 'TCP', port: 8000, endPort: 8000 },
      { protocol: 'UDP', port: 'http' },
    ]);
  });

  it('Exists and DoesNotExist without values, In with values are fine', () => {
    const r = load(
      np(
        '  podSelector:\n    matchExpressions:\n    - {key: a, operator: Exists}\n    - {key: b, operator: DoesNotExist, values: []}\n    - {key: c, operator: In, values: [x, y]}\n',
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies[0]!.podSelector.matchExpressions.map((e) => e.operator)).toEqual([
      'Exists',
      'DoesNotExist',
      'In',
    ]);
  });

  it('duplicate objects: same kind, namespace and name', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
    `);
    const d = one(r, 'duplicate');
    expect(where(d)).toBe('t.yaml:9:9 error duplicate');
    expect(d.message.en).toContain('Namespace prod');
    expect(d.message.en).toContain('t.yaml:1:1');
  });

  it('duplicate namespaced objects, with and without an explicit default namespace', () => {
    const r = load(y`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p}
      spec: {podSelector: {}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p, namespace: default}
      spec: {podSelector: {}}
    `);
    const d = one(r, 'duplicate');
    expect(where(d)).toBe('t.yaml:8:18 error duplicate');
    expect(d.message.en).toContain('NetworkPolicy default/p');
    expect(r.cluster.policies).toHaveLength(1);
  });

  it('the same name in different namespaces, or for different kinds, is fine', () => {
    const r = load(y`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p, namespace: a}
      spec: {podSelector: {}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p, namespace: b}
      spec: {podSelector: {}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: a}
      spec: {containers: [{name: c}]}
    `);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.policies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['a/p', 'b/p']);
  });

  it('a Service name must be a DNS-1035 label (no dots, starts with a letter)', () => {
    for (const [name, ok] of [
      ['web', true],
      ['web.v2', false],
      ['2web', false],
      ['web-2', true],
    ] as const) {
      const r = load(
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: "${name}"\nspec:\n  ports: [{port: 80}]\n`,
      );
      expect(r.diagnostics.filter((d) => d.code === 'name').length, name).toBe(ok ? 0 : 1);
    }
  });

  it('a label written as `key:` with no value is the empty string, as the API decodes it', () => {
    const r = load('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels:\n    empty:\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.namespaces.get('a')!.labels).toEqual({ empty: '', [NAMESPACE_NAME_LABEL]: 'a' });
  });

  it('a NetworkPolicy without spec is stored as select-all, Ingress: a warning, and it denies all ingress', () => {
    const r = load('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n');
    expect(r.hasErrors).toBe(false);
    expect(where(one(r, 'missing-spec'))).toBe('t.yaml:1:1 warning missing-spec');
    expect(r.cluster.policies[0]!.policyTypes).toEqual(['Ingress']);
    expect(r.cluster.policies[0]!.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
  });

  it('a kind netlab does not model is skipped with a warning', () => {
    const r = load('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:2:7 warning kind-ignored']);
    expect(r.hasErrors).toBe(false);
  });
});

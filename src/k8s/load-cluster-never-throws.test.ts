// loadCluster never throws: alias bombs, missing anchors and random input of every shape give
// diagnostics, not exceptions (the page and the CLI show them; nothing crashes).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintCluster } from '../engine/lint';
import { y } from '../testing/dedent';
import { load, where } from '../testing/load-helpers';
import { loadCluster } from './load-cluster';

describe('never throws', () => {
  const check = (text: string): void => {
    const r = loadCluster([{ name: 'fuzz.yaml', text }]);
    expect(Array.isArray(r.diagnostics)).toBe(true);
    expect(r.hasErrors).toBe(r.diagnostics.some((d) => d.severity === 'error'));
    for (const d of r.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.col).toBeGreaterThanOrEqual(1);
    }
    lintCluster(r.cluster); // the editor lints partial scenarios too
  };

  it('on an alias bomb', () => {
    const text = y`
      a: &a [x, x, x, x, x, x, x, x, x, x]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
    `;
    check(text);
    expect(load(text).diagnostics.map(where)).toEqual(['t.yaml:1:1 error yaml-alias']);
  });

  it('on an alias whose anchor is missing', () => {
    check('*a');
    const r = load('apiVersion: v1\nkind: Namespace\nmetadata: {name: *nowhere}\n');
    // Reported at the start of the document that holds the alias.
    expect(r.diagnostics.map(where)).toEqual(['t.yaml:1:1 error yaml-alias']);
    expect(r.diagnostics[0]!.message.en).toContain('nowhere');
    expect(r.cluster.namespaces.size).toBe(0);
  });

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
  });

  it('on random YAML-looking fragments', () => {
    const fragment = fc.constantFrom(
      'apiVersion: v1\n',
      'apiVersion: networking.k8s.io/v1\n',
      'kind: Pod\n',
      'kind: NetworkPolicy\n',
      'kind: List\n',
      'items:\n',
      'metadata:\n',
      'spec:\n',
      '  ',
      '- ',
      ': ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '&a ',
      '*a',
      '*b',
      '!!str ',
      '"',
      "'",
      '\t',
      '\n',
      '---\n',
      '...\n',
      '#',
      '%YAML 1.2\n',
      'name: x\n',
      'podSelector: {}\n',
      'ingress:\n',
      '- from: [{}]\n',
      'ports: [{port: 80, endPort: 1}]\n',
      'cidr: 10.0.0.0/8\n',
      '? ',
      '|\n',
      '>\n',
      'null',
      '~',
      '0x1F',
      '1e9',
      'true',
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 40 }).map((a) => a.join('')),
        check,
      ),
      { numRuns: 500 },
    );
  });

  it('on random JSON values dumped to YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => check(stringify(v))),
      { numRuns: 300 },
    );
  });

  it('on Kubernetes-shaped objects with random contents', () => {
    const names = [
      'podSelector',
      'namespaceSelector',
      'ipBlock',
      'cidr',
      'except',
      'policyTypes',
      'ingress',
      'egress',
      'from',
      'to',
      'ports',
      'port',
      'endPort',
      'protocol',
      'matchLabels',
      'matchExpressions',
      'key',
      'operator',
      'values',
      'containers',
      'name',
      'containerPort',
      'nodeName',
      'hostNetwork',
      'podCIDR',
      'podCIDRs',
      'addresses',
      'type',
      'address',
      'podIP',
      'selector',
      'targetPort',
      'externalName',
      'ip',
      'labels',
      'namespace',
      'items',
      'kind',
      'apiVersion',
      'metadata',
    ];
    const atoms = fc.oneof(
      fc.constantFrom(
        'TCP',
        'tcp',
        'UDP',
        'In',
        'Exists',
        'Ingress',
        'Egress',
        'http',
        '80',
        '10.0.0.0/8',
        '10.0.0.1',
        'fd00::/64',
        'InternalIP',
        'a',
        'prod',
        '',
      ),
      fc.integer({ min: -2, max: 70000 }),
      fc.constant(null),
      fc.boolean(),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atoms,
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }),
      ),
    }));
    const object = fc.record({
      apiVersion: fc.constantFrom('v1', 'networking.k8s.io/v1', 'netlab.dev/v1', 'apps/v1'),
      kind: fc.constantFrom(
        'NetworkPolicy',
        'Pod',
        'Node',
        'Service',
        'Namespace',
        'ExternalEndpoint',
        'List',
        'Deployment',
      ),
      metadata: fc.oneof(
        value,
        fc.record({ name: fc.constantFrom('a', 'b'), namespace: fc.constantFrom('a', 'default') }),
      ),
      spec: value,
      status: value,
      items: fc.array(value, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 4 }), (objs) =>
        check(objs.map((o) => stringify(o)).join('---\n')),
      ),
      { numRuns: 500 },
    );
  });
});

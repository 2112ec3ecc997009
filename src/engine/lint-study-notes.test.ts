// The users' own study notes, as fixtures: every mistake they contain gets its diagnostic, at the
// line and column where it is.
import { describe, expect, it } from 'vitest';
import seed000 from '../testing/fixtures/seed-000-db-policy.yaml?raw';
import seed004 from '../testing/fixtures/seed-004-db-policy.yaml?raw';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import { loadCluster } from '../k8s/load-cluster';
import { one, where } from '../testing/lint-helpers';
import { namespace, pod } from '../testing/scenario';
import { lintCluster } from './lint';

describe("the users' notes", () => {
  it('seed 000: kind: Networking, portd: twice, and the same policy three times', () => {
    const r = loadCluster([{ name: 'seed-000-db-policy.yaml', text: seed000 }]);
    expect(r.diagnostics.map(where)).toEqual([
      '1:7 error kind', // kind: Networking
      '43:11 warning unknown-field', // portd: 3306 in the second block
      '48:9 error duplicate', // the third block is db-policy again
      '64:11 warning unknown-field', // portd: 3306 in the third block
    ]);
    const [kind, portd, duplicate, portd2] = r.diagnostics as [
      Diagnostic,
      Diagnostic,
      Diagnostic,
      Diagnostic,
    ];
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
    const pods = [
      namespace('prod'),
      pod('default/db', { role: 'db' }),
      pod('prod/api', { name: 'api-pod' }),
    ].join('\n---\n');
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
    expect(formatDiagnostic(types)).toMatch(
      /^seed-004-db-policy\.yaml:9:5: warning: unknown field "spec\.podSelector\.policyTypes" \(/,
    );
  });
});

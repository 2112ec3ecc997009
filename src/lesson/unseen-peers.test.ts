// Ghost peers: written as objects that load cleanly beside a scenario, in a file of their own, and
// evaluated like any pod or address (the reach check's hole shows up as a real flow).
import { describe, expect, it } from 'vitest';
import { loadCluster } from '../k8s/load-cluster';
import { buildEndpoints } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import { namespace, netpol, pod } from '../testing/scenario';
import { lesson } from '../testing/lesson';
import { checkChallenge } from './check';
import { UNSEEN_FILE, unseenDocs, unseenGroup } from './unseen-peers';

const APP = [
  namespace('prod'),
  pod('prod/backend', { role: 'backend' }),
  pod('prod/db', { role: 'db' }, { ports: [['mysql', 3306]] }),
];
const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const db = (from: string): string =>
  netpol(
    'prod/db-policy',
    `podSelector: {matchLabels: {role: db}}\ningress:\n- from: ${from}\n  ports: [{port: 3306}]`,
  );
const SOLVED = doc(...APP, db('[{podSelector: {matchLabels: {role: backend}}}]'));
const WIDE = doc(...APP, db('[{namespaceSelector: {}, podSelector: {matchLabels: {role: backend}}}]'));

describe('unseen peers', () => {
  it("a reach check's ghost loads beside the scenario and really gets through the hole", () => {
    const l = lesson('    - check: reach', { 'start.yaml': doc(...APP), 'solution.yaml': SOLVED });
    const ghost = checkChallenge(l.challenge, WIDE)[0]!.unseen!;
    const loaded = loadCluster([
      { name: 'scenario.yaml', text: WIDE },
      { name: UNSEEN_FILE, text: unseenDocs([ghost]) },
    ]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const endpoints = buildEndpoints(loaded.cluster);
    const from = endpoints.find((e) => e.key === `${ghost.namespace}/unseen-1`)!;
    const to = endpoints.find((e) => e.key === 'prod/db')!;
    expect(from.kind === 'pod' && from.namespace.declared).toBe(true);
    expect(evaluateFlow(loaded.cluster.policies, from, to, ghost.port!).allowed).toBe(true);
    // The same ghost beside the solution stays out: the hole is the answer's, not the ghost's.
    const fixed = loadCluster([
      { name: 'scenario.yaml', text: SOLVED },
      { name: UNSEEN_FILE, text: unseenDocs([ghost]) },
    ]);
    const e2 = buildEndpoints(fixed.cluster);
    const f2 = e2.find((e) => e.key === `${ghost.namespace}/unseen-1`)!;
    expect(
      evaluateFlow(
        fixed.cluster.policies,
        f2,
        e2.find((e) => e.key === 'prod/db')!,
        ghost.port!,
      ).allowed,
    ).toBe(false);
  });

  it('the matrix group: a pod in a new namespace, an unlabelled pod where policies live, an internet address', () => {
    const cluster = loadCluster([{ name: 's.yaml', text: SOLVED }]).cluster;
    const group = unseenGroup(cluster);
    expect(group.map((p) => p.label.en)).toEqual([
      'a pod in a new namespace',
      'an unlabelled pod in prod',
      'an internet address 8.8.8.8',
    ]);
    const loaded = loadCluster([
      { name: 's.yaml', text: SOLVED },
      { name: UNSEEN_FILE, text: unseenDocs(group) },
    ]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(buildEndpoints(loaded.cluster, ['8.8.8.8']).map((e) => e.key)).toEqual([
      'prod/backend',
      'prod/db',
      'new-namespace/unseen-1',
      'prod/unseen-2',
      '8.8.8.8',
    ]);
  });
});

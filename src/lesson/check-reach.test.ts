// The `reach` check on a small lesson: compared with the solution over every peer that could
// exist, the first difference in both locales, the unseen peer for the page, and the relations.
import { describe, expect, it } from 'vitest';
import { lesson, load } from '../testing/lesson';
import { namespace, netpol, pod } from '../testing/scenario';
import { checkChallenge } from './check';

const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const APP = [
  namespace('prod'),
  pod('prod/backend', { role: 'backend' }),
  pod('prod/db', { role: 'db' }, { ports: [['mysql', 3306]] }),
];
const db = (from: string, ports = '\n  ports: [{port: 3306}]'): string =>
  netpol('prod/db-policy', `podSelector: {matchLabels: {role: db}}\ningress:\n- from: ${from}${ports}`);
const SOLVED = doc(...APP, db('[{podSelector: {matchLabels: {role: backend}}}]'));
const files = { 'start.yaml': doc(...APP), 'solution.yaml': SOLVED };
const run = (check: string, text: string) => checkChallenge(lesson(check, files).challenge, text)[0]!;

describe('reach', () => {
  it('passes on the solution, and on an answer written differently with the same reach', () => {
    expect(run('    - check: reach', SOLVED)).toMatchObject({ id: 'reach-1', passed: true, blocking: true });
    const other = doc(
      ...APP,
      db('[{podSelector: {matchExpressions: [{key: role, operator: In, values: [backend]}]}}]'),
    );
    expect(run('    - check: reach', other).passed).toBe(true);
  });

  it('names the unseen peer an over-wide answer lets in, in both locales, and hands it to the page', () => {
    const r = run(
      '    - check: reach',
      doc(...APP, db('[{namespaceSelector: {}, podSelector: {matchLabels: {role: backend}}}]')),
    );
    expect(r.passed).toBe(false);
    expect(r.message).toEqual({
      en: 'Your policy db-policy also lets any pod with role=backend in a new namespace reach prod/db on TCP 3306; the task does not ask for that.',
      ko: 'db-policy 정책 때문에 새로 만든 네임스페이스의 role=backend 레이블이 붙은 파드도 TCP 3306 포트로 prod/db 파드에 들어올 수 있습니다. 과제에서 요구하지 않은 흐름입니다.',
    });
    expect(r.unseen).toMatchObject({
      kind: 'pod',
      newNamespace: true,
      namespace: 'new-namespace',
      labels: { role: 'backend' },
      subject: 'prod/db',
      direction: 'ingress',
      port: { port: 3306, protocol: 'TCP' },
    });
    expect(r.unseen!.label.en).toBe('a pod with role=backend in a new namespace');
  });

  it('says what is missing when the answer is too narrow', () => {
    const r = run(
      '    - check: reach',
      doc(...APP, netpol('prod/db-policy', 'podSelector: {matchLabels: {role: db}}')),
    );
    expect(r.message.en).toBe(
      'Any pod with role=backend in namespace prod (such as prod/backend) should reach prod/db on TCP 3306, but your policy db-policy does not let it in.',
    );
  });

  it('at-most accepts a narrower answer and rejects a wider one; at-least the other way round', () => {
    const narrow = doc(...APP, netpol('prod/db-policy', 'podSelector: {matchLabels: {role: db}}'));
    const wide = doc(...APP, db('[{podSelector: {}}]'));
    expect([
      run('    - check: reach\n      compare: at-most', narrow).passed,
      run('    - check: reach\n      compare: at-most', wide).passed,
    ]).toEqual([true, false]);
    expect([
      run('    - check: reach\n      compare: at-least', narrow).passed,
      run('    - check: reach\n      compare: at-least', wide).passed,
    ]).toEqual([false, true]);
  });

  it('a scenario with errors is not judged; a goal file can stand in for the solution', () => {
    expect(run('    - check: reach', 'kind: Pod\nmetadata: {name: x}\n').message.en).toMatch(
      /^The scenario has errors/,
    );
    const wide = doc(...APP, db('[{podSelector: {}}]'));
    const l = lesson('    - check: reach\n      goal: goal.yaml', { ...files, 'goal.yaml': wide });
    expect(checkChallenge(l.challenge, wide)[0]!.passed).toBe(true);
  });

  it('rejects an unknown relation with its place', () => {
    const r = load('    - check: reach\n      compare: same', files);
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message.en}`)).toEqual([
      '13:16 compare is equal (the default), at-most (nothing more open than the goal) or at-least',
    ]);
  });
});

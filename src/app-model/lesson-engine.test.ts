// The worker's lesson side: the implicit editable check reaches the page as a plain CheckView,
// and editable refs carry a namespace exactly when their kind has one.
import { describe, expect, it } from 'vitest';
import { lessonFolder, load, realLesson } from '../testing/lesson';
import { LessonEngine, toLessonView } from './lesson-engine';

describe('toLessonView', () => {
  it("passes the only-editable check through, shown from its step like the author's checks", () => {
    const view = toLessonView(realLesson('a-03-both-ends-must-allow'));
    expect(view.checks.at(-1)).toEqual({ id: 'only-editable', kind: 'editable', stepIndex: 1 });
    // What the Challenge list shows at the last step: every blocking check up to it.
    expect(view.checks.filter((c) => c.kind !== 'quiz' && c.stepIndex <= 1).map((c) => c.id)).toContain(
      'only-editable',
    );
  });

  it('spells out default namespaces and drops them for cluster-scoped kinds', () => {
    const scenario = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n';
    const checks = '    - check: object\n      object: {kind: Namespace, name: prod}';
    const steps =
      '    editable: [{kind: NetworkPolicy}, {kind: Namespace, namespace: prod, name: prod}, {kind: Pod, namespace: prod}]';
    const lesson = load(checks, { 'start.yaml': scenario, 'solution.yaml': scenario }, { steps }).lesson!;
    expect(toLessonView(lesson).steps[0]!.editable).toEqual([
      { kind: 'NetworkPolicy', namespace: 'default' },
      { kind: 'Namespace', name: 'prod' },
      { kind: 'Pod', namespace: 'prod' },
    ]);
  });
});

describe('LessonEngine.check', () => {
  it('reports the editable check with the others', () => {
    const engine = new LessonEngine();
    const folder = lessonFolder('a-03-both-ends-must-allow');
    const loaded = engine.load(folder.dir, [...folder.files]);
    const start = folder.files.get('start.yaml')!;
    const r = engine.check(
      loaded.id,
      `${start}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: extra}\n`,
      {},
    );
    expect(r.solved).toBe(false);
    expect(r.results.find((x) => x.id === 'only-editable')).toMatchObject({
      check: 'editable',
      passed: false,
      blocking: true,
    });
    expect(r.results.find((x) => x.id === 'only-editable')!.message.en).toContain('Namespace extra (added)');
  });
});

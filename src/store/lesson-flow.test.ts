// Lessons that flow: moving between lessons asks only about the learner's own edits, leaving
// returns their lab text, change marks count from the lesson's start, and no packet lingers.
import { describe, expect, it } from 'vitest';
import type { LessonView, StepView } from '../app-model/lesson-view';
import { createNetlabStore } from './netlab-store';

const DEFAULT = '# the built-in scenario\n';
const MINE = '# the learner’s own lab\n';

const step = (id: string, scenario: string | null): StepView => ({
  id,
  text: { en: id, ko: id },
  scenario,
  effectiveScenario: 'start.yaml',
  expectErrors: false,
  editable: [],
  highlight: { endpoints: [], policies: [] },
});

/** A lesson whose first step brings its start.yaml and whose second keeps the text. */
const lesson = (id: string): LessonView => ({
  id,
  module: 'A',
  order: 1,
  title: { en: id, ko: id },
  prerequisites: [],
  steps: [step('one', 'start.yaml'), step('two', null)],
  checks: [],
  hints: [],
  solution: `# ${id} solution\n`,
  scenarios: { 'start.yaml': `# ${id} start\n`, 'solution.yaml': `# ${id} solution\n` },
  diagnostics: [],
});
const A = lesson('a-01-first');
const B = lesson('b-09-second');

function open(store: ReturnType<typeof createNetlabStore>, l: LessonView, stepId: string | null = null) {
  store.getState().setLessonRoute({ view: 'lesson', id: l.id, step: stepId });
  store.getState().applyLessonLoad({ id: l.id, lesson: l, diagnostics: [] });
}

const fresh = (text = MINE) => createNetlabStore({ defaultScenario: DEFAULT, scenarioText: text });

describe('moving between lessons', () => {
  it.each([
    ['the built-in scenario', DEFAULT],
    ['the learner’s own edited lab', MINE],
  ])('from %s into a lesson, then to another lesson: no question at all', (_, text) => {
    const store = fresh(text);
    open(store, A);
    expect(store.getState().lesson.pendingScenario).toBeNull();
    expect(store.getState().scenarioText).toBe(A.scenarios['start.yaml']);
    open(store, B);
    expect(store.getState().lesson.pendingScenario).toBeNull();
    expect(store.getState().scenarioText).toBe(B.scenarios['start.yaml']);
    expect(store.getState().scenarioSource).toEqual({ kind: 'lesson', lessonId: B.id });
    expect(store.getState().lesson.labText).toBe(text);
  });

  it('asks only after the learner edited the lesson’s text; accepting keeps the edit undoable', () => {
    const store = fresh();
    open(store, A);
    const edited = `${A.scenarios['start.yaml']}# my try\n`;
    store.getState().setScenarioText(edited);
    open(store, B);
    expect(store.getState().lesson.pendingScenario).toMatchObject({ lessonId: B.id, stepId: 'one' });
    expect(store.getState().scenarioText).toBe(edited);
    store.getState().resolvePendingScenario(true);
    expect(store.getState().scenarioText).toBe(B.scenarios['start.yaml']);
    expect(store.getState().textBeforeReset).toBe(edited);
    // Declining once keeps the edit; the next step that brings a scenario asks again.
    store.getState().setScenarioText(`${B.scenarios['start.yaml']}# edit\n`);
    store.getState().goToStep(1);
    store.getState().goToStep(0);
    expect(store.getState().lesson.pendingScenario?.stepId).toBe('one');
  });

  it('leaving the lessons returns the learner’s own lab text, as it was', () => {
    const store = fresh();
    open(store, A);
    store.getState().setScenarioText(`${A.scenarios['start.yaml']}# edit\n`);
    open(store, B);
    store.getState().resolvePendingScenario(true);
    store.getState().setLessonRoute({ view: 'lab' });
    const s = store.getState();
    expect(s.scenarioText).toBe(MINE);
    expect(s.scenarioSource).toEqual({ kind: 'own' });
    expect(s.lesson.labText).toBeNull();
    expect(s.lesson.textOwner).toBeNull();
    expect(s.textBeforeReset).toBe(B.scenarios['start.yaml']); // the lesson's text stays undoable
  });

  it('the lesson list keeps the lesson’s text; only the lab brings the learner’s back', () => {
    const store = fresh();
    open(store, A);
    store.getState().setLessonRoute({ view: 'list' });
    expect(store.getState().scenarioText).toBe(A.scenarios['start.yaml']);
    store.getState().setLessonRoute({ view: 'lab' });
    expect(store.getState().scenarioText).toBe(MINE);
  });
});

describe('what belongs to the scene a lesson replaces', () => {
  it('change marks count from the lesson’s start, and the lab compares with edits again after', () => {
    const store = fresh();
    store.getState().pinBaseline(5); // no model yet: nothing is pinned
    open(store, A);
    expect(store.getState().baseline).toEqual({ text: A.scenarios['start.yaml'], pinnedAt: 0, lesson: A.id });
    open(store, B);
    expect(store.getState().baseline?.text).toBe(B.scenarios['start.yaml']);
    store.getState().setLessonRoute({ view: 'lab' });
    expect(store.getState().baseline).toBeNull();
  });

  it('a packet of one lesson stops when another lesson opens, before its files arrive', () => {
    const store = fresh();
    open(store, B);
    store
      .getState()
      .sendPackets([
        { from: 'default/visitor', to: '192.168.1.11:30000', port: { port: 30000, protocol: 'TCP' } },
      ]);
    expect(store.getState().packet.requests).toHaveLength(1);
    store.getState().setLessonRoute({ view: 'lesson', id: A.id, step: null });
    expect(store.getState().packet.requests).toHaveLength(0);
    expect(store.getState().packet.playing).toBe(false);
    expect(store.getState().trace).toBeNull();
  });

  it('a packet stops when the lab text comes back, too', () => {
    const store = fresh();
    open(store, A);
    store
      .getState()
      .sendPackets([{ from: 'prod/web', to: 'prod/db', port: { port: 5432, protocol: 'TCP' } }]);
    store.getState().setLessonRoute({ view: 'lab' });
    expect(store.getState().packet.requests).toHaveLength(0);
  });
});

// The lesson actions on a hand-made lesson (plain data, no files, no worker): what arriving at a
// step does to the text and the selection, with and without a share link.
import { describe, expect, it } from 'vitest';
import type { LessonView, StepView } from '../app-model/lesson-view';
import { createNetlabStore } from './netlab-store';

const DEFAULT = '# the built-in scenario\n';
const START = '# start.yaml\n';
const ID = 'a-01-x';

const step = (id: string, scenario: string | null, endpoints: string[]): StepView => ({
  id,
  text: { en: id, ko: id },
  scenario,
  effectiveScenario: 'start.yaml',
  expectErrors: false,
  editable: [],
  highlight: { endpoints: endpoints.map((key) => ({ ref: key, key })), policies: [] },
});

/** Step one brings start.yaml and points at web → db; step two keeps the text and points at db. */
const LESSON: LessonView = {
  id: ID,
  module: 'A',
  order: 1,
  title: { en: 'X', ko: 'X' },
  prerequisites: [],
  steps: [step('one', 'start.yaml', ['prod/web', 'prod/db']), step('two', null, ['prod/db'])],
  checks: [],
  hints: [],
  solution: '# solution\n',
  scenarios: { 'start.yaml': START, 'solution.yaml': '# solution\n' },
  diagnostics: [],
};

const SHARED = `${START}# the sharer's edit\n`;
const FLOW = { from: 'prod/web', to: 'prod/backend' };

/** A store showing what a share link brought: its text and its flow. */
function fromLink(text = SHARED) {
  const store = createNetlabStore({ defaultScenario: DEFAULT });
  store.getState().replaceScenario(text);
  store.getState().selectFlow(FLOW);
  return store;
}

const load = (store: ReturnType<typeof fromLink>) =>
  store.getState().applyLessonLoad({ id: ID, lesson: LESSON, diagnostics: [] });

describe('opening a lesson', () => {
  it('without a link: asks before replacing edited text, and points at the step’s own endpoints', () => {
    const store = fromLink();
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'two' });
    load(store);
    const s = store.getState();
    expect(s.lesson.pendingScenario).toMatchObject({ lessonId: ID, stepId: 'two', text: START });
    expect(s.selectedFlow).toBeNull();
    expect(s.lesson.arrivedByLink).toBeNull();
  });

  it('in an embed (askBeforeReplacing false): replaces edited text without a question', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, askBeforeReplacing: false });
    store.getState().replaceScenario(SHARED);
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'two' });
    load(store);
    const s = store.getState();
    expect(s.lesson.pendingScenario).toBeNull();
    expect(s.scenarioText).toBe(START);
  });

  it('by a link: the link’s text and flow stay, at the link’s step, with nothing to ask', () => {
    const store = fromLink();
    store.getState().openSharedLesson(ID, 'two');
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: ID, step: 'two' });
    expect(store.getState().lesson.arrivedByLink).toEqual({ lessonId: ID, stepId: 'two' });
    load(store);
    const s = store.getState();
    expect(s.lesson.route).toEqual({ view: 'lesson', id: ID, step: 'two' });
    expect(s.scenarioText).toBe(SHARED);
    expect(s.lesson.pendingScenario).toBeNull();
    expect(s.selectedFlow).toEqual(FLOW);
    expect(s.lesson.textOwner).toBe(ID);
    expect(s.lesson.arrivedByLink).toBeNull();
    expect(s.lesson.progress[ID]!.seen).toEqual(['two']);
  });

  it('by a link to a step that brings a scenario: even text that could be replaced stays', () => {
    const store = fromLink(DEFAULT);
    store.getState().openSharedLesson(ID, 'one');
    load(store);
    expect(store.getState().scenarioText).toBe(DEFAULT);
    expect(store.getState().textReplacedBy).not.toBe('lesson'); // the link replaced it, not the lesson
    expect(store.getState().selectedFlow).toEqual(FLOW);
  });

  it('by a link without a step: where the lesson opens, keeping the link’s text', () => {
    const store = fromLink();
    store.getState().openSharedLesson(ID, null);
    load(store);
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: ID, step: 'one' });
    expect(store.getState().scenarioText).toBe(SHARED);
    expect(store.getState().selectedFlow).toEqual(FLOW);
  });

  it('by a link to a step the lesson no longer has: the first step, the link’s text', () => {
    const store = fromLink();
    store.getState().openSharedLesson(ID, 'gone');
    load(store);
    expect(store.getState().lesson.unknownStep).toBe('gone');
    expect(store.getState().scenarioText).toBe(SHARED);
    expect(store.getState().lesson.pendingScenario).toBeNull();
  });

  it('the address catching up with the same route keeps the link; any other route forgets it', () => {
    const store = fromLink();
    store.getState().openSharedLesson(ID, 'two');
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'two' }, false);
    expect(store.getState().lesson.arrivedByLink).toEqual({ lessonId: ID, stepId: 'two' });
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'one' });
    expect(store.getState().lesson.arrivedByLink).toBeNull();
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'two' });
    load(store);
    expect(store.getState().lesson.pendingScenario).toMatchObject({ stepId: 'two' });

    const other = fromLink();
    other.getState().openSharedLesson(ID, 'two');
    other.getState().setLessonRoute({ view: 'lab' });
    expect(other.getState().lesson.arrivedByLink).toBeNull();
  });

  it('by a link while the lesson is already open: arrives at once, keeping the link’s text and flow', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    store.getState().setLessonRoute({ view: 'lesson', id: ID, step: 'one' });
    load(store);
    expect(store.getState().scenarioText).toBe(START);
    store.getState().replaceScenario(SHARED);
    store.getState().selectFlow(FLOW);
    store.getState().openSharedLesson(ID, 'one');
    const s = store.getState();
    expect(s.lesson.route).toEqual({ view: 'lesson', id: ID, step: 'one' });
    expect(s.scenarioText).toBe(SHARED);
    expect(s.selectedFlow).toEqual(FLOW);
    expect(s.lesson.pendingScenario).toBeNull();
    expect(s.lesson.arrivedByLink).toBeNull();
  });

  it('after arriving by a link, moving on is a lesson as usual', () => {
    const store = fromLink();
    store.getState().openSharedLesson(ID, 'two');
    load(store);
    store.getState().goToStep(0);
    expect(store.getState().lesson.pendingScenario).toMatchObject({ stepId: 'one', text: START });
    expect(store.getState().selectedFlow).toEqual({ from: 'prod/web', to: 'prod/db' });
  });
});

describe('a console lesson played in the by-hand lab', () => {
  it('records the steps seen and, once its checks pass, stays solved', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const F = 'f-01-one-namespace-and-lo';
    store.getState().recordConsoleLesson(F, 'netns', false);
    expect(store.getState().lesson.progress[F]).toMatchObject({
      seen: ['netns'],
      last: 'netns',
      solved: false,
    });
    store.getState().recordConsoleLesson(F, 'netns', true);
    store.getState().recordConsoleLesson(F, 'netns', false);
    expect(store.getState().lesson.progress[F]).toMatchObject({ seen: ['netns'], solved: true });
  });
});

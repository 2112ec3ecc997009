// The lesson service end to end in Node: real lesson files (import.meta.glob), the engine through
// the inline channel, the store's lesson slice, progress in a memory localStorage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueEntry } from '../app-model/lesson-engine';
import { createNetlabStore } from '../store/netlab-store';
import { currentStepIndex } from '../store/lesson-state';
import { inlineChannel } from '../app-model/inline-model-channel';
import { PROGRESS_KEYS } from './lesson-progress';
import { startLessonService } from './lesson-service';
import { loadCatalogueFiles, loadLessonFiles } from './lessons';
import { startModelService } from './model-service';
import { memoryStorage } from '../testing/memory-storage';
import { until } from '../testing/until';

const ROOT = join(import.meta.dirname, '../..');
const DEFAULT = readFileSync(join(ROOT, 'src/scenarios/default.yaml'), 'utf8');
const A01 = 'a-01-no-policy-no-isolation';
const C02 = 'c-02-notes-typos';
const file = (lesson: string, name: string) => readFileSync(join(ROOT, 'lessons', lesson, name), 'utf8');

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

function start(storage: Storage | undefined = memoryStorage(), text?: string) {
  const store = createNetlabStore({
    defaultScenario: DEFAULT,
    ...(text !== undefined ? { scenarioText: text } : {}),
  });
  const channel = inlineChannel();
  stops.push(startModelService(store, channel));
  stops.push(startLessonService(store, channel, storage, { debounceMs: 5 }));
  return { store, storage };
}

describe('lesson files', () => {
  it('finds every lesson and its files', async () => {
    const catalogue = await loadCatalogueFiles();
    expect(catalogue.length).toBeGreaterThanOrEqual(30);
    expect(catalogue[0]!.dir).toBe(`lessons/${A01}`);
    const files = await loadLessonFiles(A01);
    expect(new Map(files!).get('start.yaml')).toBe(file(A01, 'start.yaml'));
    expect(new Map(files!).get('01-open.ko.md')).toBe(file(A01, '01-open.ko.md'));
    expect(await loadLessonFiles('z-99-nothing')).toBeNull();
  });

  it('reads a catalogue entry from lesson.yaml alone, and survives a broken one', () => {
    expect(catalogueEntry(`lessons/${A01}`, file(A01, 'lesson.yaml'))).toEqual({
      id: A01,
      module: 'A',
      order: 1,
      title: { en: 'No policy, no isolation', ko: '정책이 없으면 격리도 없다' },
      prerequisites: [],
      steps: ['open-by-default', 'isolate-db', 'still-open'],
    });
    const broken = catalogueEntry('lessons/b-07-x', 'title: [unclosed');
    expect(broken).toMatchObject({ id: 'b-07-x', module: 'B', order: 7, title: { en: 'b-07-x' } });
    expect(broken.problem?.en).toContain('cannot be read');
  });
});

describe('the lesson service', () => {
  it('reads the catalogue, sorted by module and order', async () => {
    const { store } = start();
    store.getState().setLessonRoute({ view: 'list' });
    await until(store, (s) => s.lesson.catalogue !== null, 'the catalogue');
    const ids = store.getState().lesson.catalogue!.map((e) => e.id);
    expect(ids[0]).toBe(A01);
    // Module I last (Ingress), after H (Services and DNS) and G (CNI plugins); module F, the console
    // lessons, listed from console-lesson.yaml and marked as such.
    expect(ids.at(-1)).toMatch(/^i-/);
    expect(ids.map((id) => id[0]).join('')).toMatch(/g+h+i+$/);
    const catalogue = store.getState().lesson.catalogue!;
    expect(catalogue.every((e) => !e.problem)).toBe(true);
    const f = catalogue.filter((e) => e.module === 'F');
    expect(f.length).toBeGreaterThanOrEqual(8);
    expect(f.every((e) => e.console === true && e.steps.length > 0)).toBe(true);
    expect(catalogue.filter((e) => e.console).length).toBe(f.length);
  });

  it('opens a lesson: its first step loads start.yaml, highlights its flow and runs the checks', async () => {
    const { store } = start();
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: null });
    await until(store, (s) => s.lesson.current?.id === A01, 'the lesson');
    const s = store.getState();
    expect(s.lesson.route).toEqual({ view: 'lesson', id: A01, step: 'open-by-default' });
    expect(s.scenarioText).toBe(file(A01, 'start.yaml'));
    expect(s.textBeforeReset).toBeNull(); // the built-in scenario is nothing to lose
    expect(s.selectedFlow).toEqual({ from: 'prod/web', to: 'prod/db' });
    expect(s.lesson.current!.steps[0]!.text.en).toBe(file(A01, '01-open.en.md'));
    expect(s.lesson.current!.steps[0]!.packet).toEqual({
      from: 'prod/web',
      to: 'prod/db',
      port: { port: 3306, protocol: 'TCP' },
    });
    expect(s.lesson.progress[A01]!.seen).toEqual(['open-by-default']);

    await until(store, (x) => x.lesson.checks?.text === file(A01, 'start.yaml'), 'the first checks');
    const results = store.getState().lesson.checks!;
    expect(results.solved).toBe(false);
    expect(results.results.find((r) => r.id === 'db-is-protected')).toMatchObject({ passed: false });
    expect(results.results.find((r) => r.id === 'db-is-protected')!.message.en).toContain(
      'prod/web → prod/db 3306/TCP should be denied, but it is allowed',
    );
  });

  it('checks again after an edit settles, and marks the lesson solved', async () => {
    const { store, storage } = start();
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'isolate-db' });
    await until(store, (s) => s.lesson.checks?.lessonId === A01, 'the first checks');
    store.getState().setScenarioText(file(A01, 'solution.yaml'));
    await until(store, (s) => s.lesson.checks?.text === file(A01, 'solution.yaml'), 'checks of the edit');
    expect(store.getState().lesson.checks!.solved).toBe(true);
    expect(store.getState().lesson.progress[A01]!.solved).toBe(true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEYS.progress)!)[A01].solved).toBe(true);
    expect(storage.getItem(PROGRESS_KEYS.owner)).toBe(A01);
  });

  it('works without storage (an embed): progress lives for the visit only', async () => {
    const { store } = start(undefined);
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'isolate-db' });
    await until(store, (s) => s.lesson.checks?.lessonId === A01, 'the first checks');
    store.getState().setScenarioText(file(A01, 'solution.yaml'));
    await until(store, (s) => s.lesson.checks?.solved === true, 'the solve');
    expect(store.getState().lesson.ready).toBe(true);
    expect(store.getState().lesson.progress[A01]).toMatchObject({ solved: true, seen: ['isolate-db'] });
  });

  it('scores a quiz once it is answered', async () => {
    const { store } = start();
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'open-by-default' });
    await until(store, (s) => s.lesson.checks?.lessonId === A01, 'the first checks');
    store.getState().answerQuiz('predict-web-db', ['denied']);
    await until(
      store,
      (s) => s.lesson.progress[A01]!.right['predict-web-db'] !== undefined,
      'the quiz score',
    );
    expect(store.getState().lesson.progress[A01]!.right).toEqual({ 'predict-web-db': false });
    const quiz = store.getState().lesson.checks!.results.find((r) => r.id === 'predict-web-db')!;
    expect(quiz.quiz).toMatchObject({ correct: ['allowed'], chosen: ['denied'] });
    // Answered once: a second answer changes nothing.
    store.getState().answerQuiz('predict-web-db', ['allowed']);
    expect(store.getState().lesson.progress[A01]!.answers['predict-web-db']).toEqual(['denied']);
  });

  it('keeps the learner’s own text aside without a question, and gives it back in the lab', async () => {
    const storage = memoryStorage();
    const mine = `${DEFAULT}\n# my own notes\n`;
    const { store } = start(storage, mine);
    store.getState().setLessonRoute({ view: 'lesson', id: C02, step: 'fix' });
    await until(store, (s) => s.lesson.current?.id === C02, 'the lesson');
    expect(store.getState().lesson.pendingScenario).toBeNull();
    expect(store.getState().scenarioText).toBe(file(C02, 'start.yaml'));
    expect(storage.getItem(PROGRESS_KEYS.labText)).toBe(mine);
    store.getState().setLessonRoute({ view: 'lab' });
    expect(store.getState().scenarioText).toBe(mine);
    expect(storage.getItem(PROGRESS_KEYS.labText)).toBeNull();
  });

  it('keeps the learner’s text when they say so, and on a reload at the same step', async () => {
    const storage = memoryStorage();
    const first = start(storage);
    first.store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'open-by-default' });
    await until(first.store, (s) => s.lesson.current?.id === A01, 'the lesson');
    const edited = `${file(A01, 'start.yaml')}# edited\n`;
    first.store.getState().setScenarioText(edited);
    first.store.getState().goToStep(1);
    expect(first.store.getState().lesson.route).toEqual({ view: 'lesson', id: A01, step: 'isolate-db' });
    expect(first.store.getState().scenarioText).toBe(edited); // step 2 keeps the text
    first.store.getState().goToStep(0);
    expect(first.store.getState().lesson.pendingScenario?.stepId).toBe('open-by-default'); // step 1 brings start.yaml
    first.store.getState().resolvePendingScenario(false);
    expect(first.store.getState().scenarioText).toBe(edited);
    while (stops.length) stops.pop()!();

    // A reload: same text, same step; nothing to ask.
    const second = start(storage, edited);
    second.store.getState().setLessonRoute({ view: 'lesson', id: A01, step: null });
    await until(second.store, (s) => s.lesson.current?.id === A01, 'the lesson again');
    expect(currentStepIndex(second.store.getState().lesson)).toBe(0);
    expect(second.store.getState().lesson.pendingScenario).toBeNull();
    expect(second.store.getState().scenarioText).toBe(edited);
    expect(second.store.getState().lesson.progress[A01]!.seen).toEqual(['open-by-default', 'isolate-db']);
  });

  it('shows the solution on request, and loads a step again', async () => {
    const { store } = start();
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'still-open' });
    await until(store, (s) => s.lesson.current?.id === A01, 'the lesson');
    store.getState().setScenarioText(`${store.getState().scenarioText}# mine\n`);
    store.getState().showSolution();
    expect(store.getState().scenarioText).toBe(file(A01, 'solution.yaml'));
    expect(store.getState().textBeforeReset).toContain('# mine');
    expect(store.getState().lesson.progress[A01]!.solutionShown).toBe(true);
    store.getState().restartStep();
    expect(store.getState().scenarioText).toBe(file(A01, 'start.yaml'));
    store.getState().revealHint();
    store.getState().revealHint();
    store.getState().revealHint();
    expect(store.getState().lesson.progress[A01]!.hints).toBe(2);
  });

  it('says so for an unknown lesson, and for an unknown step shows the first', async () => {
    const { store } = start();
    store.getState().setLessonRoute({ view: 'lesson', id: 'z-99-nothing', step: null });
    await until(store, (s) => s.lesson.failure !== null, 'the failure');
    expect(store.getState().lesson.failure).toEqual({
      id: 'z-99-nothing',
      reason: 'unknown',
      diagnostics: [],
    });
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'no-such-step' });
    await until(store, (s) => s.lesson.current?.id === A01, 'the lesson');
    expect(store.getState().lesson.unknownStep).toBe('no-such-step');
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: A01, step: 'open-by-default' });
  });
});

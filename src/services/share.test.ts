// Share links into a lesson, in Node: the real lesson files and engine, the model service on the
// inline channel, and a fake address bar. A link made at a lesson step opens that step with the
// sharer's text and flow, whichever of the model and the lesson arrives first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, type SharedFrame } from '../lib/share-codec';
import { LessonEngine } from '../app-model/lesson-engine';
import { createNetlabStore, type NetlabState } from '../store/netlab-store';
import { memoryStorage } from '../testing/memory-storage';
import { inlineChannel } from '../app-model/inline-model-channel';
import { startLessonRoute } from './lesson-route';
import { startLessonService } from './lesson-service';
import { loadLessonFiles } from './lessons';
import { startModelService } from './model-service';
import { currentFrame, embedSnippet, listenForLinks, openLinkFromLocation } from './share';
import { fakeWindow, type FakeWindow } from '../testing/fake-window';
import { until } from '../testing/until';

const ROOT = join(import.meta.dirname, '../..');
const DEFAULT = readFileSync(join(ROOT, 'src/scenarios/default.yaml'), 'utf8');
const A01 = 'a-01-no-policy-no-isolation';
const START = readFileSync(join(ROOT, 'lessons', A01, 'start.yaml'), 'utf8');
/** The sharer's own edit of the lesson's scenario: text no lesson file has. */
const EDITED = `${START}# the sharer's note\n`;
const PORT = { port: 5000, protocol: 'TCP' as const };
const FRAME: SharedFrame = {
  scenario: EDITED,
  locale: 'ko',
  lesson: { id: A01, step: 'isolate-db' },
  flow: { from: 'prod/web', to: 'prod/backend' },
  port: PORT,
  packet: { from: 'prod/web', to: 'prod/backend', port: PORT, step: 2 },
};

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

const asWindow = (w: FakeWindow) => w as unknown as Window;

/** The lesson as the worker would load it. */
async function lessonLoad() {
  return new LessonEngine().load(`lessons/${A01}`, (await loadLessonFiles(A01))!);
}

/** Everything of FRAME that should be on screen. */
function expectFrame(s: NetlabState) {
  expect(s.lesson.route).toEqual({ view: 'lesson', id: A01, step: 'isolate-db' });
  expect(s.lesson.current?.id).toBe(A01);
  expect(s.scenarioText).toBe(EDITED);
  expect(s.lesson.pendingScenario).toBeNull();
  expect(s.locale).toBe('ko');
  expect(s.selectedFlow).toEqual(FRAME.flow);
  expect(s.view!.model.ports[s.portIndex]).toMatchObject(PORT);
  expect(s.packet.requests).toEqual([{ from: 'prod/web', to: 'prod/backend', port: PORT }]);
  expect(s.packet.step).toBe(2);
}

const modelReady = (s: NetlabState) => s.view?.text === EDITED && s.selectedFlow !== null;

describe('share links into a lesson', () => {
  it('carry the lesson and its step, and come back as they went', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    expect(currentFrame(store.getState()).lesson).toBeUndefined();
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: null });
    expect(currentFrame(store.getState()).lesson).toEqual({ id: A01 }); // still loading: no step yet
    store.getState().applyLessonLoad(await lessonLoad());
    store.getState().goToStep(1);
    const frame = currentFrame(store.getState());
    expect(frame.lesson).toEqual({ id: A01, step: 'isolate-db' });
    expect(decodeShareFragment(encodeShareFragment(frame))).toEqual({ frame });
    store.getState().setLessonRoute({ view: 'list' });
    expect(currentFrame(store.getState()).lesson).toBeUndefined();
  });

  it('open at page load the way main.tsx starts: the step, the text, the flow, the packet', async () => {
    const win = fakeWindow(`#${encodeShareFragment(FRAME)}`);
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: '# my own work\n' });
    const channel = inlineChannel();
    stops.push(startModelService(store, channel));
    const storage = memoryStorage();
    expect(
      openLinkFromLocation(store, storage, win.location as Location, win.history as unknown as History),
    ).toBeNull();
    expect(storage.getItem('netlab.scenario.beforeLink')).toBe('# my own work\n');
    // The address names the lesson, so the lesson route reads the same route from it.
    expect(win.location.hash).toBe(`#/lesson/${A01}/isolate-db`);
    stops.push(startLessonRoute(store, asWindow(win)));
    expect(store.getState().lesson.arrivedByLink).toEqual({ lessonId: A01, stepId: 'isolate-db' });
    stops.push(startLessonService(store, channel, memoryStorage(), { debounceMs: 5 }));
    await until(store, (s) => s.lesson.current?.id === A01 && modelReady(s), 'the lesson and the model');
    expectFrame(store.getState());
    expect(win.location.hash).toBe(`#/lesson/${A01}/isolate-db`);
  });

  it('keep their flow when the model comes before the lesson', async () => {
    const win = fakeWindow(`#${encodeShareFragment(FRAME)}`);
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    stops.push(startModelService(store, inlineChannel()));
    openLinkFromLocation(store, undefined, win.location as Location, win.history as unknown as History);
    await until(store, modelReady, 'the model');
    store.getState().applyLessonLoad(await lessonLoad());
    expectFrame(store.getState());
  });

  it('keep their flow when the lesson comes before the model', async () => {
    const win = fakeWindow(`#${encodeShareFragment(FRAME)}`);
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    openLinkFromLocation(store, undefined, win.location as Location, win.history as unknown as History);
    store.getState().applyLessonLoad(await lessonLoad());
    expect(store.getState().scenarioText).toBe(EDITED);
    stops.push(startModelService(store, inlineChannel()));
    await until(store, modelReady, 'the model');
    expectFrame(store.getState());
  });

  it('pasted into a page already showing the lesson: the address moves to the link’s step', async () => {
    const win = fakeWindow(`#/lesson/${A01}/still-open`);
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = inlineChannel();
    stops.push(startModelService(store, channel));
    stops.push(listenForLinks(store, undefined, asWindow(win)));
    stops.push(startLessonRoute(store, asWindow(win)));
    stops.push(startLessonService(store, channel, memoryStorage(), { debounceMs: 5 }));
    await until(store, (s) => s.lesson.current?.id === A01 && s.view?.text === START, 'the lesson');
    win.entries.length = 0;

    win.navigate(`#${encodeShareFragment(FRAME)}`);
    await until(store, modelReady, 'the model of the link');
    expectFrame(store.getState());
    expect(win.location.hash).toBe(`#/lesson/${A01}/isolate-db`);
    // No history entry for the link itself: Back does not open it again.
    expect(win.entries.every((e) => e.startsWith('replace'))).toBe(true);
  });

  it('ignore lesson ids no route can name, and clear the address', () => {
    const win = fakeWindow(
      `#${encodeShareFragment({ scenario: EDITED, lesson: { id: '../x', step: 'a b' } })}`,
    );
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    openLinkFromLocation(store, undefined, win.location as Location, win.history as unknown as History);
    expect(win.entries).toEqual(['replace /']);
    expect(store.getState().lesson.route).toEqual({ view: 'lab' });
    expect(store.getState().scenarioText).toBe(EDITED);
  });
});

describe('embedSnippet', () => {
  const srcOf = (snippet: string) => new URL(/src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&'));

  it('an iframe of the embed view on this frame, loaded on click, in the language of the page', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, locale: 'ko' });
    const snippet = embedSnippet(
      store.getState(),
      'https://netlab.example/lab/?present=1#/lessons',
      'netlab "demo"',
    );
    expect(snippet).toMatch(
      /^<iframe title="netlab &quot;demo&quot;" src="[^"]+" width="1000" height="760" loading="lazy"><\/iframe>\n$/,
    );
    const src = srcOf(snippet);
    expect(`${src.origin}${src.pathname}`).toBe('https://netlab.example/lab/');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      embed: '1',
      panels: 'matrix,packets',
      lang: 'ko',
      ctl: '1',
    });
    const opened = decodeShareFragment(src.hash);
    expect('frame' in opened && opened.frame.scenario).toBe(DEFAULT);
  });

  it('adds the lesson panel when a lesson is open (the frame carries it)', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    store.getState().setLessonRoute({ view: 'lesson', id: A01, step: 'isolate-db' });
    const src = srcOf(embedSnippet(store.getState(), 'http://127.0.0.1:4173/', 'netlab'));
    expect(src.searchParams.get('panels')).toBe('matrix,packets,lesson');
    const opened = decodeShareFragment(src.hash);
    expect('frame' in opened && opened.frame.lesson).toEqual({ id: A01, step: 'isolate-db' });
  });
});

// Share links into a lesson, in Node: the real lesson files and engine, the model service on the
// inline channel, and a fake address bar. A link made at a lesson step opens that step with the
// sharer's text and flow, whichever of the model and the lesson arrives first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, type SharedFrame } from '../lib/share-codec';
import { LessonEngine } from '../app-model/lesson-engine';
import { createNetlabStore, type NetlabState } from '../store/netlab-store';
import { missingMatrixPort, shownMatrixPort } from '../store/matrix-port';
import { memoryStorage } from '../testing/memory-storage';
import { inlineChannel } from '../app-model/inline-model-channel';
import { startLessonRoute } from './lesson-route';
import { startLessonService } from './lesson-service';
import { loadLessonFiles } from './lessons';
import { startModelService } from './model-service';
import {
  currentFrame,
  embedSnippet,
  fullLabUrl,
  listenForLinks,
  openLinkFromLocation,
  shareBase,
  shareUrl,
} from './share';
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
  policy: 'prod/db-policy',
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
  expect(shownMatrixPort(s)).toMatchObject(PORT);
  expect(s.packet.requests).toEqual([{ from: 'prod/web', to: 'prod/backend', port: PORT }]);
  expect(s.packet.step).toBe(2);
  expect(s.selectedPolicy).toBe('prod/db-policy');
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

  it('carries the port the learner chose, the link too, after an edit adds a port before it', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    stops.push(startModelService(store, inlineChannel()));
    await until(store, (s) => s.view !== null, 'the model');
    const mysql = { port: 3306, protocol: 'TCP' } as const;
    store.getState().setMatrixPort(mysql);
    const withMore = DEFAULT.replace(
      '      containerPort: 80\n',
      '      containerPort: 80\n    - containerPort: 8080\n',
    );
    store.getState().setScenarioText(withMore);
    await until(store, (s) => s.view?.text === withMore, 'the edited model');
    expect(store.getState().view!.model.ports.map((p) => p.port)).toEqual([80, 8080, 5000, 3306]);
    const src = srcOf(embedSnippet(store.getState(), 'http://127.0.0.1:4173/', 'netlab'));
    const fromEmbed = decodeShareFragment(src.hash);
    expect('frame' in fromEmbed && fromEmbed.frame.port).toEqual(mysql);
    const fromLink = decodeShareFragment(new URL(shareUrl(store.getState(), 'http://127.0.0.1:4173/')).hash);
    expect('frame' in fromLink && fromLink.frame.port).toEqual(mysql);
  });
});

describe('the port a link carries', () => {
  const MYSQL = { port: 3306, protocol: 'TCP' } as const;
  const openAtLoad = (store: ReturnType<typeof createNetlabStore>, hash: string) => {
    const win = fakeWindow(hash);
    return openLinkFromLocation(
      store,
      undefined,
      win.location as Location,
      win.history as unknown as History,
    );
  };
  /**
   * Made by netlab before the chosen port was kept as a port in the page: a pod declaring 80 and
   * 3306, the flow prod/db → prod/db, port 3306/TCP. Links carried the port, never a place in a
   * list, so they open the same.
   */
  const OLD_LINK =
    '#s=v1.XU-7agQxDPwVodqQCwchqM0PbBHSxFfobF8w2ZWM1yTF4n8_-V7FVdKMRqPRhmtIwjUrEnLJX6muWYXg79XLb5ZIMGn0sqTGkRsTbMJLIohHB6NbCweDpWrsXtaSAnkBCCqNs5gbwfdtJTjIC_9Ylx0Ure0yeygnYwjed93BM7nf7976oR-8oMNZA8_J4qaBTrP-I214qroYN3K8xKMN2vjoDrvDcXAIr3U4Gle1adDZlJ8fE_Z-Bg';

  it('a link made by an earlier version opens on its port', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    stops.push(startModelService(store, inlineChannel()));
    expect(openAtLoad(store, OLD_LINK)).toBeNull();
    await until(store, (s) => s.selectedFlow !== null && s.view?.text === s.scenarioText, 'the model');
    const s = store.getState();
    expect(s.view!.model.ports).toEqual([{ port: 80, protocol: 'TCP' }, MYSQL]);
    expect(shownMatrixPort(s)).toEqual(MYSQL);
    expect(s.selectedFlow).toEqual({ from: 'prod/db', to: 'prod/db' });
  });

  it('a port the scene does not offer: the first port stands in, and the lost one is named', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    stops.push(startModelService(store, inlineChannel()));
    const scenario = DEFAULT.replace('containerPort: 3306', 'containerPort: 3307');
    const flow = { from: 'prod/web', to: 'prod/db' };
    openAtLoad(store, `#${encodeShareFragment({ scenario, port: MYSQL, flow })}`);
    await until(store, (s) => s.selectedFlow !== null && s.view?.text === scenario, 'the model');
    expect(missingMatrixPort(store.getState())).toEqual(MYSQL);
    expect(shownMatrixPort(store.getState())).toEqual({ port: 80, protocol: 'TCP' });
  });
});

describe('the address links point to', () => {
  it.each([
    [undefined, 'http://localhost:5173/?x=1#s=v1.abc', 'http://localhost:5173/?x=1#s=v1.abc'],
    ['', 'http://localhost:5173/', 'http://localhost:5173/'],
    [
      'https://notes.example.org/netlab/?q=1#frag',
      'http://localhost:5173/',
      'https://notes.example.org/netlab/',
    ],
    ['javascript:alert(1)', 'http://localhost:5173/', 'http://localhost:5173/'],
    ['not a url', 'http://localhost:5173/', 'http://localhost:5173/'],
  ])('published at %j, page %s → %s', (configured, page, base) => {
    expect(shareBase(page, configured)).toBe(base);
  });

  it('"Open in netlab" from an embed: the full lab, no embed query, on the scene now in the frame', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    store.getState().setScenarioText(EDITED);
    const url = new URL(fullLabUrl(store.getState(), 'https://lab.example/netlab/?embed=1&ctl=1&lang=ko'));
    expect(`${url.origin}${url.pathname}${url.search}`).toBe('https://lab.example/netlab/');
    expect(decodeShareFragment(url.hash.slice(1))).toMatchObject({ frame: { scenario: EDITED } });
  });
});

describe('the frame a link carries', () => {
  it('includes the highlighted policy, and only a policy name is accepted back', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    store.getState().selectPolicy('prod/db-policy');
    const frame = currentFrame(store.getState());
    expect(frame.policy).toBe('prod/db-policy');
    expect(decodeShareFragment(encodeShareFragment(frame))).toEqual({ frame });
    const bad = encodeShareFragment({ ...frame, policy: { evil: true } as unknown as string });
    expect(decodeShareFragment(bad)).toHaveProperty('error');
  });
});

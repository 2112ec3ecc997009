// The embed bridge with the real store, model engine and lesson service (inline channel): what a
// host page sees of a lesson, and how it drives one. The window is a fake with a parent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetlabStore, type NetlabStore } from '../store/netlab-store';
import { openEmbedLesson, startEmbedBridge } from './embed-bridge';
import { parseEmbedOptions, type EmbedEvent } from './embed-protocol';
import { inlineChannel } from '../app-model/inline-model-channel';
import { startLessonService } from './lesson-service';
import { startModelService } from './model-service';
import { until } from '../testing/until';

const ROOT = join(import.meta.dirname, '../..');
const DEFAULT = readFileSync(join(ROOT, 'src/scenarios/default.yaml'), 'utf8');
const A01 = 'a-01-no-policy-no-isolation';
const SOLUTION = readFileSync(join(ROOT, 'lessons', A01, 'solution.yaml'), 'utf8');

/** A frame's window: its host page records what it is sent, and can post commands to it. */
function fakeFrame() {
  const sent: EmbedEvent[] = [];
  const host = { postMessage: (m: EmbedEvent) => void sent.push(m) };
  const listeners: ((e: MessageEvent) => void)[] = [];
  const clicks: ((e: MouseEvent) => void)[] = [];
  const win = {
    parent: host,
    addEventListener: (_type: string, f: (e: MessageEvent) => void) => void listeners.push(f),
    removeEventListener: (_type: string, f: (e: MessageEvent) => void) =>
      listeners.splice(listeners.indexOf(f), 1),
    document: {
      addEventListener: (_type: string, f: (e: MouseEvent) => void) => void clicks.push(f),
      removeEventListener: (_type: string, f: (e: MouseEvent) => void) => clicks.splice(clicks.indexOf(f), 1),
    },
  };
  const post = (data: unknown, source: unknown = host) => {
    for (const f of listeners) f({ data, source } as MessageEvent);
  };
  /** The reader clicks a link of the frame; returns whether the page's own navigation was stopped. */
  const clickLink = (href: string, modifiers: Partial<MouseEvent> = {}): boolean => {
    let prevented = false;
    const event = {
      button: 0,
      defaultPrevented: false,
      ...modifiers,
      target: { closest: () => ({ getAttribute: () => href }) },
      preventDefault: () => (prevented = true),
    };
    for (const f of clicks) f(event as unknown as MouseEvent);
    return prevented;
  };
  return {
    win: win as unknown as Window,
    sent,
    post,
    clickLink,
    of: <T extends EmbedEvent['type']>(type: T) =>
      sent.filter((m): m is Extract<EmbedEvent, { type: T }> => m.type === type),
  };
}

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** An embed as main.tsx composes it, without localStorage. */
function embed(search: string) {
  const options = parseEmbedOptions(search);
  const store = createNetlabStore({ defaultScenario: DEFAULT });
  const frame = fakeFrame();
  const channel = inlineChannel();
  stops.push(startModelService(store, channel));
  stops.push(startEmbedBridge(store, frame.win, options));
  openEmbedLesson(store, options);
  stops.push(startLessonService(store, channel, undefined, { debounceMs: 5 }));
  return { store, ...frame };
}

describe('openEmbedLesson', () => {
  const route = (search: string, before?: (s: NetlabStore) => void) => {
    const store = createNetlabStore({ defaultScenario: 'x' });
    before?.(store);
    openEmbedLesson(store, parseEmbedOptions(search));
    return store.getState().lesson.route;
  };

  it('opens the lesson and step the author named, else the list when the panel is asked for', () => {
    expect(route(`?embed=1&panels=lesson&lesson=${A01}&step=isolate-db`)).toEqual({
      view: 'lesson',
      id: A01,
      step: 'isolate-db',
    });
    expect(route(`?embed=1&lesson=${A01}`)).toEqual({ view: 'lesson', id: A01, step: null });
    expect(route('?embed=1&panels=lesson')).toEqual({ view: 'list' });
    expect(route('?embed=1&panels=lesson&lesson=../etc')).toEqual({ view: 'list' });
    expect(route('?embed=1&panels=matrix')).toEqual({ view: 'lab' });
  });

  it('leaves a route the fragment already opened (where the reader was before a reload)', () => {
    const opened = (s: NetlabStore) =>
      s.getState().setLessonRoute({ view: 'lesson', id: 'b-01-x', step: 'two' });
    expect(route(`?embed=1&panels=lesson&lesson=${A01}`, opened)).toEqual({
      view: 'lesson',
      id: 'b-01-x',
      step: 'two',
    });
  });
});

describe('the embed bridge and lessons', () => {
  it('reports the step and the checks, follows the host to another step, and reports the solve once', async () => {
    const { store, post, of } = embed(`?embed=1&panels=lesson,editor&lesson=${A01}`);
    await until(store, () => of('netlab:check').length > 0, 'the first checks');
    expect(of('netlab:step')).toEqual([{ type: 'netlab:step', lesson: A01, step: 'open-by-default' }]);
    const first = of('netlab:check')[0]!;
    expect(first).toMatchObject({ lesson: A01, solved: false, total: 5 });
    expect(first.passed).toBeLessThan(5);

    post({ type: 'netlab:lesson', lesson: A01, step: 'isolate-db' });
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: A01, step: 'isolate-db' });
    expect(of('netlab:step').at(-1)).toEqual({ type: 'netlab:step', lesson: A01, step: 'isolate-db' });

    post({ type: 'netlab:load', scenario: SOLUTION });
    await until(store, () => of('netlab:check').some((m) => m.solved), 'the solve');
    expect(of('netlab:check').at(-1)).toEqual({
      type: 'netlab:check',
      lesson: A01,
      solved: true,
      passed: 5,
      total: 5,
    });

    // The same results again (the Check button) are no news.
    const count = of('netlab:check').length;
    const before = store.getState().lesson.checks;
    store.getState().requestLessonCheck();
    await until(store, () => store.getState().lesson.checks !== before, 'the second check');
    expect(of('netlab:check')).toHaveLength(count);
    // The reader's own move is reported too, once.
    store.getState().goToStep(2);
    store.getState().goToStep(2);
    expect(of('netlab:step').map((m) => m.step)).toEqual(['open-by-default', 'isolate-db', 'still-open']);
    // Without storage (an embed), progress still counts for the visit.
    expect(store.getState().lesson.progress[A01]!.solved).toBe(true);
  }, 20_000);

  it("routes the lesson panel's own links through the store, so the frame's fragment changes add no history", () => {
    const { store, clickLink } = embed('?embed=1&panels=lesson');
    expect(store.getState().lesson.route).toEqual({ view: 'list' });
    expect(clickLink(`#/lesson/${A01}/isolate-db`)).toBe(true);
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: A01, step: 'isolate-db' });
    expect(clickLink('#/lessons')).toBe(true);
    expect(store.getState().lesson.route).toEqual({ view: 'list' });
    // Not ours: a share link, a new-tab click.
    expect(clickLink('#s=v1.abc')).toBe(false);
    expect(clickLink(`#/lesson/${A01}`, { ctrlKey: true })).toBe(false);
    expect(store.getState().lesson.route).toEqual({ view: 'list' });
  });

  it('ignores lesson commands with names no route could have, and commands from other windows', () => {
    const { store, post } = embed('?embed=1&panels=lesson');
    post({ type: 'netlab:lesson', lesson: '../secrets' });
    post({ type: 'netlab:lesson', lesson: A01, step: 'a/b' });
    post({ type: 'netlab:lesson', lesson: A01 }, {});
    expect(store.getState().lesson.route).toEqual({ view: 'list' });
    post({ type: 'netlab:lesson', lesson: A01 });
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: A01, step: null });
  });
});

describe('the embed protocol: hello, ack and error', () => {
  it('says hello with its version first, then ready', async () => {
    const { store, sent } = embed('?embed=1&panels=matrix');
    await until(store, (s) => s.view !== null, 'the first model');
    expect(sent[0]).toEqual({ type: 'netlab:hello', version: 1 });
    expect(sent.map((m) => m.type)).toContain('netlab:ready');
  });

  it('acknowledges a scenario that loads, and names the line and column of one that does not', async () => {
    const { store, post, of } = embed('?embed=1&panels=matrix');
    await until(store, (s) => s.view !== null, 'the first model');
    post({ type: 'netlab:load', scenario: SOLUTION, id: 'good' });
    await until(store, () => of('netlab:ack').length > 0, 'the ack');
    expect(of('netlab:ack')).toEqual([{ type: 'netlab:ack', id: 'good' }]);
    post({ type: 'netlab:load', scenario: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n', id: 7 });
    await until(store, () => of('netlab:error').length > 0, 'the error');
    const error = of('netlab:error')[0]!;
    expect(error).toMatchObject({ id: 7, code: 'scenario-errors' });
    expect(error.message).toMatch(/^\d+:\d+: /);
  });

  it('answers a malformed netlab message with an error, and ignores messages that are not netlab’s', () => {
    const { post, sent, of } = embed('?embed=1&panels=matrix');
    const before = sent.length;
    post({ type: 'something-else', x: 1 });
    post('hello');
    expect(sent).toHaveLength(before);
    post({ type: 'netlab:play', from: 'prod/web', id: 'p1' });
    post({ type: 'netlab:fly', id: 'f' });
    expect(of('netlab:error')).toEqual([
      {
        type: 'netlab:error',
        id: 'p1',
        code: 'bad-message',
        message: expect.stringContaining('netlab:play needs'),
      },
      {
        type: 'netlab:error',
        id: 'f',
        code: 'bad-message',
        message: expect.stringContaining('unknown command'),
      },
    ]);
  });

  it('refuses a packet between unknown endpoints and leaves no packet behind', async () => {
    const { store, post, of } = embed('?embed=1&panels=packets');
    await until(store, (s) => s.view !== null, 'the first model');
    post({ type: 'netlab:play', from: 'nope/x', to: 'prod/db', port: 3306, id: 'bad' });
    await until(store, () => of('netlab:error').length > 0, 'the error');
    expect(of('netlab:error')[0]).toMatchObject({ id: 'bad', code: 'unknown-endpoint' });
    expect(store.getState().packet.requests).toEqual([]);
    post({ type: 'netlab:play', from: 'prod/web', to: 'prod/db', port: 3306, id: 'good' });
    await until(store, () => of('netlab:ack').length > 0, 'the ack');
    expect(of('netlab:ack')).toEqual([{ type: 'netlab:ack', id: 'good' }]);
  });

  it('selects a flow on the port the host names, and refuses unknown endpoints and ports', async () => {
    const { store, post, of } = embed('?embed=1&panels=matrix');
    await until(store, (s) => s.view !== null, 'the first model');
    post({ type: 'netlab:select', from: 'prod/web', to: 'prod/db', port: 3306, id: 's1' });
    expect(of('netlab:ack')).toEqual([{ type: 'netlab:ack', id: 's1' }]);
    const s = store.getState();
    expect(s.selectedFlow).toEqual({ from: 'prod/web', to: 'prod/db' });
    expect(s.matrixPort).toEqual({ port: 3306, protocol: 'TCP' });
    post({ type: 'netlab:select', from: 'prod/web', to: 'nope/x', id: 's2' });
    post({ type: 'netlab:select', from: 'prod/web', to: 'prod/db', port: 9999, id: 's3' });
    expect(of('netlab:error').map((e) => [e.id, e.code])).toEqual([
      ['s2', 'unknown-endpoint'],
      ['s3', 'bad-port'],
    ]);
  });

  it('says when a lesson does not exist, and acknowledges one that opens', async () => {
    const { store, post, of } = embed('?embed=1&panels=lesson');
    post({ type: 'netlab:lesson', lesson: 'z-99-nothing', id: 'missing' });
    await until(store, () => of('netlab:error').length > 0, 'the error');
    expect(of('netlab:error')[0]).toMatchObject({ id: 'missing', code: 'unknown-lesson' });
    post({ type: 'netlab:lesson', lesson: A01, id: 'there' });
    await until(store, () => of('netlab:ack').length > 0, 'the ack');
    expect(of('netlab:ack')).toEqual([{ type: 'netlab:ack', id: 'there' }]);
  }, 20_000);

  it('a read-only embed takes no scenario unless allow=load, and never reports checks', async () => {
    const ro = embed(`?embed=1&panels=lesson&readonly=1&lesson=${A01}`);
    ro.post({ type: 'netlab:load', scenario: SOLUTION, id: 'l' });
    expect(ro.of('netlab:error')).toEqual([
      { type: 'netlab:error', id: 'l', code: 'read-only', message: expect.stringContaining('allow=load') },
    ]);
    await until(ro.store, (s) => s.lesson.checks !== null, 'the checks');
    expect(ro.of('netlab:check')).toEqual([]);

    const allowed = embed(`?embed=1&panels=lesson&readonly=1&allow=load&lesson=${A01}&step=isolate-db`);
    await until(allowed.store, (s) => s.lesson.checks !== null, 'the first checks');
    allowed.post({ type: 'netlab:load', scenario: SOLUTION, id: 'l' });
    await until(allowed.store, (s) => s.lesson.checks?.solved === true, 'the solve');
    expect(allowed.of('netlab:ack')).toEqual([{ type: 'netlab:ack', id: 'l' }]);
    expect(allowed.of('netlab:check')).toEqual([]);
  }, 20_000);
});

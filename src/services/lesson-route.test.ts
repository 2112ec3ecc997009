import { describe, expect, it } from 'vitest';
import { createNetlabStore } from '../store/netlab-store';
import { formatLessonHash, isRouteName, parseLessonHash, startLessonRoute } from './lesson-route';
import { fakeWindow } from '../testing/fake-window';

describe('lesson hash routes', () => {
  it.each([
    ['', { route: { view: 'lab' }, present: false }],
    ['#', { route: { view: 'lab' }, present: false }],
    ['#/', { route: { view: 'lab' }, present: false }],
    ['#/?present=1', { route: { view: 'lab' }, present: true }],
    ['#/lessons', { route: { view: 'list' }, present: false }],
    ['#/lesson', { route: { view: 'list' }, present: false }],
    [
      '#/lesson/a-01-no-policy-no-isolation',
      { route: { view: 'lesson', id: 'a-01-no-policy-no-isolation', step: null }, present: false },
    ],
    [
      '#/lesson/a-01-x/isolate-db',
      { route: { view: 'lesson', id: 'a-01-x', step: 'isolate-db' }, present: false },
    ],
    [
      '#/lesson/a-01-x/isolate-db/',
      { route: { view: 'lesson', id: 'a-01-x', step: 'isolate-db' }, present: false },
    ],
    [
      '#/lesson/a-01-x/isolate-db?present=1',
      { route: { view: 'lesson', id: 'a-01-x', step: 'isolate-db' }, present: true },
    ],
    ['#/lesson/a-01-x?present', { route: { view: 'lesson', id: 'a-01-x', step: null }, present: true }],
    ['#/lesson/a-01-x?present=0', { route: { view: 'lesson', id: 'a-01-x', step: null }, present: false }],
    ['#/lesson/nope', { route: { view: 'lesson', id: 'nope', step: null }, present: false }],
  ])('%s', (hash, want) => {
    expect(parseLessonHash(hash)).toEqual(want);
  });

  it.each([
    '#s=v1.abc',
    '#section',
    '#/lesson/a b',
    '#/lesson/%E0%A4%A/x',
    '#/lesson/a/b/c',
    '#/other',
    '#/lesson/<script>',
    `#/lesson/${'a'.repeat(500)}`,
  ])('leaves %s alone (not a route)', (hash) => {
    expect(parseLessonHash(hash)).toBeNull();
  });

  it('names lessons and steps by one rule', () => {
    for (const ok of ['a-01-no-policy-no-isolation', 'isolate-db', 'A.b_c', 'x'.repeat(100)])
      expect(isRouteName(ok)).toBe(true);
    for (const bad of ['', '-a', '.hidden', 'a b', 'a/b', '../x', '<script>', 'x'.repeat(101), 'a\n'])
      expect(isRouteName(bad)).toBe(false);
  });

  it('formats what it parses', () => {
    for (const hash of [
      '#/',
      '#/lessons',
      '#/lesson/a-01-x',
      '#/lesson/a-01-x/step-1',
      '#/lesson/a-01-x/step-1?present=1',
      '#/?present=1',
    ]) {
      const parsed = parseLessonHash(hash)!;
      expect(formatLessonHash(parsed.route, parsed.present)).toBe(hash);
    }
  });
});

describe('startLessonRoute', () => {
  it('opens the route of the address, follows hashchange and writes moves back', () => {
    const store = createNetlabStore({ defaultScenario: 'x' });
    const win = fakeWindow('#/lesson/a-01-x/two?present=1');
    startLessonRoute(store, win as unknown as Window);
    expect(store.getState().lesson.route).toEqual({ view: 'lesson', id: 'a-01-x', step: 'two' });
    expect(store.getState().lesson.present).toBe(true);
    expect(win.entries).toEqual([]);

    win.navigate('#/lessons');
    expect(store.getState().lesson.route).toEqual({ view: 'list' });
    expect(store.getState().lesson.present).toBe(false);

    store.getState().setLessonRoute({ view: 'lesson', id: 'b-01-y', step: null });
    store.getState().setLessonRoute({ view: 'lesson', id: 'b-01-y', step: 'second' });
    store.getState().setPresenting(true);
    store.getState().setLessonRoute({ view: 'lab' });
    expect(win.entries).toEqual([
      'push #/lesson/b-01-y',
      'replace #/lesson/b-01-y/second',
      'replace #/lesson/b-01-y/second?present=1',
      'push #/?present=1',
    ]);

    store.getState().setPresenting(false);
    expect(win.entries.at(-1)).toBe('replace /');
  });

  it('only replaces the entry when asked to (an embed: its entries would be the host page’s)', () => {
    const store = createNetlabStore({ defaultScenario: 'x' });
    const win = fakeWindow('');
    startLessonRoute(store, win as unknown as Window, { replaceOnly: true });
    store.getState().setLessonRoute({ view: 'list' });
    store.getState().setLessonRoute({ view: 'lesson', id: 'b-01-y', step: 'second' });
    store.getState().setLessonRoute({ view: 'lesson', id: 'c-01-z', step: null });
    expect(win.entries).toEqual([
      'replace #/lessons',
      'replace #/lesson/b-01-y/second',
      'replace #/lesson/c-01-z',
    ]);
    expect(win.location.hash).toBe('#/lesson/c-01-z');
  });

  it('does not touch a fragment that is not a route', () => {
    const store = createNetlabStore({ defaultScenario: 'x' });
    const win = fakeWindow('#s=v1.abc');
    startLessonRoute(store, win as unknown as Window);
    expect(store.getState().lesson.route).toEqual({ view: 'lab' });
    expect(win.entries).toEqual([]);
    expect(win.location.hash).toBe('#s=v1.abc');
  });
});

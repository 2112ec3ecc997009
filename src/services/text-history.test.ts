// The history of the learner's own texts: which replacements keep a version, that versions survive
// a new page (a fresh store on the same storage), and that a damaged entry loses only itself.
import { afterEach, describe, expect, it } from 'vitest';
import { createNetlabStore, type NetlabStore } from '../store/netlab-store';
import { HISTORY_LIMIT } from '../store/text-history';
import { memoryStorage } from '../testing/memory-storage';
import { HISTORY_KEY, readHistory, startTextHistory } from './text-history';
import { MAX_SAVED_CHARS } from './persistence';

const DEFAULT = '# the default\n';
const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** A page: a store on `storage` with the history service, the clock at `clock.now`. */
function page(storage: Storage, scenarioText?: string, clock = { now: 1000 }): NetlabStore {
  const store = createNetlabStore({ defaultScenario: DEFAULT, ...(scenarioText ? { scenarioText } : {}) });
  stops.push(startTextHistory(store, storage, DEFAULT, () => clock.now));
  return store;
}

const texts = (store: NetlabStore) => store.getState().history.map((v) => [v.text, v.replacedBy]);

describe('the text history', () => {
  it.each([
    ['link', (s: NetlabStore) => s.getState().replaceScenario('# A\n', undefined, 'link')],
    ['file', (s: NetlabStore) => s.getState().replaceScenario('# A\n', undefined, 'file')],
    ['drop', (s: NetlabStore) => s.getState().replaceScenario('# A\n', undefined, 'drop')],
    ['reset', (s: NetlabStore) => s.getState().resetScenario()],
  ] as const)('keeps the learner’s own text when a %s replaces it', (by, replace) => {
    const store = page(memoryStorage());
    store.getState().setScenarioText('# mine\n');
    replace(store);
    expect(texts(store)).toEqual([['# mine\n', by]]);
  });

  it('own work → link A → link B: only the own work is kept (A came unchanged from a link)', () => {
    const store = page(memoryStorage());
    store.getState().setScenarioText('# mine\n');
    store.getState().replaceScenario('# A\n', undefined, 'link');
    store.getState().replaceScenario('# B\n', undefined, 'link');
    expect(texts(store)).toEqual([['# mine\n', 'link']]);
    // …but A edited is the learner's work
    store.getState().setScenarioText('# B edited\n');
    store.getState().resetScenario();
    expect(texts(store)).toEqual([
      ['# B edited\n', 'reset'],
      ['# mine\n', 'link'],
    ]);
  });

  it('survives a reload, with the time and what replaced it, and restores any version', () => {
    const storage = memoryStorage();
    const clock = { now: 1000 };
    const first = page(storage, undefined, clock);
    first.getState().setScenarioText('# one\n');
    first.getState().replaceScenario('# A\n', undefined, 'link');
    clock.now = 2000;
    first.getState().setScenarioText('# two\n');
    first.getState().replaceScenario('# B\n', undefined, 'file');
    stops.pop()!();
    const second = page(storage, '# B\n', clock);
    expect(second.getState().history).toEqual([
      { text: '# two\n', savedAt: 2000, replacedBy: 'file' },
      { text: '# one\n', savedAt: 1000, replacedBy: 'link' },
    ]);
    // B came unchanged from a file (also known after the reload): restoring keeps no copy of it
    second.getState().restoreVersion('# one\n');
    expect(second.getState().scenarioText).toBe('# one\n');
    expect(texts(second)).toEqual([
      ['# two\n', 'file'],
      ['# one\n', 'link'],
    ]);
  });

  it("fingerprints an opened text in a later task, and a text typed meanwhile is still the learner's own", async () => {
    const storage = memoryStorage();
    const store = page(storage);
    store.getState().replaceScenario('# opened\n', undefined, 'file');
    const before = readHistory(storage).opened;
    // Typed before the fingerprint is stored, then replaced: kept as a version.
    store.getState().setScenarioText('# opened, then mine\n');
    store.getState().replaceScenario('# C\n', undefined, 'link');
    expect(texts(store)).toEqual([['# opened, then mine\n', 'link']]);
    await new Promise((r) => setTimeout(r, 0));
    expect(readHistory(storage).opened).not.toBe(before);
    // The opened text itself, unchanged, is not the learner's work.
    store.getState().replaceScenario('# opened\n', undefined, 'file');
    store.getState().replaceScenario('# D\n', undefined, 'file');
    expect(texts(store)).toEqual([['# opened, then mine\n', 'link']]);
  });

  it('a text too long to be saved gets no fingerprint: the one before stays, and still answers after a reload', async () => {
    const storage = memoryStorage();
    const store = page(storage);
    store.getState().replaceScenario('# from a link\n', undefined, 'link');
    await new Promise((r) => setTimeout(r, 0));
    const linkHash = readHistory(storage).opened;
    expect(linkHash).not.toBeNull();
    const dump = 'x'.repeat(MAX_SAVED_CHARS + 1);
    store.getState().replaceScenario(dump, undefined, 'file');
    await new Promise((r) => setTimeout(r, 0));
    expect(readHistory(storage).opened).toBe(linkHash);
    // In this tab the dump, unchanged, is still not the learner's work.
    store.getState().replaceScenario('# E\n', undefined, 'file');
    expect(texts(store)).toEqual([]);
    // After a reload the link's text (what storage still holds) is still not the learner's work.
    const next = page(storage, '# from a link\n');
    next.getState().replaceScenario('# F\n', undefined, 'file');
    expect(texts(next)).toEqual([]);
  });

  it(`keeps the last ${HISTORY_LIMIT}, newest first`, () => {
    const store = page(memoryStorage());
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      store.getState().setScenarioText(`# mine ${i}\n`);
      store.getState().resetScenario();
    }
    expect(store.getState().history).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().history[0]!.text).toBe(`# mine ${HISTORY_LIMIT + 4}\n`);
  });

  it('never keeps the default scenario or an empty text', () => {
    const store = page(memoryStorage());
    store.getState().replaceScenario('# A\n', undefined, 'link');
    store.getState().setScenarioText('  \n');
    store.getState().resetScenario();
    expect(store.getState().history).toEqual([]);
  });

  it('reads a damaged history entry by entry', () => {
    const storage = memoryStorage();
    storage.setItem(
      HISTORY_KEY,
      JSON.stringify({
        opened: null,
        versions: [
          { text: '# good\n', savedAt: 5, replacedBy: 'reset' },
          { text: 42, savedAt: 5, replacedBy: 'reset' },
          { text: '# future\n', savedAt: 5, replacedBy: 'time-machine' },
          null,
        ],
      }),
    );
    expect(readHistory(storage).versions).toEqual([{ text: '# good\n', savedAt: 5, replacedBy: 'reset' }]);
    storage.setItem(HISTORY_KEY, '{not json');
    expect(readHistory(storage)).toEqual({ versions: [], opened: null });
  });

  it('a full storage keeps working: the history stays in the page, and says it is not saved', () => {
    const store = page(memoryStorage(true));
    store.getState().setScenarioText('# mine\n');
    store.getState().resetScenario();
    expect(texts(store)).toEqual([['# mine\n', 'reset']]);
    expect(store.getState().historyUnsaved).toBe(1);
  });

  it('when storage holds only some versions, the newest are saved and the rest counted, not dropped', () => {
    const big = (n: number) => `# version ${n}\n${'x'.repeat(1000)}\n`;
    const storage = memoryStorage(2600);
    const store = page(storage);
    for (const n of [1, 2, 3]) {
      store.getState().setScenarioText(big(n));
      store.getState().resetScenario();
    }
    expect(store.getState().history.map((v) => v.text)).toEqual([big(3), big(2), big(1)]);
    expect(store.getState().historyUnsaved).toBe(1);
    expect(readHistory(storage).versions.map((v) => v.text)).toEqual([big(3), big(2)]);
  });
});

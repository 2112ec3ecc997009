// The share service feeding the store's share slice, in Node: the backup a link leaves in
// (memory) storage and its offer, and what the panel is told about links and files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../lib/share-codec';
import { createNetlabStore } from '../store/netlab-store';
import { fakeWindow } from '../testing/fake-window';
import { memoryStorage } from '../testing/memory-storage';
import { BACKUP_KEY, listenForLinks, openLinkFromLocation, openSceneFile, startShareBackup } from './share';

const DEFAULT = readFileSync(join(import.meta.dirname, '../scenarios/default.yaml'), 'utf8');
const MINE = '# my own work\n';

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** Opens the link `win` shows, the way main.tsx does at page load. */
const openAtLoad = (store: ReturnType<typeof createNetlabStore>, storage: Storage, hash: string) => {
  const win = fakeWindow(hash);
  return openLinkFromLocation(store, storage, win.location as Location, win.history as unknown as History);
};

describe('the backup a link leaves', () => {
  it('is offered at the next page load, and leaves storage when dismissed', () => {
    const storage = memoryStorage();
    storage.setItem(BACKUP_KEY, MINE);
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    stops.push(startShareBackup(store, storage));
    expect(store.getState().share.backup).toBe(MINE);
    store.getState().dismissShareBackup();
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
    expect(store.getState().scenarioText).toBe(DEFAULT);
  });

  it('restoring puts the learner’s text back and clears storage', () => {
    const storage = memoryStorage();
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    stops.push(startShareBackup(store, storage));
    expect(store.getState().share.backup).toBeNull();
    expect(openAtLoad(store, storage, `#${encodeShareFragment({ scenario: DEFAULT })}`)).toBeNull();
    expect(storage.getItem(BACKUP_KEY)).toBe(MINE);
    expect(store.getState().share.backup).toBe(MINE);
    expect(store.getState().scenarioText).toBe(DEFAULT);
    store.getState().restoreShareBackup();
    expect(store.getState().scenarioText).toBe(MINE);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });

  it('is still offered for this visit when storage is full, or when there is none', () => {
    for (const storage of [memoryStorage(true), undefined]) {
      const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
      stops.push(startShareBackup(store, storage));
      const win = fakeWindow(`#${encodeShareFragment({ scenario: DEFAULT })}`);
      openLinkFromLocation(store, storage, win.location as Location, win.history as unknown as History);
      expect(store.getState().share.backup).toBe(MINE);
      store.getState().restoreShareBackup();
      expect(store.getState().scenarioText).toBe(MINE);
    }
  });

  it('is not offered when the link shows the learner’s own text', () => {
    const storage = memoryStorage();
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    openAtLoad(store, storage, `#${encodeShareFragment({ scenario: MINE })}`);
    expect(store.getState().share.backup).toBeNull();
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });
});

describe('what the share panel is told', () => {
  it('a damaged link at page load: the reason, and the text untouched', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    const error = openAtLoad(store, memoryStorage(), '#s=v1.AAAA');
    expect(error?.en).toContain('cannot be opened');
    expect(store.getState().share.notice).toEqual({ kind: 'error', reason: error });
    expect(store.getState().scenarioText).toBe(MINE);
  });

  it('a link pasted into the open page: the reason when damaged, nothing left over once one opens', () => {
    const win = fakeWindow('');
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    stops.push(listenForLinks(store, memoryStorage(), win as unknown as Window));
    win.navigate('#s=v1.!!!');
    expect(store.getState().share.notice).toMatchObject({ kind: 'error', reason: { ko: /손상/ } });
    win.navigate(`#${encodeShareFragment({ scenario: DEFAULT })}`);
    expect(store.getState().share.notice).toBeNull();
    expect(store.getState().scenarioText).toBe(DEFAULT);
  });

  it('a YAML file opens as the scenario; a binary one is refused with its name', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    await openSceneFile(store, new File([DEFAULT], 'shop.yaml'));
    expect(store.getState().scenarioText).toBe(DEFAULT);
    expect(store.getState().textBeforeReset).toBe(MINE);
    expect(store.getState().share.notice).toEqual({ kind: 'opened', file: 'shop.yaml' });
    await openSceneFile(store, new File([new Uint8Array([0x61, 0, 0x62])], 'blob.bin'));
    expect(store.getState().share.notice).toEqual({
      kind: 'error',
      reason: expect.objectContaining({ en: expect.stringMatching(/^blob\.bin is not a text file/) }),
    });
    expect(store.getState().scenarioText).toBe(DEFAULT);
  });
});

// The share slice as store transitions: plain data in, plain data out.
import { describe, expect, it } from 'vitest';
import { createNetlabStore } from './netlab-store';

const DEFAULT = '# the built-in scenario\n';
const MINE = '# my own work\n';
const SHARED = '# a shared scene\n';

describe('the share slice', () => {
  it('starts with nothing to say and nothing to offer', () => {
    expect(createNetlabStore({ defaultScenario: DEFAULT }).getState().share).toEqual({
      notice: null,
      backup: null,
    });
  });

  it('keeps the last notice only', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const error = { kind: 'error', reason: { en: 'bad', ko: '나쁨' } } as const;
    store.getState().showShareNotice(error);
    expect(store.getState().share.notice).toEqual(error);
    store.getState().showShareNotice({ kind: 'copied', what: 'link' });
    expect(store.getState().share.notice).toEqual({ kind: 'copied', what: 'link' });
    store.getState().showShareNotice(null);
    expect(store.getState().share.notice).toBeNull();
  });

  it('restoring the offered backup brings the learner’s text back, undoably, and withdraws the offer', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: MINE });
    store.getState().replaceScenario(SHARED);
    store.getState().offerShareBackup(MINE);
    store.getState().selectFlow({ from: 'prod/web', to: 'prod/db' });
    store.getState().setMatrixPort({ port: 3306, protocol: 'TCP' });
    store.getState().restoreShareBackup();
    const s = store.getState();
    expect(s.scenarioText).toBe(MINE);
    expect(s.share.backup).toBeNull();
    expect(s.textBeforeReset).toBe(SHARED);
    expect(s.textReplacedBy).toBe('replaced');
    // The shared scene's flow and port are not the learner's.
    expect(s.selectedFlow).toBeNull();
    expect(s.matrixPort).toBeNull();
    s.undoReset();
    expect(store.getState().scenarioText).toBe(SHARED);
  });

  it('restoring with nothing offered changes nothing; dismissing withdraws the offer only', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: SHARED });
    const before = store.getState();
    store.getState().restoreShareBackup();
    expect(store.getState()).toEqual(before);
    store.getState().offerShareBackup(MINE);
    store.getState().dismissShareBackup();
    expect(store.getState().share.backup).toBeNull();
    expect(store.getState().scenarioText).toBe(SHARED);
  });
});

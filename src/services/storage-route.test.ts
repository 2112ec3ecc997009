// The storage lab in the URL: #/storage and #/layers open the labs, switching labs writes the
// fragment (without a history entry), lesson routes and share links are left alone.
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from '../lib/share-codec';
import { createNetlabStore } from '../store/netlab-store';
import { fakeWindow } from '../testing/fake-window';
import { currentFrame } from './share';
import { parseLabHash, startStorageRoute } from './storage-route';

const store = () => createNetlabStore({ defaultScenario: '', storage: { volumes: 'V', layers: 'L' } });

describe('parseLabHash', () => {
  it.each([
    ['#/storage', 'volumes'],
    ['#/storage/', 'volumes'],
    ['#/storage/volumes', 'volumes'],
    ['#/layers', 'layers'],
    ['#/storage/layers?present=1', 'layers'],
    ['#/', undefined],
    ['#/lesson/e-01-pv-pvc-binding', undefined],
    ['#s=v1.abc', undefined],
  ])('%s → %s', (hash, mode) => expect(parseLabHash(hash)).toBe(mode));
});

describe('startStorageRoute', () => {
  it('opens the lab the address names, follows hashchange, and writes the lab it switches to', () => {
    const s = store();
    const win = fakeWindow('#/layers');
    startStorageRoute(s, win as unknown as Window);
    expect(s.getState().storageLab.mode).toBe('layers');
    win.navigate('#/storage');
    expect(s.getState().storageLab.mode).toBe('volumes');
    s.getState().setLabMode('layers');
    expect(win.entries.at(-1)).toBe('replace #/layers');
    s.getState().setLabMode('network');
    expect(win.entries.at(-1)).toBe('replace /');
  });

  it('leaves lesson routes alone', () => {
    const s = store();
    const win = fakeWindow('#/lesson/a-01-no-policy-no-isolation');
    s.getState().setLessonRoute({ view: 'lesson', id: 'a-01-no-policy-no-isolation', step: null });
    startStorageRoute(s, win as unknown as Window);
    s.getState().setLabMode('volumes');
    expect(win.entries).toEqual([]);
  });
});

describe('share links of the storage lab', () => {
  it('carry the lab and its text, and are validated strictly', () => {
    const s = store();
    s.getState().setLabMode('volumes');
    s.getState().setStorageText('volumes', 'kind: PersistentVolume\n');
    const frame = currentFrame(s.getState());
    expect(frame.storage).toEqual({ lab: 'volumes', text: 'kind: PersistentVolume\n' });
    const back = decodeShareFragment(encodeShareFragment(frame));
    expect('frame' in back && back.frame.storage).toEqual(frame.storage);
    const bad = decodeShareFragment(
      encodeShareFragment({ scenario: '', storage: { lab: 'x', text: '' } } as never),
    );
    expect('error' in bad).toBe(true);
  });

  it('the networking lab adds nothing to a link', () => {
    expect(currentFrame(store().getState()).storage).toBeUndefined();
  });
});

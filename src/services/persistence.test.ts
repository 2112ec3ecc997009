import { describe, expect, it, vi } from 'vitest';
import { createNetlabStore } from '../store/netlab-store';
import { initialLocale, MAX_SAVED_CHARS, readSaved, startAutosave, STORAGE_KEYS } from './persistence';
import { memoryStorage } from '../testing/memory-storage';

describe('persistence', () => {
  it('saves the text after a pause and the language at once; reading restores both', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createNetlabStore({ defaultScenario: 'default' });
    const stop = startAutosave(store, storage, 100);
    store.getState().setScenarioText('edited');
    store.getState().setLocale('ko');
    expect(storage.getItem(STORAGE_KEYS.locale)).toBe('ko');
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBeNull();
    vi.advanceTimersByTime(100);
    expect(readSaved(storage)).toEqual({ scenarioText: 'edited', locale: 'ko' });
    store.getState().setScenarioText('again');
    stop(); // flushes what is pending
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBe('again');
    vi.useRealTimers();
  });

  it('says when storage refuses the text, and stops saying it once a write succeeds', () => {
    vi.useFakeTimers();
    const storage = memoryStorage(64);
    const store = createNetlabStore({ defaultScenario: 'default' });
    const stop = startAutosave(store, storage, 100);
    store.getState().setScenarioText('x'.repeat(200));
    vi.advanceTimersByTime(100);
    expect(store.getState().textUnsaved).toBe('refused');
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBeNull();
    store.getState().setScenarioText('short');
    vi.advanceTimersByTime(100);
    expect(store.getState().textUnsaved).toBe(false);
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBe('short');
    stop();
    vi.useRealTimers();
  });

  it('does not try to save a text too big for storage, and says why; a text that fits is saved again', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createNetlabStore({ defaultScenario: 'default' });
    const stop = startAutosave(store, storage, 100);
    store.getState().setScenarioText('mine');
    vi.advanceTimersByTime(100);
    const setItem = vi.spyOn(storage, 'setItem');
    store.getState().setScenarioText('x'.repeat(MAX_SAVED_CHARS + 1));
    vi.advanceTimersByTime(100);
    expect(store.getState().textUnsaved).toBe('too-big');
    expect(setItem).not.toHaveBeenCalled();
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBe('mine');
    store.getState().setScenarioText('short again');
    vi.advanceTimersByTime(100);
    expect(store.getState().textUnsaved).toBe(false);
    expect(storage.getItem(STORAGE_KEYS.scenario)).toBe('short again');
    stop();
    vi.useRealTimers();
  });

  it('saves the storage labs’ texts too, and a new store starts from them', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const defaults = { volumes: '# volumes default\n', layers: '# layers default\n' };
    const store = createNetlabStore({ defaultScenario: 'default', storage: defaults });
    const stop = startAutosave(store, storage, 100);
    store.getState().setStorageText('volumes', '# my claim\n');
    vi.advanceTimersByTime(100);
    expect(readSaved(storage)).toEqual({ volumesText: '# my claim\n' });
    store.getState().setStorageText('layers', 'FROM ubuntu\n');
    stop();
    const saved = readSaved(storage);
    expect(saved).toEqual({ volumesText: '# my claim\n', layersText: 'FROM ubuntu\n' });
    const next = createNetlabStore({ defaultScenario: 'default', storage: defaults, savedStorage: saved });
    expect(next.getState().storageLab).toMatchObject({
      volumesText: '# my claim\n',
      layersText: 'FROM ubuntu\n',
    });
    // Reset still goes back to the built-in text.
    next.getState().setLabMode('volumes');
    next.getState().resetStorageText();
    expect(next.getState().storageLab.volumesText).toBe(defaults.volumes);
    vi.useRealTimers();
  });

  it('a full or missing storage never breaks editing', () => {
    const store = createNetlabStore({ defaultScenario: 'd' });
    const stop = startAutosave(store, memoryStorage(true), 0);
    expect(() => store.getState().setLocale('ko')).not.toThrow();
    stop();
    expect(readSaved(undefined)).toEqual({});
  });

  it('ignores saved values it does not understand', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEYS.locale, 'fr');
    expect(readSaved(storage)).toEqual({});
  });

  it('starts in the saved language, else Korean for a Korean browser, else English', () => {
    expect(initialLocale({ locale: 'en' }, ['ko-KR'])).toBe('en');
    expect(initialLocale({}, ['ko-KR', 'en-US'])).toBe('ko');
    expect(initialLocale({}, ['en-US', 'ko'])).toBe('en');
    expect(initialLocale({}, ['de-DE'])).toBe('en');
    expect(initialLocale({}, ['de-DE', 'ko'])).toBe('ko');
  });
});

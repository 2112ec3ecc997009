// Autosave: the scenario text, the storage labs' texts and the UI language live in localStorage, so
// a reload (or a crash) loses nothing. Storage may be missing, full or forbidden; then we simply do not save.
import type { Locale } from '../lib/text';
import type { NetlabStore } from '../store/netlab-store';

export const STORAGE_KEYS = {
  scenario: 'netlab.scenario.v1',
  volumes: 'netlab.volumes.v1',
  layers: 'netlab.layers.v1',
  locale: 'netlab.locale',
} as const;

/**
 * The longest text saved, and read back (so a corrupted or hostile entry cannot freeze the page).
 * Longer texts (a real cluster's dump) are not written at all: a failing 5 MB write per keystroke
 * would cost tens of milliseconds each time, and the page says the text is not saved.
 */
export const MAX_SAVED_CHARS = 5_000_000;

export interface SavedState {
  readonly scenarioText?: string;
  /** The volumes lab's YAML and the layers lab's session, when the learner edited them. */
  readonly volumesText?: string;
  readonly layersText?: string;
  readonly locale?: Locale;
}

export function readSaved(storage: Storage | undefined): SavedState {
  try {
    const read = (key: string): string | null => {
      const value = storage?.getItem(key) ?? null;
      return value !== null && value.length <= MAX_SAVED_CHARS ? value : null;
    };
    const text = read(STORAGE_KEYS.scenario);
    const volumes = read(STORAGE_KEYS.volumes);
    const layers = read(STORAGE_KEYS.layers);
    const locale = storage?.getItem(STORAGE_KEYS.locale) ?? null;
    return {
      ...(text !== null ? { scenarioText: text } : {}),
      ...(volumes !== null ? { volumesText: volumes } : {}),
      ...(layers !== null ? { layersText: layers } : {}),
      ...(locale === 'en' || locale === 'ko' ? { locale } : {}),
    };
  } catch {
    return {};
  }
}

/** The language to start in: the saved one, else the browser's first of Korean/English, else English. */
export function initialLocale(saved: SavedState, languages: readonly string[]): Locale {
  if (saved.locale) return saved.locale;
  const first = languages.map((l) => l.toLowerCase().slice(0, 2)).find((l) => l === 'ko' || l === 'en');
  return first === 'ko' ? 'ko' : 'en';
}

/** Saves on every change (the text after a short pause); returns the unsubscribe function. */
export function startAutosave(store: NetlabStore, storage: Storage | undefined, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes one value; false when storage refused it (quota exceeded or storage disabled). */
  const write = (key: string, value: string): boolean => {
    try {
      storage?.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };
  /** The texts that changed since the last write, written together after the pause. */
  const dirty = new Set<'scenario' | 'volumes' | 'layers'>();
  const flush = () => {
    timer = undefined;
    const s = store.getState();
    let saved = true;
    let tooBig = false;
    const save = (key: string, text: string) => {
      if (text.length > MAX_SAVED_CHARS) tooBig = true;
      else saved = write(key, text) && saved;
    };
    if (dirty.has('scenario')) save(STORAGE_KEYS.scenario, s.scenarioText);
    if (dirty.has('volumes')) save(STORAGE_KEYS.volumes, s.storageLab.volumesText);
    if (dirty.has('layers')) save(STORAGE_KEYS.layers, s.storageLab.layersText);
    dirty.clear();
    // Keep working without autosave, but never silently: the page tells the learner to save a file.
    const unsaved = tooBig ? 'too-big' : saved ? false : 'refused';
    if (s.textUnsaved !== unsaved) s.setTextUnsaved(unsaved);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.locale !== prev.locale) write(STORAGE_KEYS.locale, s.locale);
    if (s.scenarioText !== prev.scenarioText) dirty.add('scenario');
    if (s.storageLab.volumesText !== prev.storageLab.volumesText) dirty.add('volumes');
    if (s.storageLab.layersText !== prev.storageLab.layersText) dirty.add('layers');
    if (dirty.size > 0) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    }
  });
  const onHide = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      flush();
    }
  };
  globalThis.addEventListener?.('pagehide', onHide);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    onHide();
  };
}

/** Keeps <html lang> in step with the UI language (screen readers pronounce by it). */
export function syncDocumentLanguage(store: NetlabStore, doc: Document): () => void {
  doc.documentElement.lang = store.getState().locale;
  // Only on change: writing the attribute, even unchanged, restyles the whole document.
  return store.subscribe((s, prev) => {
    if (s.locale !== prev.locale) doc.documentElement.lang = s.locale;
  });
}

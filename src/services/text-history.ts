// The history of the learner's own texts, kept in storage so a reload loses none: whenever a link,
// a file, a drop, a reset, a lesson step or a restore replaces a text the learner wrote, that text
// becomes a version (time, and what replaced it). Texts that came unchanged from outside are not
// the learner's work and are not kept. Storage may be missing, full or forbidden.
import type { NetlabStore } from '../store/netlab-store';
import { MAX_SAVED_CHARS, STORAGE_KEYS } from './persistence';
import {
  HISTORY_LIMIT,
  REPLACED_BY,
  withVersion,
  type ReplacedBy,
  type TextVersion,
} from '../store/text-history';

export const HISTORY_KEY = 'netlab.history.v1';
/** Caps each text read back, so a corrupted or hostile entry cannot freeze the page. */
const MAX_TEXT_CHARS = MAX_SAVED_CHARS;

/** A short fingerprint of a text (FNV-1a over its UTF-16 units, and its length). */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}.${h.toString(36)}`;
}

export interface SavedHistory {
  readonly versions: TextVersion[];
  /** The fingerprint of the text last put in place from outside (not the learner's work). */
  readonly opened: string | null;
}

const isVersion = (v: unknown): v is TextVersion => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['text'] === 'string' &&
    r['text'].length <= MAX_TEXT_CHARS &&
    typeof r['savedAt'] === 'number' &&
    Number.isFinite(r['savedAt']) &&
    REPLACED_BY.includes(r['replacedBy'] as ReplacedBy)
  );
};

/** What storage holds; entries that are not versions are skipped, the rest kept. */
export function readHistory(storage: Storage | undefined): SavedHistory {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(HISTORY_KEY) ?? null;
  } catch {
    // storage forbidden
  }
  if (raw === null) return { versions: [], opened: null };
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const list = Array.isArray(parsed['versions']) ? (parsed['versions'] as unknown[]) : [];
    return {
      versions: list
        .filter(isVersion)
        .map((v) => ({ text: v.text, savedAt: v.savedAt, replacedBy: v.replacedBy }))
        .slice(0, HISTORY_LIMIT),
      opened: typeof parsed['opened'] === 'string' ? parsed['opened'] : null,
    };
  } catch {
    return { versions: [], opened: null };
  }
}

/**
 * Writes the history; when storage is full the oldest versions are left out until it fits.
 * Returns how many versions storage could not hold (all of them when storage refuses every write).
 */
export function writeHistory(storage: Storage | undefined, saved: SavedHistory): number {
  if (!storage) return 0;
  for (let keep = saved.versions.length; keep >= 0; keep--) {
    try {
      storage.setItem(
        HISTORY_KEY,
        JSON.stringify({ opened: saved.opened, versions: saved.versions.slice(0, keep) }),
      );
      return saved.versions.length - keep;
    } catch {
      // quota exceeded: try with one version fewer
    }
  }
  return saved.versions.length;
}

/**
 * Loads the saved history into the store and keeps it up to date and saved. `defaultScenario` is
 * never the learner's work. Returns the unsubscribe function.
 */
export function startTextHistory(
  store: NetlabStore,
  storage: Storage | undefined,
  defaultScenario: string,
  now: () => number = Date.now,
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): () => void {
  const saved = readHistory(storage);
  let opened = saved.opened;
  /** The text last opened from outside in this tab (its hash, `opened`, is computed a moment later). */
  let openedText: string | null = null;
  store.getState().setHistory(saved.versions);
  const own = (text: string) =>
    text.trim() !== '' &&
    text !== defaultScenario &&
    (openedText !== null ? text !== openedText : textHash(text) !== opened);
  // What storage cannot hold stays in this tab, and the history list says so (never dropped silently).
  const save = () => {
    const unsaved = writeHistory(storage, { versions: [...store.getState().history], opened });
    if (unsaved !== store.getState().historyUnsaved) store.getState().setHistoryUnsaved(unsaved);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const r = s.lastReplaced;
    if (!r || r === prev.lastReplaced) return;
    if (own(r.previous))
      s.setHistory(withVersion(s.history, { text: r.previous, savedAt: now(), replacedBy: r.by }));
    // What replaced it came from outside (or from the history itself): not new work of the learner.
    openedText = store.getState().scenarioText;
    save();
    // Hashing a 5 MB text takes tens of milliseconds: not in the task that opened it. Until it is
    // stored, a reload would take the opened text for the learner's own (a version too many, no loss).
    if (hashing === undefined) hashing = setTimeout(storeOpened, 0);
  });
  let hashing: ReturnType<typeof setTimeout> | undefined;
  function storeOpened() {
    if (hashing === undefined) return;
    clearTimeout(hashing);
    hashing = undefined;
    // A text too long to be saved cannot come back after a reload, so it needs no fingerprint (a
    // 55 MB dump would take half a second to hash): the previous one stays, still right for what
    // storage holds.
    if (openedText !== null && openedText.length <= MAX_SAVED_CHARS) opened = textHash(openedText);
    save();
  }
  // Another tab of the lab: its saved text would overwrite ours at our next save, and ours its.
  // Its newer text becomes a version here (both tabs' work survives); its history is shared.
  const onStorage = (e: StorageEvent) => {
    if (e.key === HISTORY_KEY) {
      const theirs = readHistory(storage);
      let merged = store.getState().history;
      const current = store.getState().scenarioText;
      for (const v of [...theirs.versions].reverse())
        if (v.text !== current && !merged.some((m) => m.text === v.text)) merged = withVersion(merged, v);
      store.getState().setHistory([...merged].sort((a, b) => b.savedAt - a.savedAt));
      return;
    }
    if (e.key !== STORAGE_KEYS.scenario || e.newValue === null) return;
    const text = e.newValue;
    if (text === store.getState().scenarioText || !own(text) || text.length > MAX_TEXT_CHARS) return;
    store
      .getState()
      .setHistory(withVersion(store.getState().history, { text, savedAt: now(), replacedBy: 'other-tab' }));
    save();
  };
  win?.addEventListener('storage', onStorage as EventListener);
  // Leaving the page before the hash is stored: store it now.
  win?.addEventListener('pagehide', storeOpened);
  return () => {
    unsubscribe();
    storeOpened();
    win?.removeEventListener('storage', onStorage as EventListener);
    win?.removeEventListener('pagehide', storeOpened);
  };
}

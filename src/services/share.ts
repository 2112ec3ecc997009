// Share links and scene files: the current frame (scenario, language, lesson step, chosen flow
// and port, the packet on screen) to and from a URL fragment. Opening a link never loses the
// learner's own work: it is backed up first (in the storage given) and can be restored. What
// happened goes to the store's share slice, for the share panel to say.
import { decodeShareFragment, encodeShareFragment, SHARE_PREFIX, type SharedFrame } from '../lib/share-codec';
import type { LocalText } from '../lib/text';
import type { LessonRoute } from '../store/lesson-state';
import { shownMatrixPort } from '../store/matrix-port';
import type { NetlabState, NetlabStore, ScenarioSource } from '../store/netlab-store';
import type { ReplacedBy } from '../store/text-history';
import { formatLessonHash, isRouteName } from './lesson-route';
import { readSceneFile } from './scene-files';

export const BACKUP_KEY = 'netlab.scenario.beforeLink';
/** Caps the backup read back, so a corrupted or hostile entry cannot freeze the page. */
const MAX_BACKUP_CHARS = 5_000_000;

export function currentFrame(s: NetlabState): SharedFrame {
  const port = shownMatrixPort(s);
  const request = s.packet.requests[s.packet.index];
  const { route } = s.lesson;
  return {
    scenario: s.scenarioText,
    locale: s.locale,
    // Entering a lesson always names its step in the route; without one (still loading) the
    // link opens the lesson where the recipient left off.
    ...(route.view === 'lesson'
      ? { lesson: { id: route.id, ...(route.step ? { step: route.step } : {}) } }
      : {}),
    ...(s.selectedFlow ? { flow: { from: s.selectedFlow.from, to: s.selectedFlow.to } } : {}),
    ...(s.selectedPolicy ? { policy: s.selectedPolicy } : {}),
    ...(port ? { port: { port: port.port, protocol: port.protocol } } : {}),
    ...(request
      ? { packet: { from: request.from, to: request.to, port: request.port, step: s.packet.step } }
      : {}),
    ...(s.storageLab.mode !== 'network'
      ? {
          storage: {
            lab: s.storageLab.mode,
            text: s.storageLab.mode === 'volumes' ? s.storageLab.volumesText : s.storageLab.layersText,
          },
        }
      : {}),
  };
}

/**
 * The address links and embed code point to: the published lab the site was built for
 * (`VITE_NETLAB_PUBLIC_URL`, e.g. `https://notes.example.org/netlab/`), so an author working on
 * localhost hands out links that work for readers; without it, the page's own address.
 * Only an http(s) address is taken; its query and fragment are dropped.
 */
export function shareBase(pageHref: string, configured: string | undefined = PUBLIC_URL): string {
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === 'https:' || url.protocol === 'http:') return `${url.origin}${url.pathname}`;
    } catch {
      // not an address: the page's own
    }
  }
  return pageHref;
}
const PUBLIC_URL: string | undefined = import.meta.env.VITE_NETLAB_PUBLIC_URL;

export function shareUrl(s: NetlabState, base: string): string {
  return `${base.split('#')[0]}#${encodeShareFragment(currentFrame(s))}`;
}

/** "Open in netlab" from an embed: the full lab (no embed query) on the scene now in the frame. */
export function fullLabUrl(s: NetlabState, pageHref: string): string {
  const url = new URL(shareBase(pageHref));
  return shareUrl(s, `${url.origin}${url.pathname}`);
}

/**
 * An iframe for a course page showing this frame in the embed view: the graph with the matrix
 * and packet panels (and the lesson panel when a lesson is open), loaded on the reader's click.
 * `base` is the page's address; its query and fragment are replaced.
 */
export function embedSnippet(s: NetlabState, base: string, title: string): string {
  const frame = currentFrame(s);
  const url = new URL(base);
  const panels = ['matrix', 'packets', ...(frame.lesson ? ['lesson'] : [])].join(',');
  const src = `${url.origin}${url.pathname}?embed=1&panels=${panels}&lang=${s.locale}&ctl=1#${encodeShareFragment(frame)}`;
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe title="${attr(title)}" src="${attr(src)}" width="1000" height="760" loading="lazy"></iframe>\n`;
}

/** The lesson route a frame opens, or null (none, or ids no route can name). */
export function frameRoute(frame: SharedFrame): Extract<LessonRoute, { view: 'lesson' }> | null {
  const l = frame.lesson;
  if (!l || !isRouteName(l.id) || (l.step !== undefined && !isRouteName(l.step))) return null;
  return { view: 'lesson', id: l.id, step: l.step ?? null };
}

/**
 * Puts a frame on screen; the port and packet wait for the model of the new scenario. A frame
 * with a lesson opens it at its step, keeping the frame's text and flow (see openSharedLesson):
 * the lesson and the model may arrive in either order.
 */
export function applyFrame(
  store: NetlabStore,
  frame: SharedFrame,
  source: ScenarioSource = { kind: 'link' },
  by: ReplacedBy = 'link',
): void {
  const s = store.getState();
  s.replaceScenario(frame.scenario, source, by);
  if (frame.locale) s.setLocale(frame.locale);
  if (frame.storage) {
    s.setStorageText(frame.storage.lab, frame.storage.text);
    s.setLabMode(frame.storage.lab);
  }
  const route = frameRoute(frame);
  if (route) s.openSharedLesson(route.id, route.step);
  // Runs once, when the model of the new text exists. It sets state itself, which notifies
  // subscribers again: hence the flag, set before anything is applied.
  let done = false;
  const afterModel = (): boolean => {
    const now = store.getState();
    if (done || !now.view || now.view.text !== frame.scenario) return done;
    done = true;
    // The sharer's port, even one this scene does not offer: the matrix then says it shows another.
    if (frame.port) now.setMatrixPort(frame.port);
    if (frame.flow) now.selectFlow(frame.flow);
    if (frame.policy) now.selectPolicy(frame.policy);
    if (frame.packet) {
      now.sendPackets([{ from: frame.packet.from, to: frame.packet.to, port: frame.packet.port }]);
      now.setPlaying(false);
      now.setPacketStep(frame.packet.step);
    }
    return true;
  };
  if (!afterModel()) {
    const unsubscribe = store.subscribe(() => {
      if (afterModel()) unsubscribe();
    });
  }
}

/** A link pasted into the address bar of an open page changes only the fragment: open it too. */
export function listenForLinks(store: NetlabStore, storage: Storage | undefined, win: Window): () => void {
  const onHash = () => {
    if (win.location.hash.startsWith('#s=')) openLinkFromLocation(store, storage, win.location, win.history);
  };
  win.addEventListener('hashchange', onHash);
  return () => win.removeEventListener('hashchange', onHash);
}

/**
 * Opens `#s=v1.…` if the page was opened with one: the learner's saved scenario is copied to
 * BACKUP_KEY first and offered back in the store. Returns the error the share panel now shows,
 * or null. Replaces the fragment afterwards, so a reload shows the (autosaved) opened scene rather
 * than re-opening the link: with the lesson route when the link carries one (the lesson route
 * service then reads the same route), else with nothing.
 */
export function openLinkFromLocation(
  store: NetlabStore,
  storage: Storage | undefined,
  loc: Location,
  history: History,
): LocalText | null {
  const hash = loc.hash.slice(1);
  if (!hash.startsWith('s=')) return null;
  const result = decodeShareFragment(hash);
  const route = 'frame' in result ? frameRoute(result.frame) : null;
  const address = route ? formatLessonHash(route, false) : loc.pathname + loc.search;
  if ('error' in result) {
    store.getState().showShareNotice({ kind: 'error', reason: result.error });
    // Setting the address costs the browser a moment per megabyte of the old one: the refusal
    // shows first, and the link leaves the address bar in the next task.
    setTimeout(() => history.replaceState(null, '', address), 0);
    return result.error;
  }
  history.replaceState(null, '', address);
  const mine = store.getState().scenarioText;
  if (mine !== result.frame.scenario) {
    try {
      storage?.setItem(BACKUP_KEY, mine);
    } catch {
      // storage full: the offer (and undoReset) still bring it back during this visit
    }
    store.getState().offerShareBackup(mine);
  }
  store.getState().showShareNotice(null);
  applyFrame(store, result.frame);
  return null;
}

/**
 * The backup a link left in storage, offered in the store until the learner restores or
 * dismisses it; then it leaves storage too. Returns the unsubscribe function.
 */
export function startShareBackup(store: NetlabStore, storage: Storage | undefined): () => void {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(BACKUP_KEY) ?? null;
  } catch {
    // storage forbidden: nothing to offer
  }
  if (saved !== null && saved.length <= MAX_BACKUP_CHARS && store.getState().share.backup === null)
    store.getState().offerShareBackup(saved);
  return store.subscribe((s, prev) => {
    if (s.share.backup !== null || prev.share.backup === null) return;
    try {
      storage?.removeItem(BACKUP_KEY);
    } catch {
      // nothing to clean up
    }
  });
}

/** Opens a scene file (chosen, or dropped on the page): an exported picture's frame, or YAML text. */
export async function openSceneFile(
  store: NetlabStore,
  file: File,
  by: 'file' | 'drop' = 'file',
): Promise<void> {
  const r = await readSceneFile(file);
  const s = store.getState();
  if ('error' in r) return s.showShareNotice({ kind: 'error', reason: r.error });
  if ('progressText' in r)
    return s.showShareNotice({ kind: 'progress-file', file: file.name, text: r.progressText });
  const source = { kind: 'file', name: file.name } as const;
  if ('text' in r) s.replaceScenario(r.text, source, by);
  else applyFrame(store, r.frame, source, by);
  s.showShareNotice({ kind: 'opened', file: file.name });
}

export const isShareFragment = (text: string): boolean => text.startsWith(SHARE_PREFIX);

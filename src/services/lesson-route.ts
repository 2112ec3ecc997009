// Lesson deep links in the URL fragment (never sent to a server):
//   #/ or nothing                    the lab, no lesson
//   #/lessons                        the lesson list
//   #/lesson/<id>                    a lesson, where the learner left off (else its first step)
//   #/lesson/<id>/<step>             a lesson at one step
// and `?present=1` after any of them for presenter mode (`#/lesson/a-01-…/isolate-db?present=1`).
// Other fragments (a share link `#s=…`) are not ours: we leave them alone.
import type { LessonRoute } from '../store/lesson-state';
import type { NetlabStore } from '../store/netlab-store';

export interface ParsedHash {
  readonly route: LessonRoute;
  readonly present: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Whether a lesson or step id can stand in a route (what a link or a host page may name). */
export const isRouteName = (name: string): boolean => NAME.test(name);

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** The route a fragment names, or null when the fragment is not a route (e.g. a share link). */
export function parseLessonHash(hash: string): ParsedHash | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { route: { view: 'lab' }, present: false };
  if (!text.startsWith('/') || text.length > 400) return null;
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const present = ['1', 'true', 'on', 'yes', ''].includes(params.get('present') ?? 'no');
  const parts = path.split('/').filter(Boolean).map(decode);
  if (parts.some((p) => p === null)) return null;
  const [head, id, step, ...rest] = parts as string[];
  if (head === undefined) return { route: { view: 'lab' }, present };
  if (head === 'lessons' && id === undefined) return { route: { view: 'list' }, present };
  if (head !== 'lesson' || rest.length > 0) return null;
  if (id === undefined) return { route: { view: 'list' }, present };
  if (!NAME.test(id) || (step !== undefined && !NAME.test(step))) return null;
  return { route: { view: 'lesson', id, step: step ?? null }, present };
}

/** The fragment (with `#`) for a route. */
export function formatLessonHash(route: LessonRoute, present: boolean): string {
  const path =
    route.view === 'lab'
      ? '/'
      : route.view === 'list'
        ? '/lessons'
        : `/lesson/${encodeURIComponent(route.id)}${route.step ? `/${encodeURIComponent(route.step)}` : ''}`;
  return `#${path}${present ? '?present=1' : ''}`;
}

/** Whether two routes open different things (a new history entry) rather than another step. */
const differentPlace = (a: LessonRoute, b: LessonRoute): boolean =>
  a.view !== b.view || (a.view === 'lesson' && b.view === 'lesson' && a.id !== b.id);

export interface LessonRouteOptions {
  /**
   * Never add history entries, only replace the current one. For an embed: a frame's entries join
   * the host page's history, so Back would step the frame's lesson instead of leaving the page.
   */
  readonly replaceOnly?: boolean;
}

/**
 * Keeps the store's lesson route and the URL fragment in step: the fragment opens a lesson (at
 * load and on hashchange), and moving through the lesson writes the fragment (a new history
 * entry per lesson, the same entry for its steps).
 */
export function startLessonRoute(
  store: NetlabStore,
  win: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>,
  { replaceOnly = false }: LessonRouteOptions = {},
): () => void {
  const apply = () => {
    const parsed = parseLessonHash(win.location.hash);
    if (parsed) store.getState().setLessonRoute(parsed.route, parsed.present);
  };
  apply();
  win.addEventListener('hashchange', apply);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lesson.route === prev.lesson.route && s.lesson.present === prev.lesson.present) return;
    const hash = formatLessonHash(s.lesson.route, s.lesson.present);
    const now = win.location.hash;
    const parsedNow = parseLessonHash(now);
    if (parsedNow && formatLessonHash(parsedNow.route, parsedNow.present) === hash) return;
    // The lab without a lesson keeps a clean address.
    const url = hash === '#/' ? `${win.location.pathname}${win.location.search}` : hash;
    if (replaceOnly || (parsedNow && !differentPlace(parsedNow.route, s.lesson.route)))
      win.history.replaceState(win.history.state, '', url);
    else win.history.pushState(win.history.state, '', url);
  });
  return () => {
    win.removeEventListener('hashchange', apply);
    unsubscribe();
  };
}

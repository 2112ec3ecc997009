// Which lab the page shows: the YAML lab, or the by-hand console lab (`?lab=byhand`, which a
// share link of the console carries). Kept in the URL's query so the lesson fragment stays free.
import { useCallback, useState } from 'react';

export const BY_HAND_PARAM = 'byhand';
export const SESSION_PARAM = 'session';
/** A console lesson (module F) to open in the by-hand lab: `?byhand=1&lesson=f-01-…`. */
export const LESSON_PARAM = 'lesson';

/** The link that opens a console lesson in the by-hand lab (from the lesson list). */
export function byHandLessonHref(id: string): string {
  return `?${new URLSearchParams({ [BY_HAND_PARAM]: '1', [LESSON_PARAM]: id }).toString()}#/`;
}

/** A link out of the by-hand lab to a fragment of the YAML lab (e.g. `#/lessons`). */
export function leaveByHandHref(hash: string): string {
  const params = new URLSearchParams(window.location.search);
  for (const p of [BY_HAND_PARAM, SESSION_PARAM, LESSON_PARAM]) params.delete(p);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}${hash}`;
}

/** The console lesson the URL asks for, if any. */
export function lessonInUrl(): string | null {
  return new URLSearchParams(window.location.search).get(LESSON_PARAM);
}

/** Keeps the URL naming the console lesson on screen (or none), so a reload reopens it. */
export function setLessonInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set(LESSON_PARAM, id);
  else url.searchParams.delete(LESSON_PARAM);
  window.history.replaceState(window.history.state, '', url);
}

function readMode(): boolean {
  return new URLSearchParams(window.location.search).has(BY_HAND_PARAM);
}

export function useByHandMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readMode);
  const set = useCallback((next: boolean) => {
    const url = new URL(window.location.href);
    if (next) url.searchParams.set(BY_HAND_PARAM, '1');
    else {
      url.searchParams.delete(BY_HAND_PARAM);
      url.searchParams.delete(SESSION_PARAM);
      url.searchParams.delete(LESSON_PARAM);
    }
    window.history.replaceState(window.history.state, '', url);
    setOn(next);
  }, []);
  return [on, set];
}

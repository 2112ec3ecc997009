// Which lab the page shows: the YAML lab, or the by-hand console lab (`?lab=byhand`, which a
// share link of the console carries). Kept in the URL's query so the lesson fragment stays free.
import { useCallback, useState } from 'react';

export const BY_HAND_PARAM = 'byhand';
export const SESSION_PARAM = 'session';

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
    }
    window.history.replaceState(window.history.state, '', url);
    setOn(next);
  }, []);
  return [on, set];
}

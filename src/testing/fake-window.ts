// A window with an address bar, a history and hashchange events, for the services that follow
// the URL fragment (lesson routes, share links) in Node tests.

export function fakeWindow(hash: string) {
  const listeners: (() => void)[] = [];
  /** Every history call, as `push <url>` / `replace <url>`. */
  const entries: string[] = [];
  const location = { hash, pathname: '/', search: '' };
  const go = (url: string) => {
    location.hash = url.startsWith('#') ? url : '';
  };
  return {
    entries,
    location,
    history: {
      state: null,
      pushState: (_s: unknown, _t: string, url: string) => (entries.push(`push ${url}`), go(url)),
      replaceState: (_s: unknown, _t: string, url: string) => (entries.push(`replace ${url}`), go(url)),
    },
    addEventListener: (_type: string, f: () => void) => listeners.push(f),
    removeEventListener: () => {},
    dispatchEvent: () => true,
    /** The learner edits the address bar (pastes a link, or goes back): hashchange fires. */
    navigate(to: string) {
      location.hash = to;
      for (const f of listeners) f();
    },
  };
}

export type FakeWindow = ReturnType<typeof fakeWindow>;

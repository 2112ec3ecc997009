// A Map-backed Storage for tests (Node has no localStorage); `full` makes every write throw
// the way a browser does when the quota is exceeded; a number is a quota in characters (keys and
// values together), past which a write throws.
export function memoryStorage(full: boolean | number = false): Storage {
  const m = new Map<string, string>();
  const used = (k: string, v: string) =>
    [...m].reduce((n, [key, value]) => (key === k ? n : n + key.length + value.length), k.length + v.length);
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (full === true || (typeof full === 'number' && used(k, v) > full))
        throw new DOMException('quota', 'QuotaExceededError');
      m.set(k, v);
    },
  };
}

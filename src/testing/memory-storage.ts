// A Map-backed Storage for tests (Node has no localStorage); `full` makes every write throw
// the way a browser does when the quota is exceeded.
export function memoryStorage(full = false): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      m.set(k, v);
    },
  };
}

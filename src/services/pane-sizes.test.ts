// Pane sizes survive a reload, stay within their limits, and hostile stored values fall back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage';
import {
  DEFAULT_PANE_SIZES,
  PANE_LIMITS,
  PANE_SIZES_KEY,
  clampPane,
  readPaneSizes,
  writePaneSizes,
  type PaneName,
} from './pane-sizes';

describe('pane sizes', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    writePaneSizes(storage, { side: 0.4, graph: 0.7, editor: 0.35 });
    expect(readPaneSizes(storage)).toEqual({ side: 0.4, graph: 0.7, editor: 0.35 });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{side:'],
    ['not an object', '42'],
    ['too long', `{"side":0.5,"x":"${'a'.repeat(2000)}"}`],
  ])('%s: the defaults', (_, stored) => {
    const storage = memoryStorage();
    if (stored !== null) storage.setItem(PANE_SIZES_KEY, stored);
    expect(readPaneSizes(storage)).toEqual(DEFAULT_PANE_SIZES);
  });

  it('strange values are clamped or replaced, per pane', () => {
    const storage = memoryStorage();
    storage.setItem(PANE_SIZES_KEY, JSON.stringify({ side: 5, graph: 'big', editor: -1 }));
    expect(readPaneSizes(storage)).toEqual({ side: 0.75, graph: DEFAULT_PANE_SIZES.graph, editor: 0.2 });
    expect(readPaneSizes(undefined)).toEqual(DEFAULT_PANE_SIZES);
  });

  it('every clamped value lies within the pane’s limits', () => {
    fc.assert(
      fc.property(fc.constantFrom<PaneName>('side', 'graph', 'editor'), fc.anything(), (name, v) => {
        const [lo, hi] = PANE_LIMITS[name];
        const out = clampPane(name, v);
        expect(out).toBeGreaterThanOrEqual(lo);
        expect(out).toBeLessThanOrEqual(hi);
      }),
    );
  });
});

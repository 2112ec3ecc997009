import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETAIL_SCALE, detailArea, FULL_DETAIL_PODS, inDetail } from './level-of-detail';
import { nextBatch } from '../useProgressiveItems';

const card = (x: number, y: number) => ({ x, y, w: 168, h: 64 });

describe('detailArea', () => {
  it('draws every card in full in small scenes, at any zoom', () => {
    expect(detailArea(FULL_DETAIL_PODS, { k: 0.05, x: 0, y: 0 }, { width: 800, height: 600 })).toBe('all');
  });

  it('draws no card in full when zoomed out in a big scene, or before the viewport is measured', () => {
    expect(detailArea(1000, { k: DETAIL_SCALE - 0.01, x: 0, y: 0 }, { width: 800, height: 600 })).toBe(
      'none',
    );
    expect(detailArea(1000, { k: 1, x: 0, y: 0 }, null)).toBe('none');
  });

  it('zoomed in, covers what is on screen plus half a viewport around it', () => {
    // k = 2, panned so that scene point (1000, 500) is at the top-left corner of an 800×600 viewport.
    const area = detailArea(1000, { k: 2, x: -2000, y: -1000 }, { width: 800, height: 600 });
    expect(area).toEqual({ x: 1000 - 200, y: 500 - 150, w: 800, h: 600 });
    expect(inDetail(area, card(1100, 600))).toBe(true); // on screen
    expect(inDetail(area, card(850, 400))).toBe(true); // just off screen, inside the margin
    expect(inDetail(area, card(3000, 600))).toBe(false);
    expect(inDetail(area, card(1100, 3000))).toBe(false);
  });

  it('a card on screen is always in detail once zoomed in far enough', () => {
    fc.assert(
      fc.property(
        fc.double({ min: DETAIL_SCALE, max: 4, noNaN: true }),
        fc.integer({ min: -20000, max: 20000 }),
        fc.integer({ min: -20000, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        (k, tx, ty, cx, cy) => {
          const viewport = { width: 1000, height: 700 };
          const r = card(cx, cy);
          // Screen position of the card: scene * k + translation.
          const sx = r.x * k + tx;
          const sy = r.y * k + ty;
          const onScreen =
            sx < viewport.width && sx + r.w * k > 0 && sy < viewport.height && sy + r.h * k > 0;
          if (onScreen) expect(inDetail(detailArea(5000, { k, x: tx, y: ty }, viewport), r)).toBe(true);
        },
      ),
    );
  });
});

describe('nextBatch', () => {
  const id = (s: string) => s;

  it('keeps what is drawn and adds at most perFrame new items, in order', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(nextBatch(items, id, new Set(), 2)).toEqual(['a', 'b']);
    expect(nextBatch(items, id, new Set(['a', 'b']), 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(nextBatch(items, id, new Set(['d']), 2)).toEqual(['a', 'b', 'd']);
  });

  it('returns the same array when nothing is held back (so memoised children see no change)', () => {
    const items = ['a', 'b'];
    expect(nextBatch(items, id, new Set(), 2)).toBe(items);
    expect(nextBatch(items, id, new Set(['a', 'b', 'gone']), 0)).toBe(items);
  });

  it('drawing batch after batch reaches every item in ⌈new / perFrame⌉ frames, never more than perFrame new at once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 300 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 50 }),
        fc.integer({ min: 1, max: 40 }),
        (items, before, perFrame) => {
          let drawn: ReadonlySet<string> = new Set(before);
          const fresh = items.filter((k) => !drawn.has(k)).length;
          let frames = 0;
          for (;;) {
            const shown = nextBatch(items, id, drawn, perFrame);
            expect(shown.filter((k) => !drawn.has(k)).length).toBeLessThanOrEqual(perFrame);
            expect(shown).toEqual(items.filter((k) => shown.includes(k))); // order kept
            if (shown === items) break;
            drawn = new Set(shown);
            frames++;
          }
          expect(frames).toBe(Math.max(0, Math.ceil(fresh / perFrame) - 1));
        },
      ),
    );
  });
});

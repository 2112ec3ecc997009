// Predict first: hidden until revealed, one at a time in reading order, reset on toggling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_PREDICT, isRevealed, nextHidden, reveal, revealAll, setPredict } from './predict-state';

const KEYS = ['a>b:80', 'a>c:80', 'b>a:80'];

describe('predict first', () => {
  it('off: every verdict shows; on: none until revealed', () => {
    expect(KEYS.every((k) => isRevealed(INITIAL_PREDICT, k))).toBe(true);
    const on = setPredict(true);
    expect(KEYS.some((k) => isRevealed(on, k))).toBe(false);
    expect(isRevealed(reveal(on, 'a>c:80'), 'a>c:80')).toBe(true);
    expect(isRevealed(reveal(on, 'a>c:80'), 'a>b:80')).toBe(false);
  });

  it('reveals the next hidden cell in reading order, then none', () => {
    let p = setPredict(true);
    const order: (string | null)[] = [];
    for (let i = 0; i <= KEYS.length; i++) {
      const next = nextHidden(p, KEYS);
      order.push(next);
      if (next) p = reveal(p, next);
    }
    expect(order).toEqual([...KEYS, null]);
  });

  it('toggling forgets what was revealed', () => {
    const p = revealAll(setPredict(true), KEYS);
    expect(setPredict(true).revealed).toEqual([]);
    expect(p.revealed).toHaveLength(3);
  });

  it('revealing any sequence reveals exactly those cells', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYS)), (picks) => {
        const p = picks.reduce(reveal, setPredict(true));
        for (const k of KEYS) expect(isRevealed(p, k)).toBe(picks.includes(k));
      }),
    );
  });
});

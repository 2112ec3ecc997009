import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapArea, placeLabel, type Box } from './label-placement';

describe('placeLabel', () => {
  it('puts a label just above its point when nothing is there', () => {
    expect(placeLabel(100, 100, 20, 10, [])).toEqual({ x: 90, y: 84, w: 20, h: 10 });
  });

  it('moves aside from a label already above the point', () => {
    const veth: Box = { x: 70, y: 70, w: 60, h: 28 };
    const box = placeLabel(100, 100, 20, 10, [veth]);
    expect(overlapArea(box, veth)).toBe(0);
  });

  it('finds a free spot whenever one of its candidates is free', () => {
    const box = fc.record({
      x: fc.integer({ min: 0, max: 300 }),
      y: fc.integer({ min: 0, max: 300 }),
      w: fc.integer({ min: 1, max: 80 }),
      h: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), (taken) => {
        const placed = placeLabel(150, 150, 24, 12, taken);
        const cover = taken.reduce((sum, t) => sum + overlapArea(placed, t), 0);
        // Either free, or none of the candidate spots was free.
        return cover === 0 || candidates().every((c) => taken.some((t) => overlapArea(c, t) > 0));
      }),
    );
  });
});

/** placeLabel's candidate spots around (150, 150) for a 24×12 label, worked out independently. */
function candidates(): Box[] {
  const out: Box[] = [];
  for (const gap of [6, 14, 24, 36, 52, 72])
    for (const [dx, dy] of [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ] as const)
      out.push({
        x: dx > 0 ? 150 + gap : dx < 0 ? 150 - gap - 24 : 150 - 12,
        y: dy > 0 ? 150 + gap : dy < 0 ? 150 - gap - 12 : 150 - 6,
        w: 24,
        h: 12,
      });
  return out;
}

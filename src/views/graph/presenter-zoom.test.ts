// Presenter placement: the smallest graph text is never under 16 px on screen, a scene that fits
// is centred as "fit to view" does, and a scene that does not is centred on the lesson's focus.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESENTER_MIN_TEXT_PX, PRESENTER_SCALE, SMALLEST_GRAPH_FONT, placeContent } from './presenter-zoom';

describe('placeContent', () => {
  it('presenter scale puts the smallest text at 16 px or more, for any viewport and scene', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 4000 }),
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 50, max: 20000 }),
        fc.integer({ min: 50, max: 20000 }),
        (vw, vh, cw, ch) => {
          const p = placeContent({ width: vw, height: vh }, { width: cw, height: ch }, PRESENTER_SCALE, null);
          expect(p.k * SMALLEST_GRAPH_FONT).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 1e-9);
        },
      ),
    );
  });

  it.each([
    ['a small scene fits and is centred', { width: 400, height: 200 }, null, 200, 100],
    [
      'a big scene is centred on the focus',
      { width: 3000, height: 1500 },
      { x: 2000, y: 100, w: 200, h: 100 },
      2100,
      150,
    ],
    ['a big scene without a focus is centred on its middle', { width: 3000, height: 1500 }, null, 1500, 750],
  ])('%s', (_, content, focus, cx, cy) => {
    const view = { width: 800, height: 600 };
    const p = placeContent(view, content, PRESENTER_SCALE, focus);
    // The point (cx, cy) of the scene lands in the middle of the viewport.
    expect(cx * p.k + p.x).toBeCloseTo(400);
    expect(cy * p.k + p.y).toBeCloseTo(300);
  });

  it('without a minimum it is "fit to view"', () => {
    const p = placeContent({ width: 1000, height: 500 }, { width: 2000, height: 500 }, 0, null);
    expect(p.k).toBeCloseTo(0.49);
  });
});

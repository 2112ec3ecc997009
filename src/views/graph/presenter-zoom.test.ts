// Presenter placement: the smallest graph text is never under 16 px on screen, a scene that fits
// is centred as "fit to view" does, and a scene that does not is centred on the lesson's focus.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LAB_MIN_TEXT_PX,
  LAB_PRIMARY_TEXT_PX,
  LAB_SCALE,
  POD_IP_FONT,
  POD_NAME_FONT,
  PRESENTER_MIN_TEXT_PX,
  PRESENTER_SCALE,
  SMALLEST_GRAPH_FONT,
  placeContent,
  revealRect,
  type Placement,
} from './presenter-zoom';

/** Any viewport (vw × vh) and any scene (cw × ch). */
const anyViewAndScene = fc.record({
  vw: fc.integer({ min: 100, max: 4000 }),
  vh: fc.integer({ min: 100, max: 3000 }),
  cw: fc.integer({ min: 50, max: 20000 }),
  ch: fc.integer({ min: 50, max: 20000 }),
});

describe('placeContent', () => {
  it('presenter scale puts the smallest text at 16 px or more, for any viewport and scene', () => {
    fc.assert(
      fc.property(anyViewAndScene, ({ vw, vh, cw, ch }) => {
        const p = placeContent({ width: vw, height: vh }, { width: cw, height: ch }, PRESENTER_SCALE, null);
        expect(p.k * SMALLEST_GRAPH_FONT).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 1e-9);
      }),
    );
  });

  it.each([
    ['a small scene fits and is centred', { width: 400, height: 200 }, null, 200, 100],
    [
      'a big scene is centred on the focus',
      { width: 3000, height: 1500 },
      { x: 2000, y: 600, w: 200, h: 100 },
      2100,
      650,
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

describe('the lab placement', () => {
  it('keeps a pod name and IP at 11 px and any other text at 9 px, for any viewport and scene', () => {
    fc.assert(
      fc.property(anyViewAndScene, ({ vw, vh, cw, ch }) => {
        const p = placeContent(
          { width: vw, height: vh },
          { width: cw, height: ch },
          LAB_SCALE,
          null,
          4,
          'start',
        );
        expect(p.k * POD_IP_FONT).toBeGreaterThanOrEqual(LAB_PRIMARY_TEXT_PX);
        expect(p.k * POD_NAME_FONT).toBeGreaterThanOrEqual(LAB_PRIMARY_TEXT_PX);
        expect(p.k * SMALLEST_GRAPH_FONT).toBeGreaterThanOrEqual(LAB_MIN_TEXT_PX);
      }),
    );
    // Not more than needed: a hundredth less and the smallest text falls under 9 px.
    expect((LAB_SCALE - 0.01) * SMALLEST_GRAPH_FONT).toBeLessThan(LAB_MIN_TEXT_PX);
  });

  it('a focus near an edge is not centred past the content: no empty band shows', () => {
    const view = { width: 800, height: 400 };
    const content = { width: 1000, height: 700 };
    const p = placeContent(view, content, 1, { x: 20, y: 600, w: 100, h: 60 });
    expect(p.x).toBe(0);
    expect(p.y).toBe(400 - 700);
  });

  it("'start' shows the top left of a scene that does not fit, and centres along an axis that does", () => {
    const p = placeContent({ width: 800, height: 400 }, { width: 1000, height: 300 }, 1, null, 4, 'start');
    expect(p.x).toBe(0);
    expect(p.y).toBe(50);
  });

  it('any focus, anywhere in the content, ends up wholly in view when it is smaller than the view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (cw, ch, fx, fy) => {
          const view = { width: 400, height: 300 };
          const focus = { x: (fx / 1000) * (cw - 100), y: (fy / 1000) * (ch - 50), w: 100, h: 50 };
          const p = placeContent(view, { width: cw, height: ch }, 1, focus);
          expect(focus.x * p.k + p.x).toBeGreaterThanOrEqual(-1e-9);
          expect((focus.x + focus.w) * p.k + p.x).toBeLessThanOrEqual(view.width + 1e-9);
          expect(focus.y * p.k + p.y).toBeGreaterThanOrEqual(-1e-9);
          expect((focus.y + focus.h) * p.k + p.y).toBeLessThanOrEqual(view.height + 1e-9);
        },
      ),
    );
  });
});

describe('revealRect', () => {
  const view = { width: 400, height: 300 };
  const at: Placement = { k: 2, x: -100, y: -50 };

  it('leaves a placement alone when the rectangle is already in view', () => {
    expect(revealRect(at, { x: 60, y: 40, w: 50, h: 30 }, view)).toBe(at);
  });

  it('pans, at the same zoom, just enough to bring a rectangle in with the margin', () => {
    // Right of the view: its right edge lands 8 px inside the right border.
    const right = revealRect(at, { x: 230, y: 40, w: 50, h: 30 }, view);
    expect(right.k).toBe(2);
    expect((230 + 50) * right.k + right.x).toBeCloseTo(400 - 8);
    expect(right.y).toBe(at.y);
    // Above the view: its top edge lands 8 px below the top border.
    const above = revealRect(at, { x: 60, y: 0, w: 50, h: 20 }, view);
    expect(above.y).toBeCloseTo(8); // the rectangle's top, y = 0
    expect(above.x).toBe(at.x);
  });

  it('shows the top left of a rectangle larger than the view', () => {
    const p = revealRect(at, { x: 100, y: 100, w: 400, h: 400 }, view);
    expect(100 * p.k + p.x).toBeCloseTo(8);
    expect(100 * p.k + p.y).toBeCloseTo(8);
  });
});

// Drawing a big scene at once (a 1,000-pod dump: ~15,000 SVG elements) blocks the page for
// half a second — React's commit, then style, layout and paint of every new element. This hook
// hands out the items a few hundred per animation frame instead: what is already on screen stays,
// new items join in batches, so each frame does bounded work and the page keeps answering.
// Small changes (an edit that adds a pod) appear in the same frame, as before. The matrix uses it
// for its rows (a new 30 × 30 matrix is 900 buttons: at once, one frame held them all).
import { useEffect, useMemo, useState } from 'react';

/**
 * New items mounted per frame. A pod card is mostly SVG text, which Chromium lays out at its
 * on-screen scale: 50 cards and their links cost 30–60 ms of script, style and layout on two cores
 * (measured opening a 300-pod dump), 150 cost over 100 ms.
 */
export const ITEMS_PER_FRAME = 50;

/**
 * The items on screen after the next frame: those already drawn, plus up to `perFrame` others,
 * in the order given. Returns `items` itself when nothing is held back.
 */
export function nextBatch<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  drawn: ReadonlySet<string>,
  perFrame: number,
): readonly T[] {
  let fresh = 0;
  const out: T[] = [];
  for (const item of items) {
    if (drawn.has(keyOf(item))) out.push(item);
    else if (fresh < perFrame) {
      fresh++;
      out.push(item);
    }
  }
  return out.length === items.length ? items : out;
}

/**
 * The items to render now: every item already drawn, plus up to `perFrame` new ones (in order).
 * Re-renders itself on the next animation frames until all items are drawn.
 */
export function useProgressiveItems<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  perFrame = ITEMS_PER_FRAME,
): readonly T[] {
  /** Keys on screen as of the last batch. */
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());

  const visible = useMemo(() => nextBatch(items, keyOf, drawn, perFrame), [items, drawn, keyOf, perFrame]);

  // Next frame: what is on screen now counts as drawn, and the next batch joins. Once complete,
  // `drawn` is brought up to date once more (cheap: the cards are memoised) and then left alone.
  useEffect(() => {
    const keys = new Set(visible.map(keyOf));
    if (visible === items && keys.size === drawn.size && [...keys].every((k) => drawn.has(k))) return;
    const id = requestAnimationFrame(() => setDrawn(keys));
    return () => cancelAnimationFrame(id);
  }, [items, visible, drawn, keyOf]);

  return visible;
}

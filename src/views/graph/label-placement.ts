// Where a label goes near the point it belongs to without covering another label: candidate spots
// in rings around the point, the first one free of every box already there (else the least
// covered). Pure maths, in the picture's own coordinates.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** How much two boxes cover each other (area; 0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return ox > 0 && oy > 0 ? ox * oy : 0;
}

/** Gaps between the point and the label's near edge, tried in order. */
const RINGS = [6, 14, 24, 36, 52, 72];
/** Directions around the point: above first (where the eye looks for a label), then right, below, left, corners. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, 1],
  [-1, -1],
];

/** The box of size `w`×`h` whose near edge lies `gap` from (x, y) in direction (dx, dy). */
function boxAt(
  x: number,
  y: number,
  w: number,
  h: number,
  [dx, dy]: readonly [number, number],
  gap: number,
): Box {
  const left = dx > 0 ? x + gap : dx < 0 ? x - gap - w : x - w / 2;
  const top = dy > 0 ? y + gap : dy < 0 ? y - gap - h : y - h / 2;
  return { x: left, y: top, w, h };
}

/**
 * A spot for a `w`×`h` label near (x, y) that covers none of `taken` — the first free candidate,
 * nearest rings first — or, when every candidate covers something, the one covering least.
 */
export function placeLabel(x: number, y: number, w: number, h: number, taken: readonly Box[]): Box {
  let best: Box | null = null;
  let bestCover = Infinity;
  for (const gap of RINGS)
    for (const dir of DIRECTIONS) {
      const box = boxAt(x, y, w, h, dir, gap);
      let cover = 0;
      for (const t of taken) {
        cover += overlapArea(box, t);
        if (cover >= bestCover) break;
      }
      if (cover === 0) return box;
      if (cover < bestCover) {
        best = box;
        bestCover = cover;
      }
    }
  return best!;
}

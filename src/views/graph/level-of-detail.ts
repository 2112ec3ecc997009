// Level of detail for big scenes. A fitted 1,000-pod cluster is drawn at a tenth of its size,
// where a pod card's IP, containers and namespace are a pixel high: drawing them costs style,
// layout and paint for ~10,000 text elements nobody can read. So in big scenes a card shows its
// full text only where it can be read — zoomed in far enough and inside the viewport — and is a
// named box elsewhere. Hover, focus and the screen-reader label still carry everything.
// Small scenes (every lesson, the default) always show everything.

/** Up to this many pods, every card is drawn in full at any zoom. */
export const FULL_DETAIL_PODS = 200;
/** The zoom from which 11 px text is at least ~6.5 px on screen. */
export const DETAIL_SCALE = 0.6;

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Where cards are drawn in full (scene coordinates): everywhere, nowhere, or an area. */
export type DetailArea = 'all' | 'none' | Area;

export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The part of the scene that gets full detail, given the pan/zoom transform and the viewport's
 * size in screen pixels (null before it is known). A margin of half a viewport around the visible
 * area keeps cards from popping in at the edge while panning.
 */
export function detailArea(
  pods: number,
  t: ViewTransform,
  viewport: { readonly width: number; readonly height: number } | null,
): DetailArea {
  if (pods <= FULL_DETAIL_PODS) return 'all';
  if (t.k < DETAIL_SCALE || !viewport) return 'none';
  const w = viewport.width / t.k;
  const h = viewport.height / t.k;
  return { x: -t.x / t.k - w / 2, y: -t.y / t.k - h / 2, w: w * 2, h: h * 2 };
}

/** Whether a card at `r` is drawn in full. */
export function inDetail(area: DetailArea, r: Area): boolean {
  if (area === 'all') return true;
  if (area === 'none') return false;
  return r.x < area.x + area.w && r.x + r.w > area.x && r.y < area.y + area.h && r.y + r.h > area.y;
}

// How the graph is placed in its pane. Presenter mode: scaled so the smallest graph text is at least
// 16 CSS px on screen (readable from the back of a room), centred on what the lesson talks about —
// the chosen flow's ends or the highlighted policy's pods — and the presenter pans to the rest.
// The lab: never so small that a pod's name and IP fall under 11 px or any other text under 9 px;
// a scene bigger than the pane at that scale starts at its top left (or on the chosen flow), and the
// learner pans to the rest (keyboard focus pans too, see revealRect).
import type { Rect, Scene } from '../../layout/scene';

/** The smallest on-screen text size presenter mode guarantees, in CSS px. */
export const PRESENTER_MIN_TEXT_PX = 16;
/** The smallest font size the graph's stylesheet uses (graph.css `.tiny`), in scene units. */
export const SMALLEST_GRAPH_FONT = 9.5;
/** The scale at which that smallest text reaches PRESENTER_MIN_TEXT_PX. */
export const PRESENTER_SCALE = PRESENTER_MIN_TEXT_PX / SMALLEST_GRAPH_FONT;

/** The lab's reading sizes on screen, in CSS px: a pod's name and IP, and any other graph text. */
export const LAB_PRIMARY_TEXT_PX = 11;
export const LAB_MIN_TEXT_PX = 9;
/** A pod card's name (graph.css `.entity-name`) and IP (`.pod-ip`), in scene units. */
export const POD_NAME_FONT = 12.5;
export const POD_IP_FONT = 12;
/** The lab's smallest scale for a scene of at most FULL_DETAIL_PODS pods: every reading size holds. */
export const LAB_SCALE =
  Math.ceil(
    Math.max(
      LAB_PRIMARY_TEXT_PX / POD_NAME_FONT,
      LAB_PRIMARY_TEXT_PX / POD_IP_FONT,
      LAB_MIN_TEXT_PX / SMALLEST_GRAPH_FONT,
    ) * 100,
  ) / 100;

/** A pan/zoom: screen = scene × k + (x, y). */
export interface Placement {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** The box around the scene entities named by `ids` (pod keys, `svc:…`, `ext:…`), or null. */
export function focusOf(scene: Scene, ids: readonly string[]): Rect | null {
  const wanted = new Set(ids);
  return around(
    [...scene.pods, ...scene.services, ...scene.externals].filter((e) => wanted.has(e.id)).map((e) => e.rect),
  );
}

/**
 * Where the lab looks first when nothing is chosen: the node boxes and every pod, unscheduled ones
 * too — what the matrix is about; the Services row above them is a pan away.
 */
export function podsArea(scene: Scene): Rect | null {
  return around([...scene.nodes.map((n) => n.rect), ...scene.pods.map((p) => p.rect)]);
}

function around(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * Fits `content` into `viewport` (as "fit to view" does), but never below `minScale`. Along an axis
 * where the content does not fit at that scale, `focus` is centred as far as the content's edges
 * allow (no empty band past them); without a focus, the content's centre (`anchor` 'centre') or its
 * start ('start': left, top).
 */
export function placeContent(
  viewport: { readonly width: number; readonly height: number },
  content: { readonly width: number; readonly height: number },
  minScale: number,
  focus: Rect | null,
  maxScale = 4,
  anchor: 'centre' | 'start' = 'centre',
): Placement {
  const fit = Math.min(viewport.width / content.width, viewport.height / content.height) * 0.98;
  const k = Math.min(Math.max(maxScale, minScale), Math.max(fit, minScale));
  // Along each axis: centred when the content fits; else on the focus (kept from showing past the
  // content's edges), or from the anchor.
  const along = (view: number, size: number, fStart?: number, fSize?: number): number => {
    if (size * k <= view) return view / 2 - (size / 2) * k;
    if (fStart !== undefined && fSize !== undefined) {
      const centred = view / 2 - (fStart + fSize / 2) * k;
      return Math.min(0, Math.max(view - size * k, centred));
    }
    return anchor === 'start' ? 0 : view / 2 - (size / 2) * k;
  };
  return {
    k,
    x: along(viewport.width, content.width, focus?.x, focus?.w),
    y: along(viewport.height, content.height, focus?.y, focus?.h),
  };
}

/**
 * The pan that brings `rect` (scene units) wholly into the viewport, `margin` px from its edges,
 * at the same scale; `t` itself when it is already there. Where the rectangle is larger than the
 * viewport, its top left corner wins.
 */
export function revealRect(
  t: Placement,
  rect: Rect,
  viewport: { readonly width: number; readonly height: number },
  margin = 8,
): Placement {
  const shift = (start: number, size: number, view: number): number => {
    const a = start * t.k;
    const b = (start + size) * t.k;
    if (a >= margin && b <= view - margin) return 0;
    if (b - a > view - 2 * margin || a < margin) return margin - a;
    return view - margin - b;
  };
  const dx = shift(rect.x + t.x / t.k, rect.w, viewport.width);
  const dy = shift(rect.y + t.y / t.k, rect.h, viewport.height);
  return dx === 0 && dy === 0 ? t : { k: t.k, x: t.x + dx, y: t.y + dy };
}

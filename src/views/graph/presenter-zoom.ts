// Presenter mode's view of the graph: scaled so the smallest graph text is at least 16 CSS px on
// screen (readable from the back of a room), centred on what the lesson talks about — the chosen
// flow's ends or the highlighted policy's pods — and the presenter pans to the rest.
import type { Rect, Scene } from '../../layout/scene';

/** The smallest on-screen text size presenter mode guarantees, in CSS px. */
export const PRESENTER_MIN_TEXT_PX = 16;
/** The smallest font size the graph's stylesheet uses (graph.css `.tiny`), in scene units. */
export const SMALLEST_GRAPH_FONT = 9.5;
/** The scale at which that smallest text reaches PRESENTER_MIN_TEXT_PX. */
export const PRESENTER_SCALE = PRESENTER_MIN_TEXT_PX / SMALLEST_GRAPH_FONT;

/** A pan/zoom: screen = scene × k + (x, y). */
export interface Placement {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** The box around the scene entities named by `ids` (pod keys, `svc:…`, `ext:…`), or null. */
export function focusOf(scene: Scene, ids: readonly string[]): Rect | null {
  const wanted = new Set(ids);
  const rects = [...scene.pods, ...scene.services, ...scene.externals]
    .filter((e) => wanted.has(e.id))
    .map((e) => e.rect);
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * Fits `content` into `viewport` (as "fit to view" does), but never below `minScale`; when the
 * content does not fit at that scale, `focus` (else the content's centre) is centred.
 */
export function placeContent(
  viewport: { readonly width: number; readonly height: number },
  content: { readonly width: number; readonly height: number },
  minScale: number,
  focus: Rect | null,
  maxScale = 4,
): Placement {
  const fit = Math.min(viewport.width / content.width, viewport.height / content.height) * 0.98;
  const k = Math.min(Math.max(maxScale, minScale), Math.max(fit, minScale));
  const zoomedIn = focus !== null && k > fit;
  const cx = zoomedIn ? focus.x + focus.w / 2 : content.width / 2;
  const cy = zoomedIn ? focus.y + focus.h / 2 : content.height / 2;
  return { k, x: viewport.width / 2 - cx * k, y: viewport.height / 2 - cy * k };
}

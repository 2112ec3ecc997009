// d3-zoom on the React-made <svg>: D3 listens to wheel/drag/keys and hands back a transform;
// React applies it to one <g>. D3 never adds or removes elements here.
import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Rect } from '../../layout/scene';
import { placeContent, revealRect } from './presenter-zoom';

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;

export interface ZoomControls {
  readonly transform: ZoomTransform;
  /** The viewport's size in screen pixels, once known. */
  readonly viewport: { readonly width: number; readonly height: number } | null;
  /** Places the content as `placing` says: at a readable scale, on what matters now (automatic). */
  fitToView(): void;
  /** The whole content in the viewport, however small that makes it (the learner asked to see all). */
  showAll(): void;
  zoomBy(factor: number): void;
  /** Centres a rectangle of the content, zoomed in enough to read it. */
  focusOn(rect: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }): void;
  /** Pans (at the same zoom) just enough to show a rectangle of the content whole. */
  reveal(rect: Rect): void;
}

/** How "fit" places the content: never below `minScale`; when it does not fit, on `focus` or from `anchor`. */
export interface Placing {
  readonly minScale: number;
  readonly focus: Rect | null;
  readonly anchor?: 'centre' | 'start';
}

export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  contentWidth: number,
  contentHeight: number,
  /** Presenter mode and the lab: never below a readable scale (see presenter-zoom.ts). */
  placing: Placing | null = null,
): ZoomControls {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  /** Once the learner pans or zooms, resizing the window no longer refits the picture. */
  const userMoved = useRef(false);
  /**
   * The viewport's size, as the ResizeObserver last reported it. Reading it from the element
   * (getBoundingClientRect) right after a big scene is committed would force style and layout of
   * every new element inside the commit: 100+ ms for 1,000 pods.
   */
  const size = useRef<{ width: number; height: number } | null>(null);
  const [viewport, setViewport] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      // d3's default extent reads the <svg>'s width, which forces layout in the middle of a commit.
      .extent(() => {
        const box = size.current ?? svg.getBoundingClientRect();
        return [
          [0, 0],
          [box.width, box.height],
        ];
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (event.sourceEvent) userMoved.current = true;
        setTransform(event.transform);
      });
    behavior.current = z;
    select(svg).call(z).on('dblclick.zoom', null);
    return () => {
      select(svg).on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef]);

  const place = useCallback(
    (whole: boolean) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (!svg || !z || contentWidth <= 0 || contentHeight <= 0) return;
      // Without a ResizeObserver (old browsers) measure; with one, its first report fits.
      const { width, height } =
        size.current ??
        (typeof ResizeObserver === 'undefined' ? svg.getBoundingClientRect() : { width: 0, height: 0 });
      if (width === 0 || height === 0) return;
      const p = placeContent(
        { width, height },
        { width: contentWidth, height: contentHeight },
        whole ? MIN_SCALE : Math.max(MIN_SCALE, placing?.minScale ?? 0),
        whole ? null : (placing?.focus ?? null),
        MAX_SCALE,
        whole ? 'centre' : (placing?.anchor ?? 'centre'),
      );
      select(svg).call(z.transform, zoomIdentity.translate(p.x, p.y).scale(p.k));
    },
    [svgRef, contentWidth, contentHeight, placing],
  );
  // Placed anew (a new scene, a resize before any move): resizes follow it again.
  const fitToView = useCallback(() => {
    userMoved.current = false;
    place(false);
  }, [place]);

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (svg && z) select(svg).call(z.scaleBy, factor);
    },
    [svgRef],
  );

  // Fit when the viewport gets its size (and whenever it changes, until the learner moves).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      size.current = { width: box.width, height: box.height };
      setViewport(size.current);
      if (!userMoved.current) fitToView();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [svgRef, fitToView]);

  // Asked for: everything at once. A resize then leaves the picture alone, as after any move.
  const showAll = useCallback(() => {
    userMoved.current = true;
    place(true);
  }, [place]);

  const focusOn = useCallback(
    (rect: { x: number; y: number; w: number; h: number }) => {
      const svg = svgRef.current;
      const z = behavior.current;
      const box = size.current;
      if (!svg || !z || !box || box.width === 0) return;
      userMoved.current = true;
      const k = Math.min(
        MAX_SCALE,
        Math.max(1.2, Math.min(box.width / (rect.w * 6), box.height / (rect.h * 6))),
      );
      const t = zoomIdentity
        .translate(box.width / 2 - (rect.x + rect.w / 2) * k, box.height / 2 - (rect.y + rect.h / 2) * k)
        .scale(k);
      select(svg).call(z.transform, t);
    },
    [svgRef],
  );

  const reveal = useCallback(
    (rect: Rect) => {
      const svg = svgRef.current;
      const z = behavior.current;
      const box = size.current;
      if (!svg || !z || !box || box.width === 0) return;
      const t = zoomTransform(svg);
      const p = revealRect({ k: t.k, x: t.x, y: t.y }, rect, box);
      if (p.x === t.x && p.y === t.y) return;
      userMoved.current = true;
      select(svg).call(z.transform, zoomIdentity.translate(p.x, p.y).scale(p.k));
    },
    [svgRef],
  );

  return { transform, viewport, fitToView, showAll, zoomBy, focusOn, reveal };
}

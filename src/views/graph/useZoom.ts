// d3-zoom on the React-made <svg>: D3 listens to wheel/drag/keys and hands back a transform;
// React applies it to one <g>. D3 never adds or removes elements here.
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;

export interface ZoomControls {
  readonly transform: ZoomTransform;
  /** Scales and centres the content (width × height) into the viewport. */
  fitToView(): void;
  zoomBy(factor: number): void;
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, contentWidth: number, contentHeight: number): ZoomControls {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  /** Once the learner pans or zooms, resizing the window no longer refits the picture. */
  const userMoved = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
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

  const fitToView = useCallback(() => {
    const svg = svgRef.current;
    const z = behavior.current;
    if (!svg || !z || contentWidth <= 0 || contentHeight <= 0) return;
    const { width, height } = svg.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(width / contentWidth, height / contentHeight) * 0.98));
    const t = zoomIdentity.translate((width - contentWidth * k) / 2, (height - contentHeight * k) / 2).scale(k);
    select(svg).call(z.transform, t);
  }, [svgRef, contentWidth, contentHeight]);

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
    const ro = new ResizeObserver(() => {
      if (!userMoved.current) fitToView();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [svgRef, fitToView]);

  const fitByUser = useCallback(() => {
    userMoved.current = false;
    fitToView();
  }, [fitToView]);

  return { transform, fitToView: fitByUser, zoomBy };
}

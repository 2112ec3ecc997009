// The graph's <svg> at its viewport's size in px, not `100%` of it. The page's grid and flex
// boxes lay the viewport out several times per layout (measuring, then placing), at different
// heights; an <svg> sized in percent changed size with each pass, and Chromium then lays out every
// element inside it again — a 300-pod scene's text three times over, ~25–50 ms, whenever anything
// else on the page changed size (a matrix row, a problem in the list). Pinned in px, the picture
// is laid out only when the viewport's final size changes. The viewport clips (`contain: strict`),
// so the one frame the <svg> lags a resize by is not seen.
import { useEffect, type RefObject } from 'react';

export function usePinnedSvgSize(
  viewportRef: RefObject<Element | null>,
  svgRef: RefObject<SVGSVGElement | null>,
) {
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const svg = svgRef.current;
      if (!svg) return;
      const box = entries[entries.length - 1]!.contentRect;
      svg.style.width = `${box.width}px`;
      svg.style.height = `${box.height}px`;
    });
    ro.observe(viewport);
    return () => ro.disconnect();
  }, [viewportRef, svgRef]);
}

// The scene the graph pane drew, by its <svg>: the lab lays the topology out to the pane (see
// layout/fit-layout.ts), so the pictures exported from that <svg> take their frame from it too.
import type { Scene } from '../../layout/scene';

const drawn = new WeakMap<SVGSVGElement, Scene>();

export function setDrawnScene(svg: SVGSVGElement, scene: Scene): void {
  drawn.set(svg, scene);
}

/** The scene drawn in `svg`, or `fallback` (the model's own) before it drew one. */
export function drawnScene(svg: SVGSVGElement | null | undefined, fallback: Scene): Scene {
  return (svg ? drawn.get(svg) : undefined) ?? fallback;
}

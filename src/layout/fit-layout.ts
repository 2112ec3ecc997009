// The scene drawn to its pane. Side by side, two nodes with two pod columns each make a wide strip
// (1,520 × 510 units for the default scene); a pane of the lab is nearer 1.5 : 1. At the scale the
// lab reads at (a pod's IP at 11 px), the arrangement that shows more of itself in the pane wins:
// two pod columns per node (the default) or one (960 × 646 for the default scene). Pure and
// deterministic: the same topology and pane always give the same picture.
import type { Topology } from '../model/topology';
import { layoutTopology } from './layout-topology';
import { POD_COLUMNS, type Scene } from './scene';

/** The pod columns per node the lab tries, the default first (it wins a tie). */
export const PANE_COLUMN_CHOICES: readonly number[] = [POD_COLUMNS, 1];

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The share (0–1] of a `content`-sized scene a `viewport` shows at `scale`: 1 when it all fits. */
export function shownShare(content: Size, viewport: Size, scale: number): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  const along = (view: number, size: number) => Math.min(1, Math.max(0, view) / (size * scale));
  return along(viewport.width, content.width) * along(viewport.height, content.height);
}

/**
 * The scene of `topology` for a pane of `viewport` CSS px read at `scale`: each choice of pod
 * columns is laid out and the one showing the largest share wins (the earlier choice on a tie).
 * `fallback` is the default layout when the caller already has it (the model's own scene).
 */
export function layoutForPane(
  topology: Topology,
  viewport: Size,
  scale: number,
  fallback?: Scene,
): { readonly scene: Scene; readonly columns: number } {
  let best: { scene: Scene; columns: number; share: number } | null = null;
  for (const columns of PANE_COLUMN_CHOICES) {
    const scene =
      columns === POD_COLUMNS && fallback ? fallback : layoutTopology(topology, { podColumns: columns });
    const share = shownShare(scene, viewport, scale);
    if (best === null || share > best.share + 1e-9) best = { scene, columns, share };
    if (share >= 1) break;
  }
  return { scene: best!.scene, columns: best!.columns };
}

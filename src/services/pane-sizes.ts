// The workspace's pane sizes, remembered in localStorage: how the learner split the screen
// between the graph and the editor stays put across reloads. Read back values are untrusted.

export const PANE_SIZES_KEY = 'netlab.workspace.panes.v1';

/** Fractions of the workspace: each pane's share of its column or row. */
export interface PaneSizes {
  /** The graph column's share of the width (the editor column has the rest). */
  readonly side: number;
  /** The graph's share of its column's height (the packet panel has the rest). */
  readonly graph: number;
  /** The editor's share of its column's height (the matrix and why have the rest). */
  readonly editor: number;
}

export type PaneName = keyof PaneSizes;

export const DEFAULT_PANE_SIZES: PaneSizes = { side: 0.55, graph: 0.62, editor: 0.42 };

/** The smallest and largest share a pane may take: nothing shrinks out of sight. */
export const PANE_LIMITS: Readonly<Record<PaneName, readonly [number, number]>> = {
  side: [0.3, 0.75],
  graph: [0.3, 0.85],
  editor: [0.2, 0.8],
};

/** `value` kept within the pane's limits (a default for anything that is not a number). */
export function clampPane(name: PaneName, value: unknown): number {
  const [lo, hi] = PANE_LIMITS[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_PANE_SIZES[name];
  return Math.round(Math.min(hi, Math.max(lo, value)) * 1000) / 1000;
}

export function readPaneSizes(storage: Storage | undefined): PaneSizes {
  try {
    const text = storage?.getItem(PANE_SIZES_KEY) ?? null;
    if (text === null || text.length > 1000) return DEFAULT_PANE_SIZES;
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return DEFAULT_PANE_SIZES;
    const o = v as Record<string, unknown>;
    return {
      side: clampPane('side', o.side),
      graph: clampPane('graph', o.graph),
      editor: clampPane('editor', o.editor),
    };
  } catch {
    return DEFAULT_PANE_SIZES;
  }
}

export function writePaneSizes(storage: Storage | undefined, sizes: PaneSizes): void {
  try {
    storage?.setItem(PANE_SIZES_KEY, JSON.stringify(sizes));
  } catch {
    // Full or forbidden storage: the sizes last for this visit.
  }
}

// "Predict first" for a room: every verdict hidden until the presenter reveals it, cell by cell.
// Pure data and transitions; the matrix, the why panel and the graph read it.

export interface PredictSlice {
  /** Verdicts are hidden until revealed. */
  readonly on: boolean;
  /** Matrix cell keys (flowKey: from, to, port) revealed so far. */
  readonly revealed: readonly string[];
}

export const INITIAL_PREDICT: PredictSlice = { on: false, revealed: [] };

/** Whether the verdict of cell `key` may be shown. */
export const isRevealed = (p: PredictSlice, key: string): boolean => !p.on || p.revealed.includes(key);

/** Turns the mode on or off; either way nothing stays revealed from before. */
export const setPredict = (on: boolean): PredictSlice => ({ on, revealed: [] });

/** Reveals one cell (again: no change). */
export const reveal = (p: PredictSlice, key: string): PredictSlice =>
  p.revealed.includes(key) ? p : { ...p, revealed: [...p.revealed, key] };

/** The first cell, in reading order, still hidden (null when all are revealed). */
export const nextHidden = (p: PredictSlice, keys: readonly string[]): string | null =>
  keys.find((k) => !p.revealed.includes(k)) ?? null;

/** Reveals every one of `keys`. */
export const revealAll = (p: PredictSlice, keys: readonly string[]): PredictSlice => ({
  ...p,
  revealed: [...new Set([...p.revealed, ...keys])],
});

// How far a long computation has got, for whoever waits on it: the model worker reports it to
// the page (a bar with counts), everyone else ignores it. The cores call reportProgress() at a
// few checkpoints; withProgress() decides, for one computation, who listens.

/** The stages of building a scenario's model, in order. */
export type ProgressPhase = 'read' | 'matrix' | 'layout';

export type ProgressSink = (phase: ProgressPhase, done: number, total: number) => void;

let sink: ProgressSink | null = null;

/** Tells the current listener (if any) that `done` of `total` units of `phase` are finished. */
export function reportProgress(phase: ProgressPhase, done: number, total: number): void {
  sink?.(phase, done, total);
}

/** Runs `work` with `listener` receiving its progress reports (nested calls restore the outer one). */
export function withProgress<T>(listener: ProgressSink, work: () => T): T {
  const outer = sink;
  sink = listener;
  try {
    return work();
  } finally {
    sink = outer;
  }
}

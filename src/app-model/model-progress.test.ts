// What the model worker reports while it builds a big text: the phases in order, counts that
// only grow and never pass their total.
import { describe, expect, it } from 'vitest';
import { withProgress, type ProgressPhase } from '../lib/progress';
import { ModelEngine } from './model-engine';

function pods(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p-${i}, namespace: default}\nspec:\n  containers: [{name: c, image: i}]\n`,
    );
  return out.join('---\n');
}

describe('model progress', () => {
  it('reports reading, the matrix and the layout, in order, with growing counts', () => {
    const seen: { phase: ProgressPhase; done: number; total: number }[] = [];
    const text = pods(3000);
    withProgress(
      (phase, done, total) => seen.push({ phase, done, total }),
      () => new ModelEngine().update(text),
    );
    const phases = seen.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['read', 'matrix', 'layout']);
    const read = seen.filter((s) => s.phase === 'read');
    expect(read.length).toBeGreaterThan(100); // one per document
    expect(read.at(-1)!.total).toBe(text.length);
    for (const phase of ['read', 'matrix'] as const) {
      const xs = seen.filter((s) => s.phase === phase);
      xs.forEach((s, i) => {
        expect(s.done).toBeLessThanOrEqual(s.total);
        if (i > 0) expect(s.done).toBeGreaterThanOrEqual(xs[i - 1]!.done);
      });
    }
  }, 60_000);

  it('nobody listening: nothing reported, nothing breaks', () => {
    // The three pods and the implicit CoreDNS's two.
    expect(new ModelEngine().update(pods(3)).model.endpoints).toHaveLength(5);
  });
});

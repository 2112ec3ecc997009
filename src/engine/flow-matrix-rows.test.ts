// The CLI's narrowed matrix: rows for a few sources only, over the endpoints it prints, must give
// every cell exactly as the whole matrix does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster, generateScenario } from '../testing/generate-cluster';
import { buildEndpoints } from './endpoints';
import { computeFlowMatrix, flowVerdict } from './flow-matrix';
import type { FlowPort } from './match';

const c = cluster(generateScenario({ pods: 60, policies: 25, seed: 3 }));
const ports: FlowPort[] = [
  { port: 80, protocol: 'TCP' },
  { port: 5000, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
];
const all = buildEndpoints(c, ['192.168.5.10', '10.64.0.5']);
const full = computeFlowMatrix(c.policies, all, ports);
const subset = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 12 });

describe('computeFlowMatrix with a few sources', () => {
  it('rows of the chosen sources equal those of the whole matrix; the others are left out', () => {
    fc.assert(
      fc.property(subset(all.length), (sources) => {
        const m = computeFlowMatrix(c.policies, all, ports, { sources });
        ports.forEach((_, pi) => {
          all.forEach((_, s) => {
            if (sources.includes(s)) {
              expect([...m.allowed[pi]![s]!]).toEqual([...full.allowed[pi]![s]!]);
              for (const d of [0, 7, all.length - 1])
                expect(flowVerdict(m, s, d, pi)).toEqual(flowVerdict(full, s, d, pi));
            } else expect(m.allowed[pi]![s]).toBeUndefined();
          });
        });
      }),
      { numRuns: 30 },
    );
  });

  it('over only the endpoints printed (sources ∪ destinations), every cell is the same', () => {
    fc.assert(
      fc.property(subset(all.length), subset(all.length), (from, to) => {
        const keep = [...new Set([...from, ...to])].sort((a, b) => a - b);
        const at = new Map(keep.map((i, k) => [i, k]));
        const m = computeFlowMatrix(
          c.policies,
          keep.map((i) => all[i]!),
          ports,
          {
            sources: from.map((i) => at.get(i)!),
          },
        );
        ports.forEach((_, pi) => {
          for (const s of from)
            for (const d of to)
              expect(flowVerdict(m, at.get(s)!, at.get(d)!, pi)).toEqual(flowVerdict(full, s, d, pi));
        });
      }),
      { numRuns: 30 },
    );
  });
});

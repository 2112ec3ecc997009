// Properties of binding over random PVs and claims: a bound PV always satisfies its claim, no PV
// is bound to two claims, a Pending claim has a reason for every PV, and the chosen PV is the
// smallest fitting one of its access-mode group.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSelector } from '../engine/selector';
import { loadVolumes } from './load-volumes';
import { settleVolumes } from './pv-controller';
import { compareQuantities } from './quantity';
import { pv, pvc, scene } from '../testing/storage-scenes';

const sizes = ['1Gi', '2Gi', '5Gi', '10Gi', '20Gi', '5G', '10240Mi'];
const modeSets = [
  ['ReadWriteOnce'],
  ['ReadOnlyMany'],
  ['ReadWriteMany'],
  ['ReadWriteOnce', 'ReadOnlyMany'],
  ['ReadWriteOnce', 'ReadWriteMany'],
  ['ReadWriteOncePod'],
];
const classes = ['', 'fast', 'slow'];
const tiers = [undefined, 'gold', 'silver'];

const pvArb = fc.record({
  size: fc.constantFrom(...sizes),
  modes: fc.constantFrom(...modeSets),
  cls: fc.constantFrom(...classes),
  tier: fc.constantFrom(...tiers),
  block: fc.boolean(),
});
const pvcArb = fc.record({
  size: fc.constantFrom(...sizes),
  modes: fc.constantFrom(...modeSets),
  cls: fc.constantFrom(undefined, ...classes),
  tier: fc.constantFrom(...tiers),
  block: fc.boolean(),
});

const sceneArb = fc.record({
  volumes: fc.array(pvArb, { maxLength: 6 }),
  claims: fc.array(pvcArb, { maxLength: 5 }),
});

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function simulate(s: Generated<typeof sceneArb>) {
  const text = scene(
    ...s.volumes.map((v, i) =>
      pv(`pv-${i}`, {
        size: v.size,
        modes: v.modes,
        cls: v.cls,
        ...(v.tier ? { labels: { tier: v.tier } } : {}),
        ...(v.block ? { volumeMode: 'Block' } : {}),
      }),
    ),
    ...s.claims.map((c, i) =>
      pvc(`c-${i}`, {
        size: c.size,
        modes: c.modes,
        ...(c.cls !== undefined ? { cls: c.cls } : {}),
        ...(c.tier ? { selector: { tier: c.tier } } : {}),
        ...(c.block ? { volumeMode: 'Block' } : {}),
      }),
    ),
  );
  const loaded = loadVolumes([{ name: 'p.yaml', text }]);
  expect(loaded.hasErrors).toBe(false);
  return settleVolumes(loaded.scene);
}

describe('binding properties', () => {
  it('a bound PV satisfies its claim, and no PV is bound to two claims', () => {
    fc.assert(
      fc.property(sceneArb, (s) => {
        const sim = simulate(s);
        const used = new Set<string>();
        for (const c of sim.claims) {
          if (c.phase !== 'Bound') continue;
          expect(used.has(c.volume!)).toBe(false);
          used.add(c.volume!);
          const v = sim.volumes.find((x) => x.pv.name === c.volume)!;
          expect(v.phase).toBe('Bound');
          expect(v.pv.claimRef).toMatchObject({ namespace: c.claim.namespace, name: c.claim.name });
          expect(compareQuantities(v.pv.capacity, c.claim.request)).toBeGreaterThanOrEqual(0);
          for (const m of c.claim.accessModes) expect(v.pv.accessModes).toContain(m);
          expect(v.pv.storageClassName).toBe(c.claim.storageClassName);
          expect(v.pv.volumeMode).toBe(c.claim.volumeMode);
          if (c.claim.selector) expect(matchesSelector(c.claim.selector, v.pv.labels)).toBe(true);
        }
      }),
    );
  });

  it('a Pending claim has a reason for every PV', () => {
    fc.assert(
      fc.property(sceneArb, (s) => {
        const sim = simulate(s);
        for (const c of sim.claims) {
          if (c.phase !== 'Pending') continue;
          expect(c.candidates).toHaveLength(sim.volumes.length);
          for (const cand of c.candidates) {
            expect(cand.verdict).toBe('rejected');
            expect(cand.verdict === 'rejected' && cand.reasons.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it('nothing that fits is smaller than the chosen PV in its access-mode group', () => {
    fc.assert(
      fc.property(sceneArb, (s) => {
        const sim = simulate(s);
        const byName = (n: string) => sim.volumes.find((x) => x.pv.name === n)!.pv;
        for (const c of sim.claims) {
          const chosen = c.candidates.find((x) => x.verdict === 'chosen');
          if (!chosen) continue;
          for (const cand of c.candidates) {
            if (cand.verdict !== 'fits' || cand.why === 'fewer-modes') continue;
            expect(
              compareQuantities(byName(cand.pv).capacity, byName(chosen.pv).capacity),
            ).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });

  it('settling twice gives the same bindings', () => {
    fc.assert(
      fc.property(sceneArb, (s) => {
        const a = simulate(s).claims.map((c) => c.volume ?? '-');
        const b = simulate(s).claims.map((c) => c.volume ?? '-');
        expect(a).toEqual(b);
      }),
      { numRuns: 30 },
    );
  });
});

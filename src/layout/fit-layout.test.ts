// layoutForPane: the arrangement that shows more of the scene in the pane at the lab's reading
// scale; the default one when it fits or ties; deterministic; never showing less than the default.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { withDrawnClusterDns } from '../dns/cluster-dns';
import { loadCluster } from '../k8s/load-cluster';
import { buildTopology, type Topology } from '../model/topology';
import { layoutForPane, shownShare } from './fit-layout';
import { layoutTopology } from './layout-topology';
import { POD_COLUMNS } from './scene';

/** The default scenario as the page draws it (the implicit CoreDNS pods included). */
function defaultTopology(): Topology {
  const r = loadCluster([{ name: 'default.yaml', text: defaultYaml }]);
  expect(r.hasErrors).toBe(false);
  return buildTopology(withDrawnClusterDns(r.cluster));
}

/** The lab's reading scale (views/graph/presenter-zoom.ts LAB_SCALE; layout cannot import views). */
const LAB = 0.95;

describe('shownShare', () => {
  it('is 1 when the content fits and the product of the two axes otherwise', () => {
    expect(shownShare({ width: 100, height: 100 }, { width: 200, height: 100 }, 1)).toBe(1);
    expect(shownShare({ width: 400, height: 100 }, { width: 200, height: 50 }, 1)).toBeCloseTo(0.25);
    expect(shownShare({ width: 400, height: 100 }, { width: 200, height: 100 }, 0.5)).toBe(1);
  });
});

describe('layoutForPane', () => {
  const topology = defaultTopology();

  it('the default scene in the lab pane at 1440×900 and 1920×1080 gets one pod column a node', () => {
    for (const pane of [
      { width: 745, height: 353 },
      { width: 1009, height: 465 },
    ]) {
      const { scene, columns } = layoutForPane(topology, pane, LAB);
      expect(columns).toBe(1);
      // Narrower than the default strip, and more of it in view.
      const wide = layoutTopology(topology);
      expect(scene.width).toBeLessThan(wide.width);
      expect(shownShare(scene, pane, LAB)).toBeGreaterThan(shownShare(wide, pane, LAB));
      // Every pod and Service is still drawn, and the same topology gives the same picture.
      expect(scene.pods.map((p) => p.id).sort()).toEqual(wide.pods.map((p) => p.id).sort());
      expect(scene.services).toHaveLength(wide.services.length);
      expect(layoutForPane(topology, pane, LAB).scene).toEqual(scene);
    }
  });

  it('a pane wide enough for the default strip keeps it (the model scene itself when given)', () => {
    const wide = layoutTopology(topology);
    const pane = { width: wide.width * LAB + 10, height: wide.height * LAB + 10 };
    const chosen = layoutForPane(topology, pane, LAB, wide);
    expect(chosen.columns).toBe(POD_COLUMNS);
    expect(chosen.scene).toBe(wide);
  });

  it('never shows less of the scene than the default layout, for any pane', () => {
    const wide = layoutTopology(topology);
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 3000 }), fc.integer({ min: 150, max: 2000 }), (w, h) => {
        const pane = { width: w, height: h };
        const { scene } = layoutForPane(topology, pane, LAB, wide);
        expect(shownShare(scene, pane, LAB)).toBeGreaterThanOrEqual(shownShare(wide, pane, LAB));
      }),
    );
  });
});

// The scene an embed's click-to-load cover draws before anything else loads: the scenario in the
// embed code's fragment (or the default), read and laid out as the lab lays it out, nothing more
// (no policies evaluated, no matrix) — so the cover is a true picture of the scene at a small cost.
import { loadCluster } from '../k8s/load-cluster';
import { withDrawnClusterDns } from '../dns/cluster-dns';
import { decodeShareFragment } from '../lib/share-codec';
import { scheduleOnGeneratedNode } from '../model/generated-node';
import { buildTopology } from '../model/topology';
import { layoutTopology, type Scene } from '../layout/layout-topology';

/** The scene of a fragment (`#s=v1.…`, or none: `fallback`), or null when there is nothing to draw. */
export function coverScene(fragment: string, fallback: string): Scene | null {
  let text = fallback;
  if (fragment.startsWith('#s=') || fragment.startsWith('s=')) {
    const decoded = decodeShareFragment(fragment);
    // A damaged link, or a storage lab's scene: the lab itself will say what it is.
    if ('error' in decoded || decoded.frame.storage) return null;
    text = decoded.frame.scenario;
  }
  const loaded = loadCluster([{ name: 'scenario.yaml', text }]);
  if (loaded.hasErrors) return null;
  const { cluster, generatedNode } = scheduleOnGeneratedNode(withDrawnClusterDns(loaded.cluster));
  const scene = layoutTopology(buildTopology(cluster, { generatedNode }));
  return scene.nodes.length + scene.pods.length > 0 ? scene : null;
}

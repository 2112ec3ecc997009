// "What if this claim is deleted?": the settled cluster (claims bound, PVs provisioned) with the
// claim gone, settled again. Pods still using it would keep it Terminating (the pvc-protection
// finalizer) until they are deleted, so they go first; then the PV's reclaim policy runs.
import { settleVolumes, type VolumeResult, type VolumeSimulation } from './pv-controller';
import { claimKey, type VolumeScene } from './volume-types';

export interface ClaimDeletion {
  readonly claim: string;
  /** Pods that mount the claim: it stays Terminating until they are deleted (netlab deletes them). */
  readonly inUseBy: readonly string[];
  /** The PV the claim was bound to, before. */
  readonly volume?: VolumeResult;
  /** That PV after the reclaim policy ran; absent when it was deleted. */
  readonly after?: VolumeResult;
  /** It was deleted (with its backing volume): what the policy did. */
  readonly deleted?: VolumeResult;
  readonly simulation: VolumeSimulation;
}

/** The scene as the API server holds it once `sim` settled: bindings written into the objects. */
export function settledScene(sim: VolumeSimulation): VolumeScene {
  return {
    ...sim.scene,
    volumes: sim.volumes.map((v) => v.pv),
    claims: sim.claims.map((c) => (c.phase === 'Bound' ? { ...c.claim, volumeName: c.volume! } : c.claim)),
  };
}

/** Deletes `key` (`namespace/name`) from the settled cluster; undefined when there is no such claim. */
export function deleteClaim(sim: VolumeSimulation, key: string): ClaimDeletion | undefined {
  const target = sim.claims.find((c) => c.key === key);
  if (!target) return undefined;
  const scene = settledScene(sim);
  const inUseBy = sim.pods
    .filter(
      (p) =>
        p.pod.namespace === target.claim.namespace &&
        p.pod.claims.some((v) => v.claimName === target.claim.name),
    )
    .map((p) => p.key);
  const next = settleVolumes({
    ...scene,
    claims: scene.claims.filter((c) => claimKey(c) !== key),
    pods: scene.pods.filter((p) => !inUseBy.includes(`${p.namespace}/${p.name}`)),
  });
  const volume =
    target.volume === undefined ? undefined : sim.volumes.find((v) => v.pv.name === target.volume);
  const after = volume && next.volumes.find((v) => v.pv.name === volume.pv.name);
  const deleted = volume && next.deleted.find((v) => v.pv.name === volume.pv.name);
  return {
    claim: key,
    inUseBy,
    ...(volume ? { volume } : {}),
    ...(after ? { after } : {}),
    ...(deleted ? { deleted } : {}),
    simulation: next,
  };
}

// The storage control loop on a static scene, settled: the PV controller binds claims (in file
// order; the real one works from a queue), provisions through StorageClasses, applies reclaim
// policies to released PVs; then the scheduler places pods and binds WaitForFirstConsumer claims.
import {
  ControllerState,
  type BindVia,
  type ClaimResult,
  type ClaimWait,
  type VolumePhase,
} from './controller-state';
import { findBestMatch, isBoundToClaim, volumeNameProblems, type Candidate } from './match-volume';
import { reclaimReleased, type ReclaimOutcome } from './reclaim';
import { schedulePods, type PodResult } from './schedule-pods';
import {
  BOUND_BY_CONTROLLER_ANNOTATION,
  claimKey,
  NO_PROVISIONER,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type VolumeScene,
} from './volume-types';

export interface VolumeResult {
  readonly pv: PersistentVolume;
  readonly phase: VolumePhase;
  /** `namespace/name` of the claim its claimRef names. */
  readonly claim?: string;
  /** Made by a provisioner during this settle (a CreateVolume call). */
  readonly provisionedNow: boolean;
  /** For a PV whose claim is gone: what its reclaim policy did. */
  readonly reclaim?: ReclaimOutcome;
}

export interface VolumeSimulation {
  readonly scene: VolumeScene;
  readonly volumes: readonly VolumeResult[];
  /** PVs the reclaim policy deleted, with what happened to them. */
  readonly deleted: readonly VolumeResult[];
  readonly claims: readonly ClaimResult[];
  readonly pods: readonly PodResult[];
}

/** syncUnboundClaim for one claim. */
function syncClaim(s: ControllerState, claim: PersistentVolumeClaim): ClaimResult {
  const key = claimKey(claim);
  const base = { key, claim };
  const pending = (wait: ClaimWait, candidates: readonly Candidate[] = []): ClaimResult => ({
    ...base,
    phase: 'Pending',
    wait,
    candidates,
  });
  const bound = (pv: PersistentVolume, via: BindVia, candidates: readonly Candidate[] = []): ClaimResult => {
    s.bind(pv, claim);
    return { ...base, phase: 'Bound', volume: pv.name, via, candidates };
  };
  if (claim.volumeName !== undefined) {
    const pv = s.volumes.find((v) => v.name === claim.volumeName);
    if (!pv) return pending({ why: 'volume-not-found', volumeName: claim.volumeName });
    if (!pv.claimRef) {
      const problems = volumeNameProblems(claim, pv);
      return problems.length > 0
        ? pending({ why: 'volume-mismatch', volumeName: pv.name, problems })
        : bound(pv, 'volume-name');
    }
    if (isBoundToClaim(pv, claim)) return bound(pv, 'volume-name');
    return pending({ why: 'volume-claimed', volumeName: pv.name, by: pv.claimRef });
  }
  const delay = s.delayBinding(claim);
  const match = findBestMatch(claim, s.volumes, { delayBinding: delay, refState: s.refState });
  if (match.chosen) return bound(match.chosen, match.preBound ? 'pre-bound' : 'best-match', match.candidates);
  if (delay) return pending({ why: 'wait-for-consumer' }, match.candidates);
  if (claim.storageClassName === '') return pending({ why: 'no-match-no-class' }, match.candidates);
  const cls = s.classOf(claim);
  if (!cls) return pending({ why: 'class-not-found', className: claim.storageClassName }, match.candidates);
  if (cls.provisioner === NO_PROVISIONER)
    return pending({ why: 'no-provisioner', className: cls.name }, match.candidates);
  if (!s.canProvision(cls))
    return pending({ why: 'external-provisioner', provisioner: cls.provisioner }, match.candidates);
  const pv = s.provision(claim, cls);
  return { ...base, phase: 'Bound', volume: pv.name, via: 'provisioned', candidates: match.candidates };
}

/** Settles the scene: reclaim released PVs, bind claims, schedule pods. */
export function settleVolumes(scene: VolumeScene): VolumeSimulation {
  const s = new ControllerState(scene);
  // syncVolume first: a PV whose claimRef names a claim that is gone is Released; reclaim it.
  const reclaimed = new Map<string, ReclaimOutcome>();
  const deleted: VolumeResult[] = [];
  for (const pv of scene.volumes) {
    if (!pv.claimRef || s.refState(pv) !== 'released') continue;
    const outcome = reclaimReleased(pv, scene.drivers);
    reclaimed.set(pv.name, outcome);
    const i = s.volumes.findIndex((v) => v.name === pv.name);
    if (outcome.result === 'deleted') {
      deleted.push({
        pv,
        phase: 'Released',
        claim: claimKey(pv.claimRef),
        provisionedNow: false,
        reclaim: outcome,
      });
      s.volumes.splice(i, 1);
    } else if (outcome.result === 'recycled') {
      // unbindVolume: bound by the controller, the claimRef goes; pre-bound by a user, only its uid.
      const { claimRef, ...unbound } = pv;
      s.volumes[i] = Object.hasOwn(pv.annotations, BOUND_BY_CONTROLLER_ANNOTATION)
        ? unbound
        : { ...pv, claimRef: { namespace: claimRef.namespace, name: claimRef.name } };
    }
  }
  for (const claim of scene.claims) s.claims.set(claimKey(claim), syncClaim(s, claim));
  const pods = schedulePods(s);
  const claims = scene.claims.map((c) => s.claims.get(claimKey(c))!);
  const volumes: VolumeResult[] = s.volumes.map((pv) => {
    const outcome = reclaimed.get(pv.name);
    const ref = pv.claimRef;
    const owner = ref
      ? claims.find(
          (c) => c.volume === pv.name && c.claim.name === ref.name && c.claim.namespace === ref.namespace,
        )
      : undefined;
    const phase: VolumePhase = owner
      ? 'Bound'
      : outcome?.result === 'failed'
        ? 'Failed'
        : ref && (outcome || s.refState(pv) === 'released')
          ? 'Released'
          : 'Available';
    return {
      pv,
      phase,
      ...(ref ? { claim: claimKey(ref) } : {}),
      provisionedNow: s.provisioned.has(pv.name),
      ...(outcome ? { reclaim: outcome } : {}),
    };
  });
  return { scene, volumes, deleted, claims, pods };
}

// Which PersistentVolume a claim gets, decided as the PV controller's findBestMatchForClaim and
// the scheduler's FindMatchingVolume do (k8s.io/component-helpers storage/volume), with every
// rule that rejects a PV kept as data, so each candidate can say why it was not chosen.
import { matchesSelector, unmetRequirements, type UnmetRequirement } from '../engine/selector';
import type { Labels } from '../k8s/types';
import { compareQuantities, type Quantity } from './quantity';
import type {
  AccessMode,
  ClaimRef,
  NodeSelectorTerm,
  PersistentVolume,
  PersistentVolumeClaim,
  VolumeMode,
} from './volume-types';

/** Why one PV cannot be (or was not) bound to one claim. */
export type Rejection =
  | { readonly rule: 'access-modes'; readonly missing: readonly AccessMode[] }
  | { readonly rule: 'claimed'; readonly by: ClaimRef; readonly state: ClaimRefState }
  | { readonly rule: 'capacity'; readonly capacity: Quantity; readonly request: Quantity }
  | { readonly rule: 'volume-mode'; readonly volume: VolumeMode; readonly claim: VolumeMode }
  | { readonly rule: 'wait-for-consumer' }
  | { readonly rule: 'selector'; readonly unmet: readonly UnmetRequirement[] }
  | { readonly rule: 'class'; readonly volume: string; readonly claim: string }
  | { readonly rule: 'node-affinity'; readonly node: string }
  | { readonly rule: 'taken'; readonly by: string };

/** How the controller sees one PV for one claim. */
export type Candidate =
  | { readonly pv: string; readonly verdict: 'chosen'; readonly preBound: boolean }
  | { readonly pv: string; readonly verdict: 'rejected'; readonly reasons: readonly Rejection[] }
  /** It fits, but another PV was preferred: smaller, or with fewer access modes. */
  | {
      readonly pv: string;
      readonly verdict: 'fits';
      readonly preferred: string;
      readonly why: 'smaller' | 'fewer-modes' | 'earlier';
    };

/**
 * What a PV's claimRef points at: a claim bound to it, a deleted claim (Released: the ref keeps
 * the old claim's uid), or a claim it is reserved for that has not bound yet.
 */
export type ClaimRefState = 'bound' | 'released' | 'reserved';

export interface MatchOptions {
  /** The claim's class binds WaitForFirstConsumer and this is the PV controller (no node yet). */
  readonly delayBinding: boolean;
  /** The scheduler's path: the node the pod would run on; checks node affinity and access modes. */
  readonly node?: { readonly name: string; readonly labels: Labels };
  /** The scheduler's excluded volumes: PVs another claim of the same pod took, with its key. */
  readonly taken?: ReadonlyMap<string, string>;
  readonly refState: (pv: PersistentVolume) => ClaimRefState;
}

export interface MatchResult {
  readonly chosen?: PersistentVolume;
  readonly preBound: boolean;
  /** One entry per PV, in the scenario's order. */
  readonly candidates: readonly Candidate[];
}

/** The claim's modes are all offered by the PV. */
export const missingModes = (claim: PersistentVolumeClaim, pv: PersistentVolume): AccessMode[] =>
  claim.accessModes.filter((m) => !pv.accessModes.includes(m));

/** A PV's spec.claimRef names this claim (and, with a uid, this very object). */
export function isBoundToClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.claimRef;
  if (!ref || ref.name !== claim.name || ref.namespace !== claim.namespace) return false;
  // A claim written without metadata.uid is taken to be the object the ref names.
  return ref.uid === undefined || claim.uid === undefined || ref.uid === claim.uid;
}

/** Whether a node's labels satisfy node selector terms (ORed terms of ANDed requirements). */
export function nodeMatchesTerms(terms: readonly NodeSelectorTerm[], labels: Labels): boolean {
  if (terms.length === 0) return true;
  return terms.some((term) =>
    term.matchExpressions.every((r) => {
      const has = Object.hasOwn(labels, r.key);
      const value = labels[r.key];
      switch (r.operator) {
        case 'In':
          return has && r.values.includes(value!);
        case 'NotIn':
          return !has || !r.values.includes(value!);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        case 'Gt':
        case 'Lt': {
          const n = Number(value);
          const bound = Number(r.values[0]);
          if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
          return r.operator === 'Gt' ? n > bound : n < bound;
        }
      }
    }),
  );
}

/** Every rule `pv` breaks for `claim`, in the order the controller tests them. */
function rejections(
  claim: PersistentVolumeClaim,
  pv: PersistentVolume,
  o: MatchOptions,
): { reasons: Rejection[]; preBound: boolean } {
  const reasons: Rejection[] = [];
  const missing = missingModes(claim, pv);
  // The controller only searches index groups whose modes contain every requested mode.
  if (missing.length > 0) reasons.push({ rule: 'access-modes', missing });
  const preBound = isBoundToClaim(pv, claim);
  if (pv.claimRef && !preBound) reasons.push({ rule: 'claimed', by: pv.claimRef, state: o.refState(pv) });
  const takenBy = o.taken?.get(pv.name);
  if (takenBy !== undefined) reasons.push({ rule: 'taken', by: takenBy });
  if (compareQuantities(pv.capacity, claim.request) < 0)
    reasons.push({ rule: 'capacity', capacity: pv.capacity, request: claim.request });
  if (pv.volumeMode !== claim.volumeMode)
    reasons.push({ rule: 'volume-mode', volume: pv.volumeMode, claim: claim.volumeMode });
  const affinityOk = !o.node || nodeMatchesTerms(pv.nodeAffinity, o.node.labels);
  if (preBound) {
    if (!affinityOk) reasons.push({ rule: 'node-affinity', node: o.node!.name });
    return { reasons, preBound };
  }
  if (!o.node && o.delayBinding) {
    reasons.push({ rule: 'wait-for-consumer' });
    return { reasons, preBound };
  }
  if (claim.selector && !matchesSelector(claim.selector, pv.labels))
    reasons.push({ rule: 'selector', unmet: unmetRequirements(claim.selector, pv.labels) });
  if (pv.storageClassName !== claim.storageClassName)
    reasons.push({ rule: 'class', volume: pv.storageClassName, claim: claim.storageClassName });
  if (!affinityOk) reasons.push({ rule: 'node-affinity', node: o.node!.name });
  return { reasons, preBound };
}

/** The sorted, distinct access-mode sets of the PVs that offer every requested mode (fewest first). */
function modeGroups(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[]): string[] {
  const keys = new Set<string>();
  for (const pv of volumes) if (missingModes(claim, pv).length === 0) keys.add(modeKey(pv));
  return [...keys].sort((a, b) => a.split(',').length - b.split(',').length);
}

const modeKey = (pv: PersistentVolume): string => [...pv.accessModes].sort().join(',');

/**
 * findBestMatchForClaim: search the access-mode groups with the fewest modes first; in a group,
 * a PV pre-bound to the claim wins, else the smallest fitting one (ties: the first in the files,
 * where the real controller's order is its cache's).
 */
export function findBestMatch(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  o: MatchOptions,
): MatchResult {
  const judged = volumes.map((pv) => ({ pv, ...rejections(claim, pv, o) }));
  let chosen: (typeof judged)[number] | undefined;
  for (const group of modeGroups(claim, volumes)) {
    const inGroup = judged.filter((j) => modeKey(j.pv) === group && j.reasons.length === 0);
    if (inGroup.length === 0) continue;
    chosen =
      inGroup.find((j) => j.preBound) ??
      inGroup.reduce((best, x) => (compareQuantities(x.pv.capacity, best.pv.capacity) < 0 ? x : best));
    break;
  }
  const candidates: Candidate[] = judged.map((j) => {
    if (j === chosen) return { pv: j.pv.name, verdict: 'chosen', preBound: j.preBound };
    if (j.reasons.length > 0) return { pv: j.pv.name, verdict: 'rejected', reasons: j.reasons };
    const winner = chosen!;
    const why =
      modeKey(winner.pv) !== modeKey(j.pv)
        ? 'fewer-modes'
        : compareQuantities(winner.pv.capacity, j.pv.capacity) < 0
          ? 'smaller'
          : 'earlier';
    return { pv: j.pv.name, verdict: 'fits', preferred: winner.pv.name, why };
  });
  return { ...(chosen ? { chosen: chosen.pv } : {}), preBound: chosen?.preBound ?? false, candidates };
}

/** checkVolumeSatisfyClaim: what a PV named by spec.volumeName must still satisfy. */
export function volumeNameProblems(claim: PersistentVolumeClaim, pv: PersistentVolume): Rejection[] {
  const out: Rejection[] = [];
  if (compareQuantities(pv.capacity, claim.request) < 0)
    out.push({ rule: 'capacity', capacity: pv.capacity, request: claim.request });
  if (pv.storageClassName !== claim.storageClassName)
    out.push({ rule: 'class', volume: pv.storageClassName, claim: claim.storageClassName });
  if (pv.volumeMode !== claim.volumeMode)
    out.push({ rule: 'volume-mode', volume: pv.volumeMode, claim: claim.volumeMode });
  const missing = missingModes(claim, pv);
  if (missing.length > 0) out.push({ rule: 'access-modes', missing });
  return out;
}

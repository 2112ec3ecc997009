// The mutable state of one settle of the storage control loop, shared by the PV controller and
// the scheduler: PVs as they change, claim results, and what each claim waits for.
import { sha256 } from '../lib/sha256';
import { isBoundToClaim, type Candidate, type ClaimRefState, type Rejection } from './match-volume';
import {
  BOUND_BY_CONTROLLER_ANNOTATION,
  claimKey,
  NO_PROVISIONER,
  PROVISIONED_BY_ANNOTATION,
  type ClaimRef,
  type NodeSelectorTerm,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
  type StorageNode,
  type VolumeScene,
} from './volume-types';

export type VolumePhase = 'Available' | 'Bound' | 'Released' | 'Failed';
export type ClaimPhase = 'Bound' | 'Pending';

/** Why a claim stays Pending, in the controller's own terms. */
export type ClaimWait =
  | { readonly why: 'no-match-no-class' }
  | { readonly why: 'wait-for-consumer' }
  | { readonly why: 'pod-unschedulable'; readonly pods: readonly string[] }
  | { readonly why: 'node-name-bypass'; readonly pod: string }
  | { readonly why: 'class-not-found'; readonly className: string }
  | { readonly why: 'no-provisioner'; readonly className: string }
  | { readonly why: 'external-provisioner'; readonly provisioner: string }
  | { readonly why: 'volume-not-found'; readonly volumeName: string }
  | { readonly why: 'volume-mismatch'; readonly volumeName: string; readonly problems: readonly Rejection[] }
  | { readonly why: 'volume-claimed'; readonly volumeName: string; readonly by: ClaimRef };

/** How a Bound claim got its PV. */
export type BindVia =
  'best-match' | 'pre-bound' | 'volume-name' | 'provisioned' | 'scheduler' | 'scheduler-provisioned';

export interface ClaimResult {
  readonly key: string;
  readonly claim: PersistentVolumeClaim;
  readonly phase: ClaimPhase;
  readonly volume?: string;
  readonly via?: BindVia;
  readonly wait?: ClaimWait;
  /** Each PV as the controller (or the scheduler, on the pod's node) saw it for this claim. */
  readonly candidates: readonly Candidate[];
  /** WaitForFirstConsumer: the node the scheduler picked (volume.kubernetes.io/selected-node). */
  readonly selectedNode?: string;
}

/** The well-known label of a node's zone; zonal storage (a cloud disk) lives in one zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A deterministic stand-in for the claim's uid, so a provisioned PV has a stable pvc-… name. */
export function uidFor(key: string): string {
  const hex = [...sha256(`netlab:${key}`)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The mutable state of one settle: PVs by name, claim results by key. */
export class ControllerState {
  readonly volumes: PersistentVolume[];
  readonly provisioned = new Set<string>();
  readonly claims = new Map<string, ClaimResult>();

  constructor(readonly scene: VolumeScene) {
    this.volumes = [...scene.volumes];
  }

  classOf(claim: PersistentVolumeClaim): StorageClass | undefined {
    return this.scene.classes.find((c) => c.name === claim.storageClassName);
  }

  /** WaitForFirstConsumer applies only when the claim names an existing class with that mode. */
  delayBinding(claim: PersistentVolumeClaim): boolean {
    return this.classOf(claim)?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  refState = (pv: PersistentVolume): ClaimRefState => {
    const ref = pv.claimRef;
    const claim = ref && this.scene.claims.find((c) => c.namespace === ref.namespace && c.name === ref.name);
    if (claim && isBoundToClaim(pv, claim))
      return this.claims.get(claimKey(claim))?.volume === pv.name ? 'bound' : 'reserved';
    return ref?.uid !== undefined || claim ? 'released' : 'reserved';
  };

  /** GetBindVolumeToClaim: set the claimRef (with the claim's uid), and mark who bound it. */
  bind(pv: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
    const byUser = isBoundToClaim(pv, claim);
    const bound: PersistentVolume = {
      ...pv,
      annotations: byUser ? pv.annotations : { ...pv.annotations, [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' },
      claimRef: { namespace: claim.namespace, name: claim.name, uid: claim.uid ?? uidFor(claimKey(claim)) },
    };
    this.volumes[this.volumes.findIndex((v) => v.name === pv.name)] = bound;
    return bound;
  }

  /** The external-provisioner's CreateVolume, then a PV bound to the claim. */
  /**
   * The external-provisioner's CreateVolume, then a PV bound to the claim. The new volume's
   * topology is what the driver reports: with a selected node (WaitForFirstConsumer), that node's
   * zone; else the driver picks one: netlab takes the first allowed topology, or the zone of the
   * first node that has one.
   */
  provision(claim: PersistentVolumeClaim, cls: StorageClass, node?: StorageNode): PersistentVolume {
    const uid = claim.uid ?? uidFor(claimKey(claim));
    const pv: PersistentVolume = {
      name: `pvc-${uid}`,
      labels: {},
      annotations: { [PROVISIONED_BY_ANNOTATION]: cls.provisioner, [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' },
      capacity: claim.request,
      accessModes: claim.accessModes,
      storageClassName: cls.name,
      reclaimPolicy: cls.reclaimPolicy,
      volumeMode: claim.volumeMode,
      nodeAffinity: this.topologyFor(cls, node),
      claimRef: { namespace: claim.namespace, name: claim.name, uid },
      source: { type: 'csi', text: `${cls.provisioner} vol-${uid.slice(0, 8)}`, driver: cls.provisioner },
      provisionedBy: cls.provisioner,
    };
    this.volumes.push(pv);
    this.provisioned.add(pv.name);
    return pv;
  }

  private topologyFor(cls: StorageClass, node: StorageNode | undefined): NodeSelectorTerm[] {
    const term = (pairs: readonly (readonly [string, string])[]): NodeSelectorTerm[] =>
      pairs.length === 0
        ? []
        : [{ matchExpressions: pairs.map(([key, value]) => ({ key, operator: 'In', values: [value] })) }];
    const keys = cls.allowedTopologies.flatMap((t) => t.matchLabelExpressions.map((e) => e.key));
    if (node) {
      const wanted = keys.length > 0 ? keys : [ZONE_LABEL];
      return term(
        wanted.filter((k) => node.labels[k] !== undefined).map((k) => [k, node.labels[k]!] as const),
      );
    }
    const first = cls.allowedTopologies[0];
    if (first)
      return term(
        first.matchLabelExpressions
          .filter((e) => e.values.length > 0)
          .map((e) => [e.key, e.values[0]!] as const),
      );
    const zoned = this.scene.nodes.find((n) => n.labels[ZONE_LABEL] !== undefined);
    return zoned ? term([[ZONE_LABEL, zoned.labels[ZONE_LABEL]!]]) : [];
  }
  /** Whether the class can provision now: a provisioner that is not no-provisioner and is installed. */
  canProvision(cls: StorageClass): boolean {
    return cls.provisioner !== NO_PROVISIONER && this.scene.drivers.some((d) => d.name === cls.provisioner);
  }
}

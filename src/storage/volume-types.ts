// Typed, defaulted storage objects (PersistentVolume, PersistentVolumeClaim, StorageClass,
// CSIDriver, and the parts of Pods and Nodes that volumes depend on), as the API server would
// store them after defaulting. Every object remembers where it was written.
import type { Locator } from '../k8s/source';
import type { LabelSelector, Labels } from '../k8s/types';
import type { Quantity } from './quantity';

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export const ACCESS_MODES: readonly AccessMode[] = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];
/** The short names kubectl prints. */
export const ACCESS_MODE_SHORT: Readonly<Record<AccessMode, string>> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

export type ReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';
export type VolumeMode = 'Filesystem' | 'Block';
export type BindingMode = 'Immediate' | 'WaitForFirstConsumer';

/** The annotation that marks the default StorageClass. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** Set on PVs a provisioner created. */
export const PROVISIONED_BY_ANNOTATION = 'pv.kubernetes.io/provisioned-by';
/** Set on PVs the controller bound (absent: a user pre-bound it with spec.claimRef). */
export const BOUND_BY_CONTROLLER_ANNOTATION = 'pv.kubernetes.io/bound-by-controller';
/** The provisioner name that means "no dynamic provisioning" (local volumes). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export interface Located {
  readonly file: string;
  readonly at: Locator;
}

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: NodeSelectorOperator;
  readonly values: readonly string[];
}

/** Requirements ANDed; a node selector's terms are ORed. */
export interface NodeSelectorTerm {
  readonly matchExpressions: readonly NodeSelectorRequirement[];
}

/** Where the data really lives: the part of a PV's spec that names its backing storage. */
export interface VolumeSource {
  readonly type: 'hostPath' | 'local' | 'nfs' | 'csi' | 'other';
  /** `/mnt/data`, `nfs.example.com:/exports/a`, `ebs.csi.aws.com vol-0abc`. */
  readonly text: string;
  /** The CSI driver, for `csi`. */
  readonly driver?: string;
}

export interface ClaimRef {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
}

export interface PersistentVolume {
  readonly name: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly capacity: Quantity;
  readonly accessModes: readonly AccessMode[];
  /** `""` when unset: a PV without a class. */
  readonly storageClassName: string;
  /** Defaulted to Retain for PVs created by hand. */
  readonly reclaimPolicy: ReclaimPolicy;
  readonly volumeMode: VolumeMode;
  /** Terms of spec.nodeAffinity.required; empty means any node. */
  readonly nodeAffinity: readonly NodeSelectorTerm[];
  readonly claimRef?: ClaimRef;
  readonly source: VolumeSource;
  /** status.phase as written (Released or Failed are kept; the rest is recomputed). */
  readonly writtenPhase?: string;
  /** Created by a provisioner (pv.kubernetes.io/provisioned-by), by the scenario or by netlab. */
  readonly provisionedBy?: string;
  readonly located?: Located;
}

export interface PersistentVolumeClaim {
  readonly namespace: string;
  readonly name: string;
  /** metadata.uid when written; a PV's claimRef.uid must equal it. */
  readonly uid?: string;
  readonly labels: Labels;
  readonly request: Quantity;
  readonly accessModes: readonly AccessMode[];
  /** As written: undefined when the field is absent, `""` when it asks for no class. */
  readonly writtenClassName?: string;
  /** After the DefaultStorageClass admission: the default class fills an absent field. */
  readonly storageClassName: string;
  readonly defaultedClass: boolean;
  readonly selector?: LabelSelector;
  readonly volumeName?: string;
  readonly volumeMode: VolumeMode;
  readonly located: Located;
}

export interface TopologyTerm {
  /** Each key must have one of its values (ANDed); terms are ORed. */
  readonly matchLabelExpressions: readonly { readonly key: string; readonly values: readonly string[] }[];
}

export interface StorageClass {
  readonly name: string;
  readonly provisioner: string;
  /** Defaulted to Delete. */
  readonly reclaimPolicy: ReclaimPolicy;
  /** Defaulted to Immediate. */
  readonly volumeBindingMode: BindingMode;
  readonly allowVolumeExpansion: boolean;
  readonly isDefault: boolean;
  readonly allowedTopologies: readonly TopologyTerm[];
  readonly parameters: Labels;
  readonly located: Located;
}

/** A CSI driver installed in the cluster (storage.k8s.io/v1 CSIDriver). */
export interface CsiDriver {
  readonly name: string;
  /** Defaulted to true: the driver needs ControllerPublishVolume and a VolumeAttachment. */
  readonly attachRequired: boolean;
  readonly located: Located;
}

/** One `spec.volumes[]` entry of a pod that names a claim. */
export interface PodClaimVolume {
  /** spec.volumes[].name */
  readonly volume: string;
  readonly claimName: string;
  readonly readOnly: boolean;
  /** Where the pod's containers mount it (`/var/lib/mysql`). */
  readonly mountPaths: readonly string[];
  /** Field path of spec.volumes[i], for diagnostics. */
  readonly index: number;
}

export interface StoragePod {
  readonly namespace: string;
  readonly name: string;
  /** spec.nodeName: the scheduler is bypassed. */
  readonly nodeName?: string;
  readonly nodeSelector: Labels;
  readonly claims: readonly PodClaimVolume[];
  readonly located: Located;
}

export interface StorageNode {
  readonly name: string;
  readonly labels: Labels;
  /** False when netlab made it up because the scenario has no Node. */
  readonly declared: boolean;
}

/** Everything the storage engine reads from the scenario files, after defaulting. */
export interface VolumeScene {
  readonly volumes: readonly PersistentVolume[];
  readonly claims: readonly PersistentVolumeClaim[];
  readonly classes: readonly StorageClass[];
  readonly drivers: readonly CsiDriver[];
  readonly pods: readonly StoragePod[];
  readonly nodes: readonly StorageNode[];
}

export const claimKey = (c: { readonly namespace: string; readonly name: string }): string =>
  `${c.namespace}/${c.name}`;

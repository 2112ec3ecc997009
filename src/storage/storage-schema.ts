// Known fields of the storage kinds, for "unknown field" warnings with a did-you-mean (the
// decoders check types and values). Metadata and label selectors reuse the k8s shapes.
import { LABEL_SELECTOR, NAMESPACE, type Shape } from '../k8s/schema';

const any: Shape = { t: 'any' };
const obj = (fields: Record<string, Shape>): Shape => ({ t: 'object', fields });
const list = (of: Shape): Shape => ({ t: 'list', of });
const anyOf = (...names: string[]): Record<string, Shape> => Object.fromEntries(names.map((n) => [n, any]));

const objectMeta: Shape = NAMESPACE.t === 'object' ? NAMESPACE.fields.metadata! : any;
const top = (fields: Record<string, Shape>): Shape =>
  obj({ ...anyOf('apiVersion', 'kind', 'status'), metadata: objectMeta, ...fields });

const nodeSelectorTerm = obj({
  matchExpressions: list(obj(anyOf('key', 'operator', 'values'))),
  matchFields: list(obj(anyOf('key', 'operator', 'values'))),
});

/** Volume sources a PersistentVolume may name (one of them). */
export const PV_SOURCES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'csi',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;

export const PERSISTENT_VOLUME: Shape = top({
  spec: obj({
    ...anyOf(
      'accessModes',
      'capacity',
      'claimRef',
      'mountOptions',
      'persistentVolumeReclaimPolicy',
      'storageClassName',
      'volumeAttributesClassName',
      'volumeMode',
      ...PV_SOURCES,
    ),
    nodeAffinity: obj({ required: obj({ nodeSelectorTerms: list(nodeSelectorTerm) }) }),
  }),
});

export const PERSISTENT_VOLUME_CLAIM: Shape = top({
  spec: obj({
    ...anyOf(
      'accessModes',
      'dataSource',
      'dataSourceRef',
      'storageClassName',
      'volumeAttributesClassName',
      'volumeMode',
      'volumeName',
    ),
    resources: obj(anyOf('requests', 'limits')),
    selector: LABEL_SELECTOR,
  }),
});

export const STORAGE_CLASS: Shape = obj({
  ...anyOf(
    'apiVersion',
    'kind',
    'provisioner',
    'parameters',
    'reclaimPolicy',
    'mountOptions',
    'allowVolumeExpansion',
    'volumeBindingMode',
    // Not a field: the decoder explains that a StorageClass keeps everything at the top level.
    'spec',
  ),
  metadata: objectMeta,
  allowedTopologies: list(obj({ matchLabelExpressions: list(obj(anyOf('key', 'values'))) })),
});

export const CSI_DRIVER: Shape = top({
  spec: obj(
    anyOf(
      'attachRequired',
      'fsGroupPolicy',
      'nodeAllocatableUpdatePeriodSeconds',
      'podInfoOnMount',
      'requiresRepublish',
      'seLinuxMount',
      'storageCapacity',
      'tokenRequests',
      'volumeLifecycleModes',
    ),
  ),
});

// Builders for storage scenarios in tests: each returns one Kubernetes object as a YAML document
// (JSON is YAML), so a scene is `scene(pv(…), pvc(…))` and goes through the real loader.
import { expect } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { loadVolumes } from '../storage/load-volumes';
import { settleVolumes, type VolumeSimulation } from '../storage/pv-controller';

type Obj = Record<string, unknown>;

export interface PvOptions {
  readonly size?: string;
  readonly modes?: readonly string[];
  readonly cls?: string;
  readonly reclaim?: string;
  readonly labels?: Record<string, string>;
  readonly claimRef?: { namespace?: string; name: string; uid?: string };
  readonly hostPath?: string;
  readonly nfs?: string;
  readonly csi?: { driver: string; handle: string };
  readonly local?: string;
  readonly node?: string;
  readonly volumeMode?: string;
  readonly annotations?: Record<string, string>;
}

export function pv(name: string, o: PvOptions = {}): Obj {
  const source = o.csi
    ? { csi: { driver: o.csi.driver, volumeHandle: o.csi.handle } }
    : o.nfs
      ? { nfs: { server: 'nfs.example.com', path: o.nfs } }
      : o.local
        ? { local: { path: o.local } }
        : { hostPath: { path: o.hostPath ?? `/mnt/${name}` } };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      capacity: { storage: o.size ?? '10Gi' },
      accessModes: o.modes ?? ['ReadWriteOnce'],
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.reclaim ? { persistentVolumeReclaimPolicy: o.reclaim } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
      ...(o.claimRef ? { claimRef: o.claimRef } : {}),
      ...(o.node
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [o.node] }] },
                ],
              },
            },
          }
        : {}),
      ...source,
    },
  };
}

export interface PvcOptions {
  readonly size?: string;
  readonly modes?: readonly string[];
  /** '' writes `storageClassName: ""` (no class); undefined leaves the field out. */
  readonly cls?: string;
  readonly selector?: Record<string, string>;
  readonly volumeName?: string;
  readonly volumeMode?: string;
  readonly namespace?: string;
}

export function pvc(name: string, o: PvcOptions = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      accessModes: o.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.size ?? '10Gi' } },
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.selector ? { selector: { matchLabels: o.selector } } : {}),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
    },
  };
}

export interface ClassOptions {
  readonly provisioner?: string;
  readonly reclaim?: string;
  readonly wait?: boolean;
  readonly isDefault?: boolean;
  readonly zones?: readonly string[];
}

export function storageClass(name: string, o: ClassOptions = {}): Obj {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      ...(o.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: o.provisioner ?? 'ebs.csi.aws.com',
    ...(o.reclaim ? { reclaimPolicy: o.reclaim } : {}),
    ...(o.wait ? { volumeBindingMode: 'WaitForFirstConsumer' } : {}),
    ...(o.zones
      ? {
          allowedTopologies: [
            { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: o.zones }] },
          ],
        }
      : {}),
  };
}

export const csiDriver = (name: string, attachRequired = true): Obj => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  metadata: { name },
  spec: { attachRequired },
});

export const node = (name: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
});

export interface PodOptions {
  readonly claims: readonly string[];
  readonly nodeName?: string;
  readonly nodeSelector?: Record<string, string>;
  readonly readOnly?: boolean;
  readonly namespace?: string;
}

export function pod(name: string, o: PodOptions): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      containers: [
        {
          name: 'app',
          image: 'mysql',
          volumeMounts: o.claims.map((c, i) => ({ name: `v${i}`, mountPath: `/data/${c}` })),
        },
      ],
      volumes: o.claims.map((c, i) => ({
        name: `v${i}`,
        persistentVolumeClaim: { claimName: c, ...(o.readOnly ? { readOnly: true } : {}) },
      })),
    },
  };
}

/** Objects as one multi-document YAML file. */
export const scene = (...objects: Obj[]): string =>
  objects.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';

/** Loads and settles a scene; fails the test on any error diagnostic. */
export function settle(...objects: Obj[]): VolumeSimulation {
  const loaded = loadVolumes([{ name: 's.yaml', text: scene(...objects) }]);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual(
    [],
  );
  return settleVolumes(loaded.scene);
}

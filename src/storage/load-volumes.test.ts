// loadVolumes: the API server's validation and defaulting of PV, PVC, StorageClass and CSIDriver
// (pkg/apis/core/validation, pkg/apis/storage/validation), each problem at file:line:col.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { y } from '../testing/dedent';
import { loadVolumes } from './load-volumes';

const load = (text: string) => loadVolumes([{ name: 't.yaml', text }]);
const where = (d: Diagnostic): string => `${d.line}:${d.col} ${d.severity} ${d.code}`;

describe('validation with positions', () => {
  it.each([
    [
      'a claim without a storage request',
      y`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests: {}
      `,
      ['8:15 error required'],
    ],
    [
      'an unknown access mode, with a did-you-mean',
      y`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          accessModes:
            - ReadWriteOne
          resources:
            requests:
              storage: 1Gi
      `,
      ['7:7 error value'],
    ],
    [
      'ReadWriteOncePod with another mode',
      y`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOncePod, ReadOnlyMany]
          resources: {requests: {storage: 1Gi}}
      `,
      ['5:16 error access-modes'],
    ],
    [
      'a size that is not a quantity',
      y`
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv}
        spec:
          capacity: {storage: 10GB}
          accessModes: [ReadWriteOnce]
          hostPath: {path: /mnt}
      `,
      ['5:23 error quantity'],
    ],
    [
      'a PV with no volume source',
      y`
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv}
        spec:
          capacity: {storage: 10Gi}
          accessModes: [ReadWriteOnce]
      `,
      ['5:3 error volume-source'],
    ],
    [
      'a local PV without nodeAffinity',
      y`
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv}
        spec:
          capacity: {storage: 10Gi}
          accessModes: [ReadWriteOnce]
          local: {path: /disks/a}
      `,
      ['7:10 error local-affinity'],
    ],
    [
      'a StorageClass may not Recycle, and has no spec',
      y`
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: ebs.csi.aws.com
        reclaimPolicy: Recycle
        spec: {}
      `,
      ['5:16 error value', '6:1 warning storageclass-spec'],
    ],
    [
      'a networking kind is skipped with a warning; a misspelt kind is an error',
      y`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: PersistentVolumeClam
        metadata: {name: data}
      `,
      ['2:7 warning kind-ignored', '6:7 error kind'],
    ],
    [
      'the wrong apiVersion for StorageClass',
      y`
        apiVersion: v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: x
      `,
      ['1:13 error api-version'],
    ],
  ])('%s', (_, text, expected) => {
    expect(load(text).diagnostics.map(where)).toEqual(expected);
  });

  it('the did-you-mean names the mode', () => {
    const r = load(
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOne], resources: {requests: {storage: 1Gi}}}\n',
    );
    expect(r.diagnostics[0]!.hint?.en).toBe('did you mean ReadWriteOnce?');
  });
});

describe('defaulting', () => {
  it('PV reclaim policy Retain, class Delete and Immediate, volumeMode Filesystem, CSIDriver attachRequired', () => {
    const r = load(y`
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv}
      spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt}}
      ---
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fast}
      provisioner: ebs.csi.aws.com
      ---
      apiVersion: storage.k8s.io/v1
      kind: CSIDriver
      metadata: {name: ebs.csi.aws.com}
    `);
    expect(r.diagnostics).toEqual([]);
    expect(r.scene.volumes[0]).toMatchObject({
      reclaimPolicy: 'Retain',
      volumeMode: 'Filesystem',
      storageClassName: '',
    });
    expect(r.scene.classes[0]).toMatchObject({
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      isDefault: false,
    });
    expect(r.scene.drivers[0]).toMatchObject({ attachRequired: true });
  });

  it('without Node objects one node is assumed, labelled by hostname', () => {
    expect(load('').scene.nodes).toEqual([
      { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1' }, declared: false },
    ]);
  });

  it('two default classes: a warning, and the last one is used', () => {
    const sc = (name: string) => y`
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: ${name}
        annotations: {storageclass.kubernetes.io/is-default-class: "true"}
      provisioner: x
    `;
    const r = load(
      `${sc('a')}---\n${sc('b')}---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`,
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['several-default-classes']);
    expect(r.scene.claims[0]!.storageClassName).toBe('b');
  });

  it('never throws on any YAML value', () => {
    for (const text of [
      '- 1',
      'kind: [x]',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: a}\nspec: 3',
      '{',
      'a: *b',
    ]) {
      expect(() => load(text)).not.toThrow();
    }
  });
});

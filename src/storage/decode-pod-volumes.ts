// The parts of a Pod the storage lab needs: where it runs (nodeName, nodeSelector), which claims
// its spec.volumes name, and where its containers mount them.
import { Decoder, pathText, type Dict } from '../k8s/decoder';
import { t } from '../lib/text';
import type { Labels } from '../k8s/types';
import type { PodClaimVolume, StoragePod } from './volume-types';

export function decodeStoragePod(d: Decoder, obj: Dict, name: string, namespace: string): StoragePod {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const nodeName = d.string(spec.nodeName, ['spec', 'nodeName']);
  const nodeSelector = d.labels(spec.nodeSelector, ['spec', 'nodeSelector']);
  const mounts = new Map<string, string[]>();
  const known = new Set<string>();
  const volumes = d.list(spec.volumes, ['spec', 'volumes']) ?? [];
  volumes.forEach((raw, i) => {
    const v = d.map(raw, ['spec', 'volumes', i]) ?? {};
    const vname = d.string(v.name, ['spec', 'volumes', i, 'name']);
    if (vname) known.add(vname);
  });
  for (const group of ['initContainers', 'containers'] as const) {
    (d.list(spec[group], ['spec', group]) ?? []).forEach((rawC, i) => {
      const c = d.map(rawC, ['spec', group, i]) ?? {};
      (d.list(c.volumeMounts, ['spec', group, i, 'volumeMounts']) ?? []).forEach((rawM, j) => {
        const p = ['spec', group, i, 'volumeMounts', j];
        const m = d.map(rawM, p) ?? {};
        const mname = d.string(m.name, [...p, 'name']);
        const mountPath = d.string(m.mountPath, [...p, 'mountPath']);
        if (!mname || !mountPath) {
          d.error(
            'required',
            p,
            t(
              `${pathText(p)}: a volumeMount needs name and mountPath`,
              `${pathText(p)}: volumeMount에는 name과 mountPath가 필요합니다`,
            ),
          );
          return;
        }
        if (!known.has(mname)) {
          d.error(
            'volume-mount',
            [...p, 'name'],
            t(
              `${pathText(p)}.name: no volume named "${mname}" in spec.volumes`,
              `${pathText(p)}.name: spec.volumes에 이름이 "${mname}"인 볼륨이 없습니다`,
            ),
          );
          return;
        }
        mounts.set(mname, [...(mounts.get(mname) ?? []), mountPath]);
      });
    });
  }
  const claims: PodClaimVolume[] = [];
  volumes.forEach((raw, i) => {
    const v = d.map(raw, ['spec', 'volumes', i]) ?? {};
    const vname = d.string(v.name, ['spec', 'volumes', i, 'name']);
    const pvc = d.map(v.persistentVolumeClaim, ['spec', 'volumes', i, 'persistentVolumeClaim']);
    if (!vname || !pvc) return;
    const claimName = d.string(pvc.claimName, ['spec', 'volumes', i, 'persistentVolumeClaim', 'claimName']);
    if (!claimName) {
      d.error(
        'required',
        ['spec', 'volumes', i, 'persistentVolumeClaim'],
        t('persistentVolumeClaim.claimName is required', 'persistentVolumeClaim.claimName 필드가 필요합니다'),
      );
      return;
    }
    claims.push({
      volume: vname,
      claimName,
      readOnly: d.bool(pvc.readOnly, ['spec', 'volumes', i, 'persistentVolumeClaim', 'readOnly']) ?? false,
      mountPaths: mounts.get(vname) ?? [],
      index: i,
    });
  });
  return {
    namespace,
    name,
    ...(nodeName ? { nodeName } : {}),
    nodeSelector,
    claims,
    located: { file: d.file, at: d.raw.at },
  };
}

/** The label the kubelet sets on its Node when it registers. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** A Node's labels, with kubernetes.io/hostname as the kubelet sets it. */
export function nodeLabels(name: string, labels: Labels): Labels {
  return { [HOSTNAME_LABEL]: name, ...labels };
}

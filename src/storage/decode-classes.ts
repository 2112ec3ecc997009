// StorageClass and CSIDriver field by field, with the API server's validation and defaulting
// (a class reclaims with Delete and binds Immediate unless it says otherwise; a CSIDriver
// requires attach unless attachRequired is false).
import { Decoder, type Dict } from '../k8s/decoder';
import { t } from '../lib/text';
import { oneOf, type Meta } from './decode-volumes';
import {
  DEFAULT_CLASS_ANNOTATION,
  type BindingMode,
  type CsiDriver,
  type ReclaimPolicy,
  type StorageClass,
  type TopologyTerm,
} from './volume-types';

const located = (d: Decoder) => ({ file: d.file, at: d.raw.at });

export function decodeStorageClass(d: Decoder, obj: Dict, meta: Meta): StorageClass | undefined {
  const provisioner = d.string(obj.provisioner, ['provisioner']);
  if (!provisioner) {
    d.error(
      'required',
      [],
      t(
        'StorageClass: provisioner is required (a CSI driver name such as ebs.csi.aws.com, or kubernetes.io/no-provisioner)',
        'StorageClass: provisioner가 필요합니다(ebs.csi.aws.com 같은 CSI 드라이버 이름, 또는 kubernetes.io/no-provisioner)',
      ),
    );
  }
  if (obj.spec !== undefined) {
    d.report(
      'warning',
      'storageclass-spec',
      ['spec'],
      t(
        'a StorageClass has no spec: provisioner, reclaimPolicy and volumeBindingMode sit at the top level',
        'StorageClass에는 spec이 없습니다. provisioner, reclaimPolicy, volumeBindingMode는 최상위에 씁니다',
      ),
      undefined,
      'key',
    );
  }
  const reclaimPolicy =
    oneOf<ReclaimPolicy>(d, obj.reclaimPolicy, ['reclaimPolicy'], ['Delete', 'Retain']) ?? 'Delete';
  const volumeBindingMode =
    oneOf<BindingMode>(
      d,
      obj.volumeBindingMode,
      ['volumeBindingMode'],
      ['Immediate', 'WaitForFirstConsumer'],
    ) ?? 'Immediate';
  const allowVolumeExpansion = d.bool(obj.allowVolumeExpansion, ['allowVolumeExpansion']) ?? false;
  const topologies: TopologyTerm[] = (d.list(obj.allowedTopologies, ['allowedTopologies']) ?? []).map(
    (raw, i) => {
      const tp = ['allowedTopologies', i];
      const term = d.map(raw, tp) ?? {};
      return {
        matchLabelExpressions: (
          d.list(term.matchLabelExpressions, [...tp, 'matchLabelExpressions']) ?? []
        ).flatMap((rawExpr, j) => {
          const e = d.map(rawExpr, [...tp, 'matchLabelExpressions', j]) ?? {};
          const key = d.string(e.key, [...tp, 'matchLabelExpressions', j, 'key']);
          const values = (d.list(e.values, [...tp, 'matchLabelExpressions', j, 'values']) ?? []).map(String);
          return key ? [{ key, values }] : [];
        }),
      };
    },
  );
  const parameters: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.map(obj.parameters, ['parameters']) ?? {})) parameters[k] = String(v);
  if (!provisioner) return undefined;
  return {
    name: meta.name,
    provisioner,
    reclaimPolicy,
    volumeBindingMode,
    allowVolumeExpansion,
    isDefault: meta.annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
    allowedTopologies: topologies,
    parameters,
    located: located(d),
  };
}

export function decodeCsiDriver(d: Decoder, obj: Dict, meta: Meta): CsiDriver {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  return {
    name: meta.name,
    attachRequired: d.bool(spec.attachRequired, ['spec', 'attachRequired']) ?? true,
    located: located(d),
  };
}

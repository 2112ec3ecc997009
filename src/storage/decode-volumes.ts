// PersistentVolume, PersistentVolumeClaim, StorageClass and CSIDriver field by field, with the
// API server's validation and defaulting (a PV's reclaim policy defaults to Retain, a class's to
// Delete, volumeMode to Filesystem, volumeBindingMode to Immediate).
import { quote } from '../lib/user-text';
import { closestName, Decoder, pathText, type Dict } from '../k8s/decoder';
import { t } from '../lib/text';
import type { FieldPath } from '../k8s/source';
import type { Labels } from '../k8s/types';
import { parseQuantity, type Quantity } from './quantity';
import { PV_SOURCES } from './storage-schema';
import {
  ACCESS_MODES,
  PROVISIONED_BY_ANNOTATION,
  type AccessMode,
  type ClaimRef,
  type NodeSelectorOperator,
  type NodeSelectorTerm,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type ReclaimPolicy,
  type VolumeMode,
  type VolumeSource,
} from './volume-types';

/** Metadata every decoder needs. */
export interface Meta {
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
}

const located = (d: Decoder) => ({ file: d.file, at: d.raw.at });

/** One of `allowed`, or an error (with a did-you-mean) and undefined. */
export function oneOf<T extends string>(
  d: Decoder,
  value: unknown,
  path: FieldPath,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join(', ');
  const guess = typeof value === 'string' ? closestName(value, allowed) : undefined;
  d.error(
    'value',
    path,
    t(
      `${pathText(path)}: unsupported value ${quote(value)}: use ${list}`,
      `${pathText(path)}: 지원하지 않는 값 ${quote(value)}. 다음 중 하나를 쓰세요: ${list}`,
    ),
    guess ? t(`did you mean ${guess}?`, `혹시 ${guess} 말인가요?`) : undefined,
  );
  return undefined;
}

/** spec.accessModes: at least one known mode; ReadWriteOncePod stands alone. */
export function accessModes(d: Decoder, value: unknown, path: FieldPath): AccessMode[] {
  const raw = d.list(value, path) ?? [];
  const modes: AccessMode[] = [];
  raw.forEach((m, i) => {
    const mode = oneOf(d, m, [...path, i], ACCESS_MODES);
    if (mode && !modes.includes(mode)) modes.push(mode);
  });
  if (raw.length === 0 && value !== undefined && value !== null) {
    d.error(
      'required',
      path,
      t(
        `${pathText(path)}: at least 1 access mode is required`,
        `${pathText(path)}: 접근 모드가 하나 이상 필요합니다`,
      ),
    );
  }
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    d.error(
      'access-modes',
      path,
      t(
        `${pathText(path)}: may not use ReadWriteOncePod with other access modes`,
        `${pathText(path)}: ReadWriteOncePod는 다른 접근 모드와 함께 쓸 수 없습니다`,
      ),
    );
  }
  return modes;
}

function requiredModes(d: Decoder, spec: Dict, kind: string): AccessMode[] {
  if (spec.accessModes === undefined || spec.accessModes === null) {
    d.error(
      'required',
      ['spec'],
      t(
        `${kind}: spec.accessModes is required (at least one of ${ACCESS_MODES.join(', ')})`,
        `${kind}: spec.accessModes가 필요합니다(${ACCESS_MODES.join(', ')} 중 하나 이상)`,
      ),
    );
    return [];
  }
  return accessModes(d, spec.accessModes, ['spec', 'accessModes']);
}

/** A storage size: `10Gi`, `500M`; must parse and be positive. */
function size(d: Decoder, value: unknown, path: FieldPath, what: string): Quantity | undefined {
  const q = parseQuantity(value);
  if (!q) {
    d.error(
      'quantity',
      path,
      t(
        `${pathText(path)}: ${quote(value ?? null)} is not a quantity (write it like 10Gi, 500Mi or 1G)`,
        `${pathText(path)}: ${quote(value ?? null)} 값은 수량 형식이 아닙니다(10Gi, 500Mi, 1G처럼 쓰세요)`,
      ),
    );
    return undefined;
  }
  if (q.nano <= 0n) {
    d.error('quantity', path, t(`${what} must be greater than zero`, `${what} 값은 0보다 커야 합니다`));
    return undefined;
  }
  return q;
}

function volumeMode(d: Decoder, spec: Dict): VolumeMode {
  return oneOf(d, spec.volumeMode, ['spec', 'volumeMode'], ['Filesystem', 'Block']) ?? 'Filesystem';
}

function nodeSelectorTerms(d: Decoder, value: unknown, path: FieldPath): NodeSelectorTerm[] {
  const ops: readonly NodeSelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
  return (d.list(value, path) ?? []).map((rawTerm, i) => {
    const tp = [...path, i];
    const term = d.map(rawTerm, tp) ?? {};
    const exprs = d.list(term.matchExpressions, [...tp, 'matchExpressions']) ?? [];
    return {
      matchExpressions: exprs.flatMap((rawExpr, j) => {
        const ep = [...tp, 'matchExpressions', j];
        const e = d.map(rawExpr, ep) ?? {};
        const key = d.string(e.key, [...ep, 'key']);
        const operator = oneOf(d, e.operator, [...ep, 'operator'], ops);
        const values = (d.list(e.values, [...ep, 'values']) ?? []).map((v) => String(v));
        if (!key || !operator) {
          if (!key)
            d.error('required', ep, t('each requirement needs a key', '각 조건에는 key가 필요합니다'));
          return [];
        }
        return [{ key, operator, values }];
      }),
    };
  });
}

/** The one volume source a PV names. */
function volumeSource(d: Decoder, spec: Dict): VolumeSource {
  const present = PV_SOURCES.filter((k) => spec[k] !== undefined && spec[k] !== null);
  if (present.length === 0) {
    d.error(
      'volume-source',
      ['spec'],
      t(
        'PersistentVolume: must specify a volume type (hostPath, nfs, csi, local, …): where the data really lives',
        'PersistentVolume: 볼륨 타입(hostPath, nfs, csi, local 등)을 하나 지정해야 합니다. 데이터가 실제로 저장되는 곳입니다',
      ),
    );
    return { type: 'other', text: '?' };
  }
  if (present.length > 1) {
    d.error(
      'volume-source',
      ['spec', present[1]!],
      t(
        `may not specify more than 1 volume type (${present.join(', ')})`,
        `볼륨 타입은 하나만 지정할 수 있습니다(${present.join(', ')})`,
      ),
    );
  }
  const kind = present[0]!;
  const src = d.map(spec[kind], ['spec', kind]) ?? {};
  const need = (field: string): string => {
    const v = d.string(src[field], ['spec', kind, field]);
    if (v === undefined)
      d.error(
        'required',
        ['spec', kind],
        t(`spec.${kind}.${field} is required`, `spec.${kind}.${field} 필드가 필요합니다`),
      );
    return v ?? '?';
  };
  switch (kind) {
    case 'hostPath':
      return { type: 'hostPath', text: need('path') };
    case 'local':
      return { type: 'local', text: need('path') };
    case 'nfs':
      return { type: 'nfs', text: `${need('server')}:${need('path')}` };
    case 'csi': {
      const driver = need('driver');
      return { type: 'csi', text: `${driver} ${need('volumeHandle')}`, driver };
    }
    default:
      return { type: 'other', text: kind };
  }
}

function claimRef(d: Decoder, value: unknown): ClaimRef | undefined {
  const m = d.map(value, ['spec', 'claimRef']);
  if (!m) return undefined;
  const name = d.string(m.name, ['spec', 'claimRef', 'name']);
  if (!name) {
    d.error(
      'required',
      ['spec', 'claimRef'],
      t('spec.claimRef.name is required', 'spec.claimRef.name이 필요합니다'),
    );
    return undefined;
  }
  const namespace = d.string(m.namespace, ['spec', 'claimRef', 'namespace']) ?? 'default';
  const uid = d.string(m.uid, ['spec', 'claimRef', 'uid']);
  return { namespace, name, ...(uid ? { uid } : {}) };
}

export function decodePersistentVolume(d: Decoder, obj: Dict, meta: Meta): PersistentVolume | undefined {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const status = d.map(obj.status, ['status']) ?? {};
  const capacityMap = d.map(spec.capacity, ['spec', 'capacity']);
  if (!capacityMap || capacityMap.storage === undefined) {
    d.error(
      'required',
      capacityMap ? ['spec', 'capacity'] : ['spec'],
      t(
        'PersistentVolume: spec.capacity.storage is required (e.g. 10Gi)',
        'PersistentVolume: spec.capacity.storage가 필요합니다(예: 10Gi)',
      ),
    );
  }
  const capacity = capacityMap
    ? size(d, capacityMap.storage, ['spec', 'capacity', 'storage'], 'capacity')
    : undefined;
  const modes = requiredModes(d, spec, 'PersistentVolume');
  const source = volumeSource(d, spec);
  const affinity = d.map(spec.nodeAffinity, ['spec', 'nodeAffinity']);
  const required = affinity ? d.map(affinity.required, ['spec', 'nodeAffinity', 'required']) : undefined;
  const nodeAffinity = required
    ? nodeSelectorTerms(d, required.nodeSelectorTerms, [
        'spec',
        'nodeAffinity',
        'required',
        'nodeSelectorTerms',
      ])
    : [];
  if (source.type === 'local' && nodeAffinity.length === 0) {
    d.error(
      'local-affinity',
      ['spec', 'local'],
      t(
        "a local volume requires spec.nodeAffinity: the data is on one node's disk",
        'local 볼륨에는 spec.nodeAffinity가 필요합니다. 데이터가 한 노드의 디스크에 있기 때문입니다',
      ),
    );
  }
  const reclaimPolicy =
    oneOf<ReclaimPolicy>(
      d,
      spec.persistentVolumeReclaimPolicy,
      ['spec', 'persistentVolumeReclaimPolicy'],
      ['Retain', 'Delete', 'Recycle'],
    ) ?? 'Retain';
  const className = d.string(spec.storageClassName, ['spec', 'storageClassName']) ?? '';
  const ref = claimRef(d, spec.claimRef);
  const phase = d.string(status.phase, ['status', 'phase']);
  const provisionedBy = meta.annotations[PROVISIONED_BY_ANNOTATION];
  if (!capacity) return undefined;
  return {
    name: meta.name,
    labels: meta.labels,
    annotations: meta.annotations,
    capacity,
    accessModes: modes,
    storageClassName: className,
    reclaimPolicy,
    volumeMode: volumeMode(d, spec),
    nodeAffinity,
    ...(ref ? { claimRef: ref } : {}),
    source,
    ...(phase ? { writtenPhase: phase } : {}),
    ...(provisionedBy ? { provisionedBy } : {}),
    located: located(d),
  };
}

/** A claim before the default class is known (admission fills it in load-volumes). */
export type ClaimDraft = Omit<PersistentVolumeClaim, 'storageClassName' | 'defaultedClass'>;

export function decodeClaim(d: Decoder, obj: Dict, meta: Meta, namespace: string): ClaimDraft | undefined {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const modes = requiredModes(d, spec, 'PersistentVolumeClaim');
  const resources = d.map(spec.resources, ['spec', 'resources']);
  const requests = resources ? d.map(resources.requests, ['spec', 'resources', 'requests']) : undefined;
  if (!requests || requests.storage === undefined) {
    d.error(
      'required',
      requests ? ['spec', 'resources', 'requests'] : resources ? ['spec', 'resources'] : ['spec'],
      t(
        'PersistentVolumeClaim: spec.resources.requests.storage is required (e.g. 10Gi)',
        'PersistentVolumeClaim: spec.resources.requests.storage가 필요합니다(예: 10Gi)',
      ),
    );
  }
  const request =
    requests && requests.storage !== undefined
      ? size(d, requests.storage, ['spec', 'resources', 'requests', 'storage'], 'requests.storage')
      : undefined;
  const writtenClassName = d.string(spec.storageClassName, ['spec', 'storageClassName']);
  const selector =
    spec.selector === undefined || spec.selector === null
      ? undefined
      : d.selector(spec.selector, ['spec', 'selector']);
  const volumeName = d.string(spec.volumeName, ['spec', 'volumeName']);
  if (!request) return undefined;
  return {
    namespace,
    name: meta.name,
    ...(meta.uid ? { uid: meta.uid } : {}),
    labels: meta.labels,
    request,
    accessModes: modes,
    ...(writtenClassName !== undefined ? { writtenClassName } : {}),
    ...(selector ? { selector } : {}),
    ...(volumeName ? { volumeName } : {}),
    volumeMode: volumeMode(d, spec),
    located: located(d),
  };
}

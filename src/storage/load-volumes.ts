// Scenario files → the storage objects (PV, PVC, StorageClass, CSIDriver, Pod, Node) plus every
// diagnostic, as the API server would see them, then the DefaultStorageClass admission step.
import { quote } from '../lib/user-text';
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import { closestName, Decoder, isDnsSubdomain, isDnsLabel, type Dict } from '../k8s/decoder';
import { t } from '../lib/text';
import { NAMESPACE, NODE, POD, type Shape } from '../k8s/schema';
import { readManifests, type ManifestFile } from '../k8s/source';
import { decodeCsiDriver, decodeStorageClass } from './decode-classes';
import { decodeClaim, decodePersistentVolume, type ClaimDraft, type Meta } from './decode-volumes';
import { decodeStoragePod, nodeLabels } from './decode-pod-volumes';
import { CSI_DRIVER, PERSISTENT_VOLUME, PERSISTENT_VOLUME_CLAIM, STORAGE_CLASS } from './storage-schema';
import type {
  CsiDriver,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
  StorageNode,
  StoragePod,
  VolumeScene,
} from './volume-types';

export interface VolumeLoad {
  readonly scene: VolumeScene;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
}

interface KindInfo {
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly shape: Shape;
}

const KINDS: Readonly<Record<string, KindInfo>> = {
  PersistentVolume: { apiVersion: 'v1', namespaced: false, shape: PERSISTENT_VOLUME },
  PersistentVolumeClaim: { apiVersion: 'v1', namespaced: true, shape: PERSISTENT_VOLUME_CLAIM },
  StorageClass: { apiVersion: 'storage.k8s.io/v1', namespaced: false, shape: STORAGE_CLASS },
  CSIDriver: { apiVersion: 'storage.k8s.io/v1', namespaced: false, shape: CSI_DRIVER },
  Pod: { apiVersion: 'v1', namespaced: true, shape: POD },
  Node: { apiVersion: 'v1', namespaced: false, shape: NODE },
  Namespace: { apiVersion: 'v1', namespaced: false, shape: NAMESPACE },
};

/** Whether objects of a storage-lab kind live in a namespace; undefined for other kinds. */
export const isVolumeKindNamespaced = (kind: string): boolean | undefined =>
  Object.hasOwn(KINDS, kind) ? KINDS[kind]!.namespaced : undefined;

/** Kinds of the networking lab and other real kinds: skipped with a warning. */
const OTHER_KINDS = new Set([
  'Service',
  'NetworkPolicy',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'VolumeAttachment',
  'VolumeSnapshot',
  'VolumeSnapshotClass',
  'CSINode',
  'CSIStorageCapacity',
  'ExternalEndpoint',
  'ClusterNetwork',
]);

/** The node netlab assumes when the scenario declares none. */
export const IMPLICIT_NODE = 'node-1';

function annotations(d: Decoder, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.map(value, ['metadata', 'annotations']) ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else
      d.error(
        'annotation',
        ['metadata', 'annotations', k],
        t(
          `annotation ${k}: values must be strings (quote it: "${String(v)}")`,
          `어노테이션 ${k}: 값은 문자열이어야 합니다(따옴표로 감싸세요: "${String(v)}")`,
        ),
      );
  }
  return out;
}

function checkKind(d: Decoder, obj: Dict): { kind: string; info: KindInfo } | undefined {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    d.error(
      'kind',
      [],
      t(
        'kind is required (PersistentVolume, PersistentVolumeClaim, StorageClass, Pod, …)',
        'kind가 필요합니다(PersistentVolume, PersistentVolumeClaim, StorageClass, Pod 등)',
      ),
    );
    return undefined;
  }
  const info = KINDS[kind];
  if (!info) {
    if (OTHER_KINDS.has(kind)) {
      d.report(
        'warning',
        'kind-ignored',
        ['kind'],
        t(
          `the storage lab does not model ${kind}; it is skipped`,
          `스토리지 실습은 ${kind} 오브젝트를 다루지 않아 건너뜁니다`,
        ),
      );
      return undefined;
    }
    const guess = closestName(kind, Object.keys(KINDS));
    d.error(
      'kind',
      ['kind'],
      t(`unknown kind ${quote(kind)}`, `알 수 없는 kind ${quote(kind)}`),
      guess ? t(`did you mean ${guess}?`, `혹시 ${guess} 말인가요?`) : undefined,
    );
    return undefined;
  }
  const apiVersion = obj.apiVersion;
  if (apiVersion !== info.apiVersion) {
    d.error(
      'api-version',
      apiVersion === undefined ? [] : ['apiVersion'],
      apiVersion === undefined
        ? t(
            `apiVersion is required: ${kind} is served as ${info.apiVersion}`,
            `apiVersion 필드가 필요합니다. ${kind} 종류는 ${info.apiVersion} 버전입니다`,
          )
        : t(
            `no ${kind} in apiVersion ${quote(apiVersion)}: use ${info.apiVersion}`,
            `apiVersion ${quote(apiVersion)}에는 ${kind} 종류가 없습니다. ${info.apiVersion} 버전을 쓰세요`,
          ),
    );
    return undefined;
  }
  return { kind, info };
}

/** Parses, validates and defaults every storage object of the given files. */
export function loadVolumes(files: readonly ManifestFile[]): VolumeLoad {
  const { objects, diagnostics } = readManifests(files);
  const out: Diagnostic[] = [...diagnostics];
  const volumes: PersistentVolume[] = [];
  const drafts: { claim: ClaimDraft; d: Decoder }[] = [];
  const classes: StorageClass[] = [];
  const drivers: CsiDriver[] = [];
  const pods: StoragePod[] = [];
  const nodes: StorageNode[] = [];
  const seen = new Map<string, string>();

  for (const raw of objects) {
    const d = new Decoder(raw, out);
    if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) {
      d.error('not-an-object', [], t('expected a Kubernetes object', 'Kubernetes 오브젝트가 와야 합니다'));
      continue;
    }
    const obj = raw.value as Dict;
    const checked = checkKind(d, obj);
    if (!checked) continue;
    const { kind, info } = checked;
    d.unknownFields(obj, info.shape);
    const metaMap = d.map(obj.metadata, ['metadata']) ?? {};
    const name = d.string(metaMap.name, ['metadata', 'name']);
    if (!name) {
      d.error(
        'required',
        obj.metadata ? ['metadata'] : [],
        t(`${kind}: metadata.name is required`, `${kind}: metadata.name 필드가 필요합니다`),
      );
      continue;
    }
    if (!(kind === 'Namespace' ? isDnsLabel(name) : isDnsSubdomain(name)))
      d.error(
        'name',
        ['metadata', 'name'],
        t(
          `invalid name ${quote(name)}: use lower-case letters, digits, "-" and "."`,
          `잘못된 이름 ${quote(name)}: 소문자, 숫자, "-", "."만 쓰세요`,
        ),
      );
    const nsText = d.string(metaMap.namespace, ['metadata', 'namespace']);
    const namespace = info.namespaced ? (nsText ?? 'default') : '';
    if (!info.namespaced && nsText !== undefined)
      d.report(
        'warning',
        'cluster-scoped',
        ['metadata', 'namespace'],
        t(
          `${kind} is cluster-scoped; metadata.namespace is ignored`,
          `${kind} 오브젝트는 클러스터 범위라서 metadata.namespace 필드는 무시됩니다`,
        ),
        undefined,
        'key',
      );
    const key = info.namespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
    const first = seen.get(key);
    if (first) {
      d.error(
        'duplicate',
        ['metadata', 'name'],
        t(`duplicate ${key}: already defined at ${first}`, `중복된 ${key}: ${first} 위치에 이미 있습니다`),
      );
      continue;
    }
    const here = raw.at([]);
    seen.set(key, `${here.file}:${here.line}:${here.col}`);
    const uid = d.string(metaMap.uid, ['metadata', 'uid']);
    const meta: Meta = {
      name,
      ...(uid ? { uid } : {}),
      labels: d.labels(metaMap.labels, ['metadata', 'labels']),
      annotations: annotations(d, metaMap.annotations),
    };
    switch (kind) {
      case 'PersistentVolume': {
        const pv = decodePersistentVolume(d, obj, meta);
        if (pv) volumes.push(pv);
        break;
      }
      case 'PersistentVolumeClaim': {
        const claim = decodeClaim(d, obj, meta, namespace);
        if (claim) drafts.push({ claim, d });
        break;
      }
      case 'StorageClass': {
        const sc = decodeStorageClass(d, obj, meta);
        if (sc) classes.push(sc);
        break;
      }
      case 'CSIDriver':
        drivers.push(decodeCsiDriver(d, obj, meta));
        break;
      case 'Pod':
        pods.push(decodeStoragePod(d, obj, name, namespace));
        break;
      case 'Node':
        nodes.push({ name, labels: nodeLabels(name, meta.labels), declared: true });
        break;
      case 'Namespace':
        break;
    }
  }
  const claims = admitClaims(drafts, classes, out);
  checkNodeNames(pods, nodes, out);
  out.sort(compareDiagnostics);
  return {
    scene: {
      volumes,
      claims,
      classes,
      drivers,
      pods,
      nodes:
        nodes.length > 0
          ? nodes
          : [{ name: IMPLICIT_NODE, labels: nodeLabels(IMPLICIT_NODE, {}), declared: false }],
    },
    diagnostics: out,
    hasErrors: out.some((x) => x.severity === 'error'),
  };
}

/**
 * The DefaultStorageClass admission plugin: a claim written without storageClassName gets the
 * default class (with several defaults, Kubernetes 1.26+ takes the newest; netlab the last one
 * in the files). `storageClassName: ""` is never defaulted: it asks for a PV without a class.
 */
function admitClaims(
  drafts: readonly { claim: ClaimDraft; d: Decoder }[],
  classes: readonly StorageClass[],
  out: Diagnostic[],
): PersistentVolumeClaim[] {
  const defaults = classes.filter((c) => c.isDefault);
  const chosen = defaults.at(-1);
  if (defaults.length > 1) {
    const names = defaults.map((c) => c.name).join(', ');
    const at = chosen!.located.at(['metadata', 'annotations']);
    out.push({
      ...at,
      severity: 'warning',
      code: 'several-default-classes',
      message: t(
        `several default StorageClasses (${names}): claims without a class get the newest one; netlab takes the last in the files, ${chosen!.name}`,
        `기본 StorageClass가 여러 개입니다(${names}). 클래스를 쓰지 않은 클레임은 가장 최근에 만든 클래스를 받습니다. netlab은 파일에서 마지막에 나온 ${chosen!.name} 클래스를 씁니다`,
      ),
    });
  }
  return drafts.map(({ claim }) => {
    const defaulted = claim.writtenClassName === undefined && chosen !== undefined;
    return {
      ...claim,
      storageClassName: claim.writtenClassName ?? chosen?.name ?? '',
      defaultedClass: defaulted,
    };
  });
}

function checkNodeNames(pods: readonly StoragePod[], nodes: readonly StorageNode[], out: Diagnostic[]): void {
  if (nodes.length === 0) return;
  for (const p of pods) {
    if (p.nodeName === undefined || nodes.some((n) => n.name === p.nodeName)) continue;
    out.push({
      ...p.located.at(['spec', 'nodeName']),
      severity: 'warning',
      code: 'unknown-node',
      message: t(`node ${p.nodeName} is not in the scenario`, `시나리오에 ${p.nodeName} 노드가 없습니다`),
    });
  }
}

// Scenario files → a defaulted Cluster plus every diagnostic, as the API server would see them:
// kind/apiVersion checks, metadata, duplicates, namespace labels, and pod IP assignment.
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import { quote } from '../lib/user-text';
import { ipv4AtOffset, parseCidr, cidrContains, type Cidr, type IpAddress } from '../lib/ip';
import { closestName, Decoder, isDnsLabel, isDnsSubdomain, type Dict } from './decoder';
import { decodeNetworkPolicy } from './decode-policy';
import {
  decodeClusterNetwork,
  decodeExternalEndpoint,
  decodeNode,
  decodePod,
  decodeService,
  type PodDraft,
} from './decode-objects';
import {
  CLUSTER_NETWORK,
  EXTERNAL_ENDPOINT,
  NAMESPACE,
  NETWORK_POLICY,
  NODE,
  POD,
  SERVICE,
  type Shape,
} from './schema';
import { readManifests, type ManifestFile } from './source';
import {
  DEFAULT_CLUSTER_NETWORK,
  type Cluster,
  type ClusterNetwork,
  type ClusterNode,
  type ExternalEndpointSpec,
  type Namespace,
  type NetworkPolicy,
  type Pod,
  type Service,
} from './types';
import { t } from '../lib/text';
import { josa } from '../lib/korean';

/** Where pods without status.podIP get addresses when their node has no podCIDR. */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
/** The label the API server puts on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface LoadResult {
  readonly cluster: Cluster;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
}

const KINDS: Readonly<Record<string, { apiVersion: string; namespaced: boolean; shape: Shape }>> = {
  Namespace: { apiVersion: 'v1', namespaced: false, shape: NAMESPACE },
  Pod: { apiVersion: 'v1', namespaced: true, shape: POD },
  Node: { apiVersion: 'v1', namespaced: false, shape: NODE },
  Service: { apiVersion: 'v1', namespaced: true, shape: SERVICE },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', namespaced: true, shape: NETWORK_POLICY },
  // netlab's own kind for machines outside the cluster (a user, a backup server).
  ExternalEndpoint: { apiVersion: 'netlab.dev/v1', namespaced: false, shape: EXTERNAL_ENDPOINT },
  // netlab's own kind for the CNI and kube-proxy settings (at most one per scenario).
  ClusterNetwork: { apiVersion: 'netlab.dev/v1', namespaced: false, shape: CLUSTER_NETWORK },
};

/** Whether objects of `kind` live in a namespace; undefined for a kind netlab does not model. */
export function isNamespaced(kind: string): boolean | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind]!.namespaced : undefined;
}

/** Real kinds netlab does not model: skipped with a warning rather than rejected. */
const OTHER_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Ingress',
  'IngressClass',
  'Endpoints',
  'EndpointSlice',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'LimitRange',
  'ResourceQuota',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'CustomResourceDefinition',
  'Event',
  'ReplicationController',
]);

/** Parses, validates and defaults every object of the given files. */
export function loadCluster(files: readonly ManifestFile[]): LoadResult {
  const { objects, diagnostics } = readManifests(files);
  const out: Diagnostic[] = [...diagnostics];
  const namespaces = new Map<string, Namespace>();
  const drafts: PodDraft[] = [];
  const nodes: ClusterNode[] = [];
  const services: Service[] = [];
  const policies: NetworkPolicy[] = [];
  const externals: ExternalEndpointSpec[] = [];
  let network: ClusterNetwork | undefined;
  let networkAt = '';
  const seen = new Map<string, string>();

  for (const raw of objects) {
    const d = new Decoder(raw, out);
    if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) {
      d.error('not-an-object', [], t('expected a Kubernetes object', 'Kubernetes 오브젝트가 와야 합니다'));
      continue;
    }
    const obj = raw.value as Dict;
    const kindInfo = checkKind(d, obj);
    if (!kindInfo) continue;
    const { kind, info } = kindInfo;
    d.unknownFields(obj, info.shape);
    d.hiddenCharacters(obj);
    const meta = d.map(obj.metadata, ['metadata']) ?? {};
    const name = d.string(meta.name, ['metadata', 'name']);
    if (!name) {
      d.error(
        'required',
        obj.metadata ? ['metadata'] : [],
        t(`${kind}: metadata.name is required`, `${kind}: metadata.name은 필수입니다`),
      );
      continue;
    }
    // Namespaces are DNS labels, Services DNS-1035 labels (they become DNS names), the rest subdomains.
    const nameOk =
      kind === 'Namespace'
        ? isDnsLabel(name)
        : kind === 'Service'
          ? /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)
          : isDnsSubdomain(name);
    if (!nameOk) {
      d.error(
        'name',
        ['metadata', 'name'],
        t(
          `invalid name ${quote(name)}: use lower-case letters, digits, "-" and "."`,
          `잘못된 이름 ${quote(name)}: 소문자, 숫자, "-", "."만 쓰세요`,
        ),
      );
    }
    let namespace = 'default';
    const nsText = d.string(meta.namespace, ['metadata', 'namespace']);
    if (info.namespaced) {
      if (nsText !== undefined) {
        if (isDnsLabel(nsText)) namespace = nsText;
        else
          d.error(
            'name',
            ['metadata', 'namespace'],
            t(`invalid namespace ${quote(nsText)}`, `잘못된 네임스페이스 ${quote(nsText)}`),
          );
      }
    } else if (nsText !== undefined) {
      d.report(
        'warning',
        'cluster-scoped',
        ['metadata', 'namespace'],
        t(
          `${kind} is cluster-scoped; metadata.namespace is ignored`,
          `${josa(kind, '은/는')} 클러스터 범위 오브젝트라 metadata.namespace는 무시됩니다`,
        ),
        undefined,
        'key',
      );
    }
    const key = info.namespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
    const first = seen.get(key);
    if (first) {
      d.error(
        'duplicate',
        ['metadata', 'name'],
        t(
          `duplicate ${key}: already defined at ${first}`,
          `중복된 ${key}: ${first}에 이미 정의되어 있습니다`,
        ),
      );
      continue;
    }
    const here = d.raw.at([]);
    seen.set(key, `${here.file}:${here.line}:${here.col}`);
    const labels = d.labels(meta.labels, ['metadata', 'labels']);
    const source = { file: raw.file, at: raw.at };

    switch (kind) {
      case 'Namespace': {
        const own = labels[NAMESPACE_NAME_LABEL];
        if (own !== undefined && own !== name) {
          d.report(
            'warning',
            'namespace-name-label',
            ['metadata', 'labels', NAMESPACE_NAME_LABEL],
            t(
              `the API server sets ${NAMESPACE_NAME_LABEL} to ${quote(name)}; ${quote(own)} is overwritten`,
              `API 서버가 ${josa(NAMESPACE_NAME_LABEL, '을/를')} ${josa(quote(name), '으로/로')} 설정하므로 ${josa(quote(own), '은/는')} 덮어써집니다`,
            ),
          );
        }
        namespaces.set(name, {
          name,
          labels: { ...labels, [NAMESPACE_NAME_LABEL]: name },
          declared: true,
          source,
        });
        break;
      }
      case 'Pod':
        drafts.push(decodePod(d, obj, name, namespace, labels));
        break;
      case 'Node':
        nodes.push({ name, labels, ...decodeNode(d, obj), source });
        break;
      case 'Service':
        services.push(decodeService(d, obj, name, namespace));
        break;
      case 'NetworkPolicy':
        policies.push(decodeNetworkPolicy(d, obj, name, namespace));
        break;
      case 'ExternalEndpoint': {
        const ip = decodeExternalEndpoint(d, obj);
        if (ip) externals.push({ name, ip, source });
        break;
      }
      case 'ClusterNetwork': {
        const spec = decodeClusterNetwork(d, obj);
        if (network) {
          d.error(
            'duplicate-cluster-network',
            ['metadata', 'name'],
            t(
              `only one ClusterNetwork per scenario: ${network.name} is already defined at ${networkAt}`,
              `ClusterNetwork는 시나리오에 하나만 둘 수 있습니다: ${josa(String(network.name), '이/가')} ${networkAt}에 이미 정의되어 있습니다`,
            ),
          );
          break;
        }
        network = { ...spec, name, source };
        networkAt = seen.get(key)!;
        break;
      }
    }
  }

  // A namespace that objects live in but nobody declared still exists, with only its name label.
  for (const o of [...drafts, ...services, ...policies]) {
    if (!namespaces.has(o.namespace)) {
      namespaces.set(o.namespace, {
        name: o.namespace,
        labels: { [NAMESPACE_NAME_LABEL]: o.namespace },
        declared: false,
      });
    }
  }
  const pods = assignPodIps(drafts, nodes);
  out.sort(compareDiagnostics);
  return {
    cluster: {
      namespaces,
      pods,
      nodes,
      services,
      policies,
      externals,
      network: network ?? DEFAULT_CLUSTER_NETWORK,
    },
    diagnostics: out,
    hasErrors: out.some((x) => x.severity === 'error'),
  };
}

function checkKind(d: Decoder, obj: Dict): { kind: string; info: (typeof KINDS)[string] } | undefined {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    d.error(
      'kind',
      [],
      t(
        'kind is required (Namespace, Pod, Node, Service or NetworkPolicy)',
        'kind가 필요합니다(Namespace, Pod, Node, Service, NetworkPolicy)',
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
          `netlab does not model ${kind}; it is skipped`,
          `netlab은 ${josa(kind, '을/를')} 다루지 않아 건너뜁니다`,
        ),
      );
      return undefined;
    }
    const guess = guessKind(kind);
    d.error(
      'kind',
      ['kind'],
      t(`unknown kind ${quote(kind)}`, `알 수 없는 kind ${quote(kind)}`),
      guess
        ? t(
            `did you mean ${guess} (apiVersion: ${KINDS[guess]!.apiVersion})?`,
            `${josa(`${guess}(apiVersion: ${KINDS[guess]!.apiVersion})`, '을/를')} 뜻했나요?`,
          )
        : undefined,
    );
    return undefined;
  }
  const apiVersion = obj.apiVersion;
  if (apiVersion === undefined || apiVersion === null) {
    d.error(
      'api-version',
      [],
      t(
        `apiVersion is required: ${kind} is served as ${info.apiVersion}`,
        `apiVersion이 필요합니다: ${josa(kind, '은/는')} ${info.apiVersion}입니다`,
      ),
      t(
        `add "apiVersion: ${info.apiVersion}"`,
        `${josa(`"apiVersion: ${info.apiVersion}"`, '을/를')} 추가하세요`,
      ),
    );
    return undefined;
  }
  if (apiVersion !== info.apiVersion) {
    d.error(
      'api-version',
      ['apiVersion'],
      t(
        `no ${kind} in apiVersion ${quote(apiVersion)}: use ${info.apiVersion}`,
        `apiVersion ${quote(apiVersion)}에는 ${josa(kind, '이/가')} 없습니다: ${josa(info.apiVersion, '을/를')} 쓰세요`,
      ),
    );
    return undefined;
  }
  return { kind, info };
}

/** The modelled kind a misspelt one most likely meant (`Networking` → NetworkPolicy). */
function guessKind(kind: string): string | undefined {
  const names = Object.keys(KINDS);
  const close = closestName(kind, names);
  if (close) return close;
  const lower = kind.toLowerCase();
  return names.find((n) => {
    const nl = n.toLowerCase();
    let common = 0;
    while (common < lower.length && common < nl.length && lower[common] === nl[common]) common++;
    return common >= 5;
  });
}

/**
 * Pods keep status.podIP; a hostNetwork pod has its node's IP; the rest get the first free
 * address of their node's podCIDR (after the network address and the bridge's .1), else of
 * DEFAULT_POD_CIDR — in document order, so the same files always give the same addresses.
 */
function assignPodIps(drafts: readonly PodDraft[], nodes: readonly ClusterNode[]): Pod[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const used = new Set<string>();
  for (const n of nodes) if (n.internalIP) used.add(n.internalIP.key);
  for (const p of drafts) if (p.statusIp && !p.hostNetwork) used.add(p.statusIp.key);
  const defaultCidr = parseCidr(DEFAULT_POD_CIDR)!;
  const nextOffset = new Map<string, number>();
  const owners = new Map<string, string>();

  return drafts.map((p) => {
    const d = p.decoder;
    const node = p.nodeName !== undefined ? byName.get(p.nodeName) : undefined;
    if (p.nodeName !== undefined && !node && nodes.length > 0) {
      d.report(
        'warning',
        'unknown-node',
        ['spec', 'nodeName'],
        t(
          `node ${p.nodeName} is not in the scenario`,
          `노드 ${josa(p.nodeName, '이/가')} 시나리오에 없습니다`,
        ),
      );
    }
    let ip: IpAddress | undefined = p.statusIp;
    let ipSource: Pod['ipSource'] = 'status';
    if (p.hostNetwork) {
      ipSource = 'host-network';
      ip = node?.internalIP ?? p.statusIp;
    }
    if (!ip) {
      const cidr: Cidr = node?.podCIDR ?? defaultCidr;
      ipSource = node?.podCIDR ? 'node-pod-cidr' : 'default-pod-cidr';
      let offset = nextOffset.get(cidr.canonical) ?? 2;
      let candidate = ipv4AtOffset(cidr, offset);
      while (candidate && used.has(candidate.key)) candidate = ipv4AtOffset(cidr, ++offset);
      nextOffset.set(cidr.canonical, offset + 1);
      if (!candidate) {
        d.error(
          'ipam',
          ['metadata', 'name'],
          t(
            `no free address left in ${cidr.canonical} for this pod`,
            `${cidr.canonical}에 이 파드에 줄 주소가 남아 있지 않습니다`,
          ),
        );
        candidate = ipv4AtOffset(defaultCidr, 0)!;
      }
      ip = candidate;
      used.add(ip.key);
    } else if (node?.podCIDR && !p.hostNetwork && !cidrContains(node.podCIDR, ip)) {
      d.report(
        'warning',
        'ip-outside-pod-cidr',
        ['status', 'podIP'],
        t(
          `pod IP ${ip.key} is outside node ${node.name}'s podCIDR ${node.podCIDR.canonical}`,
          `파드 IP ${josa(ip.key, '이/가')} 노드 ${node.name}의 podCIDR ${node.podCIDR.canonical} 밖에 있습니다`,
        ),
      );
    }
    if (!p.hostNetwork) {
      const other = owners.get(ip.key);
      if (other)
        d.report(
          'warning',
          'duplicate-ip',
          ['status', 'podIP'],
          t(
            `pod IP ${ip.key} is also used by ${other}`,
            `파드 IP ${josa(ip.key, '을/를')} ${other}도 쓰고 있습니다`,
          ),
        );
      else owners.set(ip.key, `${p.namespace}/${p.name}`);
    }
    return {
      namespace: p.namespace,
      name: p.name,
      labels: p.labels,
      ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
      hostNetwork: p.hostNetwork,
      ip,
      ipSource,
      containers: p.containers,
      source: { file: d.file, at: d.raw.at },
    };
  });
}

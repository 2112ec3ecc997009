// Scenario files → a defaulted Cluster plus every diagnostic, as the API server would see them:
// kind/apiVersion checks, metadata, duplicates, namespace labels, and pod IP assignment.
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import { quote } from '../lib/user-text';
import { assignPodIps } from './assign-pod-ips';
import { checkNodePorts, writtenNodePorts, type WrittenNodePort } from './node-ports';
import { Decoder, isDnsLabel, isDnsSubdomain, type Dict } from './decoder';
import { decodeEndpointSlice, decodeEndpoints, mergeEndpointSets } from './decode-endpoints';
import { decodeIngress, decodeIngressClass } from './decode-ingress';
import { decodeNetworkPolicy } from './decode-policy';
import { decodeClusterNetwork } from './decode-network';
import { decodeCniConfig } from './decode-cni-config';
import { chosenConfig } from './net-d';
import {
  decodeExternalEndpoint,
  decodeNode,
  decodePod,
  decodeService,
  type PodDraft,
} from './decode-objects';
import { decodeOwners } from './decode-status';
import { classifyKind, guessKind, KINDS, WORKLOAD_KINDS, type KindInfo } from './kinds';
import { readManifests, type ManifestFile, type RawObject } from './source';
import { SkippedKinds } from './skipped-kinds';
import {
  DEFAULT_CLUSTER_NETWORK,
  type Cluster,
  type ClusterNetwork,
  type ClusterNode,
  type CniConfigObject,
  type EndpointSet,
  type ExternalEndpointSpec,
  type ForeignPolicy,
  type IngressClassSpec,
  type IngressObject,
  type Namespace,
  type NetworkPolicy,
  type OwnedObject,
  type Service,
} from './types';
import { t } from '../lib/text';
import { josa } from '../lib/korean';

export { DEFAULT_POD_CIDR } from './assign-pod-ips';
export { isNamespaced } from './kinds';
/** The label the API server puts on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface LoadResult {
  readonly cluster: Cluster;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
}

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
  const endpointSets: EndpointSet[] = [];
  const foreignPolicies: ForeignPolicy[] = [];
  const owned: OwnedObject[] = [];
  const ingresses: IngressObject[] = [];
  const ingressClasses: IngressClassSpec[] = [];
  const skipped = new SkippedKinds();
  const cniConfigs: CniConfigObject[] = [];
  const textOf = new Map(files.map((f) => [f.name, f.text]));
  let network: ClusterNetwork | undefined;
  /** Written nodePorts, checked against the range once the ClusterNetwork (anywhere) is read. */
  const nodePorts: WrittenNodePort[] = [];
  let networkAt = '';
  // Where each object starts, worked out only when a duplicate needs it (a JSON dump's positions
  // are found lazily).
  const seen = new Map<string, () => string>();

  for (const raw of objects) {
    const d = new Decoder(raw, out);
    if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) {
      d.error('not-an-object', [], t('expected a Kubernetes object', 'Kubernetes 오브젝트가 와야 합니다'));
      continue;
    }
    const obj = raw.value as Dict;
    const kindInfo = checkKind(d, obj);
    if (!kindInfo) continue;
    if (kindInfo.t !== 'modelled') {
      readOther(raw, obj, kindInfo, skipped, foreignPolicies, owned);
      continue;
    }
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
    const firstAt = seen.get(key);
    if (firstAt) {
      const first = firstAt();
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
    seen.set(key, () => {
      const here = raw.at([]);
      return `${here.file}:${here.line}:${here.col}`;
    });
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
        nodePorts.push(...writtenNodePorts(d, obj, name));
        break;
      case 'Endpoints':
        endpointSets.push(decodeEndpoints(d, obj, name, namespace));
        break;
      case 'EndpointSlice': {
        const set = decodeEndpointSlice(d, obj, namespace, labels);
        if (set) endpointSets.push(set);
        break;
      }
      case 'NetworkPolicy':
        policies.push(decodeNetworkPolicy(d, obj, name, namespace));
        break;
      case 'Ingress':
        ingresses.push(decodeIngress(d, obj, name, namespace));
        break;
      case 'IngressClass':
        ingressClasses.push(decodeIngressClass(d, obj, name));
        break;
      case 'ExternalEndpoint': {
        const ip = decodeExternalEndpoint(d, obj);
        if (ip) externals.push({ name, ip, source });
        break;
      }
      case 'CNIConfig': {
        const c = decodeCniConfig(d, obj, name, textOf.get(raw.file), out);
        if (c) cniConfigs.push(c);
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
        networkAt = seen.get(key)!();
        break;
      }
    }
  }

  // A namespace that objects live in but nobody declared still exists, with only its name label.
  for (const o of [...drafts, ...services, ...policies, ...ingresses]) {
    if (!namespaces.has(o.namespace)) {
      namespaces.set(o.namespace, {
        name: o.namespace,
        labels: { [NAMESPACE_NAME_LABEL]: o.namespace },
        declared: false,
      });
    }
  }
  checkNodePorts(nodePorts, (network ?? DEFAULT_CLUSTER_NETWORK).nodePortRange);
  const cni = (network ?? DEFAULT_CLUSTER_NETWORK).cni;
  checkCniConfigs(cniConfigs, nodes, cni, out);
  // A user's file that wins on a node gives host-local its subnet there (pods take addresses from it).
  const { pods, inactive } = assignPodIps(drafts, nodes, (node) => {
    const conf = chosenConfig(cni, cniConfigs, node).user?.conf;
    return conf && conf.cni === cni && conf.subnet !== 'podCIDR' ? conf.subnet : undefined;
  });
  out.push(...skipped.diagnostics());
  out.sort(compareDiagnostics);
  return {
    cluster: {
      namespaces,
      pods,
      inactivePods: inactive,
      nodes,
      services,
      policies,
      externals,
      endpointSets: mergeEndpointSets(endpointSets),
      foreignPolicies,
      owned,
      network: network ?? DEFAULT_CLUSTER_NETWORK,
      ingresses,
      ingressClasses,
      cniConfigs,
    },
    diagnostics: out,
    hasErrors: out.some((x) => x.severity === 'error'),
  };
}

type Classified = Exclude<ReturnType<typeof classifyKind>, { t: 'unknown' } | { t: 'wrong-api-version' }>;

/** The object's kind, classified; undefined (with an error reported) when it is no kind at all. */
function checkKind(d: Decoder, obj: Dict): Classified | undefined {
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
  const apiVersion = obj.apiVersion;
  const c = classifyKind(kind, typeof apiVersion === 'string' ? apiVersion : undefined);
  if (c.t === 'unknown') {
    const guess = guessKind(kind);
    d.error(
      'kind',
      ['kind'],
      t(`unknown kind ${quote(kind)}`, `알 수 없는 kind ${quote(kind)}`),
      guess
        ? t(
            `did you mean ${guess} (apiVersion: ${KINDS[guess]!.apiVersion})?`,
            `혹시 ${guess}(apiVersion: ${KINDS[guess]!.apiVersion}) 말인가요?`,
          )
        : undefined,
    );
    return undefined;
  }
  const info: KindInfo | undefined = c.t === 'modelled' || c.t === 'wrong-api-version' ? c.info : undefined;
  if (info && (apiVersion === undefined || apiVersion === null)) {
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
  if (info && c.t === 'wrong-api-version') {
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
  return c as Classified;
}

/**
 * An object of a kind netlab does not model: counted for its kind's summary line. A Calico,
 * Cilium or AdminNetworkPolicy policy is also kept by name; a workload controller by its owners.
 */
function readOther(
  raw: RawObject,
  obj: Dict,
  c: Exclude<Classified, { t: 'modelled' }>,
  skipped: SkippedKinds,
  foreign: ForeignPolicy[],
  owned: OwnedObject[],
): void {
  const at = (): ReturnType<RawObject['at']> => raw.at(['kind']);
  const meta = (typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {}) as Dict;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
  if (c.t === 'foreign-policy') {
    const p: ForeignPolicy = {
      engine: c.engine,
      kind: c.kind,
      apiVersion: c.apiVersion,
      ...(c.clusterWide ? {} : { namespace }),
      name,
      source: { file: raw.file, at: raw.at },
    };
    foreign.push(p);
    skipped.foreignPolicy(p, at);
    return;
  }
  skipped.skip(c.kind, c.apiVersion, at);
  if (WORKLOAD_KINDS.has(c.kind) && name) {
    // Quiet: a dump's workload objects are valid; a malformed owner list just groups nothing.
    const quiet = new Decoder(raw, []);
    const labels = typeof meta.labels === 'object' && meta.labels !== null ? (meta.labels as Dict) : {};
    owned.push({
      kind: c.kind,
      namespace,
      name,
      owners: decodeOwners(quiet, meta),
      labels: Object.fromEntries(
        Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    });
  }
}

/**
 * CNIConfig files against the scenario: spec.nodes naming no node, and a winning file whose plugin
 * is not the ClusterNetwork's CNI (netlab draws one CNI for the whole cluster).
 */
function checkCniConfigs(
  configs: readonly CniConfigObject[],
  nodes: readonly ClusterNode[],
  cni: ClusterNetwork['cni'],
  out: Diagnostic[],
): void {
  const names = new Set(nodes.map((n) => n.name));
  for (const c of configs) {
    c.nodes?.forEach((n, i) => {
      if (names.has(n) || nodes.length === 0) return;
      out.push({
        ...c.source.at(['spec', 'nodes', i]),
        severity: 'warning',
        code: 'unknown-node',
        message: t(`node ${n} is not in the scenario`, `노드 ${josa(n, '이/가')} 시나리오에 없습니다`),
      });
    });
    const wins = (nodes.length ? nodes.map((n) => n.name) : [undefined]).filter(
      (n) => chosenConfig(cni, configs, n).user === c,
    );
    const other = c.conf?.cni;
    if (wins.length && c.conf && other !== cni)
      out.push({
        ...c.source.at(['spec', 'config']),
        severity: 'warning',
        code: 'cni-config-type',
        message: t(
          `${c.file} wins in /etc/cni/net.d${wins[0] ? ` on ${wins.join(', ')}` : ''} and runs ${c.conf.plugins[0]}, but the ClusterNetwork's CNI is ${cni}: netlab keeps drawing ${cni}'s datapath`,
          `${josa(c.file, '이/가')} /etc/cni/net.d에서${wins[0] ? ` ${wins.join(', ')}의` : ''} 설정으로 쓰여 ${josa(c.conf.plugins[0]!, '을/를')} 실행하지만 ClusterNetwork의 CNI는 ${cni}입니다. netlab은 ${cni}의 데이터 경로를 그대로 그립니다`,
        ),
        hint: t(
          `a real node would run ${c.conf.plugins[0]} for its new pods; set spec.cni in the ClusterNetwork to draw it`,
          `실제 노드라면 새 파드에 ${josa(c.conf.plugins[0]!, '을/를')} 실행합니다. 그리려면 ClusterNetwork의 spec.cni를 바꾸세요`,
        ),
      });
  }
}

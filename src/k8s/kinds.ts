// Which kinds netlab reads, and what it does with every other kind a cluster dump holds: built-in
// kinds it does not model and custom resources are skipped (summarised once per kind); Calico,
// Cilium and AdminNetworkPolicy objects are recognised as policies netlab does not evaluate.
import { closestName } from './decoder';
import {
  CLUSTER_NETWORK,
  CNI_CONFIG,
  ENDPOINTS,
  ENDPOINT_SLICE,
  EXTERNAL_ENDPOINT,
  INGRESS,
  INGRESS_CLASS,
  NAMESPACE,
  NETWORK_POLICY,
  NODE,
  POD,
  SERVICE,
  type Shape,
} from './schema';
import type { ForeignPolicy } from './types';

export interface KindInfo {
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly shape: Shape;
}

/** The kinds netlab decodes. */
export const KINDS: Readonly<Record<string, KindInfo>> = {
  Namespace: { apiVersion: 'v1', namespaced: false, shape: NAMESPACE },
  Pod: { apiVersion: 'v1', namespaced: true, shape: POD },
  Node: { apiVersion: 'v1', namespaced: false, shape: NODE },
  Service: { apiVersion: 'v1', namespaced: true, shape: SERVICE },
  Endpoints: { apiVersion: 'v1', namespaced: true, shape: ENDPOINTS },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', namespaced: true, shape: ENDPOINT_SLICE },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', namespaced: true, shape: NETWORK_POLICY },
  Ingress: { apiVersion: 'networking.k8s.io/v1', namespaced: true, shape: INGRESS },
  IngressClass: { apiVersion: 'networking.k8s.io/v1', namespaced: false, shape: INGRESS_CLASS },
  // netlab's own kind for machines outside the cluster (a user, a backup server).
  ExternalEndpoint: { apiVersion: 'netlab.dev/v1', namespaced: false, shape: EXTERNAL_ENDPOINT },
  // netlab's own kind for the CNI and kube-proxy settings (at most one per scenario).
  ClusterNetwork: { apiVersion: 'netlab.dev/v1', namespaced: false, shape: CLUSTER_NETWORK },
  // netlab's own kind for a file in every (or some) node's /etc/cni/net.d.
  CNIConfig: { apiVersion: 'netlab.dev/v1', namespaced: false, shape: CNI_CONFIG },
};

/** Whether objects of `kind` live in a namespace; undefined for a kind netlab does not model. */
export function isNamespaced(kind: string): boolean | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind]!.namespaced : undefined;
}

/** Workload controllers: skipped (netlab draws Pod objects only), but their owners group pods. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/**
 * Every kind the API groups of the modelled kinds serve: in these groups, any other kind is a
 * typo the API server would reject. Kinds of other groups (built-in or custom) are skipped.
 */
const STRICT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  v1: [
    'Binding',
    'ComponentStatus',
    'ConfigMap',
    'Event',
    'LimitRange',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'PodTemplate',
    'ReplicationController',
    'ResourceQuota',
    'Secret',
    'ServiceAccount',
  ],
  'networking.k8s.io/v1': ['IPAddress', 'ServiceCIDR'],
  'netlab.dev/v1': [],
};

/** Built-in kinds of other groups: under a wrong apiVersion still skipped, not called unknown. */
const SERVED_ELSEWHERE: ReadonlySet<string> = new Set([
  ...WORKLOAD_KINDS,
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'HorizontalPodAutoscaler',
  'Lease',
  'PodDisruptionBudget',
  'PriorityClass',
  'Role',
  'RoleBinding',
  'StorageClass',
]);

const FOREIGN_POLICY_KINDS: readonly {
  readonly groups: readonly string[];
  readonly engine: ForeignPolicy['engine'];
  readonly kinds: readonly string[];
  readonly clusterWide: readonly string[];
}[] = [
  {
    groups: ['projectcalico.org', 'crd.projectcalico.org'],
    engine: 'calico',
    kinds: [
      'NetworkPolicy',
      'GlobalNetworkPolicy',
      'StagedNetworkPolicy',
      'StagedGlobalNetworkPolicy',
      'StagedKubernetesNetworkPolicy',
    ],
    clusterWide: ['GlobalNetworkPolicy', 'StagedGlobalNetworkPolicy'],
  },
  {
    groups: ['cilium.io'],
    engine: 'cilium',
    kinds: ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
    clusterWide: ['CiliumClusterwideNetworkPolicy'],
  },
  {
    groups: ['policy.networking.k8s.io'],
    engine: 'admin',
    kinds: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'],
    clusterWide: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'],
  },
];

export type KindClass =
  | { readonly t: 'modelled'; readonly kind: string; readonly info: KindInfo }
  | {
      readonly t: 'foreign-policy';
      readonly kind: string;
      readonly apiVersion: string;
      readonly engine: ForeignPolicy['engine'];
      readonly clusterWide: boolean;
    }
  /** Read for nothing but its summary line (and, for workloads, its owners). */
  | { readonly t: 'skipped'; readonly kind: string; readonly apiVersion: string }
  /** A kind of a strict group that does not exist there: the loader reports it. */
  | { readonly t: 'unknown'; readonly kind: string }
  /** A modelled kind under an apiVersion that does not serve it. */
  | { readonly t: 'wrong-api-version'; readonly kind: string; readonly info: KindInfo };

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

/** What to do with an object of `kind` under `apiVersion` (undefined when it has none). */
export function classifyKind(kind: string, apiVersion: string | undefined): KindClass {
  const info = Object.hasOwn(KINDS, kind) ? KINDS[kind]! : undefined;
  if (apiVersion === undefined) return info ? { t: 'modelled', kind, info } : { t: 'unknown', kind };
  if (info && info.apiVersion === apiVersion) return { t: 'modelled', kind, info };
  const group = groupOf(apiVersion);
  for (const f of FOREIGN_POLICY_KINDS) {
    if (f.groups.includes(group) && f.kinds.includes(kind))
      return {
        t: 'foreign-policy',
        kind,
        apiVersion,
        engine: f.engine,
        clusterWide: f.clusterWide.includes(kind),
      };
  }
  const strict = Object.hasOwn(STRICT_GROUPS, apiVersion) ? STRICT_GROUPS[apiVersion] : undefined;
  if (info && (strict !== undefined || isBuiltInGroup(group))) return { t: 'wrong-api-version', kind, info };
  if (strict && !strict.includes(kind) && !SERVED_ELSEWHERE.has(kind)) return { t: 'unknown', kind };
  return { t: 'skipped', kind, apiVersion };
}

/** API groups Kubernetes serves itself (custom resources use a group of their own). */
function isBuiltInGroup(group: string): boolean {
  return (
    group === '' ||
    ['apps', 'batch', 'autoscaling', 'policy', 'extensions'].includes(group) ||
    (group.endsWith('.k8s.io') && group !== 'policy.networking.k8s.io')
  );
}

/** The modelled kind a misspelt one most likely meant (`Networking` → NetworkPolicy). */
export function guessKind(kind: string): string | undefined {
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

/** How the summary names an engine's policies. */
export function engineName(engine: ForeignPolicy['engine']): string {
  return engine === 'calico' ? 'Calico' : engine === 'cilium' ? 'Cilium' : 'AdminNetworkPolicy';
}

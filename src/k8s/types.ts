// Typed, defaulted Kubernetes objects: what the API server would store after defaulting.
// Wire field names are kept; every object remembers its Locator for later diagnostics.
import type { Cidr, IpAddress } from '../lib/ip';
import type { Locator } from './source';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A label selector; both parts empty selects everything. */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

interface Located {
  readonly file: string;
  readonly at: Locator;
}

export interface Namespace {
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name: <name>`. */
  readonly labels: Labels;
  /** False when the namespace is only named by another object. */
  readonly declared: boolean;
  readonly source?: Located;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export interface Container {
  readonly name: string;
  readonly image?: string;
  readonly ports: readonly ContainerPort[];
}

export type PodIpSource = 'status' | 'node-pod-cidr' | 'default-pod-cidr' | 'host-network';

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName?: string;
  readonly hostNetwork: boolean;
  readonly ip: IpAddress;
  readonly ipSource: PodIpSource;
  readonly containers: readonly Container[];
  readonly source: Located;
}

export interface ClusterNode {
  readonly name: string;
  readonly labels: Labels;
  readonly podCIDR?: Cidr;
  readonly internalIP?: IpAddress;
  readonly source: Located;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  readonly name?: string;
  readonly protocol: Protocol;
  readonly port: number;
  /** Defaults to `port`; a string names a container port. */
  readonly targetPort: number | string;
  readonly nodePort?: number;
}

export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly clusterIP?: string;
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  readonly externalName?: string;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly loadBalancerIP?: string;
  readonly source: Located;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface IpBlock {
  readonly cidr: Cidr;
  readonly except: readonly Cidr[];
}

/** One entry of `from` / `to`. The API guarantees at least one field; ipBlock stands alone. */
export interface PolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

export interface PolicyPort {
  /** Defaulted to TCP. */
  readonly protocol: Protocol;
  /** Absent: every port of the protocol. A string is a named container port. */
  readonly port?: number | string;
  readonly endPort?: number;
}

/** An ingress or egress rule. `peers: null` (from/to absent or empty) matches every peer. */
export interface PolicyRule {
  readonly peers: readonly PolicyPeer[] | null;
  /** Empty: every port and protocol. */
  readonly ports: readonly PolicyPort[];
}

export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** After defaulting: Ingress, plus Egress when spec.egress is a non-empty list. */
  readonly policyTypes: readonly PolicyType[];
  readonly policyTypesDefaulted: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly source: Located;
}

/**
 * A machine outside the cluster that a scenario names (a user, a backup server). Not a
 * Kubernetes kind: netlab's own `netlab.dev/v1 ExternalEndpoint`, so the page can draw it.
 */
export interface ExternalEndpointSpec {
  readonly name: string;
  readonly ip: IpAddress;
  readonly source: Located;
}

/** The CNI plugin of netlab's `netlab.dev/v1 ClusterNetwork`. */
export type CniName = 'calico' | 'cilium' | 'weave' | 'flannel' | 'bridge';
export const CNI_NAMES: readonly CniName[] = ['calico', 'cilium', 'weave', 'flannel', 'bridge'];

/** How kube-proxy programs Services on every node. */
export type KubeProxyMode = 'iptables' | 'ipvs';
export const KUBE_PROXY_MODES: readonly KubeProxyMode[] = ['iptables', 'ipvs'];

/**
 * How the pod network is built: netlab's own `netlab.dev/v1 ClusterNetwork` (at most one per
 * scenario). Without one, DEFAULT_CLUSTER_NETWORK applies.
 */
export interface ClusterNetwork {
  readonly cni: CniName;
  /** The Linux bridge on every node that the pods' veths attach to. */
  readonly bridgeName: string;
  readonly kubeProxyMode: KubeProxyMode;
  /** metadata.name and place of the declaring object; absent when defaulted. */
  readonly name?: string;
  readonly source?: Located;
}

export const DEFAULT_CLUSTER_NETWORK: ClusterNetwork = {
  cni: 'calico',
  bridgeName: 'cni0',
  kubeProxyMode: 'iptables',
};

/** Everything netlab read from the scenario files, after defaulting. */
export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly pods: readonly Pod[];
  readonly nodes: readonly ClusterNode[];
  readonly services: readonly Service[];
  readonly policies: readonly NetworkPolicy[];
  readonly externals: readonly ExternalEndpointSpec[];
  /** The scenario's ClusterNetwork, or DEFAULT_CLUSTER_NETWORK. */
  readonly network: ClusterNetwork;
}

/** `namespace/name`, how the CLI and the matrix name pods and policies. */
export function keyOf(o: { readonly namespace: string; readonly name: string }): string {
  return `${o.namespace}/${o.name}`;
}

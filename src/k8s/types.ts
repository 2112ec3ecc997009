// Typed, defaulted Kubernetes objects: what the API server would store after defaulting.
// Wire field names are kept; every object remembers its Locator for later diagnostics.
import { parseCidr, type Cidr, type IpAddress } from '../lib/ip';
import type { LocalText } from '../lib/text';
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

/** status.phase, as the kubelet reports it. Absent on a manifest as written (no status yet). */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export const POD_PHASES: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/** One entry of metadata.ownerReferences (what created the object: a ReplicaSet, a Job, …). */
export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
  readonly controller: boolean;
}

/** A pod that holds its IP: it is an endpoint of flows and Services. */
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
  /** status.phase when the object has one (a dump from a cluster). */
  readonly phase?: PodPhase;
  /** metadata.deletionTimestamp is set: the pod is shutting down (still holding its IP). */
  readonly terminating?: boolean;
  /** The Ready condition, when status.conditions has one. */
  readonly ready?: boolean;
  readonly owners?: readonly OwnerReference[];
  /** spec.hostname and spec.subdomain: with a headless Service named like the subdomain, a DNS name. */
  readonly hostname?: string;
  readonly subdomain?: string;
  /** spec.dnsPolicy, defaulted to ClusterFirst. */
  readonly dnsPolicy?: DnsPolicy;
  /** Added by netlab (the cluster's CoreDNS), not written in the scenario. */
  readonly implicit?: boolean;
}

export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
export const DNS_POLICIES: readonly DnsPolicy[] = [
  'ClusterFirst',
  'ClusterFirstWithHostNet',
  'Default',
  'None',
];

/**
 * A pod that holds no IP: it finished (Succeeded, Failed) or waits without an address (Pending).
 * Shown apart; never an endpoint, never the answer for an IP (its old IP may belong to a live pod).
 */
export interface InactivePod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName?: string;
  readonly phase: PodPhase;
  readonly why: 'completed' | 'failed' | 'no-ip' | 'no-free-address';
  /** Why it waits, in words (`no free address in 10.244.1.0/28 on node01`). */
  readonly reason?: LocalText;
  /** status.podIP as the object last reported it (a finished pod keeps it in its status). */
  readonly lastIp?: string;
  readonly owners?: readonly OwnerReference[];
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

/** One entry of status.loadBalancer.ingress: the address the cloud load balancer was given. */
export interface LoadBalancerIngress {
  readonly ip?: IpAddress;
  readonly hostname?: string;
}

/** sessionAffinity: ClientIP — a client's connections stick to one endpoint for timeoutSeconds. */
export interface SessionAffinity {
  readonly kind: 'ClientIP';
  /** spec.sessionAffinityConfig.clientIP.timeoutSeconds, defaulted to 10800. */
  readonly timeoutSeconds: number;
}

export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly clusterIP?: string;
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  readonly externalName?: string;
  /** Applies to external addresses: NodePorts, externalIPs and load-balancer IPs. */
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  /** Applies to the ClusterIP, for traffic from pods and nodes. */
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  /** spec.loadBalancerIP (deprecated): the address asked for. */
  readonly loadBalancerIP?: string;
  /** status.loadBalancer.ingress: the addresses the load balancer actually has. */
  readonly loadBalancerIngress: readonly LoadBalancerIngress[];
  /** spec.externalIPs: addresses the network routes to some node, where kube-proxy takes them. */
  readonly externalIPs: readonly IpAddress[];
  /** spec.publishNotReadyAddresses: not-ready pods are endpoints too. */
  readonly publishNotReadyAddresses: boolean;
  /** spec.sessionAffinity ClientIP with its timeout; absent for None (the default). */
  readonly sessionAffinity?: SessionAffinity;
  readonly source: Located;
  /** Added by netlab (kube-dns when the scenario has none), not written in the scenario. */
  readonly implicit?: boolean;
}

/** One address behind a Service, as an Endpoints or EndpointSlice object lists it. */
export interface EndpointAddress {
  readonly ip: IpAddress;
  readonly ready: boolean;
  /** Ready, ignoring termination (EndpointSlice `serving`; Endpoints: same as ready). */
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly nodeName?: string;
  /** targetRef of kind Pod: `namespace/name`. */
  readonly pod?: string;
}

export interface EndpointPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * The addresses behind one Service from its Endpoints object or its EndpointSlices (all slices
 * of a Service merged into one). What kube-proxy programs for a Service without a selector.
 */
export interface EndpointSet {
  readonly namespace: string;
  /** The Service's name: the Endpoints object's own, or an EndpointSlice's kubernetes.io/service-name. */
  readonly service: string;
  readonly from: 'Endpoints' | 'EndpointSlice';
  /** One group per Endpoints subset (a slice is one group): its addresses serve its ports. */
  readonly groups: readonly {
    readonly addresses: readonly EndpointAddress[];
    readonly ports: readonly EndpointPort[];
  }[];
  readonly source: Located;
}

/** A policy of another engine (Calico, Cilium) that netlab reads but does not evaluate. */
export interface ForeignPolicy {
  readonly engine: 'calico' | 'cilium' | 'admin';
  /** `NetworkPolicy`, `GlobalNetworkPolicy`, `CiliumNetworkPolicy`, … */
  readonly kind: string;
  readonly apiVersion: string;
  /** Absent for cluster-wide kinds: they can touch any flow. */
  readonly namespace?: string;
  readonly name: string;
  readonly source: Located;
}

/** A workload controller's link to its owner (a ReplicaSet's Deployment, a Job's CronJob). */
export interface OwnedObject {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly owners: readonly OwnerReference[];
  /** The `app.kubernetes.io/name` label, when set. */
  readonly labels: Labels;
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

/** How calico carries pod traffic between nodes (an IPPool's encapsulation, as its operator spells it). */
export type CalicoEncapsulation = 'None' | 'IPIP' | 'VXLAN';
export const CALICO_ENCAPSULATIONS: readonly CalicoEncapsulation[] = ['None', 'IPIP', 'VXLAN'];

/** cilium's `routingMode`: a VXLAN tunnel between nodes, or the nodes' own routes. */
export type CiliumRoutingMode = 'tunnel' | 'native';
export const CILIUM_ROUTING_MODES: readonly CiliumRoutingMode[] = ['tunnel', 'native'];

/**
 * How the pod network is built: netlab's own `netlab.dev/v1 ClusterNetwork` (at most one per
 * scenario). Without one, DEFAULT_CLUSTER_NETWORK applies.
 */
export interface ClusterNetwork {
  readonly cni: CniName;
  /** The Linux bridge on every node that the pods' veths attach to. */
  readonly bridgeName: string;
  readonly kubeProxyMode: KubeProxyMode;
  /**
   * The Service range (kube-apiserver's --service-cluster-ip-range): `spec.serviceCIDR`, default
   * kubeadm's 10.96.0.0/12 (kube-apiserver itself, with the flag unset, falls back to 10.0.0.0/24).
   */
  readonly serviceCIDR: Cidr;
  /** kube-apiserver's --service-node-port-range: `spec.serviceNodePortRange`, default 30000-32767. */
  readonly nodePortRange: { readonly min: number; readonly max: number };
  /** The bridge plugin's `ipMasq` (its default is false: no MASQUERADE unless set). Read under cni: bridge. */
  readonly ipMasq?: boolean;
  /** calico only; absent means None (BGP routes, no encapsulation). */
  readonly calicoEncapsulation?: CalicoEncapsulation;
  /** cilium only; absent means tunnel (VXLAN). */
  readonly ciliumRoutingMode?: CiliumRoutingMode;
  /** cilium only: its eBPF load balancer does the Services' DNAT instead of kube-proxy. */
  readonly kubeProxyReplacement?: boolean;
  /** NodeLocal DNSCache on every node (`spec.nodeLocalDNS`); absent: pods ask CoreDNS directly. */
  readonly nodeLocalDns?: NodeLocalDns;
  /** metadata.name and place of the declaring object; absent when defaulted. */
  readonly name?: string;
  readonly source?: Located;
}

/**
 * NodeLocal DNSCache: node-local-dns (hostNetwork, one per node) answers on `address`; the pods'
 * nameserver is that address (`local`, kubelet --cluster-dns) or the kube-dns ClusterIP (`kube-dns`:
 * node-local-dns listens there too, NOTRACK keeps kube-proxy's DNAT away). Misses for cluster
 * names go to CoreDNS over TCP.
 */
export interface NodeLocalDns {
  readonly address: string;
  readonly nameserver: 'local' | 'kube-dns';
}

/** A route a CNI configuration gives the pod (host-local's ipam.routes); no gw: the range's gateway. */
export interface NetConfRoute {
  readonly dst: Cidr;
  readonly gw?: IpAddress;
}

/** What netlab simulates of a network configuration in /etc/cni/net.d (k8s/cni-conf.ts reads it). */
export interface NetConf {
  /** The network's name (host-local keeps its allocations under /var/lib/cni/networks/<name>). */
  readonly name: string;
  /** The plugin types, in the order the runtime runs them (one for a .conf). */
  readonly plugins: readonly string[];
  /** The CNI the main plugin belongs to, when netlab models it. */
  readonly cni?: CniName;
  /** The Linux bridge (the bridge plugin, flannel's delegate); absent for calico, cilium, weave. */
  readonly bridge?: string;
  /** The bridge takes the range's gateway address (and the node a route to the pods). */
  readonly isGateway: boolean;
  /** The pod gets a default route via the gateway. */
  readonly isDefaultGateway: boolean;
  /** The bridge plugin masquerades the pod's traffic to anything outside its subnet. */
  readonly ipMasq: boolean;
  /** host-local's range: a subnet, or the node's podCIDR (flannel's subnet.env, calico's usePodCidr). */
  readonly subnet: Cidr | 'podCIDR';
  /** host-local's gateway; default the subnet's first address. */
  readonly gateway?: IpAddress;
  /** host-local's routes, installed in the pod. */
  readonly routes: readonly NetConfRoute[];
}

/** netlab's `netlab.dev/v1 CNIConfig`: a file the scenario puts in /etc/cni/net.d. */
export interface CniConfigObject {
  /** The file's name in /etc/cni/net.d: metadata.name. */
  readonly file: string;
  /** spec.nodes: the nodes holding the file; absent: every node. */
  readonly nodes?: readonly string[];
  /** The file's JSON text, as the runtime reads it. */
  readonly text: string;
  /** The configuration; absent when the runtime cannot load the file. */
  readonly conf?: NetConf;
  readonly source: Located;
}

/** kubeadm's default Service range (its `networking.serviceSubnet`). */
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';

export const DEFAULT_CLUSTER_NETWORK: ClusterNetwork = {
  cni: 'calico',
  bridgeName: 'cni0',
  kubeProxyMode: 'iptables',
  serviceCIDR: parseCidr(DEFAULT_SERVICE_CIDR)!,
  nodePortRange: { min: 30000, max: 32767 },
};

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** An Ingress backend: a Service of the Ingress's namespace and one of its ports. */
export interface IngressBackendRef {
  readonly service: string;
  /** The Service port's number, or its name. */
  readonly port: number | string;
}

/** A networking.k8s.io/v1 Ingress: routing rules an ingress controller of its class applies. */
export interface IngressObject {
  readonly namespace: string;
  readonly name: string;
  /** spec.ingressClassName, else the deprecated kubernetes.io/ingress.class annotation. */
  readonly ingressClassName?: string;
  readonly defaultBackend?: IngressBackendRef;
  readonly tls: readonly { readonly hosts: readonly string[]; readonly secretName?: string }[];
  readonly rules: readonly {
    readonly host?: string;
    readonly paths: readonly {
      readonly path: string;
      readonly pathType: IngressPathType;
      readonly backend: IngressBackendRef;
    }[];
  }[];
  readonly source: Located;
}

/** A networking.k8s.io/v1 IngressClass: which controller serves Ingresses of this class. */
export interface IngressClassSpec {
  readonly name: string;
  readonly controller: string;
  /** The ingressclass.kubernetes.io/is-default-class annotation is "true". */
  readonly isDefault: boolean;
  readonly source: Located;
}

/** Everything netlab read from the scenario files, after defaulting. */
export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  /** Pods that hold their IP (Running, or Pending with an address, or as written). */
  readonly pods: readonly Pod[];
  /** Pods without an IP (finished, or waiting for one), in document order. */
  readonly inactivePods: readonly InactivePod[];
  readonly nodes: readonly ClusterNode[];
  readonly services: readonly Service[];
  readonly policies: readonly NetworkPolicy[];
  readonly externals: readonly ExternalEndpointSpec[];
  /** Endpoints and EndpointSlices, merged per Service (slices win when both exist). */
  readonly endpointSets: readonly EndpointSet[];
  /** Calico and Cilium policies: read, named in verdicts they could change, not evaluated. */
  readonly foreignPolicies: readonly ForeignPolicy[];
  /** ReplicaSets, Jobs, … with their owners: how pods group into workloads. */
  readonly owned: readonly OwnedObject[];
  /** The scenario's ClusterNetwork, or DEFAULT_CLUSTER_NETWORK. */
  readonly network: ClusterNetwork;
  readonly ingresses: readonly IngressObject[];
  readonly ingressClasses: readonly IngressClassSpec[];
  /** The scenario's CNIConfig files, in document order. */
  readonly cniConfigs: readonly CniConfigObject[];
}

/** `namespace/name`, how the CLI and the matrix name pods and policies. */
export function keyOf(o: { readonly namespace: string; readonly name: string }): string {
  return `${o.namespace}/${o.name}`;
}

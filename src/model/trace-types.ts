// The data a packet journey is made of: hops (a device, the packet's headers as it leaves that
// device, and what happened there), and the trace of a request and its reply. Every verdict in it
// comes from the engine (evaluateFlow); every text is in English and Korean.
import type { SideExplanation, SideVerdictKind } from '../engine/evaluate-flow';
import type { FlowPort } from '../engine/match';
import type { CniName, KubeProxyMode, Protocol } from '../k8s/types';
import type { Resolution } from '../dns/resolve';
import type { IngressMatch } from '../ingress/match';
import type { LocalText } from '../lib/text';
import type { Overlay, PodAttachment } from './cni';

export type DeviceKind =
  | 'pod-eth0'
  | 'veth-host'
  | 'bridge'
  | 'node-eth0'
  | 'vtep'
  | 'node-network'
  | 'external'
  /** Reserved for the page (a Service drawn as a box); traceFlow puts Service work on 'kube-proxy'. */
  | 'service'
  | 'kube-proxy'
  | 'loadbalancer'
  | 'dns';

export interface TraceDevice {
  readonly kind: DeviceKind;
  /** Interface or device name: `eth0`, `veth1a2b3c4d`, `cni0`, `flannel.1`, `kube-proxy (iptables)`, … */
  readonly name: string;
  readonly node?: string;
  /** `namespace/name` of the pod the device belongs to (a hostNetwork pod at its node's eth0). */
  readonly pod?: string;
  /** `namespace/name` of the Service a kube-proxy or load-balancer hop works for. */
  readonly service?: string;
}

/** The outer headers of an encapsulated packet: node to node, in UDP (VXLAN) or IP-in-IP. */
export interface OuterHeaders {
  readonly src: string;
  readonly dst: string;
  /** IPIP: IP protocol 4, the pod packet right behind the outer IPv4 header (calico's tunl0). */
  readonly protocol: 'UDP' | 'IPIP';
  /** The UDP port (absent for IPIP). */
  readonly dstPort?: number;
  readonly vni?: number;
}

/** The packet as it leaves a hop (after that hop's NAT and encapsulation). */
export interface PacketHeaders {
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly protocol: Protocol;
  /** Present while the packet is inside an overlay tunnel; src/dst above are then the inner ones. */
  readonly outer?: OuterHeaders;
}

export interface AddressPort {
  readonly ip: string;
  readonly port: number;
}

/** kube-proxy's rule that rewrote the destination, as `iptables-save` or `ipvsadm -Ln` shows it. */
export type KubeProxyRule =
  | {
      readonly mode: 'iptables';
      readonly chains: readonly string[];
      /** sessionAffinity ClientIP: KUBE-SVC's `-m recent --rcheck` match, KUBE-SEP's `--set`. */
      readonly recent?: { readonly name: string; readonly seconds: number };
    }
  | {
      readonly mode: 'ipvs';
      readonly virtualServer: string;
      readonly realServer: string;
      readonly scheduler: 'rr';
      /** sessionAffinity ClientIP: a persistent virtual server (`ipvsadm -p`), in seconds. */
      readonly persistent?: number;
    };

/** sessionAffinity ClientIP at a DNAT: the client address kube-proxy remembers, and for how long. */
export interface AffinityNote {
  /** The source address kube-proxy keys on, as it sees the packet (before any SNAT). */
  readonly clientIp: string;
  readonly timeoutSeconds: number;
  /** The endpoint this client's later connections go to. */
  readonly endpoint: string;
}

interface EventBase {
  /** One line for people, in both languages. */
  readonly text: LocalText;
}

/** A NetworkPolicy gate: the engine's explanation of one side, for the flow the headers name here. */
export type CheckEvent = GateCheck<'egress-check'> | GateCheck<'ingress-check'>;

export interface GateCheck<T extends 'egress-check' | 'ingress-check'> extends EventBase {
  readonly type: T;
  /** The flow the engine judged: endpoints (`ns/pod` or IP) and the port, after any DNAT/SNAT so far. */
  readonly flow: {
    readonly from: string;
    readonly to: string;
    readonly port: number;
    readonly protocol: Protocol;
  };
  readonly verdict: SideVerdictKind;
  readonly explanation: SideExplanation;
  /** False under flannel and bridge: a deny is shown but does not stop the packet. */
  readonly enforced: boolean;
  /**
   * The verdict depends on whether the policy sees the client or kube-proxy's SNAT address
   * (NodePort/LoadBalancer, externalTrafficPolicy Cluster): implementation-defined. The verdict
   * shown is the client's; a notice gives the other.
   */
  readonly implementationDefined?: boolean;
}

export interface DnatEvent extends EventBase {
  readonly type: 'dnat';
  readonly by: 'kube-proxy' | 'loadbalancer';
  readonly service: string;
  readonly from: AddressPort;
  readonly to: AddressPort;
  /** The endpoint pod chosen (kube-proxy), or the node the load balancer forwards to. */
  readonly endpoint?: string;
  readonly node?: string;
  /** Every endpoint that could have been chosen, in scenario order; the first is taken. */
  readonly candidates: readonly string[];
  readonly rule?: KubeProxyRule;
  /** The Service has sessionAffinity ClientIP: this client sticks to `endpoint`. */
  readonly affinity?: AffinityNote;
}

export interface SnatEvent extends EventBase {
  readonly type: 'snat';
  /** kube-proxy's MASQUERADE for Service traffic, or the CNI's for traffic leaving the pod network. */
  readonly by: 'kube-proxy' | 'cni';
  readonly from: AddressPort;
  readonly to: AddressPort;
}

/** conntrack undoing the request's NAT on the reply. */
export interface ReverseNatEvent extends EventBase {
  readonly type: 'reverse-nat';
  readonly by: 'kube-proxy' | 'cni' | 'loadbalancer';
  readonly before: { readonly src: AddressPort; readonly dst: AddressPort };
  readonly after: { readonly src: AddressPort; readonly dst: AddressPort };
}

export type EncapEvent = Tunnel<'encap'> | Tunnel<'decap'>;

/** Entering (encap) or leaving (decap) an overlay tunnel at a VTEP. */
export interface Tunnel<T extends 'encap' | 'decap'> extends EventBase {
  readonly type: T;
  readonly device: string;
  readonly overlay: 'vxlan' | 'weave' | 'ipip';
  readonly outer: OuterHeaders;
}

export interface RouteEvent extends EventBase {
  readonly type: 'route';
  /** Whose routing table: the pod's (in its network namespace) or the node's. */
  readonly table: 'pod' | 'node';
  /** The pod key or the node name. */
  readonly owner: string;
  /** The matching route as `ip route` prints it. */
  readonly route: string;
  readonly destination: string;
  readonly dev: string;
  readonly via?: string;
}

export interface DnsCnameEvent extends EventBase {
  readonly type: 'dns-cname';
  /** `name.namespace.svc.cluster.local` */
  readonly query: string;
  readonly cname: string;
  /** The address the CNAME leads to: an ExternalEndpoint of that name, else a documentation address. */
  readonly address: string;
  readonly addressFrom: 'external-endpoint' | 'placeholder';
}

/** A headless Service: DNS answers with the endpoints' own addresses. */
export interface DnsAnswerEvent extends EventBase {
  readonly type: 'dns-a';
  readonly query: string;
  readonly addresses: readonly string[];
  readonly chosen: string;
}

/** A reply passing a gate as part of an established connection: no rule is evaluated. */
export interface ConntrackEvent extends EventBase {
  readonly type: 'conntrack';
  readonly state: 'ESTABLISHED';
  readonly direction: 'egress' | 'ingress';
  readonly subject: string;
}

export interface DeliverEvent extends EventBase {
  readonly type: 'deliver';
  /** A pod key, a node name, or the outside machine's name or address. */
  readonly to: string;
}

export type DropCode =
  | 'egress-denied'
  | 'ingress-denied'
  | 'no-endpoints'
  | 'no-local-endpoint'
  | 'no-service-port'
  | 'no-route'
  | 'no-neighbour'
  | 'cluster-ip-from-outside'
  | 'pod-ip-from-outside';

export interface DropEvent extends EventBase {
  readonly type: 'drop';
  readonly code: DropCode;
  /** For a policy drop: the side that denied, with the engine's reasons. */
  readonly explanation?: SideExplanation;
}

export type TraceEvent =
  | CheckEvent
  | DnatEvent
  | SnatEvent
  | ReverseNatEvent
  | EncapEvent
  | RouteEvent
  | DnsCnameEvent
  | DnsAnswerEvent
  | ConntrackEvent
  | DeliverEvent
  | DropEvent;

export interface TraceHop {
  /** `req-0`, `req-1`, … and `rep-0`, …: stable for the same scenario and flow. */
  readonly id: string;
  readonly device: TraceDevice;
  readonly headers: PacketHeaders;
  readonly events: readonly TraceEvent[];
}

export interface PacketTrace {
  /** The ends as resolved: `ns/pod`, `svc:ns/name`, an IP (with its name), `IP:port`. */
  readonly from: string;
  readonly to: string;
  readonly port: FlowPort;
  readonly network: {
    readonly cni: CniName;
    readonly kubeProxyMode: KubeProxyMode;
    readonly bridgeName: string;
    readonly overlay: Overlay;
    /** Where the pods' veths end: the bridge (its name), cilium_host (eBPF), or calico's routed `cali…`. */
    readonly hub: { readonly kind: PodAttachment; readonly name: string };
    /** cilium's eBPF does the Services' DNAT (no kube-proxy). */
    readonly kubeProxyReplacement: boolean;
  };
  readonly request: readonly TraceHop[];
  /** The reply, its own packet, only when the request was delivered. */
  readonly reply: readonly TraceHop[] | null;
  readonly verdict: 'delivered' | 'dropped';
  /** The id of the hop where the request was dropped. */
  readonly droppedAt?: string;
  readonly enforcement: 'enforced' | 'not-enforced';
  readonly notices: readonly LocalText[];
  /** A destination given by name: the resolver's steps and the DNS query's own journey. */
  readonly dns?: DnsStep;
  /** A destination given as a URL: the ingress controller's hop and the rule it matched. */
  readonly ingress?: IngressStep;
}

/**
 * A request given as a URL: client → the controller's Service → a controller pod, which matches
 * the Ingress rules and opens a new connection (hops `fwd-…`) to the backend Service.
 */
export interface IngressStep {
  readonly url: string;
  readonly host: string;
  readonly path: string;
  /** The controller's Service and the pod that took the request. */
  readonly controllerService: string;
  readonly controllerPod?: string;
  /** The rule (or defaultBackend) that matched; absent: the controller answered 404. */
  readonly match?: IngressMatch;
  readonly outcome: LocalText;
}

/**
 * The DNS step before a connection to a name: the names the pod's resolver asked, and the query
 * (UDP 53 to kube-dns, DNATed to a CoreDNS pod, through the same policy gates). When the query is
 * dropped, the trace's request is the query itself and no connection starts.
 */
export interface DnsStep {
  readonly name: string;
  readonly resolution: Resolution;
  /** The kube-dns Service (`namespace/name`), its ClusterIP, and whether netlab added it. */
  readonly server: { readonly service: string; readonly ip: string; readonly implicit: boolean };
  /** The query's hops (`dns-0`, …) and its reply's (`dns-rep-0`, …). */
  readonly request: readonly TraceHop[];
  readonly reply: readonly TraceHop[] | null;
  readonly verdict: 'delivered' | 'dropped';
  readonly droppedAt?: string;
  /** NodeLocal DNSCache answered on the pod's node; a cluster name it did not have cached went on to CoreDNS. */
  readonly nodeLocal?: NodeLocalStep;
}

/**
 * The node-local-dns hop of a DNS step: the agent on the sender's node and the address the query went
 * to; for a cluster name on a cache miss, its own query to CoreDNS — TCP 53 from the node's address,
 * through kube-proxy to a CoreDNS pod (hops `dns-fwd-…`); for other names, the node's upstream resolver.
 */
export interface NodeLocalStep {
  readonly node: string;
  readonly address: string;
  readonly nameserver: 'local' | 'kube-dns';
  /** Absent when the name is not a cluster name (forwarded to the node's resolv.conf upstream). */
  readonly forward?: {
    readonly request: readonly TraceHop[];
    readonly verdict: 'delivered' | 'dropped';
    readonly droppedAt?: string;
  };
}

/** Bad input to traceFlow (an unknown pod, a Service as the source, …): the message says which. */
export class TraceError extends Error {
  /** `message` in English, `ko` the same in Korean. */
  constructor(
    message: string,
    readonly ko: string,
  ) {
    super(message);
  }
}

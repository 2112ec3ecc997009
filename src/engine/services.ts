// Services as the API server and the EndpointSlice controller fill them in: a ClusterIP from the
// service range, nodePorts for NodePort/LoadBalancer ports, and the backends — the ready pods the
// selector picks, or for a Service without a selector, its EndpointSlices (else Endpoints).
// Deterministic: allocation runs in scenario order and skips whatever the manifests name.
import {
  DEFAULT_CLUSTER_NETWORK,
  keyOf,
  type Cluster,
  type SessionAffinity,
  type EndpointPort,
  type Labels,
  type Pod,
  type Protocol,
  type ServiceType,
} from '../k8s/types';
import { ipv4AtOffset, parseIp } from '../lib/ip';
import { DNS_SERVICE_OFFSET } from '../dns/cluster-dns';

export { dnsServiceIp } from '../dns/cluster-dns';

/**
 * The default Service range: kubeadm's serviceSubnet default (ClusterNetwork.spec.serviceCIDR
 * changes it). kube-apiserver's own --service-cluster-ip-range has no such default: kubeadm passes it.
 */
export const SERVICE_CIDR = DEFAULT_CLUSTER_NETWORK.serviceCIDR.canonical;
/** Where netlab starts handing out other ClusterIPs: after kube-dns's .10. */
export const FIRST_SERVICE_OFFSET = 11;
/** kube-apiserver's default `--service-node-port-range`. */
export const NODE_PORT_RANGE: { readonly min: number; readonly max: number } = { min: 30000, max: 32767 };

export interface TopologyServicePort {
  readonly name?: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly targetPort: number | string;
  /** NodePort and LoadBalancer services only. */
  readonly nodePort?: number;
  /** Whether nodePort came from the manifest or netlab picked it. */
  readonly nodePortSource?: 'spec' | 'allocated';
}

/** One address behind a Service, with the readiness kube-proxy goes by. */
export interface ServiceBackend {
  readonly ip: string;
  /** The live pod at this address (`namespace/name`), when there is one. */
  readonly pod?: string;
  readonly nodeName?: string;
  readonly ready: boolean;
  /** Ready, ignoring termination: a terminating pod that still answers. */
  readonly serving: boolean;
  readonly terminating: boolean;
  /** The ports an Endpoints/EndpointSlice lists; absent for selector backends (targetPort on the pod). */
  readonly ports?: readonly EndpointPort[];
}

export interface TopologyService {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  /** Null for headless (`clusterIP: None`) and ExternalName services. */
  readonly clusterIP: string | null;
  readonly clusterIPSource: 'spec' | 'allocated' | 'headless' | 'none';
  readonly ports: readonly TopologyServicePort[];
  readonly selector?: Labels;
  /** Keys of the pods traffic goes to (usableBackends), in scenario order. */
  readonly endpoints: readonly string[];
  /** Every backend, ready or not, pod or outside address. */
  readonly backends: readonly ServiceBackend[];
  /** Where the backends come from. */
  readonly backendsFrom: 'selector' | 'EndpointSlice' | 'Endpoints' | 'none';
  /** The DNS name an ExternalName service is a CNAME for. */
  readonly externalName?: string;
  /** status.loadBalancer.ingress IPs, else spec.loadBalancerIP (LoadBalancer Services only). */
  readonly loadBalancerIPs: readonly string[];
  /** status.loadBalancer.ingress hostnames (a cloud load balancer known by DNS name). */
  readonly loadBalancerHostnames: readonly string[];
  readonly externalIPs: readonly string[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  /** sessionAffinity ClientIP and its timeout; absent for None. */
  readonly sessionAffinity?: SessionAffinity;
  /** Added by netlab (the cluster's CoreDNS), not written in the scenario. */
  readonly implicit?: true;
}

/**
 * Services with addresses filled in: spec.clusterIP kept; kube-system/kube-dns without one gets
 * the range's .10; every other Service the next free address from .11 (a real API server picks at
 * random; netlab counts, so the same files always give the same numbers). NodePort/LoadBalancer
 * ports without a nodePort get the next free one of NODE_PORT_RANGE. Both in scenario order,
 * skipping every address/port a manifest already names.
 */
export function buildServices(
  cluster: Pick<Cluster, 'services' | 'pods' | 'endpointSets'> & Partial<Pick<Cluster, 'network'>>,
): TopologyService[] {
  const { services, pods } = cluster;
  const serviceCidr = cluster.network?.serviceCIDR ?? DEFAULT_CLUSTER_NETWORK.serviceCIDR;
  const usedIps = new Set<string>();
  const usedPorts = new Set<number>();
  for (const s of services) {
    const ip = s.clusterIP !== undefined ? parseIp(s.clusterIP) : null;
    if (ip && s.type !== 'ExternalName') usedIps.add(ip.key);
    if (s.type === 'NodePort' || s.type === 'LoadBalancer')
      for (const p of s.ports) if (p.nodePort !== undefined) usedPorts.add(p.nodePort);
  }
  let nextIp = FIRST_SERVICE_OFFSET;
  const dnsIp = ipv4AtOffset(serviceCidr, DNS_SERVICE_OFFSET)?.key;
  let dnsIpFree = dnsIp !== undefined && !usedIps.has(dnsIp);
  let nextPort = NODE_PORT_RANGE.min;
  const allocateIp = (): string | null => {
    for (let a = ipv4AtOffset(serviceCidr, nextIp); a; a = ipv4AtOffset(serviceCidr, ++nextIp)) {
      if (!usedIps.has(a.key)) {
        usedIps.add(a.key);
        nextIp++;
        return a.key;
      }
    }
    return null;
  };
  const allocatePort = (): number | undefined => {
    while (nextPort <= NODE_PORT_RANGE.max && usedPorts.has(nextPort)) nextPort++;
    if (nextPort > NODE_PORT_RANGE.max) return undefined;
    usedPorts.add(nextPort);
    return nextPort++;
  };

  const podsByNs = new Map<string, Pod[]>();
  for (const p of pods) {
    const list = podsByNs.get(p.namespace);
    if (list) list.push(p);
    else podsByNs.set(p.namespace, [p]);
  }
  const podByKey = new Map(pods.map((p) => [keyOf(p), p]));
  const podByIp = new Map<string, Pod>();
  for (const p of pods) if (!p.hostNetwork && !podByIp.has(p.ip.key)) podByIp.set(p.ip.key, p);
  const sets = new Map(cluster.endpointSets.map((e) => [`${e.namespace}/${e.service}`, e]));

  return services.map((s): TopologyService => {
    const external = s.type === 'ExternalName';
    let clusterIP: string | null = null;
    let clusterIPSource: TopologyService['clusterIPSource'] = 'none';
    if (!external) {
      const given = s.clusterIP !== undefined ? parseIp(s.clusterIP) : null;
      if (s.clusterIP === 'None') clusterIPSource = 'headless';
      else if (given) [clusterIP, clusterIPSource] = [given.key, 'spec'];
      else if (dnsIpFree && s.namespace === 'kube-system' && s.name === 'kube-dns') {
        [clusterIP, clusterIPSource, dnsIpFree] = [dnsIp!, 'allocated', false];
        usedIps.add(dnsIp!);
      } else {
        clusterIP = allocateIp();
        clusterIPSource = clusterIP ? 'allocated' : 'none';
      }
    }
    const exposesNodePorts = s.type === 'NodePort' || s.type === 'LoadBalancer';
    const ports = s.ports.map((p): TopologyServicePort => {
      const base = {
        ...(p.name !== undefined ? { name: p.name } : {}),
        protocol: p.protocol,
        port: p.port,
        targetPort: p.targetPort,
      };
      if (!exposesNodePorts) return base;
      if (p.nodePort !== undefined) return { ...base, nodePort: p.nodePort, nodePortSource: 'spec' };
      const nodePort = allocatePort();
      return nodePort === undefined ? base : { ...base, nodePort, nodePortSource: 'allocated' };
    });
    const key = keyOf(s);
    const selected = hasSelector(s.selector);
    const set = selected || external ? undefined : sets.get(key);
    const backends = external
      ? []
      : selected
        ? selectBackends(s.selector!, podsByNs.get(s.namespace) ?? [], s.publishNotReadyAddresses)
        : setBackends(set, podByKey, podByIp);
    const lbIps = s.loadBalancerIngress.flatMap((i) => (i.ip ? [i.ip.key] : []));
    const specLb = s.loadBalancerIP !== undefined ? parseIp(s.loadBalancerIP)?.key : undefined;
    const isLb = s.type === 'LoadBalancer';
    return {
      key,
      namespace: s.namespace,
      name: s.name,
      type: s.type,
      clusterIP,
      clusterIPSource,
      ports,
      ...(s.selector ? { selector: s.selector } : {}),
      endpoints: usableBackends(backends).flatMap((b) => (b.pod ? [b.pod] : [])),
      backends,
      backendsFrom: external ? 'none' : selected ? 'selector' : (set?.from ?? 'none'),
      ...(s.externalName !== undefined ? { externalName: s.externalName } : {}),
      loadBalancerIPs: !isLb ? [] : lbIps.length > 0 ? lbIps : specLb ? [specLb] : [],
      loadBalancerHostnames: isLb
        ? s.loadBalancerIngress.flatMap((i) => (i.hostname !== undefined ? [i.hostname] : []))
        : [],
      externalIPs: s.externalIPs.map((ip) => ip.key),
      externalTrafficPolicy: s.externalTrafficPolicy,
      internalTrafficPolicy: s.internalTrafficPolicy,
      ...(s.sessionAffinity ? { sessionAffinity: s.sessionAffinity } : {}),
      ...(s.implicit ? { implicit: true as const } : {}),
    };
  });
}

/**
 * The backends kube-proxy sends to: the ready ones; when none is ready, the terminating ones
 * that still serve (Kubernetes ≥ 1.28, ProxyTerminatingEndpoints).
 */
export function usableBackends(backends: readonly ServiceBackend[]): ServiceBackend[] {
  const ready = backends.filter((b) => b.ready);
  return ready.length > 0 ? ready : backends.filter((b) => b.serving && b.terminating);
}

/** The backend's port for a Service port: from its Endpoints/EndpointSlice, else targetPort on its pod. */
export function backendPort(
  backend: ServiceBackend,
  port: Pick<TopologyServicePort, 'name' | 'protocol' | 'targetPort'>,
  podOf: (key: string) => Pick<Pod, 'containers'> | undefined,
): number | undefined {
  if (backend.ports) {
    const name = port.name ?? '';
    const hit =
      backend.ports.find((p) => (p.name ?? '') === name && p.protocol === port.protocol) ??
      (backend.ports.length === 1 && backend.ports[0]!.protocol === port.protocol
        ? backend.ports[0]
        : undefined);
    return hit?.port;
  }
  if (typeof port.targetPort === 'number') return port.targetPort;
  const pod = backend.pod !== undefined ? podOf(backend.pod) : undefined;
  for (const c of pod?.containers ?? []) {
    const hit = c.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol);
    if (hit) return hit.containerPort;
  }
  return undefined;
}

const hasSelector = (selector: Labels | undefined): boolean =>
  selector !== undefined && Object.keys(selector).length > 0;

/** A pod's readiness as the EndpointSlice controller records it. */
function selectBackends(selector: Labels, pods: readonly Pod[], publishNotReady: boolean): ServiceBackend[] {
  return selectEndpoints(selector, pods).map((p) => {
    const podReady = p.ready ?? true;
    const terminating = p.terminating === true;
    return {
      ip: p.ip.key,
      pod: keyOf(p),
      ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
      ready: publishNotReady || (podReady && !terminating),
      serving: publishNotReady || podReady,
      terminating,
    };
  });
}

function setBackends(
  set: Cluster['endpointSets'][number] | undefined,
  podByKey: ReadonlyMap<string, Pod>,
  podByIp: ReadonlyMap<string, Pod>,
): ServiceBackend[] {
  if (!set) return [];
  return set.groups.flatMap((g) =>
    g.addresses.map((a): ServiceBackend => {
      const named = a.pod !== undefined ? podByKey.get(a.pod) : undefined;
      const pod = named && named.ip.key === a.ip.key ? named : podByIp.get(a.ip.key);
      return {
        ip: a.ip.key,
        ...(pod ? { pod: keyOf(pod) } : {}),
        ...((a.nodeName ?? pod?.nodeName) !== undefined ? { nodeName: (a.nodeName ?? pod?.nodeName)! } : {}),
        ready: a.ready,
        serving: a.serving,
        terminating: a.terminating,
        ports: g.ports,
      };
    }),
  );
}

/**
 * ServiceSpec.selector: pods whose labels hold every key/value. "If empty or not present, the
 * service is assumed to have an external process managing its endpoints" — so an absent or
 * empty selector (`{}`) selects no pod (unlike a NetworkPolicy's podSelector).
 */
function selectEndpoints(selector: Labels | undefined, pods: readonly Pod[]): Pod[] {
  if (!selector) return [];
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  return pods.filter((p) => entries.every(([k, v]) => Object.hasOwn(p.labels, k) && p.labels[k] === v));
}

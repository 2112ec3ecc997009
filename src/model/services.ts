// Services as the API server and the EndpointSlice controller fill them in: a ClusterIP from the
// service range, nodePorts for NodePort/LoadBalancer ports, and the pods the selector picks.
// Deterministic: allocation runs in scenario order and skips whatever the manifests name.
import { keyOf, type Labels, type Pod, type Protocol, type Service, type ServiceType } from '../k8s/types';
import { parseCidr, parseIp, type Cidr } from '../lib/ip';
import { addressAtOffset } from './addresses';

/** kube-apiserver's default `--service-cluster-ip-range`. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** Where netlab starts handing out ClusterIPs (10.96.0.1 is `kubernetes`, .10 traditionally kube-dns). */
export const FIRST_SERVICE_IP = '10.96.0.10';
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
  /** Keys of the pods the selector picks, in scenario order. */
  readonly endpoints: readonly string[];
  /** The DNS name an ExternalName service is a CNAME for. */
  readonly externalName?: string;
}

/**
 * Services with addresses filled in as the API server would: spec.clusterIP kept, else the next
 * free address of SERVICE_CIDR from FIRST_SERVICE_IP; NodePort/LoadBalancer ports without a
 * nodePort get the next free one of NODE_PORT_RANGE. Both in scenario order, skipping every
 * address/port a manifest already names, so the same files always give the same numbers.
 */
export function buildServices(services: readonly Service[], pods: readonly Pod[]): TopologyService[] {
  const serviceCidr = parseCidr(SERVICE_CIDR)!;
  const usedIps = new Set<string>();
  const usedPorts = new Set<number>();
  for (const s of services) {
    const ip = s.clusterIP !== undefined ? parseIp(s.clusterIP) : null;
    if (ip && s.type !== 'ExternalName') usedIps.add(ip.key);
    if (s.type === 'NodePort' || s.type === 'LoadBalancer')
      for (const p of s.ports) if (p.nodePort !== undefined) usedPorts.add(p.nodePort);
  }
  let nextIp = addressOffset(serviceCidr, FIRST_SERVICE_IP);
  let nextPort = NODE_PORT_RANGE.min;
  const allocateIp = (): string | null => {
    for (let a = addressAtOffset(serviceCidr, nextIp); a; a = addressAtOffset(serviceCidr, ++nextIp)) {
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

  return services.map((s): TopologyService => {
    const external = s.type === 'ExternalName';
    let clusterIP: string | null = null;
    let clusterIPSource: TopologyService['clusterIPSource'] = 'none';
    if (!external) {
      const given = s.clusterIP !== undefined ? parseIp(s.clusterIP) : null;
      if (s.clusterIP === 'None') clusterIPSource = 'headless';
      else if (given) [clusterIP, clusterIPSource] = [given.key, 'spec'];
      else {
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
    return {
      key: keyOf(s),
      namespace: s.namespace,
      name: s.name,
      type: s.type,
      clusterIP,
      clusterIPSource,
      ports,
      ...(s.selector ? { selector: s.selector } : {}),
      endpoints: external ? [] : selectEndpoints(s.selector, podsByNs.get(s.namespace) ?? []),
      ...(s.externalName !== undefined ? { externalName: s.externalName } : {}),
    };
  });
}

/**
 * ServiceSpec.selector: pods whose labels hold every key/value. "If empty or not present, the
 * service is assumed to have an external process managing its endpoints" — so an absent or
 * empty selector (`{}`) selects no pod (unlike a NetworkPolicy's podSelector).
 */
function selectEndpoints(selector: Labels | undefined, pods: readonly Pod[]): string[] {
  if (!selector) return [];
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  return pods
    .filter((p) => entries.every(([k, v]) => Object.hasOwn(p.labels, k) && p.labels[k] === v))
    .map(keyOf);
}

function addressOffset(cidr: Cidr, ip: string): number {
  const a = parseIp(ip)!.addr.toByteArray();
  const b = cidr.network.toByteArray();
  let n = 0;
  for (let i = 0; i < a.length; i++) n = n * 256 + (a[i]! - b[i]!);
  return n;
}

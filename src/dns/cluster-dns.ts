// The cluster's DNS server as kubeadm installs it: the kube-dns Service in kube-system at the
// Service range's .10, with CoreDNS pods (label k8s-app: kube-dns) behind it. A scenario that
// defines kube-system/kube-dns keeps its own; one that does not gets these objects, marked implicit.
// Below engine (k8s and lib only): engine's Service allocation and lint use it.
import { NAMESPACE_NAME_LABEL } from '../k8s/load-cluster';
import type { Cluster, ClusterNode, Namespace, Pod, Service } from '../k8s/types';
import { ipv4AtOffset, parseCidr, parseIp, type Cidr, type IpAddress } from '../lib/ip';
import { DEFAULT_POD_CIDR } from '../k8s/assign-pod-ips';

/** The Service range's .10 is kube-dns's (kubeadm's clusterDNS), .1 the `kubernetes` Service's. */
export const DNS_SERVICE_OFFSET = 10;

/** The address kube-dns has in a Service range: its .10. */
export function dnsServiceIp(serviceCidr: Cidr | string): string | null {
  const cidr = typeof serviceCidr === 'string' ? parseCidr(serviceCidr) : serviceCidr;
  return cidr && cidr.family === 4 ? (ipv4AtOffset(cidr, DNS_SERVICE_OFFSET)?.key ?? null) : null;
}

export const DNS_NAMESPACE = 'kube-system';
export const DNS_SERVICE_NAME = 'kube-dns';
/** The label kubeadm's CoreDNS Deployment puts on its pods and the kube-dns Service selects. */
export const DNS_POD_LABELS = { 'k8s-app': 'kube-dns' } as const;
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
/** kubeadm's CoreDNS Deployment runs two replicas. */
const REPLICAS = 2;
/** Where implicit objects say they come from (no file of the scenario). */
export const IMPLICIT_FILE = '(implicit: kubeadm CoreDNS)';

const implicitSource = {
  file: IMPLICIT_FILE,
  at: () => ({ file: IMPLICIT_FILE, line: 1, col: 1 }),
};

const isKubeDns = (s: Service): boolean => s.namespace === DNS_NAMESPACE && s.name === DNS_SERVICE_NAME;

/** Whether the scenario defines kube-system/kube-dns itself (the implicit one added here does not count). */
export function hasOwnClusterDns(cluster: Pick<Cluster, 'services'>): boolean {
  return cluster.services.some((s) => isKubeDns(s) && !s.implicit);
}

/** Whether the cluster has a kube-dns, its own or the implicit one withClusterDns added. */
export function hasClusterDns(cluster: Pick<Cluster, 'services'>): boolean {
  return cluster.services.some(isKubeDns);
}

/**
 * The cluster with its DNS server: as written when it defines kube-system/kube-dns, else with
 * the kube-system namespace (if missing), the kube-dns Service at the Service range's .10 and two
 * CoreDNS pods on the first nodes (addresses: the next free ones of each node's podCIDR, after
 * the scenario's pods, so no pod of the scenario changes address). Every added object is implicit.
 * Idempotent: a cluster that already has kube-dns (its own or added here) comes back unchanged.
 */
export function withClusterDns(cluster: Cluster): Cluster {
  if (hasClusterDns(cluster)) return cluster;
  const namespaces = new Map(cluster.namespaces);
  if (!namespaces.has(DNS_NAMESPACE)) {
    const ns: Namespace = {
      name: DNS_NAMESPACE,
      labels: { [NAMESPACE_NAME_LABEL]: DNS_NAMESPACE },
      declared: false,
    };
    namespaces.set(DNS_NAMESPACE, ns);
  }
  const taken = new Set(cluster.services.flatMap((s) => (s.clusterIP ? [s.clusterIP] : [])));
  const wanted = dnsServiceIp(cluster.network.serviceCIDR);
  const service: Service = {
    namespace: DNS_NAMESPACE,
    name: DNS_SERVICE_NAME,
    type: 'ClusterIP',
    // Another Service already holds .10: kube-dns gets the next free address, as allocated.
    ...(wanted && !taken.has(wanted) ? { clusterIP: wanted } : {}),
    selector: DNS_POD_LABELS,
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
    ],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    loadBalancerIngress: [],
    externalIPs: [],
    publishNotReadyAddresses: false,
    source: implicitSource,
    implicit: true,
  };
  return {
    ...cluster,
    namespaces,
    services: [...cluster.services, service],
    pods: [...cluster.pods, ...corednsPods(cluster)],
  };
}

/**
 * The cluster as the page draws it: with its CoreDNS (withClusterDns) once it has a pod or a node
 * to serve; an empty scenario stays empty rather than showing a DNS server for nobody.
 */
export function withDrawnClusterDns(cluster: Cluster): Cluster {
  return cluster.pods.length > 0 || cluster.nodes.length > 0 ? withClusterDns(cluster) : cluster;
}

function corednsPods(cluster: Cluster): Pod[] {
  const used = new Set<string>();
  for (const p of cluster.pods) used.add(p.ip.key);
  for (const i of cluster.inactivePods) if (i.lastIp !== undefined) used.add(i.lastIp);
  for (const n of cluster.nodes) if (n.internalIP) used.add(n.internalIP.key);
  const nodes: readonly (ClusterNode | undefined)[] = cluster.nodes.length > 0 ? cluster.nodes : [undefined];
  const out: Pod[] = [];
  for (let i = 0; i < REPLICAS; i++) {
    const node = nodes[i % nodes.length];
    const ip = freeAddress(node, used);
    if (!ip) break;
    used.add(ip.key);
    out.push({
      namespace: DNS_NAMESPACE,
      name: `coredns-${i + 1}`,
      labels: DNS_POD_LABELS,
      ...(node ? { nodeName: node.name } : {}),
      hostNetwork: false,
      ip,
      ipSource: node?.podCIDR ? 'node-pod-cidr' : 'default-pod-cidr',
      containers: [
        {
          name: 'coredns',
          image: COREDNS_IMAGE,
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
          ],
        },
      ],
      source: implicitSource,
      implicit: true,
    });
  }
  return out;
}

/** The first free address of the node's podCIDR (else the default pod network), after .1. */
function freeAddress(node: ClusterNode | undefined, used: ReadonlySet<string>): IpAddress | null {
  const cidr = node?.podCIDR ?? parseCidr(DEFAULT_POD_CIDR)!;
  if (cidr.family !== 4) return null;
  for (let offset = 2; ; offset++) {
    const a = ipv4AtOffset(cidr, offset);
    if (!a) return null;
    if (!used.has(a.key)) return parseIp(a.key);
  }
}

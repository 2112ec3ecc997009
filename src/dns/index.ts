// The cluster's DNS as one entry point: the cluster with its CoreDNS (implicit when the scenario
// has none), the zone CoreDNS serves, a pod's resolv.conf, and resolving a name from a pod.
import { buildServices, type TopologyService } from '../engine/services';
import { keyOf, type Cluster, type ClusterNetwork, type Pod } from '../k8s/types';
import { DNS_NAMESPACE, DNS_SERVICE_NAME } from './cluster-dns';
import type { DnsZone } from './records';
import { resolvConfOf, type ResolvConf } from './resolv-conf';
import { resolveName, type Resolution } from './resolve';

export * from './cluster-dns';
export * from './records';
export * from './resolv-conf';
export * from './resolve';

/** The kube-dns Service among `services`, when it has a ClusterIP. */
export function dnsService(services: readonly TopologyService[]): TopologyService | undefined {
  return services.find(
    (s) => s.namespace === DNS_NAMESPACE && s.name === DNS_SERVICE_NAME && s.clusterIP !== null,
  );
}

export function dnsZone(cluster: Cluster, services: readonly TopologyService[]): DnsZone {
  return { services, pods: cluster.pods, externals: cluster.externals, namespaces: cluster.namespaces };
}

/**
 * The nameserver kubelet writes into pods' resolv.conf (its --cluster-dns): the kube-dns ClusterIP,
 * or NodeLocal DNSCache's local address when the ClusterNetwork says kubelet points there.
 */
export function clusterNameserver(
  network: Pick<ClusterNetwork, 'nodeLocalDns'> | undefined,
  kubeDnsIp: string | null,
): string | null {
  const local = network?.nodeLocalDns;
  return local?.nameserver === 'local' ? local.address : kubeDnsIp;
}

/** A pod's resolv.conf in a cluster that has its DNS (see withClusterDns). */
export function podResolvConf(
  pod: Pick<Pod, 'namespace' | 'hostNetwork' | 'dnsPolicy'>,
  services: readonly TopologyService[],
  network?: Pick<ClusterNetwork, 'nodeLocalDns'>,
): ResolvConf {
  return resolvConfOf(
    pod,
    clusterNameserver(network, dnsService(services)?.clusterIP ?? null),
    network?.nodeLocalDns?.nameserver === 'local',
  );
}

/**
 * Resolves `name` from the pod `podKey` of `cluster` (a cluster with its DNS: withClusterDns).
 * Undefined when no pod has that key.
 */
export function resolveFromPod(
  cluster: Cluster,
  podKey: string,
  name: string,
  services: readonly TopologyService[] = buildServices(cluster),
): Resolution | undefined {
  const pod = cluster.pods.find((p) => keyOf(p) === podKey);
  if (!pod) return undefined;
  return resolveName(dnsZone(cluster, services), podResolvConf(pod, services, cluster.network), name);
}

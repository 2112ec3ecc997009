// One reading of "where does this flow go" for every command and view: a pod (by name or IP), a
// Service (by name, ClusterIP, load-balancer IP or hostname, or externalIP — the packet is DNATed
// to one of its endpoints before any policy sees it), or an address outside the cluster.
import type { Cluster } from '../k8s/types';
import { parseIp } from '../lib/ip';
import { findEndpoint, type Endpoint } from './endpoints';
import type { TopologyService } from './services';

/** How a Service was named: by `svc:ns/name`, or by one of its addresses. */
export type ServiceAccessKind = 'name' | 'cluster-ip' | 'load-balancer' | 'external-ip';

export interface ServiceDestination {
  readonly kind: 'service';
  readonly service: TopologyService;
  readonly access: ServiceAccessKind;
  /** The address written (an IP, or a load balancer's hostname); absent when named. */
  readonly address?: string;
}

export type Destination = { readonly kind: 'endpoint'; readonly endpoint: Endpoint } | ServiceDestination;

/**
 * The Service an address belongs to, if any: its ClusterIP, a load-balancer IP or hostname
 * (status.loadBalancer.ingress, else spec.loadBalancerIP), or one of its externalIPs.
 */
export function serviceAtAddress(
  services: readonly TopologyService[],
  address: string,
): ServiceDestination | undefined {
  const ip = parseIp(address);
  const key = ip?.key;
  for (const service of services) {
    if (service.type === 'ExternalName') continue;
    if (key !== undefined && service.clusterIP === key)
      return { kind: 'service', service, access: 'cluster-ip', address: key };
    if (key !== undefined && service.loadBalancerIPs.includes(key))
      return { kind: 'service', service, access: 'load-balancer', address: key };
    if (key !== undefined && service.externalIPs.includes(key))
      return { kind: 'service', service, access: 'external-ip', address: key };
    if (
      key === undefined &&
      service.loadBalancerHostnames.some((h) => h.toLowerCase() === address.toLowerCase())
    )
      return { kind: 'service', service, access: 'load-balancer', address };
  }
  return undefined;
}

/** `svc:ns/name` (or `svc:name` in default), with a did-you-mean when no Service has that name. */
export function serviceByName(
  services: readonly TopologyService[],
  text: string,
): ServiceDestination | string {
  const key = text.includes('/') ? text : `default/${text}`;
  const service = services.find((s) => s.key === key);
  if (service) return { kind: 'service', service, access: 'name' };
  const near = services.filter((s) => s.name === key.split('/').pop()).map((s) => `svc:${s.key}`);
  return `no Service ${key} in the scenario${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

/**
 * Resolves what a person typed as a flow's destination: `svc:ns/name`, an address that is a
 * Service's, a load balancer's hostname, else a pod or outside address as findEndpoint reads it.
 * Returns a message when nothing has that name.
 */
export function resolveDestination(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  services: readonly TopologyService[],
  text: string,
): Destination | string {
  const s = text.trim();
  if (s.startsWith('svc:')) return serviceByName(services, s.slice(4));
  const service = serviceAtAddress(services, s);
  if (service && (parseIp(s) || service.access === 'load-balancer')) return service;
  const found = findEndpoint(endpoints, cluster, s);
  return typeof found === 'string' ? found : { kind: 'endpoint', endpoint: found };
}

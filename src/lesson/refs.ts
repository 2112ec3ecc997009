// How lessons name things: endpoints (`prod/web`, `user`, `192.168.5.10`), ports (`80`, `53/UDP`)
// and objects — and how those names become the engine's endpoints for one scenario.
import { parseIp } from '../lib/ip';
import { PROTOCOLS, type Cluster, type Protocol } from '../k8s/types';
import { buildEndpoints, findEndpoint, type Endpoint } from '../engine/endpoints';
import type { FlowPort } from '../engine/match';
import type { EndpointRef } from './types';

/** `80`, `"80/TCP"`, `"53/udp"` → a FlowPort; undefined when malformed. */
export function parsePort(value: unknown): FlowPort | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[1]);
  const protocol = (m[2] ?? 'TCP').toUpperCase();
  if (port < 1 || port > 65535 || !(PROTOCOLS as readonly string[]).includes(protocol)) return undefined;
  return { port, protocol: protocol as Protocol };
}

export const portText = (p: FlowPort): string => `${p.port}/${p.protocol}`;

/** The text findEndpoint understands: an ExternalEndpoint's name becomes its IP. */
function lookupText(cluster: Cluster, ref: EndpointRef): string {
  if (ref.includes('/') || parseIp(ref)) return ref;
  return cluster.externals.find((x) => x.name === ref)?.ip.key ?? ref;
}

/** The endpoint key the page uses for a lesson's name (`user` → its IP), or undefined. */
export function endpointKeyOf(cluster: Cluster, ref: EndpointRef): string | undefined {
  const e = findEndpoint(scenarioEndpoints(cluster), cluster, lookupText(cluster, ref));
  return typeof e === 'string' ? undefined : e.key;
}

/** Pods, then every ExternalEndpoint, then outside IPs the lesson names. */
export function scenarioEndpoints(cluster: Cluster, refs: readonly EndpointRef[] = []): Endpoint[] {
  const ips = cluster.externals.map((x) => x.ip.key);
  for (const r of refs) if (parseIp(r)) ips.push(r);
  return buildEndpoints(cluster, ips);
}

/** The endpoint a lesson names, or why there is none. */
export function resolveEndpoint(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  ref: EndpointRef,
): Endpoint | string {
  return findEndpoint(endpoints, cluster, lookupText(cluster, ref));
}

/** How messages name an endpoint: `prod/web`, `user (203.0.113.10)`, `192.168.5.10`. */
export function endpointLabel(e: Endpoint): string {
  return e.kind === 'external' && e.name ? `${e.name} (${e.key})` : e.key;
}

export const flowLabel = (from: Endpoint, to: Endpoint, port: FlowPort): string =>
  `${endpointLabel(from)} → ${endpointLabel(to)} ${portText(port)}`;

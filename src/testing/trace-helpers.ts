// Helpers for traceFlow tests: scenarios with a ClusterNetwork, Services and outside machines,
// one traced flow, and readers for hops and events.
import defaultYaml from '../scenarios/default.yaml?raw';
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster, Protocol } from '../k8s/types';
import { base32, sha256 } from '../lib/sha256';
import { buildTopology } from '../model/topology';
import { traceFlow, type PacketTrace, type TraceEvent, type TraceHop } from '../model/trace-flow';
import { node, pod } from './scenario';

/** A journey between two nodes' pods over a bridge and an overlay (flannel, weave): the hops' kinds. */
export const BRIDGE_VTEP_HOPS: string[] = [
  'pod-eth0',
  'veth-host',
  'bridge',
  'vtep',
  'node-eth0',
  'node-network',
  'node-eth0',
  'vtep',
  'bridge',
  'veth-host',
  'pod-eth0',
];

export const withNetwork = (text: string, spec: string): string =>
  `${text}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}\n`;
export const load = (text: string): Cluster => {
  const r = loadCluster([{ name: 't.yaml', text }]);
  if (r.hasErrors) throw new Error(r.diagnostics.map((d) => d.message.en).join('\n'));
  return r.cluster;
};
export const defaultCluster = (cni?: string): Cluster =>
  load(cni ? withNetwork(defaultYaml, `{cni: ${cni}}`) : defaultYaml);

export const net = (spec: string): string =>
  `apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}`;
export const svc = (key: string, spec: string): string => {
  const [ns, name] = key.split('/');
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
};
export const outside = (name: string, ip: string): string =>
  `apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: ${name}}\nspec: {ip: ${ip}}`;

export function trace(c: Cluster, from: string, to: string, port: string): PacketTrace {
  const [n, proto] = port.split('/');
  return traceFlow(c, buildTopology(c), from, to, {
    port: Number(n),
    protocol: (proto ?? 'TCP') as Protocol,
  });
}

export const kinds = (hops: readonly TraceHop[] | null): string[] => (hops ?? []).map((h) => h.device.kind);
export const types = (h: TraceHop): string[] => h.events.map((e) => e.type);
export function event<T extends TraceEvent['type']>(h: TraceHop, type: T): Extract<TraceEvent, { type: T }> {
  const e = h.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} event at ${h.id} (${types(h).join(', ')})`);
  return e as Extract<TraceEvent, { type: T }>;
}
export const allEvents = (hops: readonly TraceHop[] | null): TraceEvent[] =>
  (hops ?? []).flatMap((h) => h.events);
export const addr = (h: TraceHop): string =>
  `${h.headers.src}:${h.headers.srcPort} > ${h.headers.dst}:${h.headers.dstPort}`;
/** kube-proxy's chain hash, computed here from the definition rather than through kube-proxy.ts. */
export const chain = (text: string): string => base32(sha256(text)).slice(0, 16);

// Two nodes; client on n1 (10.244.1.2), server on n2 (10.244.2.2, http 8080), local on n1 (10.244.1.3).
export const TWO = [
  node('n1', '192.168.1.11', '10.244.1.0/24'),
  node('n2', '192.168.1.12', '10.244.2.0/24'),
  pod('shop/client', { app: 'client' }, { node: 'n1' }),
  pod('shop/server', { app: 'server', tier: 'api' }, { node: 'n2', ports: [['http', 8080]] }),
  pod('shop/local', { app: 'server' }, { node: 'n1', ports: [['http', 8080]] }),
];

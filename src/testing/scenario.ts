// Test helpers: a scenario from inline YAML, and one flow's verdict by endpoint name.
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster, Protocol } from '../k8s/types';
import { buildEndpoints, findEndpoint } from '../engine/endpoints';
import { evaluateFlow, type FlowExplanation } from '../engine/evaluate-flow';

/** Loads YAML documents (joined with ---) and fails loudly on any error diagnostic. */
export function scenario(...docs: string[]): Cluster {
  const r = loadCluster([{ name: 'test.yaml', text: docs.join('\n---\n') }]);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => `${e.line}:${e.col} ${e.message.en}`).join('\n'));
  return r.cluster;
}

/** A pod document: `pod('x/a', {app: 'web'}, {node: 'n1', ip: '10.0.0.1', ports: [['http', 80]]})`. */
export function pod(
  key: string,
  labels: Record<string, string> = {},
  opts: {
    node?: string;
    ip?: string;
    hostNetwork?: boolean;
    ports?: [string | null, number, Protocol?][];
  } = {},
): string {
  const [ns, name] = key.includes('/') ? key.split('/') : ['default', key];
  const ports = (opts.ports ?? []).map(
    ([n, p, proto]) => `    - {${n ? `name: ${n}, ` : ''}containerPort: ${p}, protocol: ${proto ?? 'TCP'}}`,
  );
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}, namespace: ${ns}, labels: ${JSON.stringify(labels)}}`,
    'spec:',
    ...(opts.node ? [`  nodeName: ${opts.node}`] : []),
    ...(opts.hostNetwork ? ['  hostNetwork: true'] : []),
    '  containers:',
    '  - name: c',
    '    image: agnhost',
    ...(ports.length ? ['    ports:', ...ports] : []),
    ...(opts.ip ? ['status:', `  podIP: ${opts.ip}`] : []),
  ].join('\n');
}

export function namespace(name: string, labels: Record<string, string> = {}): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}`;
}

export function node(name: string, ip: string, podCIDR: string): string {
  return `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nspec: {podCIDR: ${podCIDR}}\nstatus:\n  addresses:\n  - {type: InternalIP, address: ${ip}}`;
}

/** A NetworkPolicy document; `spec` is YAML indented by two spaces under `spec:`. */
export function netpol(key: string, spec: string): string {
  const [ns, name] = key.includes('/') ? key.split('/') : ['default', key];
  const body = spec.replace(/^\n/, '').replace(/\s+$/, '');
  const indent = /^( *)/.exec(body)![1]!.length;
  const reindented = body
    .split('\n')
    .map((l) => '  ' + l.slice(indent))
    .join('\n');
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${reindented}`;
}

/** Evaluates `from → to` on `port` ("80", "53/UDP"); endpoints by `ns/pod` or IP. */
export function flow(cluster: Cluster, from: string, to: string, port: string): FlowExplanation {
  const endpoints = buildEndpoints(cluster);
  const find = (s: string) => {
    const e = findEndpoint(endpoints, cluster, s);
    if (typeof e === 'string') throw new Error(e);
    return e;
  };
  const [n, proto] = port.split('/');
  return evaluateFlow(cluster.policies, find(from), find(to), {
    port: Number(n),
    protocol: (proto ?? 'TCP') as Protocol,
  });
}

export const allowed = (c: Cluster, from: string, to: string, port = '80'): boolean =>
  flow(c, from, to, port).allowed;

// Deterministic scenario generators for tests and benchmarks (pure TS: no Node built-ins).
//   generateScenarioYaml(): a realistic cluster of any size — teams' namespaces, nodes with pod
//     CIDRs, apps of several replicas with named container ports, and NetworkPolicies mixing every
//     feature (default-deny, pod/namespace/AND peers, ipBlock+except, named ports, endPort, …).
//   ns() / node() / pod() / policy(): wire-format manifest objects; toYaml() joins them;
//     cluster() loads them and throws on any error diagnostic.
import { stringify } from 'yaml';
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster, Protocol } from '../k8s/types';

/** A Kubernetes manifest as it appears in YAML (plain JSON-able data). */
export type Manifest = Record<string, unknown>;
type Labels = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Builders

export function ns(name: string, labels: Labels = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A Node; either part may be left out (`undefined`) to model a node without it. */
export function node(name: string, internalIP?: string, podCIDR?: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    ...(podCIDR ? { spec: { podCIDR } } : {}),
    ...(internalIP ? { status: { addresses: [{ type: 'InternalIP', address: internalIP }] } } : {}),
  };
}

/** A container port: `[name | null, number, protocol?]`. */
export type PortSpec = readonly [string | null, number, Protocol?];

export interface PodOptions {
  readonly node?: string;
  readonly hostNetwork?: boolean;
  readonly ip?: string;
  readonly ports?: readonly PortSpec[];
  readonly image?: string;
}

/** `pod('ns/name', {app: 'web'}, {node: 'n1', ports: [['http', 80]]})`; a bare name is in `default`. */
export function pod(key: string, labels: Labels = {}, opts: PodOptions = {}): Manifest {
  const [namespace, name] = splitKey(key);
  const ports = (opts.ports ?? []).map(([n, p, proto]) => ({
    ...(n ? { name: n } : {}),
    containerPort: p,
    protocol: proto ?? 'TCP',
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      ...(opts.node ? { nodeName: opts.node } : {}),
      ...(opts.hostNetwork ? { hostNetwork: true } : {}),
      containers: [
        {
          name: 'main',
          image: opts.image ?? 'registry.k8s.io/e2e-test-images/agnhost:2.52',
          ...(ports.length ? { ports } : {}),
        },
      ],
    },
    ...(opts.ip ? { status: { podIP: opts.ip } } : {}),
  };
}

/** A NetworkPolicy; `spec` is the wire-format spec (podSelector, policyTypes, ingress, egress). */
export function policy(key: string, spec: Manifest): Manifest {
  const [namespace, name] = splitKey(key);
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** Manifests → one multi-document YAML text. */
export function toYaml(manifests: readonly Manifest[]): string {
  return manifests.map((m) => stringify(m, { lineWidth: 0 })).join('---\n');
}

/**
 * Loads manifests (objects or YAML text) as `name`; throws on any error diagnostic except the codes
 * in `allow` (class witnesses share one address on purpose: `duplicate-ip`).
 */
export function cluster(
  manifests: readonly Manifest[] | string,
  name = 'generated.yaml',
  allow: readonly string[] = [],
): Cluster {
  const text = typeof manifests === 'string' ? manifests : toYaml(manifests);
  const r = loadCluster([{ name, text }]);
  const errors = r.diagnostics.filter((d) => d.severity === 'error' && !allow.includes(d.code));
  if (errors.length > 0)
    throw new Error(errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message.en}`).join('\n'));
  return r.cluster;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['default', key] : [key.slice(0, i), key.slice(i + 1)];
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  suffix(len: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Realistic scenarios

export interface ScenarioOptions {
  readonly pods: number;
  readonly policies: number;
  /** Including kube-system. Default: max(3, ⌈pods/100⌉). */
  readonly namespaces?: number;
  /** Default: max(2, ⌈pods/40⌉). */
  readonly nodes?: number;
  readonly seed: number;
}

type Tier = 'frontend' | 'backend' | 'data';

interface AppKind {
  readonly base: string;
  readonly tier: Tier;
  readonly role: string;
  readonly ports: readonly PortSpec[];
  readonly replicas: readonly [number, number];
  readonly image: string;
}

const APP_KINDS: readonly AppKind[] = [
  {
    base: 'web',
    tier: 'frontend',
    role: 'web',
    ports: [['http', 80]],
    replicas: [2, 6],
    image: 'nginx:1.27',
  },
  {
    base: 'frontend',
    tier: 'frontend',
    role: 'web',
    ports: [
      ['http', 80],
      ['metrics', 9090],
    ],
    replicas: [2, 5],
    image: 'node:22-alpine',
  },
  {
    base: 'api',
    tier: 'backend',
    role: 'api',
    ports: [
      ['api', 5000],
      ['metrics', 9090],
    ],
    replicas: [2, 6],
    image: 'python:3.12-slim',
  },
  {
    base: 'orders',
    tier: 'backend',
    role: 'api',
    ports: [['api', 5000]],
    replicas: [2, 4],
    image: 'golang:1.23',
  },
  {
    base: 'cart',
    tier: 'backend',
    role: 'api',
    ports: [
      ['api', 5000],
      ['http', 80],
    ],
    replicas: [1, 4],
    image: 'golang:1.23',
  },
  {
    base: 'auth',
    tier: 'backend',
    role: 'api',
    ports: [['api', 5000]],
    replicas: [2, 3],
    image: 'golang:1.23',
  },
  {
    base: 'worker',
    tier: 'backend',
    role: 'worker',
    ports: [['metrics', 9090]],
    replicas: [1, 5],
    image: 'python:3.12-slim',
  },
  { base: 'mysql', tier: 'data', role: 'db', ports: [['mysql', 3306]], replicas: [1, 3], image: 'mysql:8.4' },
  {
    base: 'postgres',
    tier: 'data',
    role: 'db',
    ports: [['postgres', 5432]],
    replicas: [1, 2],
    image: 'postgres:17',
  },
  {
    base: 'redis',
    tier: 'data',
    role: 'cache',
    ports: [['redis', 6379]],
    replicas: [1, 3],
    image: 'redis:7',
  },
];

const TEAMS = [
  'shop',
  'payments',
  'identity',
  'search',
  'media',
  'ads',
  'billing',
  'support',
  'data',
  'growth',
];
const ENVS = ['prod', 'staging', 'dev'];

interface App {
  readonly namespace: string;
  readonly name: string;
  readonly kind: AppKind;
}

interface NsInfo {
  readonly name: string;
  readonly team: string;
  readonly env: string;
  readonly apps: App[];
}

/** Dotted IPv4 text of a 32-bit unsigned integer. */
function ipText(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** YAML for a realistic cluster; loads through loadCluster with zero errors. */
export function generateScenarioYaml(opts: ScenarioOptions): string {
  return toYaml(generateScenario(opts));
}

/** The manifests behind generateScenarioYaml(), in document order. */
export function generateScenario(opts: ScenarioOptions): Manifest[] {
  const r = new Rand(rng(opts.seed));
  const podCount = Math.max(0, Math.floor(opts.pods));
  const nsCount = Math.max(2, opts.namespaces ?? Math.max(3, Math.ceil(podCount / 100)));
  const nodeCount = Math.max(1, opts.nodes ?? Math.max(2, Math.ceil(podCount / 40)));
  const out: Manifest[] = [];

  // Namespaces: kube-system plus team-env namespaces.
  const namespaces: NsInfo[] = [{ name: 'kube-system', team: 'platform', env: 'prod', apps: [] }];
  for (let i = 0; namespaces.length < nsCount; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length]!;
    const round = Math.floor(i / (TEAMS.length * ENVS.length));
    namespaces.push({
      name: round === 0 ? `${team}-${env}` : `${team}-${env}-${round + 1}`,
      team,
      env,
      apps: [],
    });
  }
  for (const n of namespaces) {
    const labels: Labels = { team: n.team, env: n.env };
    if (n.name !== 'kube-system' && r.chance(0.3)) labels['monitoring'] = 'enabled';
    out.push(ns(n.name, labels));
  }

  // Nodes: pod CIDRs carved out of 10.64.0.0/10, big enough for an even share of the pods.
  const perNode = Math.ceil(podCount / nodeCount) + 8;
  let prefix = 24;
  while (prefix > 12 && 2 ** (32 - prefix) - 3 < perNode) prefix--;
  const block = 2 ** (32 - prefix);
  const cidrBase = ((10 << 24) | (64 << 16)) >>> 0;
  const nodeNames: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const name = `node-${String(i + 1).padStart(3, '0')}`;
    nodeNames.push(name);
    const internal = ((192 << 24) | (168 << 16)) + Math.floor(i / 200) * 256 + 10 + (i % 200);
    out.push(node(name, ipText(internal >>> 0), `${ipText(cidrBase + i * block)}/${prefix}`));
  }

  // Pods: node agents (hostNetwork) and coredns in kube-system, then apps in every other namespace.
  const pods: Manifest[] = [];
  let nodeCursor = 0;
  const nextNode = (): string => nodeNames[nodeCursor++ % nodeNames.length]!;
  const agents = Math.min(nodeCount, Math.floor(podCount / 50));
  for (let i = 0; i < agents; i++) {
    pods.push(
      pod(
        `kube-system/node-exporter-${r.suffix(5)}`,
        { app: 'node-exporter', tier: 'infra', role: 'monitoring' },
        {
          node: nodeNames[i]!,
          hostNetwork: true,
          ports: [['metrics', 9100]],
          image: 'prom/node-exporter:v1.8.2',
        },
      ),
    );
  }
  const dnsReplicas = Math.min(
    Math.max(0, podCount - pods.length),
    podCount >= 20 ? 2 + Math.floor(podCount / 1000) : 1,
  );
  const coredns: App = {
    namespace: 'kube-system',
    name: 'coredns',
    kind: {
      base: 'coredns',
      tier: 'backend',
      role: 'dns',
      ports: [],
      replicas: [1, 1],
      image: 'coredns:1.11',
    },
  };
  if (dnsReplicas > 0) namespaces[0]!.apps.push(coredns);
  for (let i = 0; i < dnsReplicas; i++) {
    pods.push(
      pod(
        `kube-system/coredns-${r.suffix(5)}`,
        { app: 'coredns', 'k8s-app': 'kube-dns', tier: 'infra', role: 'dns' },
        {
          node: nextNode(),
          ports: [
            ['dns', 53, 'UDP'],
            ['dns-tcp', 53, 'TCP'],
            ['metrics', 9153],
          ],
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
        },
      ),
    );
  }
  const appNamespaces = namespaces.slice(1);
  const remaining = podCount - pods.length;
  appNamespaces.forEach((n, ni) => {
    let quota =
      Math.floor(remaining / appNamespaces.length) + (ni < remaining % appNamespaces.length ? 1 : 0);
    const used = new Map<string, number>();
    while (quota > 0) {
      const kind = r.pick(APP_KINDS);
      const count = (used.get(kind.base) ?? 0) + 1;
      used.set(kind.base, count);
      const app: App = { namespace: n.name, name: count === 1 ? kind.base : `${kind.base}-${count}`, kind };
      n.apps.push(app);
      const replicas = Math.min(quota, r.int(kind.replicas[0], kind.replicas[1]));
      const hash = r.suffix(9);
      const version = r.pick(['v1', 'v1', 'v2']);
      for (let k = 0; k < replicas; k++) {
        const labels: Labels = {
          app: app.name,
          tier: kind.tier,
          role: kind.role,
          version,
          'pod-template-hash': hash,
        };
        if (r.chance(0.05)) labels['canary'] = 'true';
        // Some pods also expose DNS (a sidecar cache), so named-port "dns" resolves on app pods too.
        const ports: PortSpec[] = [...kind.ports, ...(r.chance(0.1) ? [['dns', 53, 'UDP'] as const] : [])];
        pods.push(
          pod(`${n.name}/${app.name}-${hash}-${r.suffix(5)}`, labels, {
            node: nextNode(),
            ports,
            image: kind.image,
          }),
        );
      }
      quota -= replicas;
    }
  });
  out.push(...pods);

  // Policies: spread over namespaces round-robin; each namespace starts with default-deny and
  // DNS egress, then per-app allow rules of every kind.
  const perNs = new Map<string, number>();
  const names = new Set<string>();
  for (let k = 0; k < opts.policies; k++) {
    const n = namespaces[(k % appNamespaces.length) + 1] ?? namespaces[0]!;
    const j = perNs.get(n.name) ?? 0;
    perNs.set(n.name, j + 1);
    const [base, spec] = policySpec(r, n, namespaces, j);
    let name = base;
    for (let c = 2; names.has(`${n.name}/${name}`); c++) name = `${base}-${c}`;
    names.add(`${n.name}/${name}`);
    out.push(policy(`${n.name}/${name}`, spec));
  }
  return out;
}

const sel = (matchLabels: Labels): Manifest => ({ matchLabels });
const expr = (
  key: string,
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist',
  values?: string[],
): Manifest => ({
  key,
  operator,
  ...(values ? { values } : {}),
});

/** The j-th policy of namespace `n`: [name, spec]. */
function policySpec(r: Rand, n: NsInfo, all: readonly NsInfo[], j: number): [string, Manifest] {
  if (j === 0) return ['default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }];
  if (j === 1) {
    return n.env === 'prod'
      ? [
          'default-deny-egress-allow-dns',
          {
            podSelector: {},
            policyTypes: ['Egress'],
            egress: [
              {
                to: [
                  {
                    namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'kube-system' }),
                    podSelector: sel({ 'k8s-app': 'kube-dns' }),
                  },
                ],
                ports: [{ port: 53, protocol: 'UDP' }, { port: 'dns-tcp' }],
              },
            ],
          },
        ]
      : ['allow-same-namespace', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }];
  }
  const app = n.apps.length > 0 ? r.pick(n.apps) : undefined;
  const target = app ? sel({ app: app.name }) : {};
  const appName = app?.name ?? 'all';
  const other = r.pick(all);
  const template = r.int(0, 10);
  switch (template) {
    case 0:
      return [
        `allow-${appName}-from-anywhere`,
        r.chance(0.5)
          ? { podSelector: target, ingress: [{}] }
          : { podSelector: target, ingress: [{ ports: [{ port: 'http' }, { port: 443 }] }] },
      ];
    case 1:
      return [
        `allow-${appName}-from-frontend`,
        {
          podSelector: target,
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [{ podSelector: sel({ tier: 'frontend' }) }],
              ports: [r.chance(0.5) ? { port: 'api' } : { port: 5000, protocol: 'TCP' }],
            },
          ],
        },
      ];
    case 2:
      return [
        `allow-${appName}-from-${other.team}-backend`,
        {
          podSelector: target,
          ingress: [
            {
              from: [{ namespaceSelector: sel({ team: other.team }), podSelector: sel({ tier: 'backend' }) }],
              ports: [{ port: 'mysql' }, { port: 5432 }, { port: 6379 }],
            },
          ],
        },
      ];
    case 3:
      return [
        `allow-${appName}-monitoring`,
        {
          podSelector: target,
          ingress: [
            {
              from: [
                {
                  namespaceSelector: {
                    matchExpressions: [expr('env', 'In', ['prod', 'staging'])],
                    matchLabels: { monitoring: 'enabled' },
                  },
                },
              ],
              ports: [{ port: 9000, endPort: 9200 }],
            },
          ],
        },
      ];
    case 4:
      return [
        `${appName}-egress-data-and-backup`,
        {
          podSelector: target,
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ podSelector: sel({ tier: 'data' }) }],
              ports: [{ port: 3306 }, { port: 'postgres' }, { port: 6379 }],
            },
            {
              to: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.0.0/24', '192.168.5.10/32'] } }],
              ports: [{ port: 9898 }],
            },
          ],
        },
      ];
    case 5:
      return [
        `allow-${appName}-from-internet`,
        {
          podSelector: target,
          ingress: [
            {
              from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12'] } }],
              ports: [{ port: 80 }, { port: 443 }],
            },
          ],
        },
      ];
    case 6:
      return [
        `allow-${appName}-udp-from-labelled`,
        {
          podSelector: target,
          ingress: [
            {
              from: [{ podSelector: { matchExpressions: [expr('role', 'Exists')] } }],
              ports: [{ protocol: 'UDP' }],
            },
          ],
        },
      ];
    case 7:
      return [
        `allow-stable-from-non-dev`,
        {
          podSelector: { matchExpressions: [expr('tier', 'NotIn', ['data'])] },
          ingress: [
            {
              from: [
                {
                  namespaceSelector: { matchExpressions: [expr('env', 'NotIn', ['dev'])] },
                  podSelector: { matchExpressions: [expr('canary', 'DoesNotExist')] },
                },
              ],
            },
          ],
        },
      ];
    case 8:
      return [
        `${appName}-egress-${other.team}`,
        {
          podSelector: target,
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: sel({ team: other.team }) }],
              ports: [{ port: 5000, endPort: 5010 }],
            },
          ],
        },
      ];
    case 9:
      return [
        `${appName}-both-ways`,
        {
          podSelector: target,
          policyTypes: ['Ingress', 'Egress'],
          ingress: [
            {
              from: [{ podSelector: sel({ tier: 'frontend' }) }, { namespaceSelector: sel({ env: n.env }) }],
              ports: [{ port: 'http' }, { port: 'api' }],
            },
          ],
          egress: [
            { to: [{ podSelector: { matchExpressions: [expr('tier', 'In', ['backend', 'data'])] } }] },
            { to: [{ ipBlock: { cidr: '10.64.0.0/10' } }], ports: [{ protocol: 'TCP', port: 3306 }] },
          ],
        },
      ];
    default:
      return [
        `allow-${appName}-from-${other.name}`,
        {
          podSelector: target,
          ingress: [
            {
              from: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': other.name }) }],
              ports: [{ port: 'api' }, { port: 8000, endPort: 8100 }],
            },
          ],
        },
      ];
  }
}

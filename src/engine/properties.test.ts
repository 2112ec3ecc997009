// Property tests over small random scenarios, written as YAML and loaded through loadCluster (so
// API defaulting is exercised too): the bitset matrix agrees with the one-flow explainer, and
// verdicts obey the laws NetworkPolicy semantics promise (order-free, additive, isolating, …).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixJson } from '../cli/render-matrix';
import type { Cluster } from '../k8s/types';
import {
  cluster as loadManifests,
  node,
  ns,
  pod,
  policy,
  toYaml,
  type Manifest,
  type PortSpec,
} from '../testing/generate-cluster';
import { alwaysAllowed, buildEndpoints, isPolicyPod, type Endpoint } from './endpoints';
import { evaluateFlow } from './evaluate-flow';
import { computeFlowMatrix, flowVerdict, type FlowMatrix } from './flow-matrix';
import { policySelects, type FlowPort } from './match';

// ---------------------------------------------------------------------------------------------
// Scenario model: wire-format manifests plus the outside IPs and flow ports to evaluate.

interface Scenario {
  readonly namespaces: Manifest[];
  readonly pods: Manifest[];
  readonly policies: Manifest[];
  readonly outside: string[];
  readonly ports: FlowPort[];
}

type Json = Record<string, unknown>;

const NS_NAMES = ['alpha', 'beta', 'gamma'] as const;
const POD_LABELS: Record<string, readonly string[]> = {
  app: ['web', 'api', 'db'],
  tier: ['fe', 'be'],
  role: ['x', 'y'],
};
const NS_LABELS: Record<string, readonly string[]> = { team: ['red', 'blue'], env: ['prod', 'dev'] };
/** Keys selectors may use: the labels above, a key no object has, and (namespaces) the name label. */
const POD_SELECTOR_KEYS: Record<string, readonly string[]> = { ...POD_LABELS, zone: ['a', 'b'] };
const NS_SELECTOR_KEYS: Record<string, readonly string[]> = {
  ...NS_LABELS,
  'kubernetes.io/metadata.name': [...NS_NAMES, 'default'],
  zone: ['a'],
};

// n0: InternalIP + podCIDR; n1: InternalIP, no podCIDR (pods get 10.244/16); n2: podCIDR, no InternalIP.
const NODES = [
  node('n0', '192.168.1.10', '10.1.0.0/24'),
  node('n1', '192.168.1.11'),
  node('n2', undefined, '10.1.2.0/24'),
];

const CONTAINER_PORTS: readonly PortSpec[] = [
  ['http', 80, 'TCP'],
  ['http', 8080, 'TCP'], // the same name on another number: named ports resolve per pod
  ['api', 5000, 'TCP'],
  ['dns', 53, 'UDP'],
  ['dnstcp', 53, 'TCP'],
  ['mysql', 3306, 'TCP'],
  [null, 9000, 'SCTP'],
  ['metrics', 9095, 'TCP'],
];

const FLOW_PORTS: readonly FlowPort[] = [
  { port: 80, protocol: 'TCP' },
  { port: 8080, protocol: 'TCP' },
  { port: 5000, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
  { port: 3306, protocol: 'TCP' },
  { port: 9000, protocol: 'SCTP' },
  { port: 9095, protocol: 'TCP' },
];

// Outside peers: a node's InternalIP, the internet, an unused pod-CIDR address, a backup host,
// IPv6, and the first default-CIDR pod address (an outside endpoint sharing a pod's IP).
const OUTSIDE_IPS = [
  '192.168.1.10',
  '203.0.113.7',
  '10.1.0.200',
  '192.168.5.10',
  '2001:db8::1',
  '10.244.0.2',
];

const IP_BLOCKS: readonly { cidr: string; except: readonly string[] }[] = [
  { cidr: '10.1.0.0/16', except: ['10.1.2.0/24', '10.1.0.2/32'] },
  { cidr: '10.1.0.0/24', except: ['10.1.0.3/32'] },
  { cidr: '192.168.0.0/16', except: ['192.168.1.0/24', '192.168.5.10/32'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.1.10/32'] },
  { cidr: '203.0.113.0/24', except: [] },
  { cidr: '2001:db8::/32', except: ['2001:db8::1/128'] },
  { cidr: '10.244.0.0/16', except: ['10.244.0.2/32'] },
  { cidr: '192.168.1.10/32', except: [] },
];

/** Drops undefined fields so the YAML shows exactly what was chosen. */
function clean(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(a, { nil: undefined, freq: 3 });

function labelsArb(
  pool: Record<string, readonly string[]>,
  maxKeys = 3,
): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(pool);
  return fc
    .tuple(
      fc.subarray(keys, { maxLength: Math.min(maxKeys, keys.length) }),
      fc.array(fc.nat(), { minLength: keys.length, maxLength: keys.length }),
    )
    .map(([chosen, picks]) =>
      Object.fromEntries(chosen.map((k) => [k, pool[k]![picks[keys.indexOf(k)]! % pool[k]!.length]!])),
    );
}

function expressionArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Json> {
  return fc.constantFrom(...Object.keys(pool)).chain((key) => {
    const values = [...pool[key]!, 'other'];
    return fc.oneof(
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom('In', 'NotIn'),
        values: fc.subarray(values, { minLength: 1 }),
      }),
      fc
        .record({
          key: fc.constant(key),
          operator: fc.constantFrom('Exists', 'DoesNotExist'),
          values: fc.constantFrom(undefined, []),
        })
        .map(clean),
    );
  });
}

function selectorArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Json> {
  return fc
    .record({
      matchLabels: maybe(labelsArb(pool, 2)),
      matchExpressions: maybe(fc.array(expressionArb(pool), { maxLength: 2 })),
    })
    .map(clean);
}

const peerArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ podSelector: selectorArb(POD_SELECTOR_KEYS) }),
  fc.record({ namespaceSelector: selectorArb(NS_SELECTOR_KEYS) }),
  fc.record({
    namespaceSelector: selectorArb(NS_SELECTOR_KEYS),
    podSelector: selectorArb(POD_SELECTOR_KEYS),
  }),
  fc
    .tuple(fc.constantFrom(...IP_BLOCKS), fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }))
    .map(([b, keep]) => {
      const except = b.except.filter((_, i) => keep[i]);
      return { ipBlock: except.length ? { cidr: b.cidr, except } : { cidr: b.cidr } };
    }),
);

const protocolArb = maybe(fc.constantFrom('TCP', 'UDP', 'SCTP'));

const policyPortArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ port: fc.constantFrom(80, 8080, 5000, 53, 3306, 9000), protocol: protocolArb }).map(clean),
  fc
    .record({
      port: fc.constantFrom('http', 'api', 'dns', 'dnstcp', 'mysql', 'metrics', 'nope'),
      protocol: protocolArb,
    })
    .map(clean),
  fc
    .record({
      range: fc.constantFrom([80, 8080], [5000, 5000], [50, 60], [9000, 9100], [3000, 6000]),
      protocol: protocolArb,
    })
    .map(({ range, protocol }) => clean({ port: range[0], endPort: range[1], protocol })),
  fc.record({ protocol: protocolArb }).map(clean), // protocol only (or `{}`): every port
);

function ruleArb(peerField: 'from' | 'to'): fc.Arbitrary<Json> {
  return fc
    .record({
      peers: maybe(fc.array(peerArb, { maxLength: 3 })),
      ports: maybe(fc.array(policyPortArb, { maxLength: 3 })),
    })
    .map(({ peers, ports }) => clean({ [peerField]: peers, ports }));
}

const policySpecArb: fc.Arbitrary<Json> = fc
  .record({
    podSelector: maybe(selectorArb(POD_SELECTOR_KEYS)),
    policyTypes: fc.constantFrom(
      undefined,
      ['Ingress'],
      ['Egress'],
      ['Ingress', 'Egress'],
      ['Egress', 'Ingress'],
    ),
    ingress: maybe(fc.array(ruleArb('from'), { maxLength: 3 })),
    egress: maybe(fc.array(ruleArb('to'), { maxLength: 3 })),
  })
  .map((s) => clean({ ...s, podSelector: s.podSelector ?? {} }));

const podArb = fc.record({
  namespace: fc.constantFrom(...NS_NAMES, 'default'),
  labels: labelsArb(POD_LABELS),
  node: fc.constantFrom(undefined, 'n0', 'n0', 'n1', 'n2'),
  hostNetwork: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  ports: fc.subarray([...CONTAINER_PORTS], { maxLength: 3 }),
});

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    namespaces: fc
      .subarray([...NS_NAMES])
      .chain((names) => fc.tuple(...names.map((n) => labelsArb(NS_LABELS).map((l) => ns(n, l))))),
    pods: fc.array(podArb, { minLength: 1, maxLength: 8 }),
    policies: fc.array(fc.tuple(fc.constantFrom(...NS_NAMES), policySpecArb), { maxLength: 5 }),
    outside: fc.subarray(OUTSIDE_IPS, { maxLength: 3 }),
    ports: fc.subarray([...FLOW_PORTS], { minLength: 1, maxLength: 3 }),
  })
  .map(({ namespaces, pods, policies, outside, ports }) => ({
    namespaces,
    pods: pods.map((p, i) => {
      const seen = new Set<string | null>();
      const unique = p.ports.filter(([name]) => name === null || (!seen.has(name) && seen.add(name)));
      return pod(`${p.namespace}/p${i}`, p.labels, {
        ...(p.node ? { node: p.node } : {}),
        hostNetwork: p.hostNetwork && p.node !== undefined,
        ports: unique,
      });
    }),
    policies: policies.map(([namespace, spec], i) => policy(`${namespace}/pol${i}`, spec)),
    outside,
    ports,
  }));

// ---------------------------------------------------------------------------------------------
// Running a scenario

const manifestsOf = (s: Scenario): Manifest[] => [...s.namespaces, ...NODES, ...s.pods, ...s.policies];

function describeScenario(s: Scenario): string {
  const ports = s.ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
  return `--- scenario (outside: [${s.outside.join(', ')}], ports: [${ports}]) ---\n${toYaml(manifestsOf(s))}`;
}

interface Loaded {
  readonly cluster: Cluster;
  readonly endpoints: Endpoint[];
  readonly matrix: FlowMatrix;
}

function load(s: Scenario): Loaded {
  const cluster = loadManifests(manifestsOf(s));
  const endpoints = buildEndpoints(cluster, s.outside);
  return { cluster, endpoints, matrix: computeFlowMatrix(cluster.policies, endpoints, s.ports) };
}

const portText = (p: FlowPort): string => `${p.port}/${p.protocol}`;

/** Every cell of the matrix as one comparable line. */
function matrixCells(l: Loaded): string[] {
  const out: string[] = [];
  l.matrix.ports.forEach((p, pi) => {
    l.endpoints.forEach((from, s) => {
      l.endpoints.forEach((to, d) => {
        const v = flowVerdict(l.matrix, s, d, pi);
        out.push(
          `${from.key} -> ${to.key} ${portText(p)}: ${v.allowed ? 'allowed' : 'denied'}; egress ${v.egress.verdict} [${v.egress.policies.join(' ')}]; ingress ${v.ingress.verdict} [${v.ingress.policies.join(' ')}]`,
        );
      });
    });
  });
  return out;
}

/** The same lines from the one-flow explainer. */
function explainedCells(l: Loaded): string[] {
  const out: string[] = [];
  l.matrix.ports.forEach((p) => {
    l.endpoints.forEach((from) => {
      l.endpoints.forEach((to) => {
        const x = evaluateFlow(l.cluster.policies, from, to, p);
        out.push(
          `${from.key} -> ${to.key} ${portText(p)}: ${x.allowed ? 'allowed' : 'denied'}; egress ${x.egress.verdict} [${x.egress.policies.join(' ')}]; ingress ${x.ingress.verdict} [${x.ingress.policies.join(' ')}]`,
        );
      });
    });
  });
  return out;
}

/** Lines of `a` that differ from `b` at the same index, as "got / want" pairs. */
function diff(a: readonly string[], b: readonly string[], labelA: string, labelB: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push(`${labelA}: ${a[i]}\n${labelB}: ${b[i]}`);
  }
  return out;
}

/** Runs a check, attaching the scenario YAML to any failure so the counterexample is readable. */
function withScenario(s: Scenario, check: () => void): void {
  try {
    check();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${message}\n${describeScenario(s)}`, { cause: e });
  }
}

function expectNoDiff(lines: string[], what: string): void {
  if (lines.length > 0)
    throw new Error(`${what}: ${lines.length} cell(s) differ, first:\n${lines.slice(0, 3).join('\n')}`);
}

/** PROPERTY_RUNS_SCALE=20 npx vitest run … searches longer (the default keeps the file under ~10 s). */
const SCALE = Math.max(1, Number(process.env.PROPERTY_RUNS_SCALE ?? 1) || 1);
const RUNS = { numRuns: 150 * SCALE } as const;
/** Per test; the default runs take 0.5–2 s each. */
const TIMEOUT = 30_000 * SCALE;

// ---------------------------------------------------------------------------------------------

describe('flow matrix properties', () => {
  it(
    'generated scenarios load without errors',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => withScenario(s, () => void load(s))),
        { numRuns: 100 * SCALE },
      );
    },
    TIMEOUT,
  );

  it(
    '(a) every matrix cell equals evaluateFlow (allowed, both verdicts, both policy lists)',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) =>
          withScenario(s, () => {
            const l = load(s);
            expectNoDiff(
              diff(matrixCells(l), explainedCells(l), 'flowVerdict ', 'evaluateFlow'),
              'matrix vs evaluateFlow',
            );
          }),
        ),
        { numRuns: 300 * SCALE },
      );
    },
    TIMEOUT,
  );

  it(
    '(b) policy order never changes a verdict',
    () => {
      fc.assert(
        fc.property(
          scenarioArb,
          fc.array(fc.double({ noNaN: true }), { minLength: 5, maxLength: 5 }),
          (s, keys) => {
            const order = s.policies.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
            const shuffled: Scenario = { ...s, policies: order.map((i) => s.policies[i]!) };
            withScenario(shuffled, () => {
              const [a, b] = [load(shuffled), load(s)];
              expectNoDiff(diff(matrixCells(a), matrixCells(b), 'shuffled', 'original'), 'shuffled policies');
              expectNoDiff(
                diff(explainedCells(a), explainedCells(b), 'shuffled', 'original'),
                'shuffled policies (evaluateFlow)',
              );
            });
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '(c) appending an allow rule to a policy of that type never turns an allowed flow into denied',
    () => {
      fc.assert(
        fc.property(
          scenarioArb,
          fc.nat(),
          fc.constantFrom('Ingress', 'Egress'),
          ruleArb('from'),
          (s, pick, type, ingressRule) => {
            const before = load(s);
            const eligible = before.cluster.policies.flatMap((p, i) =>
              p.policyTypes.includes(type) ? [i] : [],
            );
            if (eligible.length === 0) return;
            const index = eligible[pick % eligible.length]!;
            const field = type === 'Ingress' ? 'ingress' : 'egress';
            const { from, ...rest } = ingressRule;
            const rule = type === 'Ingress' ? ingressRule : clean({ ...rest, to: from });
            const target = s.policies[index]!;
            const spec = target.spec as Json;
            const grown = {
              ...target,
              spec: { ...spec, [field]: [...((spec[field] as Json[] | undefined) ?? []), rule] },
            };
            const after: Scenario = { ...s, policies: s.policies.map((p, i) => (i === index ? grown : p)) };
            withScenario(after, () => {
              const a = load(after);
              const lost: string[] = [];
              before.matrix.ports.forEach((p, pi) => {
                before.endpoints.forEach((from, si) => {
                  before.endpoints.forEach((to, di) => {
                    if (before.matrix.allowed[pi]![si]!.has(di) && !a.matrix.allowed[pi]![si]!.has(di))
                      lost.push(`${from.key} -> ${to.key} ${portText(p)}`);
                  });
                });
              });
              if (lost.length)
                throw new Error(
                  `adding a ${field} rule to ${(target.metadata as Json).namespace}/${(target.metadata as Json).name} denied: ${lost.slice(0, 3).join('; ')}`,
                );
            });
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '(d) a policy with policyTypes [Ingress] and no rules isolates the pods it selects',
    () => {
      fc.assert(
        fc.property(scenarioArb, fc.nat(), fc.nat(), (s, pick, keyMask) => {
          const base = load(s);
          const candidates = base.endpoints.filter(isPolicyPod);
          if (candidates.length === 0) return;
          const target = candidates[pick % candidates.length]!;
          // The only ingress policy selecting the target must be the isolating one: drop the others.
          const kept = s.policies.filter((_, i) => {
            const p = base.cluster.policies[i]!;
            return !(p.policyTypes.includes('Ingress') && policySelects(p, target));
          });
          const keys = Object.keys(target.pod.labels).filter((_, i) => (keyMask >> i) & 1);
          const isolate = policy(`${target.pod.namespace}/zz-isolate`, {
            podSelector: { matchLabels: Object.fromEntries(keys.map((k) => [k, target.pod.labels[k]!])) },
            policyTypes: ['Ingress'],
          });
          const isolated: Scenario = { ...s, policies: [...kept, isolate] };
          withScenario(isolated, () => {
            const l = load(isolated);
            const t = l.endpoints.findIndex((e) => e.key === target.key);
            const leaks: string[] = [];
            l.matrix.ports.forEach((p, pi) => {
              l.endpoints.forEach((from, si) => {
                if (si === t || alwaysAllowed(from, l.endpoints[t]!)) return;
                const v = flowVerdict(l.matrix, si, t, pi);
                const x = evaluateFlow(l.cluster.policies, from, l.endpoints[t]!, p);
                if (v.allowed || v.ingress.verdict !== 'deny' || x.allowed || x.ingress.verdict !== 'deny') {
                  leaks.push(
                    `${from.key} -> ${target.key} ${portText(p)}: matrix ${v.allowed}/${v.ingress.verdict}, evaluateFlow ${x.allowed}/${x.ingress.verdict}`,
                  );
                }
              });
            });
            if (leaks.length)
              throw new Error(`isolated pod ${target.key} is reachable: ${leaks.slice(0, 3).join('; ')}`);
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '(e) matchLabels {k: v} is the same as matchExpressions [{key: k, operator: In, values: [v]}]',
    () => {
      const rewrite = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(rewrite);
        if (typeof v !== 'object' || v === null) return v;
        const out: Json = {};
        for (const [k, child] of Object.entries(v as Json)) {
          if (
            (k === 'podSelector' || k === 'namespaceSelector') &&
            typeof child === 'object' &&
            child !== null
          ) {
            const { matchLabels, matchExpressions, ...rest } = child as {
              matchLabels?: Record<string, string>;
              matchExpressions?: Json[];
            };
            const converted = Object.entries(matchLabels ?? {}).map(([key, value]) => ({
              key,
              operator: 'In',
              values: [value],
            }));
            const all = [...converted, ...(matchExpressions ?? [])];
            out[k] = { ...rest, ...(all.length ? { matchExpressions: all } : {}) };
          } else out[k] = rewrite(child);
        }
        return out;
      };
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const rewritten: Scenario = {
            ...s,
            policies: s.policies.map((p) => ({ ...p, spec: rewrite(p.spec) })),
          };
          withScenario(rewritten, () => {
            expectNoDiff(
              diff(
                matrixCells(load(rewritten)),
                matrixCells(load(s)),
                'matchExpressions',
                'matchLabels     ',
              ),
              'matchLabels → In',
            );
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '(f) a pod to itself is always allowed; the JSON never lists outside → outside',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) =>
          withScenario(s, () => {
            const l = load(s);
            l.matrix.ports.forEach((p, pi) => {
              l.endpoints.forEach((e, i) => {
                if (e.kind !== 'pod') return;
                expect(
                  flowVerdict(l.matrix, i, i, pi).allowed,
                  `${e.key} -> itself ${portText(p)} (matrix)`,
                ).toBe(true);
                expect(
                  evaluateFlow(l.cluster.policies, e, e, p).allowed,
                  `${e.key} -> itself ${portText(p)} (evaluateFlow)`,
                ).toBe(true);
              });
            });
            const json = JSON.parse(matrixJson(l.matrix)) as { flows: { from: string; to: string }[] };
            const outside = new Set(l.endpoints.filter((e) => e.kind === 'external').map((e) => e.key));
            expect(json.flows.filter((f) => outside.has(f.from) && outside.has(f.to))).toEqual([]);
            expect(json.flows.length).toBe(s.ports.length * (l.endpoints.length ** 2 - outside.size ** 2));
          }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '(g) without policies every flow is allowed and both sides are unrestricted',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const open: Scenario = { ...s, policies: [] };
          withScenario(open, () => {
            const l = load(open);
            const want = explainedCells(l).map((line) =>
              line.replace(/: .*$/, ': allowed; egress unrestricted []; ingress unrestricted []'),
            );
            expectNoDiff(diff(matrixCells(l), want, 'flowVerdict ', 'expected    '), 'no policies (matrix)');
            expectNoDiff(
              diff(explainedCells(l), want, 'evaluateFlow', 'expected    '),
              'no policies (evaluateFlow)',
            );
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

// Peer classes are exact, checked both ways on random scenarios: (1) any concrete pod, namespace,
// address and port added to a scenario gets the verdicts its class predicts; (2) every class's
// witness, written out as real objects and loaded, gets the verdicts of its class (and is mapped
// back to its own class). Verdicts leave out what NetworkPolicy never blocks (self, own node).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
import { inRange, ipValue } from './address-space';
import { compareReach } from './compare-reach';
import { classReach, type ClassReach } from './class-reach';
import { alwaysAllowed, buildEndpoints, type Endpoint } from './endpoints';
import { evaluateFlow } from './evaluate-flow';
import { computeFlowMatrix, egressRowOf, ingressColumnOf, sideAllows } from './flow-matrix';
import type { FlowPort } from './match';
import { buildPeerUniverse, flowClassOf, NAME_LABEL, type PeerUniverse } from './peer-classes';
import { parseIp } from '../lib/ip';

type Json = Record<string, unknown>;

const NS_NAMES = ['alpha', 'beta', 'gamma'] as const;
const NEW_NS = ['delta', 'epsilon', 'default'] as const;
const POD_LABELS: Record<string, readonly string[]> = { app: ['web', 'api', 'db'], tier: ['fe', 'be'] };
const NS_LABELS: Record<string, readonly string[]> = { team: ['red', 'blue'], env: ['prod', 'dev'] };
const POD_KEYS = { ...POD_LABELS, zone: ['a'] };
const NS_KEYS = { ...NS_LABELS, [NAME_LABEL]: [...NS_NAMES, 'delta'] };

const NODES = [
  node('n0', '192.168.1.10', '10.1.0.0/24'),
  node('n1', '192.168.1.11'),
  node('n2', undefined, '10.1.2.0/24'),
];
const CONTAINER_PORTS: readonly PortSpec[] = [
  ['http', 80, 'TCP'],
  ['http', 8080, 'TCP'],
  ['api', 5000, 'TCP'],
  ['dns', 53, 'UDP'],
  ['mysql', 3306, 'TCP'],
  ['metrics', 9095, 'TCP'],
];
const IP_BLOCKS = [
  { cidr: '10.1.0.0/16', except: ['10.1.2.0/24', '10.1.0.2/32'] },
  { cidr: '192.168.0.0/16', except: ['192.168.1.0/24', '192.168.5.10/32'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.1.10/32'] },
  { cidr: '10.244.0.0/16', except: ['10.244.0.2/32'] },
  { cidr: '2001:db8::/32', except: ['2001:db8::1/128'] },
];
const FLOW_PORTS: readonly FlowPort[] = [
  { port: 1, protocol: 'TCP' },
  { port: 79, protocol: 'TCP' },
  { port: 80, protocol: 'TCP' },
  { port: 81, protocol: 'TCP' },
  { port: 5000, protocol: 'TCP' },
  { port: 8080, protocol: 'TCP' },
  { port: 3306, protocol: 'TCP' },
  { port: 9095, protocol: 'TCP' },
  { port: 65535, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 54, protocol: 'UDP' },
  { port: 9000, protocol: 'SCTP' },
];
const POD_IPS = ['10.1.0.7', '10.1.0.2', '10.1.2.9', '10.244.0.2', '10.244.0.9', '10.244.7.7'];
const OUTSIDE_IPS = [
  '192.168.1.10',
  '203.0.113.7',
  '10.1.0.200',
  '192.168.5.10',
  '192.168.9.9',
  '2001:db8::1',
  '2001:db8::7',
  '10.0.0.1',
];

const clean = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(a, { nil: undefined, freq: 3 });

function labelsArb(
  pool: Record<string, readonly string[]>,
  maxKeys = 2,
): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(pool);
  return fc
    .tuple(
      fc.subarray(keys, { maxLength: maxKeys }),
      fc.array(fc.nat(), { minLength: keys.length, maxLength: keys.length }),
    )
    .map(([chosen, picks]) =>
      Object.fromEntries(chosen.map((k) => [k, pool[k]![picks[keys.indexOf(k)]! % pool[k]!.length]!])),
    );
}

function selectorArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Json> {
  const expr = fc.constantFrom(...Object.keys(pool)).chain((key) =>
    fc.oneof(
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom('In', 'NotIn'),
        values: fc.subarray([...pool[key]!, 'other'], { minLength: 1 }),
      }),
      fc.record({ key: fc.constant(key), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
    ),
  );
  return fc
    .record({
      matchLabels: maybe(labelsArb(pool, 1)),
      matchExpressions: maybe(fc.array(expr, { maxLength: 2 })),
    })
    .map(clean);
}

const peerArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ podSelector: selectorArb(POD_KEYS) }),
  fc.record({ namespaceSelector: selectorArb(NS_KEYS) }),
  fc.record({ namespaceSelector: selectorArb(NS_KEYS), podSelector: selectorArb(POD_KEYS) }),
  { arbitrary: fc.constantFrom(...IP_BLOCKS).map((b) => ({ ipBlock: b })), weight: 2 },
);
const portArb: fc.Arbitrary<Json> = fc.oneof(
  fc
    .record({ port: fc.constantFrom(80, 8080, 53, 3306), protocol: maybe(fc.constantFrom('TCP', 'UDP')) })
    .map(clean),
  fc
    .record({
      port: fc.constantFrom('http', 'api', 'dns', 'mysql', 'nope'),
      protocol: maybe(fc.constantFrom('TCP', 'UDP')),
    })
    .map(clean),
  fc.constantFrom(
    { port: 80, endPort: 8080 },
    { port: 50, endPort: 60 },
    { port: 3000, endPort: 6000, protocol: 'TCP' },
  ),
  fc.constantFrom({ protocol: 'UDP' }, { protocol: 'SCTP' }),
);
const ruleArb = (field: 'from' | 'to'): fc.Arbitrary<Json> =>
  fc
    .record({
      peers: maybe(fc.array(peerArb, { maxLength: 2 })),
      ports: maybe(fc.array(portArb, { maxLength: 2 })),
    })
    .map(({ peers, ports }) => clean({ [field]: peers, ports }));
const specArb: fc.Arbitrary<Json> = fc
  .record({
    podSelector: maybe(selectorArb(POD_KEYS)),
    policyTypes: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
    ingress: maybe(fc.array(ruleArb('from'), { maxLength: 2 })),
    egress: maybe(fc.array(ruleArb('to'), { maxLength: 2 })),
  })
  .map((s) => clean({ ...s, podSelector: s.podSelector ?? {} }));

const scenarioArb: fc.Arbitrary<Manifest[]> = fc
  .record({
    namespaces: fc
      .subarray([...NS_NAMES])
      .chain((names) => fc.tuple(...names.map((n) => labelsArb(NS_LABELS).map((l) => ns(n, l))))),
    pods: fc.array(
      fc.record({
        namespace: fc.constantFrom(...NS_NAMES, 'default'),
        labels: labelsArb(POD_LABELS),
        node: fc.constantFrom(undefined, 'n0', 'n1', 'n2'),
        hostNetwork: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
        ports: fc.subarray([...CONTAINER_PORTS], { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    policies: fc.array(fc.tuple(fc.constantFrom(...NS_NAMES), specArb), { maxLength: 4 }),
  })
  .map(({ namespaces, pods, policies }) => [
    ...namespaces,
    ...NODES,
    ...pods.map((p, i) => {
      const names = new Set<string | null>();
      const ports = p.ports.filter(([n]) => n === null || (!names.has(n) && names.add(n)));
      return pod(`${p.namespace}/p${i}`, p.labels, {
        ...(p.node ? { node: p.node } : {}),
        hostNetwork: p.hostNetwork && p.node !== undefined,
        ports,
      });
    }),
    ...policies.map(([n, spec], i) => policy(`${n}/pol${i}`, spec)),
  ]);

const probeArb = fc.oneof(
  fc.record({
    kind: fc.constant('pod' as const),
    namespace: fc.constantFrom(...NS_NAMES, ...NEW_NS),
    nsLabels: labelsArb(NS_LABELS),
    labels: labelsArb(POD_KEYS, 3),
    ip: fc.constantFrom(...POD_IPS),
    ports: fc.subarray([...CONTAINER_PORTS], { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('address' as const), ip: fc.constantFrom(...OUTSIDE_IPS) }),
);

const external = (name: string, ip: string): Manifest => ({
  apiVersion: 'netlab.dev/v1',
  kind: 'ExternalEndpoint',
  metadata: { name },
  spec: { ip },
});

/** Every pair with `probe` on one side (or every pair when no probe), compared with the classes. */
function mismatches(
  u: PeerUniverse,
  reach: ClassReach,
  loaded: Cluster,
  endpoints: Endpoint[],
  focus: (e: Endpoint) => boolean,
): string[] {
  const out: string[] = [];
  for (const x of endpoints)
    for (const y of endpoints) {
      if (!focus(x) && !focus(y)) continue;
      if (alwaysAllowed(x, y) || (x.kind === 'external' && y.kind === 'external')) continue;
      for (const port of FLOW_PORTS) {
        const f = flowClassOf(u, x, y, port);
        if (!f) {
          out.push(`${x.key} → ${y.key}: no class`);
          continue;
        }
        const concrete = evaluateFlow(loaded.policies, x, y, port).allowed;
        const predicted = reach.allows(f.from, f.to, f.port);
        if (concrete !== predicted)
          out.push(
            `${x.key} → ${y.key} ${port.port}/${port.protocol}: concrete ${concrete}, class ${predicted}`,
          );
      }
    }
  return out;
}

const RUNS = { numRuns: 100 };
/** The runs take a few seconds on a shared machine. */
const TIMEOUT = 60_000;

describe('peer classes predict every concrete peer', () => {
  it(
    'a pod or address added to the scenario gets the verdicts of its class',
    () => {
      fc.assert(
        fc.property(scenarioArb, probeArb, (manifests, probe) => {
          const base = loadManifests(manifests);
          const u = buildPeerUniverse([base]);
          const reach = classReach(u, 0, base);
          const ip = parseIp(probe.ip)!;
          if (probe.kind === 'pod' && !u.podNetwork.some((r) => inRange(r, ip.family, ipValue(ip)))) return;
          const extra: Manifest[] =
            probe.kind === 'address'
              ? [external('probe', probe.ip)]
              : [
                  ...(base.namespaces.has(probe.namespace) ? [] : [ns(probe.namespace, probe.nsLabels)]),
                  pod(`${probe.namespace}/probe`, probe.labels, { ip: probe.ip, ports: dedupe(probe.ports) }),
                ];
          // A probe may take an address a pod already holds: allowed here, an error anywhere else.
          const loaded = loadManifests([...manifests, ...extra], 'generated.yaml', ['duplicate-ip']);
          const endpoints = buildEndpoints(
            loaded,
            loaded.externals.map((x) => x.ip.key),
          );
          const isProbe = (e: Endpoint): boolean =>
            probe.kind === 'address'
              ? e.kind === 'external' && e.ip.key === ip.key
              : e.key === `${probe.namespace}/probe`;
          const bad = mismatches(u, reach, loaded, endpoints, isProbe);
          expect(bad, `${toYaml([...manifests, ...extra])}`).toEqual([]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "every class's witness, loaded as real objects, gets its class's verdicts and maps back to it",
    () => {
      fc.assert(
        fc.property(scenarioArb, (manifests) => {
          const base = loadManifests(manifests);
          const u = buildPeerUniverse([base]);
          const reach = classReach(u, 0, base);
          // Two possible namespaces of the same name cannot exist at once: one round each.
          for (const extra of materialize(u, base)) {
            // Witnesses of one address class share its witness address: allowed here, an error anywhere else.
            const loaded = loadManifests([...manifests, ...extra], 'generated.yaml', ['duplicate-ip']);
            const endpoints = buildEndpoints(
              loaded,
              loaded.externals.map((x) => x.ip.key),
            );
            const isWitness = (e: Endpoint): boolean => e.kind === 'external' || e.key.includes('/w-');
            for (const e of endpoints) {
              const m = /\/w-(\d+)$/.exec(e.key);
              if (m) expect(flowClassOf(u, e, e, u.flowPorts[0]!)?.from, e.key).toBe(Number(m[1]));
            }
            expect(
              mismatches(u, reach, loaded, endpoints, isWitness),
              toYaml([...manifests, ...extra]),
            ).toEqual([]);
          }
        }),
        { numRuns: 40 },
      );
    },
    TIMEOUT,
  );
});

describe('comparing two scenarios', () => {
  it(
    'compareReach finds exactly the flows a walk over every class pair finds',
    () => {
      const policiesArb = fc.array(fc.tuple(fc.constantFrom(...NS_NAMES), specArb), { maxLength: 3 });
      fc.assert(
        fc.property(scenarioArb, policiesArb, (manifests, extra) => {
          const a = loadManifests(manifests);
          const others = [
            ...manifests.filter((m) => m.kind !== 'NetworkPolicy'),
            ...extra.map(([n, spec], i) => policy(`${n}/pol${i}`, spec)),
          ];
          const b = loadManifests(others);
          const c = compareReach(a, b);
          const u = c.universe;
          const got = new Set(c.differences.map((d) => `${d.from}>${d.to}@${d.port}:${d.extra}`));
          const want = new Set<string>();
          const sources = [...u.pods.map((p) => p.index), ...u.outside.map((o) => o.index)];
          const targets = [
            ...sources.flatMap((d) => u.flowPorts.map((_, pi) => [d, pi] as const)),
            ...u.named.map((k) => [k.index, k.port] as const),
          ];
          for (const s of sources)
            for (const [d, pi] of targets) {
              const x = c.actual.allows(s, d, pi);
              if (x !== c.expected.allows(s, d, pi)) want.add(`${s}>${d}@${pi}:${x}`);
            }
          expect([...got].sort(), toYaml(others)).toEqual([...want].sort());
        }),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});

describe('one row, column or cell without the matrix', () => {
  it(
    'egressRowOf, ingressColumnOf and sideAllows read what computeFlowMatrix computes',
    () => {
      fc.assert(
        fc.property(scenarioArb, (manifests) => {
          const c = loadManifests(manifests);
          const endpoints = buildEndpoints(c, ['203.0.113.7', '192.168.1.10']);
          const m = computeFlowMatrix(c.policies, endpoints, FLOW_PORTS);
          const bad: string[] = [];
          FLOW_PORTS.forEach((_, pi) => {
            endpoints.forEach((_, s) => {
              const row = egressRowOf(m.compiled, s, pi);
              endpoints.forEach((_, d) => {
                const e = m.egress[pi]![s]!.has(d);
                const i = m.ingress[pi]![s]!.has(d);
                if (row.has(d) !== e || sideAllows(m.compiled, 'egress', s, d, pi) !== e)
                  bad.push(`egress ${s}→${d} ${pi}`);
                if (
                  ingressColumnOf(m.compiled, d, pi).has(s) !== i ||
                  sideAllows(m.compiled, 'ingress', s, d, pi) !== i
                )
                  bad.push(`ingress ${s}→${d} ${pi}`);
              });
            });
          });
          expect(bad, toYaml(manifests)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});

function dedupe(ports: readonly PortSpec[]): PortSpec[] {
  const names = new Set<string | null>();
  return ports.filter(([n]) => n === null || (!names.has(n) && names.add(n)));
}

/** The witnesses as manifests, in rounds: new namespaces (fresh ones renamed apart), pods, outside machines. */
function materialize(u: PeerUniverse, base: Cluster): Manifest[][] {
  const rounds: { names: Set<string>; out: Manifest[] }[] = [];
  const roundFor = (name: string): Manifest[] => {
    let r = rounds.find((x) => !x.names.has(name));
    if (!r) rounds.push((r = { names: new Set(), out: [] }));
    r.names.add(name);
    return r.out;
  };
  const first = (): Manifest[] => (rounds[0] ??= { names: new Set(), out: [] }).out;
  for (const n of u.namespaces) {
    const pods = u.pods.filter((p) => p.namespace === n);
    if (n.existing) {
      const out = first();
      if (!base.namespaces.has(n.name)) out.push(ns(n.name));
      for (const p of pods)
        out.push(pod(`${n.name}/w-${p.index}`, { ...p.labels.witness }, { ip: p.address.witness.key }));
      continue;
    }
    const fresh = n.choices.find((k) => k.key === NAME_LABEL)?.values.length === 0;
    const name = fresh ? `zz-new-${n.index}` : n.name;
    const out = roundFor(name);
    out.push(ns(name, Object.fromEntries(Object.entries(n.labels).filter(([k]) => k !== NAME_LABEL))));
    for (const p of pods)
      out.push(pod(`${name}/w-${p.index}`, { ...p.labels.witness }, { ip: p.address.witness.key }));
  }
  u.outside.forEach((o, i) => {
    if (!base.externals.some((x) => x.ip.key === o.witness.key))
      first().push(external(`x-${i}`, o.witness.key));
  });
  return rounds.map((r) => r.out);
}

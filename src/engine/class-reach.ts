// One scenario's policies evaluated on a peer universe's witnesses: the engine's compiled rules
// (compilePolicies) over the witness endpoints and port classes, read one row, column or cell at
// a time. Verdicts are policy verdicts only: the always-allowed pairs (a pod and its own node)
// depend on where a pod runs, which no class fixes; alwaysReach() adds them for concrete pairs.
import type { BitSet } from '../lib/bitset';
import type { Cluster, NetworkPolicy } from '../k8s/types';
import { compilePolicies, type CompiledPolicies, type CompiledPolicy } from './compile';
import { alwaysAllowed, type Endpoint } from './endpoints';
import { egressRowOf, ingressColumnOf, sideAllows } from './flow-matrix';
import { namedClassAt, policyFingerprint, type PeerUniverse } from './peer-classes';

export interface ClassReach {
  readonly universe: PeerUniverse;
  readonly cluster: Cluster;
  readonly endpoints: readonly Endpoint[];
  readonly compiled: CompiledPolicies;
  /** Destinations (pod and address classes, not named-port ones) the source's egress side allows on `pi`. */
  egress(source: number, pi: number): BitSet;
  /** Sources (pod and address classes) the destination's ingress side admits on port class `pi`. */
  ingress(destination: number, pi: number): BitSet;
  /** One side of one flow. */
  side(side: 'egress' | 'ingress', source: number, destination: number, pi: number): boolean;
  /** Both sides: the policies let `source` reach `destination` on port class `pi`. */
  allows(source: number, destination: number, pi: number): boolean;
}

/**
 * Evaluates `cluster`'s policies (scenario number `index` of the universe) on the witnesses. The
 * rules are compiled over pods and addresses; a named-port class is its pod class to selectors
 * and ipBlocks, so only its port questions are asked of its own witness.
 */
export function classReach(
  universe: PeerUniverse,
  index: number,
  cluster: Cluster,
  precompiled?: CompiledPolicies,
): ClassReach {
  const endpoints = universe.endpoints[index]!;
  const compiled =
    precompiled ??
    compilePolicies(cluster.policies, endpoints.slice(0, compiledCount(universe)), universe.flowPorts);
  const rows = new Map<number, BitSet>();
  const columns = new Map<number, BitSet>();
  const ports = universe.flowPorts.length;
  /** A named-port class: its pod class's index, and its witness for the port questions. */
  const alias = (i: number): [number, Endpoint | undefined] => {
    const named = namedClassAt(universe, i);
    return named ? [named.base.index, endpoints[i]!] : [i, undefined];
  };
  const side = (which: 'egress' | 'ingress', s: number, d: number, pi: number): boolean => {
    const [dest, stand] = alias(d);
    return sideAllows(compiled, which, s, dest, pi, stand);
  };
  return {
    universe,
    cluster,
    endpoints,
    compiled,
    egress(s, pi) {
      const k = s * ports + pi;
      let row = rows.get(k);
      if (!row) rows.set(k, (row = egressRowOf(compiled, s, pi)));
      return row;
    },
    ingress(d, pi) {
      const k = d * ports + pi;
      let column = columns.get(k);
      if (!column) {
        const [dest, stand] = alias(d);
        columns.set(k, (column = ingressColumnOf(compiled, dest, pi, stand)));
      }
      return column;
    },
    side,
    allows: (s, d, pi) => side('egress', s, d, pi) && side('ingress', s, d, pi),
  };
}

const compiledCount = (u: PeerUniverse): number => u.pods.length + u.outside.length;

/**
 * The clusters' policies compiled once for all of them (a policy in several of them, the same
 * meaning, is compiled once): valid when every cluster's witnesses are the same endpoints, i.e.
 * the namespaces carry the same labels everywhere.
 */
export function compileShared(universe: PeerUniverse, clusters: readonly Cluster[]): CompiledPolicies[] {
  const unique = new Map<string, NetworkPolicy>();
  for (const c of clusters)
    for (const p of c.policies) if (!unique.has(policyFingerprint(p))) unique.set(policyFingerprint(p), p);
  const endpoints = universe.endpoints[0]!.slice(0, compiledCount(universe));
  const all = compilePolicies([...unique.values()], endpoints, universe.flowPorts);
  const byPrint = new Map([...unique.keys()].map((k, i) => [k, all.policies[i]!]));
  return clusters.map((c): CompiledPolicies => {
    const policies = c.policies.map((p) => ({ ...byPrint.get(policyFingerprint(p))!, policy: p }));
    const selecting: CompiledPolicy[][] = endpoints.map(() => []);
    for (const cp of policies) for (const i of cp.selected) selecting[i]!.push(cp);
    return { endpoints, ports: all.ports, policies, selecting };
  });
}

/** Concrete pairs NetworkPolicy never blocks (a pod to itself, a pod and its own node). */
export const alwaysReach = (from: Endpoint, to: Endpoint): boolean => alwaysAllowed(from, to) !== undefined;

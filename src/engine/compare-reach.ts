// Two scenarios compared over every peer either one's policies could meet: each flow (source
// class → destination class, port class) that one allows and the other denies. Only pods a
// changed policy selects can differ, so the walk starts from them (unless namespaces changed).
import { BitSet } from '../lib/bitset';
import type { Cluster, NetworkPolicy } from '../k8s/types';
import { keyOf } from '../k8s/types';
import { classReach, compileShared, type ClassReach } from './class-reach';
import { buildPeerUniverse, policyFingerprint, sameNamespaces, type PeerUniverse } from './peer-classes';

/** How the actual scenario must relate to the expected one. */
export type ReachRelation = 'equal' | 'at-most' | 'at-least';

export interface ReachDifference {
  /** Endpoint index of the source class (a pod class or an outside class). */
  readonly from: number;
  /** Endpoint index of the destination class (pod, named-port or outside class). */
  readonly to: number;
  /** Port class index. */
  readonly port: number;
  /** true: the actual scenario allows the flow and the expected one does not. */
  readonly extra: boolean;
  /** The side(s) whose verdict differs. */
  readonly egress: boolean;
  readonly ingress: boolean;
  /**
   * false: the flow itself is decided alike and only one side differs (compared with `eachSide`);
   * then `extra` says the actual scenario's side allows it.
   */
  readonly flow: boolean;
}

export interface CompareOptions {
  /** Compare each side's own verdict too: a side may not allow more (or less) even where the other side blocks the flow. */
  readonly eachSide?: boolean;
}

export interface ReachComparison {
  readonly universe: PeerUniverse;
  readonly actual: ClassReach;
  readonly expected: ClassReach;
  /** Every differing flow, extra ones and missing ones. */
  readonly differences: readonly ReachDifference[];
}

/** Policies of `a` that `b` does not have exactly (by namespace/name and meaning), and the reverse. */
function changedPolicies(a: Cluster, b: Cluster): NetworkPolicy[] {
  const prints = (c: Cluster): Map<string, string> =>
    new Map(c.policies.map((p) => [keyOf(p), policyFingerprint(p)]));
  const pa = prints(a);
  const pb = prints(b);
  return [
    ...a.policies.filter((p) => pb.get(keyOf(p)) !== pa.get(keyOf(p))),
    ...b.policies.filter((p) => pa.get(keyOf(p)) !== pb.get(keyOf(p))),
  ];
}

/** Compares `actual` with `expected` over the universe of both. */
export function compareReach(
  actual: Cluster,
  expected: Cluster,
  options: CompareOptions = {},
): ReachComparison {
  const universe = buildPeerUniverse([actual, expected]);
  const same = sameNamespaces([actual, expected]);
  const shared = same ? compileShared(universe, [actual, expected]) : [];
  const ra = classReach(universe, 0, actual, shared[0]);
  const rb = classReach(universe, 1, expected, shared[1]);
  const podCount = universe.pods.length;
  const compiledCount = podCount + universe.outside.length;

  // Which pod classes a changed policy selects, per direction.
  const sources = new Set<number>();
  const destinations = new Set<number>();
  if (same) {
    const changed = new Set(changedPolicies(actual, expected));
    for (const r of [ra, rb]) {
      for (const cp of r.compiled.policies) {
        if (!changed.has(cp.policy)) continue;
        for (const i of cp.selected) {
          if (i >= podCount) continue;
          if (cp.egress) sources.add(i);
          if (cp.ingress) destinations.add(i);
        }
      }
    }
  } else {
    for (let i = 0; i < podCount; i++) {
      sources.add(i);
      destinations.add(i);
    }
  }

  const differences: ReachDifference[] = [];
  const record = (s: number, d: number, pi: number): void => {
    const ea = ra.side('egress', s, d, pi);
    const eb = rb.side('egress', s, d, pi);
    const ia = ra.side('ingress', s, d, pi);
    const ib = rb.side('ingress', s, d, pi);
    const a = ea && ia;
    const b = eb && ib;
    if (a !== b)
      differences.push({
        from: s,
        to: d,
        port: pi,
        extra: a,
        egress: ea !== eb,
        ingress: ia !== ib,
        flow: true,
      });
    else if (options.eachSide) {
      const side = { from: s, to: d, port: pi, flow: false };
      if (ea !== eb) differences.push({ ...side, extra: ea, egress: true, ingress: false });
      if (ia !== ib) differences.push({ ...side, extra: ia, egress: false, ingress: true });
    }
  };
  const ports = universe.flowPorts.length;
  const changedDestination = new BitSet(compiledCount);
  for (const d of destinations) changedDestination.add(d);
  // A changed source: where its egress differs, and every destination whose ingress may differ too.
  for (const s of [...sources].sort((x, y) => x - y)) {
    for (let pi = 0; pi < ports; pi++) {
      const ea = ra.egress(s, pi);
      const eb = rb.egress(s, pi);
      const candidates = ea.clone().xor(eb).or(ea.clone().or(eb).and(changedDestination));
      for (const d of candidates) record(s, d, pi);
    }
    for (const k of universe.named) record(s, k.index, k.port);
  }
  // A changed destination and an unchanged source: only the ingress side can differ, so the flow
  // differs wherever the (same) egress side lets it out.
  const byIngress = (d: number, pi: number): void => {
    const ia = ra.ingress(d, pi);
    for (const s of ia.clone().xor(rb.ingress(d, pi))) {
      if (sources.has(s)) continue;
      const flow = ra.side('egress', s, d, pi);
      if (flow || options.eachSide)
        differences.push({ from: s, to: d, port: pi, extra: ia.has(s), egress: false, ingress: true, flow });
    }
  };
  for (const d of destinations) for (let pi = 0; pi < ports; pi++) byIngress(d, pi);
  for (const k of universe.named) if (destinations.has(k.base.index)) byIngress(k.index, k.port);
  return { universe, actual: ra, expected: rb, differences };
}

/** Whether the comparison holds for `relation`: no difference, no extra flow, or no missing flow. */
export function relationHolds(c: ReachComparison, relation: ReachRelation): boolean {
  if (relation === 'equal') return c.differences.length === 0;
  return !c.differences.some((d) => d.extra === (relation === 'at-most'));
}

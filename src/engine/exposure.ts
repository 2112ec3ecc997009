// Exposure: for each pod of a scenario, the peers the scenario does not have — pods of namespaces
// that do not exist yet, pods with labels no pod has today, outside addresses — that could reach
// it or that it could reach, by peer class and port (after np-guard's exposure analysis).
import type { Cluster } from '../k8s/types';
import { BitSet } from '../lib/bitset';
import { classReach } from './class-reach';
import type { ReachComparison, ReachDifference } from './compare-reach';
import { groupDifferences, type ReachGroup } from './describe-reach';
import { buildPeerUniverse } from './peer-classes';

export interface Exposure {
  /** The scenario's reach, as a comparison with itself whose "differences" are the exposed flows. */
  readonly comparison: ReachComparison;
  /** Per scenario pod and direction, the unseen peers sharing the same ports. */
  readonly groups: readonly ReachGroup[];
}

export function exposureOf(cluster: Cluster): Exposure {
  const universe = buildPeerUniverse([cluster]);
  const reach = classReach(universe, 0, cluster);
  const n = universe.pods.length + universe.outside.length;
  const unseen = new BitSet(n);
  for (const p of universe.pods) if (p.members.length === 0) unseen.add(p.index);
  for (const o of universe.outside) unseen.add(o.index);
  const flows: ReachDifference[] = [];
  const flow = (from: number, to: number, port: number, side: 'ingress' | 'egress'): void => {
    flows.push({
      from,
      to,
      port,
      extra: true,
      flow: true,
      ingress: side === 'ingress',
      egress: side === 'egress',
    });
  };
  const seen = universe.pods.filter((p) => p.members.length > 0);
  const ports = universe.flowPorts.length;
  for (const p of seen) {
    for (let pi = 0; pi < ports; pi++) {
      for (const s of reach.ingress(p.index, pi).clone().and(unseen))
        if (reach.side('egress', s, p.index, pi)) flow(s, p.index, pi, 'ingress');
      for (const d of reach.egress(p.index, pi).clone().and(unseen))
        if (reach.side('ingress', p.index, d, pi)) flow(p.index, d, pi, 'egress');
    }
  }
  // Named ports: a scenario pod as the destination, and unseen pods as destinations of its egress.
  for (const k of universe.named) {
    if (k.base.members.length > 0) {
      for (const s of reach.ingress(k.index, k.port).clone().and(unseen))
        if (reach.side('egress', s, k.index, k.port)) flow(s, k.index, k.port, 'ingress');
    } else {
      for (const p of seen)
        if (reach.allows(p.index, k.index, k.port)) flow(p.index, k.index, k.port, 'egress');
    }
  }
  const comparison: ReachComparison = { universe, actual: reach, expected: reach, differences: flows };
  return { comparison, groups: groupDifferences(comparison) };
}

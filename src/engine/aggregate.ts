// The matrix at the level people reason about: endpoints grouped by workload or by namespace (an
// outside address stays its own group), and for each pair of groups and port how many of the
// pod-to-pod flows are allowed — all, some or none. Counted from the pod matrix's bit rows.
import type { Cluster } from '../k8s/types';
import { BitSet } from '../lib/bitset';
import type { Endpoint } from './endpoints';
import type { FlowMatrix } from './flow-matrix';
import { workloadResolver } from './workloads';

export type GroupBy = 'pod' | 'workload' | 'namespace';

export interface EndpointGroup {
  /** Unique: a workload's key, a namespace's name, a pod's or an address's key. */
  readonly key: string;
  /** What people read: `ns/name`, a namespace, an address. */
  readonly label: string;
  /** Deployment, StatefulSet, …, `Namespace`, `Pod`, `External`. */
  readonly kind: string;
  readonly namespace?: string;
  /** Indexes into the endpoints, in endpoint order. */
  readonly members: readonly number[];
}

/** Groups in order of their first member. */
export function groupEndpoints(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  by: GroupBy,
): EndpointGroup[] {
  const workloadOf = workloadResolver(cluster);
  const groups = new Map<
    string,
    { key: string; label: string; kind: string; namespace?: string; members: number[] }
  >();
  endpoints.forEach((e, i) => {
    let g: { key: string; label: string; kind: string; namespace?: string };
    if (e.kind === 'external')
      g = { key: e.key, label: e.name ? `${e.key} (${e.name})` : e.key, kind: 'External' };
    else if (by === 'pod') g = { key: e.key, label: e.key, kind: 'Pod', namespace: e.pod.namespace };
    else if (by === 'namespace')
      g = { key: e.pod.namespace, label: e.pod.namespace, kind: 'Namespace', namespace: e.pod.namespace };
    else {
      const w = workloadOf(e.pod);
      g = { key: w.key, label: w.label, kind: w.kind, namespace: w.namespace };
    }
    const found = groups.get(g.key);
    if (found) found.members.push(i);
    else groups.set(g.key, { ...g, members: [i] });
  });
  return [...groups.values()];
}

export interface GroupCell {
  /** Allowed pod-to-pod flows between the two groups on this port. */
  readonly allowed: number;
  /** Every flow counted (outside → outside and a pod to itself are left out). */
  readonly total: number;
}

export type GroupVerdict = 'all' | 'some' | 'none' | 'n/a';

export const groupVerdict = (c: GroupCell): GroupVerdict =>
  c.total === 0 ? 'n/a' : c.allowed === c.total ? 'all' : c.allowed === 0 ? 'none' : 'some';

export interface GroupMatrix {
  readonly groups: readonly EndpointGroup[];
  readonly ports: FlowMatrix['ports'];
  /** [port][from group][to group] */
  readonly cells: readonly (readonly (readonly GroupCell[])[])[];
}

/** Counts each group pair's allowed flows from the matrix rows (a pod to itself is not counted). */
export function aggregateMatrix(m: FlowMatrix, groups: readonly EndpointGroup[]): GroupMatrix {
  const n = m.endpoints.length;
  const masks = groups.map((g) => {
    const b = new BitSet(n);
    for (const i of g.members) b.add(i);
    return b;
  });
  const cells = m.ports.map((_, pi) =>
    groups.map((from) =>
      groups.map((to, t): GroupCell => {
        let allowed = 0;
        let total = 0;
        for (const s of from.members) {
          const src = m.endpoints[s]!;
          const row = m.allowed[pi]![s]!;
          const mask = masks[t]!;
          for (let w = 0; w < mask.words.length; w++) allowed += popcount(row.words[w]! & mask.words[w]!);
          total += to.members.length;
          if (mask.has(s)) {
            // a pod to itself: always allowed, never interesting
            total--;
            if (row.has(s)) allowed--;
          }
          if (src.kind === 'external') {
            for (const d of to.members) {
              if (m.endpoints[d]!.kind === 'external' && d !== s) {
                total--;
                if (row.has(d)) allowed--;
              }
            }
          }
        }
        return { allowed, total };
      }),
    ),
  );
  return { groups, ports: m.ports, cells };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Endpoints limited to some namespaces (outside addresses are kept). */
export function inNamespaces(
  endpoints: readonly Endpoint[],
  namespaces: readonly string[] | undefined,
): Endpoint[] {
  if (!namespaces || namespaces.length === 0) return [...endpoints];
  const keep = new Set(namespaces);
  return endpoints.filter((e) => e.kind === 'external' || keep.has(e.pod.namespace));
}

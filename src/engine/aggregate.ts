// The matrix at the level people reason about: endpoints grouped by workload or by namespace (an
// outside address stays its own group), and for each pair of groups and port how many of the
// pod-to-pod flows are allowed — all, some or none. Counted from the pod matrix's bit rows.
import type { Cluster } from '../k8s/types';
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

/**
 * Counts each group pair's allowed flows from the matrix rows (a pod to itself and outside to
 * outside are not counted): each source row's set bits are tallied by their group, so the cost
 * grows with the allowed flows, not with groups² × pods.
 */
export function aggregateMatrix(m: FlowMatrix, groups: readonly EndpointGroup[]): GroupMatrix {
  const n = m.endpoints.length;
  const g = groups.length;
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((x, k) => {
    for (const i of x.members) groupOf[i] = k;
  });
  const outsideIn = groups.map((x) => x.members.filter((i) => m.endpoints[i]!.kind === 'external').length);
  const cells = m.ports.map((_, pi) => {
    const allowed = new Float64Array(g * g);
    const total = new Float64Array(g * g);
    groups.forEach((from, f) => {
      for (const s of from.members) {
        const outside = m.endpoints[s]!.kind === 'external';
        const row = m.allowed[pi]![s]!.words;
        for (let w = 0; w < row.length; w++) {
          let word = row[w]!;
          while (word !== 0) {
            const bit = word & -word;
            const d = w * 32 + (31 - Math.clz32(bit));
            word ^= bit;
            if (d >= n || d === s) continue;
            if (outside && m.endpoints[d]!.kind === 'external') continue;
            const t = groupOf[d]!;
            if (t >= 0) allowed[f * g + t]!++;
          }
        }
        for (let t = 0; t < g; t++) {
          let count = groups[t]!.members.length;
          if (groupOf[s] === t) count--;
          if (outside) count -= outsideIn[t]! - (groupOf[s] === t ? 1 : 0);
          total[f * g + t]! += count;
        }
      }
    });
    return groups.map((_, f) =>
      groups.map((_, t): GroupCell => ({ allowed: allowed[f * g + t]!, total: total[f * g + t]! })),
    );
  });
  return { groups, ports: m.ports, cells };
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

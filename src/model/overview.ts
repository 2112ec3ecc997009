// A cluster too big to draw pod by pod, summed up: its namespaces, and in each the workloads
// (pods of one app: the `app.kubernetes.io/name` or `app` label, else the pod name without the
// suffixes a ReplicaSet, DaemonSet or StatefulSet adds) with their pod counts and the policies.
import type { Labels } from '../k8s/types';

export interface WorkloadSummary {
  readonly name: string;
  readonly pods: number;
}

export interface NamespaceSummary {
  readonly name: string;
  readonly pods: number;
  /** Largest first, then by name. */
  readonly workloads: readonly WorkloadSummary[];
  readonly policies: number;
}

export interface ClusterOverview {
  readonly pods: number;
  /** Most pods first, then by name. */
  readonly namespaces: readonly NamespaceSummary[];
}

/** The workload a pod belongs to, as a person would name it. */
export function workloadOf(pod: { readonly name: string; readonly labels: Labels }): string {
  const label = pod.labels['app.kubernetes.io/name'] ?? pod.labels['app'] ?? pod.labels['k8s-app'];
  if (label) return label;
  return (
    // ReplicaSet pod: <deployment>-<pod-template-hash>-<5 characters>
    /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.exec(pod.name)?.[1] ??
    // DaemonSet or Job pod: <name>-<5 characters>; StatefulSet pod: <name>-<ordinal>
    /^(.+)-(?:[bcdfghjklmnpqrstvwxz2456789]{5}|\d+)$/.exec(pod.name)?.[1] ??
    pod.name
  );
}

const byCount = <T extends { readonly name: string; readonly pods: number }>(a: T, b: T): number =>
  b.pods - a.pods || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function clusterOverview(
  pods: readonly { readonly namespace: string; readonly name: string; readonly labels: Labels }[],
  policyKeys: Iterable<string>,
): ClusterOverview {
  const namespaces = new Map<string, { pods: number; workloads: Map<string, number>; policies: number }>();
  const at = (name: string) => {
    let ns = namespaces.get(name);
    if (!ns) namespaces.set(name, (ns = { pods: 0, workloads: new Map(), policies: 0 }));
    return ns;
  };
  for (const pod of pods) {
    const ns = at(pod.namespace);
    ns.pods++;
    const w = workloadOf(pod);
    ns.workloads.set(w, (ns.workloads.get(w) ?? 0) + 1);
  }
  for (const key of policyKeys) at(key.slice(0, key.indexOf('/'))).policies++;
  return {
    pods: pods.length,
    namespaces: [...namespaces]
      .map(([name, ns]) => ({
        name,
        pods: ns.pods,
        workloads: [...ns.workloads].map(([w, n]) => ({ name: w, pods: n })).sort(byCount),
        policies: ns.policies,
      }))
      .sort(byCount),
  };
}

// Which workload a pod belongs to, as a platform engineer names it: the controller at the top of
// its owner references (ReplicaSet → Deployment, Job → CronJob, StatefulSet, DaemonSet), else its
// app.kubernetes.io/name (or app, k8s-app) label, else the pod itself. Without the ReplicaSet
// object in the dump, a ReplicaSet named `<deployment>-<pod-template-hash>` stands for its Deployment.
import type { Cluster, Labels, OwnerReference } from '../k8s/types';

export interface Workload {
  /** `namespace/Kind/name`: unique. */
  readonly key: string;
  readonly namespace: string;
  /** Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet, …; `App` from a label, `Pod` alone. */
  readonly kind: string;
  readonly name: string;
  /** `namespace/name`, how people say it (the kind is shown beside it). */
  readonly label: string;
  /** Whether the Deployment was inferred from a ReplicaSet's name (its object was not in the files). */
  readonly inferred?: boolean;
}

const NAME_LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app'];

/** A function from a pod (namespace, name, labels, owners) to its workload, for one cluster. */
export function workloadResolver(
  cluster: Pick<Cluster, 'owned'>,
): (pod: {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly owners?: readonly OwnerReference[];
}) => Workload {
  const owned = new Map(cluster.owned.map((o) => [`${o.namespace}/${o.kind}/${o.name}`, o]));
  const make = (namespace: string, kind: string, name: string, inferred = false): Workload => ({
    key: `${namespace}/${kind}/${name}`,
    namespace,
    kind,
    name,
    label: `${namespace}/${name}`,
    ...(inferred ? { inferred } : {}),
  });
  /** Up the controller chain: a ReplicaSet's Deployment, a Job's CronJob. */
  const top = (namespace: string, kind: string, name: string, hash: string | undefined): Workload => {
    for (let depth = 0; depth < 4; depth++) {
      const o = owned.get(`${namespace}/${kind}/${name}`);
      const up = o ? controllerOf(o.owners) : undefined;
      if (!up) break;
      kind = up.kind;
      name = up.name;
    }
    if (
      kind === 'ReplicaSet' &&
      !owned.has(`${namespace}/ReplicaSet/${name}`) &&
      hash &&
      name.endsWith(`-${hash}`)
    )
      return make(namespace, 'Deployment', name.slice(0, -hash.length - 1), true);
    return make(namespace, kind, name);
  };
  return (pod) => {
    const owner = controllerOf(pod.owners ?? []);
    if (owner) return top(pod.namespace, owner.kind, owner.name, pod.labels['pod-template-hash']);
    for (const l of NAME_LABELS) {
      const v = pod.labels[l];
      if (v) return make(pod.namespace, 'App', v);
    }
    return make(pod.namespace, 'Pod', pod.name);
  };
}

function controllerOf(owners: readonly OwnerReference[]): OwnerReference | undefined {
  return owners.find((o) => o.controller) ?? owners[0];
}

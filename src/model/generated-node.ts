// A scenario that describes no Node at all still has pods that, in a real cluster, the
// scheduler would place somewhere. To trace their packets netlab places the pods that name no
// node (no spec.nodeName) on one generated node; the page says so wherever the graph is shown.
import type { Cluster, ClusterNode } from '../k8s/types';
import { t, type LocalText } from '../lib/text';

/** The generated node's name: the name kubeadm-style clusters give their first node. */
export const GENERATED_NODE_NAME = 'node01';

export interface Scheduled {
  readonly cluster: Cluster;
  /** The generated node's name, or null when the scenario's own nodes are used as written. */
  readonly generatedNode: string | null;
}

/**
 * With no Node in the scenario, the pods without spec.nodeName run on one generated node (no
 * podCIDR: the pods keep their addresses from the default pod network; no InternalIP: nothing
 * outside the cluster can address it). Pods that name a node keep it, even one that is missing
 * (the learner's mistake to see, not ours to hide); host-network pods have no address without one.
 */
export function scheduleOnGeneratedNode(cluster: Cluster): Scheduled {
  const placeable = cluster.pods.filter((p) => p.nodeName === undefined && !p.hostNetwork);
  if (cluster.nodes.length > 0 || placeable.length === 0) return { cluster, generatedNode: null };
  const node: ClusterNode = { name: GENERATED_NODE_NAME, labels: {}, source: placeable[0]!.source };
  return {
    cluster: {
      ...cluster,
      nodes: [node],
      pods: cluster.pods.map((p) => (placeable.includes(p) ? { ...p, nodeName: GENERATED_NODE_NAME } : p)),
    },
    generatedNode: GENERATED_NODE_NAME,
  };
}

/** The note shown wherever a generated node is drawn or traced through. */
export const generatedNodeNote = (node: string): LocalText =>
  t(
    `This scenario has no Node: netlab placed its pods without spec.nodeName on a generated node, ${node}, so their packets can be traced.`,
    `이 시나리오에는 Node가 없어서, spec.nodeName이 없는 파드를 netlab이 만든 노드 ${node}에 두었습니다. 그래서 패킷을 따라가 볼 수 있습니다.`,
  );

// Everything the page shows, derived from the scenario text alone: the parsed cluster, its
// diagnostics, the endpoints, the ports worth offering, and the flow matrix.
import type { Diagnostic } from '../lib/diagnostic';
import type { Cluster } from '../k8s/types';
import { buildEndpoints, type Endpoint } from '../engine/endpoints';
import { computeFlowMatrix, type FlowMatrix } from '../engine/flow-matrix';
import { analyzeScenario } from '../engine/analyze';
import { loadCluster } from '../k8s/load-cluster';
import type { FlowPort } from '../engine/match';
import { evaluateFlow } from '../engine/evaluate-flow';
import type { UnseenPeer } from '../lesson/types';
import { UNSEEN_FILE, unseenDocs, unseenGroup } from '../lesson/unseen-peers';
import { explainFlow, withNotes, type FlowReasons } from '../engine/explain-reasons';
import { foreignPoliciesFor, foreignPolicyNote } from '../engine/foreign-policies';
import { SCENARIO_FILE, type GroupInfo, type Isolation } from './model-view';
import { groupEndpoints } from '../engine/aggregate';
import { workloadResolver, type Workload } from '../engine/workloads';
import { withDrawnClusterDns } from '../dns/cluster-dns';

export { SCENARIO_FILE };
import { scheduleOnGeneratedNode } from '../model/generated-node';
import { buildTopology, type Topology } from '../model/topology';
import { layoutTopology, type Scene } from '../layout/layout-topology';

/** What a policy touches, for highlighting: the pods it selects, the endpoints its rules name. */
export interface PolicyReach {
  readonly selected: ReadonlySet<string>;
  readonly peers: ReadonlySet<string>;
}

export interface ScenarioModel {
  readonly cluster: Cluster;
  readonly topology: Topology;
  readonly scene: Scene;
  /** Per endpoint key: the policies isolating it for ingress and for egress. */
  readonly isolation: Isolation;
  /** Per policy key. */
  readonly policyReach: ReadonlyMap<string, PolicyReach>;
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly FlowPort[];
  readonly matrix: FlowMatrix;
  /** Per endpoint: its workload (undefined for outside addresses). */
  readonly workloads: readonly (Workload | undefined)[];
  readonly groups: { readonly workload: readonly GroupInfo[]; readonly namespace: readonly GroupInfo[] };
}

/**
 * Ports to offer: every container port the scenario's pods declare, in order of appearance; 80/TCP
 * when there are none.
 */
export function scenarioPorts(cluster: Cluster): FlowPort[] {
  const seen = new Map<string, FlowPort>();
  // The implicit CoreDNS's ports are not the scenario's: they would crowd the port list.
  for (const pod of cluster.pods) {
    if (pod.implicit) continue;
    for (const c of pod.containers) {
      for (const p of c.ports)
        seen.set(`${p.containerPort}/${p.protocol}`, { port: p.containerPort, protocol: p.protocol });
    }
  }
  return seen.size > 0 ? [...seen.values()] : [{ port: 80, protocol: 'TCP' }];
}

/** Peers the scenario does not have, drawn beside it: a lesson's ghost, the matrix's unseen group. */
export interface UnseenRequest {
  readonly ghosts: readonly UnseenPeer[];
  readonly group: boolean;
}

export function buildScenarioModel(text: string, unseen?: UnseenRequest): ScenarioModel {
  const own = analyzeScenario([{ name: SCENARIO_FILE, text }]);
  const peers =
    unseen && !own.hasErrors ? [...unseen.ghosts, ...(unseen.group ? unseenGroup(own.cluster) : [])] : [];
  // The ghosts load as a file of their own; the learner sees only their own file's diagnostics.
  const withPeers =
    peers.length > 0
      ? loadCluster([
          { name: SCENARIO_FILE, text },
          { name: UNSEEN_FILE, text: unseenDocs(peers) },
        ])
      : own;
  // The cluster's CoreDNS is drawn (marked implicit) when the scenario has none; pods the scenario
  // places on no node go on a generated one, so their packets can be traced.
  const { cluster, generatedNode } = scheduleOnGeneratedNode(
    withDrawnClusterDns(withPeers.hasErrors ? own.cluster : withPeers.cluster),
  );
  const diagnostics = own.diagnostics;
  const endpoints = buildEndpoints(
    cluster,
    cluster.externals.map((e) => e.ip.key),
  );
  const ports = scenarioPorts(cluster);
  const matrix = computeFlowMatrix(cluster.policies, endpoints, ports);
  const topology = buildTopology(cluster, { generatedNode });
  const isolation = new Map(
    endpoints.map((e, i) => {
      const selecting = matrix.compiled.selecting[i]!;
      return [
        e.key,
        {
          ingress: selecting.filter((cp) => cp.ingress).map((cp) => cp.key),
          egress: selecting.filter((cp) => cp.egress).map((cp) => cp.key),
        },
      ] as const;
    }),
  );
  const policyReach = new Map(
    matrix.compiled.policies.map((cp) => {
      const peers = new Set<string>();
      for (const r of [...(cp.ingress ?? []), ...(cp.egress ?? [])]) {
        for (const i of r.peers ?? []) peers.add(endpoints[i]!.key);
      }
      return [cp.key, { selected: new Set([...cp.selected].map((i) => endpoints[i]!.key)), peers }] as const;
    }),
  );
  const workloadOf = workloadResolver(cluster);
  const groupInfo = (by: 'workload' | 'namespace'): GroupInfo[] =>
    groupEndpoints(cluster, endpoints, by).map((g) => ({
      key: g.key,
      label: g.label,
      kind: g.kind,
      members: g.members,
    }));
  return {
    cluster,
    topology,
    workloads: endpoints.map((e) => (e.kind === 'pod' ? workloadOf(e.pod) : undefined)),
    groups: { workload: groupInfo('workload'), namespace: groupInfo('namespace') },
    scene: layoutTopology(topology),
    isolation,
    policyReach,
    diagnostics,
    hasErrors: own.hasErrors,
    endpoints,
    ports,
    matrix,
  };
}

/**
 * The reasons for one flow of the model on `port`, or null when an endpoint no longer exists. Any
 * port can be asked about, declared by a pod or not: policies decide either way.
 */
export function explainModelFlow(
  model: ScenarioModel,
  fromKey: string,
  toKey: string,
  port: FlowPort,
): FlowReasons | null {
  const from = model.endpoints.find((e) => e.key === fromKey);
  const to = model.endpoints.find((e) => e.key === toKey);
  if (!from || !to) return null;
  const reasons = explainFlow(evaluateFlow(model.cluster.policies, from, to, port), model.cluster.policies);
  const note = foreignPolicyNote(foreignPoliciesFor(model.cluster, from, to));
  return note ? withNotes(reasons, [note]) : reasons;
}

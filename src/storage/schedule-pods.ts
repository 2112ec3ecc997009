// Pods that mount claims, placed as the scheduler's VolumeBinding plugin does: bound claims
// restrict nodes by their PV's nodeAffinity, WaitForFirstConsumer claims bind (or provision) on
// the chosen node, unbound Immediate claims block scheduling. Then what the kubelet and the
// attach/detach controller would run into: Multi-Attach, a claim that never binds.
import { matchesSelector } from '../engine/selector';
import type { Labels } from '../k8s/types';
import type { ControllerState } from './controller-state';
import { findBestMatch, nodeMatchesTerms, type Candidate } from './match-volume';
import {
  claimKey,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageNode,
  type StoragePod,
} from './volume-types';
import { HOSTNAME_LABEL } from './decode-pod-volumes';

/** Why one node cannot take the pod. */
export type NodeProblem =
  | { readonly why: 'node-selector' }
  | { readonly why: 'volume-node-affinity'; readonly claim: string; readonly volume: string }
  | { readonly why: 'no-volume'; readonly claim: string; readonly candidates: readonly Candidate[] }
  | { readonly why: 'rwop-in-use'; readonly claim: string; readonly by: string };

export type PodProblem =
  | { readonly why: 'claim-missing'; readonly claim: string }
  | { readonly why: 'unbound-claims'; readonly claims: readonly string[] }
  | {
      readonly why: 'unschedulable';
      readonly nodes: readonly { readonly node: string; readonly problems: readonly NodeProblem[] }[];
    }
  | { readonly why: 'claim-pending'; readonly claim: string }
  | { readonly why: 'volume-node-affinity'; readonly claim: string; readonly volume: string }
  | {
      readonly why: 'multi-attach';
      readonly claim: string;
      readonly volume: string;
      readonly usedBy: readonly string[];
    };

/** Facts worth saying that do not stop the pod. */
export type PodNote =
  | {
      readonly why: 'rwo-not-enforced';
      readonly claim: string;
      readonly volume: string;
      readonly nodes: readonly string[];
    }
  | { readonly why: 'read-only-many-writable'; readonly claim: string };

export interface PodResult {
  readonly key: string;
  readonly pod: StoragePod;
  readonly node?: string;
  /** Running: every volume mounted. Pending: not scheduled. ContainerCreating: on a node, waiting for a volume. */
  readonly status: 'Running' | 'Pending' | 'ContainerCreating';
  readonly problems: readonly PodProblem[];
  readonly notes: readonly PodNote[];
}

interface Use {
  readonly pod: string;
  readonly node: string;
}

/** A PV the attach/detach controller attaches to a node (a VolumeAttachment) before mounting. */
export function isAttachable(s: ControllerState, pv: PersistentVolume): boolean {
  if (pv.source.type !== 'csi') return false;
  return s.scene.drivers.find((d) => d.name === pv.source.driver)?.attachRequired ?? true;
}

function nodeLabelsOf(s: ControllerState, name: string): Labels {
  return s.scene.nodes.find((n) => n.name === name)?.labels ?? { [HOSTNAME_LABEL]: name };
}

function claimOf(s: ControllerState, pod: StoragePod, claimName: string): PersistentVolumeClaim | undefined {
  return s.scene.claims.find((c) => c.namespace === pod.namespace && c.name === claimName);
}

/** The pod's unbound WaitForFirstConsumer claims on `node`: a PV for each, a provisioning, or a problem. */
function planNode(s: ControllerState, node: StorageNode, claims: readonly PersistentVolumeClaim[]) {
  const taken = new Map<string, string>();
  const plan: { claim: PersistentVolumeClaim; pv?: PersistentVolume; candidates: readonly Candidate[] }[] =
    [];
  const problems: NodeProblem[] = [];
  for (const claim of claims) {
    const m = findBestMatch(claim, s.volumes, { delayBinding: false, node, taken, refState: s.refState });
    if (m.chosen) {
      taken.set(m.chosen.name, claimKey(claim));
      plan.push({ claim, pv: m.chosen, candidates: m.candidates });
      continue;
    }
    const cls = s.classOf(claim);
    const topologyOk =
      !cls ||
      cls.allowedTopologies.length === 0 ||
      cls.allowedTopologies.some((t) =>
        t.matchLabelExpressions.every((e) => e.values.includes(node.labels[e.key] ?? '')),
      );
    if (cls && s.canProvision(cls) && topologyOk) plan.push({ claim, candidates: m.candidates });
    else problems.push({ why: 'no-volume', claim: claimKey(claim), candidates: m.candidates });
  }
  return { plan, problems };
}

export function schedulePods(s: ControllerState): PodResult[] {
  const uses = new Map<string, Use[]>();
  const results: PodResult[] = s.scene.pods.map((pod) => {
    const key = `${pod.namespace}/${pod.name}`;
    const problems: PodProblem[] = [];
    const claims: PersistentVolumeClaim[] = [];
    for (const v of pod.claims) {
      const claim = claimOf(s, pod, v.claimName);
      if (!claim) problems.push({ why: 'claim-missing', claim: `${pod.namespace}/${v.claimName}` });
      else if (!claims.includes(claim)) claims.push(claim);
    }
    if (problems.length > 0) return { key, pod, status: 'Pending', problems, notes: [] };
    const resultOf = (c: PersistentVolumeClaim) => s.claims.get(claimKey(c))!;
    const waiting = claims.filter(
      (c) => resultOf(c).phase === 'Pending' && resultOf(c).wait?.why === 'wait-for-consumer',
    );
    const place = (node: string): PodResult => {
      for (const c of claims) uses.set(claimKey(c), [...(uses.get(claimKey(c)) ?? []), { pod: key, node }]);
      return {
        key,
        pod,
        node,
        status: problems.length > 0 ? 'ContainerCreating' : 'Running',
        problems,
        notes: [],
      };
    };

    if (pod.nodeName !== undefined) {
      // spec.nodeName bypasses the scheduler: WaitForFirstConsumer claims never get a node.
      const labels = nodeLabelsOf(s, pod.nodeName);
      for (const c of claims) {
        const r = resultOf(c);
        if (r.phase === 'Pending') {
          if (waiting.includes(c)) s.claims.set(r.key, { ...r, wait: { why: 'node-name-bypass', pod: key } });
          problems.push({ why: 'claim-pending', claim: r.key });
          continue;
        }
        const pv = s.volumes.find((v) => v.name === r.volume)!;
        if (!nodeMatchesTerms(pv.nodeAffinity, labels))
          problems.push({ why: 'volume-node-affinity', claim: r.key, volume: pv.name });
      }
      return place(pod.nodeName);
    }

    const unbound = claims.filter((c) => resultOf(c).phase === 'Pending' && !waiting.includes(c));
    if (unbound.length > 0) {
      problems.push({ why: 'unbound-claims', claims: unbound.map(claimKey) });
      return { key, pod, status: 'Pending', problems, notes: [] };
    }
    const verdicts: { node: string; problems: NodeProblem[] }[] = [];
    for (const node of s.scene.nodes) {
      const here: NodeProblem[] = [];
      if (!matchesSelector({ matchLabels: pod.nodeSelector, matchExpressions: [] }, node.labels))
        here.push({ why: 'node-selector' });
      for (const c of claims) {
        const r = resultOf(c);
        if (r.phase !== 'Bound') continue;
        const pv = s.volumes.find((v) => v.name === r.volume)!;
        if (!nodeMatchesTerms(pv.nodeAffinity, node.labels))
          here.push({ why: 'volume-node-affinity', claim: r.key, volume: pv.name });
        const other = (uses.get(r.key) ?? []).find((u) => u.pod !== key);
        if (c.accessModes.includes('ReadWriteOncePod') && other)
          here.push({ why: 'rwop-in-use', claim: r.key, by: other.pod });
      }
      const { plan, problems: volumeProblems } = planNode(s, node, waiting);
      here.push(...volumeProblems);
      if (here.length > 0) {
        verdicts.push({ node: node.name, problems: here });
        continue;
      }
      for (const step of plan) {
        const r = resultOf(step.claim);
        const pv = step.pv
          ? s.bind(step.pv, step.claim)
          : s.provision(step.claim, s.classOf(step.claim)!, node);
        s.claims.set(r.key, {
          key: r.key,
          claim: r.claim,
          phase: 'Bound',
          volume: pv.name,
          via: step.pv ? 'scheduler' : 'scheduler-provisioned',
          candidates: step.candidates,
          selectedNode: node.name,
        });
      }
      return place(node.name);
    }
    for (const c of waiting) {
      const r = resultOf(c);
      const pods = r.wait?.why === 'pod-unschedulable' ? [...r.wait.pods, key] : [key];
      s.claims.set(r.key, { ...r, wait: { why: 'pod-unschedulable', pods } });
    }
    problems.push({ why: 'unschedulable', nodes: verdicts });
    return { key, pod, status: 'Pending', problems, notes: [] };
  });
  return results.map((r) => attachFacts(s, r, uses));
}

/** Multi-Attach for attachable single-node volumes used on several nodes; notes on modes nobody enforces. */
function attachFacts(s: ControllerState, r: PodResult, uses: ReadonlyMap<string, readonly Use[]>): PodResult {
  if (r.node === undefined) return r;
  const problems = [...r.problems];
  const notes: PodNote[] = [];
  for (const v of r.pod.claims) {
    const key = `${r.pod.namespace}/${v.claimName}`;
    const result = s.claims.get(key);
    if (!result || result.phase !== 'Bound') continue;
    const pv = s.volumes.find((x) => x.name === result.volume)!;
    const users = uses.get(key) ?? [];
    const nodes = [...new Set(users.map((u) => u.node))];
    const multiNode = pv.accessModes.includes('ReadWriteMany') || pv.accessModes.includes('ReadOnlyMany');
    if (nodes.length > 1 && !multiNode) {
      if (isAttachable(s, pv)) {
        // The first node to use it holds the attachment; pods elsewhere wait.
        if (r.node !== nodes[0])
          problems.push({
            why: 'multi-attach',
            claim: key,
            volume: pv.name,
            usedBy: users.filter((u) => u.node === nodes[0]).map((u) => u.pod),
          });
      } else notes.push({ why: 'rwo-not-enforced', claim: key, volume: pv.name, nodes });
    }
    if (
      !v.readOnly &&
      result.claim.accessModes.length === 1 &&
      result.claim.accessModes[0] === 'ReadOnlyMany'
    )
      notes.push({ why: 'read-only-many-writable', claim: key });
  }
  const status = r.status === 'Running' && problems.length > 0 ? 'ContainerCreating' : r.status;
  return { ...r, status, problems, notes };
}

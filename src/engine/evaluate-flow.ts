// One flow, fully explained: for each side (the source's egress, the destination's ingress),
// which policies select the pod, which rule/peer/port allowed the flow, and for a deny why each
// selecting policy's rules did not match. Explanations are data; explain-text.ts words them.
import { keyOf, type NetworkPolicy, type PolicyRule, type PolicyType } from '../k8s/types';
import { alwaysAllowed, isPolicyPod, type Endpoint } from './endpoints';
import {
  peerFailures,
  policySelects,
  portFailure,
  type FlowPort,
  type PeerFailure,
  type PortFailure,
} from './match';

export type SideVerdictKind = 'allow' | 'deny' | 'unrestricted';

/** What allowed a flow: rule index, and the peer and port entries that matched (null: "any"). */
export interface RuleMatch {
  readonly policy: string;
  readonly rule: number;
  readonly peer: number | null;
  readonly port: number | null;
}

export interface RuleEvaluation {
  readonly rule: number;
  /** null when the rule's peers match (or it has none); else why each peer failed. */
  readonly peerMisses: readonly { readonly peer: number; readonly failures: readonly PeerFailure[] }[] | null;
  /** null when the rule's ports match (or it has none); else why each port entry failed. */
  readonly portMisses: readonly { readonly port: number; readonly failure: PortFailure }[] | null;
}

export interface PolicyEvaluation {
  /** `namespace/name` */
  readonly policy: string;
  /** One entry per rule of this direction; empty when the policy has no such rules (allows nothing). */
  readonly rules: readonly RuleEvaluation[];
  readonly allowed: boolean;
}

export interface SideExplanation {
  readonly direction: 'egress' | 'ingress';
  readonly verdict: SideVerdictKind;
  /** Policies that allow the flow on this side, sorted. */
  readonly policies: readonly string[];
  /** The pod whose policies apply on this side: the source for egress, the destination for ingress. */
  readonly subject: string;
  /** Why the side is unrestricted, when it is. */
  readonly unrestrictedBecause?: 'outside-cluster' | 'host-network' | 'not-selected';
  /** Set when the flow is allowed only because NetworkPolicy never blocks it. */
  readonly alwaysAllowed?: 'self' | 'own-node';
  /** Every policy of this direction selecting the subject, in scenario order. */
  readonly selectedBy: readonly PolicyEvaluation[];
  /** Every (policy, rule, peer, port) that allowed the flow. */
  readonly matches: readonly RuleMatch[];
}

export interface FlowExplanation {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: FlowPort['protocol'];
  readonly allowed: boolean;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
}

/** Evaluates one flow `from → to` on `flow` against every policy, with its explanation. */
export function evaluateFlow(
  policies: readonly NetworkPolicy[],
  from: Endpoint,
  to: Endpoint,
  flow: FlowPort,
): FlowExplanation {
  const always = alwaysAllowed(from, to);
  const egress = explainSide(policies, 'Egress', from, to, flow, always);
  const ingress = explainSide(policies, 'Ingress', to, from, flow, always);
  return {
    from: from.key,
    to: to.key,
    port: flow.port,
    protocol: flow.protocol,
    allowed: egress.verdict !== 'deny' && ingress.verdict !== 'deny',
    egress,
    ingress,
  };
}

function explainSide(
  policies: readonly NetworkPolicy[],
  type: PolicyType,
  subject: Endpoint,
  peer: Endpoint,
  flow: FlowPort,
  always: 'self' | 'own-node' | undefined,
): SideExplanation {
  const direction = type === 'Ingress' ? 'ingress' : 'egress';
  const base = { direction, subject: subject.key } as const;
  if (!isPolicyPod(subject)) {
    const because = subject.kind === 'external' ? 'outside-cluster' : 'host-network';
    return {
      ...base,
      verdict: 'unrestricted',
      policies: [],
      unrestrictedBecause: because,
      selectedBy: [],
      matches: [],
    };
  }
  const destination = type === 'Ingress' ? subject : peer;
  const selecting = policies.filter((p) => p.policyTypes.includes(type) && policySelects(p, subject));
  if (selecting.length === 0) {
    return {
      ...base,
      verdict: 'unrestricted',
      policies: [],
      unrestrictedBecause: 'not-selected',
      selectedBy: [],
      matches: [],
    };
  }
  const matches: RuleMatch[] = [];
  const selectedBy = selecting.map((policy): PolicyEvaluation => {
    const key = keyOf(policy);
    const rules = (type === 'Ingress' ? policy.ingress : policy.egress).map((rule, i) =>
      evaluateRule(policy, rule, i, peer, destination, flow, matches),
    );
    return { policy: key, rules, allowed: matches.some((m) => m.policy === key) };
  });
  const policyKeys = [...new Set(matches.map((m) => m.policy))].sort();
  if (policyKeys.length > 0) return { ...base, verdict: 'allow', policies: policyKeys, selectedBy, matches };
  if (always) return { ...base, verdict: 'allow', policies: [], alwaysAllowed: always, selectedBy, matches };
  return { ...base, verdict: 'deny', policies: [], selectedBy, matches };
}

function evaluateRule(
  policy: NetworkPolicy,
  rule: PolicyRule,
  index: number,
  peer: Endpoint,
  destination: Endpoint,
  flow: FlowPort,
  matches: RuleMatch[],
): RuleEvaluation {
  const key = keyOf(policy);
  let peerIndexes: (number | null)[] = [null];
  let peerMisses: RuleEvaluation['peerMisses'] = null;
  if (rule.peers) {
    const results = rule.peers.map((p, i) => ({ peer: i, failures: peerFailures(policy, p, peer) }));
    const ok = results.filter((r) => r.failures.length === 0).map((r) => r.peer);
    if (ok.length === 0) peerMisses = results;
    peerIndexes = ok;
  }
  let portIndexes: (number | null)[] = [null];
  let portMisses: RuleEvaluation['portMisses'] = null;
  if (rule.ports.length > 0) {
    const results = rule.ports.map((p, i) => ({ port: i, failure: portFailure(p, flow, destination) }));
    const ok = results.filter((r) => r.failure === null).map((r) => r.port);
    if (ok.length === 0) portMisses = results.map((r) => ({ port: r.port, failure: r.failure! }));
    portIndexes = ok;
  }
  if (!peerMisses && !portMisses) {
    for (const pe of peerIndexes)
      for (const po of portIndexes) matches.push({ policy: key, rule: index, peer: pe, port: po });
  }
  return { rule: index, peerMisses, portMisses };
}

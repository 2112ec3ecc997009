// Policies compiled against a fixed endpoint list: which endpoints each policy selects, which
// endpoints each rule's peers match, and which destinations each rule's ports cover — all as
// bit sets, so the matrix combines whole rows instead of testing pairs one by one.
import { BitSet } from '../lib/bitset';
import { cidrContains } from '../lib/ip';
import { keyOf, type NetworkPolicy, type PolicyPeer, type PolicyPort, type PolicyRule } from '../k8s/types';
import { isPolicyPod, type Endpoint, type PodEndpoint } from './endpoints';
import { portsMatch, type FlowPort } from './match';
import { matchesSelector } from './selector';

export interface CompiledRule {
  readonly rule: PolicyRule;
  /** Endpoints the rule's peers match; null when it has no peers (matches everyone). */
  readonly peers: BitSet | null;
  /** Per flow port: destinations the rule's ports cover; null = every destination. */
  readonly portMasks: readonly (BitSet | null)[];
}

export interface CompiledPolicy {
  readonly policy: NetworkPolicy;
  readonly key: string;
  readonly selected: BitSet;
  /** null when the policy is not of that type. */
  readonly ingress: readonly CompiledRule[] | null;
  readonly egress: readonly CompiledRule[] | null;
}

export interface CompiledPolicies {
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly FlowPort[];
  readonly policies: readonly CompiledPolicy[];
  /** For each endpoint, the compiled policies that select it (any type). */
  readonly selecting: readonly (readonly CompiledPolicy[])[];
}

/** Pods with the same namespace and labels are indistinguishable to selectors: match them once. */
interface PodClass {
  readonly sample: PodEndpoint;
  readonly members: number[];
}

export function compilePolicies(
  policies: readonly NetworkPolicy[],
  endpoints: readonly Endpoint[],
  ports: readonly FlowPort[],
): CompiledPolicies {
  const n = endpoints.length;
  const classes = new Map<string, PodClass>();
  endpoints.forEach((e, i) => {
    if (!isPolicyPod(e)) return;
    const sig = `${e.pod.namespace}\u0000${JSON.stringify(Object.entries(e.pod.labels).sort())}`;
    const c = classes.get(sig);
    if (c) c.members.push(i);
    else classes.set(sig, { sample: e, members: [i] });
  });
  const classList = [...classes.values()];
  const namedPortCache = new Map<string, BitSet | null>();

  const peerSet = (policy: NetworkPolicy, peer: PolicyPeer): BitSet => {
    const set = new BitSet(n);
    if (peer.ipBlock) {
      const { cidr, except } = peer.ipBlock;
      endpoints.forEach((e, i) => {
        if (cidrContains(cidr, e.ip) && !except.some((x) => cidrContains(x, e.ip))) set.add(i);
      });
      return set;
    }
    for (const c of classList) {
      const ns = c.sample.namespace;
      const nsOk = peer.namespaceSelector
        ? matchesSelector(peer.namespaceSelector, ns.labels)
        : ns.name === policy.namespace;
      if (!nsOk) continue;
      if (peer.podSelector && !matchesSelector(peer.podSelector, c.sample.pod.labels)) continue;
      for (const i of c.members) set.add(i);
    }
    return set;
  };

  const portMask = (entries: readonly PolicyPort[], flow: FlowPort): BitSet | null => {
    if (entries.length === 0) return null;
    // Without named ports the answer is the same for every destination.
    if (entries.every((p) => typeof p.port !== 'string')) {
      return portsMatch(entries, flow, endpoints[0]!) ? null : new BitSet(n);
    }
    const cacheKey = `${JSON.stringify(entries)}|${flow.port}/${flow.protocol}`;
    if (namedPortCache.has(cacheKey)) return namedPortCache.get(cacheKey)!;
    const set = new BitSet(n);
    endpoints.forEach((e, i) => {
      if (portsMatch(entries, flow, e)) set.add(i);
    });
    namedPortCache.set(cacheKey, set);
    return set;
  };

  const compileRules = (policy: NetworkPolicy, rules: readonly PolicyRule[]): CompiledRule[] =>
    rules.map((rule) => {
      let peers: BitSet | null = null;
      if (rule.peers) {
        peers = new BitSet(n);
        for (const p of rule.peers) peers.or(peerSet(policy, p));
      }
      return { rule, peers, portMasks: ports.map((f) => portMask(rule.ports, f)) };
    });

  const compiled = policies.map((policy): CompiledPolicy => {
    const selected = new BitSet(n);
    for (const c of classList) {
      if (
        c.sample.pod.namespace === policy.namespace &&
        matchesSelector(policy.podSelector, c.sample.pod.labels)
      ) {
        for (const i of c.members) selected.add(i);
      }
    }
    return {
      policy,
      key: keyOf(policy),
      selected,
      ingress: policy.policyTypes.includes('Ingress') ? compileRules(policy, policy.ingress) : null,
      egress: policy.policyTypes.includes('Egress') ? compileRules(policy, policy.egress) : null,
    };
  });

  const selecting: CompiledPolicy[][] = endpoints.map(() => []);
  for (const cp of compiled) for (const i of cp.selected) selecting[i]!.push(cp);
  return { endpoints, ports, policies: compiled, selecting };
}

/** Whether compiled rule `r` allows traffic with peer `peer` to destination `dest` on port index `pi`. */
export function ruleAllows(r: CompiledRule, peer: number, dest: number, pi: number): boolean {
  const mask = r.portMasks[pi];
  return (r.peers === null || r.peers.has(peer)) && (mask === null || mask === undefined || mask.has(dest));
}

// Policies compiled against a fixed endpoint list: which endpoints each policy selects, which
// endpoints each rule's peers match, and which destinations each rule's ports cover — all as
// bit sets, so the matrix combines whole rows instead of testing pairs one by one.
import { BitSet } from '../lib/bitset';
import { cidrContains } from '../lib/ip';
import {
  keyOf,
  type Labels,
  type Namespace,
  type NetworkPolicy,
  type PolicyPeer,
  type PolicyPort,
  type PolicyRule,
} from '../k8s/types';
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

/**
 * Pods with the same namespace and labels are indistinguishable to selectors: match them once.
 * The namespace's labels are part of the key: peer classes evaluate pods of several possible
 * namespaces that share a name (a namespace `staging` that does not exist yet, labelled two ways).
 */
interface PodClass {
  readonly sample: PodEndpoint;
  readonly members: number[];
}

const labelsKeys = new WeakMap<Labels, string>();
/** A label set as a map key (cached: many endpoints share one labels object). */
function labelsKey(l: Labels): string {
  let k = labelsKeys.get(l);
  if (k === undefined) labelsKeys.set(l, (k = JSON.stringify(Object.entries(l).sort())));
  return k;
}

/** Endpoints that answer every port question alike: not a pod, or a pod declaring the same ports. */
function portGroups(endpoints: readonly Endpoint[]): { sample: Endpoint; members: number[] }[] {
  const groups = new Map<string, { sample: Endpoint; members: number[] }>();
  endpoints.forEach((e, i) => {
    const key = isPolicyPod(e) ? JSON.stringify(e.pod.containers.map((c) => c.ports)) : '-';
    const g = groups.get(key);
    if (g) g.members.push(i);
    else groups.set(key, { sample: e, members: [i] });
  });
  return [...groups.values()];
}

/** Endpoints at the same address: an ipBlock matches all of them or none. */
function addressGroups(endpoints: readonly Endpoint[]): { sample: Endpoint; members: number[] }[] {
  const groups = new Map<string, { sample: Endpoint; members: number[] }>();
  endpoints.forEach((e, i) => {
    const g = groups.get(e.ip.key);
    if (g) g.members.push(i);
    else groups.set(e.ip.key, { sample: e, members: [i] });
  });
  return [...groups.values()];
}

export function compilePolicies(
  policies: readonly NetworkPolicy[],
  endpoints: readonly Endpoint[],
  ports: readonly FlowPort[],
): CompiledPolicies {
  const n = endpoints.length;
  const classes = new Map<string, PodClass>();
  const nsKeys = new Map<Namespace, string>();
  endpoints.forEach((e, i) => {
    if (!isPolicyPod(e)) return;
    let ns = nsKeys.get(e.namespace);
    if (ns === undefined)
      nsKeys.set(e.namespace, (ns = `${e.pod.namespace}\u0000${labelsKey(e.namespace.labels)}`));
    const sig = `${ns}\u0000${labelsKey(e.pod.labels)}`;
    const c = classes.get(sig);
    if (c) c.members.push(i);
    else classes.set(sig, { sample: e, members: [i] });
  });
  const classList = [...classes.values()];
  // Classes by namespace: a namespaceSelector is asked once per namespace.
  const byNamespace = new Map<Namespace, PodClass[]>();
  for (const c of classList)
    byNamespace.set(c.sample.namespace, [...(byNamespace.get(c.sample.namespace) ?? []), c]);
  const namedPortCache = new Map<string, BitSet | null>();
  const entryKeys = new Map<readonly PolicyPort[], string>();
  /** The one empty mask every "no destination on this port" rule shares (masks are only read). */
  let none: BitSet | undefined;
  let byPorts: { sample: Endpoint; members: number[] }[] | undefined;
  let byAddress: { sample: Endpoint; members: number[] }[] | undefined;

  const peerSet = (policy: NetworkPolicy, peer: PolicyPeer): BitSet => {
    const set = new BitSet(n);
    if (peer.ipBlock) {
      const { cidr, except } = peer.ipBlock;
      for (const g of (byAddress ??= addressGroups(endpoints))) {
        const ip = g.sample.ip;
        if (cidrContains(cidr, ip) && !except.some((x) => cidrContains(x, ip)))
          for (const i of g.members) set.add(i);
      }
      return set;
    }
    for (const [ns, inNs] of byNamespace) {
      const nsOk = peer.namespaceSelector
        ? matchesSelector(peer.namespaceSelector, ns.labels)
        : ns.name === policy.namespace;
      if (!nsOk) continue;
      for (const c of inNs) {
        if (peer.podSelector && !matchesSelector(peer.podSelector, c.sample.pod.labels)) continue;
        for (const i of c.members) set.add(i);
      }
    }
    return set;
  };

  const portMask = (entries: readonly PolicyPort[], flow: FlowPort): BitSet | null => {
    if (entries.length === 0) return null;
    // Without named ports the answer is the same for every destination.
    if (entries.every((p) => typeof p.port !== 'string')) {
      return portsMatch(entries, flow, endpoints[0]!) ? null : (none ??= new BitSet(n));
    }
    let entriesKey = entryKeys.get(entries);
    if (entriesKey === undefined) entryKeys.set(entries, (entriesKey = JSON.stringify(entries)));
    const cacheKey = `${entriesKey}|${flow.port}/${flow.protocol}`;
    if (namedPortCache.has(cacheKey)) return namedPortCache.get(cacheKey)!;
    const set = new BitSet(n);
    for (const g of (byPorts ??= portGroups(endpoints)))
      if (portsMatch(entries, flow, g.sample)) for (const i of g.members) set.add(i);
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

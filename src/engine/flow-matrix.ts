// Every endpoint × endpoint × port verdict at once. Rows are bit sets over destinations, built
// by OR-ing whole compiled rules, so the cost grows with pods²/32 rather than pods² × policies.
// flowVerdict() reads one cell back with its per-side verdicts; evaluate-flow.ts must agree.
import { BitSet } from '../lib/bitset';
import { reportProgress } from '../lib/progress';
import {
  compilePolicies,
  ruleAllows,
  type CompiledPolicies,
  type CompiledPolicy,
  type CompiledRule,
} from './compile';
import { alwaysAllowed, type Endpoint } from './endpoints';
import { portsMatch, type FlowPort } from './match';
import type { NetworkPolicy } from '../k8s/types';
import type { SideVerdictKind } from './evaluate-flow';

export interface FlowMatrix {
  readonly compiled: CompiledPolicies;
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly FlowPort[];
  /** Endpoints selected by at least one policy of that type. */
  readonly egressIsolated: BitSet;
  readonly ingressIsolated: BitSet;
  /** [port][source] → destinations the flow reaches (both sides allow). */
  readonly allowed: readonly (readonly BitSet[])[];
  /** [port][source] → destinations the source's egress allows. */
  readonly egress: readonly (readonly BitSet[])[];
  /** [port][source] → destinations whose ingress admits the source. */
  readonly ingress: readonly (readonly BitSet[])[];
}

export interface SideVerdict {
  readonly verdict: SideVerdictKind;
  readonly policies: readonly string[];
}

export interface MatrixFlow {
  readonly allowed: boolean;
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
}

export interface FlowMatrixOptions {
  /**
   * The sources whose rows to work out (default: every endpoint). The rows of the others are left
   * out (undefined): the CLI asks for a few sources among tens of thousands of pods, in memory
   * that grows with sources × endpoints rather than endpoints².
   */
  readonly sources?: readonly number[];
}

export function computeFlowMatrix(
  policies: readonly NetworkPolicy[],
  endpoints: readonly Endpoint[],
  ports: readonly FlowPort[],
  options: FlowMatrixOptions = {},
): FlowMatrix {
  const compiled = compilePolicies(policies, endpoints, ports);
  const n = endpoints.length;
  const egressIsolated = new BitSet(n);
  const ingressIsolated = new BitSet(n);
  for (const cp of compiled.policies) {
    if (cp.egress) egressIsolated.or(cp.selected);
    if (cp.ingress) ingressIsolated.or(cp.selected);
  }
  const full = BitSet.full(n);
  const notIngressIsolated = full.clone();
  for (let i = 0; i < notIngressIsolated.words.length; i++)
    notIngressIsolated.words[i]! &= ~ingressIsolated.words[i]!;

  // Pairs NetworkPolicy never blocks: a pod to itself, a pod and its own node.
  const always: [number, number][] = [];
  const byIp = new Map<string, number[]>();
  endpoints.forEach((e, i) => byIp.set(e.ip.key, [...(byIp.get(e.ip.key) ?? []), i]));
  endpoints.forEach((e, i) => {
    if (e.kind === 'pod') always.push([i, i]);
    const nodeIp = e.kind === 'pod' && !e.pod.hostNetwork ? e.node?.internalIP?.key : undefined;
    for (const j of nodeIp ? (byIp.get(nodeIp) ?? []) : []) {
      if (alwaysAllowed(e, endpoints[j]!)) always.push([i, j], [j, i]);
    }
  });

  const sources = options.sources ?? endpoints.map((_, i) => i);
  const allowed: BitSet[][] = [];
  const egressRows: BitSet[][] = [];
  const ingressRows: BitSet[][] = [];
  // Progress: each port's egress rows, then its rows of both sides together.
  const steps = ports.length * 2 * sources.length;
  ports.forEach((_, pi) => {
    const eg: BitSet[] = [];
    sources.forEach((s, k) => {
      if ((k & 1023) === 0) reportProgress('matrix', 2 * pi * sources.length + k, steps);
      eg[s] = egressIsolated.has(s) ? egressRow(compiled.selecting[s]!, s, pi, n) : full;
    });
    const ing = ingressRowsFor(compiled.policies, pi, n, notIngressIsolated, sources);
    const ok: BitSet[] = [];
    sources.forEach((s, k) => {
      if ((k & 1023) === 0) reportProgress('matrix', (2 * pi + 1) * sources.length + k, steps);
      ok[s] = ing[s]!.clone().and(eg[s]!);
    });
    for (const [s, d] of always) ok[s]?.add(d);
    allowed.push(ok);
    egressRows.push(eg);
    ingressRows.push(ing);
  });
  return {
    compiled,
    endpoints,
    ports,
    egressIsolated,
    ingressIsolated,
    allowed,
    egress: egressRows,
    ingress: ingressRows,
  };
}

function egressRow(selecting: readonly CompiledPolicy[], _source: number, pi: number, n: number): BitSet {
  const row = new BitSet(n);
  for (const cp of selecting) {
    for (const r of cp.egress ?? []) {
      const mask = r.portMasks[pi] ?? null;
      if (r.peers === null) {
        if (mask === null) return BitSet.full(n);
        row.or(mask);
      } else if (mask === null) row.or(r.peers);
      else row.orAnd(r.peers, mask);
    }
  }
  return row;
}

/** Per source (only those in `sources`; the array has holes elsewhere): the destinations whose ingress admits it. */
function ingressRowsFor(
  policies: readonly CompiledPolicy[],
  pi: number,
  n: number,
  notIsolated: BitSet,
  sources: readonly number[],
): BitSet[] {
  const rows: BitSet[] = [];
  for (const s of sources) rows[s] = notIsolated.clone();
  const fromAnyone = new BitSet(n);
  // Many rules share one peer set (the same selector in many policies): merge their targets
  // first, then walk each distinct peer set once.
  const byPeers = new Map<string, { peers: BitSet; targets: BitSet }>();
  for (const cp of policies) {
    for (const r of cp.ingress ?? []) {
      const mask = r.portMasks[pi] ?? null;
      if (r.peers === null) {
        if (mask === null) fromAnyone.or(cp.selected);
        else fromAnyone.orAnd(cp.selected, mask);
        continue;
      }
      const key = r.peers.words.join(',');
      let group = byPeers.get(key);
      if (!group) {
        group = { peers: r.peers, targets: new BitSet(n) };
        byPeers.set(key, group);
      }
      if (mask === null) group.targets.or(cp.selected);
      else group.targets.orAnd(cp.selected, mask);
    }
  }
  for (const { peers, targets } of byPeers.values()) {
    if (targets.isEmpty()) continue;
    for (const s of peers) rows[s]?.or(targets);
  }
  if (!fromAnyone.isEmpty()) for (const s of sources) rows[s]!.or(fromAnyone);
  return rows;
}

/** Whether any policy of that direction selects endpoint `i`. */
const isolatedBy = (c: CompiledPolicies, i: number, side: 'egress' | 'ingress'): boolean =>
  c.selecting[i]!.some((cp) => cp[side] !== null);

/** The destinations `source`'s egress side allows on port `pi` (every one when no egress policy selects it). */
export function egressRowOf(c: CompiledPolicies, source: number, pi: number): BitSet {
  const n = c.endpoints.length;
  return isolatedBy(c, source, 'egress') ? egressRow(c.selecting[source]!, source, pi, n) : BitSet.full(n);
}

/**
 * Whether rule `r` covers port `pi` at `destination` — or, given `stand`, at that pod instead: a
 * pod the selectors treat as `destination` but with other container ports (a named-port class).
 */
function coversPort(
  c: CompiledPolicies,
  r: CompiledRule,
  destination: number,
  pi: number,
  stand?: Endpoint,
): boolean {
  if (stand) return portsMatch(r.rule.ports, c.ports[pi]!, stand);
  const mask = r.portMasks[pi] ?? null;
  return mask === null || mask.has(destination);
}

/** The sources `destination`'s ingress side admits on port `pi`: one column of the ingress rows. */
export function ingressColumnOf(
  c: CompiledPolicies,
  destination: number,
  pi: number,
  stand?: Endpoint,
): BitSet {
  const n = c.endpoints.length;
  if (!isolatedBy(c, destination, 'ingress')) return BitSet.full(n);
  const column = new BitSet(n);
  for (const cp of c.selecting[destination]!) {
    for (const r of cp.ingress ?? []) {
      if (!coversPort(c, r, destination, pi, stand)) continue;
      if (r.peers === null) return BitSet.full(n);
      column.or(r.peers);
    }
  }
  return column;
}

/**
 * One side of one flow, without computing a matrix: does `side` of `source → destination` on port
 * `pi` allow it? `stand` as in ingressColumnOf.
 */
export function sideAllows(
  c: CompiledPolicies,
  side: 'egress' | 'ingress',
  source: number,
  destination: number,
  pi: number,
  stand?: Endpoint,
): boolean {
  const subject = side === 'egress' ? source : destination;
  if (!isolatedBy(c, subject, side)) return true;
  const peer = side === 'egress' ? destination : source;
  return c.selecting[subject]!.some((cp) =>
    cp[side]?.some(
      (r) => (r.peers === null || r.peers.has(peer)) && coversPort(c, r, destination, pi, stand),
    ),
  );
}

/** One cell of the matrix with both sides' verdicts and the policies that allowed it. */
export function flowVerdict(m: FlowMatrix, source: number, destination: number, pi: number): MatrixFlow {
  const always = alwaysAllowed(m.endpoints[source]!, m.endpoints[destination]!) !== undefined;
  const side = (isolated: boolean, allows: boolean, policies: () => string[]): SideVerdict => {
    if (!isolated) return { verdict: 'unrestricted', policies: [] };
    if (allows) return { verdict: 'allow', policies: policies() };
    return always ? { verdict: 'allow', policies: [] } : { verdict: 'deny', policies: [] };
  };
  const egress = side(m.egressIsolated.has(source), m.egress[pi]![source]!.has(destination), () =>
    m.compiled.selecting[source]!.filter((cp) =>
      cp.egress?.some((r) => ruleAllows(r, destination, destination, pi)),
    )
      .map((cp) => cp.key)
      .sort(),
  );
  const ingress = side(m.ingressIsolated.has(destination), m.ingress[pi]![source]!.has(destination), () =>
    m.compiled.selecting[destination]!.filter((cp) =>
      cp.ingress?.some((r) => ruleAllows(r, source, destination, pi)),
    )
      .map((cp) => cp.key)
      .sort(),
  );
  return { allowed: m.allowed[pi]![source]!.has(destination), egress, ingress };
}

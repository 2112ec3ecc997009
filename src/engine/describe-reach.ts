// Differences between two scenarios, grouped the way a person reads them: per pod whose side
// changed and direction, the peers that gained (or lost) the same ports. Each group names the
// policies that decide it, from the engine's own one-flow explanation of a witness flow.
import type { LocalText } from '../lib/text';
import { evaluateFlow, type SideExplanation } from './evaluate-flow';
import type { ReachComparison, ReachDifference } from './compare-reach';
import { peerSetText, portSetText, subjectText, type PortSet } from './describe-classes';
import { baseIndexOf, namedClassAt, type PeerUniverse, type PodClass } from './peer-classes';

export interface ReachGroup {
  /** The pod class whose side changed. */
  readonly subject: PodClass;
  readonly direction: 'ingress' | 'egress';
  /** true: the actual scenario allows these flows and the expected one does not. */
  readonly extra: boolean;
  /** false: only the subject's side differs; the other side decides the flow alike in both. */
  readonly flow: boolean;
  /** Endpoint indexes of the peers (pod classes and outside classes). */
  readonly peers: ReadonlySet<number>;
  readonly ports: PortSet;
  /** One flow of the group, for explanations and for showing its peer. */
  readonly example: ReachDifference;
}

/** The group in words, and the policies that decide it. */
export interface ReachGroupText {
  readonly subject: LocalText;
  readonly peers: LocalText;
  readonly ports: LocalText;
  /** `namespace/name` of the policies that allow the flows where they are allowed. */
  readonly allowedBy: readonly string[];
  /** `namespace/name` of the policies that isolate the subject where the flows are denied. */
  readonly isolatedBy: readonly string[];
  /** The rules that allow the example flow where it is allowed (rule numbers count from 1). */
  readonly rules: readonly { readonly policy: string; readonly rule: number }[];
}

const baseIndex = baseIndexOf;
const isNamed = (u: PeerUniverse, i: number): boolean => namedClassAt(u, i) !== undefined;

/** Groups the differences: subject, direction and kind first, then peers sharing the same ports. */
export function groupDifferences(c: ReachComparison): ReachGroup[] {
  const u = c.universe;
  interface Acc {
    /** The subject classes (one per pod address class: policies select by labels, never by address). */
    subjects: Set<number>;
    direction: 'ingress' | 'egress';
    extra: boolean;
    flow: boolean;
    byPeer: Map<number, { classes: Set<number>; named: Set<number>; example: ReachDifference }>;
  }
  const groups = new Map<string, Acc>();
  const hasMembers = (i: number): boolean => i < u.pods.length && u.pods[i]!.members.length > 0;
  for (const d of c.differences) {
    const to = baseIndex(u, d.to);
    const ingress = d.ingress && (!d.egress || hasMembers(to) || !hasMembers(d.from));
    const subject = ingress ? to : d.from;
    const peer = ingress ? d.from : to;
    const s = u.pods[subject]!;
    const key = `${s.namespace.index}|${JSON.stringify(s.labels.witness)}|${ingress}|${d.extra}|${d.flow}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          subjects: new Set(),
          direction: ingress ? 'ingress' : 'egress',
          extra: d.extra,
          flow: d.flow,
          byPeer: new Map(),
        }),
      );
    g.subjects.add(subject);
    let p = g.byPeer.get(peer);
    if (!p) g.byPeer.set(peer, (p = { classes: new Set(), named: new Set(), example: d }));
    if (isNamed(u, d.to)) p.named.add(d.to);
    else p.classes.add(d.port);
  }
  const out: ReachGroup[] = [];
  for (const g of groups.values()) {
    const byPorts = new Map<string, { peers: Set<number>; ports: PortSet; example: ReachDifference }>();
    for (const [peer, p] of g.byPeer) {
      const key = `${[...p.classes].sort((a, b) => a - b).join(',')}|${[...p.named].sort((a, b) => a - b).join(',')}`;
      let e = byPorts.get(key);
      if (!e)
        byPorts.set(
          key,
          (e = { peers: new Set(), ports: { classes: p.classes, named: p.named }, example: p.example }),
        );
      e.peers.add(peer);
    }
    const subjects = [...g.subjects].map((i) => u.pods[i]!);
    const subject = subjects.find((x) => x.members.length > 0) ?? subjects[0]!;
    for (const e of byPorts.values())
      out.push({
        subject,
        direction: g.direction,
        extra: g.extra,
        flow: g.flow,
        peers: e.peers,
        ports: e.ports,
        example: e.example,
      });
  }
  // Pods of the scenario first (their names mean something to the reader), extra before missing.
  const rank = (g: ReachGroup): number =>
    (g.subject.members.length > 0 ? 0 : 4) + (g.flow ? 0 : 2) + (g.extra ? 0 : 1);
  return out.sort(
    (a, b) => rank(a) - rank(b) || a.subject.index - b.subject.index || b.peers.size - a.peers.size,
  );
}

function sideOf(c: ReachComparison, g: ReachGroup, which: 'actual' | 'expected'): SideExplanation {
  const r = which === 'actual' ? c.actual : c.expected;
  const d = g.example;
  const x = evaluateFlow(
    r.cluster.policies,
    r.endpoints[d.from]!,
    r.endpoints[d.to]!,
    c.universe.flowPorts[d.port]!,
  );
  return g.direction === 'ingress' ? x.ingress : x.egress;
}

export function groupText(c: ReachComparison, g: ReachGroup): ReachGroupText {
  const u = c.universe;
  const allowing = sideOf(c, g, g.extra ? 'actual' : 'expected');
  const denying = sideOf(c, g, g.extra ? 'expected' : 'actual');
  const destination = baseIndex(u, g.example.to);
  const unnamed =
    g.ports.classes.size > 0
      ? [...new Set(u.named.filter((n) => n.base.index === destination).map((n) => n.name))]
      : [];
  return {
    subject: subjectText(u, g.subject),
    peers: peerSetText(u, g.peers),
    ports: portSetText(u, { ...g.ports, unnamed }),
    allowedBy: allowing.policies,
    isolatedBy: denying.selectedBy.map((p) => p.policy),
    rules: [
      ...new Map(
        allowing.matches.map((m) => [`${m.policy}#${m.rule}`, { policy: m.policy, rule: m.rule + 1 }]),
      ).values(),
    ],
  };
}

/** The endpoint to draw for a group's hole: its first peer class, or the subject if it is new. */
export function groupWitness(c: ReachComparison, g: ReachGroup): number {
  if (g.subject.members.length === 0) return g.subject.index;
  return g.direction === 'ingress' ? g.example.from : baseIndex(c.universe, g.example.to);
}

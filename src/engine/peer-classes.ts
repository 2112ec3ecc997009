// Every peer a set of scenarios' policies could ever meet, as finitely many classes with one
// concrete witness each: pods (namespace class × label class × address class), a destination's
// named port on each port range, and outside addresses. Classes are exact: any pod, namespace,
// address or port that could exist behaves like its class's witness under every policy given.
import { BitSet } from '../lib/bitset';
import type { IpAddress } from '../lib/ip';
import type { LabelSelector, Labels, Namespace, NetworkPolicy, PolicyRule, Protocol } from '../k8s/types';
import type { Cluster, Pod } from '../k8s/types';
import { PROTOCOLS } from '../k8s/types';
import { ipBlocksOf, partitionAddresses, type AddressClass } from './address-classes';
import { inRange, ipValue, type AddressRange } from './address-space';
import { labelClasses, type KeyChoices, type LabelClass } from './label-classes';
import { compilePolicies } from './compile';
import type { FlowPort } from './match';
import type { Endpoint, PodEndpoint } from './endpoints';
import { matchesSelector } from './selector';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export interface NamespaceClass {
  readonly index: number;
  /** The namespace's name when it exists in some scenario. */
  readonly existing?: string;
  /** The witness's name (a fresh one for a namespace that does not exist yet). */
  readonly name: string;
  /** Labels of a new namespace (the name label included); existing ones use each scenario's own. */
  readonly labels: Labels;
  /** For a new namespace: what its labels may be. */
  readonly choices: readonly KeyChoices[];
}

export interface PodClass {
  /** Its endpoint index. */
  readonly index: number;
  readonly namespace: NamespaceClass;
  readonly labels: LabelClass;
  readonly address: AddressClass;
  /** `namespace/name` of the scenarios' pods that belong to the class. */
  readonly members: string[];
}

/** A destination of `base`'s class that names `name` a container port somewhere in `range`. */
export interface NamedPortClass {
  readonly index: number;
  readonly base: PodClass;
  readonly name: string;
  readonly protocol: Protocol;
  /** The port numbers, all alike for every rule that could apply; the witness uses the first. */
  readonly range: readonly [number, number];
  /** The port class of the witness's port. */
  readonly port: number;
}

export interface OutsideClass extends AddressClass {
  readonly index: number;
  /** ExternalEndpoint names and hostNetwork pods at these addresses. */
  readonly members: string[];
}

export interface PortClass {
  readonly index: number;
  readonly protocol: Protocol;
  readonly lo: number;
  readonly hi: number;
}

export interface PeerUniverse {
  readonly namespaces: readonly NamespaceClass[];
  readonly pods: readonly PodClass[];
  readonly named: readonly NamedPortClass[];
  readonly outside: readonly OutsideClass[];
  readonly ports: readonly PortClass[];
  /** The witness flow port of each port class. */
  readonly flowPorts: readonly FlowPort[];
  readonly podNetwork: readonly AddressRange[];
  /** Per scenario, the witnesses as endpoints: pods, then addresses, then named-port pods. */
  readonly endpoints: readonly (readonly Endpoint[])[];
  /** The scenarios' ns selectors (new-namespace classes) and, per namespace class, its pod selectors. */
  readonly selectors: {
    readonly namespace: readonly LabelSelector[];
    readonly pod: readonly (readonly LabelSelector[])[];
  };
  /** The addresses a new pod may have, by class. */
  readonly podAddresses: readonly AddressClass[];
  /** Pod classes by namespace class, label class (which selectors match) and address class. */
  readonly podIndex: ReadonlyMap<string, PodClass>;
}

/** The rules of a policy that take effect (a type not in policyTypes is ignored). */
export function effectiveRules(p: NetworkPolicy): { ingress: PolicyRule[]; egress: PolicyRule[] } {
  return {
    ingress: p.policyTypes.includes('Ingress') ? [...p.ingress] : [],
    egress: p.policyTypes.includes('Egress') ? [...p.egress] : [],
  };
}

const selectorKey = (s: LabelSelector): string =>
  JSON.stringify([Object.entries(s.matchLabels).sort(), s.matchExpressions]);

function unique(selectors: LabelSelector[]): LabelSelector[] {
  const seen = new Map<string, LabelSelector>();
  for (const s of selectors) seen.set(selectorKey(s), s);
  return [...seen.values()];
}

const located = { file: '(peer class)', at: () => ({ file: '(peer class)', line: 1, col: 1 }) };

/** A namespace as a scenario has it, or as it would be if created with only its name label. */
export function namespaceIn(cluster: Cluster, name: string): Namespace {
  return cluster.namespaces.get(name) ?? { name, labels: { [NAME_LABEL]: name }, declared: false };
}

/** Pod-class witness endpoint: a pod of the class with no node (nodes are never a policy's business). */
function podWitness(
  key: { namespace: Namespace; name: string },
  labels: Labels,
  ip: IpAddress,
  ports: Pod['containers'][number]['ports'] = [],
): PodEndpoint {
  const pod: Pod = {
    namespace: key.namespace.name,
    name: key.name,
    labels,
    hostNetwork: false,
    ip,
    ipSource: 'status',
    containers: [{ name: 'main', ports }],
    source: located,
  };
  return { kind: 'pod', key: `${pod.namespace}/${pod.name}`, pod, namespace: key.namespace, ip };
}

/** Port intervals per protocol, cut at every numeric port and endPort of `rules`. */
function portCuts(rules: readonly PolicyRule[], protocol: Protocol): number[] {
  const cuts = new Set<number>([1]);
  for (const r of rules)
    for (const p of r.ports) {
      if (p.protocol !== protocol || typeof p.port !== 'number') continue;
      cuts.add(p.port);
      const end = (p.endPort ?? p.port) + 1;
      if (end <= 65535) cuts.add(end);
    }
  return [...cuts].sort((a, b) => a - b);
}

const intervals = (cuts: readonly number[]): [number, number][] =>
  cuts.map((lo, i) => [lo, i + 1 < cuts.length ? cuts[i + 1]! - 1 : 65535]);

/** Builds the classes for the policies of every scenario given (they share one universe). */
export function buildPeerUniverse(clusters: readonly Cluster[]): PeerUniverse {
  const policies = clusters.flatMap((c) => c.policies);
  const rules = policies.map((p) => ({ policy: p, ...effectiveRules(p) }));
  const peers = rules.flatMap((r) =>
    [...r.ingress, ...r.egress].flatMap((rule) =>
      (rule.peers ?? []).map((peer) => ({ policy: r.policy, peer })),
    ),
  );

  // Namespaces: every existing one, then the classes of namespaces that do not exist yet.
  const existing = [...new Set(clusters.flatMap((c) => [...c.namespaces.keys()]))];
  const nsSelectors = unique(
    peers.flatMap((p) => (p.peer.namespaceSelector ? [p.peer.namespaceSelector] : [])),
  );
  const newClasses = labelClasses(
    nsSelectors,
    new Map([[NAME_LABEL, { required: true, exclude: existing, fresh: 'new-namespace' }]]),
  );
  const namespaces: NamespaceClass[] = [
    ...existing.map((name) => ({
      existing: name,
      name,
      labels: namespaceIn(
        clusters.find((c) => c.namespaces.has(name))!,
        name,
      ).labels,
      choices: [],
    })),
    ...newClasses.map((c) => ({ name: c.witness[NAME_LABEL]!, labels: c.witness, choices: c.keys })),
  ].map((n, index) => ({ ...n, index }));

  // Pod labels, per namespace class: only the selectors that can apply there.
  const podSelectors = namespaces.map((n) => {
    const labelsIn = n.existing ? clusters.map((c) => namespaceIn(c, n.name).labels) : [n.labels];
    return unique([
      ...(n.existing ? policies.filter((p) => p.namespace === n.name).map((p) => p.podSelector) : []),
      ...peers.flatMap(({ policy, peer }) => {
        if (!peer.podSelector) return [];
        const applies = peer.namespaceSelector
          ? labelsIn.some((l) => matchesSelector(peer.namespaceSelector!, l))
          : n.existing === policy.namespace;
        return applies ? [peer.podSelector] : [];
      }),
    ]);
  });

  const blocks = ipBlocksOf(clusters);
  const addresses = partitionAddresses(clusters, blocks);
  const pods: PodClass[] = [];
  namespaces.forEach((n, ni) => {
    for (const labels of labelClasses(podSelectors[ni]!))
      for (const address of addresses.podAddresses)
        pods.push({ index: pods.length, namespace: n, labels, address, members: [] });
  });

  // Port classes: per protocol, every numeric port and endPort is a boundary.
  const allRules = rules.flatMap((r) => [...r.ingress, ...r.egress]);
  const ports: PortClass[] = [];
  for (const protocol of PROTOCOLS)
    for (const [lo, hi] of intervals(portCuts(allRules, protocol)))
      ports.push({ index: ports.length, protocol, lo, hi });
  const portIndex = new Map(ports.map((p) => [`${p.protocol}/${p.lo}`, p.index]));

  const witnessNs = (cluster: Cluster, n: NamespaceClass): Namespace =>
    n.existing ? namespaceIn(cluster, n.name) : { name: n.name, labels: n.labels, declared: false };
  const base = (cluster: Cluster, p: PodClass): PodEndpoint =>
    podWitness(
      { namespace: witnessNs(cluster, p.namespace), name: `netlab-class-${p.index}` },
      p.labels.witness,
      p.address.witness,
    );

  // Named ports: for each pod class, the names the rules that could reach it use, on each range
  // of port numbers those rules treat alike. Which rules reach which class: the engine's compiled
  // rules over the classes' witnesses (ingress rules of the policies selecting it, egress rules
  // whose peers match it).
  const named: NamedPortClass[] = [];
  const usesNames = allRules.some((r) => r.ports.some((p) => typeof p.port === 'string'));
  const relevant: PolicyRule[][] = pods.map(() => []);
  if (usesNames) {
    // Namespaces labelled alike everywhere: the witnesses are the same, so compile every policy once.
    const unique = [...new Map(policies.map((p) => [policyFingerprint(p), p])).values()];
    const groups = sameNamespaces(clusters) ? [{ ...clusters[0]!, policies: unique }] : clusters;
    groups.forEach((cluster) => {
      const compiled = compilePolicies(
        cluster.policies,
        pods.map((p) => base(cluster, p)),
        [],
      );
      for (const cp of compiled.policies) {
        if (cp.ingress) for (const i of cp.selected) relevant[i]!.push(...cp.policy.ingress);
        for (const r of cp.egress ?? []) {
          if (r.peers === null) for (const list of relevant) list.push(r.rule);
          else for (const i of r.peers) relevant[i]!.push(r.rule);
        }
      }
    });
  }
  pods.forEach((p, i) => {
    const names = new Map<string, { name: string; protocol: Protocol }>();
    for (const rule of relevant[i]!)
      for (const port of rule.ports)
        if (typeof port.port === 'string')
          names.set(`${port.protocol}/${port.port}`, { name: port.port, protocol: port.protocol });
    for (const { name, protocol } of names.values()) {
      for (const range of intervals(portCuts(relevant[i]!, protocol))) {
        named.push({
          index: 0,
          base: p,
          name,
          protocol,
          range,
          port: portIndex.get(`${protocol}/${range[0]}`)!,
        });
      }
    }
  });

  const podCount = pods.length;
  const outside: OutsideClass[] = addresses.outside.map((a, i) => ({
    ...a,
    index: podCount + i,
    members: [],
  }));
  const namedWithIndex = named.map((n, i) => ({ ...n, index: podCount + outside.length + i }));

  const endpoints = clusters.map((cluster): Endpoint[] => [
    ...pods.map((p) => base(cluster, p)),
    ...outside.map((o): Endpoint => ({ kind: 'external', key: o.witness.key, ip: o.witness })),
    ...namedWithIndex.map((n) =>
      podWitness(
        { namespace: witnessNs(cluster, n.base.namespace), name: `netlab-named-${n.index}` },
        n.base.labels.witness,
        n.base.address.witness,
        [{ name: n.name, containerPort: n.range[0], protocol: n.protocol }],
      ),
    ),
  ]);

  const universe: PeerUniverse = {
    namespaces,
    pods,
    named: namedWithIndex,
    outside,
    ports,
    flowPorts: ports.map((p) => ({ port: p.lo, protocol: p.protocol })),
    podNetwork: addresses.podNetwork,
    endpoints,
    selectors: { namespace: nsSelectors, pod: podSelectors },
    podAddresses: addresses.podAddresses,
    podIndex: new Map(
      pods.map((p) => [
        podKey(
          p.namespace.index,
          p.labels.matches.words.join(','),
          addresses.podAddresses.indexOf(p.address),
        ),
        p,
      ]),
    ),
  };
  for (const c of clusters) addMembers(universe, c);
  return universe;
}

function addMembers(u: PeerUniverse, cluster: Cluster): void {
  for (const p of cluster.pods) {
    if (p.hostNetwork) {
      const o = outsideClassOf(u, p.ip);
      if (o && !o.members.includes(`${p.namespace}/${p.name}`)) o.members.push(`${p.namespace}/${p.name}`);
      continue;
    }
    const c = podClassOf(u, namespaceIn(cluster, p.namespace), p.labels, p.ip);
    const key = `${p.namespace}/${p.name}`;
    if (c && !c.members.includes(key)) c.members.push(key);
  }
  for (const x of cluster.externals) {
    const o = outsideClassOf(u, x.ip);
    if (o && !o.members.includes(x.name)) o.members.push(x.name);
  }
}

const podKey = (ns: number, labels: string, address: number): string => `${ns}|${labels}|${address}`;

/** Which of `selectors` match `labels`, in the form label classes keep (BitSet words). */
function matchKey(selectors: readonly LabelSelector[], labels: Labels): string {
  const set = new BitSet(selectors.length);
  selectors.forEach((s, i) => {
    if (matchesSelector(s, labels)) set.add(i);
  });
  return set.words.join(',');
}

/** The class of any namespace: an existing one by name, else the new-namespace class of its labels. */
export function namespaceClassOf(u: PeerUniverse, ns: Namespace): NamespaceClass | undefined {
  const byName = u.namespaces.find((n) => n.existing === ns.name);
  if (byName) return byName;
  const want = matchKey(u.selectors.namespace, ns.labels);
  return u.namespaces.find((n) => !n.existing && matchKey(u.selectors.namespace, n.labels) === want);
}

/** The class of any pod on the pod network, by its namespace, labels and address. */
export function podClassOf(
  u: PeerUniverse,
  ns: Namespace,
  labels: Labels,
  ip: IpAddress,
): PodClass | undefined {
  const n = namespaceClassOf(u, ns);
  if (!n) return undefined;
  const v = ipValue(ip);
  const address = u.podAddresses.findIndex((a) => a.ranges.some((r) => inRange(r, ip.family, v)));
  if (address < 0) return undefined;
  return u.podIndex.get(podKey(n.index, matchKey(u.selectors.pod[n.index]!, labels), address));
}

/** The class of any address as an outside machine. */
export function outsideClassOf(u: PeerUniverse, ip: IpAddress): OutsideClass | undefined {
  const v = ipValue(ip);
  return u.outside.find((o) => o.ranges.some((r) => inRange(r, ip.family, v)));
}

/** The port class of a flow port. */
export function portClassOf(u: PeerUniverse, port: FlowPort): PortClass {
  return u.ports.find((p) => p.protocol === port.protocol && port.port >= p.lo && port.port <= p.hi)!;
}

/**
 * The endpoint index standing for a concrete endpoint: as a source (`flow` absent), or as the
 * destination of `flow` — a pod naming a port the rules use, on the flow's port, is that named
 * class. Undefined for a pod outside every class (an address off the pod network).
 */
export function classIndexOf(u: PeerUniverse, e: Endpoint, flow?: FlowPort): number | undefined {
  if (e.kind === 'external' || e.pod.hostNetwork) return outsideClassOf(u, e.ip)?.index;
  const p = podClassOf(u, e.namespace, e.pod.labels, e.ip);
  if (!p || !flow) return p?.index;
  const declared = e.pod.containers.flatMap((c) => c.ports);
  const named = u.named.find(
    (n) =>
      n.base === p &&
      n.protocol === flow.protocol &&
      flow.port >= n.range[0] &&
      flow.port <= n.range[1] &&
      declared.some(
        (d) => d.name === n.name && d.containerPort === flow.port && d.protocol === flow.protocol,
      ),
  );
  return named?.index ?? p.index;
}

/** The class flow standing for a concrete flow: source class, destination class and port class. */
export function flowClassOf(
  u: PeerUniverse,
  from: Endpoint,
  to: Endpoint,
  flow: FlowPort,
): { from: number; to: number; port: number } | undefined {
  const s = classIndexOf(u, from);
  const d = classIndexOf(u, to, flow);
  if (s === undefined || d === undefined) return undefined;
  const named = namedClassAt(u, d);
  return { from: s, to: d, port: named ? named.port : portClassOf(u, flow).index };
}

/** The named-port class at endpoint index `i`, if it is one (they come after pods and addresses). */
export function namedClassAt(u: PeerUniverse, i: number): NamedPortClass | undefined {
  const k = i - u.pods.length - u.outside.length;
  return k >= 0 ? u.named[k] : undefined;
}

/** The pod class a named-port class stands for; any other index as it is. */
export const baseIndexOf = (u: PeerUniverse, i: number): number => namedClassAt(u, i)?.base.index ?? i;

/** Whether every namespace carries the same labels in every cluster (one absent counts as name-only). */
export function sameNamespaces(clusters: readonly Cluster[]): boolean {
  const names = new Set(clusters.flatMap((c) => [...c.namespaces.keys()]));
  const key = (c: Cluster, n: string): string =>
    JSON.stringify(Object.entries(namespaceIn(c, n).labels).sort());
  return [...names].every((n) => clusters.every((c) => key(c, n) === key(clusters[0]!, n)));
}

/** A policy's meaning, without where it was written: equal fingerprints select and allow alike. */
export function policyFingerprint(p: NetworkPolicy): string {
  return JSON.stringify({ ...p, source: undefined, policyTypesDefaulted: undefined }, (_k, v: unknown) =>
    v && typeof v === 'object' && 'canonical' in v && 'prefix' in v
      ? (v as { canonical: string }).canonical
      : v,
  );
}

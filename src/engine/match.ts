// Does one peer of a rule match an endpoint, does one port entry match a flow's port — with the
// reasons when not. The single-flow explainer and the matrix both build on these predicates.
import { cidrContains, type Cidr } from '../lib/ip';
import type { NetworkPolicy, PolicyPeer, PolicyPort, Protocol } from '../k8s/types';
import { isPolicyPod, type Endpoint } from './endpoints';
import { matchesSelector, unmetRequirements, type UnmetRequirement } from './selector';

/** Why an endpoint is not the peer a rule names. */
export type PeerFailure =
  | { readonly kind: 'not-a-pod' } // selectors only ever match pods on the pod network
  | { readonly kind: 'host-network' }
  | { readonly kind: 'other-namespace'; readonly want: string; readonly actual: string }
  | {
      readonly kind: 'namespace-labels';
      readonly namespace: string;
      readonly unmet: readonly UnmetRequirement[];
    }
  | { readonly kind: 'pod-labels'; readonly pod: string; readonly unmet: readonly UnmetRequirement[] }
  | { readonly kind: 'ip-outside'; readonly ip: string; readonly cidr: string }
  | { readonly kind: 'ip-excepted'; readonly ip: string; readonly except: string };

/** Every reason `endpoint` is not matched by `peer` of a rule in `policy` (empty: it matches). */
export function peerFailures(policy: NetworkPolicy, peer: PolicyPeer, endpoint: Endpoint): PeerFailure[] {
  if (peer.ipBlock) {
    const { cidr, except } = peer.ipBlock;
    if (!cidrContains(cidr, endpoint.ip))
      return [{ kind: 'ip-outside', ip: endpoint.ip.key, cidr: cidr.text }];
    const hit = except.find((e: Cidr) => cidrContains(e, endpoint.ip));
    return hit ? [{ kind: 'ip-excepted', ip: endpoint.ip.key, except: hit.text }] : [];
  }
  if (endpoint.kind === 'external') return [{ kind: 'not-a-pod' }];
  if (!isPolicyPod(endpoint)) return [{ kind: 'host-network' }];
  const out: PeerFailure[] = [];
  if (peer.namespaceSelector) {
    const unmet = unmetRequirements(peer.namespaceSelector, endpoint.namespace.labels);
    if (unmet.length) out.push({ kind: 'namespace-labels', namespace: endpoint.namespace.name, unmet });
  } else if (endpoint.pod.namespace !== policy.namespace) {
    // podSelector alone means "pods in the policy's own namespace".
    out.push({ kind: 'other-namespace', want: policy.namespace, actual: endpoint.pod.namespace });
  }
  if (peer.podSelector) {
    const unmet = unmetRequirements(peer.podSelector, endpoint.pod.labels);
    if (unmet.length) out.push({ kind: 'pod-labels', pod: endpoint.key, unmet });
  }
  return out;
}

export function peerMatches(policy: NetworkPolicy, peer: PolicyPeer, endpoint: Endpoint): boolean {
  return peerFailures(policy, peer, endpoint).length === 0;
}

/** A flow's destination port. */
export interface FlowPort {
  readonly port: number;
  readonly protocol: Protocol;
}

/** Why a rule's port entry does not cover a flow's port. */
export type PortFailure =
  | { readonly kind: 'protocol'; readonly want: Protocol; readonly actual: Protocol }
  | { readonly kind: 'number'; readonly want: number; readonly actual: number }
  | { readonly kind: 'range'; readonly from: number; readonly to: number; readonly actual: number }
  | { readonly kind: 'named-not-on-pod'; readonly name: string; readonly pod: string }
  | { readonly kind: 'named-not-a-pod'; readonly name: string }
  | {
      readonly kind: 'named-other-port';
      readonly name: string;
      readonly resolved: number;
      readonly resolvedProtocol: Protocol;
      readonly actual: number;
    };

/**
 * Whether `entry` covers `flow` sent to `destination`. A named port is looked up on the
 * destination pod; the rule's, the container port's and the flow's protocols must all agree.
 */
export function portFailure(entry: PolicyPort, flow: FlowPort, destination: Endpoint): PortFailure | null {
  if (entry.protocol !== flow.protocol)
    return { kind: 'protocol', want: entry.protocol, actual: flow.protocol };
  if (entry.port === undefined) return null;
  if (typeof entry.port === 'number') {
    if (entry.endPort !== undefined) {
      return flow.port >= entry.port && flow.port <= entry.endPort
        ? null
        : { kind: 'range', from: entry.port, to: entry.endPort, actual: flow.port };
    }
    return flow.port === entry.port ? null : { kind: 'number', want: entry.port, actual: flow.port };
  }
  const name = entry.port;
  if (!isPolicyPod(destination)) return { kind: 'named-not-a-pod', name };
  const declared = destination.pod.containers.flatMap((c) => c.ports).filter((p) => p.name === name);
  if (declared.length === 0) return { kind: 'named-not-on-pod', name, pod: destination.key };
  if (declared.some((p) => p.containerPort === flow.port && p.protocol === flow.protocol)) return null;
  const first = declared[0]!;
  if (first.protocol !== flow.protocol)
    return { kind: 'protocol', want: first.protocol, actual: flow.protocol };
  return {
    kind: 'named-other-port',
    name,
    resolved: first.containerPort,
    resolvedProtocol: first.protocol,
    actual: flow.port,
  };
}

/** An empty `ports` list covers everything; otherwise any one entry must cover the flow. */
export function portsMatch(ports: readonly PolicyPort[], flow: FlowPort, destination: Endpoint): boolean {
  return ports.length === 0 || ports.some((p) => portFailure(p, flow, destination) === null);
}

/** Whether `policy` selects (applies to) the endpoint: same namespace, podSelector matches. */
export function policySelects(policy: NetworkPolicy, endpoint: Endpoint): boolean {
  return (
    isPolicyPod(endpoint) &&
    endpoint.pod.namespace === policy.namespace &&
    matchesSelector(policy.podSelector, endpoint.pod.labels)
  );
}

// A flow addressed to a Service, judged the way the packet meets the policies: kube-proxy first
// rewrites the destination to one endpoint and the Service port to that endpoint's port (DNAT),
// and may rewrite the source to a node's address (masquerade); then both policy sides are
// evaluated on what the packet now says. One explanation per endpoint kube-proxy could choose.
import type { Cluster } from '../k8s/types';
import { buildEndpoints, type Endpoint } from './endpoints';
import { evaluateFlow, type FlowExplanation } from './evaluate-flow';
import type { FlowPort } from './match';
import type { ServiceDestination } from './destination';
import { backendPort, usableBackends, type ServiceBackend, type TopologyServicePort } from './services';

/** The label the service controller skips nodes by when it picks load-balancer backends. */
export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

export interface BackendFlow {
  readonly backend: ServiceBackend;
  /** The endpoint the packet reaches: the backend's pod, or its outside address. */
  readonly to: Endpoint;
  /** The source the endpoint's ingress sees (a node's address after masquerade, else the sender). */
  readonly from: Endpoint;
  /** The port after DNAT. */
  readonly port: FlowPort;
  readonly explanation: FlowExplanation;
}

export type ServiceFlowVerdict =
  | 'allowed'
  | 'denied'
  /** Some endpoints allow it, some do not: the connection depends on which one kube-proxy picks. */
  | 'some'
  | 'no-service-port'
  | 'no-endpoints'
  /** internalTrafficPolicy Local and no endpoint on the sender's node. */
  | 'no-local-endpoint';

export interface ServiceFlow {
  readonly destination: ServiceDestination;
  readonly port: FlowPort;
  readonly servicePort?: TopologyServicePort;
  /** The source was rewritten to a node's address (externalTrafficPolicy Cluster from outside). */
  readonly masqueradedTo?: string;
  /** The client's address reaches the endpoint unchanged because externalTrafficPolicy is Local. */
  readonly clientIpKept: boolean;
  readonly backends: readonly BackendFlow[];
  readonly verdict: ServiceFlowVerdict;
}

/**
 * Every endpoint `from` may reach through `destination` on `port`, each with the engine's verdict
 * after DNAT. Traffic from outside to an external address (load balancer, externalIP) under
 * externalTrafficPolicy Cluster is masqueraded to the node it enters, as kube-proxy does; under
 * Local the client's address is kept. internalTrafficPolicy Local keeps a pod's ClusterIP traffic
 * on its own node's endpoints.
 */
export function evaluateServiceFlow(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  from: Endpoint,
  destination: ServiceDestination,
  port: FlowPort,
): ServiceFlow {
  const s = destination.service;
  const base = { destination, port, clientIpKept: false, backends: [] as BackendFlow[] };
  const servicePort = s.ports.find((p) => p.port === port.port && p.protocol === port.protocol);
  if (!servicePort) return { ...base, verdict: 'no-service-port' };
  const pods = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const podOf = (key: string): (typeof cluster.pods)[number] | undefined => pods.get(key);
  let candidates = usableBackends(s.backends).filter((b) => backendPort(b, servicePort, podOf) !== undefined);
  if (candidates.length === 0) return { ...base, servicePort, verdict: 'no-endpoints' };

  const fromCluster = from.kind === 'pod' || from.node !== undefined;
  const external = destination.access === 'load-balancer' || destination.access === 'external-ip';
  if (destination.access !== 'name' && !external && fromCluster && s.internalTrafficPolicy === 'Local') {
    const node = from.kind === 'pod' ? from.pod.nodeName : from.node?.name;
    candidates = candidates.filter((b) => b.nodeName !== undefined && b.nodeName === node);
    if (candidates.length === 0) return { ...base, servicePort, verdict: 'no-local-endpoint' };
  }
  let source = from;
  let masqueradedTo: string | undefined;
  const clientIpKept = external && !fromCluster && s.externalTrafficPolicy === 'Local';
  if (external && !fromCluster && s.externalTrafficPolicy !== 'Local') {
    const entry = entryNode(cluster);
    if (entry?.internalIP) {
      masqueradedTo = entry.internalIP.key;
      source = endpointAt(cluster, endpoints, entry.internalIP.key);
    }
  }
  const backends = candidates.map((backend): BackendFlow => {
    const to = backend.pod
      ? (endpoints.find((e) => e.kind === 'pod' && e.key === backend.pod) ??
        endpointAt(cluster, endpoints, backend.ip))
      : endpointAt(cluster, endpoints, backend.ip);
    const after: FlowPort = { port: backendPort(backend, servicePort, podOf)!, protocol: port.protocol };
    return {
      backend,
      to,
      from: source,
      port: after,
      explanation: evaluateFlow(cluster.policies, source, to, after),
    };
  });
  const allowed = backends.filter((b) => b.explanation.allowed).length;
  const verdict = allowed === backends.length ? 'allowed' : allowed === 0 ? 'denied' : 'some';
  return {
    ...base,
    servicePort,
    ...(masqueradedTo !== undefined ? { masqueradedTo } : {}),
    clientIpKept,
    backends,
    verdict,
  };
}

/** The node a cloud load balancer sends to first: the first with an address that is not excluded. */
export function entryNode(cluster: Pick<Cluster, 'nodes'>): Cluster['nodes'][number] | undefined {
  return cluster.nodes.find((n) => n.internalIP && !Object.hasOwn(n.labels, EXCLUDE_FROM_LB_LABEL));
}

/** The endpoint for an address: a listed endpoint (pod or outside) with it, else a new outside one. */
function endpointAt(cluster: Cluster, endpoints: readonly Endpoint[], ip: string): Endpoint {
  return (
    endpoints.find((e) => e.ip.key === ip && (e.kind === 'external' || !e.pod.hostNetwork)) ??
    buildEndpoints({ ...cluster, pods: [] }, [ip])[0]!
  );
}

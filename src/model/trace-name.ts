// A packet addressed by name: the pod's resolver first asks the cluster DNS (a UDP 53 query to
// kube-dns, DNATed to a CoreDNS pod, judged by the same egress and ingress gates as any packet),
// then the connection goes to the answer. An egress policy that does not open DNS stops the
// journey at the query, before any connection. The cluster's CoreDNS is implicit when the
// scenario has none (dns/cluster-dns.ts).
import { dnsService, hasOwnClusterDns, resolveFromPod, withClusterDns, type Resolution } from '../dns/index';
import type { FlowPort } from '../engine/match';
import type { Cluster } from '../k8s/types';
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { buildTopology, type Topology } from './topology';
import { resolveTraceEnd } from './trace-endpoints';
import { traceFlow } from './trace-flow';
import { atController, controllerIngresses, isControllerPod, parseUrl, traceUrl } from './trace-url';
import { TraceError, type DnsStep, type NodeLocalStep, type PacketTrace, type TraceHop } from './trace-types';

/** `dns:NAME` forces a name; otherwise a destination that names nothing else is tried as a name. */
export const DNS_PREFIX = 'dns:';
const DNS_NAME = /^(?=.*[a-z])[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?(\.[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?)*\.?$/i;

/** Whether `text` is written like a DNS name (letters, digits, "-", dots; not an address). */
export const isDnsName = (text: string): boolean => text.length <= 253 && DNS_NAME.test(text);

/**
 * Traces a packet as traceFlow does; a destination given as an http(s) URL goes through the
 * ingress controller (traceUrl, the port from the URL); one given as `dns:NAME`, or one that names no pod,
 * Service, address or ExternalEndpoint but is written like a DNS name, is resolved from the
 * source pod first (traceByName).
 */
export function tracePacket(
  cluster: Cluster,
  topology: Topology,
  from: string,
  to: string,
  port: FlowPort,
): PacketTrace {
  const s = to.trim();
  if (/^https?:\/\//i.test(s))
    return resolveTraceEnd(cluster, topology, from).end.kind === 'pod'
      ? traceUrlFromPod(cluster, topology, from, s)
      : traceUrl(cluster, topology, from, s);
  if (s.toLowerCase().startsWith(DNS_PREFIX)) return traceByName(cluster, topology, from, s.slice(4), port);
  if (isDnsName(s)) {
    try {
      resolveTraceEnd(cluster, topology, s);
    } catch (e) {
      if (e instanceof TraceError) return traceByName(cluster, topology, from, s, port);
      throw e;
    }
  }
  return traceFlow(cluster, topology, from, to, port);
}

/** The DNS query from `from`, then (when it gets an answer) the connection to `name` on `port`. */
export function traceByName(
  written: Cluster,
  writtenTopology: Topology,
  from: string,
  name: string,
  port: FlowPort,
): PacketTrace {
  const trimmed = name.trim();
  if (!isDnsName(trimmed))
    throw new TraceError(`${trimmed}: not a DNS name`, `${josa(trimmed, '은/는')} DNS 이름이 아닙니다`);
  const src = resolveTraceEnd(written, writtenTopology, from).end;
  if (src.kind !== 'pod')
    throw new TraceError(
      `${from}: a name is resolved by a pod's resolver; trace a name from a pod`,
      `${from}: 이름은 파드의 리졸버가 풉니다. 이름으로 보낼 때는 파드에서 보내세요`,
    );
  const implicit = !hasOwnClusterDns(written);
  const cluster = withClusterDns(written);
  // The page's model already holds the implicit CoreDNS (drawn); a bare cluster gets it here.
  const topology =
    cluster !== written
      ? buildTopology(cluster, {
          bridgeName: writtenTopology.bridgeName,
          generatedNode: writtenTopology.generatedNode ?? null,
        })
      : writtenTopology;
  const resolution = resolveFromPod(cluster, src.pod.key, trimmed, topology.services)!;
  const server = dnsService(topology.services);
  if (resolution.conf.nameserver === null || !server?.clusterIP) {
    const why = server?.clusterIP ? resolution.conf.why : noDnsServer();
    throw new TraceError(
      `${src.pod.key} cannot resolve ${trimmed}: ${why.en}`,
      `${src.pod.key}: ${trimmed}: ${why.ko}`,
    );
  }
  // The pod sends to its resolv.conf's nameserver: kube-dns, or NodeLocal DNSCache's address.
  const nameserver = resolution.conf.nameserver;
  const query = traceFlow(cluster, topology, from, nameserver, { port: 53, protocol: 'UDP' });
  const local = nodeLocalStep(cluster, topology, query, resolution, server.clusterIP);
  const forwardDrop = local?.forward?.droppedAt;
  const step: DnsStep = {
    name: trimmed,
    resolution,
    server: { service: server.key, ip: server.clusterIP, implicit },
    request: renumber(query.request, 'dns'),
    reply: query.reply ? renumber(query.reply, 'dns-rep') : null,
    verdict: forwardDrop !== undefined ? 'dropped' : query.verdict,
    ...(query.droppedAt !== undefined ? { droppedAt: query.droppedAt.replace(/^req-/, 'dns-') } : {}),
    ...(forwardDrop !== undefined ? { droppedAt: forwardDrop } : {}),
    ...(local ? { nodeLocal: local } : {}),
  };
  const notices = [
    ...(implicit ? [implicitNote(cluster, server.clusterIP)] : []),
    ...(local ? [nodeLocalNote(local, server.clusterIP, src.pod.key)] : []),
  ];
  if (forwardDrop !== undefined)
    return {
      ...query,
      to: `${trimmed} (DNS)`,
      request: [...step.request, ...local!.forward!.request],
      reply: null,
      verdict: 'dropped',
      droppedAt: forwardDrop,
      notices: [...notices, nodeLocalForwardDropped(trimmed, local!.node), ...query.notices],
      dns: step,
    };
  if (query.verdict === 'dropped')
    return {
      ...query,
      to: `${trimmed} (DNS)`,
      request: step.request,
      reply: null,
      droppedAt: step.droppedAt!,
      notices: [
        ...notices,
        dnsDropped(trimmed, nodeLocalAddress(cluster, nameserver, server.clusterIP)),
        ...query.notices,
      ],
      dns: step,
    };
  const target = connectionTarget(resolution, trimmed, src.pod.key);
  const conn = traceFlow(cluster, topology, from, target, port);
  return {
    ...conn,
    to: `${trimmed} = ${conn.to}`,
    notices: [...notices, ...conn.notices],
    dns: step,
  };
}

/** A name CoreDNS forwards upstream, where netlab does not know the answer. */
class UnknownNameError extends TraceError {}

/**
 * A URL requested by a pod: its resolver looks the host up first (the DNS step, through the same
 * policies), then the connection goes to the answer. When it lands on an ingress controller pod
 * (the host's A record is the controller's load balancer, or the host is the controller Service's
 * cluster name), the controller matches the Ingress rules by the URL's host and path and connects
 * to the backend; anywhere else, no Ingress rule applies and the trace says so.
 */
export function traceUrlFromPod(
  cluster: Cluster,
  topology: Topology,
  from: string,
  url: string,
): PacketTrace {
  const u = parseUrl(url);
  if (!u) throw new TraceError(`${url}: not an http(s) URL`, `${url}: http(s) URL이 아닙니다`);
  let conn: PacketTrace;
  try {
    conn = traceByName(cluster, topology, from, u.host, { port: u.port, protocol: 'TCP' });
  } catch (e) {
    if (e instanceof UnknownNameError) throw urlHostUnknown(u.host);
    throw e;
  }
  if (conn.verdict === 'dropped') return conn;
  const arrived = conn.request.at(-1)?.device.pod;
  const pod =
    arrived !== undefined ? cluster.pods.find((p) => `${p.namespace}/${p.name}` === arrived) : undefined;
  if (!pod || !isControllerPod(pod))
    return {
      ...conn,
      notices: [
        ...conn.notices,
        noIngressOnTheWay(u.host, arrived ?? conn.request.at(-1)?.headers.dst ?? conn.to),
      ],
    };
  const dnat = conn.request.flatMap((h) => h.events).find((e) => e.type === 'dnat' && e.by === 'kube-proxy');
  const service = dnat?.type === 'dnat' ? dnat.service : arrived!;
  const t2 = atController(cluster, topology, service, controllerIngresses(cluster), conn, arrived!, u, url);
  const inCluster =
    conn.dns?.resolution.answer?.kind === 'answer' && conn.dns.resolution.answer.target.kind !== 'upstream';
  return inCluster && t2.ingress && !t2.ingress.match
    ? { ...t2, notices: [...t2.notices, hostHeaderNote(u.host)] }
    : t2;
}

/** Where the connection goes: the first address of the answer (a CNAME netlab cannot follow: the Service). */
function connectionTarget(r: Resolution, name: string, pod: string): string {
  const a = r.answer;
  if (a?.kind === 'answer' && a.addresses.length > 0) return a.addresses[0]!;
  if (a?.kind === 'answer' && a.target.kind === 'external-name') return `svc:${a.target.service}`;
  const asked = r.tries.map((x) => x.query).join(', ');
  if (a?.kind === 'unknown')
    throw new UnknownNameError(
      `${name} is outside the cluster: CoreDNS forwards it upstream and netlab does not know its address (asked ${asked}); name an ExternalEndpoint ${name} to give it one`,
      `${josa(name, '은/는')} 클러스터 밖 이름이라 CoreDNS가 위쪽 DNS로 넘기는데, netlab은 그 주소를 모릅니다(물어본 이름: ${asked}). ExternalEndpoint ${josa(name, '을/를')} 만들면 주소가 생깁니다`,
    );
  throw new TraceError(
    `${name} does not resolve from ${pod}: no record for ${asked}`,
    `${pod}에서 ${josa(name, '이/가')} 풀리지 않습니다: ${asked}에 레코드가 없습니다`,
  );
}

function renumber(hops: readonly TraceHop[], prefix: string): TraceHop[] {
  return hops.map((h) => ({ ...h, id: h.id.replace(/^(req|rep)-/, `${prefix}-`) }));
}

const noDnsServer = () =>
  t(
    'kube-system/kube-dns has no ClusterIP for the pods to send queries to',
    'kube-system/kube-dns에 파드가 질의를 보낼 ClusterIP가 없습니다',
  );

function implicitNote(cluster: Cluster, ip: string) {
  const pods = cluster.pods
    .filter((p) => p.implicit)
    .map((p) => `kube-system/${p.name} ${p.ip.key}${p.nodeName !== undefined ? ` @${p.nodeName}` : ''}`)
    .join(', ');
  return t(
    `The scenario has no kube-dns: netlab adds kubeadm's — Service kube-system/kube-dns at ${ip} (the Service range's .10) and CoreDNS pods labelled k8s-app=kube-dns (${pods})`,
    `시나리오에 kube-dns가 없어서 netlab이 kubeadm과 같은 것을 넣었습니다: Service kube-system/kube-dns ${ip}(Service 대역의 .10), k8s-app=kube-dns 레이블이 붙은 CoreDNS 파드(${pods})`,
  );
}

/** The address the query went to when NodeLocal DNSCache takes it (the same rule as trace-journey's). */
function nodeLocalAddress(cluster: Cluster, nameserver: string, kubeDnsIp: string): string | undefined {
  const nl = cluster.network.nodeLocalDns;
  if (!nl) return undefined;
  if (nameserver === nl.address) return nameserver;
  const iptables = cluster.network.kubeProxyMode === 'iptables' && !cluster.network.kubeProxyReplacement;
  return iptables && nameserver === kubeDnsIp ? nameserver : undefined;
}

const dnsDropped = (name: string, nodeLocal?: string) =>
  nodeLocal !== undefined
    ? t(
        `The DNS query for ${name} was dropped, so the connection never starts: with NodeLocal DNSCache the query goes to ${nodeLocal} on the pod's own node, not to a CoreDNS pod — an egress policy must open UDP 53 (and TCP 53) to ipBlock ${nodeLocal}/32`,
        `${name}에 대한 DNS 질의가 버려져서 연결은 시작조차 하지 않습니다. NodeLocal DNSCache에서는 질의가 CoreDNS 파드가 아니라 파드가 있는 노드의 ${josa(nodeLocal, '으로/로')} 갑니다. 이그레스 정책이 ipBlock ${nodeLocal}/32로 UDP 53(과 TCP 53)을 열어야 합니다`,
      )
    : t(
        `The DNS query for ${name} was dropped, so the connection never starts: an egress policy must open UDP 53 (and TCP 53) to the CoreDNS pods — namespace kube-system AND k8s-app=kube-dns`,
        `${name}에 대한 DNS 질의가 버려져서 연결은 시작조차 하지 않습니다. 이그레스 정책이 CoreDNS 파드(네임스페이스 kube-system이면서 k8s-app=kube-dns)로 UDP 53(과 TCP 53)을 열어야 합니다`,
      );

function urlHostUnknown(host: string): TraceError {
  return new TraceError(
    `${host} is not a cluster name: CoreDNS forwards it upstream, and the scenario does not say what public DNS answers (often the ingress controller's load balancer). Give it an address with an ExternalEndpoint named ${host}, or request the controller's Service by its cluster name`,
    `${josa(host, '은/는')} 클러스터 이름이 아니라서 CoreDNS가 위쪽 DNS로 넘기는데, 공개 DNS가 무엇을 답하는지(보통 인그레스 컨트롤러의 로드밸런서 주소) 시나리오에 없습니다. ${josa(host, '이라는/라는')} 이름의 ExternalEndpoint로 주소를 정하거나, 컨트롤러의 Service를 클러스터 이름으로 요청하세요`,
  );
}

const noIngressOnTheWay = (host: string, to: string) =>
  t(
    `No ingress controller on the way: the request followed ${host}'s address straight to ${to}, so no Ingress rule applies (Ingress rules act only inside the controller)`,
    `가는 길에 인그레스 컨트롤러가 없습니다. ${host}의 주소를 따라 요청이 ${josa(to, '으로/로')} 곧장 갔고, 인그레스 규칙은 적용되지 않습니다(인그레스 규칙은 컨트롤러 안에서만 쓰입니다)`,
  );

const hostHeaderNote = (host: string) =>
  t(
    `The request's Host header is ${host}, a cluster name, and no Ingress rule names it. A client inside the cluster that wants an Ingress host's rules sends that host in the Host header (curl -H 'Host: shop.example.com' http://${host}/…)`,
    `요청의 Host 헤더가 클러스터 이름인 ${host}이고, 이를 적은 인그레스 규칙이 없습니다. 클러스터 안 클라이언트가 인그레스 호스트의 규칙을 쓰려면 Host 헤더에 그 호스트를 넣어 보냅니다(curl -H 'Host: shop.example.com' http://${host}/…)`,
  );

/**
 * The node-local-dns part of a DNS step, when the query went to it: the node, the address, and for a
 * cluster name its own query to CoreDNS over TCP 53 from the node (what it does on a cache miss).
 */
function nodeLocalStep(
  cluster: Cluster,
  topology: Topology,
  query: PacketTrace,
  resolution: Resolution,
  kubeDnsIp: string,
): NodeLocalStep | undefined {
  const nl = cluster.network.nodeLocalDns;
  const last = query.request.at(-1);
  if (!nl || query.verdict !== 'delivered' || last?.device.name !== 'node-local-dns') return undefined;
  const node = last.device.node!;
  const base = { node, address: last.headers.dst, nameserver: nl.nameserver } as const;
  const answer = resolution.answer;
  if (answer?.kind === 'answer' && answer.target.kind === 'upstream') return base;
  if (answer?.kind === 'unknown') return base;
  const nodeIp = topology.nodes.find((n) => n.name === node)?.internalIP;
  if (!nodeIp) return base;
  const fwd = traceFlow(cluster, topology, nodeIp, kubeDnsIp, { port: 53, protocol: 'TCP' });
  return {
    ...base,
    forward: {
      request: renumber(fwd.request, 'dns-fwd'),
      verdict: fwd.verdict,
      ...(fwd.droppedAt !== undefined ? { droppedAt: fwd.droppedAt.replace(/^req-/, 'dns-fwd-') } : {}),
    },
  };
}

function nodeLocalNote(l: NodeLocalStep, kubeDnsIp: string, pod: string) {
  const to =
    l.address === kubeDnsIp
      ? t(
          `the kube-dns ClusterIP ${kubeDnsIp}, which node-local-dns also holds (its NOTRACK rules skip conntrack, so kube-proxy's DNAT never applies)`,
          `kube-dns ClusterIP ${kubeDnsIp}(node-local-dns가 이 주소도 가지고 있고, NOTRACK 규칙 때문에 conntrack을 거치지 않아 kube-proxy의 DNAT이 적용되지 않습니다)`,
        )
      : t(
          `its link-local address ${l.address} (kubelet --cluster-dns)`,
          `링크 로컬 주소 ${l.address}(kubelet --cluster-dns)`,
        );
  const fwd = l.forward
    ? t(
        `On a cache miss it asks CoreDNS itself — over TCP 53, from ${l.node}'s address, through kube-proxy (the kube-dns-upstream Service of its manifest) — so an ingress policy on the CoreDNS pods must admit the nodes on TCP 53.`,
        `캐시에 없으면 node-local-dns가 직접 CoreDNS에 묻습니다. ${l.node}의 주소에서 TCP 53으로, kube-proxy(매니페스트의 kube-dns-upstream Service)를 거쳐 갑니다. 그래서 CoreDNS 파드에 인그레스 정책이 있다면 노드에서 오는 TCP 53을 허용해야 합니다.`,
      )
    : t(
        `A name outside cluster.local goes from node-local-dns to ${l.node}'s own upstream resolvers, not to CoreDNS.`,
        `cluster.local 밖의 이름은 node-local-dns가 CoreDNS가 아니라 ${l.node}의 위쪽 리졸버로 넘깁니다.`,
      );
  return t(
    `NodeLocal DNSCache: ${pod} sends its query to node-local-dns on its own node ${l.node}, at ${to.en}. The destination is that address, not a CoreDNS pod: a pod's egress rule that allows only the CoreDNS pods does not match it — allow UDP and TCP 53 to ipBlock ${l.address}/32. ${fwd.en}`,
    `NodeLocal DNSCache: ${josa(pod, '은/는')} 자기 노드 ${l.node}의 node-local-dns에 질의를 보냅니다. 목적지: ${to.ko}. 목적지가 CoreDNS 파드가 아니라 이 주소라서, CoreDNS 파드만 허용하는 파드의 이그레스 규칙에는 걸리지 않습니다. ipBlock ${l.address}/32로 UDP와 TCP 53을 허용하세요. ${fwd.ko}`,
  );
}

const nodeLocalForwardDropped = (name: string, node: string) =>
  t(
    `node-local-dns on ${node} could not ask CoreDNS for ${name}: its TCP 53 query from the node was dropped, so the pod gets no answer (SERVFAIL) and the connection never starts`,
    `${node}의 node-local-dns가 CoreDNS에 ${josa(name, '을/를')} 묻지 못했습니다. 노드에서 보낸 TCP 53 질의가 버려져서 파드는 답을 받지 못하고(SERVFAIL) 연결은 시작조차 하지 않습니다`,
  );

// A request given as a URL (`http://shop.example.com/api/cart`) from outside the cluster: to the
// ingress controller's Service (load balancer or NodePort), into a controller pod, which matches
// the Ingress rules of its class and opens a new connection to the backend Service. The second
// connection's source is the controller pod: policies on the backend see it, not the client.
import { matchIngress, type IngressSpec } from '../ingress/match';
import type { FlowPort } from '../engine/match';
import type { Cluster, IngressObject, Pod } from '../k8s/types';
import { keyOf } from '../k8s/types';
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
import type { Topology, TopologyService } from './topology';
import { traceFlow } from './trace-flow';
import { TraceError, type IngressStep, type PacketTrace, type TraceHop } from './trace-types';

/** The label ingress-nginx's manifests put on the controller's pods. */
export const CONTROLLER_LABEL = { key: 'app.kubernetes.io/name', value: 'ingress-nginx' } as const;

export interface ParsedUrl {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

/** `http(s)://host[:port][/path]`; null for anything else. */
export function parseUrl(text: string): ParsedUrl | null {
  const m = /^(https?):\/\/([a-z0-9.*-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?(?:[?#]\S*)?$/i.exec(text.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase() as 'http' | 'https';
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return null;
  return { scheme, host: m[2]!.toLowerCase(), port, path: m[4] ?? '/' };
}

/** Traces `url` from `from` (outside the cluster) through the ingress controller to the backend. */
export function traceUrl(cluster: Cluster, topology: Topology, from: string, url: string): PacketTrace {
  const u = parseUrl(url);
  if (!u) throw new TraceError(`${url}: not an http(s) URL`, `${url}: http(s) URL이 아닙니다`);
  const controller = findController(cluster, topology);
  const port: FlowPort = { port: u.port, protocol: 'TCP' };
  const entry = traceFlow(cluster, topology, from, `svc:${controller.service.key}`, port);
  const arrived = entry.request.at(-1)?.device.pod;
  const base: Omit<IngressStep, 'outcome'> = {
    url,
    host: u.host,
    path: u.path,
    controllerService: controller.service.key,
    ...(arrived !== undefined ? { controllerPod: arrived } : {}),
  };
  if (entry.verdict === 'dropped' || arrived === undefined)
    return {
      ...entry,
      ingress: {
        ...base,
        outcome: t('the request never reached the controller', '요청이 컨트롤러에 닿지 못했습니다'),
      },
    };
  return atController(
    cluster,
    topology,
    controller.service.key,
    controller.ingresses,
    entry,
    arrived,
    u,
    url,
  );
}

/**
 * The request has reached the controller pod `arrived` (trace `entry`): it matches the Ingress
 * rules by the URL's host and path and opens a new connection to the backend Service.
 */
export function atController(
  cluster: Cluster,
  topology: Topology,
  controllerService: string,
  ingresses: readonly IngressSpec[],
  entry: PacketTrace,
  arrived: string,
  u: ParsedUrl,
  url: string,
): PacketTrace {
  const base: Omit<IngressStep, 'outcome'> = {
    url,
    host: u.host,
    path: u.path,
    controllerService,
    controllerPod: arrived,
  };
  const outcome = matchIngress(ingresses, u.host, u.path, u.scheme === 'https');
  if (outcome.kind === 'not-found')
    return {
      ...entry,
      ingress: { ...base, outcome: outcome.text },
      notices: [outcome.text, ...entry.notices],
    };
  const m = outcome.match;
  const backend = topology.services.find((s) => s.namespace === m.namespace && s.name === m.backend.service);
  if (!backend)
    throw new TraceError(
      `${m.text.en}, but the scenario has no Service ${m.namespace}/${m.backend.service}: the controller answers 503`,
      `${m.text.ko}. 그런데 시나리오에 Service ${m.namespace}/${josa(m.backend.service, '이/가')} 없어서 컨트롤러가 503으로 답합니다`,
    );
  const sp = backend.ports.find((p) =>
    typeof m.backend.port === 'number' ? p.port === m.backend.port : p.name === m.backend.port,
  );
  if (!sp)
    throw new TraceError(
      `${m.text.en}, but Service ${backend.key} has no port ${m.backend.port}`,
      `${m.text.ko}. 그런데 Service ${backend.key}에는 포트 ${josa(m.backend.port, '이/가')} 없습니다`,
    );
  const forward = traceFlow(cluster, topology, arrived, `svc:${backend.key}`, {
    port: sp.port,
    protocol: sp.protocol,
  });
  const fwd = renumber(forward.request, 'fwd');
  const notices: LocalText[] = [
    m.text,
    ...(m.tls ? [tlsNote(m.tls.secretName)] : []),
    newConnection(arrived),
    ...entry.notices,
    ...forward.notices.filter((n) => !entry.notices.some((e) => e.en === n.en)),
  ];
  return {
    ...forward,
    from: entry.from,
    to: `${url} → svc:${backend.key}`,
    port: entry.port,
    // A pod's request asked the cluster DNS first: that step stays.
    ...(entry.dns ? { dns: entry.dns } : {}),
    request: [...entry.request, ...fwd],
    reply: forward.reply ? [...renumber(forward.reply, 'fwd-rep'), ...(entry.reply ?? [])] : null,
    ...(forward.droppedAt !== undefined ? { droppedAt: forward.droppedAt.replace(/^req-/, 'fwd-') } : {}),
    notices,
    ingress: { ...base, match: m, outcome: m.text },
  };
}

export interface Controller {
  readonly service: TopologyService;
  readonly ingresses: IngressSpec[];
}

/** Whether a pod is an ingress-nginx controller pod (by the label its manifests set). */
export const isControllerPod = (p: Pick<Pod, 'labels'>): boolean =>
  p.labels[CONTROLLER_LABEL.key] === CONTROLLER_LABEL.value;

/** The ingress-nginx-style controller: its pods (by label), the Service before them, its Ingresses. */
export function findController(cluster: Cluster, topology: Topology): Controller {
  const pods = new Set(cluster.pods.filter(isControllerPod).map(keyOf));
  const service = topology.services.find(
    (s) => (s.type === 'LoadBalancer' || s.type === 'NodePort') && s.endpoints.some((e) => pods.has(e)),
  );
  if (!service) throw noController();
  return { service, ingresses: controllerIngresses(cluster) };
}

const noController = () =>
  new TraceError(
    `no ingress controller in the scenario: add its pods (label ${CONTROLLER_LABEL.key}: ${CONTROLLER_LABEL.value}) and a LoadBalancer or NodePort Service that selects them`,
    `시나리오에 인그레스 컨트롤러가 없습니다. 컨트롤러 파드(레이블 ${CONTROLLER_LABEL.key}: ${CONTROLLER_LABEL.value})와 그 파드를 고르는 LoadBalancer 또는 NodePort Service를 추가하세요`,
  );
/** The Ingresses an ingress-nginx controller serves: its class (an IngressClass naming it, else "nginx"). */
export function controllerIngresses(cluster: Cluster): IngressSpec[] {
  const cls = cluster.ingressClasses.find((c) => c.controller === 'k8s.io/ingress-nginx');
  const className = cls?.name ?? 'nginx';
  const isDefault = cls?.isDefault ?? false;
  return cluster.ingresses
    .filter(
      (i: IngressObject) =>
        i.ingressClassName === className || (i.ingressClassName === undefined && isDefault),
    )
    .map((i): IngressSpec => i);
}

function renumber(hops: readonly TraceHop[], prefix: string): TraceHop[] {
  return hops.map((h) => ({ ...h, id: h.id.replace(/^(req|rep)-/, `${prefix}-`) }));
}

const tlsNote = (secret: string | undefined): LocalText =>
  t(
    `TLS ends at the controller (certificate from Secret ${secret ?? "(none named: the controller's default certificate)"}): the connection to the backend is plain HTTP unless the controller is configured otherwise`,
    `TLS는 컨트롤러에서 끝납니다(인증서: Secret ${secret ?? '(이름 없음: 컨트롤러의 기본 인증서)'}). 컨트롤러가 따로 설정되지 않았다면 백엔드로 가는 연결은 평문 HTTP입니다`,
  );

const newConnection = (pod: string): LocalText =>
  t(
    `The controller ends the client's connection and opens a new one from ${pod}: the backend and its policies see the controller pod's address, not the client's`,
    `컨트롤러는 클라이언트의 연결을 끝내고 ${pod}에서 새 연결을 엽니다. 백엔드와 그 정책에는 클라이언트가 아니라 컨트롤러 파드의 주소가 보입니다`,
  );

// Reachability promises kept in git (`netlab test EXPECTATIONS.yaml FILE...`): a list of flows,
// each with the verdict a team expects. Ends name a pod, a workload (every pod of it), a Service
// or an address; a promise holds when every pod pair agrees with it (allow: all allowed; deny:
// none allowed). Read with positions, so a broken promise points at its line.
import type { Diagnostic } from '../lib/diagnostic';
import { t, type LocalText } from '../lib/text';
import { FieldChecker, type Dict } from '../k8s/field-checker';
import { readYamlData, type ManifestFile } from '../k8s/source';
import type { Cluster, Protocol } from '../k8s/types';
import { PROTOCOLS } from '../k8s/types';
import { resolveDestination, type ServiceDestination } from './destination';
import { type Endpoint } from './endpoints';
import { evaluateFlow, type FlowExplanation } from './evaluate-flow';
import type { FlowPort } from './match';
import { evaluateServiceFlow, type ServiceFlow } from './service-flow';
import type { TopologyService } from './services';
import { workloadResolver } from './workloads';

export interface Expectation {
  readonly from: string;
  readonly to: string;
  readonly port: FlowPort;
  readonly expect: 'allow' | 'deny';
  /** Where the entry is: `file:line:col`. */
  readonly at: { readonly file: string; readonly line: number; readonly col: number };
}

/** Reads the expectations file: a list, or a mapping with `expectations:`. */
export function readExpectations(file: ManifestFile): {
  expectations: Expectation[];
  diagnostics: Diagnostic[];
} {
  const data = readYamlData(file);
  const diagnostics = [...data.diagnostics];
  const c = new FieldChecker(data.at, diagnostics);
  const expectations: Expectation[] = [];
  if (data.value === undefined) return { expectations, diagnostics };
  const top = data.value;
  const path = Array.isArray(top) ? [] : ['expectations'];
  const list = Array.isArray(top)
    ? top
    : (c.list((c.map(top, []) ?? {}).expectations, ['expectations']) ??
      (c.error(
        'expectations',
        [],
        t(
          'expected a list of flows, or `expectations:` with one',
          '흐름 목록, 또는 그 목록을 담은 `expectations:`가 와야 합니다',
        ),
      ),
      []));
  list.forEach((raw, i) => {
    const p = [...path, i];
    const e = c.map(raw, p);
    if (!e) return;
    const text = (k: string): string | undefined => {
      const v = (e as Dict)[k];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
      c.error(
        'expectation',
        [...p, k],
        t(
          `${k}: required (a pod, a workload, svc:NS/NAME or an IP)`,
          `${k}: 필수입니다(파드, 워크로드, svc:NS/NAME, IP 중 하나)`,
        ),
      );
      return undefined;
    };
    const from = text('from');
    const to = text('to');
    const port = portOf(c, e.port, [...p, 'port']);
    const verdict = verdictOf(c, e.expect, [...p, 'expect']);
    if (from && to && port && verdict) expectations.push({ from, to, port, expect: verdict, at: data.at(p) });
  });
  return { expectations, diagnostics };
}

function portOf(c: FieldChecker, v: unknown, path: (string | number)[]): FlowPort | undefined {
  const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(
    typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '',
  );
  const port = m ? Number(m[1]) : NaN;
  const protocol = (m?.[2] ?? 'TCP').toUpperCase();
  if (!m || port < 1 || port > 65535 || !(PROTOCOLS as readonly string[]).includes(protocol)) {
    c.error(
      'expectation',
      path,
      t(
        'port: PORT or PORT/PROTO (TCP, UDP, SCTP), e.g. 5432 or 53/UDP',
        'port: PORT 또는 PORT/PROTO(TCP, UDP, SCTP), 예: 5432, 53/UDP',
      ),
    );
    return undefined;
  }
  return { port, protocol: protocol as Protocol };
}

function verdictOf(c: FieldChecker, v: unknown, path: (string | number)[]): 'allow' | 'deny' | undefined {
  if (v === 'allow' || v === 'allowed' || v === '✓' || v === true) return 'allow';
  if (v === 'deny' || v === 'denied' || v === '✗' || v === false) return 'deny';
  c.error('expectation', path, t('expect: allow or deny', 'expect: allow 또는 deny'));
  return undefined;
}

export type End =
  | { readonly kind: 'endpoints'; readonly label: string; readonly endpoints: readonly Endpoint[] }
  | { readonly kind: 'service'; readonly label: string; readonly destination: ServiceDestination };

/** A pod, a Service, an address, else a workload's pods (`ns/name`, as the workload views name it). */
export function resolveEnd(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  services: readonly TopologyService[],
  text: string,
): End | string {
  const d = resolveDestination(cluster, endpoints, services, text);
  if (typeof d !== 'string')
    return d.kind === 'service'
      ? { kind: 'service', label: `svc:${d.service.key}`, destination: d }
      : { kind: 'endpoints', label: d.endpoint.key, endpoints: [d.endpoint] };
  const workloadOf = workloadResolver(cluster);
  const pods = endpoints.filter((e) => e.kind === 'pod' && workloadOf(e.pod).label === text);
  if (pods.length > 0) return { kind: 'endpoints', label: text, endpoints: pods };
  return `nothing named ${text}: no pod, workload, Service or address`;
}

export interface PairResult {
  readonly from: Endpoint;
  readonly to: string;
  readonly allowed: boolean;
  /** Through a Service: some of its endpoints allow it, some do not. */
  readonly some?: boolean;
  readonly flow?: FlowExplanation;
  readonly service?: ServiceFlow;
}

export interface ExpectationResult {
  readonly expectation: Expectation;
  readonly error?: LocalText;
  readonly pairs: readonly PairResult[];
  readonly passed: boolean;
}

/** Judges one promise on every pod pair it names. */
export function checkExpectation(
  cluster: Cluster,
  endpoints: readonly Endpoint[],
  services: readonly TopologyService[],
  x: Expectation,
): ExpectationResult {
  const from = resolveEnd(cluster, endpoints, services, x.from);
  const to = resolveEnd(cluster, endpoints, services, x.to);
  for (const [end, name] of [
    [from, x.from],
    [to, x.to],
  ] as const) {
    if (typeof end === 'string')
      return {
        expectation: x,
        error: t(end, `${name}: 이런 이름의 파드, 워크로드, Service, 주소가 없습니다`),
        pairs: [],
        passed: false,
      };
  }
  if (typeof from === 'string' || typeof to === 'string') throw new Error('unreachable');
  if (from.kind === 'service')
    return {
      expectation: x,
      error: t(
        `${x.from} is a Service: Services never send packets`,
        `${x.from}: Service는 패킷을 보내지 않습니다`,
      ),
      pairs: [],
      passed: false,
    };
  const pairs: PairResult[] = [];
  for (const f of from.endpoints) {
    if (to.kind === 'service') {
      const service = evaluateServiceFlow(cluster, endpoints, f, to.destination, x.port);
      pairs.push({
        from: f,
        to: to.label,
        allowed: service.verdict === 'allowed',
        ...(service.verdict === 'some' ? { some: true } : {}),
        service,
      });
      continue;
    }
    for (const d of to.endpoints) {
      if (d === f) continue;
      const flow = evaluateFlow(cluster.policies, f, d, x.port);
      pairs.push({ from: f, to: d.key, allowed: flow.allowed, flow });
    }
  }
  const passed =
    x.expect === 'allow' ? pairs.every((p) => p.allowed) : pairs.every((p) => !p.allowed && !p.some);
  return { expectation: x, pairs, passed };
}

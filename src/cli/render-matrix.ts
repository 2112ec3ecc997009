// The matrix for people (a table per port, ✓/✗ with words) and for scripts (the JSON contract),
// written as it is produced, a row or a flow at a time. `--from`/`--to` narrow it to some sources
// and destinations, and only their rows are worked out; past the documented limits it is refused
// at once, before any work, with the filters to use instead.
import { DEFAULT_CLUSTER_NETWORK, type CniName } from '../k8s/types';
import { effectiveVerdict } from '../model/enforcement';
import { findEndpoint, type Endpoint } from '../engine/endpoints';
import { computeFlowMatrix, flowVerdict, type FlowMatrix } from '../engine/flow-matrix';
import type { FlowPort } from '../engine/match';
import type { Cluster } from '../k8s/types';
import { WORDS, type Locale } from '../lib/text';
import { quote } from '../lib/user-text';
import { UsageError } from './args';

/** Rows or columns a table may have: past this a terminal table is unreadable (use --json). */
export const MAX_TABLE_ENDPOINTS = 500;
/** Flows `--json` prints at most (about 1.7 GB of JSON): past this, narrow with --from/--to. */
export const MAX_JSON_FLOWS = 10_000_000;

/** The matrix is too big to print: exit 1 with this message. */
export class TooBigError extends Error {}

/**
 * The endpoints `spec` names among `endpoints`: `*` every one, `NAMESPACE/*` a namespace's pods,
 * else one endpoint as `check` takes it (namespace/pod, a pod in `default`, an IP).
 */
export function selectEndpoints(
  endpoints: readonly Endpoint[],
  cluster: Cluster,
  spec: string | undefined,
  flag: '--from' | '--to',
): number[] {
  const all = endpoints.map((_, i) => i);
  const s = spec?.trim();
  if (s === undefined || s === '*') return all;
  if (s.endsWith('/*')) {
    const ns = s.slice(0, -2);
    const picked = all.filter((i) => {
      const e = endpoints[i]!;
      return e.kind === 'pod' && e.pod.namespace === ns;
    });
    if (picked.length === 0) throw new UsageError(`${flag} ${quote(s)}: no pods in namespace ${quote(ns)}`);
    return picked;
  }
  const found = findEndpoint(endpoints, cluster, s);
  if (typeof found === 'string') throw new UsageError(`${flag}: ${found}`);
  const i = endpoints.indexOf(found);
  if (i < 0) throw new UsageError(`${flag} ${quote(s)}: not an endpoint of the matrix (add it with --peer)`);
  return [i];
}

/** A matrix narrowed to some sources and destinations, computed over just those endpoints. */
export interface MatrixView {
  readonly m: FlowMatrix;
  /** Indexes into `m.endpoints`, in scenario order. */
  readonly sources: readonly number[];
  readonly destinations: readonly number[];
}

const bothOutside = (m: FlowMatrix, s: number, d: number) =>
  m.endpoints[s]!.kind === 'external' && m.endpoints[d]!.kind === 'external';

/**
 * The matrix `matrix` prints, or TooBigError before any work when it is past the limits.
 * Verdicts depend only on each pair and the policies, so computing over the endpoints printed
 * gives the same cells as over the whole cluster.
 */
export function narrowMatrix(
  cluster: Cluster,
  all: readonly Endpoint[],
  ports: readonly FlowPort[],
  opts: { readonly from?: string | undefined; readonly to?: string | undefined; readonly json: boolean },
): MatrixView {
  const from = selectEndpoints(all, cluster, opts.from, '--from');
  const to = selectEndpoints(all, cluster, opts.to, '--to');
  const narrow = 'use --from and --to to choose sources and destinations (NAMESPACE/*, a pod, an IP)';
  if (!opts.json && (from.length > MAX_TABLE_ENDPOINTS || to.length > MAX_TABLE_ENDPOINTS))
    throw new TooBigError(
      `the table would have ${from.length.toLocaleString('en')} rows and ${to.length.toLocaleString('en')} columns, more than ${MAX_TABLE_ENDPOINTS} of either can be read: ${narrow}, or print --json`,
    );
  const externals = (xs: readonly number[]) => xs.filter((i) => all[i]!.kind === 'external').length;
  const flows = (from.length * to.length - externals(from) * externals(to)) * ports.length;
  if (opts.json && flows > MAX_JSON_FLOWS)
    throw new TooBigError(
      `--json would print ${flows.toLocaleString('en')} flows, more than the ${MAX_JSON_FLOWS.toLocaleString('en')} netlab writes: ${narrow}`,
    );
  const keep = [...new Set([...from, ...to])].sort((a, b) => a - b);
  const at = new Map(keep.map((i, k) => [i, k]));
  const sources = from.map((i) => at.get(i)!);
  const m = computeFlowMatrix(
    cluster.policies,
    keep.map((i) => all[i]!),
    ports,
    { sources },
  );
  return { m, sources, destinations: to.map((i) => at.get(i)!) };
}

const whole = (m: FlowMatrix): MatrixView => ({
  m,
  sources: m.endpoints.map((_, i) => i),
  destinations: m.endpoints.map((_, i) => i),
});

/**
 * Every source × destination × port, outside→outside left out (the JSON contract), a flow at a
 * time; `extraFlows` (the Service columns' flows, already JSON) follow the pod flows.
 */
export function* matrixJsonChunks(
  v: MatrixView,
  extraFlows: Iterable<string> = [],
  cni: CniName = DEFAULT_CLUSTER_NETWORK.cni,
): Generator<string> {
  const { m } = v;
  const ports = JSON.stringify(m.ports.map((p) => ({ port: p.port, protocol: p.protocol })));
  yield `{"ports": ${ports},\n "flows": [\n  `;
  let first = true;
  for (let pi = 0; pi < m.ports.length; pi++) {
    const p = m.ports[pi]!;
    for (const s of v.sources) {
      for (const d of v.destinations) {
        if (bothOutside(m, s, d)) continue;
        const f = flowVerdict(m, s, d, pi);
        const e = effectiveVerdict(f.allowed, cni);
        const flow = JSON.stringify({
          from: m.endpoints[s]!.key,
          to: m.endpoints[d]!.key,
          port: p.port,
          protocol: p.protocol,
          allowed: f.allowed,
          egress: { verdict: f.egress.verdict, policies: f.egress.policies },
          ingress: { verdict: f.ingress.verdict, policies: f.ingress.policies },
          enforced: e.enforced,
          effectiveAllowed: e.allowed,
        });
        yield first ? flow : `,\n  ${flow}`;
        first = false;
      }
    }
  }
  for (const flow of extraFlows) {
    yield first ? flow : `,\n  ${flow}`;
    first = false;
  }
  yield '\n ]}\n';
}

/** The JSON contract as one string (small matrices, tests). */
export function matrixJson(
  m: FlowMatrix,
  extraFlows: readonly string[] = [],
  cni: CniName = DEFAULT_CLUSTER_NETWORK.cni,
): string {
  return [...matrixJsonChunks(whole(m), extraFlows, cni)].join('');
}

/**
 * Rows are sources, columns destinations, numbered to keep the table narrow. When the columns are
 * not the rows (--from/--to), a legend first says which number is which destination.
 */
export function* matrixTableChunks(v: MatrixView, locale: Locale): Generator<string> {
  const { m } = v;
  const yes = WORDS.cell(true)[locale];
  const no = WORDS.cell(false)[locale];
  const na = '·';
  const same =
    v.sources.length === v.destinations.length && v.sources.every((s, k) => v.destinations[k] === s);
  const cols = v.destinations.length;
  const width = Math.max(yes.length, no.length, String(cols).length) + 1;
  const names = v.sources.map((s, k) =>
    same ? `${String(k + 1).padStart(String(cols).length)} ${m.endpoints[s]!.key}` : m.endpoints[s]!.key,
  );
  const nameWidth = Math.max(...names.map((n) => n.length), 4);
  if (!same) {
    yield locale === 'ko' ? '열(목적지):\n' : 'Columns (destinations):\n';
    for (let k = 0; k < cols; k++)
      yield `${String(k + 1).padStart(String(cols).length)} ${m.endpoints[v.destinations[k]!]!.key}\n`;
    yield '\n';
  }
  for (let pi = 0; pi < m.ports.length; pi++) {
    const p = m.ports[pi]!;
    if (pi > 0) yield '\n';
    yield (
      (locale === 'ko'
        ? `포트 ${p.port}/${p.protocol} — 행: 출발지, 열: 목적지 (✓ 허용, ✗ 차단, · 클러스터 밖끼리)`
        : `Port ${p.port}/${p.protocol} — rows: from, columns: to (✓ allowed, ✗ denied, · outside to outside)`) +
      '\n'
    );
    const header = v.destinations.map((_, k) => String(k + 1).padEnd(width)).join('');
    yield `${' '.repeat(nameWidth)} ${header.trimEnd()}\n`;
    for (let r = 0; r < v.sources.length; r++) {
      const s = v.sources[r]!;
      const row = m.allowed[pi]![s]!;
      let cells = '';
      for (const d of v.destinations)
        cells += (bothOutside(m, s, d) ? na : row.has(d) ? yes : no).padEnd(width);
      yield `${names[r]!.padEnd(nameWidth)} ${cells.trimEnd()}\n`;
    }
  }
}

/** The table as one string (tests). */
export function matrixTable(m: FlowMatrix, locale: Locale): string {
  return [...matrixTableChunks(whole(m), locale)].join('');
}

// lesson.yaml `challenge.checks[]` → typed checks. Shapes are checked here; names of endpoints
// and steps are collected and checked against the scenarios once those are loaded.
import { t, type LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import type { FieldPath } from '../k8s/source';
import type { Labels, PolicyType } from '../k8s/types';
import type { FlowPort } from '../engine/match';
import { type Dict, type FieldReader } from './field-reader';
import { OBJECT_KINDS } from './check-object';
import { WORDS } from './messages';
import { parsePort } from './refs';
import type { CheckContext, PendingRef } from './check-context';

export type { CheckContext, PendingRef };
import { decodeStorageCheck } from './decode-facts';
import { readQuizOptions } from './quiz-options';
import { decodePacketCheck, PACKET_FIELDS } from './decode-packet';
import { LAB_CHECKS } from './lab';
import type {
  AuthoredCheckKind,
  Check,
  EndpointRef,
  ExpectedFlow,
  FlowRef,
  GoalCell,
  QuizOption,
  ScenarioFile,
} from './types';
import { josa } from '../lib/korean';

/** The kinds lesson.yaml may write (the loader adds `editable` itself). */
export const CHECK_KINDS: readonly AuthoredCheckKind[] = [
  'flows',
  'least-privilege',
  'matrix',
  'reach',
  'object',
  'no-errors',
  'quiz',
  'packet',
  'facts',
  'predict',
];

const COMMON = ['check', 'id', 'step', 'message', 'success'];
const FIELDS: Readonly<Record<AuthoredCheckKind, readonly string[]>> = {
  flows: ['flows'],
  'least-privilege': ['among', 'from', 'to', 'ports', 'allow'],
  matrix: ['among', 'from', 'to', 'goal'],
  reach: ['compare', 'goal', 'eachSide'],
  object: [
    'object',
    'exists',
    'selects',
    'notSelects',
    'policyTypes',
    'labels',
    'portNames',
    'peerWith',
    'unchanged',
  ],
  'no-errors': ['warnings'],
  quiz: ['question', 'flow', 'answers', 'options', 'ask', 'scenario', 'reveal'],
  packet: PACKET_FIELDS,
  facts: ['facts'],
  predict: ['question', 'options', 'scenario', 'reveal'],
};

export function decodeCheck(
  ctx: CheckContext,
  raw: unknown,
  path: FieldPath,
  index: number,
): Check | undefined {
  const { r } = ctx;
  const m = r.map(raw, path);
  if (!m) return undefined;
  const kind = r.string(m.check, [...path, 'check']);
  if (kind === undefined) {
    r.error(
      'required',
      path,
      t(
        `each check needs "check:", one of ${LAB_CHECKS[ctx.lab].join(', ')}`,
        `각 검사에는 "check:"가 필요합니다. ${LAB_CHECKS[ctx.lab].join(', ')} 중 하나를 쓰세요`,
      ),
    );
    return undefined;
  }
  if (!(CHECK_KINDS as readonly string[]).includes(kind)) {
    r.error(
      'check-kind',
      [...path, 'check'],
      t(
        `unknown check "${kind}": use ${LAB_CHECKS[ctx.lab].join(', ')}`,
        `알 수 없는 검사 "${kind}": ${LAB_CHECKS[ctx.lab].join(', ')} 중 하나를 쓰세요`,
      ),
    );
    return undefined;
  }
  const check = kind as AuthoredCheckKind;
  if (!LAB_CHECKS[ctx.lab].includes(check)) {
    const usable = LAB_CHECKS[ctx.lab].join(', ');
    r.error(
      'check-kind',
      [...path, 'check'],
      t(
        `a ${check} check does not belong to the ${ctx.lab} lab: use ${usable}`,
        `${check} 검사는 ${ctx.lab} 실습에서 쓸 수 없습니다. ${usable} 중 하나를 쓰세요`,
      ),
    );
    return undefined;
  }
  r.fields(m, path, [...COMMON, ...FIELDS[check]]);
  const id = r.string(m.id, [...path, 'id']) ?? `${check}-${index + 1}`;
  const step = r.string(m.step, [...path, 'step']) ?? ctx.lastStep;
  const message = m.message === undefined ? undefined : r.localText(m.message, [...path, 'message']);
  const success = m.success === undefined ? undefined : r.localText(m.success, [...path, 'success']);
  const base = { id, step, at: r.at(path), ...(message ? { message } : {}), ...(success ? { success } : {}) };
  const onSolution = (): ScenarioFile[] => [ctx.solution()].filter((s): s is ScenarioFile => s !== undefined);

  switch (check) {
    case 'flows': {
      if (!r.need(m, 'flows', path)) return undefined;
      const flows = (r.list(m.flows, [...path, 'flows']) ?? []).map((f, i) =>
        expectedFlow(ctx, f, [...path, 'flows', i], onSolution),
      );
      if (flows.length === 0)
        r.error('empty', [...path, 'flows'], t('list at least one flow', '흐름을 하나 이상 쓰세요'));
      return { ...base, check, flows: flows.filter((f): f is ExpectedFlow => f !== undefined) };
    }
    case 'least-privilege': {
      const { from, to } = fromTo(ctx, m, path, onSolution);
      if (!r.need(m, 'ports', path)) return undefined;
      const ports = portList(r, m.ports, [...path, 'ports']);
      // No `allow`: nothing at all may be allowed.
      const allow = (r.list(m.allow, [...path, 'allow']) ?? []).map((f, i) =>
        flowRef(ctx, f, [...path, 'allow', i], onSolution, []),
      );
      return { ...base, check, from, to, ports, allow: allow.filter((f): f is FlowRef => f !== undefined) };
    }
    case 'matrix':
      return matrixCheck(ctx, m, path, base, onSolution);
    case 'reach': {
      const compare = r.string(m.compare, [...path, 'compare']) ?? 'equal';
      if (compare !== 'equal' && compare !== 'at-most' && compare !== 'at-least') {
        r.error(
          'reach',
          [...path, 'compare'],
          t(
            'compare is equal (the default), at-most (nothing more open than the goal) or at-least',
            'compare는 equal(기본값), at-most(목표보다 더 열지 않음), at-least 중 하나입니다',
          ),
        );
        return undefined;
      }
      const goal = m.goal === undefined ? ctx.solution() : ctx.scenarioFile(m.goal, [...path, 'goal']);
      if (!goal) return undefined;
      const eachSide = m.eachSide === undefined ? undefined : r.bool(m.eachSide, [...path, 'eachSide']);
      return { ...base, check, compare, goal, ...(eachSide ? { eachSide } : {}) };
    }
    case 'object':
      return objectCheck(ctx, m, path, base, onSolution);
    case 'no-errors':
      return { ...base, check, warnings: r.strings(m.warnings, [...path, 'warnings']) };
    case 'quiz':
      return quizCheck(ctx, m, path, base);
    case 'packet':
      return decodePacketCheck(ctx, m, path, base, onSolution);
    case 'facts':
    case 'predict':
      return decodeStorageCheck(ctx, m, path, base, check);
  }
}

function endpointRef(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): EndpointRef | undefined {
  const s = ctx.r.string(value, path);
  if (s !== undefined) ctx.refs.push({ kind: 'endpoint', ref: s, path, scenarios });
  return s;
}

function endpointList(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): EndpointRef[] {
  return (ctx.r.list(value, path) ?? [])
    .map((v, i) => endpointRef(ctx, v, [...path, i], scenarios))
    .filter((s): s is string => s !== undefined);
}

function port(r: FieldReader, value: unknown, path: FieldPath): FlowPort | undefined {
  if (value === undefined || value === null) return undefined;
  const p = parsePort(value);
  if (!p)
    r.error(
      'port',
      path,
      t(
        `not a port: ${quote(value)}; write 80, or 53/UDP (TCP, UDP or SCTP)`,
        `포트가 아닙니다: ${quote(value)}. 80 또는 53/UDP처럼 쓰세요(TCP, UDP, SCTP)`,
      ),
    );
  return p;
}

function portList(r: FieldReader, value: unknown, path: FieldPath): FlowPort[] {
  const items = r.list(value, path) ?? [];
  if (items.length === 0) r.error('empty', path, t('list at least one port', '포트를 하나 이상 쓰세요'));
  return items.map((v, i) => port(r, v, [...path, i])).filter((p): p is FlowPort => p !== undefined);
}

/** `{from, to, port}` plus any `extra` keys the caller reads itself. */
export function flowRef(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
  extra: readonly string[],
): FlowRef | undefined {
  const { r } = ctx;
  const m = r.map(value, path);
  if (!m) return undefined;
  r.fields(m, path, ['from', 'to', 'port', ...extra]);
  const ok = [r.need(m, 'from', path), r.need(m, 'to', path), r.need(m, 'port', path)].every(Boolean);
  const from = endpointRef(ctx, m.from, [...path, 'from'], scenarios);
  const to = endpointRef(ctx, m.to, [...path, 'to'], scenarios);
  const p = port(r, m.port, [...path, 'port']);
  if (!ok || from === undefined || to === undefined || !p) return undefined;
  return { from, to, port: p, at: r.at(path) };
}

function expectedFlow(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): ExpectedFlow | undefined {
  const f = flowRef(ctx, value, path, scenarios, ['allowed']);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const m = value as Dict;
  const allowed = ctx.r.need(m, 'allowed', path) ? ctx.r.bool(m.allowed, [...path, 'allowed']) : undefined;
  return f && allowed !== undefined ? { ...f, allowed } : undefined;
}

function fromTo(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): { from: EndpointRef[]; to: EndpointRef[] } {
  if (m.among !== undefined && (m.from !== undefined || m.to !== undefined)) {
    ctx.r.error(
      'among',
      [...path, 'among'],
      t(
        'write either "among" (the same list both ways) or "from" and "to", not both',
        '"among"(양쪽에 같은 목록) 또는 "from"과 "to" 중 하나만 쓰세요',
      ),
    );
  }
  if (m.among !== undefined) {
    const among = endpointList(ctx, m.among, [...path, 'among'], scenarios);
    return { from: among, to: among };
  }
  return {
    from: endpointList(ctx, m.from, [...path, 'from'], scenarios),
    to: endpointList(ctx, m.to, [...path, 'to'], scenarios),
  };
}

const YES = new Set(['✓', 'Y', 'y', 'yes', '1', 'allow', 'allowed', 'O', 'o']);
const NO = new Set(['✗', 'N', 'n', 'no', '0', 'x', 'X', 'deny', 'denied']);
const EITHER = new Set(['.', '-', '?', '*']);

function matrixCheck(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  base: object,
  scenarios: () => readonly ScenarioFile[],
): Check | undefined {
  const { r } = ctx;
  const { from, to } = fromTo(ctx, m, path, scenarios);
  if (from.length === 0 || to.length === 0) {
    r.error(
      'required',
      path,
      t(
        'a matrix check needs "among" (or "from" and "to"): the endpoints of its rows and columns',
        'matrix 검사에는 행과 열의 엔드포인트인 "among"(또는 "from"과 "to")이 필요합니다',
      ),
    );
    return undefined;
  }
  if (!r.need(m, 'goal', path)) return undefined;
  const goalMap = r.map(m.goal, [...path, 'goal']) ?? {};
  const goal: { port: FlowPort; rows: GoalCell[][] }[] = [];
  for (const [key, rowsRaw] of Object.entries(goalMap)) {
    const gp = [...path, 'goal', key];
    const p = port(r, key, gp);
    const lines =
      typeof rowsRaw === 'string'
        ? rowsRaw.split('\n').filter((l) => l.trim() !== '')
        : (r.list(rowsRaw, gp) ?? []);
    if (lines.length !== from.length) {
      r.error(
        'goal',
        gp,
        t(
          `${lines.length} row(s), but there are ${from.length} endpoints to read from (one row each, in order)`,
          `행이 ${lines.length}개인데 출발지 엔드포인트는 ${from.length}개입니다(순서대로 한 행씩)`,
        ),
      );
    }
    const rows = lines.map((line, i) => {
      const rp = typeof rowsRaw === 'string' ? gp : [...gp, i];
      const cells = String(line).trim().split(/\s+/);
      if (cells.length !== to.length) {
        r.error(
          'goal',
          rp,
          t(
            `row ${i + 1} has ${cells.length} cell(s), but there are ${to.length} destinations`,
            `${i + 1}번째 행의 칸은 ${cells.length}개인데 목적지는 ${to.length}개입니다`,
          ),
        );
      }
      return cells.map((c, j): GoalCell => {
        const cell = YES.has(c) ? true : NO.has(c) ? false : EITHER.has(c) ? null : undefined;
        if (cell === undefined) {
          r.error(
            'goal',
            rp,
            t(
              `row ${i + 1}: ${quote(c)} is not a cell; write ✓ or Y (allowed), ✗ or N (denied), . (either)`,
              `${i + 1}번째 행: ${josa(quote(c), '은/는')} 칸 값이 아닙니다. ✓ 또는 Y(허용), ✗ 또는 N(차단), .(상관없음)을 쓰세요`,
            ),
          );
          return null;
        }
        if (cell === false && from[i] !== undefined && from[i] === to[j] && from[i]!.includes('/')) {
          r.error(
            'goal',
            rp,
            t(
              `row ${i + 1}: ${from[i]} → itself is always allowed (no policy can block a pod from itself); write ✓ or .`,
              `${i + 1}번째 행: ${from[i]} → 자기 자신은 항상 허용됩니다(어떤 정책도 막을 수 없습니다). ✓ 또는 .을 쓰세요`,
            ),
          );
        }
        return cell;
      });
    });
    if (p) goal.push({ port: p, rows });
  }
  if (goal.length === 0)
    r.error(
      'goal',
      [...path, 'goal'],
      t(
        'give one grid per port, e.g. "80": ["✓ ✗", "✗ ✓"]',
        '포트마다 격자를 하나씩 쓰세요. 예: "80": ["✓ ✗", "✗ ✓"]',
      ),
    );
  return { ...(base as Omit<Check, 'check'>), check: 'matrix', from, to, goal } as Check;
}

function objectCheck(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  base: object,
  scenarios: () => readonly ScenarioFile[],
): Check | undefined {
  const { r } = ctx;
  if (!r.need(m, 'object', path)) return undefined;
  const op = [...path, 'object'];
  const o = r.map(m.object, op);
  if (!o) return undefined;
  r.fields(o, op, ['kind', 'namespace', 'name']);
  const kind = r.string(o.kind, [...op, 'kind']);
  const name = r.string(o.name, [...op, 'name']);
  const namespace = r.string(o.namespace, [...op, 'namespace']);
  if (!r.need(o, 'kind', op) || !r.need(o, 'name', op) || !kind || !name) return undefined;
  if (!OBJECT_KINDS.includes(kind)) {
    r.error(
      'object-kind',
      [...op, 'kind'],
      t(
        `kind must be one of ${OBJECT_KINDS.join(', ')}`,
        `kind는 ${OBJECT_KINDS.join(', ')} 중 하나여야 합니다`,
      ),
    );
  }
  const exists = r.bool(m.exists, [...path, 'exists']) ?? true;
  const selects = endpointList(ctx, m.selects, [...path, 'selects'], scenarios);
  const notSelects = endpointList(ctx, m.notSelects, [...path, 'notSelects'], scenarios);
  let policyTypes: PolicyType[] | undefined;
  if (m.policyTypes !== undefined) {
    policyTypes = [];
    r.strings(m.policyTypes, [...path, 'policyTypes']).forEach((s, i) => {
      if (s === 'Ingress' || s === 'Egress') policyTypes!.push(s);
      else
        r.error(
          'policy-type',
          [...path, 'policyTypes', i],
          t('policyTypes are Ingress and Egress', 'policyTypes는 Ingress와 Egress입니다'),
        );
    });
  }
  let labels: Labels | undefined;
  if (m.labels !== undefined) {
    const lm = r.map(m.labels, [...path, 'labels']) ?? {};
    labels = Object.fromEntries(Object.entries(lm).map(([k, v]) => [k, String(v)]));
  }
  const portNames = m.portNames === undefined ? undefined : r.strings(m.portNames, [...path, 'portNames']);
  const PEER_FIELDS = ['podSelector', 'namespaceSelector', 'ipBlock'] as const;
  let peerWith: (typeof PEER_FIELDS)[number][] | undefined;
  if (m.peerWith !== undefined) {
    peerWith = [];
    r.strings(m.peerWith, [...path, 'peerWith']).forEach((f, i) => {
      const field = PEER_FIELDS.find((x) => x === f);
      if (field) peerWith!.push(field);
      else
        r.error(
          'peer-with',
          [...path, 'peerWith', i],
          t(`peerWith lists ${PEER_FIELDS.join(', ')}`, `peerWith에는 ${PEER_FIELDS.join(', ')}를 씁니다`),
        );
    });
  }
  const unchanged = m.unchanged === undefined ? undefined : r.bool(m.unchanged, [...path, 'unchanged']);
  const onlyPolicy =
    (selects.length > 0 ||
      notSelects.length > 0 ||
      policyTypes !== undefined ||
      portNames !== undefined ||
      peerWith !== undefined) &&
    kind !== 'NetworkPolicy';
  if (onlyPolicy)
    r.error(
      'object-policy',
      op,
      t(
        'selects, notSelects, policyTypes, portNames and peerWith apply to a NetworkPolicy only',
        'selects, notSelects, policyTypes, portNames, peerWith는 NetworkPolicy에만 쓸 수 있습니다',
      ),
    );
  if (
    !exists &&
    (selects.length || notSelects.length || policyTypes || labels || portNames || peerWith || unchanged)
  ) {
    r.error(
      'object-exists',
      [...path, 'exists'],
      t(
        'an object that must not exist cannot have other conditions',
        '없어야 하는 오브젝트에는 다른 조건을 붙일 수 없습니다',
      ),
    );
  }
  return {
    ...(base as Omit<Check, 'check'>),
    check: 'object',
    object: { kind, name, ...(namespace !== undefined ? { namespace } : {}) },
    exists,
    selects,
    notSelects,
    ...(policyTypes ? { policyTypes } : {}),
    ...(labels ? { labels } : {}),
    ...(portNames ? { portNames } : {}),
    ...(peerWith ? { peerWith } : {}),
    ...(unchanged ? { unchanged } : {}),
  } as Check;
}

function quizCheck(ctx: CheckContext, m: Dict, path: FieldPath, base: { step: string }): Check | undefined {
  const { r } = ctx;
  if (!r.need(m, 'question', path)) return undefined;
  const question = r.localText(m.question, [...path, 'question']);
  const scenario = m.scenario === undefined ? undefined : ctx.scenarioFile(m.scenario, [...path, 'scenario']);
  const on = (): ScenarioFile[] =>
    [scenario ?? ctx.stepScenario(base.step)].filter((s): s is ScenarioFile => s !== undefined);
  const reveal = m.reveal === undefined ? undefined : r.localText(m.reveal, [...path, 'reveal']);
  const options: QuizOption[] = [];
  let multiple = false;
  if ((m.flow === undefined) === (m.options === undefined)) {
    r.error(
      'quiz',
      path,
      t(
        'a quiz asks about one "flow" (allowed or denied?) or lists "options" (which of these …?), not both',
        'quiz는 "flow" 하나(허용? 차단?)를 묻거나 "options"(다음 중 어느 것이…?)를 나열합니다. 둘 중 하나만 쓰세요',
      ),
    );
    return undefined;
  }
  if (m.flow !== undefined) {
    if (m.ask !== undefined)
      r.error(
        'quiz',
        [...path, 'ask'],
        t(
          '"ask" goes with "options"; a one-flow quiz always asks allowed or denied',
          '"ask"는 "options"와 함께 씁니다. flow 하나를 묻는 quiz는 항상 허용/차단을 묻습니다',
        ),
      );
    const flow = flowRef(ctx, m.flow, [...path, 'flow'], on, []);
    const answers = m.answers === undefined ? {} : (r.map(m.answers, [...path, 'answers']) ?? {});
    r.fields(answers, [...path, 'answers'], ['allowed', 'denied']);
    const label = (k: 'allowed' | 'denied'): LocalText | undefined =>
      answers[k] === undefined ? undefined : r.localText(answers[k], [...path, 'answers', k]);
    const yes = label('allowed');
    const no = label('denied');
    if (!flow) return undefined;
    options.push({ id: 'allowed', flow, rightWhen: 'allowed', text: yes ?? WORDS.yes });
    options.push({ id: 'denied', flow, rightWhen: 'denied', text: no ?? WORDS.no });
  } else {
    if (m.answers !== undefined)
      r.error(
        'quiz',
        [...path, 'answers'],
        t(
          '"answers" words the two answers of a one-flow quiz; options carry their own "text"',
          '"answers"는 flow 하나를 묻는 quiz의 두 답을 적는 곳입니다. options에는 각자 "text"를 씁니다',
        ),
      );
    multiple = true;
    const ask = r.string(m.ask, [...path, 'ask']) ?? 'allowed';
    if (ask !== 'allowed' && ask !== 'denied')
      r.error(
        'quiz',
        [...path, 'ask'],
        t(
          'ask is "allowed" (which get through?) or "denied" (which are blocked?)',
          'ask는 "allowed"(어느 것이 통과하나?) 또는 "denied"(어느 것이 막히나?)입니다',
        ),
      );
    for (const { id, text, answer: flow } of readQuizOptions(r, m.options, path, 'flow', (raw, at) =>
      flowRef(ctx, raw, at, on, []),
    ))
      options.push({
        id,
        flow,
        rightWhen: ask === 'denied' ? 'denied' : 'allowed',
        ...(text ? { text } : {}),
      });
  }
  if (!question) return undefined;
  return {
    ...(base as Omit<Check, 'check'>),
    check: 'quiz',
    question,
    options,
    multiple,
    ...(scenario ? { scenario } : {}),
    ...(reveal ? { reveal } : {}),
  } as Check;
}

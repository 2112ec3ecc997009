// Runs a challenge's checks on a scenario text. Every verdict comes from the engine (evaluateFlow
// for single flows and explanations, computeFlowMatrix for whole matrices); this module only
// compares them with what the lesson asks and words the difference.
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import { fill, type LocalText, type Values } from '../lib/text';
import type { Cluster } from '../k8s/types';
import { alwaysAllowed, type Endpoint } from '../engine/endpoints';
import { evaluateFlow, type FlowExplanation } from '../engine/evaluate-flow';
import { explainFlow, type FlowReasons } from '../engine/explain-reasons';
import { sideLines } from '../engine/explain-text';
import { computeFlowMatrix } from '../engine/flow-matrix';
import { analyzeScenario, type Analysis } from '../engine/analyze';
import type { FlowPort } from '../engine/match';
import { DEFAULTS, SCENARIO_ERRORS, UNANSWERED, WORDS } from './messages';
import { checkObject } from './check-object';
import { checkEditable } from './editable';
import { checkReach } from './check-reach';
import { checkPacket } from './check-packet';
import { buildTopology, type Topology } from '../model/topology';
import { checkStorageChallenge } from './check-storage';
import { flowLabel, resolveEndpoint, scenarioEndpoints } from './refs';
import type {
  CheckOptions,
  Challenge,
  Check,
  CheckResult,
  EndpointRef,
  FlowRef,
  FlowsCheck,
  LeastPrivilegeCheck,
  MatrixCheck,
  NoErrorsCheck,
  QuizCheck,
  ReachCheck,
} from './types';
import { josa } from '../lib/korean';

export type { CheckOptions };

/** Runs every check of the challenge on `scenarioText`, in the lesson's order. */
export function checkChallenge(
  challenge: Pick<Challenge, 'checks' | 'lab'>,
  scenarioText: string,
  options: CheckOptions = {},
): CheckResult[] {
  if (challenge.lab === 'volumes' || challenge.lab === 'layers')
    return checkStorageChallenge(challenge, scenarioText, options);
  const refs = challenge.checks.flatMap(refsOf);
  const judges = new Map<string, Judge>();
  const judgeFor = (text: string, file: string): Judge => {
    let j = judges.get(text);
    if (!j) judges.set(text, (j = new Judge(text, file, refs)));
    return j;
  };
  const current = judgeFor(scenarioText, options.file ?? 'scenario.yaml');
  return challenge.checks.map((c) => {
    if (c.check === 'reach') {
      const base = { id: c.id, check: c.check, blocking: true };
      if (current.errors.length > 0)
        return { ...base, passed: false, message: fill(SCENARIO_ERRORS, { first: current.firstError() }) };
      return { ...base, ...checkReach(c, current, judgeFor(c.goal.text, c.goal.file)) };
    }
    return runCheck(
      c,
      c.check === 'quiz' && c.scenario ? judgeFor(c.scenario.text, c.scenario.file) : current,
      options,
    );
  });
}

/** A challenge is solved when every blocking check passes (quizzes never block). */
export function isSolved(results: readonly CheckResult[]): boolean {
  return results.every((r) => r.passed || !r.blocking);
}

/** One scenario, loaded once, with the endpoints every check of the lesson may name. */
export class Judge {
  readonly loaded: Analysis;
  readonly endpoints: readonly Endpoint[];
  readonly errors: readonly Diagnostic[];

  constructor(
    readonly text: string,
    file: string,
    refs: readonly EndpointRef[],
  ) {
    this.loaded = analyzeScenario([{ name: file, text }]);
    this.errors = this.loaded.diagnostics.filter((d) => d.severity === 'error');
    this.endpoints = scenarioEndpoints(this.loaded.cluster, refs);
  }

  get cluster(): Cluster {
    return this.loaded.cluster;
  }

  private built: Topology | undefined;
  /** The scenario's topology, for packet checks (built on first use). */
  get topology(): Topology {
    return (this.built ??= buildTopology(this.cluster));
  }

  resolve(ref: EndpointRef): Endpoint | LocalText {
    const e = resolveEndpoint(this.cluster, this.endpoints, ref);
    if (typeof e !== 'string') return e;
    return {
      en: `${ref} is not in the scenario (was it renamed or deleted?)`,
      ko: `${josa(ref, '이/가')} 시나리오에 없습니다(이름을 바꾸거나 지웠나요?)`,
    };
  }

  /** All pods and named outside endpoints, for checks that leave `from`/`to` empty. */
  all(): Endpoint[] {
    return this.endpoints.filter((e) => e.kind === 'pod' || e.name !== undefined);
  }

  flow(from: Endpoint, to: Endpoint, port: FlowPort): FlowExplanation {
    return evaluateFlow(this.cluster.policies, from, to, port);
  }

  explain(x: FlowExplanation): FlowReasons {
    return explainFlow(x, this.cluster.policies);
  }

  /** The deciding sides of an explanation, each with its reasons, joined into one paragraph. */
  why(x: FlowExplanation): LocalText {
    const reasons = this.explain(x);
    // Denied: the side(s) that denied. Allowed: the side(s) a policy allowed, else both.
    const decided = reasons.sides.map((s) => (x.allowed ? s.verdict === 'allow' : s.verdict === 'deny'));
    const keep = decided.some(Boolean) ? decided : decided.map(() => true);
    const one = (locale: 'en' | 'ko'): string => {
      const text = reasons.sides
        .filter((_, i) => keep[i])
        .map((s) =>
          sideLines(s, locale)
            .map((l) => l.trim())
            .join('; '),
        )
        .join('; ');
      return /[.!?]$/.test(text) ? text : `${text}.`;
    };
    return { en: one('en'), ko: one('ko') };
  }

  firstError(): LocalText {
    const d = this.errors[0]!;
    return { en: formatDiagnostic(d, 'en'), ko: formatDiagnostic(d, 'ko') };
  }
}

function refsOf(c: Check): EndpointRef[] {
  const flows = (fs: readonly FlowRef[]): EndpointRef[] => fs.flatMap((f) => [f.from, f.to]);
  switch (c.check) {
    case 'flows':
      return flows(c.flows);
    case 'least-privilege':
      return [...c.from, ...c.to, ...flows(c.allow)];
    case 'matrix':
      return [...c.from, ...c.to];
    case 'object':
      return [...c.selects, ...c.notSelects];
    case 'quiz':
      return flows(c.options.map((o) => o.flow));
    case 'packet':
      return c.dnatTo !== undefined ? [c.dnatTo] : [];
    case 'no-errors':
    case 'editable':
    case 'reach':
    case 'facts':
    case 'predict':
      return [];
  }
}

function runCheck(c: Exclude<Check, ReachCheck>, judge: Judge, options: CheckOptions): CheckResult {
  const base = { id: c.id, check: c.check, blocking: c.check !== 'quiz' };
  if (c.check === 'no-errors') return { ...base, ...checkNoErrors(c, judge) };
  if (judge.errors.length > 0) {
    return { ...base, passed: false, message: fill(SCENARIO_ERRORS, { first: judge.firstError() }) };
  }
  switch (c.check) {
    case 'flows':
      return { ...base, ...checkFlows(c, judge) };
    case 'least-privilege':
      return { ...base, ...checkLeastPrivilege(c, judge) };
    case 'matrix':
      return { ...base, ...checkMatrix(c, judge) };
    case 'object':
      return { ...base, ...checkObject(c, judge) };
    case 'quiz':
      return { ...base, ...checkQuiz(c, judge, options.answers?.[c.id]) };
    case 'packet':
      return { ...base, ...checkPacket(c, judge) };
    case 'editable':
      return { ...base, ...checkEditable(c, judge.text) };
    case 'facts':
    case 'predict':
      // Decoding refuses these outside the storage labs, which checkStorageChallenge runs.
      return {
        ...base,
        passed: false,
        message: { en: `${c.check} belongs to a storage lab`, ko: `${c.check} 검사는 스토리지 실습용입니다` },
      };
  }
}

type Outcome = Omit<CheckResult, 'id' | 'check' | 'blocking'>;

const pass = (c: Check, values: Values = {}): Outcome => ({
  passed: true,
  message: fill(c.success ?? DEFAULTS[c.check].pass, values),
});

/** A failure about one flow: the author's (or default) message with the engine's facts filled in. */
function flowFailure(
  c: Check,
  judge: Judge,
  x: FlowExplanation,
  from: Endpoint,
  to: Endpoint,
  count: number,
  values: Values,
): Outcome {
  const all: Values = {
    flow: flowLabel(from, to, x),
    why: judge.why(x),
    count: String(count),
    more: WORDS.more(count - 1),
    ...values,
  };
  return {
    passed: false,
    message: fill(c.message ?? DEFAULTS[c.check].fail, all),
    explanation: judge.explain(x),
  };
}

function missingEndpoint(c: Check, why: LocalText): Outcome {
  return { passed: false, message: c.message ? fill(c.message, {}) : why };
}

function checkFlows(c: FlowsCheck, judge: Judge): Outcome {
  const wrong: { x: FlowExplanation; from: Endpoint; to: Endpoint; want: boolean }[] = [];
  for (const f of c.flows) {
    const from = judge.resolve(f.from);
    const to = judge.resolve(f.to);
    if (!('kind' in from)) return missingEndpoint(c, from);
    if (!('kind' in to)) return missingEndpoint(c, to);
    const x = judge.flow(from, to, f.port);
    if (x.allowed !== f.allowed) wrong.push({ x, from, to, want: f.allowed });
  }
  if (wrong.length === 0) return pass(c, { count: String(c.flows.length) });
  const w = wrong[0]!;
  return flowFailure(c, judge, w.x, w.from, w.to, wrong.length, {
    expected: w.want ? WORDS.allowed : WORDS.denied,
    actual: w.x.allowed ? WORDS.allowed : WORDS.denied,
  });
}

function resolveAll(judge: Judge, refs: readonly EndpointRef[]): Endpoint[] | LocalText {
  if (refs.length === 0) return judge.all();
  const out: Endpoint[] = [];
  for (const r of refs) {
    const e = judge.resolve(r);
    if (!('kind' in e)) return e;
    out.push(e);
  }
  return out;
}

/** Pairs a lesson cannot ask about: outside to outside, and what NetworkPolicy never blocks. */
const unjudgeable = (from: Endpoint, to: Endpoint): boolean =>
  (from.kind === 'external' && to.kind === 'external') || alwaysAllowed(from, to) !== undefined;

function checkLeastPrivilege(c: LeastPrivilegeCheck, judge: Judge): Outcome {
  const from = resolveAll(judge, c.from);
  const to = resolveAll(judge, c.to);
  if (!Array.isArray(from)) return missingEndpoint(c, from);
  if (!Array.isArray(to)) return missingEndpoint(c, to);
  type Problem = { x: FlowExplanation; from: Endpoint; to: Endpoint; missing: boolean };
  const problems: Problem[] = [];
  const needed = new Set<string>();
  for (const f of c.allow) {
    const a = judge.resolve(f.from);
    const b = judge.resolve(f.to);
    if (!('kind' in a)) return missingEndpoint(c, a);
    if (!('kind' in b)) return missingEndpoint(c, b);
    needed.add(`${a.key}|${b.key}|${f.port.port}/${f.port.protocol}`);
    const x = judge.flow(a, b, f.port);
    if (!x.allowed) problems.push({ x, from: a, to: b, missing: true });
  }
  const m = computeFlowMatrix(judge.cluster.policies, judge.endpoints, c.ports);
  const index = new Map(judge.endpoints.map((e, i) => [e, i]));
  c.ports.forEach((port, pi) => {
    for (const a of from) {
      for (const b of to) {
        if (unjudgeable(a, b) || needed.has(`${a.key}|${b.key}|${port.port}/${port.protocol}`)) continue;
        if (m.allowed[pi]![index.get(a)!]!.has(index.get(b)!))
          problems.push({ x: judge.flow(a, b, port), from: a, to: b, missing: false });
      }
    }
  });
  if (problems.length === 0) return pass(c, { count: String(needed.size) });
  const p = problems[0]!;
  return flowFailure(c, judge, p.x, p.from, p.to, problems.length, {
    problem: p.missing ? WORDS.missing : WORDS.extra,
  });
}

function checkMatrix(c: MatrixCheck, judge: Judge): Outcome {
  const from = resolveAll(judge, c.from);
  const to = resolveAll(judge, c.to);
  if (!Array.isArray(from)) return missingEndpoint(c, from);
  if (!Array.isArray(to)) return missingEndpoint(c, to);
  const ports = c.goal.map((g) => g.port);
  const m = computeFlowMatrix(judge.cluster.policies, judge.endpoints, ports);
  const index = new Map(judge.endpoints.map((e, i) => [e, i]));
  const wrong: { from: Endpoint; to: Endpoint; port: FlowPort; want: boolean }[] = [];
  c.goal.forEach((g, pi) => {
    g.rows.forEach((row, r) => {
      row.forEach((want, col) => {
        const a = from[r];
        const b = to[col];
        if (want === null || !a || !b || (a.kind === 'external' && b.kind === 'external')) return;
        if (m.allowed[pi]![index.get(a)!]!.has(index.get(b)!) !== want)
          wrong.push({ from: a, to: b, port: g.port, want });
      });
    });
  });
  if (wrong.length === 0) return pass(c, { count: String(c.goal.length) });
  const w = wrong[0]!;
  const x = judge.flow(w.from, w.to, w.port);
  return flowFailure(c, judge, x, w.from, w.to, wrong.length, {
    expected: w.want ? WORDS.allowed : WORDS.denied,
    actual: x.allowed ? WORDS.allowed : WORDS.denied,
  });
}

function checkNoErrors(c: NoErrorsCheck, judge: Judge): Outcome {
  const bad = [
    ...judge.errors,
    ...judge.loaded.diagnostics.filter((d) => d.severity === 'warning' && c.warnings.includes(d.code)),
  ];
  if (bad.length === 0) return pass(c, { count: '0' });
  const d = bad[0]!;
  const values: Values = {
    count: String(bad.length),
    first: { en: formatDiagnostic(d, 'en'), ko: formatDiagnostic(d, 'ko') },
  };
  return { passed: false, message: fill(c.message ?? DEFAULTS['no-errors'].fail, values) };
}

function checkQuiz(c: QuizCheck, judge: Judge, chosen: readonly string[] | undefined): Outcome {
  const verdicts: Record<string, boolean> = {};
  const flows = new Map<string, { x: FlowExplanation; label: LocalText }>();
  for (const o of c.options) {
    const a = judge.resolve(o.flow.from);
    const b = judge.resolve(o.flow.to);
    if (!('kind' in a)) return missingEndpoint(c, a);
    if (!('kind' in b)) return missingEndpoint(c, b);
    const x = judge.flow(a, b, o.flow.port);
    verdicts[o.id] = x.allowed;
    const label = flowLabel(a, b, o.flow.port);
    flows.set(o.id, { x, label: o.text ?? { en: label, ko: label } });
  }
  const correct = c.options.filter((o) => verdicts[o.id] === (o.rightWhen === 'allowed')).map((o) => o.id);
  const isRight = (id: string): boolean => correct.includes(id);
  const answer: LocalText =
    correct.length === 0
      ? { en: 'none of them', ko: '해당하는 것이 없습니다' }
      : {
          en: correct.map((id) => flows.get(id)!.label.en).join('; '),
          ko: correct.map((id) => flows.get(id)!.label.ko).join('; '),
        };
  // Explain the first option the learner got wrong, else the first option.
  const focus =
    c.options.find((o) => chosen !== undefined && chosen.includes(o.id) !== isRight(o.id)) ?? c.options[0]!;
  const x = flows.get(focus.id)!.x;
  const quiz = { correct, verdicts, ...(chosen ? { chosen } : {}) };
  if (!chosen || chosen.length === 0) return { passed: false, message: UNANSWERED, quiz };
  const passed = chosen.length === correct.length && chosen.every(isRight);
  const values: Values = { answer, why: judge.why(x) };
  const message = passed
    ? fill(c.success ?? DEFAULTS.quiz.pass, values)
    : fill(c.message ?? DEFAULTS.quiz.fail, values);
  return { passed, message, explanation: judge.explain(x), quiz };
}

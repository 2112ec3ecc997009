// Runs a storage lesson's checks (volumes or layers lab) on a scenario text: `facts` must all hold,
// `predict` reveals which options the engine finds true, `no-errors` and the implicit `editable`
// check as in the networking lab. Every verdict comes from the storage engine.
import { formatDiagnostic } from '../lib/diagnostic';
import { type LocalText } from '../lib/text';
import { checkEditable } from './editable';
import { checkEditableFiles } from './editable-files';
import { evaluateFact, factText } from './facts';
import { DEFAULTS, SCENARIO_ERRORS, UNANSWERED, WORDS } from './messages';
import { fill, type Values } from '../lib/text';
import { StorageWorld } from './storage-world';
import type {
  Challenge,
  Check,
  CheckOptions,
  CheckResult,
  FactsCheck,
  NoErrorsCheck,
  PredictCheck,
} from './types';

type Outcome = Omit<CheckResult, 'id' | 'check' | 'blocking'>;

/** The layers lab's files did not run through: a Dockerfile error or a docker command that fails. */
const SESSION_ERRORS: LocalText = {
  en: 'The files have errors, so the session cannot run through and netlab cannot judge it yet: {first}',
  ko: '파일에 오류가 있어서 세션을 끝까지 실행할 수 없고, netlab도 아직 판정할 수 없습니다: {first}',
};

const isQuiz = (c: Check): boolean => c.check === 'quiz' || c.check === 'predict';

export function checkStorageChallenge(
  challenge: Pick<Challenge, 'checks' | 'lab'>,
  text: string,
  options: CheckOptions = {},
): CheckResult[] {
  const lab = challenge.lab === 'layers' ? 'layers' : 'volumes';
  const worlds = new Map<string, StorageWorld>();
  const worldFor = (t: string, file: string): StorageWorld => {
    let w = worlds.get(t);
    if (!w) worlds.set(t, (w = new StorageWorld(lab, t, file)));
    return w;
  };
  const current = worldFor(text, options.file ?? (lab === 'layers' ? 'lab.txtar' : 'scenario.yaml'));
  return challenge.checks.map((c) => {
    const world = c.check === 'predict' && c.scenario ? worldFor(c.scenario.text, c.scenario.file) : current;
    const base = { id: c.id, check: c.check, blocking: !isQuiz(c) };
    return { ...base, ...run(c, world, options) };
  });
}

function run(c: Check, world: StorageWorld, options: CheckOptions): Outcome {
  if (c.check === 'no-errors') return noErrors(c, world);
  if (world.errors.length > 0) {
    const d = world.errors[0]!;
    return {
      passed: false,
      message: fill(world.lab === 'layers' ? SESSION_ERRORS : SCENARIO_ERRORS, {
        first: { en: formatDiagnostic(d, 'en'), ko: formatDiagnostic(d, 'ko') },
      }),
    };
  }
  switch (c.check) {
    case 'facts':
      return facts(c, world);
    case 'predict':
      return predict(c, world, options.answers?.[c.id]);
    case 'editable':
      return world.lab === 'layers' ? checkEditableFiles(c, world.text) : checkEditable(c, world.text);
    default:
      return {
        passed: false,
        message: {
          en: `${c.check} checks belong to the networking lab`,
          ko: `${c.check} 검사는 네트워크 실습용입니다`,
        },
      };
  }
}

function noErrors(c: NoErrorsCheck, world: StorageWorld): Outcome {
  const bad = world.diagnostics.filter((d) => d.severity === 'error' || c.warnings.includes(d.code));
  if (bad.length === 0)
    return { passed: true, message: fill(c.success ?? DEFAULTS['no-errors'].pass, { count: '0' }) };
  const d = bad[0]!;
  const values: Values = {
    count: String(bad.length),
    first: { en: formatDiagnostic(d, 'en'), ko: formatDiagnostic(d, 'ko') },
  };
  return { passed: false, message: fill(c.message ?? DEFAULTS['no-errors'].fail, values) };
}

function facts(c: FactsCheck, world: StorageWorld): Outcome {
  const wrong = c.facts.map((f) => ({ f, o: evaluateFact(f, world) })).filter((x) => !x.o.holds);
  if (wrong.length === 0)
    return {
      passed: true,
      message: fill(c.success ?? DEFAULTS.facts.pass, { count: String(c.facts.length) }),
    };
  const first = wrong[0]!;
  const values: Values = {
    fact: factText(first.f),
    actual: first.o.actual,
    count: String(wrong.length),
    more: WORDS.more(wrong.length - 1),
  };
  return { passed: false, message: fill(c.message ?? DEFAULTS.facts.fail, values) };
}

function predict(c: PredictCheck, world: StorageWorld, chosen: readonly string[] | undefined): Outcome {
  const verdicts: Record<string, boolean> = {};
  const actuals = new Map<string, LocalText>();
  for (const o of c.options) {
    const outcome = evaluateFact(o.fact, world);
    verdicts[o.id] = outcome.holds;
    actuals.set(o.id, outcome.actual);
  }
  const correct = c.options.filter((o) => verdicts[o.id]).map((o) => o.id);
  const quiz = { correct, verdicts, ...(chosen ? { chosen } : {}) };
  if (!chosen || chosen.length === 0) return { passed: false, message: UNANSWERED, quiz };
  const answer: LocalText =
    correct.length === 0
      ? { en: 'none of them', ko: '해당하는 것이 없습니다' }
      : {
          en: c.options
            .filter((o) => verdicts[o.id])
            .map((o) => o.text.en)
            .join('; '),
          ko: c.options
            .filter((o) => verdicts[o.id])
            .map((o) => o.text.ko)
            .join('; '),
        };
  // Explain the first option the learner got wrong, else the first right one.
  const focus =
    c.options.find((o) => chosen.includes(o.id) !== verdicts[o.id]) ??
    c.options.find((o) => verdicts[o.id]) ??
    c.options[0]!;
  const actual = actuals.get(focus.id)!;
  // "it is …" starts a sentence here; names (pv-keep, default/data) keep their case.
  const capital = (x: string) =>
    x.replace(/^(it|its|there|no)\b/, (w) => w.charAt(0).toUpperCase() + w.slice(1));
  const why = { en: `${capital(actual.en)}.`, ko: `${actual.ko}.` };
  const passed = chosen.length === correct.length && chosen.every((id) => verdicts[id]);
  const message = fill(passed ? (c.success ?? DEFAULTS.predict.pass) : (c.message ?? DEFAULTS.predict.fail), {
    answer,
    why,
  });
  return { passed, message, quiz };
}

// A lesson folder (lesson.yaml, Markdown per locale, scenario YAML) → a Lesson with every file
// read, plus diagnostics at file:line:col. Pure: the caller reads the folder into a map (the CLI
// with node:fs, the page with import.meta.glob), so both see the same errors.
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import { t, type LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import { readYamlData } from '../k8s/source';
import { decodeCheck } from './decode-checks';
import { decodeSteps } from './decode-steps';
import { EDITABLE_CHECK_ID } from './editable';
import { LAB_CHECKS, LAB_KINDS, type LabKind } from './lab';
import { type Dict } from './field-reader';
import { LESSON_FILE, LessonContext, type LessonFiles } from './lesson-context';
import { PLACEHOLDERS, placeholdersIn } from './messages';
import { checkNames, checkUnused, lintScenarios, type ScenarioReport } from './verify-lesson';
import type { Check, Lesson, Step } from './types';
import { josa } from '../lib/korean';

export { LESSON_FILE, LOCALES, type LessonFiles } from './lesson-context';
export type { ScenarioReport } from './verify-lesson';

/** `a-01-no-policy-no-isolation`: module letter, two-digit order, slug. */
export const LESSON_ID = /^([a-z])-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface LessonLoad {
  /** Present when the lesson has no errors. */
  readonly lesson?: Lesson;
  /** Problems of the lesson itself: lesson.yaml, its files, its names. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every scenario file the lesson uses, linted. */
  readonly scenarios: readonly ScenarioReport[];
  readonly hasErrors: boolean;
}

export interface LoadOptions {
  /** Ids of the other lessons, to check `prerequisites`; unchecked when absent. */
  readonly knownIds?: ReadonlySet<string>;
}

const TOP = ['id', 'module', 'order', 'prerequisites', 'title', 'lab', 'steps', 'challenge'];

export function loadLesson(input: LessonFiles, options: LoadOptions = {}): LessonLoad {
  const out: Diagnostic[] = [];
  const path = `${input.dir}/${LESSON_FILE}`;
  const text = input.files.get(LESSON_FILE);
  if (text === undefined) {
    out.push({
      file: path,
      line: 1,
      col: 1,
      severity: 'error',
      code: 'no-lesson',
      message: t(
        `${input.dir} has no ${LESSON_FILE}`,
        `${input.dir}에 ${josa(LESSON_FILE, '이/가')} 없습니다`,
      ),
    });
    return result(out, undefined, []);
  }
  const data = readYamlData({ name: path, text });
  out.push(...data.diagnostics);
  const ctx = new LessonContext(input, data.at, out);
  const top = ctx.r.map(data.value, []);
  if (!top) {
    if (data.diagnostics.length === 0)
      ctx.r.error(
        'not-a-lesson',
        [],
        t(
          'lesson.yaml must be a mapping with id, title, steps and challenge',
          'lesson.yaml은 id, title, steps, challenge를 가진 매핑이어야 합니다',
        ),
      );
    return result(out, undefined, []);
  }
  const lesson = decodeLesson(ctx, top, options);
  const reports = lesson ? lintScenarios(ctx, lesson) : [];
  checkNames(ctx);
  checkUnused(ctx);
  return result(out, lesson, reports);
}

/** What the lesson list needs of a lesson, read from lesson.yaml alone with the loader's own reader. */
export interface LessonHeader {
  readonly id: string;
  readonly module: string;
  readonly order: number;
  readonly title: LocalText;
  readonly prerequisites: readonly string[];
  /** Step ids, in order. */
  readonly steps: readonly string[];
}

/**
 * Reads the catalogue fields of one lesson.yaml (the lesson's other files are not needed). The id
 * is the folder name; `header` has whatever could be read, `diagnostics` what could not.
 */
export function readLessonHeader(
  dir: string,
  text: string,
): { readonly header: Partial<LessonHeader>; readonly diagnostics: readonly Diagnostic[] } {
  const out: Diagnostic[] = [];
  const data = readYamlData({ name: `${dir}/${LESSON_FILE}`, text });
  out.push(...data.diagnostics);
  const ctx = new LessonContext({ dir, files: new Map([[LESSON_FILE, text]]) }, data.at, out);
  const top = ctx.r.map(data.value, []);
  if (!top) return { header: {}, diagnostics: out };
  const id = dir.split('/').filter(Boolean).pop() ?? dir;
  const module = ctx.r.string(top.module, ['module']);
  const order = ctx.r.int(top.order, ['order'], 1, 99);
  const title = top.title === undefined ? undefined : ctx.r.localText(top.title, ['title']);
  const steps = (ctx.r.list(top.steps, ['steps']) ?? []).flatMap((s) => {
    const id = s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id] : [];
  });
  return {
    header: {
      id,
      ...(module !== undefined ? { module } : {}),
      ...(order !== undefined ? { order } : {}),
      ...(title !== undefined ? { title } : {}),
      prerequisites: ctx.r.strings(top.prerequisites, ['prerequisites']),
      steps,
    },
    diagnostics: out,
  };
}

function result(out: Diagnostic[], lesson: Lesson | undefined, scenarios: ScenarioReport[]): LessonLoad {
  out.sort(compareDiagnostics);
  const hasErrors = out.some((d) => d.severity === 'error');
  return { ...(lesson && !hasErrors ? { lesson } : {}), diagnostics: out, scenarios, hasErrors };
}

function decodeLesson(ctx: LessonContext, top: Dict, options: LoadOptions): Lesson | undefined {
  const r = ctx.r;
  r.fields(top, [], TOP);
  for (const key of ['id', 'module', 'order', 'title', 'steps', 'challenge']) r.need(top, key, []);
  const id = r.string(top.id, ['id']);
  const module = r.string(top.module, ['module']);
  const order = r.int(top.order, ['order'], 1, 99);
  checkIdentity(ctx, id, module, order);
  const prerequisites = r.strings(top.prerequisites, ['prerequisites']);
  if (options.knownIds) {
    prerequisites.forEach((p, i) => {
      if (p === id)
        r.error(
          'prerequisite',
          ['prerequisites', i],
          t('a lesson cannot require itself', '레슨은 자기 자신을 선수 레슨으로 둘 수 없습니다'),
        );
      else if (!options.knownIds!.has(p))
        r.error(
          'prerequisite',
          ['prerequisites', i],
          t(`no lesson ${quote(p)}`, `${quote(p)} 레슨이 없습니다`),
        );
    });
  }
  const title = top.title === undefined ? undefined : r.localText(top.title, ['title']);
  ctx.lab = decodeLab(ctx, top.lab);
  const steps = decodeSteps(ctx, top.steps);
  const challenge = decodeChallenge(ctx, top.challenge, steps);
  if (!id || !module || order === undefined || !title || !steps || steps.length === 0 || !challenge)
    return undefined;
  return { id, module, order, prerequisites, title, lab: ctx.lab, steps, challenge, dir: ctx.input.dir };
}

/** The id is the folder name; module and order repeat its first two parts. */
function checkIdentity(
  ctx: LessonContext,
  id: string | undefined,
  module: string | undefined,
  order: number | undefined,
): void {
  const r = ctx.r;
  const folder = ctx.input.dir.split('/').filter(Boolean).pop() ?? '';
  if (id === undefined) return;
  const m = LESSON_ID.exec(id);
  if (!m) {
    r.error(
      'lesson-id',
      ['id'],
      t(
        `id ${quote(id)} must look like a-01-short-name: module letter, two digits, words joined by "-"`,
        `id ${josa(quote(id), '은/는')} a-01-short-name 모양이어야 합니다: 모듈 글자, 두 자리 숫자, "-"로 이은 단어`,
      ),
    );
    return;
  }
  if (id !== folder)
    r.error(
      'lesson-id',
      ['id'],
      t(
        `id ${quote(id)} must be the folder name "${folder}"`,
        `id ${josa(quote(id), '은/는')} 폴더 이름 ${josa(quote(folder), '와/과')} 같아야 합니다`,
      ),
    );
  const letter = m[1]!.toUpperCase();
  if (module !== undefined && module !== letter) {
    r.error(
      'lesson-module',
      ['module'],
      t(
        `module ${quote(module)} does not match the id: write ${letter}`,
        `module ${josa(quote(module), '이/가')} id와 맞지 않습니다: ${josa(letter, '을/를')} 쓰세요`,
      ),
    );
  }
  if (order !== undefined && order !== Number(m[2])) {
    r.error(
      'lesson-order',
      ['order'],
      t(
        `order ${order} does not match the id: write ${Number(m[2])}`,
        `order ${josa(order, '이/가')} id와 맞지 않습니다: ${josa(Number(m[2]), '을/를')} 쓰세요`,
      ),
    );
  }
}

function decodeChallenge(
  ctx: LessonContext,
  value: unknown,
  steps: Step[] | undefined,
): Lesson['challenge'] | undefined {
  const r = ctx.r;
  const path = ['challenge'];
  const m = r.map(value, path);
  if (!m) return undefined;
  r.fields(m, path, ['checks', 'hints', 'solution']);
  r.need(m, 'checks', path);
  r.need(m, 'solution', path);
  ctx.solution = ctx.scenarioFile(m.solution, [...path, 'solution']);
  const hints = (r.list(m.hints, [...path, 'hints']) ?? [])
    .map((h, i) => ctx.text(h, [...path, 'hints', i]))
    .filter((h): h is LocalText => h !== undefined);
  const cctx = ctx.checkContext(steps ?? []);
  const checks: Check[] = [];
  const ids = new Set<string>();
  const raw = r.list(m.checks, [...path, 'checks']) ?? [];
  raw.forEach((item, i) => {
    const cp = [...path, 'checks', i];
    const c = decodeCheck(cctx, item, cp, i);
    if (!c) return;
    if (ids.has(c.id))
      r.error(
        'duplicate-id',
        [...cp, 'id'],
        t(`check id ${quote(c.id)} is used twice`, `검사 id ${josa(quote(c.id), '이/가')} 두 번 쓰였습니다`),
      );
    if (c.id === EDITABLE_CHECK_ID) {
      r.error(
        'reserved-id',
        [...cp, 'id'],
        t(
          `check id ${quote(c.id)} is netlab's own check of the steps' editable lists; choose another id`,
          `검사 id ${josa(quote(c.id), '은/는')} 단계의 editable 목록을 지키는 netlab 자체 검사가 씁니다. 다른 id를 쓰세요`,
        ),
      );
    }
    ids.add(c.id);
    if (ctx.stepIds.length > 0 && !ctx.stepIds.includes(c.step)) {
      const known = ctx.stepIds.join(', ');
      r.error(
        'unknown-step',
        [...cp, 'step'],
        t(
          `unknown step id ${quote(c.step)} (steps: ${known})`,
          `알 수 없는 단계 id ${quote(c.step)} (단계: ${known})`,
        ),
      );
    }
    for (const field of ['message', 'success'] as const) {
      const text = c[field];
      if (!text) continue;
      const allowed = PLACEHOLDERS[c.check];
      const bad = [...new Set([...placeholdersIn(text.en), ...placeholdersIn(text.ko)])].filter(
        (p) => !allowed.includes(p),
      );
      if (bad.length === 0) continue;
      const list = allowed.map((p) => `{${p}}`).join(', ');
      r.error(
        'placeholder',
        [...cp, field],
        t(
          `{${bad.join('}, {')}} cannot be filled in a ${c.check} check; use ${list}`,
          `${c.check} 검사에서는 ${josa(`{${bad.join('}, {')}}`, '을/를')} 채울 수 없습니다. ${josa(list, '을/를')} 쓰세요`,
        ),
      );
    }
    checks.push(c);
  });
  if (
    raw.length > 0 &&
    checks.length === raw.length &&
    !checks.some((c) => c.check !== 'quiz' && c.check !== 'predict')
  ) {
    const kinds = LAB_CHECKS[ctx.lab].filter((k) => k !== 'quiz' && k !== 'predict').join(', ');
    r.error(
      'no-blocking-check',
      [...path, 'checks'],
      t(
        `a challenge needs at least one check besides quizzes (${kinds}): quizzes never block, so the lesson could not be solved`,
        `퀴즈 말고도 검사가 하나 이상 있어야 합니다(${kinds}). 퀴즈는 통과를 막지 않으므로 레슨을 풀 수 없게 됩니다`,
      ),
    );
  }
  // The learner starts the challenge from the scenario in effect at the last step.
  const start = steps?.at(-1)?.effectiveScenario;
  if (!ctx.solution || !start) return undefined;
  // The editable list in effect at the last step (as the player shows it) binds the challenge.
  const declared = steps?.filter((s) => s.editable.length > 0).at(-1);
  if (steps && declared) {
    // Shown from the step that lists it, or from the one that loads `start` if that comes later:
    // before then the editor holds another file, and every object would look changed.
    const loadsStart = steps.reduce((last, s, i) => (s.scenario === 'keep' ? last : i), 0);
    const step = steps[Math.max(steps.indexOf(declared), loadsStart)]!.id;
    const at = declared.editableAt ?? r.at(['steps']);
    checks.push({ check: 'editable', id: EDITABLE_CHECK_ID, step, editable: declared.editable, start, at });
  }
  const withStart = checks.map((c) => (c.check === 'object' && c.unchanged ? { ...c, start } : c));
  return { lab: ctx.lab, checks: withStart, hints, solution: ctx.solution, start };
}

/** `lab: network | volumes | layers` (default network). */
function decodeLab(ctx: LessonContext, value: unknown): LabKind {
  const lab = ctx.r.string(value, ['lab']);
  if (lab === undefined) return 'network';
  if ((LAB_KINDS as readonly string[]).includes(lab)) return lab as LabKind;
  ctx.r.error(
    'lab',
    ['lab'],
    t(`lab "${lab}": use ${LAB_KINDS.join(', ')}`, `lab "${lab}": ${LAB_KINDS.join(', ')} 중 하나를 쓰세요`),
  );
  return 'network';
}

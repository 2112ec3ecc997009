// The lesson side of the model worker: reads the catalogue from lesson.yaml files, loads a lesson
// from its files into a LessonView (plain data), and runs its checks on the learner's text. Runs
// in the worker (or in the page when workers are unavailable), never in the first bundle.
import { isNamespaced, loadCluster } from '../k8s/load-cluster';
import {
  checkChallenge,
  LESSON_ID,
  readLessonHeader,
  endpointKeyOf,
  isSolved,
  loadLesson,
  type Lesson,
  type ObjectRef,
  type Step,
} from '../lesson';
import { SCENARIO_FILE } from './model-view';
import type {
  CatalogueEntry,
  CheckView,
  LessonCheckView,
  LessonLoadView,
  LessonView,
  StepView,
} from './lesson-view';
import type { FromModelWorker, LessonRequest } from './model-protocol';

/** `lessons/a-01-x` (or `/lessons/a-01-x`) → `a-01-x`. */
export const lessonIdOfDir = (dir: string): string => dir.split('/').filter(Boolean).pop() ?? dir;

/**
 * One catalogue entry from a lesson.yaml text, read by the lesson loader's own reader; never
 * throws. The folder name is the id; module and order fall back to the id's first two parts.
 */
export function catalogueEntry(dir: string, text: string, isConsole = false): CatalogueEntry {
  const id = lessonIdOfDir(dir);
  const m = LESSON_ID.exec(id);
  const { header, diagnostics } = readLessonHeader(dir, text);
  const error = diagnostics.find((d) => d.severity === 'error');
  return {
    id,
    module: header.module ?? (m ? m[1]! : '?').toUpperCase(),
    order: header.order ?? (m ? Number(m[2]) : 99),
    title: header.title ?? { en: id, ko: id },
    prerequisites: header.prerequisites ?? [],
    steps: header.steps ?? [],
    ...(isConsole ? { console: true as const } : {}),
    ...(error
      ? {
          problem: {
            en: `lesson.yaml cannot be read: ${error.line}:${error.col}: ${error.message.en}`,
            ko: `lesson.yaml을 읽을 수 없습니다: ${error.line}:${error.col}: ${error.message.ko}`,
          },
        }
      : {}),
  };
}

/** Module, then order, then id. */
export function sortCatalogue(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  return [...entries].sort((a, b) =>
    a.module !== b.module
      ? a.module < b.module
        ? -1
        : 1
      : a.order !== b.order
        ? a.order - b.order
        : a.id < b.id
          ? -1
          : 1,
  );
}

const portText = (p: { port: number; protocol: string }): string => `${p.port}/${p.protocol}`;

/** The namespace spelled out for namespaced kinds and dropped for the others, so the page need not know which is which. */
const scopedRef = (r: ObjectRef): ObjectRef => {
  const { namespace, ...rest } = r;
  return isNamespaced(r.kind) ? { ...rest, namespace: namespace ?? 'default' } : rest;
};

function stepView(step: Step): StepView {
  const scenario = step.scenario === 'keep' ? null : step.scenario.name;
  // Highlighted endpoints as the page names them (an ExternalEndpoint's name becomes its IP).
  const loaded =
    step.highlight.endpoints.length > 0
      ? loadCluster([{ name: step.effectiveScenario.file, text: step.effectiveScenario.text }])
      : undefined;
  const endpoints = step.highlight.endpoints.map((ref) => {
    const key = loaded ? endpointKeyOf(loaded.cluster, ref) : undefined;
    return key ? { ref, key } : { ref };
  });
  return {
    id: step.id,
    ...(step.title ? { title: step.title } : {}),
    text: step.text,
    scenario,
    effectiveScenario: step.effectiveScenario.name,
    expectErrors: step.expectErrors,
    editable: step.editable.map(scopedRef),
    highlight: { endpoints, policies: step.highlight.policies },
    ...(step.packet
      ? { packet: { from: step.packet.from, to: step.packet.to, port: step.packet.port } }
      : {}),
  };
}

export function toLessonView(lesson: Lesson, diagnostics: LessonView['diagnostics'] = []): LessonView {
  const stepIndex = new Map(lesson.steps.map((s, i) => [s.id, i]));
  const scenarios: Record<string, string> = {};
  for (const s of lesson.steps) scenarios[s.effectiveScenario.name] = s.effectiveScenario.text;
  scenarios[lesson.challenge.solution.name] = lesson.challenge.solution.text;
  const checks: CheckView[] = lesson.challenge.checks.map((c) => {
    const base = { id: c.id, kind: c.check, stepIndex: stepIndex.get(c.step) ?? lesson.steps.length - 1 };
    if (c.check === 'predict') {
      // The storage labs' quiz: the player shows it as a pick-all quiz.
      if (c.scenario) scenarios[c.scenario.name] = c.scenario.text;
      return {
        ...base,
        kind: 'quiz' as const,
        quiz: {
          question: c.question,
          options: c.options.map((o) => ({ id: o.id, text: o.text })),
          multiple: true,
          ...(c.reveal ? { reveal: c.reveal } : {}),
          ...(c.scenario ? { scenario: c.scenario.name } : {}),
        },
      };
    }
    if (c.check !== 'quiz') return base;
    if (c.scenario) scenarios[c.scenario.name] = c.scenario.text;
    const options = c.options.map((o) => {
      const flow = `${o.flow.from} → ${o.flow.to} ${portText(o.flow.port)}`;
      return { id: o.id, text: o.text ?? { en: flow, ko: flow } };
    });
    return {
      ...base,
      quiz: {
        question: c.question,
        options,
        multiple: c.multiple,
        ...(c.reveal ? { reveal: c.reveal } : {}),
        ...(c.scenario ? { scenario: c.scenario.name } : {}),
      },
    };
  });
  return {
    id: lesson.id,
    ...(lesson.lab !== 'network' ? { lab: lesson.lab } : {}),
    module: lesson.module,
    order: lesson.order,
    title: lesson.title,
    prerequisites: lesson.prerequisites,
    steps: lesson.steps.map(stepView),
    checks,
    hints: lesson.challenge.hints,
    solution: lesson.challenge.solution.text,
    scenarios,
    diagnostics,
  };
}

/** Keeps the lessons loaded so far, so checks need only the lesson id. */
export class LessonEngine {
  private readonly lessons = new Map<string, Lesson>();

  catalogue(
    files: readonly { readonly dir: string; readonly text: string; readonly console?: true }[],
  ): CatalogueEntry[] {
    return sortCatalogue(files.map((f) => catalogueEntry(f.dir, f.text, f.console === true)));
  }

  load(
    dir: string,
    files: readonly (readonly [string, string])[],
    knownIds?: readonly string[],
  ): LessonLoadView {
    const id = lessonIdOfDir(dir);
    const result = loadLesson(
      { dir, files: new Map(files) },
      knownIds ? { knownIds: new Set(knownIds) } : {},
    );
    if (!result.lesson) return { id, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
    this.lessons.delete(result.lesson.id);
    this.lessons.set(result.lesson.id, result.lesson);
    // A handful is plenty: a learner works on one lesson at a time.
    while (this.lessons.size > 8) this.lessons.delete(this.lessons.keys().next().value!);
    return { id, lesson: toLessonView(result.lesson, result.diagnostics), diagnostics: result.diagnostics };
  }

  check(
    lessonId: string,
    text: string,
    answers: Readonly<Record<string, readonly string[]>>,
  ): LessonCheckView {
    const lesson = this.lessons.get(lessonId);
    if (!lesson) return { lessonId, text, results: [], solved: false };
    const results = checkChallenge(lesson.challenge, text, { answers, file: SCENARIO_FILE });
    return { lessonId, text, results, solved: isSolved(results) };
  }

  /** The reply to one lesson message. */
  answer(msg: LessonRequest): FromModelWorker {
    switch (msg.type) {
      case 'lesson-catalogue':
        return { type: 'lesson-catalogued', requestId: msg.requestId, entries: this.catalogue(msg.files) };
      case 'lesson-load':
        return {
          type: 'lesson-loaded',
          requestId: msg.requestId,
          result: this.load(msg.dir, msg.files, msg.knownIds),
        };
      case 'lesson-check':
        return {
          type: 'lesson-checked',
          requestId: msg.requestId,
          result: this.check(msg.lessonId, msg.text, msg.answers),
        };
    }
  }
}

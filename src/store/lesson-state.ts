// The lesson slice of the store: where the learner is (route, step), the lesson shown, its check
// results and the learner's progress. Pure data and pure transitions; the lesson service does the
// I/O (files, worker, localStorage, URL).
import type { Diagnostic } from '../lib/diagnostic';
import type { LocalText } from '../lib/text';
import type { CatalogueEntry, LessonCheckView, LessonLoadView, LessonView } from '../app-model/lesson-view';

/** `#/` (the lab), `#/lessons` (the list) or `#/lesson/<id>/<step>`. */
export type LessonRoute =
  | { readonly view: 'lab' }
  | { readonly view: 'list' }
  /** `step` null: where the learner left off, else the first step. */
  | { readonly view: 'lesson'; readonly id: string; readonly step: string | null };

export interface LessonProgress {
  /** Step ids the learner has opened. */
  readonly seen: readonly string[];
  /** The step the learner was on last. */
  readonly last?: string;
  /** Every blocking check passed at least once. */
  readonly solved: boolean;
  /** Quiz predictions, by check id: the option ids chosen (answered = revealed). */
  readonly answers: Readonly<Record<string, readonly string[]>>;
  /** Whether each prediction was right when it was revealed. */
  readonly right: Readonly<Record<string, boolean>>;
  /** Hints revealed so far. */
  readonly hints: number;
  readonly solutionShown: boolean;
}

/** Progress by lesson id. */
export type Progress = Readonly<Record<string, LessonProgress>>;

export const EMPTY_LESSON_PROGRESS: LessonProgress = {
  seen: [],
  solved: false,
  answers: {},
  right: {},
  hints: 0,
  solutionShown: false,
};

export interface LessonSlice {
  readonly route: LessonRoute;
  /** Presenter mode: large type, graph and editor enlarged, arrow keys move steps. */
  readonly present: boolean;
  /** The lesson service has read the saved progress. */
  readonly ready: boolean;
  /** Every lesson, sorted by module and order (null until read). */
  readonly catalogue: readonly CatalogueEntry[] | null;
  /** The lesson the route names, once loaded. */
  readonly current: LessonView | null;
  /** Why the lesson the route names cannot be shown. */
  readonly failure: {
    readonly id: string;
    readonly reason: 'unknown' | 'broken';
    readonly diagnostics: readonly Diagnostic[];
  } | null;
  /** The route named a step the lesson does not have (the first step is shown instead). */
  readonly unknownStep: string | null;
  /** The latest check results of the current lesson. */
  readonly checks: LessonCheckView | null;
  /** Incremented by the Check button: the service checks at once. */
  readonly checkRequest: number;
  readonly progress: Progress;
  /** Said once when saved progress had entries that could not be read (set aside, not deleted). */
  readonly progressNotice: LocalText | null;
  /** The lesson whose scenario the editor text started from. */
  readonly textOwner: string | null;
  /**
   * The learner's own lab text, kept while lessons have the editor; leaving the lessons for the
   * lab puts it back. Null when the editor holds the learner's own text.
   */
  readonly labText: string | null;
  /** The text a lesson step last put in the editor: unchanged since, it is not the learner's edit. */
  readonly loadedText: string | null;
  /** A step's scenario waiting for the learner's consent to replace their edited text. */
  readonly pendingScenario: {
    readonly lessonId: string;
    readonly stepId: string;
    readonly text: string;
  } | null;
  /**
   * A share link opened this lesson (step null: the lesson, at whatever step it opens on). The
   * link's scenario text and flow are the point of the link, so arriving there keeps them rather
   * than bringing the step's own scenario and highlight. Cleared on arrival or any other route.
   */
  readonly arrivedByLink: { readonly lessonId: string; readonly stepId: string | null } | null;
}

export const INITIAL_LESSON_SLICE: LessonSlice = {
  route: { view: 'lab' },
  present: false,
  ready: false,
  catalogue: null,
  current: null,
  failure: null,
  unknownStep: null,
  checks: null,
  checkRequest: 0,
  progress: {},
  progressNotice: null,
  textOwner: null,
  labText: null,
  loadedText: null,
  pendingScenario: null,
  arrivedByLink: null,
};

export const progressOf = (progress: Progress, id: string): LessonProgress =>
  progress[id] ?? EMPTY_LESSON_PROGRESS;

export function updateProgress(
  progress: Progress,
  id: string,
  change: (p: LessonProgress) => LessonProgress,
): Progress {
  return { ...progress, [id]: change(progressOf(progress, id)) };
}

/** 'done' once solved; 'started' once a step was seen; else 'new'. */
export function lessonStatus(p: LessonProgress | undefined): 'done' | 'started' | 'new' {
  if (!p) return 'new';
  return p.solved ? 'done' : p.seen.length > 0 ? 'started' : 'new';
}

/** The index of the step a route asks for, or of where the learner left off, or 0. */
export function stepIndexFor(lesson: LessonView, step: string | null, progress: LessonProgress): number {
  const find = (id: string | null | undefined) => (id ? lesson.steps.findIndex((s) => s.id === id) : -1);
  const asked = find(step);
  if (asked >= 0) return asked;
  if (step === null) return Math.max(0, find(progress.last));
  return 0;
}

/** The step the route is on (valid once `current` matches the route). */
export function currentStepIndex(slice: LessonSlice): number {
  const { current, route } = slice;
  if (!current || route.view !== 'lesson' || route.id !== current.id) return -1;
  return Math.max(
    0,
    current.steps.findIndex((s) => s.id === route.step),
  );
}

/** Quiz answers that were revealed, for the checker. */
export const answersOf = (p: LessonProgress): Readonly<Record<string, readonly string[]>> => p.answers;

/** Merges imported progress into ours: nothing the learner did is lost on either side. */
export function mergeProgress(ours: Progress, theirs: Progress): Progress {
  const out: Record<string, LessonProgress> = { ...ours };
  for (const [id, t] of Object.entries(theirs)) {
    const o = ours[id];
    if (!o) {
      out[id] = t;
      continue;
    }
    out[id] = {
      seen: [...new Set([...o.seen, ...t.seen])],
      ...((o.last ?? t.last) !== undefined ? { last: (o.last ?? t.last)! } : {}),
      solved: o.solved || t.solved,
      answers: { ...t.answers, ...o.answers },
      right: { ...t.right, ...o.right },
      hints: Math.max(o.hints, t.hints),
      solutionShown: o.solutionShown || t.solutionShown,
    };
  }
  return out;
}

/** What the lesson player can do to the store (lesson-actions.ts implements it). */
export interface LessonActions {
  /** Where the learner is: from the URL, the list, or the player; `present` toggles presenter mode. */
  setLessonRoute(route: LessonRoute, present?: boolean): void;
  /**
   * Opens a lesson from a share link: at `step` (null: where it would open anyway), keeping the
   * scenario text and flow the link brought instead of the step's own.
   */
  openSharedLesson(id: string, step: string | null): void;
  setPresenting(present: boolean): void;
  /** Moves to a step of the current lesson (clamped). */
  goToStep(index: number): void;
  /**
   * `labText`: the learner's own text kept from a visit before a reload (see LessonSlice);
   * `notice`: progress entries that could not be read were set aside (said once).
   */
  lessonServiceReady(
    progress: Progress,
    textOwner: string | null,
    labText?: string | null,
    notice?: LocalText | null,
  ): void;
  applyCatalogue(entries: readonly CatalogueEntry[]): void;
  applyLessonLoad(result: LessonLoadView): void;
  lessonNotFound(id: string): void;
  applyLessonChecks(checks: LessonCheckView): void;
  requestLessonCheck(): void;
  /** Records (once) the learner's prediction for a quiz; the checker then reveals the answer. */
  answerQuiz(checkId: string, chosen: readonly string[]): void;
  revealHint(): void;
  /** Loads the reference solution into the editor (the learner's text stays recoverable). */
  showSolution(): void;
  /** Loads the current step's scenario again (the learner's text stays recoverable). */
  restartStep(): void;
  /** The learner's answer to "replace your edited text with this step's scenario?". */
  resolvePendingScenario(accept: boolean): void;
  importProgress(progress: Progress): void;
  /**
   * A console lesson (module F, played in the by-hand lab): `step` was opened, and the checks were
   * passed when `solved` (solved stays solved, as in the lesson player).
   */
  recordConsoleLesson(id: string, step: string, solved: boolean): void;
}

// The lesson actions of the store: pure transitions of the lesson slice (and of the scenario text
// when a step brings its own scenario). The lesson service feeds them from files, the worker and
// localStorage; the player calls them on clicks and keys.
import type { StoreApi } from 'zustand/vanilla';
import {
  currentStepIndex,
  mergeProgress,
  progressOf,
  stepIndexFor,
  updateProgress,
  type LessonActions,
  type LessonRoute,
} from './lesson-state';
import type { LessonView } from '../app-model/lesson-view';
import type { FlowSelection, NetlabState } from './netlab-state';
import { leaveScene, sourceOfText } from './scene-switch';
import { replacementOf } from './text-history';

type SetState = StoreApi<NetlabState>['setState'];

/**
 * `ask`: whether a step asks before replacing the learner's own text (an embed's host is the
 * author, and an embed shows no dialogs: there a step simply replaces it).
 */
export function createLessonActions(set: SetState, defaultScenario: string, ask = true): LessonActions {
  /**
   * Text nothing is lost by replacing: empty, the built-in scenario, a file of the lesson, the
   * text a step loaded and nobody edited since, or the learner's own lab text (kept in labText).
   */
  const disposable = (s: NetlabState, lesson: LessonView): boolean => {
    const text = s.scenarioText;
    return (
      !ask ||
      text.trim() === '' ||
      text === defaultScenario ||
      text === s.lesson.loadedText ||
      Object.values(lesson.scenarios).includes(text) ||
      (s.lesson.textOwner === null && s.lesson.labText === null)
    );
  };

  /**
   * A lesson's text in the editor: the replaced text is kept for "Undo" when it was the learner's
   * own, their lab text is kept for the way back, and the matrix marks count from this text.
   */
  const replaceText = (
    s: NetlabState,
    text: string,
    lesson: LessonView,
    always: boolean,
  ): Partial<NetlabState> => {
    const ownLab = s.lesson.textOwner === null && s.lesson.labText === null;
    return {
      ...leaveScene(s),
      lastReplaced: replacementOf(s.scenarioText, s.lastReplaced, 'lesson'),
      scenarioText: text,
      scenarioSource: { kind: 'lesson', lessonId: lesson.id },
      textBeforeReset: always || !disposable(s, lesson) ? s.scenarioText : null,
      textReplacedBy: 'lesson',
      baseline: { text, pinnedAt: 0, lesson: lesson.id },
      lesson: {
        ...s.lesson,
        labText: ownLab ? s.scenarioText : s.lesson.labText,
        loadedText: text,
      },
    };
  };

  /** Back in the lab: the learner's own text returns (the lesson's text stays undoable). */
  const backToLab = (s: NetlabState): Partial<NetlabState> => {
    const own = s.lesson.labText;
    if (own === null) return {};
    return {
      ...leaveScene(s),
      lastReplaced: replacementOf(s.scenarioText, s.lastReplaced, 'lesson'),
      scenarioText: own,
      scenarioSource: sourceOfText(own, defaultScenario),
      textBeforeReset: own === s.scenarioText ? null : s.scenarioText,
      textReplacedBy: 'lesson',
      selectedFlow: null,
      selectedPolicy: null,
    };
  };

  /** Everything that happens when the learner arrives at step `index` of `lesson`. */
  const enter = (
    s: NetlabState,
    lesson: LessonView,
    index: number,
    extra: Partial<NetlabState['lesson']> = {},
  ): Partial<NetlabState> => {
    const step = lesson.steps[Math.min(Math.max(0, index), lesson.steps.length - 1)]!;
    const link = s.lesson.arrivedByLink;
    // Arriving by a share link: the link's text and flow are what the sharer meant to show.
    const byLink =
      link !== null &&
      link.lessonId === lesson.id &&
      (link.stepId === null || link.stepId === step.id || link.stepId === extra.unknownStep);
    const before = progressOf(s.lesson.progress, lesson.id);
    const owned = s.lesson.textOwner === lesson.id;
    const progress = updateProgress(s.lesson.progress, lesson.id, (p) => ({
      ...p,
      seen: p.seen.includes(step.id) ? p.seen : [...p.seen, step.id],
      last: step.id,
    }));
    // A step with a scenario file brings it, unless the learner is back where they were (a reload)
    // or a share link brought the text to show here; a step that keeps the text still needs the
    // lesson's scenario when the text is from elsewhere.
    const keep = (owned && before.last === step.id) || byLink;
    const wanted = keep
      ? undefined
      : step.scenario !== null
        ? lesson.scenarios[step.scenario]
        : owned
          ? undefined
          : lesson.scenarios[step.effectiveScenario];
    let text: Partial<NetlabState> = {};
    let pendingScenario: NetlabState['lesson']['pendingScenario'] = null;
    let textOwner = s.lesson.textOwner;
    let kept = { labText: s.lesson.labText, loadedText: s.lesson.loadedText };
    if (wanted !== undefined && wanted !== s.scenarioText) {
      if (disposable(s, lesson)) {
        const { lesson: after, ...rest } = replaceText(s, wanted, lesson, false);
        text = rest;
        kept = { labText: after!.labText, loadedText: after!.loadedText };
        textOwner = lesson.id;
      } else {
        pendingScenario = { lessonId: lesson.id, stepId: step.id, text: wanted };
      }
    } else if (wanted !== undefined || byLink) {
      textOwner = lesson.id;
    }
    // Point at what the step talks about: its policy, and the flow between its two endpoints. A
    // step that names nothing leaves the learner's own selection alone, and so does a share link
    // (its flow is the one the sharer chose).
    const named = !byLink && (step.highlight.policies.length > 0 || step.highlight.endpoints.length > 0);
    const keys = step.highlight.endpoints.map((e) => e.key).filter((k): k is string => k !== undefined);
    const flow: FlowSelection | null = keys.length === 2 ? { from: keys[0]!, to: keys[1]! } : null;
    const highlight: Partial<NetlabState> = named
      ? { selectedPolicy: step.highlight.policies[0] ?? null, selectedFlow: flow }
      : {};
    return {
      ...text,
      ...highlight,
      lesson: {
        ...s.lesson,
        ...extra,
        ...kept,
        route: { view: 'lesson', id: lesson.id, step: step.id },
        progress,
        pendingScenario,
        textOwner,
        arrivedByLink: null,
      },
    };
  };

  /** Moves to `route`; `link` is the share link it was opened by (kept until the lesson is entered). */
  const goTo = (
    s: NetlabState,
    route: LessonRoute,
    present: boolean | undefined,
    link: NetlabState['lesson']['arrivedByLink'],
  ): Partial<NetlabState> => {
    const lesson = { ...s.lesson, ...(present !== undefined ? { present } : {}), arrivedByLink: link };
    const { current } = s.lesson;
    if (route.view === 'lesson' && current && current.id === route.id) {
      const index = stepIndexFor(current, route.step, progressOf(lesson.progress, current.id));
      const unknownStep = route.step !== null && current.steps[index]!.id !== route.step ? route.step : null;
      const here =
        s.lesson.route.view === 'lesson' && s.lesson.route.id === current.id
          ? currentStepIndex(s.lesson)
          : -1;
      if (index === here && route.step !== null && link === null)
        return { lesson: { ...lesson, route, unknownStep } };
      return enter({ ...s, lesson }, current, index, { unknownStep });
    }
    const failure = route.view === 'lesson' && lesson.failure?.id === route.id ? lesson.failure : null;
    const routed = { ...lesson, route, failure, unknownStep: null, pendingScenario: null };
    if (route.view === 'lab')
      return {
        ...backToLab(s),
        lesson: { ...routed, textOwner: null, labText: null, loadedText: null },
      };
    // Another lesson: the old lesson's packet stops at once, before the new lesson's files arrive.
    const from = s.lesson.route;
    const switched = route.view === 'lesson' && from.view === 'lesson' && from.id !== route.id;
    return { ...(switched ? leaveScene(s) : {}), lesson: routed };
  };

  const withCurrent = (change: (s: NetlabState, lesson: LessonView) => Partial<NetlabState>) =>
    set((s) => (s.lesson.current ? change(s, s.lesson.current) : {}));

  return {
    setLessonRoute: (route, present) =>
      set((s) => {
        // The address catching up with a link's lesson (the same route again) keeps the link.
        const link = s.lesson.arrivedByLink;
        const same =
          link !== null &&
          route.view === 'lesson' &&
          route.id === link.lessonId &&
          route.step === link.stepId;
        return goTo(s, route, present, same ? link : null);
      }),
    openSharedLesson: (id, step) =>
      set((s) => goTo(s, { view: 'lesson', id, step }, undefined, { lessonId: id, stepId: step })),
    setPresenting: (present) => set((s) => ({ lesson: { ...s.lesson, present } })),
    goToStep: (index) =>
      withCurrent((s, lesson) =>
        index >= 0 && index < lesson.steps.length && index !== currentStepIndex(s.lesson)
          ? enter(s, lesson, index, { unknownStep: null })
          : {},
      ),
    // Progress recorded before the service read the saved one (a console lesson) is kept too.
    lessonServiceReady: (progress, textOwner, labText = null, progressNotice = null) =>
      set((s) => ({
        ...(textOwner !== null && s.scenarioSource.kind !== 'lesson'
          ? { scenarioSource: { kind: 'lesson', lessonId: textOwner } }
          : {}),
        lesson: {
          ...s.lesson,
          ready: true,
          progress: mergeProgress(s.lesson.progress, progress),
          textOwner,
          labText: textOwner === null ? null : labText,
          progressNotice,
        },
      })),
    applyCatalogue: (catalogue) => set((s) => ({ lesson: { ...s.lesson, catalogue } })),
    applyLessonLoad: (result) =>
      set((s) => {
        const { route } = s.lesson;
        if (route.view !== 'lesson' || route.id !== result.id) return {};
        if (!result.lesson)
          return {
            lesson: {
              ...s.lesson,
              failure: { id: result.id, reason: 'broken', diagnostics: result.diagnostics },
            },
          };
        const lesson = result.lesson;
        const index = stepIndexFor(lesson, route.step, progressOf(s.lesson.progress, lesson.id));
        const unknownStep = route.step !== null && lesson.steps[index]!.id !== route.step ? route.step : null;
        const checks = s.lesson.checks?.lessonId === lesson.id ? s.lesson.checks : null;
        return enter({ ...s, lesson: { ...s.lesson, current: lesson } }, lesson, index, {
          current: lesson,
          failure: null,
          unknownStep,
          checks,
        });
      }),
    lessonNotFound: (id) =>
      set((s) =>
        s.lesson.route.view === 'lesson' && s.lesson.route.id === id
          ? { lesson: { ...s.lesson, failure: { id, reason: 'unknown', diagnostics: [] } } }
          : {},
      ),
    applyLessonChecks: (checks) =>
      set((s) => {
        if (s.lesson.current?.id !== checks.lessonId) return {};
        const progress = updateProgress(s.lesson.progress, checks.lessonId, (p) => {
          const right = { ...p.right };
          for (const r of checks.results) {
            const chosen = p.answers[r.id];
            if (!r.quiz?.chosen || !chosen || r.id in right) continue;
            if (r.quiz.chosen.join('\n') === chosen.join('\n')) right[r.id] = r.passed;
          }
          return { ...p, right, solved: p.solved || checks.solved };
        });
        return { lesson: { ...s.lesson, checks, progress } };
      }),
    requestLessonCheck: () =>
      set((s) => ({ lesson: { ...s.lesson, checkRequest: s.lesson.checkRequest + 1 } })),
    answerQuiz: (checkId, chosen) =>
      withCurrent((s, lesson) => {
        if (chosen.length === 0 || progressOf(s.lesson.progress, lesson.id).answers[checkId]) return {};
        return {
          lesson: {
            ...s.lesson,
            progress: updateProgress(s.lesson.progress, lesson.id, (p) => ({
              ...p,
              answers: { ...p.answers, [checkId]: [...chosen] },
            })),
          },
        };
      }),
    revealHint: () =>
      withCurrent((s, lesson) => ({
        lesson: {
          ...s.lesson,
          progress: updateProgress(s.lesson.progress, lesson.id, (p) => ({
            ...p,
            hints: Math.min(lesson.hints.length, p.hints + 1),
          })),
        },
      })),
    showSolution: () =>
      withCurrent((s, lesson) => {
        const r = s.scenarioText === lesson.solution ? {} : replaceText(s, lesson.solution, lesson, true);
        return {
          ...r,
          lesson: {
            ...(r.lesson ?? s.lesson),
            textOwner: lesson.id,
            pendingScenario: null,
            progress: updateProgress(s.lesson.progress, lesson.id, (p) => ({ ...p, solutionShown: true })),
          },
        };
      }),
    restartStep: () =>
      withCurrent((s, lesson) => {
        const step = lesson.steps[currentStepIndex(s.lesson)];
        const text = step ? lesson.scenarios[step.effectiveScenario] : undefined;
        if (text === undefined || text === s.scenarioText) return {};
        const r = replaceText(s, text, lesson, true);
        return { ...r, lesson: { ...r.lesson!, textOwner: lesson.id, pendingScenario: null } };
      }),
    resolvePendingScenario: (accept) =>
      withCurrent((s, lesson) => {
        const pending = s.lesson.pendingScenario;
        if (!pending) return {};
        const done = { pendingScenario: null, textOwner: pending.lessonId };
        if (!accept) return { lesson: { ...s.lesson, ...done } };
        const r = replaceText(s, pending.text, lesson, true);
        return { ...r, lesson: { ...r.lesson!, ...done } };
      }),
    recordConsoleLesson: (id, step, solved) =>
      set((s) => ({
        lesson: {
          ...s.lesson,
          progress: updateProgress(s.lesson.progress, id, (p) => ({
            ...p,
            seen: p.seen.includes(step) ? p.seen : [...p.seen, step],
            last: step,
            solved: p.solved || solved,
          })),
        },
      })),
    importProgress: (progress) =>
      set((s) => ({ lesson: { ...s.lesson, progress: mergeProgress(s.lesson.progress, progress) } })),
  };
}

// Lessons as the page shows them: plain data the model worker builds from lesson files (see
// lesson-engine.ts), so the page needs none of src/lesson or the YAML parser to read them.
import type { Diagnostic } from '../lib/diagnostic';
import type { LocalText } from '../lib/text';
import type { FlowPort } from '../engine/match';
import type { CheckKind, CheckResult, ObjectRef } from '../lesson/types';

export type { CheckResult } from '../lesson/types';

/** One lesson in the list: read from its lesson.yaml alone. */
export interface CatalogueEntry {
  readonly id: string;
  readonly module: string;
  readonly order: number;
  readonly title: LocalText;
  readonly prerequisites: readonly string[];
  /** Step ids, in order. */
  readonly steps: readonly string[];
  /** Set when lesson.yaml could not be read. */
  readonly problem?: LocalText;
  /** A console lesson (module F): it opens in the by-hand lab, not the lesson player. */
  readonly console?: true;
}

export interface StepView {
  readonly id: string;
  readonly title?: LocalText;
  /** Markdown per locale. */
  readonly text: LocalText;
  /** The scenario file this step loads into the editor, or null to keep the learner's text. */
  readonly scenario: string | null;
  /** The scenario in effect at this step: its own file or the last one before it. */
  readonly effectiveScenario: string;
  readonly expectErrors: boolean;
  /** Objects the learner may change; empty: the whole scenario. `namespace` is set exactly for namespaced kinds. */
  readonly editable: readonly ObjectRef[];
  readonly highlight: {
    /** `ref` as the lesson writes it; `key` as the matrix and graph name it (absent when unknown). */
    readonly endpoints: readonly { readonly ref: string; readonly key?: string }[];
    /** `namespace/name` of NetworkPolicies. */
    readonly policies: readonly string[];
  };
  /** A packet worth playing at this step: ends as the packet journeys take them. */
  readonly packet?: { readonly from: string; readonly to: string; readonly port: FlowPort };
}

export interface CheckView {
  readonly id: string;
  readonly kind: CheckKind;
  /** Index of the step from which the player shows this check. */
  readonly stepIndex: number;
  /** Quizzes only. */
  readonly quiz?: {
    readonly question: LocalText;
    readonly options: readonly { readonly id: string; readonly text: LocalText }[];
    readonly multiple: boolean;
    readonly reveal?: LocalText;
    /** The scenario file the question is about (absent: the learner's current text). */
    readonly scenario?: string;
  };
}

export interface LessonView {
  readonly id: string;
  /** The lab the lesson runs in (absent: network); a storage lesson's text is the storage lab's. */
  readonly lab?: 'network' | 'volumes' | 'layers';
  readonly module: string;
  readonly order: number;
  readonly title: LocalText;
  readonly prerequisites: readonly string[];
  readonly steps: readonly StepView[];
  readonly checks: readonly CheckView[];
  readonly hints: readonly LocalText[];
  /** The reference solution's text. */
  readonly solution: string;
  /** Every scenario file of the lesson by name (start.yaml, solution.yaml, what-if files). */
  readonly scenarios: Readonly<Record<string, string>>;
  /** Warnings about the lesson itself (errors leave no LessonView). */
  readonly diagnostics: readonly Diagnostic[];
}

/** What loading a lesson gave: the lesson, or the diagnostics that kept it from loading. */
export interface LessonLoadView {
  readonly id: string;
  readonly lesson?: LessonView;
  readonly diagnostics: readonly Diagnostic[];
}

export interface LessonCheckView {
  readonly lessonId: string;
  /** The scenario text the checks ran on. */
  readonly text: string;
  readonly results: readonly CheckResult[];
  /** Every blocking check passed. */
  readonly solved: boolean;
}

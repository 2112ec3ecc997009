// Messages between the page and the model worker.
import type { FlowReasons } from '../engine/explain-reasons';
import type { FlowPort } from '../engine/match';
import type { ProgressPhase } from '../lib/progress';
import type { CatalogueEntry, LessonCheckView, LessonLoadView } from './lesson-view';
import type { DerivedView, EndpointInfo, TraceRequest, TraceResult } from './model-view';
import type { UnseenRequest } from './scenario-model';

/** Lesson work: the catalogue, one lesson's files, and checks of the learner's text. */
export type LessonRequest =
  /** Every lesson.yaml, by folder (`lessons/a-01-…`). */
  | {
      readonly type: 'lesson-catalogue';
      readonly requestId: number;
      /** `console`: a console-lesson.yaml (module F, played in the by-hand lab). */
      readonly files: readonly { readonly dir: string; readonly text: string; readonly console?: true }[];
    }
  /** Every file of one lesson folder as [name, text]; `knownIds` checks prerequisites. */
  | {
      readonly type: 'lesson-load';
      readonly requestId: number;
      readonly dir: string;
      readonly files: readonly (readonly [string, string])[];
      readonly knownIds?: readonly string[];
    }
  /** Runs the checks of a lesson loaded before; `answers` are the quiz options chosen, by check id. */
  | {
      readonly type: 'lesson-check';
      readonly requestId: number;
      readonly lessonId: string;
      readonly text: string;
      readonly answers: Readonly<Record<string, readonly string[]>>;
    };

export type ToModelWorker =
  /** `baseline`: a pinned text to mark changed cells against (null: against the previous model). */
  | {
      readonly type: 'update';
      readonly text: string;
      readonly baseline: string | null;
      /** Peers to draw beside the scenario (a lesson's "show me", the matrix's unseen group). */
      readonly unseen?: UnseenRequest;
    }
  | { readonly type: 'trace'; readonly requestId: number; readonly request: TraceRequest }
  /** Why `from` reaches `to` on `port` (the port itself, not its place in a list), or not; the reasons come in both languages. */
  | {
      readonly type: 'explain';
      readonly requestId: number;
      readonly from: string;
      readonly to: string;
      readonly port: FlowPort;
    }
  | LessonRequest;

export type LessonReply =
  | { readonly type: 'lesson-catalogued'; readonly requestId: number; readonly entries: CatalogueEntry[] }
  | { readonly type: 'lesson-loaded'; readonly requestId: number; readonly result: LessonLoadView }
  | { readonly type: 'lesson-checked'; readonly requestId: number; readonly result: LessonCheckView };

/** How far the worker has got with a text that takes a while (sent only after the first moments). */
export interface ModelProgress {
  /** `failed`: the worker stopped without an answer (out of memory, say). */
  readonly phase: ProgressPhase | 'failed';
  readonly done: number;
  readonly total: number;
  /** The size of the text being built, in characters. */
  readonly chars: number;
  readonly elapsedMs: number;
}

export type FromModelWorker =
  | { readonly type: 'progress'; readonly progress: ModelProgress }
  /**
   * `model.topology` and `model.scene` are left out (null) when `model.layoutId` did not change.
   * `endpointsInParts`: `model.endpoints` came before it in `view-part` messages (a big view is
   * read on the page's thread in pieces, see app-model/page-view).
   */
  | { readonly type: 'view'; readonly view: DerivedView; readonly endpointsInParts?: true }
  | { readonly type: 'view-part'; readonly endpoints: readonly EndpointInfo[] }
  /** `baseline`: the same request through the pinned version, when one is pinned. */
  | {
      readonly type: 'traced';
      readonly requestId: number;
      readonly result: TraceResult;
      readonly baseline?: TraceResult;
    }
  | { readonly type: 'explanation'; readonly requestId: number; readonly reasons: FlowReasons | null }
  | LessonReply;

export const isLessonRequest = (msg: ToModelWorker): msg is LessonRequest => msg.type.startsWith('lesson-');

/** A Worker, or something that answers the same messages (tests, no-worker fallback). */
export interface ModelChannel {
  post(msg: ToModelWorker): void;
  /** Adds a listener for every reply (the model service and the lesson service each add one). */
  onMessage(handler: (msg: FromModelWorker) => void): void;
  /**
   * Drops whatever the engine is busy with and starts a fresh one (listeners stay; the lesson
   * catalogue and loaded lessons are sent again). Answers to earlier messages never arrive.
   */
  restart(): void;
  close(): void;
}

/** Lesson messages whose effect the engine keeps (the catalogue, each loaded lesson), by what they set. */
export function engineStateKey(msg: ToModelWorker): string | null {
  if (msg.type === 'lesson-catalogue') return 'catalogue';
  if (msg.type === 'lesson-load') return `lesson:${msg.dir}`;
  return null;
}

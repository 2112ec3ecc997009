// The page's state, as data and the actions on it (netlab-store.ts creates it). The scenario text
// is the source of truth; everything else is derived from it or chosen by the learner.
import type { Locale } from '../lib/text';
import type { FlowReasons } from '../engine/explain-reasons';
import type { DerivedView, TraceRequest, TraceResult } from '../app-model/model-view';
import type { ModelProgress } from '../app-model/model-protocol';
import type { FlowPort } from '../engine/match';
import type { UnseenPeer } from '../lesson/types';
import type { UnseenRequest } from '../app-model/scenario-model';
import type { LessonActions, LessonSlice } from './lesson-state';
import type { ShareNotice, ShareSlice } from './share-state';
import type { StorageLabActions, StorageLabSlice } from './storage-lab';
import type { PredictSlice } from './predict-state';
import type { Replacement, ReplacedBy, TextVersion } from './text-history';

/** Why the autosave is not keeping the text (false: it is). */
export type TextUnsaved = false | 'refused' | 'too-big';

export interface FlowSelection {
  readonly from: string;
  readonly to: string;
}

/** What the why-panel asks: one flow, at one port (the port itself), of one model. */
export interface ExplanationQuestion {
  readonly flow: FlowSelection;
  readonly port: FlowPort;
  readonly modelId: number;
}

/** Where the scenario text came from: the page header names it. */
export type ScenarioSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'own' }
  | { readonly kind: 'lesson'; readonly lessonId: string }
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'link' };

export interface NetlabState extends LessonActions, StorageLabActions {
  /** The storage lab (volumes and layers): see storage-lab.ts. */
  readonly storageLab: StorageLabSlice;
  readonly scenarioText: string;
  /** What the text is (edits keep the name: the learner's edit of a lesson is still that lesson's). */
  readonly scenarioSource: ScenarioSource;
  readonly locale: Locale;
  /**
   * The matrix port the learner chose (a menu, a share link), null until they choose one. The
   * port itself, not its place in the model's list: see matrix-port.ts for what the matrix shows.
   */
  readonly matrixPort: FlowPort | null;
  readonly selectedFlow: FlowSelection | null;
  /** The text replaced by the last reset, so the learner can take the reset back. */
  readonly textBeforeReset: string | null;
  /** What replaced the text `textBeforeReset` holds: the reset button, or a lesson step. */
  readonly textReplacedBy: 'reset' | 'lesson' | 'replaced';
  /** The last time something replaced the text (not an edit): the history service reads it. */
  readonly lastReplaced: Replacement | null;
  /** The learner's own texts that were replaced, newest first (see text-history.ts). */
  readonly history: readonly TextVersion[];
  /** How many of the oldest versions storage could not hold (full or forbidden): kept in this tab only. */
  readonly historyUnsaved: number;
  /**
   * Why the autosave is not keeping the text, for the page to say: its last write failed (storage
   * full or forbidden), or the text is too big to save at all (a multi-MB dump). False while saved.
   */
  readonly textUnsaved: TextUnsaved;
  /** The lesson player: route, lesson, checks, progress (see lesson-state.ts). */
  readonly lesson: LessonSlice;
  /** The share panel: its last notice, and the scenario a link replaced (see share-state.ts). */
  readonly share: ShareSlice;
  /** The policy whose selected pods and peers the graph highlights. */
  readonly selectedPolicy: string | null;
  /** "Predict first": verdicts hidden in the matrix, the why panel and the graph until revealed. */
  readonly predict: PredictSlice;
  /** Narrows the matrix to endpoints whose name contains this text. */
  readonly matrixFilter: string;
  /** Peers the scenario does not have, drawn beside it: a check's "show me" ghosts, the matrix's group. */
  readonly unseen: UnseenRequest;
  /** What the model service last derived from the text (null until the first model). */
  readonly view: DerivedView | null;
  /** How far the worker has got with a text that takes a while; null when it is not busy with one. */
  readonly modelProgress: ModelProgress | null;
  /** Counts the learner's "Cancel" on a long build: the model service restarts the worker. */
  readonly modelCancels: number;
  /**
   * A version the learner pinned to compare with: the matrix marks cells newly allowed or denied
   * since it, instead of since the last edit. Null: compare with the last edit.
   */
  readonly baseline: {
    readonly text: string;
    readonly pinnedAt: number;
    /** Set when a lesson step pinned its own scenario: marks count from the step's start. */
    readonly lesson?: string;
  } | null;
  /** Packet journeys: the flows to play (one, or a whole tour), which one, and which hop. */
  readonly packet: {
    readonly requests: readonly TraceRequest[];
    readonly index: number;
    /** Index into the request hops followed by the reply hops. */
    readonly step: number;
    readonly playing: boolean;
    /** Multiplies the playback rate: 0.5 to 4. */
    readonly speed: number;
    /** Play every request at once (each at `step`, or at its end) instead of one after another. */
    readonly together: boolean;
  };
  /** Traces of the other requests when they play together, keyed by request index. */
  readonly companionTraces: ReadonlyMap<number, TraceResult>;
  /** The trace of the current packet request, as the model service last computed it. */
  readonly trace: {
    readonly request: TraceRequest;
    readonly modelId: number;
    readonly result: TraceResult;
    /** The same packet through the pinned version, when one is pinned: before and after. */
    readonly baseline?: TraceResult;
  } | null;
  /** The reasons for a flow in both languages, with the question they answer (see explanation.ts). */
  readonly explanation: {
    readonly question: ExplanationQuestion;
    /** Null when an endpoint of the flow no longer exists. */
    readonly reasons: FlowReasons | null;
  } | null;
  setScenarioText(text: string): void;
  /** Back to the built-in scenario the store was created with. */
  resetScenario(): void;
  /** Replaces the scenario (an opened file, a shared link), keeping the old text for undoReset. */
  /** `source`: what the header names the new scene by; `by`: what the history says replaced the old text. */
  replaceScenario(text: string, source?: ScenarioSource, by?: ReplacedBy): void;
  /** The saved versions (read back from storage, or after the history service added one). */
  setHistory(history: readonly TextVersion[]): void;
  /** What the history service could not save (0: every version is in storage). */
  setHistoryUnsaved(count: number): void;
  setTextUnsaved(unsaved: TextUnsaved): void;
  /** Puts a saved version back in place of the text (itself kept in the history if it was the learner's). */
  restoreVersion(text: string): void;
  undoReset(): void;
  setLocale(locale: Locale): void;
  setMatrixPort(port: FlowPort | null): void;
  selectFlow(flow: FlowSelection | null): void;
  selectPolicy(policy: string | null): void;
  setMatrixFilter(filter: string): void;
  /** Draws a peer the scenario does not have (a reach check's hole); again removes it. */
  toggleGhost(peer: UnseenPeer): void;
  /** Shows or hides the matrix's "unseen peers" rows and columns. */
  setUnseenGroup(on: boolean): void;
  setPredicting(on: boolean): void;
  /** Reveals the verdicts of these matrix cells (flow keys). */
  revealCells(keys: readonly string[]): void;
  /** Pins the current model's text as the version to compare with (only a text without errors). */
  pinBaseline(now: number): void;
  unpinBaseline(): void;
  applyView(view: DerivedView): void;
  applyModelProgress(progress: ModelProgress | null): void;
  /**
   * Gives up on the text the worker is building: back to the text it replaced (an opened file, a
   * link), else to the built-in scenario with the big text one "Bring it back" away.
   */
  cancelModel(): void;
  applyExplanation(explanation: NonNullable<NetlabState['explanation']>): void;
  /** Starts playing one packet, or several in turn. */
  sendPackets(requests: readonly TraceRequest[], together?: boolean): void;
  applyCompanionTraces(traces: ReadonlyMap<number, TraceResult>): void;
  setPacketStep(step: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  /** Moves on to the next packet of a tour (stops after the last). */
  nextPacket(): void;
  resetPacket(): void;
  applyTrace(trace: NonNullable<NetlabState['trace']>): void;
  showShareNotice(notice: ShareNotice | null): void;
  /** Offers the learner's own scenario back after a link replaced it. */
  offerShareBackup(text: string): void;
  /** Puts the offered scenario back (undoable like any replacement) and withdraws the offer. */
  restoreShareBackup(): void;
  dismissShareBackup(): void;
}

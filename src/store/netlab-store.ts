// The page's state. The scenario text is the source of truth; the model is derived from it
// (memoised on the text) and never stored twice. No I/O here: persistence lives in services/.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../lib/diagnostic';
import type { DerivedView, TraceRequest, TraceResult } from './model-view';
import type { ModelProgress } from './model-protocol';
import { createLessonActions, type LessonActions } from './lesson-actions';
import { INITIAL_LESSON_SLICE, type LessonSlice } from './lesson-state';

export interface FlowSelection {
  readonly from: string;
  readonly to: string;
}

export interface NetlabState extends LessonActions {
  readonly scenarioText: string;
  readonly locale: Locale;
  /** Index into the model's ports. */
  readonly portIndex: number;
  readonly selectedFlow: FlowSelection | null;
  /** The text replaced by the last reset, so the learner can take the reset back. */
  readonly textBeforeReset: string | null;
  /** What replaced the text `textBeforeReset` holds: the reset button, or a lesson step. */
  readonly textReplacedBy: 'reset' | 'lesson' | 'replaced';
  /** The lesson player: route, lesson, checks, progress (see lesson-state.ts). */
  readonly lesson: LessonSlice;
  /** The policy whose selected pods and peers the graph highlights. */
  readonly selectedPolicy: string | null;
  /** Narrows the matrix to endpoints whose name contains this text. */
  readonly matrixFilter: string;
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
  readonly baseline: { readonly text: string; readonly pinnedAt: number } | null;
  /** Explanation of the selected flow, as the model service last computed it. */
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
  readonly explanation: {
    readonly flow: FlowSelection;
    readonly portIndex: number;
    readonly locale: Locale;
    readonly modelId: number;
    readonly lines: readonly string[] | null;
  } | null;
  setScenarioText(text: string): void;
  /** Back to the built-in scenario the store was created with. */
  resetScenario(): void;
  /** Replaces the scenario (an opened file, a shared link), keeping the old text for undoReset. */
  replaceScenario(text: string): void;
  undoReset(): void;
  setLocale(locale: Locale): void;
  setPortIndex(index: number): void;
  selectFlow(flow: FlowSelection | null): void;
  selectPolicy(policy: string | null): void;
  setMatrixFilter(filter: string): void;
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
}

export type NetlabStore = StoreApi<NetlabState>;

export function createNetlabStore(initial: {
  defaultScenario: string;
  scenarioText?: string;
  locale?: Locale;
}): NetlabStore {
  return createStore<NetlabState>()((set) => ({
    ...createLessonActions(set, initial.defaultScenario),
    lesson: INITIAL_LESSON_SLICE,
    textReplacedBy: 'reset',
    scenarioText: initial.scenarioText ?? initial.defaultScenario,
    locale: initial.locale ?? 'en',
    portIndex: 0,
    selectedFlow: null,
    textBeforeReset: null,
    selectedPolicy: null,
    matrixFilter: '',
    view: null,
    modelProgress: null,
    modelCancels: 0,
    baseline: null,
    packet: { requests: [], index: 0, step: 0, playing: false, speed: 1, together: false },
    companionTraces: new Map(),
    trace: null,
    explanation: null,
    setScenarioText: (scenarioText) => set({ scenarioText, textBeforeReset: null }),
    resetScenario: () =>
      set((s) => ({
        scenarioText: initial.defaultScenario,
        textBeforeReset: s.scenarioText === initial.defaultScenario ? null : s.scenarioText,
        textReplacedBy: 'reset',
        lesson: { ...s.lesson, textOwner: null },
        selectedFlow: null,
      })),
    replaceScenario: (text) =>
      set((s) => ({
        scenarioText: text,
        textBeforeReset: s.scenarioText === text ? null : s.scenarioText,
        textReplacedBy: 'replaced',
        selectedFlow: null,
      })),
    undoReset: () =>
      set((s) =>
        s.textBeforeReset === null ? {} : { scenarioText: s.textBeforeReset, textBeforeReset: null },
      ),
    setLocale: (locale) => set({ locale }),
    pinBaseline: (now) =>
      set((s) => (s.view && !s.view.hasErrors ? { baseline: { text: s.view.text, pinnedAt: now } } : {})),
    unpinBaseline: () => set({ baseline: null }),
    setPortIndex: (portIndex) => set({ portIndex }),
    selectFlow: (selectedFlow) => set({ selectedFlow }),
    selectPolicy: (selectedPolicy) => set({ selectedPolicy }),
    setMatrixFilter: (matrixFilter) => set({ matrixFilter }),
    applyView: (view) => set({ view, modelProgress: null }),
    applyModelProgress: (modelProgress) => set({ modelProgress }),
    cancelModel: () =>
      set((s) => ({
        modelCancels: s.modelCancels + 1,
        modelProgress: null,
        selectedFlow: null,
        ...(s.textBeforeReset !== null
          ? { scenarioText: s.textBeforeReset, textBeforeReset: null }
          : {
              scenarioText: initial.defaultScenario,
              textBeforeReset: s.scenarioText === initial.defaultScenario ? null : s.scenarioText,
              textReplacedBy: 'replaced' as const,
              lesson: { ...s.lesson, textOwner: null },
            }),
      })),
    applyExplanation: (explanation) => set({ explanation }),
    sendPackets: (requests, together = false) =>
      set((s) => ({
        packet: { ...s.packet, requests, index: 0, step: 0, playing: requests.length > 0, together },
        companionTraces: new Map(),
      })),
    applyCompanionTraces: (companionTraces) => set({ companionTraces }),
    setPacketStep: (step) => set((s) => ({ packet: { ...s.packet, step: Math.max(0, step) } })),
    setPlaying: (playing) => set((s) => ({ packet: { ...s.packet, playing } })),
    setSpeed: (speed) => set((s) => ({ packet: { ...s.packet, speed: Math.min(4, Math.max(0.5, speed)) } })),
    nextPacket: () =>
      set((s) =>
        !s.packet.together && s.packet.index + 1 < s.packet.requests.length
          ? { packet: { ...s.packet, index: s.packet.index + 1, step: 0 } }
          : { packet: { ...s.packet, playing: false } },
      ),
    resetPacket: () => set((s) => ({ packet: { ...s.packet, index: 0, step: 0, playing: false } })),
    applyTrace: (trace) => set({ trace }),
  }));
}

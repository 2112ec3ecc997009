// The page's state. The scenario text is the source of truth; the model is derived from it
// (memoised on the text) and never stored twice. No I/O here: persistence lives in services/.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../lib/diagnostic';
import type { DerivedView } from './model-view';

export interface FlowSelection {
  readonly from: string;
  readonly to: string;
}

export interface NetlabState {
  readonly scenarioText: string;
  readonly locale: Locale;
  /** Index into the model's ports. */
  readonly portIndex: number;
  readonly selectedFlow: FlowSelection | null;
  /** The text replaced by the last reset, so the learner can take the reset back. */
  readonly textBeforeReset: string | null;
  /** The policy whose selected pods and peers the graph highlights. */
  readonly selectedPolicy: string | null;
  /** Narrows the matrix to endpoints whose name contains this text. */
  readonly matrixFilter: string;
  /** What the model service last derived from the text (null until the first model). */
  readonly view: DerivedView | null;
  /** Explanation of the selected flow, as the model service last computed it. */
  readonly explanation: { readonly flow: FlowSelection; readonly portIndex: number; readonly locale: Locale; readonly modelId: number; readonly lines: readonly string[] | null } | null;
  setScenarioText(text: string): void;
  /** Back to the built-in scenario the store was created with. */
  resetScenario(): void;
  undoReset(): void;
  setLocale(locale: Locale): void;
  setPortIndex(index: number): void;
  selectFlow(flow: FlowSelection | null): void;
  selectPolicy(policy: string | null): void;
  setMatrixFilter(filter: string): void;
  applyView(view: DerivedView): void;
  applyExplanation(explanation: NonNullable<NetlabState['explanation']>): void;
}

export type NetlabStore = StoreApi<NetlabState>;

export function createNetlabStore(initial: { defaultScenario: string; scenarioText?: string; locale?: Locale }): NetlabStore {
  return createStore<NetlabState>()((set) => ({
    scenarioText: initial.scenarioText ?? initial.defaultScenario,
    locale: initial.locale ?? 'en',
    portIndex: 0,
    selectedFlow: null,
    textBeforeReset: null,
    selectedPolicy: null,
    matrixFilter: '',
    view: null,
    explanation: null,
    setScenarioText: (scenarioText) => set({ scenarioText, textBeforeReset: null }),
    resetScenario: () =>
      set((s) => ({
        scenarioText: initial.defaultScenario,
        textBeforeReset: s.scenarioText === initial.defaultScenario ? null : s.scenarioText,
        selectedFlow: null,
      })),
    undoReset: () => set((s) => (s.textBeforeReset === null ? {} : { scenarioText: s.textBeforeReset, textBeforeReset: null })),
    setLocale: (locale) => set({ locale }),
    setPortIndex: (portIndex) => set({ portIndex }),
    selectFlow: (selectedFlow) => set({ selectedFlow }),
    selectPolicy: (selectedPolicy) => set({ selectedPolicy }),
    setMatrixFilter: (matrixFilter) => set({ matrixFilter }),
    applyView: (view) => set({ view }),
    applyExplanation: (explanation) => set({ explanation }),
  }));
}

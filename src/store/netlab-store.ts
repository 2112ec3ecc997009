// The page's state. The scenario text is the source of truth; the model is derived from it
// (memoised on the text) and never stored twice. No I/O here: persistence lives in services/.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../lib/diagnostic';
import { buildScenarioModel, type ScenarioModel } from './scenario-model';

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
  setScenarioText(text: string): void;
  setLocale(locale: Locale): void;
  setPortIndex(index: number): void;
  selectFlow(flow: FlowSelection | null): void;
}

export type NetlabStore = StoreApi<NetlabState>;

export function createNetlabStore(initial: { scenarioText: string; locale?: Locale }): NetlabStore {
  return createStore<NetlabState>()((set) => ({
    scenarioText: initial.scenarioText,
    locale: initial.locale ?? 'en',
    portIndex: 0,
    selectedFlow: null,
    setScenarioText: (scenarioText) => set({ scenarioText }),
    setLocale: (locale) => set({ locale }),
    setPortIndex: (portIndex) => set({ portIndex }),
    selectFlow: (selectedFlow) => set({ selectedFlow }),
  }));
}

/**
 * The model of the current text. While the text has errors, the last model without errors
 * stays on screen (with the new diagnostics), so a half-typed edit never blanks the page.
 */
export function createModelSelector(): (s: NetlabState) => { model: ScenarioModel; diagnosticsModel: ScenarioModel } {
  let lastText: string | null = null;
  let lastValid: ScenarioModel | null = null;
  let result: { model: ScenarioModel; diagnosticsModel: ScenarioModel } | null = null;
  return (s) => {
    if (s.scenarioText === lastText && result) return result;
    lastText = s.scenarioText;
    const current = buildScenarioModel(s.scenarioText);
    if (!current.hasErrors || !lastValid) lastValid = current;
    result = { model: lastValid, diagnosticsModel: current };
    return result;
  };
}

// What the page shows for the current text: the model (the last one without errors while the
// text has errors), the current diagnostics, and which matrix cells changed verdict with the
// last edit that produced a new model ("newly allowed" / "newly denied" until the next one).
import type { FlowPort } from '../engine/match';
import type { NetlabState } from './netlab-store';
import { buildScenarioModel, type ScenarioModel } from './scenario-model';

export type CellChange = 'newly-allowed' | 'newly-denied';

export interface DerivedView {
  readonly model: ScenarioModel;
  /** The model of the text as it is now, possibly with errors: its diagnostics are the ones to show. */
  readonly diagnosticsModel: ScenarioModel;
  /** Keyed by flowKey(). Empty on first load. */
  readonly changes: ReadonlyMap<string, CellChange>;
  /** Counts the models built so far: a cheap "something changed" signal for views and benchmarks. */
  readonly revision: number;
}

export const flowKey = (from: string, to: string, port: FlowPort): string => `${from}|${to}|${port.port}/${port.protocol}`;

/** Cells present in both models whose verdict differs. */
export function diffModels(prev: ScenarioModel, next: ScenarioModel): Map<string, CellChange> {
  const changes = new Map<string, CellChange>();
  const prevIndex = new Map(prev.endpoints.map((e, i) => [e.key, i]));
  const prevPorts = new Map(prev.ports.map((p, i) => [`${p.port}/${p.protocol}`, i]));
  next.ports.forEach((port, pi) => {
    const ppi = prevPorts.get(`${port.port}/${port.protocol}`);
    if (ppi === undefined) return;
    next.endpoints.forEach((from, s) => {
      const ps = prevIndex.get(from.key);
      if (ps === undefined) return;
      const row = next.matrix.allowed[pi]![s]!;
      const prevRow = prev.matrix.allowed[ppi]![ps]!;
      next.endpoints.forEach((to, d) => {
        const pd = prevIndex.get(to.key);
        if (pd === undefined || (from.kind === 'external' && to.kind === 'external')) return;
        const now = row.has(d);
        if (now !== prevRow.has(pd)) changes.set(flowKey(from.key, to.key, port), now ? 'newly-allowed' : 'newly-denied');
      });
    });
  });
  return changes;
}

/** A memoising selector (one per store): the model is rebuilt only when the text changes. */
export function createDerivedSelector(): (s: NetlabState) => DerivedView {
  let lastText: string | null = null;
  let result: DerivedView | null = null;
  return (s) => {
    if (s.scenarioText === lastText && result) return result;
    lastText = s.scenarioText;
    const built = buildScenarioModel(s.scenarioText);
    // Keep the previous scene object when nothing moved, so the graph's layers skip re-rendering.
    const prevScene = result?.model.scene;
    const current = prevScene && JSON.stringify(prevScene) === JSON.stringify(built.scene) ? { ...built, scene: prevScene } : built;
    if (current.hasErrors && result) {
      result = { model: result.model, diagnosticsModel: current, changes: result.changes, revision: result.revision + 1 };
    } else {
      const changes = result ? diffModels(result.model, current) : new Map<string, CellChange>();
      result = { model: current, diagnosticsModel: current, changes, revision: (result?.revision ?? 0) + 1 };
    }
    return result;
  };
}

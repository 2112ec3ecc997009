// The matrix port as the panel's own view has it: under <AfterTheGraph> the view is a render
// behind the store's, so the chosen port is looked up in that view, never the store's newer one
// (whose list of ports may be longer or ordered differently).
import { matrixPortIndex, missingMatrixPort } from '../store/matrix-port';
import type { FlowPort } from '../engine/match';
import { useNetlab, useScenarioModel } from './use-netlab';

export interface ShownPort {
  /** The port's place in the view's model.ports. */
  readonly index: number;
  /** The port the matrix shows (null only when the model has no ports). */
  readonly port: FlowPort | null;
  /** The chosen port when this view no longer offers it, else null. */
  readonly missing: FlowPort | null;
}

export function useMatrixPort(): ShownPort {
  const view = useScenarioModel();
  const matrixPort = useNetlab((s) => s.matrixPort);
  const state = { matrixPort, view };
  const index = matrixPortIndex(state);
  return { index, port: view.model.ports[index] ?? null, missing: missingMatrixPort(state) };
}

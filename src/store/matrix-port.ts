// The matrix port: the store keeps the port the learner chose ({port, protocol}), never a position
// in the model's list, so an edit that adds a port elsewhere leaves the choice alone. These
// selectors are the one place that turns the choice into what the matrix shows.
import type { FlowPort } from '../engine/match';
import type { NetlabState } from './netlab-store';

type PortState = Pick<NetlabState, 'matrixPort' | 'view'>;

export const samePort = (a: FlowPort, b: FlowPort): boolean => a.port === b.port && a.protocol === b.protocol;

/**
 * The chosen port's place in the model's ports. The first port when none was chosen, or when no
 * pod declares the chosen one any more (missingMatrixPort then names it, for the page to say so).
 */
export function matrixPortIndex(s: PortState): number {
  const chosen = s.matrixPort;
  if (!s.view || !chosen) return 0;
  return Math.max(
    0,
    s.view.model.ports.findIndex((p) => samePort(p, chosen)),
  );
}

/** The port the matrix shows, the one the explanation, the packet form and a share link use. */
export function shownMatrixPort(s: PortState): FlowPort | null {
  return s.view?.model.ports[matrixPortIndex(s)] ?? null;
}

/** The chosen port when the model no longer offers it (the matrix shows the first port), else null. */
export function missingMatrixPort(s: PortState): FlowPort | null {
  const chosen = s.matrixPort;
  if (!s.view || !chosen) return null;
  return s.view.model.ports.some((p) => samePort(p, chosen)) ? null : chosen;
}

// The one staleness check of the why-panel: the question asked now (the selected flow, at the
// chosen port, of the current model), and the stored answer only while it answers that question.
// The answer carries both languages, so switching the language never makes it stale.
import type { FlowReasons } from '../engine/explain-reasons';
import { samePort, shownMatrixPort } from './matrix-port';
import type { ExplanationQuestion, NetlabState } from './netlab-store';

/** The question the why-panel asks now, or null with no flow selected or no model yet. */
export function explanationQuestion(s: NetlabState): ExplanationQuestion | null {
  if (!s.selectedFlow || !s.view) return null;
  const port = shownMatrixPort(s);
  if (!port) return null;
  return { flow: s.selectedFlow, port, modelId: s.view.model.id };
}

export const sameQuestion = (a: ExplanationQuestion, b: ExplanationQuestion): boolean =>
  a.flow.from === b.flow.from &&
  a.flow.to === b.flow.to &&
  samePort(a.port, b.port) &&
  a.modelId === b.modelId;

/** The reasons for the question asked now; null while they are being worked out (or stale). */
export function currentExplanation(s: NetlabState): FlowReasons | null {
  const asked = explanationQuestion(s);
  return asked && s.explanation && sameQuestion(asked, s.explanation.question) ? s.explanation.reasons : null;
}

// What a whole new scene in the editor leaves behind: a packet of the old scene stops (its
// endpoints may not exist any more) and a lesson's own comparison point goes with the lesson.
import type { NetlabState, ScenarioSource } from './netlab-state';

/** The state parts that belong to the scene being replaced, reset. */
export function leaveScene(s: NetlabState): Partial<NetlabState> {
  return {
    packet: { ...s.packet, requests: [], index: 0, step: 0, playing: false },
    trace: null,
    companionTraces: new Map(),
    // A new scene's verdicts are new: in "predict first" they are hidden again.
    predict: { ...s.predict, revealed: [] },
    ...(s.baseline?.lesson !== undefined ? { baseline: null } : {}),
  };
}

/** The source of a text nothing is known about: the built-in scenario, or the learner's own. */
export const sourceOfText = (text: string, defaultScenario: string): ScenarioSource =>
  text === defaultScenario ? { kind: 'default' } : { kind: 'own' };

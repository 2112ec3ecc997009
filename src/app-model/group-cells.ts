// The matrix per workload or namespace, counted in the page from the worker's bit rows: for each
// pair of groups, how many of the pod-to-pod flows are allowed (a pod to itself and outside to
// outside are not counted), so the view says all, some (a of b) or none.
import type { GroupInfo, ModelView } from './model-view';

export interface GroupCount {
  readonly allowed: number;
  readonly total: number;
}

export function groupCount(view: ModelView, portIndex: number, from: GroupInfo, to: GroupInfo): GroupCount {
  const words = view.allowed[portIndex];
  if (!words) return { allowed: 0, total: 0 };
  let allowed = 0;
  let total = 0;
  for (const s of from.members) {
    const outsideFrom = view.endpoints[s]!.kind === 'external';
    const base = s * view.wordsPerRow;
    for (const d of to.members) {
      if (d === s || (outsideFrom && view.endpoints[d]!.kind === 'external')) continue;
      total++;
      if (((words[base + (d >>> 5)]! >>> (d & 31)) & 1) === 1) allowed++;
    }
  }
  return { allowed, total };
}

/** The first pod pair of two groups (not a pod with itself): what a click on their cell explains. */
export function firstPair(from: GroupInfo, to: GroupInfo): { from: number; to: number } | undefined {
  for (const s of from.members) for (const d of to.members) if (s !== d) return { from: s, to: d };
  return undefined;
}

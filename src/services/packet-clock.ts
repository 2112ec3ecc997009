// Plays packet journeys: while playing, moves one hop every HOP_MS / speed, pauses at the end
// of a packet, then goes on to the next packet of a tour. Time lives here, not in the views:
// the graph animates between the positions this clock sets.
import type { TraceResult } from '../app-model/model-view';
import type { NetlabState, NetlabStore } from '../store/netlab-store';

export const HOP_MS = 900;
/** How long the last hop of a packet stays on screen before the next packet of a tour starts. */
export const END_HOLD = 2.5;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const hopCount = (r: TraceResult): number =>
  'trace' in r ? r.trace.request.length + (r.trace.reply?.length ?? 0) : 0;

/**
 * Hops to play for the current packet (request then reply) — with packets playing together,
 * the longest of them — or null while a trace is still being computed.
 */
export function currentHops(s: NetlabState): number | null {
  const request = s.packet.requests[s.packet.index];
  if (!request || !s.trace || s.trace.request !== request) return null;
  const own = hopCount(s.trace.result);
  if (!s.packet.together || s.packet.requests.length < 2) return own;
  if (s.companionTraces.size < s.packet.requests.length - 1) return null;
  return Math.max(own, ...[...s.companionTraces.values()].map(hopCount));
}

export function startPacketClock(store: NetlabStore, timers: Timers = globalThis): () => void {
  let handle: unknown = null;
  const schedule = (s: NetlabState) => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (!s.packet.playing) return;
    const hops = currentHops(s);
    if (hops === null) return; // the trace is on its way; its arrival reschedules
    const interval = HOP_MS / s.packet.speed;
    if (s.packet.step < hops - 1) {
      handle = timers.setTimeout(() => store.getState().setPacketStep(s.packet.step + 1), interval);
    } else {
      handle = timers.setTimeout(() => store.getState().nextPacket(), interval * END_HOLD);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.packet !== prev.packet || s.trace !== prev.trace || s.companionTraces !== prev.companionTraces)
      schedule(s);
  });
  schedule(store.getState());
  return () => {
    unsubscribe();
    if (handle !== null) timers.clearTimeout(handle);
  };
}

// Plays packet journeys: while playing, moves one hop every HOP_MS / speed, pauses at the end
// of a packet, then goes on to the next packet of a tour. Time lives here, not in the views:
// the graph animates between the positions this clock sets.
import type { NetlabState, NetlabStore } from '../store/netlab-store';

export const HOP_MS = 900;
/** How long the last hop of a packet stays on screen before the next packet of a tour starts. */
export const END_HOLD = 2.5;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Hops of the current trace (request then reply), or null while it is not computed yet. */
export function currentHops(s: NetlabState): number | null {
  const request = s.packet.requests[s.packet.index];
  if (!request || !s.trace || s.trace.request !== request) return null;
  const r = s.trace.result;
  return 'trace' in r ? r.trace.request.length + (r.trace.reply?.length ?? 0) : 0;
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
    if (s.packet !== prev.packet || s.trace !== prev.trace) schedule(s);
  });
  schedule(store.getState());
  return () => {
    unsubscribe();
    if (handle !== null) timers.clearTimeout(handle);
  };
}

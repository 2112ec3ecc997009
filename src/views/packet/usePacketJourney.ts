// The packet journey being shown: the current request, its trace (request hops, then reply
// hops), the step, and where it was dropped — read from the store for the graph and the panel.
import type { PacketTrace, TraceHop } from '../../model/trace-types';
import { outerText } from '../../model/outer-text';
import type { LocalText } from '../../lib/text';
import type { TraceRequest } from '../../app-model/model-view';
import { useMemo } from 'react';
import { useNetlab } from '../use-netlab';

export interface PacketJourney {
  readonly request: TraceRequest;
  readonly index: number;
  readonly count: number;
  readonly trace: PacketTrace | null;
  readonly error: LocalText | null;
  readonly hops: readonly TraceHop[];
  /** How many of `hops` belong to the request; the rest are the reply. */
  readonly requestHops: number;
  readonly step: number;
  readonly dropAt: number | null;
}

/** A trace's hops in playing order (request, then reply) and the index of the hop that dropped it. */
export function traceHops(trace: PacketTrace): {
  readonly hops: readonly TraceHop[];
  readonly dropAt: number | null;
} {
  const hops = [...trace.request, ...(trace.reply ?? [])];
  const drop = trace.droppedAt ? trace.request.findIndex((h) => h.id === trace.droppedAt) : -1;
  return { hops, dropAt: drop >= 0 ? drop : null };
}

export function usePacketJourney(): PacketJourney | null {
  const packet = useNetlab((s) => s.packet);
  const traced = useNetlab((s) => s.trace);
  const request = packet.requests[packet.index];
  const result = request && traced && traced.request === request ? traced.result : null;
  return useMemo(() => {
    if (!request) return null;
    const trace = result && 'trace' in result ? result.trace : null;
    const { hops, dropAt } = trace ? traceHops(trace) : { hops: [], dropAt: null };
    return {
      request,
      index: packet.index,
      count: packet.requests.length,
      trace,
      error: result && 'error' in result ? result.error : null,
      hops,
      requestHops: trace?.request.length ?? 0,
      step: Math.min(packet.step, Math.max(0, hops.length - 1)),
      dropAt,
    };
  }, [request, result, packet.index, packet.requests.length, packet.step]);
}

export const headersText = (h: TraceHop['headers']): string =>
  `${h.src}:${h.srcPort} → ${h.dst}:${h.dstPort} ${h.protocol}${h.outer ? ` [${outerText(h.outer)}]` : ''}`;

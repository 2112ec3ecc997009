// Packet requests derived from the drawing: the "Run all" tour.
import { packetTour } from '../model/packet-tour';
import type { Topology } from '../model/topology';
import type { TraceRequest } from './model-view';

export function packetTourFromView(topology: Topology): TraceRequest[] {
  return packetTour(topology).map(({ from, to, port }) => ({ from, to, port }));
}

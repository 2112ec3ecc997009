// What the worker sends the page for a model: past GRAPH_POD_LIMIT pods the drawing (tens of
// thousands of SVG elements, megabytes to copy into the page) gives way to a summary by namespace
// and workload; the matrix rows travel as transferred buffers, never copied on the page's thread.
import { clusterOverview } from '../model/overview';
import type { Topology } from '../model/topology';
import type { Scene } from '../layout/scene';
import type { DerivedView, EndpointInfo } from './model-view';
import type { FromModelWorker } from './model-protocol';

/** Pods the graph draws one by one; past this the page shows the overview instead. */
export const GRAPH_POD_LIMIT = 2000;

const EMPTY_SCENE: Scene = {
  width: 0,
  height: 0,
  nodes: [],
  pods: [],
  bridges: [],
  services: [],
  externals: [],
  links: [],
  boxes: [],
};

const emptyTopology = (t: Topology): Topology => ({
  bridgeName: t.bridgeName,
  profile: t.profile,
  nodes: [],
  pods: [],
  unscheduled: [],
  services: [],
  externals: [],
});

/** The view as the page gets it: the drawing replaced by an overview when it is too big to draw. */
export function viewForPage(view: DerivedView): DerivedView {
  const { topology } = view.model;
  if (!topology || topology.pods.length <= GRAPH_POD_LIMIT) return view;
  return {
    ...view,
    model: {
      ...view.model,
      topology: emptyTopology(topology),
      scene: EMPTY_SCENE,
      // Only the graph reads it: tens of thousands of empty entries are not worth copying.
      isolation: new Map(),
      // The scenario's pods: the implicit CoreDNS is not drawn here, and not counted either.
      overview: clusterOverview(
        topology.pods.filter((p) => !p.implicit),
        view.model.policyReach.keys(),
      ),
    },
  };
}

/**
 * A copy of the matrix rows the worker can hand over (postMessage's transfer list): the engine
 * keeps its own, the page gets these without a copy on its thread.
 */
export function transferableRows(view: DerivedView): { view: DerivedView; transfer: ArrayBuffer[] } {
  const allowed = view.model.allowed.map((rows) => rows.slice());
  return {
    view: { ...view, model: { ...view.model, allowed } },
    transfer: allowed.map((rows) => rows.buffer as ArrayBuffer),
  };
}

/** Endpoints per `view-part` message: each is read on the page's thread in a task of its own. */
export const ENDPOINTS_PER_PART = 4000;

/**
 * A view too big to read in one go, as messages: its endpoints in parts, then the view without
 * them. `joinViewParts` puts them back together on the page.
 */
export function viewMessages(view: DerivedView, transfer: ArrayBuffer[]): [FromModelWorker, ArrayBuffer[]][] {
  const { endpoints } = view.model;
  if (endpoints.length <= ENDPOINTS_PER_PART) return [[{ type: 'view', view }, transfer]];
  const out: [FromModelWorker, ArrayBuffer[]][] = [];
  for (let i = 0; i < endpoints.length; i += ENDPOINTS_PER_PART)
    out.push([{ type: 'view-part', endpoints: endpoints.slice(i, i + ENDPOINTS_PER_PART) }, []]);
  out.push([
    { type: 'view', view: { ...view, model: { ...view.model, endpoints: [] } }, endpointsInParts: true },
    transfer,
  ]);
  return out;
}

/** Collects `view-part` messages; the view that follows gets its endpoints back. Other messages pass. */
export function viewPartJoiner(): (msg: FromModelWorker) => FromModelWorker | null {
  let parts: (readonly EndpointInfo[])[] = [];
  return (msg) => {
    if (msg.type === 'view-part') {
      parts.push(msg.endpoints);
      return null;
    }
    if (msg.type !== 'view' || !msg.endpointsInParts) return msg;
    const endpoints = parts.flat();
    parts = [];
    return { type: 'view', view: { ...msg.view, model: { ...msg.view.model, endpoints } } };
  };
}

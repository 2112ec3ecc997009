// What the worker sends the page for a model: past GRAPH_POD_LIMIT pods the drawing (tens of
// thousands of SVG elements, megabytes to copy into the page) gives way to a summary by namespace
// and workload; the matrix rows travel as transferred buffers, never copied on the page's thread.
import { clusterOverview } from '../model/overview';
import type { Topology } from '../model/topology';
import type { Scene } from '../layout/scene';
import type { DerivedView } from './model-view';

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

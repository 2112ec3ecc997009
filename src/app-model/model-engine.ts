// Builds what the page shows from the scenario text: runs in the model Web Worker (or in the
// page when workers are unavailable), so typing never waits for parsing and policy evaluation.
// Everything it returns is structured-clone friendly: plain objects, Maps, Sets, typed arrays.
import type { FlowReasons } from '../engine/explain-reasons';
import {
  buildScenarioModel,
  explainModelFlow,
  type ScenarioModel,
  type UnseenRequest,
} from './scenario-model';
import {
  flowKey,
  type CellChange,
  type DerivedView,
  type ModelView,
  type PolicyReachBits,
  type TraceRequest,
  type TraceResult,
} from './model-view';
import { TraceError } from '../model/trace-flow';
import { tracePacket } from '../model/trace-name';
import type { FromModelWorker } from './model-protocol';
import type { FlowPort } from '../engine/match';

export * from './model-view';

/** Cells present in both models whose verdict differs. */
export function diffModels(prev: ScenarioModel, next: ScenarioModel): Map<string, CellChange> {
  const changes = new Map<string, CellChange>();
  const prevIndex = new Map(prev.endpoints.map((e, i) => [e.key, i]));
  const prevPorts = new Map(prev.ports.map((p, i) => [`${p.port}/${p.protocol}`, i]));
  next.ports.forEach((port, pi) => {
    const ppi = prevPorts.get(`${port.port}/${port.protocol}`);
    if (ppi === undefined) return;
    next.endpoints.forEach((from, s) => {
      const ps = prevIndex.get(from.key);
      if (ps === undefined) return;
      const row = next.matrix.allowed[pi]![s]!;
      const prevRow = prev.matrix.allowed[ppi]![ps]!;
      next.endpoints.forEach((to, d) => {
        const pd = prevIndex.get(to.key);
        if (pd === undefined || (from.kind === 'external' && to.kind === 'external')) return;
        const now = row.has(d);
        if (now !== prevRow.has(pd))
          changes.set(flowKey(from.key, to.key, port), now ? 'newly-allowed' : 'newly-denied');
      });
    });
  });
  return changes;
}

function traceIn(model: ScenarioModel | null, request: TraceRequest): TraceResult {
  if (!model) return { error: { en: 'No scenario yet', ko: '시나리오가 아직 없습니다' } };
  try {
    return { trace: tracePacket(model.cluster, model.topology, request.from, request.to, request.port) };
  } catch (e) {
    if (e instanceof TraceError)
      return { error: { en: `Cannot trace: ${e.message}`, ko: `패킷을 따라갈 수 없습니다: ${e.ko}` } };
    throw e;
  }
}

function reachBits(m: ScenarioModel, wordsPerRow: number): Map<string, PolicyReachBits> {
  const index = new Map(m.endpoints.map((e, i) => [e.key, i]));
  const bits = (keys: ReadonlySet<string>): Uint32Array => {
    const words = new Uint32Array(wordsPerRow);
    for (const k of keys) {
      const i = index.get(k);
      if (i !== undefined) words[i >>> 5]! |= 1 << (i & 31);
    }
    return words;
  };
  return new Map(
    [...m.policyReach].map(([key, r]) => [key, { selected: bits(r.selected), peers: bits(r.peers) }]),
  );
}

function toModelView(m: ScenarioModel, id: number, layoutId: number): ModelView {
  const n = m.endpoints.length;
  const wordsPerRow = (n + 31) >>> 5;
  const allowed = m.matrix.allowed.map((rows) => {
    const flat = new Uint32Array(n * wordsPerRow);
    rows.forEach((row, s) => flat.set(row.words, s * wordsPerRow));
    return flat;
  });
  return {
    id,
    layoutId,
    endpoints: m.endpoints.map((e, i) => {
      if (e.kind !== 'pod')
        return { key: e.key, kind: 'external', ip: e.ip.key, ...(e.name ? { name: e.name } : {}) };
      const w = m.workloads[i];
      return {
        key: e.key,
        kind: 'pod',
        ip: e.ip.key,
        namespace: e.pod.namespace,
        ...(w ? { workload: w.label, workloadKind: w.kind } : {}),
        ...(e.pod.implicit ? { implicit: true as const } : {}),
      };
    }),
    ports: m.ports,
    allowed,
    wordsPerRow,
    topology: m.topology,
    scene: m.scene,
    isolation: m.isolation,
    policyReach: reachBits(m, wordsPerRow),
    groups: m.groups,
    inactivePods: m.cluster.inactivePods.map((p) => ({
      key: `${p.namespace}/${p.name}`,
      phase: p.phase,
      why: p.why,
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.lastIp !== undefined ? { lastIp: p.lastIp } : {}),
    })),
  };
}

/** Keeps the last valid model between texts; one per page (or worker). */
export class ModelEngine {
  private lastValid: ScenarioModel | null = null;
  private baselineText: string | null = null;
  private baselineModel: ScenarioModel | null = null;
  private view: DerivedView | null = null;
  private sceneJson = '';
  private unseenKey = 'null';

  /**
   * The view of `text`. Changed cells are marked against `baseline` when one is pinned (a text
   * the learner chose to compare with), else against the previous model: the last edit's effect.
   */
  update(text: string, baseline: string | null = null, unseen?: UnseenRequest): DerivedView {
    const unseenKey = JSON.stringify(unseen ?? null);
    const unseenMoved = unseenKey !== this.unseenKey;
    this.unseenKey = unseenKey;
    const baselineMoved = baseline !== this.baselineText;
    // The baseline sees the same unseen peers as the text, so their cells can be marked changed too.
    if (baselineMoved || (unseenMoved && baseline !== null)) {
      this.baselineText = baseline;
      const pinned = baseline === null ? null : buildScenarioModel(baseline, unseen);
      this.baselineModel = pinned && !pinned.hasErrors ? pinned : null;
    }
    if (this.view && this.view.text === text && !unseenMoved) {
      if (!baselineMoved) return this.view;
      // Only the comparison moved: the same model, its cells marked against the new baseline.
      const changes =
        this.baselineModel && this.lastValid
          ? diffModels(this.baselineModel, this.lastValid)
          : new Map<string, CellChange>();
      this.view = { ...this.view, revision: this.view.revision + 1, changes };
      return this.view;
    }
    const built = buildScenarioModel(text, unseen);
    const revision = (this.view?.revision ?? 0) + 1;
    if (built.hasErrors && this.view && this.lastValid) {
      this.view = {
        ...this.view,
        revision,
        text,
        diagnostics: built.diagnostics,
        hasErrors: true,
        stale: true,
      };
      return this.view;
    }
    const against = this.baselineModel ?? this.lastValid;
    const changes = against ? diffModels(against, built) : new Map<string, CellChange>();
    // The CNI's choices (and a node's net.d file) change devices and routes without moving anything:
    // they count as a new drawing.
    const sceneJson =
      JSON.stringify(built.scene) +
      JSON.stringify(built.topology.profile) +
      JSON.stringify(
        built.topology.nodes.map((n) => [n.cni, n.datapath.devices, n.routes.map((r) => r.text)]),
      ) +
      JSON.stringify(built.topology.pods.map((p) => (p.network.kind === 'bridged' ? p.network.routes : 0)));
    const prevModel = this.view?.model;
    const layoutId =
      prevModel && sceneJson === this.sceneJson ? prevModel.layoutId : (prevModel?.layoutId ?? 0) + 1;
    this.sceneJson = sceneJson;
    this.lastValid = built;
    let model = toModelView(built, (prevModel?.id ?? 0) + 1, layoutId);
    // Same drawing: hand back the very same objects, so the graph's layers skip re-rendering.
    if (prevModel && prevModel.layoutId === layoutId)
      model = { ...model, topology: prevModel.topology, scene: prevModel.scene };
    this.view = {
      revision,
      text,
      model,
      diagnostics: built.diagnostics,
      hasErrors: built.hasErrors,
      stale: false,
      changes,
    };
    return this.view;
  }

  /** A packet's journey through the current model, or why it cannot be traced. */
  trace(request: TraceRequest): TraceResult {
    return traceIn(this.lastValid, request);
  }

  /** The reply to a trace request: the journey now, and through the pinned version if there is one. */
  traced(requestId: number, request: TraceRequest): Extract<FromModelWorker, { type: 'traced' }> {
    return {
      type: 'traced',
      requestId,
      result: this.trace(request),
      ...(this.baselineModel ? { baseline: traceIn(this.baselineModel, request) } : {}),
    };
  }

  /** The reasons for one flow of the current model, in both languages (null if an endpoint is gone). */
  explain(from: string, to: string, port: FlowPort): FlowReasons | null {
    return this.lastValid ? explainModelFlow(this.lastValid, from, to, port) : null;
  }
}

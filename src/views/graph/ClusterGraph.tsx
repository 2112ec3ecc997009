// The cluster as it is wired: React renders every SVG element from the deterministic scene;
// d3-zoom only reports the pan/zoom transform. Picking two endpoints selects that flow.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { endpointKeys, flowKey } from '../../app-model/model-view';
import { portIndexForPair } from '../../app-model/pair-port';
import { matrixPortIndex } from '../../store/matrix-port';
import { isRevealed } from '../../store/predict-state';
import { useNetlab, useScenarioModel } from '../use-netlab';
import { fill, useUiText } from '../i18n';
import { TID } from '../testIds';
import { ClusterOverview } from './ClusterOverview';
import { EntityDetails } from './EntityDetails';
import { GraphSearch } from './GraphSearch';
import { InactivePods } from './InactivePods';
import { detailArea, FULL_DETAIL_PODS } from './level-of-detail';
import { LinkEnds, SceneBackground } from './SceneBackground';
import { SceneEntities } from './SceneEntities';
import { useZoom } from './useZoom';
import { focusOf, LAB_SCALE, podsArea, PRESENTER_SCALE } from './presenter-zoom';
import { layoutForPane } from '../../layout/fit-layout';
import { layoutTopology, POD_COLUMNS } from '../../layout/layout-topology';
import { usePaneSize } from './usePaneSize';
import { usePinnedSvgSize } from './usePinnedSvgSize';
import { setDrawnScene } from './drawn-scene';
import { hopPoints } from './hop-geometry';
import { PacketLayer, type PacketFrame } from './PacketLayer';
import type { PacketTrace } from '../../model/trace-types';
import { generatedNodeNote } from '../../model/generated-node';
import { traceHops, usePacketJourney } from '../packet/usePacketJourney';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';
import { HOP_MS } from '../../services/packet-clock';
import './graph.css';

const EMPTY = new Set<string>();

/**
 * The graph, or the overview that stands in for it past GRAPH_POD_LIMIT pods. `svgRef`: a ref of
 * the parent's to the graph's <svg> (the share panel's pictures use it).
 */
export function ClusterGraph({ svgRef }: { svgRef?: RefObject<SVGSVGElement | null> }) {
  const { overview } = useScenarioModel().model;
  return overview ? <ClusterOverview overview={overview} /> : <DrawnGraph {...(svgRef ? { svgRef } : {})} />;
}

function DrawnGraph({ svgRef: outerRef }: { svgRef?: RefObject<SVGSVGElement | null> }) {
  const { model } = useScenarioModel();
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const selectedPolicy = useNetlab((s) => s.selectedPolicy);
  const selectPolicy = useNetlab((s) => s.selectPolicy);
  const selectedFlow = useNetlab((s) => s.selectedFlow);
  const selectFlow = useNetlab((s) => s.selectFlow);
  const portIndex = useNetlab(matrixPortIndex);
  const setMatrixPort = useNetlab((s) => s.setMatrixPort);
  const [pendingFrom, setPendingFrom] = useState<string | null>(null);
  const [inspected, setInspected] = useState<string | null>(null);
  const ownRef = useRef<SVGSVGElement>(null);
  const svgRef = outerRef ?? ownRef;
  const { topology } = model;
  // Presenter mode: text readable from the back of the room. The lab: a pod's name and IP at 11 px,
  // other text at 9 px (small scenes; a big one is fitted whole, with its level of detail). When
  // the scene does not fit at that scale, it is centred on what the lesson points at (the chosen
  // flow's ends, the highlighted policy's pods), else (the lab) on the pods.
  const present = useNetlab((s) => s.lesson.present);
  const small = model.scene.pods.length <= FULL_DETAIL_PODS;
  const minScale = present ? PRESENTER_SCALE : small ? LAB_SCALE : 0;
  // The pane's size as last measured: the scene is laid out to it (one or two pod columns a node).
  const pane = usePaneSize(svgRef);
  const viewportRef = useRef<HTMLDivElement>(null);
  usePinnedSvgSize(viewportRef, svgRef);
  const columns = useMemo(
    () => (pane && small ? layoutForPane(topology, pane, minScale, model.scene).columns : POD_COLUMNS),
    [pane, small, topology, minScale, model.scene],
  );
  // A new scene only when the arrangement changes: resizing the pane within one arrangement keeps
  // the drawing (and a learner's pan and zoom).
  const scene = useMemo(
    () => (columns === POD_COLUMNS ? model.scene : layoutTopology(topology, { podColumns: columns })),
    [columns, topology, model.scene],
  );
  const focusIds = useNetlab((s) => (s.selectedFlow ? `${s.selectedFlow.from}\n${s.selectedFlow.to}` : ''));
  const placing = useMemo(() => {
    if (minScale === 0) return null;
    const ids = focusIds ? focusIds.split('\n') : [];
    const policyPods = selectedPolicy
      ? [...endpointKeys(model, model.policyReach.get(selectedPolicy)?.selected ?? new Uint32Array())]
      : [];
    const chosen = focusOf(scene, ids.length > 0 ? ids : policyPods);
    return {
      minScale,
      // The lab, with nothing chosen: the nodes and their pods (what the matrix is about).
      focus: chosen ?? (present ? null : podsArea(scene)),
      anchor: present ? ('centre' as const) : ('start' as const),
    };
  }, [minScale, present, focusIds, selectedPolicy, model, scene]);
  const { transform, viewport, fitToView, showAll, zoomBy, focusOn, reveal } = useZoom(
    svgRef,
    scene.width,
    scene.height,
    placing,
  );
  useEffect(() => {
    if (svgRef.current) setDrawnScene(svgRef.current, scene);
  }, [svgRef, scene]);
  const revealEntity = useCallback(
    (id: string) => {
      const rect =
        scene.pods.find((p) => p.id === id)?.rect ??
        scene.services.find((s) => s.id === id)?.rect ??
        scene.externals.find((x) => x.id === id)?.rect ??
        scene.nodes.find((n) => n.id === id)?.header;
      if (rect) reveal(rect);
    },
    [scene, reveal],
  );
  const [focused, setFocused] = useState<string | null>(null);
  const focusEndpoint = useCallback(
    (key: string) => {
      setFocused(key);
      const pod = scene.pods.find((p) => p.id === key);
      const name = pod ? undefined : topology.externals.find((x) => x.ip === key)?.name;
      const ext = name === undefined ? undefined : scene.externals.find((x) => x.name === name);
      const rect = pod?.rect ?? ext?.rect;
      if (rect) focusOn(rect);
      setInspected(pod ? key : null);
    },
    [scene, topology, focusOn],
  );
  const detail = useMemo(
    () => detailArea(scene.pods.length, transform, viewport),
    [scene.pods.length, transform, viewport],
  );

  // Fit once the first scene is drawn, and again when the scene grows or shrinks.
  useEffect(() => fitToView(), [fitToView]);

  // One object per language, so the memoised background (every wire of a big scene) is not
  // re-rendered on each zoom step or keystroke.
  const backgroundLabels = useMemo(
    () => ({
      nodeNetwork: t.nodeNetwork,
      unscheduled: t.unscheduled,
      services: t.services,
      routes: t.routes,
      cluster: t.cluster,
      routedHub: (veths: string, gateway: string) => fill(t.routedHub, { veths, gateway }),
      ebpfHub: (host: string) => fill(t.ebpfHub, { host }),
      routedHubShort: (gateway: string) => fill(t.routedHubShort, { gateway }),
      ebpfHubShort: (host: string) => fill(t.ebpfHubShort, { host }),
      noAddress: t.bridgeNoAddress,
    }),
    [t],
  );

  const journey = usePacketJourney();
  // "Predict first": the packet's verdict marks wait for its matrix cell to be revealed.
  const verdictHidden = useNetlab(
    (s) =>
      s.predict.on &&
      journey !== null &&
      !isRevealed(s.predict, flowKey(journey.request.from, journey.request.to, journey.request.port)),
  );
  const speed = useNetlab((s) => s.packet.speed);
  const reducedMotion = usePrefersReducedMotion();
  const droppedText = t.packetDropped;
  const companionTraces = useNetlab((s) => s.companionTraces);
  const together = useNetlab((s) => s.packet.together);
  // Where each journey's hops sit in the picture: worked out once per trace and scene, not on
  // every step of the playback.
  const mainTrace = journey?.trace ?? null;
  const journeyIndex = journey?.index ?? 0;
  const paths = useMemo(() => {
    if (!mainTrace) return [];
    const pathOf = (id: string, trace: PacketTrace) => {
      const { hops, dropAt } = traceHops(trace);
      return { id, hops, dropAt, points: hopPoints(hops, scene) };
    };
    const main = pathOf(`${journeyIndex}:${mainTrace.from}>${mainTrace.to}`, mainTrace);
    if (main.hops.length === 0) return [];
    if (!together) return [main];
    const others = [...companionTraces].flatMap(([i, r]) =>
      'trace' in r ? [pathOf(`${i}:${r.trace.from}>${r.trace.to}`, r.trace)] : [],
    );
    return [main, ...others];
  }, [mainTrace, journeyIndex, scene, together, companionTraces]);
  const step = journey?.step ?? 0;
  const frames = useMemo(
    (): PacketFrame[] =>
      paths
        .filter((p) => p.hops.length > 0)
        .map((p) => {
          const at = Math.min(step, p.hops.length - 1);
          const h = p.hops[at]!.headers;
          return { ...p, step: at, label: `${h.protocol} ${h.dstPort}${h.outer ? ' ⧉' : ''}`, droppedText };
        }),
    [paths, step, droppedText],
  );

  // The packet stays in view: a step that takes it past the pane's edge pans along (same zoom).
  const lead = frames[0];
  const leadPoint = lead ? lead.points[Math.min(lead.step, lead.points.length - 1)] : undefined;
  const leadX = leadPoint?.x;
  const leadY = leadPoint?.y;
  useEffect(() => {
    // Room for the dot and its label, which sits up and to the right of it.
    if (leadX !== undefined && leadY !== undefined) reveal({ x: leadX - 12, y: leadY - 24, w: 90, h: 40 });
  }, [leadX, leadY, reveal]);

  const reach = useMemo(() => {
    const bits = selectedPolicy ? model.policyReach.get(selectedPolicy) : undefined;
    return bits
      ? { selected: endpointKeys(model, bits.selected), peers: endpointKeys(model, bits.peers) }
      : undefined;
  }, [model, selectedPolicy]);
  const pick = useCallback(
    (key: string) => {
      if (pendingFrom === null) {
        setPendingFrom(key);
        return;
      }
      // Explain the pair on a port the destination declares, not whatever the matrix shows.
      const pi = portIndexForPair(model, key, portIndex);
      if (pi !== portIndex) setMatrixPort(model.ports[pi] ?? null);
      selectFlow({ from: pendingFrom, to: key });
      setPendingFrom(null);
    },
    [pendingFrom, selectFlow, model, portIndex, setMatrixPort],
  );

  return (
    <section aria-labelledby="graph-title" className="panel graph-panel" data-testid={TID.graph}>
      <div className="graph-toolbar">
        <h2 id="graph-title">{t.graph}</h2>
        <button type="button" onClick={showAll} data-testid={TID.graphFit}>
          {t.fit}
        </button>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t.zoomOut}>
          −
        </button>
        <GraphSearch endpoints={model.endpoints} onFocus={focusEndpoint} />
        <label>
          {t.highlightPolicy}{' '}
          <select
            data-testid={TID.graphPolicy}
            value={selectedPolicy ?? ''}
            onChange={(e) => selectPolicy(e.target.value || null)}
          >
            <option value="">{t.none}</option>
            {[...model.policyReach.keys()].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="help" role="status" data-testid={TID.graphStatus}>
        {pendingFrom ? `${t.pickedFrom} ${pendingFrom} — ${t.pickDestination}` : t.pickHelp}
      </p>
      <div
        ref={viewportRef}
        className="graph-viewport"
        style={{ aspectRatio: `${Math.max(scene.width, 1)} / ${Math.max(scene.height, 1)}` }}
        onKeyDown={(e) => e.key === 'Escape' && setPendingFrom(null)}
      >
        <svg
          ref={svgRef}
          className={`graph${verdictHidden ? ' predicting' : ''}`}
          role="group"
          aria-label={t.graphLabel}
          data-testid={TID.graphSvg}
        >
          <g transform={transform.toString()} data-testid={TID.graphZoom}>
            <SceneBackground scene={scene} topology={topology} labels={backgroundLabels} />
            <LinkEnds links={scene.links} detail={detail} />
            <SceneEntities
              scene={scene}
              topology={topology}
              isolation={model.isolation}
              state={{
                selectedByPolicy: reach?.selected ?? EMPTY,
                policyPeers: reach?.peers ?? EMPTY,
                flowFrom: selectedFlow?.from ?? null,
                flowTo: selectedFlow?.to ?? null,
                pendingFrom,
                focused,
              }}
              handlers={{ pick, inspect: setInspected, reveal: revealEntity }}
              detail={detail}
              t={t}
            />
            <PacketLayer frames={frames} reducedMotion={reducedMotion} durationMs={(HOP_MS / speed) * 0.8} />
          </g>
        </svg>
      </div>
      {topology.generatedNode && (
        <p className="help generated-node">{generatedNodeNote(topology.generatedNode)[locale]}</p>
      )}
      <p className="legend">{t.legend}</p>
      <EntityDetails id={inspected} topology={topology} isolation={model.isolation} t={t} />
      <InactivePods pods={model.inactivePods} />
    </section>
  );
}

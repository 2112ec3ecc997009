// The cluster as it is wired: React renders every SVG element from the deterministic scene;
// d3-zoom only reports the pan/zoom transform. Picking two endpoints selects that flow.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { endpointKeys } from '../../store/model-view';
import { useNetlab, useScenarioModel } from '../../store/use-netlab';
import { useUiText } from '../i18n';
import { TID } from '../testIds';
import { EntityDetails } from './EntityDetails';
import { detailArea } from './level-of-detail';
import { LinkEnds, SceneBackground } from './SceneBackground';
import { SceneEntities } from './SceneEntities';
import { useZoom } from './useZoom';
import { hopPoints } from './hop-geometry';
import { PacketLayer, type PacketFrame } from './PacketLayer';
import type { PacketTrace } from '../../model/trace-types';
import { traceHops, usePacketJourney } from '../packet/usePacketJourney';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';
import { HOP_MS } from '../../services/packet-clock';
import './graph.css';

const EMPTY = new Set<string>();

export function ClusterGraph() {
  const { model } = useScenarioModel();
  const t = useUiText();
  const selectedPolicy = useNetlab((s) => s.selectedPolicy);
  const selectPolicy = useNetlab((s) => s.selectPolicy);
  const selectedFlow = useNetlab((s) => s.selectedFlow);
  const selectFlow = useNetlab((s) => s.selectFlow);
  const [pendingFrom, setPendingFrom] = useState<string | null>(null);
  const [inspected, setInspected] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { scene, topology } = model;
  const { transform, viewport, fitToView, zoomBy } = useZoom(svgRef, scene.width, scene.height);
  const detail = useMemo(() => detailArea(scene.pods.length, transform, viewport), [scene.pods.length, transform, viewport]);

  // Fit once the first scene is drawn, and again when the scene grows or shrinks.
  useEffect(() => fitToView(), [fitToView]);

  // One object per language, so the memoised background (every wire of a big scene) is not
  // re-rendered on each zoom step or keystroke.
  const backgroundLabels = useMemo(
    () => ({ nodeNetwork: t.nodeNetwork, unscheduled: t.unscheduled, services: t.services, routes: t.routes, cluster: t.cluster }),
    [t],
  );

  const journey = usePacketJourney();
  const speed = useNetlab((s) => s.packet.speed);
  const reducedMotion = usePrefersReducedMotion();
  const droppedText = t.packetDropped;
  const companionTraces = useNetlab((s) => s.companionTraces);
  const together = useNetlab((s) => s.packet.together);
  const frames = useMemo((): PacketFrame[] => {
    if (!journey?.trace || journey.hops.length === 0) return [];
    const frameOf = (id: string, trace: PacketTrace, step: number): PacketFrame => {
      const { hops, dropAt } = traceHops(trace);
      const at = Math.min(step, hops.length - 1);
      const h = hops[at]!.headers;
      return {
        id,
        hops,
        points: hopPoints(hops, scene),
        step: at,
        dropAt,
        label: `${h.protocol} ${h.dstPort}${h.outer ? ' ⧉' : ''}`,
        droppedText,
      };
    };
    const main = frameOf(`${journey.index}:${journey.trace.from}>${journey.trace.to}`, journey.trace, journey.step);
    if (!together) return [main];
    const others = [...companionTraces].flatMap(([i, r]) => ('trace' in r ? [frameOf(`${i}:${r.trace.from}>${r.trace.to}`, r.trace, journey.step)] : []));
    return [main, ...others];
  }, [journey, scene, droppedText, together, companionTraces]);

  const reach = useMemo(() => {
    const bits = selectedPolicy ? model.policyReach.get(selectedPolicy) : undefined;
    return bits ? { selected: endpointKeys(model, bits.selected), peers: endpointKeys(model, bits.peers) } : undefined;
  }, [model, selectedPolicy]);
  const pick = useCallback(
    (key: string) => {
      if (pendingFrom === null) {
        setPendingFrom(key);
        return;
      }
      selectFlow({ from: pendingFrom, to: key });
      setPendingFrom(null);
    },
    [pendingFrom, selectFlow],
  );

  return (
    <section aria-labelledby="graph-title" className="panel graph-panel" data-testid={TID.graph}>
      <div className="graph-toolbar">
        <h2 id="graph-title">{t.graph}</h2>
        <button type="button" onClick={fitToView} data-testid={TID.graphFit}>
          {t.fit}
        </button>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t.zoomOut}>
          −
        </button>
        <label>
          {t.highlightPolicy}{' '}
          <select data-testid={TID.graphPolicy} value={selectedPolicy ?? ''} onChange={(e) => selectPolicy(e.target.value || null)}>
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
      <div className="graph-viewport" style={{ aspectRatio: `${Math.max(scene.width, 1)} / ${Math.max(scene.height, 1)}` }} onKeyDown={(e) => e.key === 'Escape' && setPendingFrom(null)}>
        <svg ref={svgRef} className="graph" role="group" aria-label={t.graphLabel} data-testid={TID.graphSvg}>
          <g transform={transform.toString()}>
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
              }}
              handlers={{ pick, inspect: setInspected }}
              detail={detail}
              t={t}
            />
            <PacketLayer frames={frames} reducedMotion={reducedMotion} durationMs={(HOP_MS / speed) * 0.8} />
          </g>
        </svg>
      </div>
      <p className="legend">{t.legend}</p>
      <EntityDetails id={inspected} topology={topology} isolation={model.isolation} t={t} />
    </section>
  );
}

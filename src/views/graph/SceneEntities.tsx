// The things a learner points at: pods (with their containers, pause, and isolation badges),
// Services and outside endpoints. Each is focusable; hover or focus shows its details.
import { clip, isolate } from '../../lib/user-text';
import { memo, useMemo } from 'react';
import type { Scene, ScenePod } from '../../layout/layout-topology';
import type { Topology, TopologyPod } from '../../model/topology';
import type { UiText } from '../i18n';
import { inDetail, type DetailArea } from './level-of-detail';
import { useProgressiveItems } from '../useProgressiveItems';
import { TID } from '../testIds';

export interface EntityState {
  /** Endpoint keys (pod key or external IP) and their roles in the current highlight. */
  readonly selectedByPolicy: ReadonlySet<string>;
  readonly policyPeers: ReadonlySet<string>;
  readonly flowFrom: string | null;
  readonly flowTo: string | null;
  readonly pendingFrom: string | null;
  /** The endpoint the search box focused. */
  readonly focused?: string | null;
}

export interface EntityHandlers {
  /** Pick an endpoint (pod key or IP) as one end of a flow. */
  pick(endpointKey: string): void;
  inspect(id: string | null): void;
  /** Keyboard focus reached an entity (by its scene id): pan it into view. */
  reveal?(id: string): void;
}

interface Props {
  scene: Scene;
  topology: Topology;
  isolation: ReadonlyMap<string, { readonly ingress: readonly string[]; readonly egress: readonly string[] }>;
  state: EntityState;
  handlers: EntityHandlers;
  /** Where pod cards show their full text (see level-of-detail.ts). */
  detail: DetailArea;
  t: UiText;
}

function containerLine(pod: TopologyPod): string {
  return pod.containers.map((c) => isolate(c.name)).join(' · ');
}

const podId = (p: ScenePod): string => p.id;

export function SceneEntities({ scene, topology, isolation, state, handlers, detail, t }: Props) {
  const scenePods = useProgressiveItems(scene.pods, podId);
  // Once per drawing: SceneEntities renders on every zoom step and keystroke.
  const { pods, services, externals } = useMemo(
    () => ({
      pods: new Map(topology.pods.map((p) => [p.key, p])),
      services: new Map(topology.services.map((s) => [s.key, s])),
      externals: new Map(topology.externals.map((e) => [e.name, e])),
    }),
    [topology],
  );
  const roleClass = (key: string): string =>
    [
      state.selectedByPolicy.has(key) ? 'is-selected' : '',
      state.policyPeers.has(key) ? 'is-peer' : '',
      state.flowFrom === key ? 'is-from' : '',
      state.flowTo === key ? 'is-to' : '',
      state.pendingFrom === key ? 'is-pending' : '',
      state.focused === key ? 'is-focused' : '',
    ].join(' ');
  const keyHandler = (endpointKey: string) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      handlers.pick(endpointKey);
    }
  };
  const roleWords = (key: string): string =>
    [
      state.selectedByPolicy.has(key) ? t.selectedByPolicy : '',
      state.policyPeers.has(key) ? t.policyPeer : '',
      state.flowFrom === key ? t.flowSource : '',
      state.flowTo === key ? t.flowDestination : '',
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <g>
      {scene.nodes.map((n) => (
        // The node's header: hover or focus lists its devices, routes and FDB in the details pane.
        <g
          key={n.id}
          className="node-hit"
          tabIndex={0}
          role="img"
          aria-label={`${t.node} ${n.name}`}
          data-testid={TID.graphNode}
          data-id={n.name}
          onMouseEnter={() => handlers.inspect(n.id)}
          onFocus={() => {
            handlers.inspect(n.id);
            handlers.reveal?.(n.id);
          }}
        >
          <rect x={n.header.x} y={n.header.y} width={n.header.w} height={n.header.h} rx={6} />
        </g>
      ))}
      {scene.services.map((s) => {
        const svc = services.get(s.key);
        if (!svc) return null;
        const port = svc.ports[0];
        const portText = port
          ? `${port.port}→${port.targetPort}${port.nodePort ? ` · ${port.nodePort}` : ''}`
          : '';
        const mark = svc.implicit ? ` — ${t.implicitMark}` : '';
        return (
          <g
            key={s.id}
            className={svc.implicit ? 'service implicit' : 'service'}
            tabIndex={0}
            role="img"
            aria-label={`${t.service} ${svc.key}${mark}: ${svc.type} ${svc.clusterIP ?? svc.externalName ?? ''} ${svc.ports.map((p) => `${p.port}/${p.protocol}→${p.targetPort}${p.nodePort ? `, nodePort ${p.nodePort}` : ''}`).join('; ')}`}
            data-testid={TID.graphService}
            data-id={svc.key}
            onMouseEnter={() => handlers.inspect(s.id)}
            onFocus={() => {
              handlers.inspect(s.id);
              handlers.reveal?.(s.id);
            }}
          >
            <rect x={s.rect.x} y={s.rect.y} width={s.rect.w} height={s.rect.h} rx={s.rect.h / 2} />
            {svc.implicit && <title>{`${t.implicitMark}: ${t.implicitWhy}`}</title>}
            <text x={s.rect.x + s.rect.w / 2} y={s.rect.y + 15} textAnchor="middle" className="entity-name">
              {clip(`${svc.name} · ${svc.implicit ? t.implicitShort : svc.type}`, 24)}
            </text>
            <text x={s.rect.x + s.rect.w / 2} y={s.rect.y + 31} textAnchor="middle" className="mono small">
              {clip(`${svc.clusterIP ?? svc.externalName ?? 'None'} ${portText}`, 27)}
            </text>
          </g>
        );
      })}
      {scene.externals.map((x) => {
        const ext = externals.get(x.name);
        if (!ext) return null;
        return (
          <g
            key={x.id}
            className={`external ${roleClass(ext.ip)}`}
            tabIndex={0}
            role="button"
            aria-label={`${t.outside}: ${ext.name} ${ext.ip}${roleWords(ext.ip) ? ` (${roleWords(ext.ip)})` : ''}`}
            aria-pressed={
              state.pendingFrom === ext.ip || state.flowFrom === ext.ip || state.flowTo === ext.ip
            }
            data-testid={TID.graphExternal}
            data-id={ext.ip}
            onClick={() => handlers.pick(ext.ip)}
            onKeyDown={keyHandler(ext.ip)}
            onMouseEnter={() => handlers.inspect(x.id)}
            onFocus={() => {
              handlers.inspect(x.id);
              handlers.reveal?.(x.id);
            }}
          >
            <rect x={x.rect.x} y={x.rect.y} width={x.rect.w} height={x.rect.h} rx={6} />
            <text x={x.rect.x + 10} y={x.rect.y + 19} className="entity-name">
              {clip(ext.name, 20)}
            </text>
            <text x={x.rect.x + 10} y={x.rect.y + 35} className="mono small">
              {ext.ip}
            </text>
          </g>
        );
      })}
      {scenePods.map((sp) => {
        const pod = pods.get(sp.id);
        if (!pod) return null;
        const iso = isolation.get(pod.key);
        const roles = roleWords(pod.key);
        return (
          <PodCard
            key={sp.id}
            scenePod={sp}
            pod={pod}
            ingress={iso?.ingress.join(', ') ?? ''}
            egress={iso?.egress.join(', ') ?? ''}
            roleClasses={roleClass(pod.key)}
            roleText={roles}
            pressed={state.pendingFrom === pod.key || state.flowFrom === pod.key || state.flowTo === pod.key}
            detail={inDetail(detail, sp.rect)}
            pick={handlers.pick}
            inspect={handlers.inspect}
            {...(handlers.reveal ? { reveal: handlers.reveal } : {})}
            t={t}
          />
        );
      })}
    </g>
  );
}

interface PodCardProps {
  scenePod: ScenePod;
  pod: TopologyPod;
  /** Policies isolating the pod, comma-joined ('' when none): strings, so memo can compare. */
  ingress: string;
  egress: string;
  roleClasses: string;
  roleText: string;
  pressed: boolean;
  /** Full text, or (far away in a big scene) just the name. */
  detail: boolean;
  pick(endpointKey: string): void;
  inspect(id: string | null): void;
  reveal?(id: string): void;
  t: UiText;
}

/** One pod card. Memoised: with hundreds of pods, an edit re-renders only the cards it changed. */
const PodCard = memo(function PodCard({
  scenePod,
  pod,
  ingress,
  egress,
  roleClasses,
  roleText,
  pressed,
  detail,
  pick,
  inspect,
  reveal,
  t,
}: PodCardProps) {
  const { x, y, w, h } = scenePod.rect;
  const isoWords = [
    ingress ? `${t.ingressIsolated} (${ingress})` : t.ingressOpen,
    egress ? `${t.egressIsolated} (${egress})` : t.egressOpen,
  ].join('; ');
  return (
    <g
      className={`pod ${pod.hostNetwork ? 'host-network' : ''} ${pod.implicit ? 'implicit' : ''} ${roleClasses}`}
      tabIndex={0}
      role="button"
      // An implicit pod says so right after its key (so "Pod <key>," names the scenario's own pods).
      aria-label={`${t.pod} ${pod.key}${pod.implicit ? ` — ${t.implicitMark}` : ''}, ${pod.ip}${pod.node ? `, ${pod.node}` : ''}; ${isoWords}${roleText ? `; ${roleText}` : ''}`}
      aria-pressed={pressed}
      data-testid={TID.graphPod}
      data-id={pod.key}
      onClick={() => pick(pod.key)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick(pod.key);
        }
      }}
      onMouseEnter={() => inspect(pod.key)}
      onFocus={() => {
        inspect(pod.key);
        reveal?.(scenePod.id);
      }}
    >
      <rect x={x} y={y} width={w} height={h} rx={6} className="card" />
      {pod.implicit && <title>{`${t.implicitMark}: ${t.implicitWhy}`}</title>}
      <text x={x + 8} y={y + 16} className="entity-name">
        {clip(pod.name, detail && (ingress || egress) ? 14 : 20)}
      </text>
      {detail && (
        <>
          <text x={x + 8} y={y + 31} className="mono pod-ip">
            {pod.ip}
          </text>
          <text x={x + 8} y={y + 45} className="small muted">
            {clip(containerLine(pod), 30)}
          </text>
          <text x={x + 8} y={y + 58} className={pod.implicit ? 'tiny implicit-tag' : 'tiny muted'}>
            {pod.implicit ? clip(`${pod.namespace} · ${t.implicitShort}`, 28) : clip(pod.namespace, 28)}
          </text>
          {ingress && <IsolationBadge kind="in" x={x + w - 40} y={y + 4} text={t.badgeIn} />}
          {egress && <IsolationBadge kind="out" x={x + w - 40} y={y + 21} text={t.badgeOut} />}
        </>
      )}
    </g>
  );
});

/** IN / OUT: the pod is isolated for that direction (text, not colour alone). */
function IsolationBadge({ kind, x, y, text }: { kind: 'in' | 'out'; x: number; y: number; text: string }) {
  return (
    <g className={`badge badge-${kind}`}>
      <rect x={x} y={y} width={34} height={14} rx={3} />
      <text x={x + 17} y={y + 10.5} textAnchor="middle" className="tiny">
        {text}
      </text>
    </g>
  );
}

// The static wiring: cluster box, node boxes with their headers and routes, bridges and rails,
// the node network, and every link. Re-renders only when the scene itself changes.
import { memo } from 'react';
import { NODE_PAD, nodeWidth, POD_COLUMNS, type Scene, type SceneLink } from '../../layout/layout-topology';
import type { Topology } from '../../model/topology';
import { isolate } from '../../lib/user-text';
import { inDetail, type DetailArea } from './level-of-detail';
import { useProgressiveItems } from '../useProgressiveItems';
import { TID } from '../testIds';
import { wrapRoute } from './route-lines';

/** A route longer than a node box is wide goes on two lines, split before `proto` or `src`. */
const ROUTE_CHARS = 52;
function routeLines(text: string): string[] {
  if (text.length <= ROUTE_CHARS) return [text];
  const at = [' proto ', ' src ', ' onlink'].map((w) => text.indexOf(w)).filter((i) => i > 0);
  const cut = at.length > 0 ? Math.min(...at) : -1;
  return cut > 0 ? [text.slice(0, cut), text.slice(cut + 1)] : [text];
}

/** Routes to other nodes are listed right of the node's name, eth0 and podCIDR lines. */
const ROUTES_OFFSET = 190;
/** In a one-column node box: nearer, on short lines, and only the first route. */
const NARROW_ROUTES_OFFSET = 156;
/** Lines a route may take there, between the header's top and the bridge bar. */
const NARROW_ROUTE_LINES = 3;
const MAX_ROUTES = 2;
/** Characters of 11 px monospace per scene unit (a cell is ~6.6 units wide). */
const MONO_CELL = 6.7;
/** A node box narrower than a two-column one: labels take their short forms. */
const isNarrow = (w: number): boolean => w < nodeWidth(POD_COLUMNS);

const pointsAttr = (link: SceneLink): string => link.points.map(([x, y]) => `${x},${y}`).join(' ');
const linkId = (link: SceneLink): string => link.id;

export const SceneBackground = memo(function SceneBackground({
  scene,
  topology,
  labels,
}: {
  scene: Scene;
  topology: Topology;
  labels: {
    nodeNetwork: string;
    unscheduled: string;
    services: string;
    routes: string;
    cluster: string;
    routedHub: (veths: string, gateway: string) => string;
    ebpfHub: (host: string) => string;
    /** The short forms, for a one-column node box. */
    routedHubShort: (gateway: string) => string;
    ebpfHubShort: (host: string) => string;
    /** A bridge without an address (isGateway false). */
    noAddress: string;
  };
}) {
  const nodes = new Map(topology.nodes.map((n) => [n.name, n]));
  const links = useProgressiveItems(scene.links, linkId);
  return (
    <g aria-hidden="true">
      {scene.boxes.map((b) => (
        <g key={b.id} className={`box box-${b.kind}`}>
          <rect
            x={b.rect.x}
            y={b.rect.y}
            width={b.rect.w}
            height={b.rect.h}
            rx={b.kind === 'node-network' ? 7 : 10}
          />
          {b.kind === 'cluster' && (
            <text x={b.rect.x + b.rect.w - 12} y={b.rect.y + 16} textAnchor="end" className="box-title">
              {labels.cluster}
            </text>
          )}
          {b.kind === 'node-network' && (
            <text x={b.rect.x + 8} y={b.rect.y - 4} className="box-title">
              {labels.nodeNetwork}
              {topology.nodeNetwork ? ` ${topology.nodeNetwork}` : ''}
            </text>
          )}
          {b.kind === 'unscheduled' && (
            <text x={b.rect.x + 12} y={b.rect.y + 20} className="box-title">
              {labels.unscheduled}
            </text>
          )}
        </g>
      ))}
      {scene.nodes.map((n) => {
        const node = nodes.get(n.name);
        const tunnels = node?.datapath.devices.filter((d) => d.kind === 'vtep' || d.kind === 'ipip') ?? [];
        return (
          <g key={n.id} className="node">
            <rect x={n.rect.x} y={n.rect.y} width={n.rect.w} height={n.rect.h} rx={8} />
            <text x={n.header.x} y={n.header.y + 16} className="node-name">
              {n.name}
            </text>
            <text x={n.header.x} y={n.header.y + 30} className="mono small">
              eth0 {node?.internalIP ?? '—'}
            </text>
            <text x={n.header.x} y={n.header.y + 44} className="mono small">
              podCIDR {node?.podCIDR ?? '—'}
            </text>
            {tunnels.map((d, i) => (
              <text
                key={d.name}
                x={n.eth0.x - 6}
                y={n.eth0.y + n.eth0.h / 2 + 4 - i * 12}
                textAnchor="end"
                className="mono small halo tunnel-device"
                data-testid={TID.graphTunnel}
              >
                {d.name}
                {d.address ? ` ${d.address}` : ''}
              </text>
            ))}
            <rect x={n.eth0.x} y={n.eth0.y} width={n.eth0.w} height={n.eth0.h} rx={4} className="eth0" />
            <text
              x={n.eth0.x + n.eth0.w / 2}
              y={n.eth0.y + n.eth0.h / 2 + 4}
              textAnchor="middle"
              className="mono small"
            >
              eth0
            </text>
          </g>
        );
      })}
      {scene.bridges.map((b) => {
        const node = nodes.get(b.node);
        const hub = node?.bridge;
        // A one-column node box: the hub's short label, the whole sentence in its tooltip.
        const narrow = isNarrow(b.rect.w + 2 * NODE_PAD);
        const full =
          hub?.kind === 'routed'
            ? labels.routedHub(hub.name, hub.ip)
            : hub?.kind === 'ebpf'
              ? labels.ebpfHub(`${hub.name} ${hub.ip}/32`)
              : null;
        const short =
          hub?.kind === 'routed'
            ? labels.routedHubShort(hub.ip)
            : hub?.kind === 'ebpf'
              ? labels.ebpfHubShort(`${hub.name} ${hub.ip}/32`)
              : null;
        const label =
          full !== null && short !== null
            ? narrow
              ? short
              : full
            : `${isolate(b.name)} ${hub ? (hub.unaddressed ? labels.noAddress : `${hub.ip}/${hub.prefix}`) : ''}`;
        return (
          <g key={b.id} className={`bridge bridge-${hub?.kind ?? 'bridge'}`}>
            {narrow && full !== null && <title>{full}</title>}
            <rect x={b.rect.x} y={b.rect.y} width={b.rect.w} height={b.rect.h} rx={4} />
            <text x={b.rect.x + 8} y={b.rect.y + b.rect.h / 2 + 4} className="mono small bridge-label">
              {label}
            </text>
            {b.rails.map((r) => (
              <rect
                key={r.id}
                x={r.rect.x}
                y={r.rect.y}
                width={r.rect.w}
                height={r.rect.h}
                className="rail"
              />
            ))}
          </g>
        );
      })}
      {links.map((l) => (
        <g key={l.id} className={`link link-${l.kind}`} data-testid={TID.graphLink} data-kind={l.kind}>
          <polyline points={pointsAttr(l)} />
        </g>
      ))}
      {/* Each node's routes, over the wires that cross its header (their halo keeps them legible). */}
      {scene.nodes.map((n) => {
        const node = nodes.get(n.name);
        // The routes to other nodes' pods, as `ip route` prints them (weave: its one connected route).
        const routes =
          node?.routes.filter(
            (r) =>
              r.kind === 'pods-via-node' ||
              r.kind === 'overlay' ||
              (r.kind === 'bridge' && node.bridge.name === 'weave'),
          ) ?? [];
        if (routes.length === 0) return null;
        const narrow = isNarrow(n.rect.w);
        const offset = narrow ? NARROW_ROUTES_OFFSET : ROUTES_OFFSET;
        const maxRoutes = narrow ? 1 : MAX_ROUTES;
        const chars = Math.floor((n.header.w - offset) / MONO_CELL);
        return (
          <g key={n.id} className="node-routes">
            <rect x={n.rect.x} y={n.rect.y} width={n.rect.w} height={n.rect.h} />
            <text x={n.header.x + offset} y={n.header.y + 16} className="mono small halo">
              <tspan className="muted">{labels.routes}</tspan>
              {routes.slice(0, maxRoutes).flatMap((r, i) =>
                (narrow ? wrapRoute(r.text, chars, NARROW_ROUTE_LINES) : routeLines(r.text)).map(
                  (line, k) => (
                    <tspan key={`${i}:${k}`} x={n.header.x + offset + (k > 0 && !narrow ? 12 : 0)} dy={12}>
                      {line}
                    </tspan>
                  ),
                ),
              )}
              {routes.length > maxRoutes && (
                <tspan x={n.header.x + offset} dy={12}>
                  … +{routes.length - maxRoutes}
                </tspan>
              )}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** The bounding box of a link's end labels (the labels sit within a card's width of the ends). */
function endsArea(link: SceneLink): { x: number; y: number; w: number; h: number } {
  const xs = link.ends!.map((e) => e.labelAt[0]);
  const ys = link.ends!.map((e) => e.labelAt[1]);
  const x = Math.min(...xs) - 80;
  const y = Math.min(...ys) - 12;
  return { x, y, w: Math.max(...xs) + 80 - x, h: Math.max(...ys) + 4 - y };
}

/** Interface names at the ends of veth links (vethXXXX at the bridge, eth0 at the pod), where legible. */
export function LinkEnds({ links, detail }: { links: readonly SceneLink[]; detail: DetailArea }) {
  if (detail === 'none') return null;
  return (
    <g aria-hidden="true" className="link-ends" data-testid={TID.graphLinkEnds}>
      {links.map((l) =>
        l.ends && (detail === 'all' || inDetail(detail, endsArea(l)))
          ? l.ends.map((e, i) => (
              <text
                key={`${l.id}:${i}`}
                x={e.labelAt[0]}
                y={e.labelAt[1]}
                textAnchor={e.anchor}
                className="mono tiny"
              >
                {e.label}
              </text>
            ))
          : null,
      )}
    </g>
  );
}

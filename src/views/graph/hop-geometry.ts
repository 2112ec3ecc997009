// Where each hop of a packet journey sits on the drawn scene: a pod's eth0 at its card, the
// host veth at the bridge rail, the bridge, the node's eth0, the node network, and so on — and
// the way between two hops along the drawn wires, so the packet travels the cables, not the air.
import type { Point, Scene } from '../../layout/scene';
import type { TraceHop } from '../../model/trace-types';

export interface HopPoint {
  readonly x: number;
  readonly y: number;
  /** Small text drawn beside a point that has no element of its own (a VTEP, kube-proxy). */
  readonly tag?: string;
}

export function hopPoints(hops: readonly TraceHop[], scene: Scene): HopPoint[] {
  const links = new Map(scene.links.map((l) => [l.id, l]));
  const nodes = new Map(scene.nodes.map((n) => [n.name, n]));
  const bridges = new Map(scene.bridges.map((b) => [b.node, b]));
  const externals = new Map(scene.externals.map((e) => [e.name, e]));
  const services = new Map(scene.services.map((s) => [s.key, s]));
  const pods = new Map(scene.pods.map((p) => [p.id, p]));
  const net = scene.boxes.find((b) => b.kind === 'node-network')?.rect;
  const cluster = scene.boxes.find((b) => b.kind === 'cluster')?.rect ?? {
    x: 0,
    y: 0,
    w: scene.width,
    h: scene.height,
  };
  const out: HopPoint[] = [];
  const at = (p: Point): HopPoint => ({ x: p[0], y: p[1] });
  for (const hop of hops) {
    const d = hop.device;
    const prev = out[out.length - 1];
    const node = d.node ? nodes.get(d.node) : undefined;
    const eth0 = node ? { x: node.eth0.x + node.eth0.w / 2, y: node.eth0.y + node.eth0.h / 2 } : undefined;
    let p: HopPoint | undefined;
    switch (d.kind) {
      case 'pod-eth0': {
        const veth = d.pod ? links.get(`veth:${d.pod}`) : undefined;
        const pod = d.pod ? pods.get(d.pod) : undefined;
        p = veth?.ends ? at(veth.ends[1].at) : pod ? { x: pod.rect.x, y: pod.rect.y + pod.rect.h / 2 } : eth0;
        break;
      }
      case 'veth-host': {
        const veth = d.pod ? links.get(`veth:${d.pod}`) : undefined;
        p = veth?.ends ? at(veth.ends[0].at) : eth0;
        break;
      }
      case 'bridge': {
        const b = d.node ? bridges.get(d.node) : undefined;
        if (b) {
          const x =
            prev && prev.x >= b.rect.x && prev.x <= b.rect.x + b.rect.w ? prev.x : b.rect.x + b.rect.w / 2;
          p = { x, y: b.rect.y + b.rect.h / 2 };
        }
        break;
      }
      case 'node-eth0':
        p = eth0;
        break;
      case 'vtep':
        p = eth0 ? { x: eth0.x - 34, y: eth0.y + 22, tag: d.name } : undefined;
        break;
      case 'kube-proxy':
        p = node
          ? {
              x: node.header.x + node.header.w * 0.55,
              y: node.header.y + node.header.h - 4,
              tag: 'kube-proxy',
            }
          : undefined;
        break;
      case 'node-network':
        if (net)
          p = {
            x: prev ? Math.min(Math.max(prev.x, net.x), net.x + net.w) : net.x + 8,
            y: net.y + net.h / 2,
          };
        break;
      case 'external': {
        const e =
          externals.get(d.name.split(' ')[0] ?? d.name) ??
          [...externals.values()].find((x) => d.name.includes(x.name));
        p = e
          ? { x: e.rect.x + e.rect.w, y: e.rect.y + e.rect.h / 2 }
          : { x: cluster.x - 24, y: cluster.y + cluster.h / 2 };
        break;
      }
      case 'service':
      case 'loadbalancer': {
        const s = d.service ? services.get(d.service) : undefined;
        p = s
          ? {
              x: s.rect.x + s.rect.w / 2,
              y: s.rect.y + s.rect.h,
              ...(d.kind === 'loadbalancer' ? { tag: 'LB' } : {}),
            }
          : { x: cluster.x + 16, y: cluster.y + 8, tag: d.name };
        break;
      }
      case 'dns':
        p = { x: cluster.x + cluster.w - 40, y: cluster.y + 24, tag: 'DNS' };
        break;
    }
    out.push(p ?? prev ?? { x: cluster.x, y: cluster.y });
  }
  return out;
}

/** Hops drawn as horizontal buses: a packet runs along them to the wire it leaves or joins by. */
const BUSES: ReadonlySet<TraceHop['device']['kind']> = new Set(['bridge', 'node-network']);

/**
 * The way from hop `i - 1` to hop `i` (both ends included). Leaving a bus (a bridge, the node
 * network) the packet first runs along it, then down or up the wire; arriving at one, it runs
 * up or down the wire first, then along the bus. Anything else is one straight stretch.
 */
export function legWaypoints(hops: readonly TraceHop[], points: readonly HopPoint[], i: number): HopPoint[] {
  const to = points[i]!;
  if (i === 0) return [to];
  const from = points[i - 1]!;
  const fromBus = BUSES.has(hops[i - 1]!.device.kind);
  const toBus = BUSES.has(hops[i]!.device.kind);
  if (from.x === to.x || from.y === to.y || fromBus === toBus) return [from, to];
  const corner = fromBus ? { x: to.x, y: from.y } : { x: from.x, y: to.y };
  return [from, corner, to];
}

/** The point a fraction `t` (0…1) of the way along a polyline, by length. */
export function pointAlong(waypoints: readonly HopPoint[], t: number): { x: number; y: number } {
  const first = waypoints[0]!;
  if (waypoints.length === 1) return { x: first.x, y: first.y };
  const lengths = waypoints.slice(1).map((p, k) => Math.hypot(p.x - waypoints[k]!.x, p.y - waypoints[k]!.y));
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = Math.min(Math.max(t, 0), 1) * total;
  for (let k = 0; k < lengths.length; k++) {
    const a = waypoints[k]!;
    const b = waypoints[k + 1]!;
    if (left <= lengths[k]! || k === lengths.length - 1) {
      const f = lengths[k]! === 0 ? 1 : Math.min(1, left / lengths[k]!);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= lengths[k]!;
  }
  const last = waypoints[waypoints.length - 1]!;
  return { x: last.x, y: last.y };
}

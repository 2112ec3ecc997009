// Where the by-hand lab draws things: hosts side by side on the LAN, each with its namespaces as
// boxes along the top and its own links (bridges, dummies, eth0) below; veth pairs as cables,
// bridge ports as short drops to the bridge bar. Pure, so a test can check it.
import { ROOT_NS, linkById, linksIn, operState, type Hop, type Link, type World } from '../../netns';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface HostBox extends Box {
  readonly name: string;
  readonly forwarding: boolean;
}

export interface NsBox extends Box {
  readonly host: string;
  readonly name: string;
}

export interface LinkDot {
  readonly link: Link;
  readonly x: number;
  readonly y: number;
  readonly state: string;
  readonly label: string;
}

export interface Cable {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly up: boolean;
  readonly kind: 'veth' | 'port' | 'lan';
}

export interface NetLayout {
  readonly width: number;
  readonly height: number;
  readonly hosts: readonly HostBox[];
  readonly namespaces: readonly NsBox[];
  readonly dots: readonly LinkDot[];
  readonly cables: readonly Cable[];
  readonly lanY: number;
}

const NS_W = 150;
const NS_H = 86;
const GAP = 18;
const HOST_PAD = 16;
const BRIDGE_Y = 210;
const HOST_H = 300;

export function layoutNetwork(world: World): NetLayout {
  const hosts: HostBox[] = [];
  const namespaces: NsBox[] = [];
  const dots: LinkDot[] = [];
  const cables: Cable[] = [];
  const at = new Map<number, { x: number; y: number }>();
  let x = 10;
  for (const h of world.hosts) {
    const nss = world.namespaces.filter((n) => n.host === h.name && n.name !== ROOT_NS);
    const rootLinks = linksIn(world, { host: h.name, ns: ROOT_NS }).filter((l) => l.kind !== 'loopback');
    const slots = Math.max(nss.length, Math.ceil(rootLinks.length / 2), 2);
    const w = HOST_PAD * 2 + slots * NS_W + (slots - 1) * GAP;
    const root = world.namespaces.find((n) => n.host === h.name && n.name === ROOT_NS);
    hosts.push({ name: h.name, x, y: 10, w, h: HOST_H, forwarding: root?.ipForward ?? false });
    nss.forEach((n, i) => {
      const box = { host: h.name, name: n.name, x: x + HOST_PAD + i * (NS_W + GAP), y: 44, w: NS_W, h: NS_H };
      namespaces.push(box);
      const inside = linksIn(world, { host: h.name, ns: n.name });
      inside.forEach((l, j) => {
        const p = { x: box.x + ((j + 0.5) * box.w) / Math.max(inside.length, 1), y: box.y + box.h };
        at.set(l.id, p);
        dots.push({ link: l, ...p, state: operState(world, l), label: label(l) });
      });
    });
    const bridges = rootLinks.filter((l) => l.kind === 'bridge');
    const others = rootLinks.filter((l) => l.kind !== 'bridge' && l.master === undefined);
    bridges.forEach((b, i) => {
      const p = { x: x + HOST_PAD + 40 + i * 160, y: BRIDGE_Y };
      at.set(b.id, p);
      dots.push({ link: b, ...p, state: operState(world, b), label: label(b) });
    });
    const ports = rootLinks.filter(
      (l) => l.master !== undefined || (l.kind === 'veth' && l.master === undefined),
    );
    ports.forEach((p, i) => {
      const peerPos = p.peer !== undefined ? at.get(p.peer) : undefined;
      const px = peerPos?.x ?? x + HOST_PAD + 20 + i * 60;
      const pos = { x: px, y: 160 };
      at.set(p.id, pos);
      dots.push({ link: p, ...pos, state: operState(world, p), label: label(p) });
    });
    others
      .filter((l) => l.kind !== 'veth')
      .forEach((l, i) => {
        const pos = { x: x + w - HOST_PAD - 40 - i * 90, y: HOST_H - 10 };
        at.set(l.id, pos);
        dots.push({ link: l, ...pos, state: operState(world, l), label: label(l) });
      });
    x += w + 30;
  }
  const lanY = HOST_H + 50;
  for (const l of world.links) {
    const a = at.get(l.id);
    if (!a) continue;
    if (l.peer !== undefined && l.id < l.peer) {
      const b = at.get(l.peer);
      const peer = linkById(world, l.peer);
      if (b)
        cables.push({
          key: `veth-${l.id}`,
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          up: l.up && peer.up,
          kind: 'veth',
        });
    }
    if (l.master !== undefined) {
      const b = at.get(l.master);
      if (b)
        cables.push({
          key: `port-${l.id}`,
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          up: l.up && linkById(world, l.master).up,
          kind: 'port',
        });
    }
    if (l.kind === 'ether' && l.ns === ROOT_NS)
      cables.push({ key: `lan-${l.id}`, x1: a.x, y1: a.y, x2: a.x, y2: lanY, up: l.up, kind: 'lan' });
  }
  return { width: Math.max(x + 90, 400), height: lanY + 30, hosts, namespaces, dots, cables, lanY };
}

function label(l: Link): string {
  const addr = l.addrs[0];
  return addr ? `${l.name} ${addr.ip}/${addr.prefix}` : l.name;
}

/** Where a hop of a ping is drawn: its namespace box, or on the host the link it came in or left by. */
export function hopPoint(layout: NetLayout, hop: Hop): { x: number; y: number } {
  const ns = layout.namespaces.find((n) => n.host === hop.host && n.name === hop.ns);
  if (ns) return { x: ns.x + ns.w / 2, y: ns.y + ns.h / 2 };
  const name = hop.inIface ?? hop.outIface;
  const dot = layout.dots.find(
    (d) => d.link.host === hop.host && d.link.ns === hop.ns && d.link.name === name,
  );
  if (dot) return { x: dot.x, y: dot.y };
  const host = layout.hosts.find((h) => h.name === hop.host);
  return host ? { x: host.x + host.w / 2, y: BRIDGE_Y + 40 } : { x: 0, y: 0 };
}

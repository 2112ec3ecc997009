// Building the world and asking it simple questions: which links a namespace has, whether a
// link has carrier, what `ip link` would call its state. Changes go through the commands.
import { ROOT_NS, type Host, type Link, type LinkKind, type Netns, type Place, type World } from './types';

/** The segment every host's eth0 is plugged into, for the drawing. */
export const DEFAULT_LAN = '192.168.1.0/24';

/** A world of hosts, each with `lo` (up, 127.0.0.1/8) and `eth0` (up, no address) on the LAN. */
export function createWorld(hostNames: readonly string[], lan: string = DEFAULT_LAN): World {
  const world: World = { hosts: [], namespaces: [], links: [], nextLinkId: 1, nextRouteSeq: 1, lan };
  for (const name of hostNames) {
    const host: Host = { name, files: {}, nextIfindex: 1, nextNsid: 0 };
    world.hosts.push(host);
    world.namespaces.push(newNamespace(name, ROOT_NS));
    const lo = addLink(world, { host: name, ns: ROOT_NS }, 'lo', 'loopback');
    lo.up = true;
    lo.everUp = true;
    lo.addrs.push({ ip: '127.0.0.1', prefix: 8 });
    const eth0 = addLink(world, { host: name, ns: ROOT_NS }, 'eth0', 'ether');
    eth0.up = true;
    eth0.everUp = true;
  }
  return world;
}

export function newNamespace(host: string, name: string): Netns {
  return { host, name, ipForward: false, routes: [], nat: [], listeners: [] };
}

/** A deterministic, locally administered MAC for a link (real kernels pick a random one). */
function macFor(kind: LinkKind, host: string, name: string, id: number): string {
  if (kind === 'loopback') return '00:00:00:00:00:00';
  let h = 2166136261;
  for (const c of `${host}/${name}/${id}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const bytes = [kind === 'ether' ? 0x52 : 0x02 | (h & 0xfc), kind === 'ether' ? 0x54 : (h >>> 8) & 255];
  let g = h;
  for (let i = 0; i < 4; i++) {
    g = Math.imul(g ^ (id + i), 2654435761) >>> 0;
    bytes.push((g >>> 16) & 255);
  }
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function addLink(world: World, place: Place, name: string, kind: LinkKind, peer?: number): Link {
  const host = hostOf(world, place.host);
  const id = world.nextLinkId++;
  const link: Link = {
    id,
    host: place.host,
    ns: place.ns,
    name,
    kind,
    ifindex: kind === 'loopback' ? 1 : ++host.nextIfindex,
    mac: macFor(kind, place.host, name, id),
    up: false,
    ...(peer !== undefined ? { peer } : {}),
    addrs: [],
    everUp: false,
  };
  world.links.push(link);
  return link;
}

export function hostOf(world: World, name: string): Host {
  const host = world.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`no host ${name}`);
  return host;
}

export function findNamespace(world: World, place: Place): Netns | undefined {
  return world.namespaces.find((n) => n.host === place.host && n.name === place.ns);
}

export function namespaceOf(world: World, place: Place): Netns {
  const ns = findNamespace(world, place);
  if (!ns) throw new Error(`no namespace ${place.ns} on ${place.host}`);
  return ns;
}

/** The host's named namespaces, newest first, as `ip netns list` shows them. */
export function namedNamespaces(world: World, host: string): Netns[] {
  return world.namespaces.filter((n) => n.host === host && n.name !== ROOT_NS).reverse();
}

/** Links of one namespace in ifindex order. */
export function linksIn(world: World, place: Place): Link[] {
  return world.links
    .filter((l) => l.host === place.host && l.ns === place.ns)
    .sort((a, b) => a.ifindex - b.ifindex);
}

export function findLink(world: World, place: Place, name: string): Link | undefined {
  return world.links.find((l) => l.host === place.host && l.ns === place.ns && l.name === name);
}

export function linkById(world: World, id: number): Link {
  const link = world.links.find((l) => l.id === id);
  if (!link) throw new Error(`no link ${id}`);
  return link;
}

export function placeOf(link: Link): Place {
  return { host: link.host, ns: link.ns };
}

export function samePlace(a: Place, b: Place): boolean {
  return a.host === b.host && a.ns === b.ns;
}

export function portsOf(world: World, bridge: Link): Link[] {
  return world.links.filter((l) => l.master === bridge.id).sort((a, b) => a.ifindex - b.ifindex);
}

/** Whether the link is up with a carrier: what `LOWER_UP` means. */
export function hasCarrier(world: World, link: Link): boolean {
  if (!link.up) return false;
  switch (link.kind) {
    case 'veth':
      return link.peer !== undefined && linkById(world, link.peer).up;
    case 'bridge':
      return portsOf(world, link).some((p) => hasCarrier(world, p));
    default:
      return true;
  }
}

/** The operational state `ip link` prints. */
export function operState(world: World, link: Link): string {
  if (!link.up) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy') return 'UNKNOWN';
  if (hasCarrier(world, link)) return 'UP';
  return link.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** How `ip link` names a link: `veth-red@veth-red-br`, `veth-red@if7` (peer elsewhere). */
export function displayName(world: World, link: Link): string {
  if (link.peer === undefined) return link.name;
  const peer = linkById(world, link.peer);
  return samePlace(placeOf(peer), placeOf(link))
    ? `${link.name}@${peer.name}`
    : `${link.name}@if${peer.ifindex}`;
}

/** Words for a place in explanations: "namespace red", "host node01", "namespace red on node01". */
export function placeWords(world: World, place: Place): { en: string; ko: string } {
  const many = world.hosts.length > 1;
  if (place.ns === ROOT_NS) return { en: `host ${place.host}`, ko: `${place.host} 호스트` };
  return many
    ? { en: `namespace ${place.ns} on ${place.host}`, ko: `${place.host}의 ${place.ns} 네임스페이스` }
    : { en: `namespace ${place.ns}`, ko: `${place.ns} 네임스페이스` };
}

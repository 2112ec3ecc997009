// `ip link add|set|del|show`: parsed in iproute2's order (a bad `master` or `netns` stops the
// parse with exit 255 before the device is looked up) and applied in the kernel's order
// (namespace move, then up/down, then master).
import { flushRoutesVia } from './routing';
import { fail, invalidArgument, kernelError, noDevice, notSimulated, ok, rtnetlink } from './outcome';
import { printLinks } from './print';
import { ROOT_NS, type CommandOutcome, type Link, type Place, type World } from './types';
import {
  addLink,
  findLink,
  findNamespace,
  hostOf,
  linkById,
  linksIn,
  namespaceOf,
  placeOf,
  portsOf,
  samePlace,
} from './world';

/** Kinds the kernel knows but the console does not simulate. */
const OTHER_KINDS = new Set([
  'vlan',
  'vxlan',
  'macvlan',
  'macvtap',
  'ipvlan',
  'ipvtap',
  'bond',
  'team',
  'gre',
  'gretap',
  'ipip',
  'sit',
  'vti',
  'geneve',
  'wireguard',
  'tun',
  'tap',
  'vrf',
  'ifb',
  'nlmon',
  'can',
  'netkit',
]);

export const IFNAMSIZ = 16;

function validIfname(name: string): boolean {
  return name !== '' && name.length < IFNAMSIZ && name !== '.' && name !== '..' && !/[/\s]/.test(name);
}

/** iproute2's `matches()`: `arg` is a non-empty prefix of `word`. */
export function matches(arg: string, word: string): boolean {
  return arg !== '' && word.startsWith(arg);
}

export function runIpLink(
  world: World,
  place: Place,
  args: readonly string[],
  brief: boolean,
): CommandOutcome {
  const [sub, ...rest] = args;
  if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || sub === 'lst')
    return showLinks(world, place, rest, brief);
  if (matches(sub, 'add')) return addLinkCommand(world, place, rest);
  if (matches(sub, 'set') || matches(sub, 'change')) return setLink(world, place, rest);
  if (matches(sub, 'delete')) return deleteLinkCommand(world, place, rest);
  if (matches(sub, 'help')) return notSimulated(`ip link help is not shown here; ${'see ip-link(8)'}`);
  return fail(`Command "${sub}" is unknown, try "ip link help".`, 255);
}

function showLinks(world: World, place: Place, args: readonly string[], brief: boolean): CommandOutcome {
  let links = linksIn(world, place);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'master') {
      const name = args[++i];
      if (name === undefined) return fail('Command line is not complete. Try option "help"', 255);
      const bridge = findLink(world, place, name);
      if (!bridge) return invalidArgument(name, 'Device does not exist', true);
      links = links.filter((l) => l.master === bridge.id);
    } else if (a === 'up') links = links.filter((l) => l.up);
    else {
      const name = a === 'dev' ? args[++i] : a;
      if (name === undefined) return fail('Command line is not complete. Try option "help"', 255);
      const link = findLink(world, place, name);
      if (!link) return fail(`Device "${name}" does not exist.`, 1);
      links = links.filter((l) => l.id === link.id);
    }
  }
  return ok(printLinks(world, links, brief));
}

/** `ip link add NAME type bridge|dummy` and `… type veth peer [name] PEER [netns NS]`. */
function addLinkCommand(world: World, place: Place, args: readonly string[]): CommandOutcome {
  let name: string | undefined;
  let type: string | undefined;
  let peerName: string | undefined;
  let peerNs: string | undefined;
  let up = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (type !== undefined) {
      if (type !== 'veth' || a !== 'peer')
        return notSimulated(`options after "type ${type}" are not simulated ("${a}")`);
      for (i++; i < args.length; i++) {
        const p = args[i]!;
        if (p === 'netns') {
          const ns = args[++i];
          if (ns === undefined) return fail('Command line is not complete. Try option "help"', 255);
          if (!findNamespace(world, { host: place.host, ns }))
            return invalidArgument(ns, 'Invalid "netns" value', true);
          peerNs = ns;
        } else {
          const n = p === 'name' || p === 'dev' ? args[++i] : p;
          if (n === undefined) return fail('Command line is not complete. Try option "help"', 255);
          if (!validIfname(n))
            return notSimulated(`interface names have 1 to 15 characters, no "/" or spaces ("${n}")`);
          peerName = n;
        }
      }
      break;
    }
    if (a === 'type') {
      type = args[++i];
      if (type === undefined) return fail('Command line is not complete. Try option "help"', 255);
    } else if (a === 'up') up = true;
    else if (a === 'down') up = false;
    else if (a === 'name' || a === 'dev' || !a.startsWith('-')) {
      const n = a === 'name' || a === 'dev' ? args[++i] : a;
      if (n === undefined) return fail('Command line is not complete. Try option "help"', 255);
      if (name !== undefined) return fail(`Error: either "dev" is duplicate, or "${n}" is garbage.`, 255);
      if (!validIfname(n))
        return notSimulated(`interface names have 1 to 15 characters, no "/" or spaces ("${n}")`);
      name = n;
    } else return notSimulated(`ip link add ${a} is not simulated`);
  }
  if (type === undefined) return fail('Not enough information: "type" argument is required', 1);
  if (name === undefined) return notSimulated('give the new link a name: ip link add NAME type …');
  if (OTHER_KINDS.has(type))
    return notSimulated(`links of type ${type} are not simulated; use bridge, veth or dummy`);
  if (type !== 'bridge' && type !== 'veth' && type !== 'dummy') return kernelError('Unknown device type');
  if (findLink(world, place, name)) return rtnetlink('File exists');
  if (type !== 'veth') {
    const link = addLink(world, place, name, type);
    if (up) bringUp(link);
    return ok();
  }
  const peerPlace: Place = peerNs !== undefined ? { host: place.host, ns: peerNs } : place;
  const chosenPeer = peerName ?? freeVethName(world, peerPlace);
  if (chosenPeer === name && samePlace(peerPlace, place)) return rtnetlink('File exists');
  if (findLink(world, peerPlace, chosenPeer)) return rtnetlink('File exists');
  const a = addLink(world, place, name, 'veth', world.nextLinkId + 1);
  addLink(world, peerPlace, chosenPeer, 'veth', a.id);
  if (!samePlace(peerPlace, place)) assignNsid(world, peerPlace);
  if (up) bringUp(a);
  return ok();
}

/** The kernel's name for a veth peer nobody named: the lowest free vethN. */
function freeVethName(world: World, place: Place): string {
  for (let n = 0; ; n++) if (!findLink(world, place, `veth${n}`)) return `veth${n}`;
}

function assignNsid(world: World, place: Place): void {
  const ns = namespaceOf(world, place);
  if (ns.name !== ROOT_NS && ns.nsid === undefined) ns.nsid = hostOf(world, place.host).nextNsid++;
}

export function bringUp(link: Link): void {
  link.up = true;
  if (link.kind === 'loopback' && !link.everUp && link.addrs.length === 0)
    link.addrs.push({ ip: '127.0.0.1', prefix: 8 });
  link.everUp = true;
}

export function bringDown(world: World, link: Link): void {
  link.up = false;
  flushRoutesVia(world, placeOf(link), link);
}

function setLink(world: World, place: Place, args: readonly string[]): CommandOutcome {
  let dev: string | undefined;
  let flag: 'up' | 'down' | undefined;
  let master: Link | null | undefined;
  let netns: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string | undefined => args[++i];
    if (a === 'up' || a === 'down') flag = a;
    else if (a === 'netns') {
      const ns = next();
      if (ns === undefined) return fail('Command line is not complete. Try option "help"', 255);
      if (netns !== undefined) return fail(`Error: duplicate "netns": "${ns}" is the second value.`, 255);
      if (!findNamespace(world, { host: place.host, ns }))
        return invalidArgument(ns, 'Invalid "netns" value', true);
      netns = ns;
    } else if (matches(a, 'master')) {
      const name = next();
      if (name === undefined) return fail('Command line is not complete. Try option "help"', 255);
      const bridge = findLink(world, place, name);
      if (!bridge) return invalidArgument(name, 'Device does not exist', true);
      master = bridge;
    } else if (matches(a, 'nomaster')) master = null;
    else if (['name', 'mtu', 'address', 'alias', 'txqueuelen', 'arp', 'promisc', 'multicast'].includes(a))
      return notSimulated(
        `ip link set … ${a} is not simulated; the console sets up, down, master, nomaster and netns`,
      );
    else {
      const n = a === 'dev' ? next() : a;
      if (n === undefined) return fail('Command line is not complete. Try option "help"', 255);
      if (dev !== undefined) return fail(`Error: either "dev" is duplicate, or "${n}" is garbage.`, 255);
      dev = n;
    }
  }
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.', 255);
  const link = findLink(world, place, dev);
  if (!link) return noDevice(dev);
  if (netns !== undefined && netns !== link.ns) {
    const moved = moveLink(world, link, { host: place.host, ns: netns });
    if (moved) return moved;
  }
  if (flag === 'up') bringUp(link);
  if (flag === 'down') bringDown(world, link);
  if (master !== undefined) {
    if (master === null) delete link.master;
    else {
      if (master.kind !== 'bridge')
        return notSimulated(`${master.name} is not a bridge; only bridges take ports here`);
      if (link.kind === 'bridge' || link.kind === 'loopback' || master.id === link.id)
        return notSimulated(
          `${link.name} cannot be a bridge port here; ports are veth, dummy and eth0 links`,
        );
      if (!samePlace(placeOf(master), placeOf(link)))
        return invalidArgument(master.name, 'Device does not exist', true);
      link.master = master.id;
    }
  }
  return ok();
}

/** `ip link set X netns NS`: the link arrives down, without addresses, and leaves its bridge. */
function moveLink(world: World, link: Link, to: Place): CommandOutcome | undefined {
  if (link.kind === 'bridge' || link.kind === 'loopback')
    return notSimulated(
      `${link.name} cannot move between namespaces (the kernel keeps ${link.kind} links where they are)`,
    );
  if (findLink(world, to, link.name)) return rtnetlink('File exists');
  const from = placeOf(link);
  flushRoutesVia(world, from, link);
  delete link.master;
  link.up = false;
  link.addrs = [];
  link.ns = to.ns;
  if (link.peer !== undefined) {
    const peer = linkById(world, link.peer);
    if (!samePlace(placeOf(peer), to)) {
      assignNsid(world, to);
      assignNsid(world, placeOf(peer));
    }
  }
  return undefined;
}

function deleteLinkCommand(world: World, place: Place, args: readonly string[]): CommandOutcome {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'type') {
      i++;
      continue;
    }
    const n = a === 'dev' ? args[++i] : a;
    if (n === undefined) return fail('Command line is not complete. Try option "help"', 255);
    if (dev !== undefined) return fail(`Error: either "dev" is duplicate, or "${n}" is garbage.`, 255);
    dev = n;
  }
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.', 255);
  const link = findLink(world, place, dev);
  if (!link) return noDevice(dev);
  if (link.kind === 'loopback' || link.kind === 'ether') return rtnetlink('Operation not supported');
  destroyLink(world, link);
  return ok();
}

/** Removes a link (and a veth's peer), freeing a bridge's ports and the routes through them. */
export function destroyLink(world: World, link: Link): void {
  const gone = [link, ...(link.peer !== undefined ? [linkById(world, link.peer)] : [])];
  for (const l of gone) {
    flushRoutesVia(world, placeOf(l), l);
    if (l.kind === 'bridge') for (const p of portsOf(world, l)) delete p.master;
  }
  const ids = new Set(gone.map((l) => l.id));
  for (let i = world.links.length - 1; i >= 0; i--) if (ids.has(world.links[i]!.id)) world.links.splice(i, 1);
}

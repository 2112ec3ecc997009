// The `ip` command: global options (-n NS, -br), the object (link, addr, route, netns) matched
// by prefix as iproute2 does, and `ip netns add|del|list|exec`.
import { runIpAddr } from './ip-addr';
import { destroyLink, matches, runIpLink } from './ip-link';
import { runIpRoute } from './ip-route';
import { fail, notSimulated, ok } from './outcome';
import { printNetnsList } from './print';
import { ROOT_NS, type CommandOutcome, type Place, type World } from './types';
import { addLink, findNamespace, linksIn, namedNamespaces, newNamespace } from './world';

/** Runs another command inside a namespace (`ip netns exec NS …`). */
export type Exec = (place: Place, argv: readonly string[]) => CommandOutcome;

/** Objects iproute2 knows, in its own order (the first prefix match wins). */
const OBJECTS = [
  'address',
  'addrlabel',
  'maddress',
  'route',
  'rule',
  'neighbor',
  'neighbour',
  'ntable',
  'ntbl',
  'link',
  'l2tp',
  'fou',
  'ila',
  'macsec',
  'tunnel',
  'tunl',
  'tuntap',
  'tap',
  'token',
  'tcpmetrics',
  'tcp_metrics',
  'monitor',
  'xfrm',
  'mroute',
  'mrule',
  'netns',
  'netconf',
  'vrf',
  'sr',
  'nexthop',
  'mptcp',
  'ioam',
  'help',
  'stats',
];

export function cannotOpenNetns(name: string): CommandOutcome {
  return fail(`Cannot open network namespace "${name}": No such file or directory`, 255);
}

export function runIp(world: World, start: Place, argv: readonly string[], exec: Exec): CommandOutcome {
  let place = start;
  let brief = false;
  let i = 0;
  for (; i < argv.length; i++) {
    let opt = argv[i]!;
    if (opt === '--') {
      i++;
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (matches(opt, '-netns') && opt.length >= 2) {
      const ns = argv[++i];
      if (ns === undefined) return fail('Error: argument "netns name" is required', 255);
      if (!findNamespace(world, { host: start.host, ns }) || ns === ROOT_NS) return cannotOpenNetns(ns);
      place = { host: start.host, ns };
    } else if (opt === '-br' || (opt.length >= 3 && matches(opt, '-brief'))) brief = true;
    else if (opt === '-4' || (opt.length >= 3 && (matches(opt, '-color') || matches(opt, '-Numeric'))))
      continue;
    else if (opt === '-c' || opt.startsWith('-color=')) continue;
    else return notSimulated(`ip option ${opt} is not simulated; the console takes -n NS, -br and -4`);
  }
  const [object, ...rest] = argv.slice(i);
  if (object === undefined) return notSimulated('ip needs an object: ip link, ip addr, ip route or ip netns');
  const known = OBJECTS.find((o) => matches(object, o));
  if (!known) return fail(`Object "${object}" is unknown, try "ip help".`, 1);
  switch (known) {
    case 'address':
      return runIpAddr(world, place, rest, brief);
    case 'link':
      return runIpLink(world, place, rest, brief);
    case 'route':
      return runIpRoute(world, place, rest);
    case 'netns':
      return runIpNetns(world, place, rest, exec);
    default:
      return notSimulated(
        `ip ${known} is not simulated; the console supports ip link, addr, route and netns`,
      );
  }
}

function runIpNetns(world: World, place: Place, args: readonly string[], exec: Exec): CommandOutcome {
  const [sub, ...rest] = args;
  const host = place.host;
  if (sub === undefined || matches(sub, 'list') || matches(sub, 'show') || sub === 'lst')
    return ok(printNetnsList(namedNamespaces(world, host)));
  const name = rest[0];
  if (name !== undefined && (name.includes('/') || name === '.' || name === '..'))
    return fail(`Invalid netns name "${name}"`, 255);
  if (matches(sub, 'add')) {
    if (name === undefined) return fail('No netns name specified', 1);
    if (findNamespace(world, { host, ns: name }))
      return fail(`Cannot create namespace file "/run/netns/${name}": File exists`, 1);
    world.namespaces.push(newNamespace(host, name));
    addLink(world, { host, ns: name }, 'lo', 'loopback');
    return ok();
  }
  if (matches(sub, 'delete')) {
    if (name === undefined) return fail('No netns name specified', 1);
    if (!findNamespace(world, { host, ns: name }))
      return fail(`Cannot remove namespace file "/run/netns/${name}": No such file or directory`, 1);
    deleteNamespace(world, { host, ns: name });
    return ok();
  }
  if (matches(sub, 'exec')) {
    if (name === undefined) return fail('No netns name specified', 1);
    if (rest.length < 2) return fail('No command specified', 1);
    if (!findNamespace(world, { host, ns: name })) return cannotOpenNetns(name);
    return exec({ host, ns: name }, rest.slice(1));
  }
  return notSimulated(
    `ip netns ${sub} is not simulated; the console supports ip netns add, del, list and exec`,
  );
}

/**
 * `ip netns del`: veth ends inside are destroyed with their peers, bridges and dummies go,
 * and a physical link (eth0) returns to the host's own namespace, down and without addresses.
 */
function deleteNamespace(world: World, place: Place): void {
  for (const link of linksIn(world, place)) {
    if (link.kind === 'ether') {
      link.ns = ROOT_NS;
      link.up = false;
      link.addrs = [];
      delete link.master;
      continue;
    }
    if (world.links.includes(link)) destroyLink(world, link);
  }
  const at = world.namespaces.findIndex((n) => n.host === place.host && n.name === place.ns);
  world.namespaces.splice(at, 1);
}

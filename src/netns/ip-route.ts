// `ip route add|del|replace|show|get`: static routes checked as the kernel checks them (the
// prefix has no host bits, the gateway is on a connected network, the device is up).
import { formatAddress, networkOf, parseAddress, parsePrefix } from './ipv4';
import { matches } from './ip-link';
import { fail, kernelError, noDevice, notSimulated, ok, rtnetlink } from './outcome';
import { printRoute, printRouteGet, printRouteGetLocal } from './print';
import { gatewayLink, lookupRoute, routeTable, sourceAddress } from './routing';
import type { Address, CommandOutcome, Link, Place, World } from './types';
import { findLink, namespaceOf } from './world';

export function runIpRoute(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const [sub, ...rest] = args;
  if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || sub === 'lst')
    return showRoutes(world, place, rest);
  if (matches(sub, 'get')) return getRoute(world, place, rest);
  if (matches(sub, 'add')) return changeRoute(world, place, rest, 'add');
  if (matches(sub, 'replace')) return changeRoute(world, place, rest, 'replace');
  if (matches(sub, 'delete')) return changeRoute(world, place, rest, 'del');
  if (matches(sub, 'flush'))
    return notSimulated('ip route flush is not simulated; delete routes one by one with ip route del');
  return fail(`Command "${sub}" is unknown, try "ip route help".`, 255);
}

function showRoutes(world: World, place: Place, args: readonly string[]): CommandOutcome {
  let routes = routeTable(world, place);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') {
      const name = args[++i];
      if (name === undefined) return fail('Command line is not complete. Try option "help"', 255);
      const link = findLink(world, place, name);
      if (!link) return fail(`Cannot find device "${name}"`, 1);
      routes = routes.filter((r) => r.dev.id === link.id);
    } else return notSimulated(`ip route show ${a} is not simulated; the console filters by dev only`);
  }
  return ok(routes.map(printRoute).join(''));
}

function getRoute(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const target = args[0];
  if (target === undefined) return fail('need at least a destination address', 1);
  if (args.length > 1) return notSimulated('ip route get takes only an address here');
  const prefix = parsePrefix(target);
  if (!prefix) return fail(`Error: any valid prefix is expected rather than "${target}".`, 1);
  const found = lookupRoute(world, place, prefix.ip);
  if (!found) return rtnetlink('Network is unreachable');
  if (found.kind === 'local') return ok(printRouteGetLocal(prefix.ip));
  return ok(printRouteGet(prefix.ip, found.route, sourceAddress(world, place, found.route)));
}

interface RouteArgs {
  readonly dst: Address;
  readonly via?: string;
  readonly dev?: string;
}

function parseRouteArgs(args: readonly string[]): RouteArgs | CommandOutcome {
  let dst: Address | undefined;
  let via: string | undefined;
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'via') {
      let gw = args[++i];
      if (gw === 'inet') gw = args[++i];
      if (gw === undefined) return fail('Command line is not complete. Try option "help"', 255);
      const ip = /^\d+(\.\d+){0,3}$/.test(gw) ? parseAddress(gw) : null;
      if (!ip) return fail(`Error: inet address is expected rather than "${gw}".`, 1);
      via = ip;
    } else if (a === 'dev' || a === 'oif') {
      dev = args[++i];
      if (dev === undefined) return fail('Command line is not complete. Try option "help"', 255);
    } else if (['src', 'metric', 'proto', 'scope', 'table', 'onlink', 'mtu', 'nexthop', 'encap'].includes(a))
      return notSimulated(`ip route … ${a} is not simulated; the console takes PREFIX, via and dev`);
    else {
      if (dst !== undefined) return fail(`Error: either "to" is duplicate, or "${a}" is garbage.`, 255);
      const text = a === 'to' ? args[++i] : a;
      if (text === undefined) return fail('Command line is not complete. Try option "help"', 255);
      if (text === 'default' || text === 'all' || text === 'any') dst = { ip: '0.0.0.0', prefix: 0 };
      else {
        if (text.includes(':'))
          return notSimulated('IPv6 routes are not simulated; the console is IPv4 only');
        const p = parsePrefix(text);
        if (!p) return fail(`Error: any valid prefix is expected rather than "${text}".`, 1);
        dst = p;
      }
    }
  }
  if (dst === undefined)
    return notSimulated('give a destination: ip route add PREFIX|default via GW | dev NAME');
  return { dst, ...(via !== undefined ? { via } : {}), ...(dev !== undefined ? { dev } : {}) };
}

function changeRoute(
  world: World,
  place: Place,
  args: readonly string[],
  op: 'add' | 'replace' | 'del',
): CommandOutcome {
  const parsed = parseRouteArgs(args);
  if ('exit' in parsed) return parsed;
  let dev: Link | undefined;
  if (parsed.dev !== undefined) {
    dev = findLink(world, place, parsed.dev);
    if (!dev) return noDevice(parsed.dev);
  }
  const { dst } = parsed;
  const ns = namespaceOf(world, place);
  if (op === 'del') {
    const at = ns.routes.findIndex(
      (r) =>
        r.dst.ip === dst.ip &&
        r.dst.prefix === dst.prefix &&
        (parsed.via === undefined || r.via === parsed.via) &&
        (dev === undefined || r.dev === dev.id),
    );
    if (at >= 0) {
      ns.routes.splice(at, 1);
      return ok();
    }
    const connected = routeTable(world, place).some(
      (r) => r.proto === 'kernel' && r.dst.ip === dst.ip && r.dst.prefix === dst.prefix,
    );
    if (connected)
      return notSimulated(
        `deleting the connected route ${formatAddress(dst)} is not simulated; delete the address instead`,
      );
    return rtnetlink('No such process');
  }
  if (networkOf(dst.ip, dst.prefix) !== dst.ip) return kernelError('Invalid prefix for given prefix length');
  let out: Link | undefined = dev;
  if (parsed.via !== undefined) {
    out = gatewayLink(world, place, parsed.via, dev);
    if (!out) return kernelError('Nexthop has invalid gateway');
  } else if (!dev) return rtnetlink('No such device');
  else if (!dev.up) return kernelError('Device for nexthop is not up');
  const existing = routeTable(world, place).find((r) => r.dst.ip === dst.ip && r.dst.prefix === dst.prefix);
  if (existing && op === 'add') return rtnetlink('File exists');
  if (existing && existing.proto === 'kernel')
    return notSimulated(`replacing the connected route ${formatAddress(dst)} is not simulated`);
  if (existing) ns.routes = ns.routes.filter((r) => !(r.dst.ip === dst.ip && r.dst.prefix === dst.prefix));
  ns.routes.push({
    dst,
    ...(parsed.via !== undefined ? { via: parsed.via } : {}),
    dev: out!.id,
    scope: parsed.via !== undefined ? 'global' : 'link',
    seq: world.nextRouteSeq++,
  });
  return ok();
}

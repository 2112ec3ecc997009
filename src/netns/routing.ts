// The routing table of a namespace as the kernel keeps it: connected routes from the addresses
// on up links, the routes the learner added, local addresses first, then the longest prefix.
import { inPrefix, ipToInt, networkOf } from './ipv4';
import type { Address, Link, Place, StaticRoute, World } from './types';
import { hasCarrier, linkById, linksIn, namespaceOf } from './world';

/** A route as `ip route` lists it (connected ones are derived here, never stored). */
export interface RouteEntry {
  readonly dst: Address;
  readonly via?: string;
  readonly dev: Link;
  readonly proto: 'kernel' | 'boot';
  readonly scope: 'link' | 'global';
  /** Preferred source (connected routes). */
  readonly src?: string;
  /** The output link has no carrier (`linkdown`). */
  readonly linkdown: boolean;
  readonly seq: number;
}

export type Lookup =
  { readonly kind: 'local'; readonly link: Link } | { readonly kind: 'unicast'; readonly route: RouteEntry };

/** Connected routes, one per address on an up link (duplicate prefixes: the first address). */
function connectedRoutes(world: World, place: Place): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const link of linksIn(world, place)) {
    if (!link.up || link.kind === 'loopback') continue;
    for (const a of link.addrs) {
      const dst = { ip: networkOf(a.ip, a.prefix), prefix: a.prefix };
      if (out.some((r) => r.dev.id === link.id && r.dst.ip === dst.ip && r.dst.prefix === dst.prefix))
        continue;
      out.push({
        dst,
        dev: link,
        proto: 'kernel',
        scope: 'link',
        src: a.ip,
        linkdown: !hasCarrier(world, link),
        seq: 0,
      });
    }
  }
  return out;
}

function staticEntry(world: World, r: StaticRoute): RouteEntry {
  const dev = linkById(world, r.dev);
  return {
    dst: r.dst,
    ...(r.via !== undefined ? { via: r.via } : {}),
    dev,
    proto: 'boot',
    scope: r.scope,
    linkdown: !hasCarrier(world, dev),
    seq: r.seq,
  };
}

/** The main table in the order `ip route` prints it: by destination, then prefix length. */
export function routeTable(world: World, place: Place): RouteEntry[] {
  const ns = namespaceOf(world, place);
  const all = [...connectedRoutes(world, place), ...ns.routes.map((r) => staticEntry(world, r))];
  return all.sort(
    (a, b) => ipToInt(a.dst.ip) - ipToInt(b.dst.ip) || a.dst.prefix - b.dst.prefix || a.seq - b.seq,
  );
}

/**
 * The link that makes `ip` local to this namespace. An address counts while its link is up;
 * lo keeps 127.0.0.0/8 once it has been up (its packets are dropped while it is down).
 */
export function localLink(world: World, place: Place, ip: string): Link | undefined {
  for (const link of linksIn(world, place)) {
    if (link.kind === 'loopback') {
      if (link.everUp && link.addrs.some((a) => inPrefix(ip, a))) return link;
    } else if (link.up && link.addrs.some((a) => a.ip === ip)) return link;
  }
  return undefined;
}

/** Longest-prefix match; ties keep the kernel's order (connected first, then insertion). */
export function lookupRoute(world: World, place: Place, ip: string): Lookup | undefined {
  const local = localLink(world, place, ip);
  if (local) return { kind: 'local', link: local };
  let best: RouteEntry | undefined;
  for (const r of routeTable(world, place)) {
    if (!inPrefix(ip, r.dst)) continue;
    if (!best || r.dst.prefix > best.dst.prefix) best = r;
  }
  return best ? { kind: 'unicast', route: best } : undefined;
}

/**
 * The kernel's check of a gateway: it must be reachable on-link, that is through a route with
 * link scope (a connected network of an up link, or a `dev` route), on `dev` when one is given.
 */
export function gatewayLink(world: World, place: Place, gw: string, dev?: Link): Link | undefined {
  const local = localLink(world, place, gw);
  if (local && (!dev || dev.id === local.id)) return local;
  let best: RouteEntry | undefined;
  for (const r of routeTable(world, place)) {
    if (r.scope !== 'link' || !inPrefix(gw, r.dst)) continue;
    if (dev && r.dev.id !== dev.id) continue;
    if (!best || r.dst.prefix > best.dst.prefix) best = r;
  }
  return best?.dev;
}

/**
 * The source address the kernel picks for a packet leaving by `route`: the route's preferred
 * source, else an address of the output link (one on the gateway's network first), else any
 * global address of the namespace.
 */
export function sourceAddress(world: World, place: Place, route: RouteEntry): string | undefined {
  if (route.src) return route.src;
  const target = route.via;
  const onDev = route.dev.addrs;
  const sameNet = target ? onDev.find((a) => inPrefix(target, a)) : undefined;
  if (sameNet) return sameNet.ip;
  if (onDev[0]) return onDev[0].ip;
  for (const link of linksIn(world, place)) {
    if (link.kind === 'loopback' || !link.up) continue;
    if (link.addrs[0]) return link.addrs[0].ip;
  }
  return undefined;
}

/** Drops the learner's routes that leave by `link` (the kernel flushes them when it goes down). */
export function flushRoutesVia(world: World, place: Place, link: Link): void {
  const ns = namespaceOf(world, place);
  ns.routes = ns.routes.filter((r) => r.dev !== link.id);
}

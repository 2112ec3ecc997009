// A route as `ip route` prints it. Kept apart from topology.ts so views can word routes
// without pulling the topology builder into the page's first bundle.
/** One entry of a routing table. */
export interface Route {
  /** A CIDR, or `default`. */
  readonly destination: string;
  /** The next hop; absent for a connected (on-link) route. */
  readonly via?: string;
  readonly dev: string;
  /** Who installed it: `kernel` for an address's connected route, `bird` for calico's BGP. */
  readonly proto?: string;
  /** `link` for a connected route. */
  readonly scope?: 'link';
  /** The preferred source address of a connected route. */
  readonly src?: string;
  /** The next hop is on the device even though no address of it covers the next hop (tunnels). */
  readonly onlink?: boolean;
  readonly mtu?: number;
}

export function formatRoute(r: Route): string {
  return formatRouteWith(r, (dev) => dev);
}

/** The same, with `name` wrapping the device name, which may be the user's (a bridge name): the page isolates it. */
export function formatRouteWith(r: Route, name: (dev: string) => string): string {
  return [
    r.destination,
    r.via && `via ${r.via}`,
    `dev ${name(r.dev)}`,
    r.proto && `proto ${r.proto}`,
    r.scope && `scope ${r.scope}`,
    r.src && `src ${r.src}`,
    r.onlink && 'onlink',
    r.mtu !== undefined && `mtu ${r.mtu}`,
  ]
    .filter(Boolean)
    .join(' ');
}

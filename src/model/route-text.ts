// A route as `ip route` prints it. Kept apart from topology.ts so views can word routes
// without pulling the topology builder into the page's first bundle.
import type { Route } from './topology';

export function formatRoute(r: Route): string {
  return formatRouteWith(r, (dev) => dev);
}

/** The same, with `name` wrapping the device name, which may be the user's (a bridge name): the page isolates it. */
export function formatRouteWith(r: Route, name: (dev: string) => string): string {
  return [
    r.destination,
    r.via && `via ${r.via}`,
    `dev ${name(r.dev)}`,
    r.scope && `scope ${r.scope}`,
    r.src && `src ${r.src}`,
  ]
    .filter(Boolean)
    .join(' ');
}

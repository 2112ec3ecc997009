// A route as `ip route` prints it. Kept apart from topology.ts so views can word routes
// without pulling the topology builder into the page's first bundle.
import type { Route } from './topology';

export function formatRoute(r: Route): string {
  return [
    r.destination,
    r.via && `via ${r.via}`,
    `dev ${r.dev}`,
    r.scope && `scope ${r.scope}`,
    r.src && `src ${r.src}`,
  ]
    .filter(Boolean)
    .join(' ');
}

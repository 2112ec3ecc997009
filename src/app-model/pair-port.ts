// When two pods are picked, the flow is explained on a port the destination actually uses: the
// port shown stays if the destination declares it, else the destination's first declared port.
import type { ModelView } from './model-view';

/** The index into `view.ports` to explain `to` on, starting from the one shown now. */
export function portIndexForPair(
  view: Pick<ModelView, 'ports' | 'topology'>,
  to: string,
  current: number,
): number {
  const dest = view.topology.pods.find((p) => p.key === to);
  const declared = dest?.containers.flatMap((c) => c.ports) ?? [];
  const shown = view.ports[current];
  if (
    declared.length === 0 ||
    (shown && declared.some((p) => p.containerPort === shown.port && p.protocol === shown.protocol))
  )
    return current;
  for (const p of declared) {
    const i = view.ports.findIndex((q) => q.port === p.containerPort && q.protocol === p.protocol);
    if (i >= 0) return i;
  }
  return current;
}

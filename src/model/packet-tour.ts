// "Run all": the flows that tell a tiered app's story, read off its Services in scenario order.
// Services are taken as tiers: the outside reaches the first NodePort/LoadBalancer Service, each
// tier's pods call the next tier's Service, and each tier also tries the tier after next (the
// shortcut a least-privilege policy should stop: web → db).
import type { FlowPort } from '../engine/match';
import type { Topology, TopologyService } from './topology';

export interface TourFlow {
  readonly from: string;
  readonly to: string;
  readonly port: FlowPort;
  /** Why this flow is in the tour: a tier call, or the shortcut that skips a tier. */
  readonly role: 'entry' | 'tier' | 'skip';
}

const reachable = (s: TopologyService): boolean => s.endpoints.length > 0 && s.ports.length > 0;

export function packetTour(topology: Topology): TourFlow[] {
  // The scenario's own Services: the implicit kube-dns is no tier of its app.
  const tiers = topology.services.filter((s) => reachable(s) && !s.implicit);
  const flows: TourFlow[] = [];
  const firstNode = topology.nodes.find((n) => n.internalIP);
  const outside = topology.externals[0];
  for (const s of tiers) {
    const p = s.ports[0]!;
    if (outside && firstNode && (s.type === 'NodePort' || s.type === 'LoadBalancer') && p.nodePort) {
      flows.push({
        from: outside.name,
        to: `${firstNode.internalIP}:${p.nodePort}`,
        port: { port: p.nodePort, protocol: p.protocol },
        role: 'entry',
      });
    }
  }
  const call = (fromTier: TopologyService, toTier: TopologyService, role: TourFlow['role']) => {
    const p = toTier.ports[0]!;
    const source = fromTier.endpoints.find((e) => !toTier.endpoints.includes(e));
    if (source)
      flows.push({
        from: source,
        to: `svc:${toTier.key}`,
        port: { port: p.port, protocol: p.protocol },
        role,
      });
  };
  tiers.forEach((s, i) => {
    if (i > 0) call(tiers[i - 1]!, s, 'tier');
  });
  tiers.forEach((s, i) => {
    if (i > 1) call(tiers[i - 2]!, s, 'skip');
  });
  return flows;
}

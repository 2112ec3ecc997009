// Pods that hold no IP — finished Job pods, pods still Pending (with IPAM's reason when their
// node's range is used up) — listed apart and greyed: in the files, but no flow's endpoint.
import type { InactivePodInfo } from '../../app-model/model-view';
import { fill } from '../../lib/text';
import { useRealClusterText } from '../real-cluster-text';
import { TID } from '../testIds';
import { useNetlab } from '../use-netlab';

export function InactivePods({ pods }: { pods: readonly InactivePodInfo[] }) {
  const t = useRealClusterText();
  const locale = useNetlab((s) => s.locale);
  if (pods.length === 0) return null;
  const why = {
    completed: t.completed,
    failed: t.failed,
    'no-ip': t.noIp,
    'no-free-address': t.noFreeAddress,
  } as const;
  return (
    <details className="inactive-pods" data-testid={TID.graphInactive}>
      <summary>{fill(t.inactiveTitle, { count: pods.length })}</summary>
      <p className="help">{t.inactiveHelp}</p>
      <ul>
        {pods.map((p) => (
          <li key={p.key} className="inactive" data-testid={TID.graphInactivePod} data-pod={p.key}>
            {p.key} — {p.phase}, {p.reason ? p.reason[locale] : why[p.why]}
            {p.lastIp !== undefined && <span className="ip"> ({fill(t.lastIp, { ip: p.lastIp })})</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

// Pods that hold no IP — finished Job pods, pods still Pending — listed apart and greyed: they
// are in the files but no flow's endpoint, and their old IPs may belong to live pods now.
import type { InactivePodInfo } from '../../app-model/model-view';
import { fill } from '../../lib/text';
import { useRealClusterText } from '../real-cluster-text';
import { TID } from '../testIds';

export function InactivePods({ pods }: { pods: readonly InactivePodInfo[] }) {
  const t = useRealClusterText();
  if (pods.length === 0) return null;
  const why = { completed: t.completed, failed: t.failed, 'no-ip': t.noIp } as const;
  return (
    <details className="inactive-pods" data-testid={TID.graphInactive}>
      <summary>{fill(t.inactiveTitle, { count: pods.length })}</summary>
      <p className="help">{t.inactiveHelp}</p>
      <ul>
        {pods.map((p) => (
          <li key={p.key} className="inactive">
            {p.key} — {p.phase}, {why[p.why]}
            {p.lastIp !== undefined && <span className="ip"> ({fill(t.lastIp, { ip: p.lastIp })})</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

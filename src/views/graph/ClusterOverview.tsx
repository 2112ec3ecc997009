// In place of the graph when the scene has more pods than it draws usefully: the namespaces and
// their workloads with pod counts (a few hundred rows at most), not tens of thousands of shapes.
import { useState } from 'react';
import type { ClusterOverview as Overview, NamespaceSummary } from '../../model/overview';
import { GRAPH_POD_LIMIT } from '../../app-model/page-view';
import { fill, useUiText } from '../i18n';
import { TID } from '../testIds';

/** Namespaces listed; the rest are counted. */
const MAX_NAMESPACES = 200;
/** Workloads listed per namespace. */
const MAX_WORKLOADS = 50;

/** A namespace's workloads, listed once the learner opens them. */
function Workloads({ ns }: { ns: NamespaceSummary }) {
  const [open, setOpen] = useState(false);
  if (ns.workloads.length === 0) return null;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{ns.workloads.length.toLocaleString()}</summary>
      {open && (
        <ul>
          {ns.workloads.slice(0, MAX_WORKLOADS).map((w) => (
            <li key={w.name}>
              {w.name} × {w.pods.toLocaleString()}
            </li>
          ))}
          {ns.workloads.length > MAX_WORKLOADS && <li>…</li>}
        </ul>
      )}
    </details>
  );
}

export function ClusterOverview({ overview }: { overview: Overview }) {
  const t = useUiText();
  const shown = overview.namespaces.slice(0, MAX_NAMESPACES);
  return (
    <section aria-labelledby="overview-title" className="panel graph-panel" data-testid={TID.graph}>
      <h2 id="overview-title">{t.overviewTitle}</h2>
      <p className="help" role="status" data-testid={TID.graphOverview}>
        {fill(t.overviewSaid, {
          pods: overview.pods.toLocaleString(),
          limit: GRAPH_POD_LIMIT.toLocaleString(),
        })}
      </p>
      <table className="overview">
        <thead>
          <tr>
            <th scope="col">{t.overviewNamespace}</th>
            <th scope="col">{t.overviewPods}</th>
            <th scope="col">{t.overviewPolicies}</th>
            <th scope="col">{t.overviewWorkloads}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((ns) => (
            <tr key={ns.name}>
              <th scope="row">{ns.name}</th>
              <td>{ns.pods.toLocaleString()}</td>
              <td>{ns.policies.toLocaleString()}</td>
              <td>
                <Workloads ns={ns} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.namespaces.length > shown.length && (
        <p className="help">{fill(t.overviewMore, { count: overview.namespaces.length - shown.length })}</p>
      )}
    </section>
  );
}

// The matrix per workload or namespace: for each pair of groups, whether all, some (a of b) or
// none of their pod flows are allowed — words and signs, never colour alone. A cell explains its
// first pod pair; a row header drills down to that group's pods.
import type { SearchTerms } from '../../app-model/endpoint-search';
import { matches } from '../../app-model/endpoint-search';
import { firstPair, groupCount } from '../../app-model/group-cells';
import type { GroupInfo } from '../../app-model/model-view';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { useRealClusterText } from '../real-cluster-text';
import { TID } from '../testIds';
import { useNetlab, useScenarioModel } from '../use-netlab';

/** Rows and columns shown at most, as in the pod matrix. */
const GROUP_LIMIT = 30;

export function GroupMatrix({
  by,
  portIndex,
  rows,
  columns,
  onDrillDown,
}: {
  by: 'workload' | 'namespace';
  portIndex: number;
  rows: SearchTerms;
  columns: SearchTerms;
  onDrillDown(label: string): void;
}) {
  const { model } = useScenarioModel();
  const t = useUiText();
  const rc = useRealClusterText();
  const selectFlow = useNetlab((s) => s.selectFlow);
  const port = model.ports[portIndex]!;
  const groups = model.groups[by];
  const keep = (terms: SearchTerms) => (g: GroupInfo) =>
    g.members.some((i) => matches(model.endpoints[i]!, terms));
  const rowGroups = groups.filter(keep(rows));
  const columnGroups = groups.filter(keep(columns));
  const shownRows = rowGroups.slice(0, GROUP_LIMIT);
  const shownColumns = columnGroups.slice(0, GROUP_LIMIT);
  const kind = (g: GroupInfo) => (g.kind === 'Namespace' || g.kind === 'External' ? '' : ` (${g.kind})`);
  return (
    <>
      {(rowGroups.length > shownRows.length || columnGroups.length > shownColumns.length) && (
        <p className="help" role="status">
          {fill(rc.groupsCapped, {
            shown: Math.max(shownRows.length, shownColumns.length),
            total: Math.max(rowGroups.length, columnGroups.length),
          })}
        </p>
      )}
      <div className="matrix-scroll">
        <table className="matrix">
          <caption>
            {t.matrix} — {port.port}/{port.protocol}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {t.from} \ {t.to}
              </th>
              {shownColumns.map((g) => (
                <th scope="col" key={g.key}>
                  {g.label}
                  <span className="kind">{kind(g)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((from) => (
              <tr key={from.key}>
                <th scope="row">
                  {from.kind === 'External' ? (
                    from.label
                  ) : (
                    <button
                      type="button"
                      className="link"
                      data-testid={TID.matrixDrillDown}
                      title={fill(rc.drillDown, { group: from.label })}
                      onClick={() => onDrillDown(from.label)}
                    >
                      {from.label}
                      <span className="kind">{kind(from)}</span>
                    </button>
                  )}
                </th>
                {shownColumns.map((to) => {
                  const c = groupCount(model, portIndex, from, to);
                  const pair = firstPair(from, to);
                  if (c.total === 0 || !pair)
                    return (
                      <td key={to.key} className="na" title={rc.groupNa}>
                        <span aria-label={rc.groupNa}>·</span>
                      </td>
                    );
                  const verdict = c.allowed === c.total ? 'all' : c.allowed === 0 ? 'none' : 'some';
                  const words =
                    verdict === 'all'
                      ? `✓ ${rc.groupAll}`
                      : verdict === 'none'
                        ? `✗ ${rc.groupNone}`
                        : `~ ${fill(rc.groupSome, { allowed: c.allowed, total: c.total })}`;
                  return (
                    <td
                      key={to.key}
                      className={verdict === 'all' ? 'allow' : verdict === 'none' ? 'deny' : 'some'}
                    >
                      <button
                        type="button"
                        data-testid={TID.matrixGroupCell}
                        data-from={from.key}
                        data-to={to.key}
                        data-verdict={verdict}
                        aria-label={`${from.label} → ${to.label} ${port.port}/${port.protocol}: ${words}`}
                        onClick={() =>
                          selectFlow({
                            from: model.endpoints[pair.from]!.key,
                            to: model.endpoints[pair.to]!.key,
                          })
                        }
                      >
                        {words}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

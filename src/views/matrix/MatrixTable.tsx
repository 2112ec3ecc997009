// The reachability matrix: one table per chosen port, ✓/✗ with words (never colour alone),
// every cell a button so the keyboard reaches each flow.
import { effectiveVerdict, notEnforcedBanner } from '../../model/enforcement';
import { flowKey, isAllowed, type EndpointInfo } from '../../app-model/model-view';
import { AfterTheGraph, useNetlab, useScenarioModel, useViewBehind } from '../use-netlab';
import { useMatrixPort } from '../use-matrix-port';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { memo, useMemo, useState } from 'react';
import {
  joinMatrixFilter,
  matches,
  parseMatrixFilter,
  splitMatrixFilter,
} from '../../app-model/endpoint-search';
import { useRealClusterText } from '../real-cluster-text';
import { BaselineControl } from './BaselineControl';
import { GroupMatrix } from './GroupMatrix';
import { useProgressiveItems } from '../useProgressiveItems';
import { UNSEEN_PREFIX } from '../../lesson/unseen-peers';
import { isRevealed } from '../../store/predict-state';
import { PredictControls } from '../workspace/PredictControls';
import { useWorkspaceText } from '../workspace/workspace-text';

export function endpointLabel(e: EndpointInfo): string {
  if (e.kind === 'pod') return e.key;
  return e.name ? `${e.name} (${e.key})` : e.key;
}

/** Rows and columns the table shows at most: beyond this a table stops being readable. */
export const MATRIX_LIMIT = 30;
/** Matrix rows mounted per animation frame when a new matrix appears (each is up to 30 cells). */
const MATRIX_ROWS_PER_FRAME = 6;
const rowKey = (row: { e: EndpointInfo }): string => row.e.key;

/** A peer the scenario does not have, drawn because the learner asked to see it. */
export const isUnseen = (e: EndpointInfo): boolean =>
  e.kind === 'pod'
    ? e.key.startsWith(UNSEEN_PREFIX, e.key.indexOf('/') + 1)
    : (e.name ?? '').startsWith(UNSEEN_PREFIX);

function EndpointHeader({ e }: { e: EndpointInfo }) {
  const t = useUiText();
  const tag = isUnseen(e) ? (
    <span className="unseen-tag">{t.unseenTag}</span>
  ) : e.implicit ? (
    <span className="unseen-tag" title={t.implicitWhy}>
      {t.implicitMark}
    </span>
  ) : null;
  if (e.kind === 'external' && e.name) {
    return (
      <>
        {e.name} <span className="ip">{e.key}</span> {tag}
      </>
    );
  }
  return (
    <>
      {e.key} {tag}
    </>
  );
}

interface Picked {
  /** The first matching rows (or columns) up to the limit, and every unseen peer after them: never cut. */
  readonly shown: readonly { e: EndpointInfo; index: number }[];
  /** How many endpoints match in all. */
  readonly total: number;
}

/** One pass over the endpoints (23,000 in a big dump): only what is shown is kept. */
export function pickShown(endpoints: readonly EndpointInfo[], test: (e: EndpointInfo) => boolean): Picked {
  const seen: { e: EndpointInfo; index: number }[] = [];
  const unseen: { e: EndpointInfo; index: number }[] = [];
  let total = 0;
  endpoints.forEach((e, index) => {
    if (!test(e)) return;
    total++;
    if (isUnseen(e)) unseen.push({ e, index });
    else if (seen.length < MATRIX_LIMIT) seen.push({ e, index });
  });
  return { shown: [...seen.slice(0, Math.max(0, MATRIX_LIMIT - unseen.length)), ...unseen], total };
}

/**
 * The matrix. It takes a new view after the graph has (<AfterTheGraph>). For a scene too big to
 * draw (the graph shows the overview) that background render of a 23,000-pod matrix takes a
 * while, and meanwhile it says what it is doing.
 */
export function MatrixTable() {
  return (
    <AfterTheGraph>
      <MatrixTableOrProgress />
    </AfterTheGraph>
  );
}

function MatrixTableOrProgress() {
  const behind = useViewBehind();
  const overviewTotal = useNetlab((s) => (s.view?.model.overview ? s.view.model.endpoints.length : null));
  const t = useUiText();
  if (behind && overviewTotal !== null)
    return (
      <section aria-labelledby="matrix-title" className="panel">
        <h2 id="matrix-title">{t.matrix}</h2>
        <p role="status">{fill(t.matrixDrawing, { total: overviewTotal.toLocaleString() })}</p>
      </section>
    );
  return <MatrixTableNow />;
}

/** Memoised: a render that only flips the 'behind' flag leaves the shown matrix alone. */
const MatrixTableNow = memo(function MatrixTableNow() {
  const { model, changes, revision } = useScenarioModel();
  const filter = useNetlab((s) => s.matrixFilter);
  const setFilter = useNetlab((s) => s.setMatrixFilter);
  const t = useUiText();
  const { index: portIndex, missing } = useMatrixPort();
  const setMatrixPort = useNetlab((s) => s.setMatrixPort);
  const selected = useNetlab((s) => s.selectedFlow);
  const selectFlow = useNetlab((s) => s.selectFlow);
  const port = model.ports[portIndex]!;
  // Under flannel or bridge the policies' ✗ is what they say, not what happens (model/enforcement).
  const cni = model.topology.profile.cni;
  const locale = useNetlab((s) => s.locale);
  const enforcement = effectiveVerdict(false, cni);
  const rc = useRealClusterText();
  const [by, setBy] = useState<'pod' | 'workload' | 'namespace'>('pod');
  const sides = splitMatrixFilter(filter);
  const terms = parseMatrixFilter(filter);
  // The implicit CoreDNS pods are drawn in the graph; the matrix lists them when asked (a projector's rows are few).
  const [showImplicit, setShowImplicit] = useState(false);
  const hasImplicit = useMemo(() => model.endpoints.some((e) => e.implicit), [model.endpoints]);
  const rows = useMemo(() => {
    const { rows } = parseMatrixFilter(filter);
    return pickShown(model.endpoints, (e) => (showImplicit || !e.implicit) && matches(e, rows));
  }, [model.endpoints, filter, showImplicit]);
  const columns = useMemo(() => {
    const { columns } = parseMatrixFilter(filter);
    return pickShown(model.endpoints, (e) => (showImplicit || !e.implicit) && matches(e, columns));
  }, [model.endpoints, filter, showImplicit]);
  const unseenGroup = useNetlab((s) => s.unseen.group);
  const setUnseenGroup = useNetlab((s) => s.setUnseenGroup);
  // Unseen peers come last and are never cut: they are what the learner asked to see.
  const shown = rows.shown;
  const shownColumns = columns.shown;
  // A new matrix joins a few rows a frame: 30 × 30 cells at once are a 100 ms layout.
  const drawnRows = useProgressiveItems(shown, rowKey, MATRIX_ROWS_PER_FRAME);
  const predict = useNetlab((s) => s.predict);
  const revealCells = useNetlab((s) => s.revealCells);
  const w = useWorkspaceText();
  // "Predict first": the cells in reading order, for revealing one after another.
  const cellKeys = shown.flatMap(({ e: from }) =>
    shownColumns
      .filter(({ e: to }) => from.kind !== 'external' || to.kind !== 'external')
      .map(({ e: to }) => flowKey(from.key, to.key, port)),
  );

  return (
    <section aria-labelledby="matrix-title" className="panel">
      <h2 id="matrix-title">{t.matrix}</h2>
      <p className="help">{t.matrixHelp}</p>
      <label>
        {t.port}{' '}
        <select
          data-testid={TID.matrixPort}
          value={portIndex}
          onChange={(e) => setMatrixPort(model.ports[Number(e.target.value)] ?? null)}
        >
          {model.ports.map((p, i) => (
            <option key={`${p.port}/${p.protocol}`} value={i}>
              {p.port}/{p.protocol}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {rc.groupBy}{' '}
        <select
          data-testid={TID.matrixGroupBy}
          value={by}
          onChange={(e) => setBy(e.target.value as typeof by)}
        >
          <option value="pod">{rc.byPod}</option>
          <option value="workload">{rc.byWorkload}</option>
          <option value="namespace">{rc.byNamespace}</option>
        </select>
      </label>{' '}
      <label>
        {sides.columns === null ? t.matrixFilter : rc.rows}{' '}
        <input
          type="search"
          data-testid={TID.matrixFilter}
          value={sides.rows}
          onChange={(e) => setFilter(joinMatrixFilter(e.target.value, sides.columns))}
          placeholder={rc.filterHint}
          title={t.matrixFilterHint}
        />
      </label>{' '}
      <label>
        <input
          type="checkbox"
          data-testid={TID.matrixSameColumns}
          checked={sides.columns === null}
          onChange={(e) => setFilter(joinMatrixFilter(sides.rows, e.target.checked ? null : ''))}
        />{' '}
        {rc.sameColumns}
      </label>
      {sides.columns !== null && (
        <label>
          {' '}
          {rc.columns}{' '}
          <input
            type="search"
            data-testid={TID.matrixColumnsFilter}
            value={sides.columns}
            onChange={(e) => setFilter(joinMatrixFilter(sides.rows, e.target.value))}
            placeholder={rc.filterHint}
          />
        </label>
      )}
      {missing && (
        <p className="help" role="status">
          {fill(t.matrixPortGone, {
            port: `${missing.port}/${missing.protocol}`,
            shown: `${port.port}/${port.protocol}`,
          })}
        </p>
      )}
      <label className="unseen-switch">
        <input
          type="checkbox"
          data-testid={TID.matrixUnseen}
          checked={unseenGroup}
          onChange={(e) => setUnseenGroup(e.target.checked)}
        />{' '}
        {t.matrixUnseen}
      </label>
      {hasImplicit && (
        <label className="unseen-switch">
          <input
            type="checkbox"
            data-testid={TID.matrixImplicit}
            checked={showImplicit}
            onChange={(e) => setShowImplicit(e.target.checked)}
          />{' '}
          {t.matrixImplicit}
        </label>
      )}
      {!enforcement.enforced && (
        <p className="not-enforced-banner" role="note" data-testid={TID.matrixNotEnforced}>
          <strong>⚠ </strong>
          {notEnforcedBanner(cni)[locale]}
        </p>
      )}
      <PredictControls cells={cellKeys} />
      <BaselineControl />
      {by !== 'pod' ? (
        <GroupMatrix
          by={by}
          portIndex={portIndex}
          rows={terms.rows}
          columns={terms.columns}
          onDrillDown={(label) => {
            setBy('pod');
            setFilter(by === 'workload' ? `w:${label}` : `ns:${label}`);
          }}
        />
      ) : (
        podMatrix()
      )}
    </section>
  );

  function podMatrix() {
    return (
      <>
        {(rows.total > shown.length || columns.total > shownColumns.length) && (
          <p className="help" role="status">
            {fill(t.matrixCapped, {
              shown: Math.max(shown.length, shownColumns.length),
              total: Math.max(rows.total, columns.total),
            })}
          </p>
        )}
        <div className="matrix-scroll" data-revision={revision}>
          <table className="matrix">
            <caption>
              {t.matrix} — {port.port}/{port.protocol}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  {t.from} \ {t.to}
                </th>
                {shownColumns.map(({ e }) => (
                  <th scope="col" key={e.key} className={isUnseen(e) ? 'unseen' : undefined}>
                    <EndpointHeader e={e} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {drawnRows.map(({ e: from, index: s }) => (
                <tr key={from.key} className={isUnseen(from) ? 'unseen' : undefined}>
                  <th scope="row">
                    <EndpointHeader e={from} />
                  </th>
                  {shownColumns.map(({ e: to, index: d }) => {
                    if (from.kind === 'external' && to.kind === 'external') {
                      return (
                        <td key={to.key} className="na" title={t.notApplicable}>
                          <span aria-label={t.notApplicable}>·</span>
                        </td>
                      );
                    }
                    const key = flowKey(from.key, to.key, port);
                    const isSelected = selected?.from === from.key && selected.to === to.key;
                    if (!isRevealed(predict, key)) {
                      return (
                        <td key={to.key} className="hidden-verdict">
                          <button
                            type="button"
                            data-testid={TID.matrixCell}
                            data-from={from.key}
                            data-to={to.key}
                            data-verdict="hidden"
                            aria-pressed={isSelected}
                            aria-label={`${endpointLabel(from)} → ${endpointLabel(to)} ${port.port}/${port.protocol}: ${w.hidden} (${w.revealCell})`}
                            onClick={() => {
                              revealCells([key]);
                              selectFlow({ from: from.key, to: to.key });
                            }}
                          >
                            ? <span className="visually-hidden">{w.hidden}</span>
                          </button>
                        </td>
                      );
                    }
                    const ok = isAllowed(model, portIndex, s, d);
                    const change = changes.get(key);
                    const changeText =
                      change === 'newly-allowed'
                        ? t.newlyAllowed
                        : change === 'newly-denied'
                          ? t.newlyDenied
                          : '';
                    const anyway = !ok && enforcement.note ? enforcement.note[locale] : '';
                    const label = `${endpointLabel(from)} → ${endpointLabel(to)} ${port.port}/${port.protocol}: ${ok ? t.allowed : t.denied}${anyway ? ` (${anyway})` : ''}${changeText ? ` (${changeText})` : ''}`;
                    return (
                      <td
                        key={to.key}
                        className={`${ok ? 'allow' : 'deny'}${change ? ' changed' : ''}${isUnseen(to) ? ' unseen' : ''}`}
                      >
                        <button
                          type="button"
                          data-testid={TID.matrixCell}
                          data-from={from.key}
                          data-to={to.key}
                          data-verdict={ok ? 'allow' : 'deny'}
                          data-effective={ok || anyway ? 'delivered' : 'dropped'}
                          data-change={change ?? ''}
                          aria-pressed={isSelected}
                          aria-label={label}
                          onClick={() => selectFlow({ from: from.key, to: to.key })}
                        >
                          {ok ? `✓ ${t.allow}` : `✗ ${t.deny}`}
                          {anyway && <span className="delivered-anyway">→ ✓ {anyway}</span>}
                          {changeText && <span className="change">{changeText}</span>}
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
});

// The reachability matrix: one table per chosen port, ✓/✗ with words (never colour alone),
// every cell a button so the keyboard reaches each flow.
import { flowKey, isAllowed, type EndpointInfo } from '../../app-model/model-view';
import { matrixPortIndex, missingMatrixPort } from '../../store/matrix-port';
import { useNetlab, useScenarioModel } from '../use-netlab';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { BaselineControl } from './BaselineControl';

export function endpointLabel(e: EndpointInfo): string {
  if (e.kind === 'pod') return e.key;
  return e.name ? `${e.name} (${e.key})` : e.key;
}

/** Rows and columns the table shows at most: beyond this a table stops being readable. */
export const MATRIX_LIMIT = 30;

function EndpointHeader({ e }: { e: EndpointInfo }) {
  if (e.kind === 'external' && e.name) {
    return (
      <>
        {e.name} <span className="ip">{e.key}</span>
      </>
    );
  }
  return <>{e.key}</>;
}

export function MatrixTable() {
  const { model, changes, revision } = useScenarioModel();
  const filter = useNetlab((s) => s.matrixFilter);
  const setFilter = useNetlab((s) => s.setMatrixFilter);
  const t = useUiText();
  const portIndex = useNetlab(matrixPortIndex);
  const missing = useNetlab(missingMatrixPort);
  const setMatrixPort = useNetlab((s) => s.setMatrixPort);
  const selected = useNetlab((s) => s.selectedFlow);
  const selectFlow = useNetlab((s) => s.selectFlow);
  const port = model.ports[portIndex]!;
  const needle = filter.trim().toLowerCase();
  const matching = model.endpoints
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => !needle || endpointLabel(e).toLowerCase().includes(needle));
  const shown = matching.slice(0, MATRIX_LIMIT);

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
        {t.matrixFilter}{' '}
        <input
          type="search"
          data-testid={TID.matrixFilter}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t.matrixFilterHint}
        />
      </label>
      {missing && (
        <p className="help" role="status">
          {fill(t.matrixPortGone, {
            port: `${missing.port}/${missing.protocol}`,
            shown: `${port.port}/${port.protocol}`,
          })}
        </p>
      )}
      <BaselineControl />
      {matching.length > shown.length && (
        <p className="help" role="status">
          {fill(t.matrixCapped, { shown: shown.length, total: matching.length })}
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
              {shown.map(({ e }) => (
                <th scope="col" key={e.key}>
                  <EndpointHeader e={e} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ e: from, index: s }) => (
              <tr key={from.key}>
                <th scope="row">
                  <EndpointHeader e={from} />
                </th>
                {shown.map(({ e: to, index: d }) => {
                  if (from.kind === 'external' && to.kind === 'external') {
                    return (
                      <td key={to.key} className="na" title={t.notApplicable}>
                        <span aria-label={t.notApplicable}>·</span>
                      </td>
                    );
                  }
                  const ok = isAllowed(model, portIndex, s, d);
                  const isSelected = selected?.from === from.key && selected.to === to.key;
                  const change = changes.get(flowKey(from.key, to.key, port));
                  const changeText =
                    change === 'newly-allowed'
                      ? t.newlyAllowed
                      : change === 'newly-denied'
                        ? t.newlyDenied
                        : '';
                  const label = `${endpointLabel(from)} → ${endpointLabel(to)} ${port.port}/${port.protocol}: ${ok ? t.allowed : t.denied}${changeText ? ` (${changeText})` : ''}`;
                  return (
                    <td key={to.key} className={`${ok ? 'allow' : 'deny'}${change ? ' changed' : ''}`}>
                      <button
                        type="button"
                        data-testid={TID.matrixCell}
                        data-from={from.key}
                        data-to={to.key}
                        data-verdict={ok ? 'allow' : 'deny'}
                        data-change={change ?? ''}
                        aria-pressed={isSelected}
                        aria-label={label}
                        onClick={() => selectFlow({ from: from.key, to: to.key })}
                      >
                        {ok ? `✓ ${t.allow}` : `✗ ${t.deny}`}
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
    </section>
  );
}

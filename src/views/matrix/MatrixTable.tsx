// The reachability matrix: one table per chosen port, ✓/✗ with words (never colour alone),
// every cell a button so the keyboard reaches each flow.
import type { Endpoint } from '../../engine/endpoints';
import { flowKey } from '../../store/derived-view';
import { useNetlab, useScenarioModel } from '../../store/use-netlab';
import { useUiText } from '../i18n';
import { TID } from '../testIds';

export function endpointLabel(e: Endpoint): string {
  if (e.kind === 'pod') return e.key;
  return e.name ? `${e.name} (${e.key})` : e.key;
}

export function MatrixTable() {
  const { model, changes } = useScenarioModel();
  const t = useUiText();
  const portIndex = Math.min(useNetlab((s) => s.portIndex), model.ports.length - 1);
  const setPortIndex = useNetlab((s) => s.setPortIndex);
  const selected = useNetlab((s) => s.selectedFlow);
  const selectFlow = useNetlab((s) => s.selectFlow);
  const port = model.ports[portIndex]!;
  const rows = model.matrix.allowed[portIndex]!;

  return (
    <section aria-labelledby="matrix-title" className="panel">
      <h2 id="matrix-title">{t.matrix}</h2>
      <p className="help">{t.matrixHelp}</p>
      <label>
        {t.port}{' '}
        <select data-testid={TID.matrixPort} value={portIndex} onChange={(e) => setPortIndex(Number(e.target.value))}>
          {model.ports.map((p, i) => (
            <option key={`${p.port}/${p.protocol}`} value={i}>
              {p.port}/{p.protocol}
            </option>
          ))}
        </select>
      </label>
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
              {model.endpoints.map((e) => (
                <th scope="col" key={e.key}>
                  {endpointLabel(e)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.endpoints.map((from, s) => (
              <tr key={from.key}>
                <th scope="row">{endpointLabel(from)}</th>
                {model.endpoints.map((to, d) => {
                  if (from.kind === 'external' && to.kind === 'external') {
                    return (
                      <td key={to.key} className="na" title={t.notApplicable}>
                        <span aria-label={t.notApplicable}>·</span>
                      </td>
                    );
                  }
                  const ok = rows[s]!.has(d);
                  const isSelected = selected?.from === from.key && selected.to === to.key;
                  const change = changes.get(flowKey(from.key, to.key, port));
                  const changeText = change === 'newly-allowed' ? t.newlyAllowed : change === 'newly-denied' ? t.newlyDenied : '';
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

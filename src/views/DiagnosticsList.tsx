// Errors and warnings of the scenario, located, with their teaching hints.
import { useNetlab, useScenarioModel } from './use-netlab';
import { useUiText } from './i18n';
import { TID } from './testIds';

export function DiagnosticsList() {
  const view = useScenarioModel();
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const list = view.diagnostics;
  return (
    <section aria-labelledby="problems-title" className="panel">
      <h2 id="problems-title">{t.problems}</h2>
      {view.stale && (
        <p role="status" className="banner">
          {t.staleModel}
        </p>
      )}
      {list.length === 0 ? (
        <p className="help">{t.noProblems}</p>
      ) : (
        <ul data-testid={TID.diagnostics} className="diagnostics">
          {list.map((d, i) => (
            <li key={i} className={d.severity}>
              <strong>{d.severity === 'error' ? `✗ ${t.error}` : `⚠ ${t.warning}`}</strong> {d.line}:{d.col}{' '}
              {d.message[locale]}
              {d.hint && <div className="hint">{d.hint[locale]}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

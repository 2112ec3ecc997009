// Errors and warnings of the scenario, located, with their teaching hints.
import { useNetlab, useScenarioModel } from './use-netlab';
import { fill, useUiText } from './i18n';
import { TID } from './testIds';

/** Problems listed at most: a dump with thousands of warnings must not add thousands of rows. */
export const MAX_LISTED_PROBLEMS = 300;

export function DiagnosticsList() {
  const view = useScenarioModel();
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const list = view.diagnostics.slice(0, MAX_LISTED_PROBLEMS);
  return (
    <section aria-labelledby="problems-title" className="panel">
      <h2 id="problems-title">{t.problems}</h2>
      {view.stale && (
        <p role="status" className="banner">
          {t.staleModel}
        </p>
      )}
      {view.diagnostics.length > list.length && (
        <p className="help">
          {fill(t.problemsCapped, { shown: list.length, total: view.diagnostics.length })}
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

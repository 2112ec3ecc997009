// Errors and warnings of the scenario, located, with their teaching hints.
import { useMemo } from 'react';
import type { Diagnostic } from '../lib/diagnostic';
import { groupDiagnostics, type DiagnosticGroup } from '../lib/diagnostic-groups';
import { useNetlab, useScenarioModel } from './use-netlab';
import { fill, useUiText } from './i18n';
import { TID } from './testIds';

/** Problems listed at most: a dump with thousands of warnings must not add thousands of rows. */
export const MAX_LISTED_PROBLEMS = 300;

export function DiagnosticsList() {
  const view = useScenarioModel();
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const all = view.diagnostics;
  // A dump can give one warning hundreds of times: a code seen more than five times is one line
  // with its count, expandable to its occurrences. At most MAX_LISTED_PROBLEMS rows (a folded
  // code is one row) and, in a folded code, at most that many occurrences.
  const { rows, listed } = useMemo(() => {
    const { groups } = groupDiagnostics(all);
    const byCode = new Map(groups.map((g) => [g.code, g]));
    const seen = new Set<string>();
    const out: ({ d: Diagnostic; index: number } | { group: DiagnosticGroup })[] = [];
    for (let index = 0; index < all.length && out.length < MAX_LISTED_PROBLEMS; index++) {
      const d = all[index]!;
      const g = byCode.get(d.code);
      if (!g) out.push({ d, index });
      else if (!seen.has(d.code)) {
        seen.add(d.code);
        out.push({ group: g });
      }
    }
    const count = out.reduce(
      (n, r) => n + ('group' in r ? Math.min(r.group.all.length, MAX_LISTED_PROBLEMS) : 1),
      0,
    );
    return { rows: out, listed: count };
  }, [all]);
  return (
    <section aria-labelledby="problems-title" className="panel">
      <h2 id="problems-title">{t.problems}</h2>
      {view.stale && (
        <p role="status" className="banner">
          {t.staleModel}
        </p>
      )}
      {all.length > listed && (
        <p className="help">{fill(t.problemsCapped, { shown: listed, total: all.length })}</p>
      )}
      {all.length === 0 ? (
        <p className="help">{t.noProblems}</p>
      ) : (
        <ul data-testid={TID.diagnostics} className="diagnostics">
          {rows.map((r) =>
            'group' in r ? (
              <li key={`g-${r.group.code}`} className={r.group.severity} data-testid={TID.diagnosticsGroup}>
                <details>
                  <summary>
                    <strong>{r.group.severity === 'error' ? `✗ ${t.error}` : `⚠ ${t.warning}`}</strong>{' '}
                    {r.group.all.length} × {r.group.code}: {r.group.shown[0]!.message[locale]}
                  </summary>
                  <ul>
                    {r.group.all.slice(0, MAX_LISTED_PROBLEMS).map((d, i) => (
                      <li key={i}>
                        {d.line}:{d.col} {d.message[locale]}
                        {d.hint && <div className="hint">{d.hint[locale]}</div>}
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ) : (
              <li key={r.index} className={r.d.severity}>
                <strong>{r.d.severity === 'error' ? `✗ ${t.error}` : `⚠ ${t.warning}`}</strong> {r.d.line}:
                {r.d.col} {r.d.message[locale]}
                {r.d.hint && <div className="hint">{r.d.hint[locale]}</div>}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

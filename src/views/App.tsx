// Panel layout only: what goes where. Each panel reads the store itself.
import type { Locale } from '../lib/diagnostic';
import { useNetlab } from '../store/use-netlab';
import { DiagnosticsList } from './DiagnosticsList';
import { useUiText } from './i18n';
import { FlowExplanation } from './matrix/FlowExplanation';
import { MatrixTable } from './matrix/MatrixTable';
import { TID } from './testIds';

export function App() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const setLocale = useNetlab((s) => s.setLocale);
  return (
    <>
      <header className="app-header">
        <h1>
          {t.title} <span className="tagline">{t.tagline}</span>
        </h1>
        <label>
          {t.language}{' '}
          <select data-testid={TID.language} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
      </header>
      <main data-testid={TID.appReady} className="layout">
        <MatrixTable />
        <FlowExplanation />
        <DiagnosticsList />
      </main>
    </>
  );
}

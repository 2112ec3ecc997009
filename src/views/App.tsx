// Panel layout only: what goes where. Each panel reads the store itself.
import { DiagnosticsList } from './DiagnosticsList';
import { ClusterGraph } from './graph/ClusterGraph';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { useUiText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { FlowExplanation } from './matrix/FlowExplanation';
import { MatrixTable } from './matrix/MatrixTable';
import { ModelReady } from './ModelReady';
import { ScenarioActions } from './ScenarioActions';
import { TID } from './testIds';

export function App() {
  const t = useUiText();
  return (
    <>
      <header className="app-header">
        <h1>
          {t.title} <span className="tagline">{t.tagline}</span>
        </h1>
        <ScenarioActions />
        <LanguageSwitch />
      </header>
      <main data-testid={TID.appReady} className="layout">
        <div className="area-graph">
          <ModelReady>
            <ClusterGraph />
          </ModelReady>
        </div>
        <div className="area-editor">
          <ScenarioEditor />
        </div>
        <div className="area-matrix">
          <ModelReady>
            <MatrixTable />
          </ModelReady>
        </div>
        <div className="area-why">
          <ModelReady>
            <FlowExplanation />
          </ModelReady>
        </div>
        <div className="area-problems">
          <ModelReady>
            <DiagnosticsList />
          </ModelReady>
        </div>
      </main>
    </>
  );
}

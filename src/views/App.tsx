// Panel layout only: what goes where. Each panel reads the store itself.
import type { ReactNode } from 'react';
import { DiagnosticsList } from './DiagnosticsList';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { ClusterGraph } from './graph/ClusterGraph';
import { useUiText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { LessonArea, LessonButtons } from './lesson/LessonEntry';
import { FlowExplanation } from './matrix/FlowExplanation';
import { MatrixTable } from './matrix/MatrixTable';
import { ModelProgress } from './ModelProgress';
import { ModelReady } from './ModelReady';
import { PacketPanel } from './packet/PacketPanel';
import { ScenarioActions } from './ScenarioActions';
import { ShareExport } from './share/ShareExport';
import { TID } from './testIds';
import { useNetlab } from '../store/use-netlab';

/** A grid area; panels that show the model wait for the first one. */
function Area({
  name,
  children,
  needsModel = true,
}: {
  name: string;
  children: ReactNode;
  needsModel?: boolean;
}) {
  return <div className={`area-${name}`}>{needsModel ? <ModelReady>{children}</ModelReady> : children}</div>;
}

export function App() {
  const t = useUiText();
  const lessonOpen = useNetlab((s) => s.lesson.route.view !== 'lab');
  const present = useNetlab((s) => s.lesson.present);
  return (
    <div className={`app${present ? ' presenting' : ''}`}>
      <header className="app-header">
        <h1>
          {t.title} <span className="tagline">{t.tagline}</span>
        </h1>
        <ScenarioActions />
        <ShareExport />
        <LessonButtons />
        <LanguageSwitch />
      </header>
      <ModelProgress />
      <main data-testid={TID.appReady} className={`layout${lessonOpen ? ' with-lesson' : ''}`}>
        {lessonOpen && (
          <Area name="lesson" needsModel={false}>
            <LessonArea />
          </Area>
        )}
        <Area name="graph">
          <ClusterGraph />
        </Area>
        <Area name="packets">
          <PacketPanel />
        </Area>
        <Area name="editor" needsModel={false}>
          <ScenarioEditor />
        </Area>
        <Area name="matrix">
          <MatrixTable />
        </Area>
        <Area name="why">
          <FlowExplanation />
        </Area>
        <Area name="problems">
          <DiagnosticsList />
        </Area>
      </main>
    </div>
  );
}

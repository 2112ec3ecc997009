// Panel layout only: what goes where. Each panel reads the store itself.
import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { ByHandToggle } from './console/ByHandToggle';
import { useByHandMode } from './console/lab-mode';
import { useUiText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { LessonArea, LessonButtons } from './lesson/LessonEntry';
import { ModelProgress } from './ModelProgress';
import { ModelReady } from './ModelReady';
import { ScenarioActions } from './ScenarioActions';
import { SaveWarning } from './SaveWarning';
import { ScenarioName } from './workspace/ScenarioName';
import { Workspace } from './workspace/Workspace';
import { ShareExport } from './share/ShareExport';
import { TID } from './testIds';
import { useNetlab } from './use-netlab';
import { LabSwitch } from './storage/LabSwitch';
import { LazyStorageLab } from './storage/LazyStorageLab';

// The By-hand lab is a chunk of its own: the first load carries none of the console or its lessons.
const ConsoleLab = lazy(() => import('./console/ConsoleLab').then((m) => ({ default: m.ConsoleLab })));

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
  const storage = useNetlab((s) => s.storageLab.mode !== 'network');
  /** The graph's <svg>: drawn by the graph panel, pictured by the share panel. */
  const graphSvg = useRef<SVGSVGElement>(null);
  const [byHand, setByHand] = useByHandMode();
  if (byHand)
    return (
      <div className="app" data-testid={TID.appRoot}>
        <header className="app-header">
          <h1>
            {t.title} <span className="tagline">{t.tagline}</span>
          </h1>
          <ByHandToggle on={byHand} set={setByHand} />
          <LanguageSwitch />
        </header>
        <main data-testid={TID.appReady} className="layout-byhand">
          <Suspense
            fallback={
              <p className="panel help" role="status" aria-busy="true">
                …
              </p>
            }
          >
            <ConsoleLab />
          </Suspense>
        </main>
      </div>
    );
  const lesson = lessonOpen && (
    <Area name="lesson" needsModel={false}>
      <LessonArea />
    </Area>
  );
  return (
    <div
      className={`app${present ? ' presenting' : ''}${storage ? '' : ' workspace-app'}`}
      data-testid={TID.appRoot}
    >
      <header className="app-header">
        <h1>
          {t.title} <span className="tagline">{t.tagline}</span>
        </h1>
        {!storage && <ScenarioName />}
        <LabSwitch />
        <ScenarioActions />
        <ShareExport graphSvg={graphSvg} />
        <LessonButtons />
        <ByHandToggle on={byHand} set={setByHand} />
        <LanguageSwitch />
      </header>
      <SaveWarning />
      <ModelProgress />
      {storage ? (
        <main data-testid={TID.appReady} className={`storage-layout${lessonOpen ? ' with-lesson' : ''}`}>
          {lesson}
          <LazyStorageLab />
        </main>
      ) : (
        <Workspace lesson={lesson} graphSvg={graphSvg} />
      )}
    </div>
  );
}

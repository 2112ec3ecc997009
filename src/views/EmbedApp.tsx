// The embed view: the graph, plus the panels the author asked for, at the size of the frame (the
// lesson panel beside the rest). The click-to-load cover (?ctl=1) comes before all this: boot.ts.
import { useContext, useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { EmbedTabs, type EmbedTab } from './EmbedTabs';
import { fullLabUrl } from '../services/share';
import type { EmbedOptions } from '../services/embed-protocol';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { ClusterGraph } from './graph/ClusterGraph';
import { useUiText } from './i18n';
import { LessonArea } from './lesson/LessonEntry';
import { FlowExplanation } from './matrix/FlowExplanation';
import { MatrixTable } from './matrix/MatrixTable';
import { ModelReady } from './ModelReady';
import { PacketPanel } from './packet/PacketPanel';
import { TID } from './testIds';
import { EmbedContext } from './embed-context';
import { LazyStorageLab } from './storage/LazyStorageLab';
import { NetlabContext, useNetlab } from './use-netlab';

/** Whether the frame is narrow (≤ 480 CSS px), following it as the frame is resized. */
function useNarrowFrame(): boolean {
  const query = '(max-width: 480px)';
  const [narrow, setNarrow] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const on = () => setNarrow(list.matches);
    list.addEventListener('change', on);
    on();
    return () => list.removeEventListener('change', on);
  }, []);
  return narrow;
}

/**
 * "Open in netlab": the full lab on the scene now in the frame (the embed code's, or what the
 * host loaded since). The address is made when the reader reaches for the link, not per edit.
 */
function OpenInNetlab() {
  const t = useUiText();
  const store = useContext(NetlabContext)!;
  const point = (e: SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = fullLabUrl(store.getState(), location.href);
  };
  return (
    <p className="embed-credit">
      <a
        href={fullLabUrl(store.getState(), location.href)}
        target="_blank"
        rel="noopener noreferrer"
        onFocus={point}
        onPointerEnter={point}
        onPointerDown={point}
        onClick={point}
      >
        {t.embedOpenFull}
      </a>
    </p>
  );
}

export function EmbedApp({ options }: { options: EmbedOptions }) {
  return (
    <EmbedContext.Provider value={options}>
      <EmbedView options={options} />
    </EmbedContext.Provider>
  );
}

function EmbedView({ options }: { options: EmbedOptions }): ReactNode {
  const t = useUiText();
  const storage = useNetlab((s) => s.storageLab.mode !== 'network');
  const narrow = useNarrowFrame();
  const has = (p: EmbedOptions['panels'][number]) => options.panels.includes(p);
  const packets = has('packets') && (
    <ModelReady>
      <PacketPanel />
    </ModelReady>
  );
  const matrix = has('matrix') && (
    <ModelReady>
      <MatrixTable />
      <FlowExplanation />
    </ModelReady>
  );
  const editor = has('editor') && !options.readOnly && <ScenarioEditor />;
  if (narrow && !storage) {
    // A narrow frame: the graph first, then one panel at a time (the lesson one of them).
    const tabs: EmbedTab[] = [
      ...(has('lesson') ? [{ id: 'lesson', label: t.lessons, content: <LessonArea embedded /> }] : []),
      ...(packets ? [{ id: 'packets', label: t.packets, content: packets }] : []),
      ...(matrix ? [{ id: 'matrix', label: t.matrix, content: matrix }] : []),
      ...(editor ? [{ id: 'editor', label: t.editor, content: editor }] : []),
    ];
    return (
      <main className="embed embed-narrow" data-testid={TID.appReady}>
        <ModelReady>
          <ClusterGraph />
        </ModelReady>
        {tabs.length > 0 && <EmbedTabs tabs={tabs} label={t.embedPanels} />}
        <OpenInNetlab />
      </main>
    );
  }
  const lab = storage ? (
    <LazyStorageLab />
  ) : (
    <>
      <ModelReady>
        <ClusterGraph />
      </ModelReady>
      {packets}
      {matrix}
      {editor}
      <OpenInNetlab />
    </>
  );
  if (!has('lesson')) {
    return (
      <main className="embed" data-testid={TID.appReady}>
        {lab}
      </main>
    );
  }
  // The lesson in a column of its own beside the lab, scrolling apart from it, as in the full app.
  return (
    <main className="embed with-lesson" data-testid={TID.appReady}>
      <div className="area-lesson">
        <LessonArea embedded />
      </div>
      <div className="embed-lab">{lab}</div>
    </main>
  );
}

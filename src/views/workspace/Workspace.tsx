// The one-screen workspace: the graph (packet journey below it) beside the editor (matrix, why
// and problems below it), the lesson, when open, at the side. Splitters resize the panes and
// remember the sizes; below ~1000 px the panes stack and the page scrolls instead.
import { useRef, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { DiagnosticsList } from '../DiagnosticsList';
import { ScenarioEditor } from '../editor/ScenarioEditor';
import { ClusterGraph } from '../graph/ClusterGraph';
import { FlowExplanation } from '../matrix/FlowExplanation';
import { MatrixTable } from '../matrix/MatrixTable';
import { ModelReady } from '../ModelReady';
import { PacketPanel } from '../packet/PacketPanel';
import { CniLifecycle } from '../cni/CniLifecycle';
import { TID } from '../testIds';
import { PANE_LIMITS } from '../../services/pane-sizes';
import { Splitter } from './Splitter';
import { usePaneSizes } from './usePaneSizes';
import { useWorkspaceText } from './workspace-text';
import './workspace.css';

/** A pane of the workspace; panels that show the model wait for the first one. */
function Pane({
  name,
  children,
  needsModel = true,
}: {
  name: string;
  children: ReactNode;
  needsModel?: boolean;
}) {
  return (
    <div className={`ws-pane area-${name}`}>
      {needsModel ? <ModelReady>{children}</ModelReady> : children}
    </div>
  );
}

export function Workspace({
  lesson,
  graphSvg,
}: {
  /** The lesson column, when a lesson (or the list) is open. */
  lesson: ReactNode;
  graphSvg: RefObject<SVGSVGElement | null>;
}) {
  const t = useWorkspaceText();
  const [sizes, setSize] = usePaneSizes();
  const lab = useRef<HTMLDivElement>(null);
  const graphColumn = useRef<HTMLDivElement>(null);
  const editorColumn = useRef<HTMLDivElement>(null);
  const style = {
    '--side': `${sizes.side * 100}fr`,
    '--rest': `${(1 - sizes.side) * 100}fr`,
    '--graph': `${sizes.graph * 100}%`,
    '--editor': `${sizes.editor * 100}%`,
  } as CSSProperties;
  return (
    <main data-testid={TID.appReady} className={`workspace${lesson ? ' with-lesson' : ''}`} style={style}>
      {lesson}
      <div className="ws-lab" ref={lab}>
        <div className="ws-column" ref={graphColumn}>
          <Pane name="graph">
            <ClusterGraph svgRef={graphSvg} />
          </Pane>
          <Splitter
            label={t.resizeGraph}
            orientation="horizontal"
            value={sizes.graph}
            min={PANE_LIMITS.graph[0]}
            max={PANE_LIMITS.graph[1]}
            container={() => graphColumn.current}
            onChange={(v) => setSize('graph', v)}
          />
          <Pane name="packets">
            <PacketPanel />
            <CniLifecycle />
          </Pane>
        </div>
        <Splitter
          label={t.resizeSide}
          orientation="vertical"
          value={sizes.side}
          min={PANE_LIMITS.side[0]}
          max={PANE_LIMITS.side[1]}
          container={() => lab.current}
          onChange={(v) => setSize('side', v)}
        />
        <div className="ws-column" ref={editorColumn}>
          <Pane name="editor" needsModel={false}>
            <ScenarioEditor />
          </Pane>
          <Splitter
            label={t.resizeEditor}
            orientation="horizontal"
            value={sizes.editor}
            min={PANE_LIMITS.editor[0]}
            max={PANE_LIMITS.editor[1]}
            container={() => editorColumn.current}
            onChange={(v) => setSize('editor', v)}
          />
          <div className="ws-pane ws-verdicts">
            <ModelReady>
              <div className="area-matrix">
                <MatrixTable />
              </div>
              <div className="area-why">
                <FlowExplanation />
              </div>
              <div className="area-problems">
                <DiagnosticsList />
              </div>
            </ModelReady>
          </div>
        </div>
      </div>
    </main>
  );
}

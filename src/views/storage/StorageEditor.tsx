// The storage lab's editor panel: the heading and the first error right away, Monaco (its own
// chunk) after the first paint.
import { lazy, Suspense, useRef } from 'react';
import type { Diagnostic } from '../../lib/diagnostic';
import { useNetlab } from '../use-netlab';
import type { YamlEditor } from '../editor/monaco/create-yaml-editor';
import { STORAGE_TID, useStorageText } from './storage-text';

const StorageEditorImpl = lazy(() => import('./StorageEditorImpl'));

export function StorageEditor(props: {
  mode: 'volumes' | 'layers';
  text: string;
  onChange: (text: string) => void;
  diagnostics: readonly Diagnostic[];
}) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  const handle = useRef<YamlEditor | null>(null);
  const first = props.diagnostics.find((d) => d.severity === 'error');
  const lesson = useNetlab((s) => s.lesson.route.view === 'lesson');
  const reset = useNetlab((s) => s.resetStorageText);
  return (
    <section
      className="panel editor-panel storage-editor"
      aria-labelledby="storage-editor-title"
      data-testid={STORAGE_TID.editor}
    >
      <h2 id="storage-editor-title">{props.mode === 'volumes' ? t.editorVolumes : t.editorLayers}</h2>
      {!lesson && (
        <button type="button" className="storage-reset" onClick={reset}>
          {t.reset}
        </button>
      )}
      <div role="status">
        {first && (
          <div className="banner scenario-banner">
            <p>{t.errors}</p>
            <button
              type="button"
              className="goto-error"
              onClick={() => handle.current?.revealLine(first.line, first.col)}
            >
              {first.line}:{first.col} {first.message[locale]}
            </button>
          </div>
        )}
      </div>
      <Suspense
        fallback={
          <div className="editor-host editor-placeholder" role="status" aria-busy="true">
            {t.editorLoading}
          </div>
        }
      >
        <StorageEditorImpl
          key={props.mode}
          mode={props.mode}
          text={props.text}
          onChange={props.onChange}
          diagnostics={props.diagnostics}
          ariaLabel={props.mode === 'volumes' ? t.editorLabelVolumes : t.editorLabelLayers}
          handle={handle}
        />
      </Suspense>
    </section>
  );
}

// The scenario editor panel. Monaco is its own chunk, loaded after the first paint; the heading,
// the placeholder and the error banner are plain React, so they show before Monaco arrives.
import { lazy, Suspense, useRef } from 'react';
import { useNetlab } from '../use-netlab';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import type { YamlEditor } from './monaco/create-yaml-editor';

const ScenarioEditorImpl = lazy(() => import('./ScenarioEditorImpl'));

export function ScenarioEditor() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const view = useNetlab((s) => s.view);
  const editor = useRef<YamlEditor | null>(null);
  const errors = view?.hasErrors ? view.diagnostics.filter((d) => d.severity === 'error') : [];
  const first = errors[0];

  return (
    <section aria-labelledby="editor-title" className="panel editor-panel" data-testid={TID.editorRoot}>
      <h2 id="editor-title">{t.editor}</h2>
      <div role="status">
        {first && (
          <div className="banner scenario-banner" data-testid={TID.editorBanner}>
            <p>{view?.stale ? t.editorStale : t.editorNoValid}</p>
            <button
              type="button"
              className="goto-error"
              data-testid={TID.editorBannerGoto}
              onClick={() => editor.current?.revealLine(first.line, first.col)}
            >
              {fill(t.gotoError, { line: first.line, col: first.col, message: first.message[locale] })}
            </button>
            {errors.length > 1 && (
              <span className="more-errors"> {fill(t.moreErrors, { count: errors.length - 1 })}</span>
            )}
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
        <ScenarioEditorImpl handleRef={editor} />
      </Suspense>
    </section>
  );
}

// The scenario editor panel. Monaco is its own chunk, loaded after the first paint; the heading,
// the placeholder and the error banner are plain React, so they show before Monaco arrives.
import { lazy, Suspense, useRef } from 'react';
import { useNetlab } from '../use-netlab';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { megabytes } from '../ModelProgress';
import type { YamlEditor } from './monaco/create-yaml-editor';

const ScenarioEditorImpl = lazy(() => import('./ScenarioEditorImpl'));

/**
 * Texts the editor takes: past this, Monaco's line index, tokens and markers cost seconds of the
 * page's thread per change, so a bigger text is shown read-only (its first lines) instead.
 */
export const EDITOR_TEXT_LIMIT = 1_000_000;
const PREVIEW_LINES = 200;

/** The first `lines` lines of `text`, without splitting the whole of it. */
function firstLines(text: string, lines: number): string {
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at);
}

function TooBigToEdit({ text }: { text: string }) {
  const t = useUiText();
  return (
    <div className="editor-host editor-too-big" data-testid={TID.editorTooBig}>
      <p role="status">
        {fill(t.editorTooBig, { size: megabytes(text.length), limit: megabytes(EDITOR_TEXT_LIMIT) })}
      </p>
      <pre>{firstLines(text, PREVIEW_LINES)}</pre>
    </div>
  );
}

export function ScenarioEditor() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const view = useNetlab((s) => s.view);
  const text = useNetlab((s) => s.scenarioText);
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
      {text.length > EDITOR_TEXT_LIMIT ? (
        <TooBigToEdit text={text} />
      ) : (
        <Suspense
          fallback={
            <div className="editor-host editor-placeholder" role="status" aria-busy="true">
              {t.editorLoading}
            </div>
          }
        >
          <ScenarioEditorImpl handleRef={editor} />
        </Suspense>
      )}
    </section>
  );
}

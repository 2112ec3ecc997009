// The scenario editor panel. Monaco is its own chunk, loaded after the first paint; the heading,
// the placeholder and the error banner are plain React, so they show before Monaco arrives.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNetlab } from '../use-netlab';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { megabytes } from '../ModelProgress';
import type { YamlEditor } from './monaco/create-yaml-editor';
import { isLargeText } from './large-text';

const ScenarioEditorImpl = lazy(() => import('./ScenarioEditorImpl'));

const PREVIEW_LINES = 200;

/**
 * How long the text must rest before the error banner appears. Half a key is an error for a
 * moment ("end" on its own line is not YAML yet): the squiggle shows at once, but a banner that came
 * and went with every keystroke would make the editor jump and hide the line being typed.
 */
export const BANNER_AFTER_MS = 800;

/** False while the text changed in the last `ms` milliseconds (true from the start). */
function useTextAtRest(text: string, ms: number): boolean {
  // A new text is noted while rendering (React's way to follow a changed prop), not in an effect.
  const [seen, setSeen] = useState(text);
  const [rest, setRest] = useState(true);
  if (text !== seen) {
    setSeen(text);
    setRest(false);
  }
  useEffect(() => {
    if (rest) return;
    const id = setTimeout(() => setRest(true), ms);
    return () => clearTimeout(id);
  }, [rest, seen, ms]);
  return rest;
}

/** The first `lines` lines of `text`, without splitting the whole of it. */
function firstLines(text: string, lines: number): string {
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at);
}

/** A large text, read-only until the learner asks for the editor (see large-text.ts). */
function LargeTextPreview({ text, onEdit }: { text: string; onEdit: () => void }) {
  const t = useUiText();
  return (
    <div className="editor-host editor-large" data-testid={TID.editorLarge}>
      <p role="status">{fill(t.editorLarge, { size: megabytes(text.length) })}</p>
      <p>
        <button type="button" onClick={onEdit}>
          {t.editorLargeEdit}
        </button>
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
  // Asked once, the editor stays, whatever text comes next.
  const [editLarge, setEditLarge] = useState(false);
  const errors = view?.hasErrors ? view.diagnostics.filter((d) => d.severity === 'error') : [];
  // The banner appears once the text rests with an error, and then stays while there is one.
  const atRest = useTextAtRest(text, BANNER_AFTER_MS);
  const hasErrors = errors.length > 0;
  const [bannerShown, setBannerShown] = useState(false);
  const showBanner = hasErrors && (atRest || bannerShown);
  if (showBanner !== bannerShown) setBannerShown(showBanner);
  const first = bannerShown ? errors[0] : undefined;

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
      {isLargeText(text.length) && !editLarge ? (
        <LargeTextPreview text={text} onEdit={() => setEditLarge(true)} />
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

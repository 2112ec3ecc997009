// Mounts the Monaco YAML editor (the lazy chunk). Text comes from the store and edits go back to
// it; the store derives everything else. Markers are netlab's own diagnostics, the same words
// `netlab lint` prints.
import { useContext, useEffect, useRef, type RefObject } from 'react';
import type { Diagnostic } from '../../lib/diagnostic';
import type { Locale } from '../../lib/text';
import { SCENARIO_FILE } from '../../app-model/model-view';
import { NetlabContext, useNetlab } from '../use-netlab';
import { UI_TEXT, useUiText } from '../i18n';
import { TID } from '../testIds';
import { createYamlEditor, type EditorMarker, type YamlEditor } from './monaco/create-yaml-editor';

/** Matches the schema's fileMatch (`**\/scenario.yaml`). */
const MODEL_URI = `file:///${SCENARIO_FILE}`;

function toMarkers(diagnostics: readonly Diagnostic[], locale: Locale): EditorMarker[] {
  return diagnostics
    .filter((d) => d.file === SCENARIO_FILE)
    .map((d) => ({
      line: d.line,
      col: d.col,
      severity: d.severity,
      message: d.hint ? `${d.message[locale]}\n${d.hint[locale]}` : d.message[locale],
    }));
}

export default function ScenarioEditorImpl({ handleRef }: { handleRef: RefObject<YamlEditor | null> }) {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('ScenarioEditorImpl outside <NetlabContext.Provider>');
  const text = useNetlab((s) => s.scenarioText);
  const locale = useNetlab((s) => s.locale);
  const view = useNetlab((s) => s.view);
  const t = useUiText();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<YamlEditor | null>(null);

  useEffect(() => {
    const state = store.getState();
    const ed = createYamlEditor(host.current!, {
      text: state.scenarioText,
      uri: MODEL_URI,
      ariaLabel: UI_TEXT[state.locale].editorLabel,
      onChange: (next) => store.getState().setScenarioText(next),
    });
    editor.current = ed;
    handleRef.current = ed;
    return () => {
      // Disposing Monaco takes tens of milliseconds: in a task of its own, not in the one that
      // swaps the editor for a text too big to edit (the host has left the page already).
      setTimeout(() => ed.dispose(), 0);
      editor.current = null;
      if (handleRef.current === ed) handleRef.current = null;
    };
  }, [store, handleRef]);

  useEffect(() => editor.current?.setText(text), [text]);
  // Markers belong to the text they were computed for; while typing runs ahead, keep the old ones.
  useEffect(() => {
    if (view && view.text === text) editor.current?.setMarkers(toMarkers(view.diagnostics, locale));
  }, [view, text, locale]);
  useEffect(() => editor.current?.setAriaLabel(t.editorLabel), [t]);
  const present = useNetlab((s) => s.lesson.present);
  useEffect(() => editor.current?.setFontSize(present ? 20 : 13), [present]);

  return <div ref={host} className="editor-host" data-testid={TID.editorHost} />;
}

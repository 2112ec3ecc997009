// Mounts Monaco for the storage lab (the lazy chunk): YAML for the volumes lab, the Dockerfile
// language for the layers lab's txtar text. Markers are the storage engine's own diagnostics.
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../lib/diagnostic';
import { type Locale } from '../../lib/text';
import { createYamlEditor, type EditorMarker, type YamlEditor } from '../editor/monaco/create-yaml-editor';
import { useNetlab } from '../use-netlab';

export interface StorageEditorImplProps {
  readonly mode: 'volumes' | 'layers';
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly diagnostics: readonly Diagnostic[];
  readonly ariaLabel: string;
  readonly handle: { current: YamlEditor | null };
}

function toMarkers(diagnostics: readonly Diagnostic[], locale: Locale): EditorMarker[] {
  return diagnostics.map((d) => ({
    line: d.line,
    col: d.col,
    severity: d.severity,
    message: d.hint ? `${d.message[locale]}\n${d.hint[locale]}` : d.message[locale],
  }));
}

export default function StorageEditorImpl(props: StorageEditorImplProps) {
  const { mode, text, diagnostics, ariaLabel, handle } = props;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<YamlEditor | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const locale = useNetlab((s) => s.locale);
  const present = useNetlab((s) => s.lesson.present);

  useEffect(() => {
    const ed = createYamlEditor(host.current!, {
      text,
      uri: mode === 'volumes' ? 'file:///storage/storage.yaml' : 'file:///storage/lab.txtar',
      language: mode === 'volumes' ? 'yaml' : 'dockerfile',
      ariaLabel,
      onChange: (next) => onChange.current(next),
    });
    editor.current = ed;
    handle.current = ed;
    return () => {
      ed.dispose();
      editor.current = null;
      if (handle.current === ed) handle.current = null;
    };
    // The editor is made once per lab; text and labels are pushed by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  useEffect(() => editor.current?.setText(text), [text]);
  useEffect(() => editor.current?.setMarkers(toMarkers(diagnostics, locale)), [diagnostics, locale]);
  useEffect(() => editor.current?.setAriaLabel(ariaLabel), [ariaLabel]);
  useEffect(() => editor.current?.setFontSize(present ? 20 : 13), [present]);

  return <div ref={host} className="editor-host storage-editor-host" />;
}

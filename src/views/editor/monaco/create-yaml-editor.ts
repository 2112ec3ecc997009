// A YAML editor as plain TypeScript: React only mounts it. Text pushed from outside goes through
// executeEdits (undo history and cursor survive), except a whole large text (setValue, see setText);
// markers come from netlab's own diagnostics, so the editor never re-parses the scenario.
import type { editor as MonacoEditor } from 'monaco-editor/editor';
import { isLargeText } from '../large-text';
import { LARGE_YAML_LANGUAGE, setupMonaco } from './setup';

/**
 * The helpers a large text (see large-text.ts) goes without — schema validation, completion and
 * folding (monaco-yaml), bracket matching, word suggestions, link and unicode scans each re-read the
 * whole text after a keystroke — as they are for a normal one …
 */
const NORMAL_TEXT_OPTIONS = {
  folding: true,
  matchBrackets: 'always',
  occurrencesHighlight: 'singleFile',
  selectionHighlight: true,
  links: true,
  wordBasedSuggestions: 'matchingDocuments',
  quickSuggestions: { other: true, comments: false, strings: true },
  unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true },
  guides: { bracketPairs: false, indentation: true },
} satisfies MonacoEditor.IEditorOptions & MonacoEditor.IGlobalEditorOptions;

/** … and for a large one. */
const LARGE_TEXT_OPTIONS = {
  folding: false,
  matchBrackets: 'never',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  links: false,
  wordBasedSuggestions: 'off',
  quickSuggestions: false,
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
  guides: { bracketPairs: false, indentation: false },
} satisfies MonacoEditor.IEditorOptions & MonacoEditor.IGlobalEditorOptions;

export interface EditorMarker {
  /** 1-based */
  readonly line: number;
  /** 1-based */
  readonly col: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface YamlEditorOptions {
  readonly text: string;
  /** A stable URI whose file name matches the schema's fileMatch, e.g. `file:///scenario.yaml`. */
  readonly uri: string;
  readonly ariaLabel: string;
  /** Called on every edit by the user (not on setText). */
  readonly onChange: (text: string) => void;
  /** The Monaco language (default yaml; the storage lab's layers text is a dockerfile). */
  readonly language?: string;
}

export interface YamlEditor {
  /** Replaces the text unless it is already there; one undo step, no change event. */
  setText(text: string): void;
  setMarkers(markers: readonly EditorMarker[]): void;
  /** Moves the cursor to line:col, scrolls there and focuses the editor. */
  revealLine(line: number, col?: number): void;
  setAriaLabel(label: string): void;
  /** Text size in px (presenter mode makes it larger). */
  setFontSize(px: number): void;
  dispose(): void;
}

/** The owner of netlab's markers (Monaco keeps markers per owner; monaco-yaml uses `yaml`). */
export const MARKER_OWNER = 'netlab';

export function createYamlEditor(el: HTMLElement, opts: YamlEditorOptions): YamlEditor {
  const monaco = setupMonaco();
  const uri = monaco.Uri.parse(opts.uri);
  monaco.editor.getModel(uri)?.dispose();
  const language = opts.language ?? 'yaml';
  const isLarge = isLargeText;
  let large = isLarge(opts.text.length);
  const languageFor = (big: boolean) => (big && language === 'yaml' ? LARGE_YAML_LANGUAGE : language);
  const model = monaco.editor.createModel(opts.text, languageFor(large), uri);
  // Bracket-pair colouring parses every bracket of the document on the first render after a
  // replacement (~70–100 ms for a 1,000-pod dump) for the few flow-style `{}`/`[]` YAML has. It is
  // a model option: the editor option alone does not reach a model made with createModel.
  model.updateOptions({
    bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
  });
  const editor = monaco.editor.create(el, {
    model,
    ariaLabel: opts.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    fontSize: 13,
    renderLineHighlight: 'line',
    // Linux defaults to 'dimmed', whose grey number fails colour contrast (axe: serious).
    renderFinalNewline: 'on',
    fixedOverflowWidgets: true,
    // Sticky headers mix up the documents of a multi-document file.
    stickyScroll: { enabled: false },
    bracketPairColorization: { enabled: false },
    ...(large ? LARGE_TEXT_OPTIONS : NORMAL_TEXT_OPTIONS),
  });
  /** Switches the helpers off (or back on) when the text crosses LARGE_TEXT_CHARS. */
  const fitHelpersTo = (chars: number) => {
    if (isLarge(chars) === large) return;
    large = !large;
    editor.updateOptions(large ? LARGE_TEXT_OPTIONS : NORMAL_TEXT_OPTIONS);
    monaco.editor.setModelLanguage(model, languageFor(large));
  };

  let isApplyingExternal = false;
  // The text the model holds, as last read or written: the store hands the same string back after
  // each keystroke, so setText can tell "already there" by identity, without reading and comparing
  // the whole text again (megabytes per keystroke in a cluster dump).
  let known = opts.text;
  // Suggestions and hovers float above the page (fixedOverflowWidgets, so no panel edge cuts
  // them): when the page or a panel scrolls, draw them again where the editor now is.
  const followPage = (e: Event) => {
    if (e.target instanceof Node && el.contains(e.target)) return;
    editor.render(true);
  };
  addEventListener('scroll', followPage, { capture: true, passive: true });
  const changes = model.onDidChangeContent(() => {
    if (isApplyingExternal) return;
    known = model.getValue();
    fitHelpersTo(known.length);
    opts.onChange(known);
  });

  // TEST HOOK, in the e2e build only (see main.tsx): every marker, for the e2e tests to read.
  if (import.meta.env.MODE === 'e2e') {
    (window.__netlab ??= {}).monacoMarkers = () => monaco.editor.getModelMarkers({});
  }

  return {
    setText(text) {
      if (text === known) return;
      const current = model.getValue();
      known = text;
      if (text === current) return;
      // Replace only the part that differs, so the cursor and folding elsewhere stay put.
      let start = 0;
      while (start < text.length && start < current.length && text[start] === current[start]) start++;
      let end = 0;
      while (
        end < text.length - start &&
        end < current.length - start &&
        text[text.length - 1 - end] === current[current.length - 1 - end]
      )
        end++;
      fitHelpersTo(text.length);
      isApplyingExternal = true;
      if (isLarge(text.length - start - end)) {
        // A whole dump coming in: an edit would count its lines twice over and keep the old text
        // for undo (a third of a second at 2 MB); a new value does it once. The text it replaces
        // is in the learner's history (services/text-history), so nothing is lost.
        try {
          model.setValue(text);
        } finally {
          isApplyingExternal = false;
        }
        return;
      }
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(current.length - end);
      try {
        editor.pushUndoStop();
        editor.executeEdits('netlab', [
          {
            range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
            text: text.slice(start, text.length - end),
          },
        ]);
        editor.pushUndoStop();
      } finally {
        isApplyingExternal = false;
      }
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        markers.map((m) => {
          const at = model.validatePosition({ lineNumber: m.line, column: m.col });
          const word = model.getWordAtPosition(at);
          const endColumn =
            word && word.startColumn <= at.column
              ? word.endColumn
              : Math.max(at.column + 1, model.getLineMaxColumn(at.lineNumber));
          return {
            severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: m.message,
            source: 'netlab',
            startLineNumber: at.lineNumber,
            startColumn: at.column,
            endLineNumber: at.lineNumber,
            endColumn,
          };
        }),
      );
    },
    revealLine(line, col = 1) {
      const at = model.validatePosition({ lineNumber: line, column: col });
      editor.setPosition(at);
      editor.revealPositionInCenterIfOutsideViewport(at);
      editor.focus();
    },
    setAriaLabel(label) {
      editor.updateOptions({ ariaLabel: label });
    },
    setFontSize(px) {
      editor.updateOptions({ fontSize: px });
    },
    dispose() {
      removeEventListener('scroll', followPage, true);
      changes.dispose();
      if (import.meta.env.MODE === 'e2e') delete window.__netlab?.monacoMarkers;
      editor.dispose();
      model.dispose();
    },
  };
}

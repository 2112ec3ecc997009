// TEST HOOKS: what main.tsx and the editor put on `window.__netlab` for e2e tests, in the e2e build
// only (`npm run build:e2e`; the production bundle has none). Nothing secret: the store holds only
// the scenario text and UI choices.
import type { NetlabStore } from '../store/netlab-store';

/** The fields of a Monaco marker the tests read (a subset of monaco.editor.IMarker). */
export interface TestMarker {
  readonly owner: string;
  readonly severity: number;
  readonly message: string;
  readonly source?: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

export interface NetlabTestHooks {
  store?: NetlabStore;
  /** Set while the editor is mounted: every model marker (netlab's and monaco-yaml's). */
  monacoMarkers?: () => readonly TestMarker[];
}

declare global {
  interface Window {
    __netlab?: NetlabTestHooks;
  }
}

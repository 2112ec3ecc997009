// Test ids, one place: e2e tests select by these, never by CSS class.
export const TID = {
  appReady: 'app.ready',
  language: 'app.language',
  matrixPort: 'matrix.port',
  matrixCell: 'matrix.cell',
  explanation: 'flow.explanation',
  diagnostics: 'diagnostics.list',
  reset: 'scenario.reset',
  undoReset: 'scenario.undoReset',
} as const;

// A problem found in the user's input, located in a file. Shared by the CLI, the editor markers
// and lesson checks, so every surface reports the same words at the same place.
import type { Locale, LocalText } from './text';

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  readonly file: string;
  /** 1-based */
  readonly line: number;
  /** 1-based */
  readonly col: number;
}

export interface Diagnostic extends SourcePosition {
  readonly severity: Severity;
  /** Stable identifier, e.g. `unknown-field`, `dns-blocked`. */
  readonly code: string;
  readonly message: LocalText;
  /** A teaching hint: what the learner probably meant and why it matters. */
  readonly hint?: LocalText;
}

/** `file:line:col: severity: message` (the CLI and `netlab lint` format). */
export function formatDiagnostic(d: Diagnostic, locale: Locale = 'en'): string {
  const hint = d.hint ? ` (${d.hint[locale]})` : '';
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message[locale]}${hint}`;
}

/** Sorts by file, then line, then column; errors first on the same spot. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.col !== b.col) return a.col - b.col;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return 0;
}

// Diagnostics at scale: a cluster dump can give the same warning hundreds of times. Grouped by
// code, a code seen more often than a threshold shows its first few and a count of the rest, so
// one line per kind of problem stays readable and every single one stays reachable (expand).
import type { Diagnostic } from './diagnostic';

export interface DiagnosticGroup {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  /** Every diagnostic of this code, in the input's order. */
  readonly all: readonly Diagnostic[];
  /** Shown before the count of the others. */
  readonly shown: readonly Diagnostic[];
}

/** Codes with more than `threshold` diagnostics, as groups; the order is the first one's. */
export function groupDiagnostics(
  ds: readonly Diagnostic[],
  threshold = 5,
  shown = 3,
): { readonly singles: readonly Diagnostic[]; readonly groups: readonly DiagnosticGroup[] } {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byCode.get(d.code);
    if (list) list.push(d);
    else byCode.set(d.code, [d]);
  }
  const groups: DiagnosticGroup[] = [];
  const grouped = new Set<string>();
  for (const [code, all] of byCode) {
    if (all.length <= threshold) continue;
    grouped.add(code);
    groups.push({ code, severity: all[0]!.severity, all, shown: all.slice(0, shown) });
  }
  return { singles: ds.filter((d) => !grouped.has(d.code)), groups };
}

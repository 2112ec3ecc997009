// Helpers for tests of loadCluster: load one inline file, find a diagnostic, print where it is.
import { expect } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { loadCluster, type LoadResult } from '../k8s/load-cluster';

export const load = (text: string, name = 't.yaml'): LoadResult => loadCluster([{ name, text }]);

/** The single diagnostic with `code` (fails when there is none or more than one). */
export function one(r: LoadResult, code: string): Diagnostic {
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(
    found,
    `${code} in ${JSON.stringify(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`))}`,
  ).toHaveLength(1);
  return found[0]!;
}

/** `file:line:col severity code` */
export const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}`;

// Helpers for the lint tests: lint the way `netlab lint` does, and compact ways to assert on it.
import { expect } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { analyzeScenario } from '../engine/analyze';
import { pod } from './scenario';

/** Load diagnostics plus, when there are no errors, lintCluster's (as the CLI does). */
export function lint(...docs: string[]): Diagnostic[] {
  const text = docs.map((d) => d.replace(/\n$/, '')).join('\n---\n') + '\n';
  return [...analyzeScenario([{ name: 't.yaml', text }]).diagnostics];
}

export const where = (d: Diagnostic): string => `${d.line}:${d.col} ${d.severity} ${d.code}`;
export const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

/** The one diagnostic with `code` (fails unless there is exactly one). */
export function one(ds: readonly Diagnostic[], code: string): Diagnostic {
  const found = ds.filter((d) => d.code === code);
  expect(found, `${code} in ${JSON.stringify(ds.map(where))}`).toHaveLength(1);
  return found[0]!;
}

/** A pod `default/web` with a named container port `http: 80`. */
export const web = pod('default/web', { app: 'web' }, { ports: [['http', 80]] });

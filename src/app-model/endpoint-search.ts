// Finding endpoints by what a person types: part of a name, an IP, a CIDR, `w:NS/NAME` for one
// workload, `ns:NAME` for one namespace; several terms (spaces or commas) match any of them, and
// `-term` leaves matches out. The matrix filter reads `ROWS -> COLUMNS` as two such lists.
import { cidrContains, parseCidr, parseIp } from '../lib/ip';
import type { EndpointInfo } from './model-view';

export interface SearchTerms {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export function parseTerms(text: string): SearchTerms {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  return {
    include: words.filter((w) => !w.startsWith('-') || w.length === 1),
    exclude: words.filter((w) => w.startsWith('-') && w.length > 1).map((w) => w.slice(1)),
  };
}

/** How well one term names an endpoint: 3 exactly (key, IP, workload), 2 by range, 1 in part, 0 not. */
export function termScore(e: EndpointInfo, term: string): number {
  const t = term.toLowerCase();
  if (t.startsWith('w:')) return e.workload?.toLowerCase() === t.slice(2) ? 3 : 0;
  if (t.startsWith('ns:')) return (e.namespace ?? '') === t.slice(3) ? 3 : 0;
  const ip = parseIp(term);
  if (ip) return e.ip === ip.key ? 3 : 0;
  if (term.includes('/')) {
    const cidr = parseCidr(term);
    const addr = parseIp(e.ip);
    if (cidr && addr && /^[0-9a-f:.]+\/\d+$/i.test(term)) return cidrContains(cidr, addr) ? 2 : 0;
  }
  const key = e.key.toLowerCase();
  if (key === t || e.workload?.toLowerCase() === t) return 3;
  const name = (e.name ?? '').toLowerCase();
  return key.includes(t) || name.includes(t) || (e.workload ?? '').toLowerCase().includes(t) ? 1 : 0;
}

export function matches(e: EndpointInfo, terms: SearchTerms): boolean {
  if (terms.exclude.some((t) => termScore(e, t) > 0)) return false;
  return terms.include.length === 0 || terms.include.some((t) => termScore(e, t) > 0);
}

/** Endpoint indexes matching `text`, best first (exact key or IP, then ranges, then parts). */
export function searchEndpoints(endpoints: readonly EndpointInfo[], text: string, limit = 20): number[] {
  const terms = parseTerms(text);
  if (terms.include.length === 0) return [];
  const scored = endpoints.flatMap((e, i) => {
    if (!matches(e, terms)) return [];
    return [{ i, score: Math.max(...terms.include.map((t) => termScore(e, t))) }];
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.i);
}

/** The matrix filter: `ROWS -> COLUMNS` (or `→`) filters each side; without an arrow, both alike. */
export function parseMatrixFilter(text: string): {
  readonly rows: SearchTerms;
  readonly columns: SearchTerms;
} {
  const m = /\s*(?:->|→)\s*/.exec(text);
  if (!m) {
    const both = parseTerms(text);
    return { rows: both, columns: both };
  }
  return { rows: parseTerms(text.slice(0, m.index)), columns: parseTerms(text.slice(m.index + m[0].length)) };
}

/** Writes the two sides back into one filter text. */
export function joinMatrixFilter(rows: string, columns: string | null): string {
  return columns === null ? rows : `${rows.trim()} -> ${columns.trim()}`;
}

/** The text of each side, for the two inputs. */
export function splitMatrixFilter(text: string): { readonly rows: string; readonly columns: string | null } {
  const m = /\s*(?:->|→)\s*/.exec(text);
  return m
    ? { rows: text.slice(0, m.index), columns: text.slice(m.index + m[0].length) }
    : { rows: text, columns: null };
}

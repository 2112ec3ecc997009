// `netlab lint`'s report: one line per problem, except where many share a code (a dump can give
// the same warning hundreds of times): those show their first few and one line with the count.
// `--all` lists every one.
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import type { Locale } from '../lib/text';
import { groupDiagnostics } from '../lib/diagnostic-groups';

export function lintText(ds: readonly Diagnostic[], locale: Locale, all: boolean): string {
  const line = (d: Diagnostic): string => formatDiagnostic(d, locale) + '\n';
  if (all) return ds.map(line).join('');
  const { groups } = groupDiagnostics(ds);
  const grouped = new Map(groups.map((g) => [g.code, g]));
  const seen = new Set<string>();
  let out = '';
  for (const d of ds) {
    const g = grouped.get(d.code);
    if (!g) {
      out += line(d);
      continue;
    }
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    out += g.shown.map(line).join('');
    const more = g.all.length - g.shown.length;
    out +=
      locale === 'ko'
        ? `  … 같은 ${g.code} ${g.severity === 'error' ? '오류' : '경고'} ${more}개 더 (--all로 모두 봅니다)\n`
        : `  … and ${more} more ${g.code} ${g.severity}${more === 1 ? '' : 's'} like these (--all lists every one)\n`;
  }
  return out;
}

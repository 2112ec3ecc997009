// `netlab matrix --by workload|namespace|pod --format table|md|csv|json`: the matrix as reports a
// team keeps — per group pair and port, whether all, some or none of the pod-to-pod flows are
// allowed (with the counts). Pods are groups of one, so `--by pod` reads the same way.
import { groupVerdict, type GroupCell, type GroupMatrix } from '../engine/aggregate';
import type { Locale } from '../lib/text';

const mark = (c: GroupCell): string => {
  switch (groupVerdict(c)) {
    case 'all':
      return '✓';
    case 'none':
      return '✗';
    case 'n/a':
      return '·';
    case 'some':
      return `~${c.allowed}/${c.total}`;
  }
};

const legend = (locale: Locale): string =>
  locale === 'ko'
    ? '✓ 모두 허용, ✗ 모두 차단, ~a/b 흐름 b개 중 a개 허용, · 셀 것 없음'
    : '✓ all allowed, ✗ all denied, ~a/b a of b flows allowed, · nothing to count';

/** A grid per port: rows are sources, columns destinations, both numbered. */
export function groupTable(g: GroupMatrix, locale: Locale): string {
  const out: string[] = [];
  const digits = String(g.groups.length).length;
  const names = g.groups.map((x, i) => `${String(i + 1).padStart(digits)} ${x.label}${kindSuffix(x.kind)}`);
  const nameWidth = names.reduce((w, n) => Math.max(w, n.length), 4);
  g.ports.forEach((p, pi) => {
    const cells = g.cells[pi]!.map((row) => row.map(mark));
    let width = digits;
    for (const row of cells) for (const c of row) width = Math.max(width, c.length);
    width++;
    out.push(
      locale === 'ko'
        ? `포트 ${p.port}/${p.protocol} — 행: 출발지, 열: 목적지 (${legend(locale)})`
        : `Port ${p.port}/${p.protocol} — rows: from, columns: to (${legend(locale)})`,
    );
    out.push(
      ' '.repeat(nameWidth) +
        ' ' +
        g.groups
          .map((_, i) => String(i + 1).padEnd(width))
          .join('')
          .trimEnd(),
    );
    cells.forEach((row, s) =>
      out.push(
        `${names[s]!.padEnd(nameWidth)} ${row
          .map((c) => c.padEnd(width))
          .join('')
          .trimEnd()}`,
      ),
    );
    out.push('');
  });
  return out.join('\n');
}

/** Markdown: a key of the numbered groups, then a table per port. */
export function groupMarkdown(g: GroupMatrix, locale: Locale): string {
  const out: string[] = [];
  out.push(locale === 'ko' ? '| # | 그룹 | 종류 |' : '| # | group | kind |', '|---|---|---|');
  g.groups.forEach((x, i) => out.push(`| ${i + 1} | ${md(x.label)} | ${x.kind} |`));
  out.push('');
  g.ports.forEach((p, pi) => {
    out.push(`### ${p.port}/${p.protocol}`, '', `${legend(locale)}`, '');
    out.push(
      `| ${locale === 'ko' ? '출발지 \\ 목적지' : 'from \\ to'} | ${g.groups.map((_, i) => i + 1).join(' | ')} |`,
    );
    out.push(`|---|${g.groups.map(() => ':-:').join('|')}|`);
    g.cells[pi]!.forEach((row, s) =>
      out.push(`| ${s + 1} ${md(g.groups[s]!.label)} | ${row.map(mark).join(' | ')} |`),
    );
    out.push('');
  });
  return out.join('\n');
}

/** CSV, one line per group pair and port (a connectivity list): spreadsheet- and diff-friendly. */
export function groupCsv(g: GroupMatrix): string {
  const lines = ['port,protocol,from,from_kind,to,to_kind,verdict,allowed,total'];
  g.ports.forEach((p, pi) =>
    g.groups.forEach((from, s) =>
      g.groups.forEach((to, d) => {
        const c = g.cells[pi]![s]![d]!;
        if (c.total === 0) return;
        lines.push(
          [p.port, p.protocol, from.label, from.kind, to.label, to.kind, groupVerdict(c), c.allowed, c.total]
            .map(csv)
            .join(','),
        );
      }),
    ),
  );
  return lines.join('\n') + '\n';
}

/** JSON: the groups (with their members) and one flow per group pair and port. */
export function groupJson(g: GroupMatrix, by: string, memberKeys: (i: number) => string): string {
  const groups = g.groups.map((x) => ({
    key: x.key,
    label: x.label,
    kind: x.kind,
    ...(x.namespace !== undefined ? { namespace: x.namespace } : {}),
    members: x.members.map(memberKeys),
  }));
  const flows: string[] = [];
  g.ports.forEach((p, pi) =>
    g.groups.forEach((from, s) =>
      g.groups.forEach((to, d) => {
        const c = g.cells[pi]![s]![d]!;
        if (c.total === 0) return;
        flows.push(
          JSON.stringify({
            from: from.key,
            to: to.key,
            port: p.port,
            protocol: p.protocol,
            verdict: groupVerdict(c),
            allowed: c.allowed,
            total: c.total,
          }),
        );
      }),
    ),
  );
  const ports = JSON.stringify(g.ports.map((p) => ({ port: p.port, protocol: p.protocol })));
  return `{"by": ${JSON.stringify(by)}, "ports": ${ports},\n "groups": ${JSON.stringify(groups)},\n "flows": [\n  ${flows.join(',\n  ')}\n ]}\n`;
}

const kindSuffix = (kind: string): string =>
  kind === 'Pod' || kind === 'Namespace' || kind === 'External' ? '' : ` (${kind})`;
const md = (s: string): string => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
/** RFC 4180 quoting, and a leading =, +, - or @ defused so a spreadsheet never runs it as a formula. */
function csv(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

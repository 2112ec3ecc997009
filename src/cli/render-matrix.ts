// The matrix for people (a table per port, ✓/✗ with words) and for scripts (the JSON contract).
import { flowVerdict, type FlowMatrix } from '../engine/flow-matrix';
import { WORDS, type Locale } from '../lib/text';

/** Every ordered pair × port, pod→itself included, outside→outside left out (the JSON contract). */
export function matrixJson(m: FlowMatrix, extraFlows: readonly string[] = []): string {
  const flows: string[] = [];
  m.ports.forEach((p, pi) => {
    m.endpoints.forEach((from, s) => {
      m.endpoints.forEach((to, d) => {
        if (from.kind === 'external' && to.kind === 'external') return;
        const v = flowVerdict(m, s, d, pi);
        flows.push(
          JSON.stringify({
            from: from.key,
            to: to.key,
            port: p.port,
            protocol: p.protocol,
            allowed: v.allowed,
            egress: { verdict: v.egress.verdict, policies: v.egress.policies },
            ingress: { verdict: v.ingress.verdict, policies: v.ingress.policies },
          }),
        );
      });
    });
  });
  flows.push(...extraFlows);
  const ports = JSON.stringify(m.ports.map((p) => ({ port: p.port, protocol: p.protocol })));
  return `{"ports": ${ports},\n "flows": [\n  ${flows.join(',\n  ')}\n ]}\n`;
}

/** Rows are sources, columns destinations (numbered, to keep the table narrow). */
export function matrixTable(m: FlowMatrix, locale: Locale): string {
  const yes = WORDS.cell(true)[locale];
  const no = WORDS.cell(false)[locale];
  const na = '·';
  const width = Math.max(yes.length, no.length, String(m.endpoints.length).length) + 1;
  const names = m.endpoints.map(
    (e, i) => `${String(i + 1).padStart(String(m.endpoints.length).length)} ${e.key}`,
  );
  const nameWidth = Math.max(...names.map((n) => n.length), 4);
  const out: string[] = [];
  m.ports.forEach((p, pi) => {
    out.push(
      locale === 'ko'
        ? `포트 ${p.port}/${p.protocol} — 행: 출발지, 열: 목적지 (✓ 허용, ✗ 차단, · 클러스터 밖끼리)`
        : `Port ${p.port}/${p.protocol} — rows: from, columns: to (✓ allowed, ✗ denied, · outside to outside)`,
    );
    out.push(
      ' '.repeat(nameWidth) +
        ' ' +
        m.endpoints
          .map((_, i) => String(i + 1).padEnd(width))
          .join('')
          .trimEnd(),
    );
    m.endpoints.forEach((from, s) => {
      const cells = m.endpoints.map((to, d) => {
        if (from.kind === 'external' && to.kind === 'external') return na.padEnd(width);
        return (m.allowed[pi]![s]!.has(d) ? yes : no).padEnd(width);
      });
      out.push(`${names[s]!.padEnd(nameWidth)} ${cells.join('').trimEnd()}`);
    });
    out.push('');
  });
  return out.join('\n');
}

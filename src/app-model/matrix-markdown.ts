// The reachability matrix of one port as a Markdown table, for notes (✓/✗ with words).
import { WORDS, type Locale } from '../lib/text';
import { isAllowed, type ModelView } from './model-view';

const cell = (s: string): string => s.replaceAll('|', '\\|');

export function matrixMarkdown(view: ModelView, portIndex: number, locale: Locale): string {
  const port = view.ports[portIndex];
  if (!port) return '';
  const name = (i: number) => {
    const e = view.endpoints[i]!;
    return cell(e.name ? `${e.name} (${e.key})` : e.key);
  };
  const yes = WORDS.cell(true)[locale];
  const no = WORDS.cell(false)[locale];
  const head =
    locale === 'ko'
      ? `출발지 \\ 목적지 (${port.port}/${port.protocol})`
      : `from \\ to (${port.port}/${port.protocol})`;
  const n = view.endpoints.length;
  const rows = [
    `| ${head} | ${Array.from({ length: n }, (_, d) => name(d)).join(' | ')} |`,
    `|---|${'---|'.repeat(n)}`,
  ];
  for (let s = 0; s < n; s++) {
    const cells = Array.from({ length: n }, (_, d) =>
      view.endpoints[s]!.kind === 'external' && view.endpoints[d]!.kind === 'external'
        ? '·'
        : isAllowed(view, portIndex, s, d)
          ? yes
          : no,
    );
    rows.push(`| ${name(s)} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n') + '\n';
}

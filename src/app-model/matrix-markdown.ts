// The reachability matrix of one port as a Markdown table, for notes (✓/✗ with words): the rows
// and columns the matrix filter shows, not every endpoint of a big cluster; the implicit CoreDNS pods
// only when asked (the matrix hides them unless the learner shows them).
import { WORDS, type Locale } from '../lib/text';
import { matches, parseMatrixFilter } from './endpoint-search';
import { isAllowed, type ModelView } from './model-view';

const cell = (s: string): string => s.replaceAll('|', '\\|');

export function matrixMarkdown(
  view: ModelView,
  portIndex: number,
  locale: Locale,
  filter = '',
  withImplicit = false,
): string {
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
  const terms = parseMatrixFilter(filter);
  const all = view.endpoints.flatMap((e, i) => (withImplicit || !e.implicit ? [i] : []));
  const sources = all.filter((i) => matches(view.endpoints[i]!, terms.rows));
  const destinations = all.filter((i) => matches(view.endpoints[i]!, terms.columns));
  const rows = [
    `| ${head} | ${destinations.map(name).join(' | ')} |`,
    `|---|${'---|'.repeat(destinations.length)}`,
  ];
  for (const s of sources) {
    const cells = destinations.map((d) =>
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

// A small, safe Markdown reader for lesson prose: the subset lessons/README.md promises
// (headings, paragraphs, lists, tables, block quotes, fenced code, inline code, bold, italic,
// links). It produces a tree of plain data that Markdown.tsx turns into React elements, so no
// HTML string is ever injected; raw HTML in the source stays visible text. Links keep only
// http(s) URLs.

export type Inline =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'strong'; readonly c: readonly Inline[] }
  | { readonly t: 'em'; readonly c: readonly Inline[] }
  | { readonly t: 'link'; readonly href: string; readonly c: readonly Inline[] }
  | { readonly t: 'br' };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { readonly t: 'heading'; readonly level: number; readonly c: readonly Inline[] }
  | { readonly t: 'p'; readonly c: readonly Inline[] }
  | {
      readonly t: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly Block[])[];
    }
  | { readonly t: 'code'; readonly lang: string; readonly v: string }
  | {
      readonly t: 'table';
      readonly align: readonly Align[];
      readonly head: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly t: 'quote'; readonly c: readonly Block[] }
  | { readonly t: 'hr' };

/** Only absolute http(s) URLs become links. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---- inline -------------------------------------------------------------------------------

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The index of the closing `delim` for an opening at `from`, or -1. */
function closing(s: string, from: number, delim: string): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      // Skip a code span: emphasis never closes inside one.
      let n = 1;
      while (s[i + n] === '`') n++;
      const end = s.indexOf('`'.repeat(n), i + n);
      if (end >= 0) i = end + n - 1;
      continue;
    }
    if (!s.startsWith(delim, i)) continue;
    if (delim.length === 1 && s[i + 1] === delim) {
      i++; // part of a double delimiter: not ours
      continue;
    }
    if (i === from || /\s/.test(s[i - 1]!)) continue; // closers follow a non-space
    if (delim[0] === '_' && isWordChar(s[i + delim.length])) continue; // snake_case is not emphasis
    return i;
  }
  return -1;
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] === '\n') {
      flush();
      out.push({ t: 'br' });
      i += 2;
      continue;
    }
    if (c === '\\' && i + 1 < s.length && PUNCT.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === ' ' && s.startsWith('  \n', i)) {
      let j = i;
      while (s[j] === ' ') j++;
      if (s[j] === '\n') {
        flush();
        out.push({ t: 'br' });
        i = j + 1;
        continue;
      }
    }
    if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let end = s.indexOf(fence, i + n);
      while (end >= 0 && s[end + n] === '`') end = s.indexOf(fence, end + n + 1);
      if (end >= 0) {
        flush();
        let v = s.slice(i + n, end).replace(/\n/g, ' ');
        if (v.length > 2 && v.startsWith(' ') && v.endsWith(' ') && v.trim() !== '') v = v.slice(1, -1);
        out.push({ t: 'code', v });
        i = end + n;
        continue;
      }
      text += fence;
      i += n;
      continue;
    }
    if ((c === '*' || c === '_') && !(c === '_' && isWordChar(s[i - 1]))) {
      const double = s[i + 1] === c;
      const delim = double ? c + c : c;
      const start = i + delim.length;
      if (start < s.length && !/\s/.test(s[start]!)) {
        const end = closing(s, start, delim);
        if (end > start) {
          flush();
          const inner = parseInline(s.slice(start, end));
          out.push(double ? { t: 'strong', c: inner } : { t: 'em', c: inner });
          i = end + delim.length;
          continue;
        }
      }
      text += delim;
      i += delim.length;
      continue;
    }
    if (c === '[') {
      const m = /^\[((?:[^\]\\]|\\.)*)\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+"[^"]*")?\s*\)/.exec(
        s.slice(i),
      );
      if (m) {
        flush();
        const label = parseInline(m[1]!);
        const href = safeHref(m[2]!);
        if (href) out.push({ t: 'link', href, c: label });
        else out.push(...label); // not an http(s) link: keep the words, drop the target
        i += m[0].length;
        continue;
      }
    }
    if (c === '<') {
      const m = /^<(https?:\/\/[^\s<>]+)>/i.exec(s.slice(i));
      const href = m ? safeHref(m[1]!) : null;
      if (m && href) {
        flush();
        out.push({ t: 'link', href, c: [{ t: 'text', v: m[1]! }] });
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

// ---- blocks -------------------------------------------------------------------------------

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*$)/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const DELIMITER = /^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isBlank = (line: string): boolean => line.trim() === '';

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const startsTable = (lines: readonly string[], i: number): boolean =>
  lines[i]!.includes('|') &&
  i + 1 < lines.length &&
  DELIMITER.test(lines[i + 1]!) &&
  lines[i + 1]!.includes('-');

/** Whether a line begins a block other than a paragraph (so it ends the paragraph before it). */
function interrupts(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    HR.test(line) ||
    QUOTE.test(line) ||
    ITEM.test(line) ||
    startsTable(lines, i)
  );
}

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return blocks(lines);
}

function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, marks, lang] = fence;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i]!;
        const close = new RegExp(`^ {0,3}${marks![0] === '`' ? '`' : '~'}{${marks!.length},}\\s*$`);
        if (close.test(l)) {
          i++;
          break;
        }
        body.push(l.slice(Math.min(indent!.length, indentOf(l))));
        i++;
      }
      out.push({ t: 'code', lang: lang ?? '', v: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ t: 'heading', level: heading[1]!.length, c: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!)) {
        const q = QUOTE.exec(lines[i]!);
        if (!q && interrupts(lines, i)) break;
        inner.push(q ? q[1]! : lines[i]!);
        i++;
      }
      out.push({ t: 'quote', c: blocks(inner) });
      continue;
    }
    if (startsTable(lines, i)) {
      const head = splitRow(line);
      const align: Align[] = splitRow(lines[i + 1]!).map((d) =>
        d.startsWith(':') && d.endsWith(':')
          ? 'center'
          : d.endsWith(':')
            ? 'right'
            : d.startsWith(':')
              ? 'left'
              : null,
      );
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i]!);
        rows.push(head.map((_, k) => parseInline(cells[k] ?? '')));
        i++;
      }
      out.push({
        t: 'table',
        align: head.map((_, k) => align[k] ?? null),
        head: head.map(parseInline),
        rows,
      });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const [list, next] = parseList(lines, i);
      out.push(list);
      i = next;
      continue;
    }
    // A paragraph: until a blank line or the start of another block.
    const para: string[] = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !interrupts(lines, i)) {
      para.push(lines[i]!.replace(/^ +/, ''));
      i++;
    }
    out.push({ t: 'p', c: parseInline(para.join('\n')) });
  }
  return out;
}

/** A list starting at line `start`; returns it and the index of the first line after it. */
function parseList(lines: readonly string[], start: number): [Block, number] {
  const first = ITEM.exec(lines[start]!)!;
  const baseIndent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const kind = (marker: string) => (/\d/.test(marker) ? marker.slice(-1) : marker);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]!);
    if (!m || m[1]!.length !== baseIndent || kind(m[2]!) !== kind(first[2]!)) break;
    const contentIndent = baseIndent + m[2]!.length + 1;
    const body: string[] = [m[3] ?? ''];
    i++;
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l)) {
        // A blank line continues the item only when indented content follows.
        let j = i;
        while (j < lines.length && isBlank(lines[j]!)) j++;
        if (j < lines.length && indentOf(lines[j]!) >= contentIndent) {
          for (; i < j; i++) body.push('');
          continue;
        }
        break;
      }
      if (indentOf(l) >= contentIndent) {
        body.push(l.slice(contentIndent));
      } else if (indentOf(l) > baseIndent && ITEM.test(l)) {
        body.push(l.slice(Math.min(indentOf(l), contentIndent)));
      } else if (!interrupts(lines, i) && body.at(-1) !== '') {
        body.push(l.trim()); // a lazy continuation of the item's paragraph
      } else break;
      i++;
    }
    items.push(blocks(body));
  }
  return [{ t: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items }, i];
}

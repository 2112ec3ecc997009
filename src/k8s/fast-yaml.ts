// A fast reader for the YAML kubectl prints (`kubectl get -o yaml`): block mappings and sequences,
// plain, quoted and literal (`|`) scalars, empty `{}` / `[]` — with every field's position. It
// declines (returns undefined) anything outside that subset — anchors, tags, flow collections,
// folded scalars, duplicate keys, anything that looks like an error — and the full YAML parser
// reads the text instead, with its exact messages. Values follow the YAML 1.2 core schema, as the
// `yaml` package reads them, so both readers give the same objects.

/** Where a node is (1-based line within the text, 1-based column), and where its children are. */
export interface FastPos {
  readonly line: number;
  readonly col: number;
  readonly keys?: Map<
    string,
    { readonly line: number; readonly col: number; readonly value: FastPos | null }
  >;
  readonly items?: FastPos[];
}

export interface FastDocument {
  readonly value: unknown;
  /** Where the document and each of its fields is; worked out on first use. */
  positions(): FastPos;
  /**
   * For a List (`items:` at the top): where item `i` and its fields are, worked out on first use
   * for that item alone — a dump's diagnostics name a few objects out of thousands.
   */
  itemPositions?(i: number): FastPos | undefined;
}

/** A node's value and, when the reader keeps them, its positions. */
interface Node {
  readonly value: unknown;
  readonly pos: FastPos;
}

const NO_POS: FastPos = { line: 0, col: 0 };

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** Reads one YAML document; undefined when the text is not in the subset this reader knows. */
export function parseFastYaml(text: string): FastDocument | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const lines = text.split('\n');
    const reader = new Reader(lines, false);
    const node = reader.document();
    if (!node) return undefined;
    const itemLines = reader.listItemLines;
    let whole: FastPos | undefined;
    const positions = (): FastPos => (whole ??= new Reader(lines, true).document()!.pos);
    const items = new Map<number, FastPos>();
    return {
      value: node.value,
      positions,
      ...(itemLines
        ? {
            itemPositions: (i: number): FastPos | undefined => {
              const line = itemLines[i];
              if (line === undefined) return undefined;
              let pos = items.get(i);
              if (!pos) items.set(i, (pos = new Reader(lines, true).itemAt(line)));
              return pos;
            },
          }
        : {}),
    };
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

const PLAIN_START_FORBIDDEN = new Set([
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  ',',
]);

class Reader {
  private i = 0;
  private depth = 0;
  /** The line index of each item of a top-level `items:` list (a kubectl List). */
  listItemLines: number[] | undefined;

  constructor(
    private readonly lines: readonly string[],
    /** Keep positions (for a locator), or values only (the first, fast read). */
    private readonly withPos: boolean,
  ) {}

  /** One item of a sequence, whose `-` is on line index `line`, read with positions. */
  itemAt(line: number): FastPos {
    this.i = line;
    const l = this.lines[line]!;
    return this.sequenceItem(indentOf(l)).pos;
  }

  document(): Node | undefined {
    this.skipInsignificant();
    if (this.i < this.lines.length && /^---(\s|$)/.test(this.lines[this.i]!)) {
      if (!/^---\s*(#.*)?$/.test(this.lines[this.i]!)) decline();
      this.i++;
      this.skipInsignificant();
    }
    if (this.i >= this.lines.length) return undefined; // an empty document: the full reader says so
    const line = this.lines[this.i]!;
    if (indentOf(line) !== 0 || line.startsWith('- ') || line === '-') decline();
    const doc = this.mapping(0, undefined);
    this.skipInsignificant();
    if (this.i < this.lines.length) decline();
    return doc;
  }

  /** Past blank and comment-only lines; a tab in indentation or a document marker declines. */
  private skipInsignificant(): void {
    const lines = this.lines;
    for (; this.i < lines.length; this.i++) {
      const line = lines[this.i]!;
      const indent = indentOf(line);
      const c = line.charCodeAt(indent);
      if (c === 9) decline();
      if (Number.isNaN(c) || c === 35) continue; // end of line, or `#`
      if (indent === 0 && (c === 45 || c === 46) && /^(---|\.\.\.)(\s|$)/.test(line)) decline();
      return;
    }
  }

  /** A block mapping whose keys sit at `indent`; `first` is an entry already begun on a `- ` line. */
  private mapping(indent: number, first: { text: string; col: number } | undefined): Node {
    const value: Record<string, unknown> = {};
    const keys: NonNullable<FastPos['keys']> | undefined = this.withPos ? new Map() : undefined;
    const seen = new Set<string>();
    let start: { line: number; col: number } | undefined;
    let pending = first;
    for (;;) {
      let text: string;
      let col: number;
      if (pending) {
        ({ text, col } = pending);
        pending = undefined;
      } else {
        this.skipInsignificant();
        if (this.i >= this.lines.length) break;
        const line = this.lines[this.i]!;
        const ind = indentOf(line);
        if (ind < indent) break;
        if (ind > indent) decline();
        if (line.startsWith('-', ind) && (line.length === ind + 1 || line[ind + 1] === ' ')) break;
        text = line.slice(ind);
        col = ind + 1;
      }
      const lineNo = this.i + 1;
      const { key, rest, restCol } = splitKey(text, col);
      if (key === '<<' || seen.has(key)) decline();
      seen.add(key);
      start ??= { line: lineNo, col };
      this.i++;
      this.depth++;
      const child = this.value(rest, restCol, col - 1, lineNo, true);
      this.depth--;
      if (this.depth === 0 && key === 'items' && this.lastSequenceLines)
        this.listItemLines = this.lastSequenceLines;
      this.lastSequenceLines = undefined;
      value[key] = child?.value ?? null;
      // An empty value sits right after the colon, where the full reader puts its null scalar.
      keys?.set(key, { line: lineNo, col, value: child?.pos ?? { line: lineNo, col: restCol } });
    }
    if (!start) decline();
    return { value, pos: keys ? { ...start!, keys } : NO_POS };
  }

  /** The item lines of the sequence just read (for the top-level `items:`). */
  private lastSequenceLines: number[] | undefined;

  private sequence(indent: number): Node {
    const value: unknown[] = [];
    const items: FastPos[] | undefined = this.withPos ? [] : undefined;
    const lines: number[] = [];
    this.skipInsignificant();
    const startLine = this.i + 1;
    for (;;) {
      this.skipInsignificant();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      if (ind > indent) decline();
      if (!(line.startsWith('-', ind) && (line.length === ind + 1 || line[ind + 1] === ' '))) break;
      lines.push(this.i);
      const child = this.sequenceItem(ind);
      value.push(child.value);
      items?.push(child.pos);
    }
    this.lastSequenceLines = lines;
    return { value, pos: items ? { line: startLine, col: indent + 1, items } : NO_POS };
  }

  /** One `- ` entry at the current line, whose dash is at column `ind` (0-based). */
  private sequenceItem(ind: number): Node {
    const line = this.lines[this.i]!;
    const after = line.slice(ind + 1);
    const pad = indentOf(after);
    const content = after.slice(pad);
    const col = ind + 2 + pad;
    const lineNo = this.i + 1;
    this.depth++;
    try {
      if (content === '' || content.startsWith('#')) {
        this.i++;
        const child = this.block(ind + 1);
        if (!child) decline();
        return child!;
      }
      if (content.startsWith('- ') || content === '-') decline();
      if (startsEntry(content)) return this.mapping(col - 1, { text: content, col });
      this.i++;
      return this.value(content, col, ind, lineNo, false)!;
    } finally {
      this.depth--;
    }
  }

  /** The node on the following lines, indented deeper than `parent`; undefined when there is none. */
  private block(minIndent: number): Node | undefined {
    this.skipInsignificant();
    if (this.i >= this.lines.length) return undefined;
    const line = this.lines[this.i]!;
    const ind = indentOf(line);
    if (ind < minIndent) return undefined;
    if (line.startsWith('-', ind) && (line.length === ind + 1 || line[ind + 1] === ' '))
      return this.sequence(ind);
    return this.mapping(ind, undefined);
  }

  /**
   * The value after `key:` (or `- `): `rest` starts at column `col` on line `lineNo`; the entry's
   * own indentation is `parent`. The reader has already moved past that line.
   */
  private value(
    rest: string,
    col: number,
    parent: number,
    lineNo: number,
    inMapping: boolean,
  ): Node | undefined {
    const text = stripComment(rest);
    if (text === '') {
      const child = this.block(parent + 1);
      if (child) return child;
      if (inMapping) {
        // kubectl's sequences under a key are not indented: `key:` then `- item` at the key's column.
        this.skipInsignificant();
        const line = this.lines[this.i];
        if (line !== undefined && indentOf(line) === parent && /^-( |$)/.test(line.slice(parent)))
          return this.sequence(parent);
      }
      return undefined;
    }
    const pos = this.withPos ? { line: lineNo, col } : NO_POS;
    const c = text[0]!;
    if (text === '{}') return { value: {}, pos: this.withPos ? { ...pos, keys: new Map() } : NO_POS };
    if (text === '[]') return { value: [], pos: this.withPos ? { ...pos, items: [] } : NO_POS };
    if (c === '|') return { value: this.literal(text, parent), pos };
    if (c === '"') return { value: this.quoted(rest, '"', parent), pos };
    if (c === "'") return { value: this.quoted(rest, "'", parent), pos };
    if (
      PLAIN_START_FORBIDDEN.has(c) ||
      ((c === '-' || c === '?' || c === ':') && (text.length === 1 || text[1] === ' '))
    )
      decline();
    if (/:( |$)/.test(text)) decline();
    let plain = text;
    // A plain scalar may continue on deeper-indented lines, folded with single spaces.
    for (;;) {
      const line = this.lines[this.i];
      if (line === undefined) break;
      const ind = indentOf(line);
      const t = line.slice(ind);
      if (t === '') {
        const next = this.nextSignificant();
        if (next === undefined || indentOf(this.lines[next]!) <= parent) break;
        decline(); // an empty line inside a multi-line plain scalar is a line break: rare, left to the full reader
      }
      if (ind <= parent) break;
      if (t.startsWith('#') || /:( |$)/.test(t) || /^-( |$)/.test(t) || t.includes(' #')) decline();
      plain += ' ' + t.trimEnd();
      this.i++;
    }
    return { value: resolvePlain(plain), pos };
  }

  private nextSignificant(): number | undefined {
    for (let j = this.i; j < this.lines.length; j++) if (this.lines[j]!.trim() !== '') return j;
    return undefined;
  }

  /** `|`, `|-`, `|+`: the lines indented deeper than the parent, kept as they are. */
  private literal(header: string, parent: number): string {
    const m = /^\|([-+]?)$/.exec(header);
    if (!m) decline();
    const chomp = m![1];
    const body: string[] = [];
    let contentIndent = -1;
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      if (line.trim() === '') {
        body.push('');
        continue;
      }
      const ind = indentOf(line);
      if (ind <= parent) break;
      if (contentIndent < 0) contentIndent = ind;
      if (ind < contentIndent || line.endsWith('\r')) decline();
      body.push(line.slice(contentIndent));
    }
    // Trailing empty lines belong to the scalar only under `|+`; hand them back otherwise.
    let end = body.length;
    while (end > 0 && body[end - 1] === '') end--;
    const trailing = body.length - end;
    const content = body.slice(0, end).join('\n');
    if (chomp === '+') return content + '\n'.repeat(trailing + (end > 0 ? 1 : 0));
    if (end === 0) return '';
    return chomp === '-' ? content : content + '\n';
  }

  /** A quoted scalar from `rest` (which starts with the quote), perhaps over several lines. */
  private quoted(rest: string, quote: '"' | "'", parent: number): string {
    let text = rest;
    const parts: string[] = [];
    let first = true;
    for (;;) {
      const end = closingQuote(text, quote, first ? 1 : 0);
      if (end >= 0) {
        parts.push(text.slice(first ? 1 : 0, end));
        if (stripComment(text.slice(end + 1)) !== '') decline();
        break;
      }
      parts.push(text.slice(first ? 1 : 0));
      first = false;
      const line = this.lines[this.i];
      if (line === undefined || line.trim() === '' || indentOf(line) <= parent) decline();
      text = line!.trimStart();
      this.i++;
    }
    return quote === '"' ? unescapeDouble(parts) : parts.map(trimFold).join(' ').replace(/''/g, "'");
  }
}

function trimFold(p: string, k: number, all: readonly string[]): string {
  let s = p;
  if (k > 0) s = s.trimStart();
  if (k < all.length - 1) s = s.trimEnd();
  return s;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Whether a `- ` item's content begins a mapping (`key: …` or `key:`). */
function startsEntry(content: string): boolean {
  if (content[0] === '"') {
    const end = closingQuote(content, '"', 1);
    return end > 0 && /^:( |$)/.test(content.slice(end + 1));
  }
  if (content[0] === "'" || PLAIN_START_FORBIDDEN.has(content[0]!)) return false;
  return /:( |$)/.test(stripComment(content));
}

/** `key: rest` → the key, the rest and the column where the rest starts. */
function splitKey(text: string, col: number): { key: string; rest: string; restCol: number } {
  let key: string;
  let after: number;
  if (text[0] === '"') {
    const end = closingQuote(text, '"', 1);
    if (end < 0 || text[end + 1] !== ':') decline();
    key = unescapeDouble([text.slice(1, end)]);
    after = end + 2;
  } else {
    if (PLAIN_START_FORBIDDEN.has(text[0]!) || text[0] === '?' || /^-( |$)/.test(text)) decline();
    const m = /:( |$)/.exec(text);
    if (!m) decline();
    key = text.slice(0, m!.index);
    if (key.includes(' #') || key !== key.trimEnd() || key === '') decline();
    after = m!.index + 1;
  }
  if (after < text.length && text[after] !== ' ') decline();
  let start = after;
  while (text[start] === ' ') start++;
  return { key, rest: text.slice(start).trimEnd(), restCol: col + start };
}

/** The text before a ` #` comment (outside quotes the caller has already handled). */
function stripComment(text: string): string {
  if (text[0] === '"' || text[0] === "'") return text.trimEnd();
  if (text.startsWith('#')) return '';
  const k = text.indexOf(' #');
  return (k >= 0 ? text.slice(0, k) : text).trimEnd();
}

function closingQuote(text: string, quote: '"' | "'", from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (quote === '"' && c === '\\') k++;
    else if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** A double-quoted scalar's lines: folded (a line break is a space) and unescaped. */
function unescapeDouble(parts: readonly string[]): string {
  let out = '';
  parts.forEach((raw, k) => {
    let p = k > 0 ? raw.trimStart() : raw;
    const last = k === parts.length - 1;
    let joinWithoutSpace = false;
    if (!last) {
      p = p.replace(/[ \t]+$/, '');
      if (p.endsWith('\\') && !p.endsWith('\\\\')) {
        p = p.slice(0, -1);
        joinWithoutSpace = true;
      }
    }
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = p[++i];
      if (e === undefined) decline();
      const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hexLen > 0) {
        const hex = p.slice(i + 1, i + 1 + hexLen);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLen) decline();
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) decline();
        out += String.fromCodePoint(cp);
        i += hexLen;
      } else if (Object.hasOwn(ESCAPES, e!)) out += ESCAPES[e!];
      else decline();
    }
    if (!last && !joinWithoutSpace) out += ' ';
  });
  return out;
}

/** A plain scalar under the YAML 1.2 core schema: null, booleans, integers, floats, else a string. */
export function resolvePlain(s: string): unknown {
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  const c = s.charCodeAt(0);
  // Only text that starts like a number can be one.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  return s;
}

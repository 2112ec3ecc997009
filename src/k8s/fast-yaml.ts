// A fast reader for the YAML kubectl prints (`kubectl get -o yaml`): block mappings and sequences,
// plain, quoted and literal (`|`) scalars, empty `{}` / `[]` — with every field's position. It
// declines (returns undefined) anything outside that subset — anchors, tags, flow collections,
// folded scalars, duplicate keys, anything that looks like an error — and the full YAML parser
// reads the text instead, with its exact messages. Values follow the YAML 1.2 core schema, as the
// `yaml` package reads them, so both readers give the same objects.
//
// It walks the text by offsets (a line is a range, not a string): a 3,000-pod dump is 700,000
// lines, and a string per line and per key/value split was most of its time and garbage.
import { Lines } from './fast-yaml-lines';
import {
  closingQuote,
  decline,
  Decline,
  forbiddenStart,
  isJsSpace,
  isWhite,
  resolvePlain,
  trimFold,
  unescapeDouble,
} from './fast-yaml-scalars';

export { resolvePlain } from './fast-yaml-scalars';

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

const NO_POS: FastPos = { line: 0, col: 0 };
/** What a key with nothing after it (and nothing below) reads as, before it becomes null. */
const NONE: unique symbol = Symbol('none');
type Read = unknown;

/** Reads one YAML document; undefined when the text is not in the subset this reader knows. */
export function parseFastYaml(text: string): FastDocument | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const lines = new Lines(text);
    const reader = new Reader(lines, false);
    const value = reader.document();
    if (value === NONE) return undefined;
    const itemLines = reader.listItemLines;
    let whole: FastPos | undefined;
    const positions = (): FastPos => {
      if (!whole) {
        const r = new Reader(lines, true);
        r.document();
        whole = r.pos;
      }
      return whole;
    };
    const items = new Map<number, FastPos>();
    return {
      value,
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

class Reader {
  /** The current line. */
  private i = 0;
  private depth = 0;
  /** The line index of each item of a top-level `items:` list (a kubectl List). */
  listItemLines: number[] | undefined;
  /** The item lines of the sequence just read (for the top-level `items:`). */
  private lastSequenceLines: number[] | undefined;
  /** Where the node read last is (with positions only). */
  pos: FastPos = NO_POS;
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly n: number;
  // What splitKey found: the key, and where the rest of the line is.
  private key = '';
  private restStart = 0;
  private restEnd = 0;

  constructor(
    private readonly lines: Lines,
    /** Keep positions (for a locator), or values only (the first, fast read). */
    private readonly withPos: boolean,
  ) {
    this.text = lines.text;
    this.starts = lines.starts;
    this.n = lines.count;
  }

  /** One item of a sequence, whose `-` is on line index `line`, read with positions. */
  itemAt(line: number): FastPos {
    this.i = line;
    this.sequenceItem(this.lines.contentOf(line) - this.starts[line]!);
    return this.pos;
  }

  document(): Read {
    this.skipInsignificant();
    if (this.i < this.n && /^---(\s|$)/.test(this.lines.lineText(this.i))) {
      if (!/^---\s*(#.*)?$/.test(this.lines.lineText(this.i))) decline();
      this.i++;
      this.skipInsignificant();
    }
    if (this.i >= this.n) return NONE; // an empty document: the full reader says so
    const s = this.starts[this.i]!;
    if (this.lines.contentOf(this.i) !== s || this.lines.dashAt(s, this.lines.endOf(this.i))) decline();
    const doc = this.mapping(0, -1);
    const pos = this.pos;
    this.skipInsignificant();
    if (this.i < this.n) decline();
    this.pos = pos;
    return doc;
  }

  /** Past blank and comment-only lines; a tab in indentation or a document marker declines. */
  private skipInsignificant(): void {
    const text = this.text;
    for (; this.i < this.n; this.i++) {
      const s = this.starts[this.i]!;
      const p = this.lines.contentOf(this.i);
      if (p >= this.lines.endOf(this.i)) continue;
      const c = text.charCodeAt(p);
      if (c === 9) decline();
      if (c === 35) continue; // `#`
      if (p === s && (c === 45 || c === 46) && this.documentMarker(s)) decline();
      return;
    }
  }

  /** `---` or `...` at `s`, followed by whitespace or the line's end. */
  private documentMarker(s: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(s);
    if (text.charCodeAt(s + 1) !== c || text.charCodeAt(s + 2) !== c) return false;
    return s + 3 === this.lines.endOf(this.i) || isJsSpace(text.charCodeAt(s + 3));
  }

  /**
   * A block mapping whose keys sit at `indent`; `first` is the offset of an entry already begun on
   * a `- ` line, or -1.
   */
  private mapping(indent: number, first: number): Read {
    const value: Record<string, unknown> = {};
    const keys: NonNullable<FastPos['keys']> | undefined = this.withPos ? new Map() : undefined;
    let startLine = 0;
    let startCol = 0;
    let pending = first;
    for (;;) {
      let s: number;
      if (pending >= 0) {
        s = pending;
        pending = -1;
      } else {
        this.skipInsignificant();
        if (this.i >= this.n) break;
        s = this.lines.contentOf(this.i);
        const ind = s - this.starts[this.i]!;
        if (ind < indent) break;
        if (ind > indent) decline();
        if (this.lines.dashAt(s, this.lines.endOf(this.i))) break;
      }
      const lineStart = this.starts[this.i]!;
      const col = s - lineStart + 1;
      const lineNo = this.i + 1;
      this.splitKey(s, this.lines.endOf(this.i));
      const key = this.key;
      if (key === '<<' || key === '__proto__' || Object.hasOwn(value, key)) decline();
      if (startLine === 0) {
        startLine = lineNo;
        startCol = col;
      }
      const restCol = this.restStart - lineStart + 1;
      this.i++;
      this.depth++;
      const child = this.value(this.restStart, this.restEnd, restCol, col - 1, lineNo, true);
      this.depth--;
      if (this.depth === 0 && key === 'items' && this.lastSequenceLines)
        this.listItemLines = this.lastSequenceLines;
      this.lastSequenceLines = undefined;
      value[key] = child === NONE ? null : child;
      // An empty value sits right after the colon, where the full reader puts its null scalar.
      keys?.set(key, {
        line: lineNo,
        col,
        value: child === NONE ? { line: lineNo, col: restCol } : this.pos,
      });
    }
    if (startLine === 0) decline();
    this.pos = keys ? { line: startLine, col: startCol, keys } : NO_POS;
    return value;
  }

  private sequence(indent: number): Read {
    const value: unknown[] = [];
    const items: FastPos[] | undefined = this.withPos ? [] : undefined;
    // Item lines are kept for the top-level `items:` only.
    const lines: number[] | undefined = this.depth === 1 ? [] : undefined;
    this.skipInsignificant();
    const startLine = this.i + 1;
    for (;;) {
      this.skipInsignificant();
      if (this.i >= this.n) break;
      const p = this.lines.contentOf(this.i);
      const ind = p - this.starts[this.i]!;
      if (ind < indent) break;
      if (ind > indent) decline();
      if (!this.lines.dashAt(p, this.lines.endOf(this.i))) break;
      lines?.push(this.i);
      value.push(this.sequenceItem(ind));
      items?.push(this.pos);
    }
    this.lastSequenceLines = lines;
    this.pos = items ? { line: startLine, col: indent + 1, items } : NO_POS;
    return value;
  }

  /** One `- ` entry at the current line, whose dash is at column `ind` (0-based). */
  private sequenceItem(ind: number): Read {
    const text = this.text;
    const lineStart = this.starts[this.i]!;
    const e = this.lines.endOf(this.i);
    let s = lineStart + ind + 1;
    while (text.charCodeAt(s) === 32) s++;
    if (text.charCodeAt(s) === 9) decline(); // separation by tab: left to the full reader
    const col = s - lineStart + 1;
    const lineNo = this.i + 1;
    this.depth++;
    try {
      if (s >= e || text.charCodeAt(s) === 35) {
        this.i++;
        const child = this.block(ind + 1);
        if (child === NONE) decline();
        return child;
      }
      if (this.lines.dashAt(s, e)) decline();
      if (this.startsEntry(s, e)) return this.mapping(col - 1, s);
      this.i++;
      let end = e;
      while (end > s && isWhite(text.charCodeAt(end - 1))) end--;
      const child = this.value(s, end, col, ind, lineNo, false);
      if (child === NONE) decline();
      return child;
    } finally {
      this.depth--;
    }
  }

  /** The node on the following lines, indented at least `minIndent`; NONE when there is none. */
  private block(minIndent: number): Read {
    this.skipInsignificant();
    if (this.i >= this.n) return NONE;
    const p = this.lines.contentOf(this.i);
    const ind = p - this.starts[this.i]!;
    if (ind < minIndent) return NONE;
    if (this.lines.dashAt(p, this.lines.endOf(this.i))) return this.sequence(ind);
    return this.mapping(ind, -1);
  }

  /** Whether a `- ` item's content [s, e) begins a mapping (`key: …` or `key:`). */
  private startsEntry(s: number, e: number): boolean {
    const c = this.text.charCodeAt(s);
    if (c === 34) {
      const content = this.text.slice(s, e);
      const end = closingQuote(content, '"', 1);
      return (
        end > 0 &&
        content[end + 1] === ':' &&
        (end + 2 === content.length || isWhite(content.charCodeAt(end + 2)))
      );
    }
    if (c === 39 || forbiddenStart(c)) return false;
    return this.lines.colonSeparator(s, this.lines.withoutComment(s, e)) >= 0;
  }

  /** `key: rest` at [s, e) → this.key, and the rest's range without trailing white space. */
  private splitKey(s: number, e: number): void {
    const text = this.text;
    const c = text.charCodeAt(s);
    let after: number;
    if (c === 34) {
      const line = text.slice(s, e);
      const end = closingQuote(line, '"', 1);
      if (end < 0 || line[end + 1] !== ':') decline();
      this.key = unescapeDouble([line.slice(1, end)]);
      after = s + end + 2;
    } else {
      if (forbiddenStart(c) || c === 63 || (c === 45 && (s + 1 === e || isWhite(text.charCodeAt(s + 1)))))
        decline();
      const m = this.lines.colonSeparator(s, e);
      if (m <= s || isJsSpace(text.charCodeAt(m - 1))) decline();
      const key = text.slice(s, m);
      if (key.includes(' #') || key.includes('\t#')) decline();
      this.key = key;
      after = m + 1;
    }
    if (after < e && text.charCodeAt(after) !== 32) decline();
    let start = after;
    while (start < e && isWhite(text.charCodeAt(start))) start++;
    let end = e;
    while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
    this.restStart = start;
    this.restEnd = end;
  }

  /**
   * The value at [s, e) after `key:` (or `- `), which starts at column `col` on line `lineNo`; the
   * entry's own indentation is `parent`. The reader has already moved past that line.
   */
  private value(s: number, e: number, col: number, parent: number, lineNo: number, inMapping: boolean): Read {
    const text = this.text;
    const c = text.charCodeAt(s);
    const quoted = c === 34 || c === 39;
    const comment = quoted ? -1 : this.lines.commentAt(s, e);
    const end = quoted ? e : this.lines.withoutComment(s, comment >= 0 ? comment : e);
    if (end === s) {
      const child = this.block(parent + 1);
      if (child !== NONE) return child;
      if (inMapping) {
        // kubectl's sequences under a key are not indented: `key:` then `- item` at the key's column.
        this.skipInsignificant();
        if (this.i < this.n) {
          const p = this.lines.contentOf(this.i);
          if (p - this.starts[this.i]! === parent && this.lines.dashAt(p, this.lines.endOf(this.i)))
            return this.sequence(parent);
        }
      }
      return NONE;
    }
    const withPos = this.withPos;
    if (end - s === 2) {
      const c2 = text.charCodeAt(s + 1);
      if (c === 123 && c2 === 125) {
        this.pos = withPos ? { line: lineNo, col, keys: new Map() } : NO_POS;
        return {};
      }
      if (c === 91 && c2 === 93) {
        this.pos = withPos ? { line: lineNo, col, items: [] } : NO_POS;
        return [];
      }
    }
    let v: unknown;
    if (c === 124) v = this.literal(text.slice(s, end), parent);
    else if (quoted) v = this.quoted(text.slice(s, e), c === 34 ? '"' : "'", parent);
    else v = this.plain(s, end, parent, comment >= 0);
    this.pos = withPos ? { line: lineNo, col } : NO_POS;
    return v;
  }

  /**
   * A plain scalar at [s, e), perhaps continued on deeper-indented lines (folded with spaces) —
   * unless a comment ended its first line.
   */
  private plain(s: number, e: number, parent: number, commented: boolean): unknown {
    const text = this.text;
    const c = text.charCodeAt(s);
    if (
      forbiddenStart(c) ||
      ((c === 45 || c === 63 || c === 58) && (e - s === 1 || isWhite(text.charCodeAt(s + 1))))
    )
      decline();
    if (this.lines.colonSeparator(s, e) >= 0) decline();
    let plain = text.slice(s, e);
    for (; this.i < this.n; this.i++) {
      const p = this.lines.contentOf(this.i);
      const ind = p - this.starts[this.i]!;
      const lineEnd = this.lines.endOf(this.i);
      if (this.lines.whiteUntil(p, lineEnd)) {
        const next = this.lines.nextSignificant(this.i);
        if (next === undefined || this.lines.contentOf(next) - this.starts[next]! <= parent) break;
        decline(); // an empty line inside a multi-line plain scalar is a line break: rare, left to the full reader
      }
      if (ind <= parent) break;
      if (commented || text.charCodeAt(p) === 9) decline();
      const t = text.slice(p, lineEnd);
      if (/^#|[ \t]#|:([ \t]|$)|^-( |$)/.test(t)) decline();
      plain += ' ' + t.replace(/[ \t]+$/, '');
    }
    return resolvePlain(plain);
  }

  /** `|`, `|-`, `|+`: the lines indented deeper than the parent, kept as they are. */
  private literal(header: string, parent: number): string {
    const m = /^\|([-+]?)$/.exec(header);
    if (!m) decline();
    const chomp = m![1];
    const body: string[] = [];
    let contentIndent = -1;
    // Spaces on a blank line past the content's indentation are content; the full reader reads those.
    let blankSpaces = 0;
    for (; this.i < this.n; this.i++) {
      const lineStart = this.starts[this.i]!;
      const p = this.lines.contentOf(this.i);
      const lineEnd = this.lines.endOf(this.i);
      if (p >= lineEnd) {
        blankSpaces = Math.max(blankSpaces, p - lineStart);
        if (contentIndent >= 0 && blankSpaces > contentIndent) decline();
        body.push('');
        continue;
      }
      const ind = p - lineStart;
      if (ind <= parent) break;
      if (contentIndent < 0) contentIndent = ind;
      if (ind < contentIndent || blankSpaces > contentIndent) decline();
      body.push(this.text.slice(lineStart + contentIndent, lineEnd));
    }
    if (contentIndent < 0 && blankSpaces > 0) decline();
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
        if (!/^[ \t]*(([ \t]#|$))/.test(text.slice(end + 1))) decline();
        break;
      }
      parts.push(text.slice(first ? 1 : 0));
      first = false;
      if (this.i >= this.n) decline();
      const p = this.lines.contentOf(this.i);
      const lineEnd = this.lines.endOf(this.i);
      if (this.lines.whiteUntil(p, lineEnd) || p - this.starts[this.i]! <= parent) decline();
      text = this.text.slice(p, lineEnd).replace(/^[ \t]+/, '');
      this.i++;
    }
    return quote === '"' ? unescapeDouble(parts) : parts.map(trimFold).join(' ').replace(/''/g, "'");
  }
}

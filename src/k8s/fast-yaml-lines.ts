// The text the fast YAML reader (fast-yaml.ts) walks, cut into lines by offset — a line is a range,
// not a string — and what a line holds: its indentation, a dash, a `key:` colon, a comment.
import { isWhite } from './fast-yaml-scalars';

/** The text cut into lines by offset: line k is `text` from `starts[k]` to `starts[k + 1] - 1`. */
export class Lines {
  readonly starts: Int32Array;
  readonly count: number;

  constructor(readonly text: string) {
    let n = 1;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n++;
    const starts = new Int32Array(n + 1);
    let k = 1;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) starts[k++] = p + 1;
    starts[n] = text.length + 1;
    this.starts = starts;
    this.count = n;
  }

  endOf(k: number): number {
    return this.starts[k + 1]! - 1;
  }

  /** The first offset on line `k` that is not a space. */
  contentOf(k: number): number {
    const text = this.text;
    let p = this.starts[k]!;
    while (text.charCodeAt(p) === 32) p++;
    return p;
  }

  lineText(k: number): string {
    return this.text.slice(this.starts[k], this.endOf(k));
  }

  /** Whether a `-` at `p` starts a sequence entry (followed by a space or the line's end `e`). */
  dashAt(p: number, e: number): boolean {
    return this.text.charCodeAt(p) === 45 && (p + 1 === e || this.text.charCodeAt(p + 1) === 32);
  }

  /** The first `:` in [s, e) followed by white space or `e`; -1 when there is none. */
  colonSeparator(s: number, e: number): number {
    const text = this.text;
    for (let p = s; p < e; p++)
      if (text.charCodeAt(p) === 58 && (p + 1 === e || isWhite(text.charCodeAt(p + 1)))) return p;
    return -1;
  }

  /** Where a comment (`#` at `s`, or after white space) starts in [s, e); -1 when there is none. */
  commentAt(s: number, e: number): number {
    const text = this.text;
    if (text.charCodeAt(s) === 35) return s;
    for (let p = s + 1; p < e; p++)
      if (text.charCodeAt(p) === 35 && isWhite(text.charCodeAt(p - 1))) return p;
    return -1;
  }

  /** Where [s, e) ends without a comment and trailing white space. */
  withoutComment(s: number, e: number): number {
    const comment = this.commentAt(s, e);
    let end = comment >= 0 ? comment : e;
    while (end > s && isWhite(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  /** Whether [p, e) is only spaces and tabs. */
  whiteUntil(p: number, e: number): boolean {
    for (let q = p; q < e; q++) if (!isWhite(this.text.charCodeAt(q))) return false;
    return true;
  }

  /** The first line from `from` on that is not blank. */
  nextSignificant(from: number): number | undefined {
    for (let j = from; j < this.count; j++) if (!this.whiteUntil(this.starts[j]!, this.endOf(j))) return j;
    return undefined;
  }
}

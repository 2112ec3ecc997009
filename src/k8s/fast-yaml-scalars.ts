// The scalars of the fast YAML reader (fast-yaml.ts): quoted and plain scalars as the YAML 1.2
// core schema reads them, and the declining that hands a text to the full reader.

export class Decline extends Error {}

/** Hands the text to the full YAML reader. */
export const decline = (): never => {
  throw new Decline();
};

/** Characters a plain scalar (or a plain key) cannot start with, by char code. */
const FORBIDDEN_START = new Uint8Array(128);
for (const c of '[]{}#&*!|>\'"%@`,') FORBIDDEN_START[c.charCodeAt(0)] = 1;

export function forbiddenStart(c: number): boolean {
  return c < 128 && FORBIDDEN_START[c] === 1;
}

/** Space or tab: what YAML calls white space. */
export function isWhite(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whitespace as JavaScript's `trim` and the regex `\s` see it. */
export function isJsSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the closing quote is in `text`, searching from `from`; -1 when the line has none. */
export function closingQuote(text: string, quote: '"' | "'", from: number): number {
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

/** A single-quoted scalar's line `k` of `all`, its white space trimmed where lines fold. */
export function trimFold(p: string, k: number, all: readonly string[]): string {
  let s = p;
  if (k > 0) s = s.replace(/^[ \t]+/, '');
  if (k < all.length - 1) s = s.replace(/[ \t]+$/, '');
  return s;
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
export function unescapeDouble(parts: readonly string[]): string {
  let out = '';
  parts.forEach((raw, k) => {
    let p = k > 0 ? raw.replace(/^[ \t]+/, '') : raw;
    const last = k === parts.length - 1;
    let joinWithoutSpace = false;
    if (!last) {
      p = p.replace(/[ \t]+$/, '');
      if (p.endsWith('\\') && !p.endsWith('\\\\')) {
        p = p.slice(0, -1);
        joinWithoutSpace = true;
      }
    }
    if (!p.includes('\\')) out += p;
    else
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

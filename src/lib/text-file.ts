// The bytes of a file a person gave us, as text: UTF-8 (with or without a BOM) or UTF-16 with its
// BOM, as the API server's YAML reader accepts; anything else is "not a text file" in one line,
// not thousands of YAML errors. The page and the CLI read files through this.
import { strFromU8 } from 'fflate';

export type TextFile =
  { readonly text: string } | { readonly problem: 'not-text' | 'empty'; readonly text?: undefined };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 code units (after the BOM) as text; null for an odd number of bytes. */
function utf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  const [lo, hi] = littleEndian ? [0, 1] : [1, 0];
  const units: number[] = Array.from({ length: Math.min(8192, bytes.length / 2) }, () => 0);
  let out = '';
  for (let at = 0; at < bytes.length; at += 2 * units.length) {
    const end = Math.min(bytes.length, at + 2 * units.length);
    units.length = (end - at) / 2;
    for (let i = at, k = 0; i < end; i += 2, k++) units[k] = bytes[i + lo]! | (bytes[i + hi]! << 8);
    out += String.fromCharCode(...units);
  }
  return out;
}

/** Whether the bytes hold U+FFFD written as UTF-8 (so a U+FFFD in the decoded text is the author's). */
function hasReplacementChar(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}

/**
 * Binary data: NUL bytes, or many control characters a text never has in the first 8 KB (a short
 * script with one stray ESC is still text: its output escapes it).
 */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > head.length / 10 || (controls > 8 && controls > head.length / 100);
}

/**
 * The text of a file: `{text}`, or the one problem to report. A file of white space only is
 * `empty` ("no input").
 */
export function decodeTextFile(bytes: Uint8Array): TextFile {
  let text: string | null;
  if (startsWith(bytes, [0xff, 0xfe])) text = utf16(bytes.subarray(2), true);
  else if (startsWith(bytes, [0xfe, 0xff])) text = utf16(bytes.subarray(2), false);
  else {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    text = strFromU8(body);
    if (text.includes('\ufffd') && !hasReplacementChar(body)) text = null; // not valid UTF-8
  }
  if (text === null || looksBinary(text)) return { problem: 'not-text' };
  if (text.trim() === '') return { problem: 'empty' };
  return { text };
}

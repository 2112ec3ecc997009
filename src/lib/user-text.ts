// Text that came from the user (a scenario, a file, a link) shown back to people: quoted and cut to
// a sane length in messages, control characters escaped on a terminal, bidi isolated on the page,
// and a test for the characters that make a name look like something it is not.

/** How many characters of a user's value a message repeats. */
export const QUOTE_LIMIT = 120;

// Bidi controls: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
const BIDI = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069';
// Characters that draw nothing: soft hyphen, combining grapheme joiner, Hangul fillers, Mongolian
// vowel separator, zero-width space/joiners, word joiner and invisible operators, deprecated
// format controls, line/paragraph separators, BOM, interlinear annotation, tag characters.
const INVISIBLE =
  '\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}';
const CONTROLS = '\u0000-\u001f\u007f-\u009f';

const HIDDEN = new RegExp(`[${CONTROLS}${BIDI}${INVISIBLE}]`, 'u');
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
const BIDI_OR_INVISIBLE = new RegExp(`[${BIDI}${INVISIBLE}]`, 'u');
/** What a terminal acts on: controls (tab and newline aside), bidi controls, line separators. */
const TERMINAL_UNSAFE = new RegExp(`[\u0000-\u0008\u000b-\u001f\u007f-\u009f${BIDI}\u2028\u2029]`, 'gu');
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;
/** What can change the direction of text: bidi controls and right-to-left letters (Hebrew, Arabic, …). */
const DIRECTIONAL = new RegExp(
  `[${BIDI}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]`,
  'u',
);

/** `\u001b`, `\u202e` (astral characters as their two UTF-16 halves): JSON reads them back. */
function escapeChar(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `text` cut to at most `max` characters, the last one "…" when something was cut (whole code
 * points: never half a surrogate pair).
 */
export function clip(text: string, max: number = QUOTE_LIMIT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // do not split a surrogate pair
  return `${text.slice(0, end)}…`;
}

/** `text` with every control, bidi and invisible character written as `\uXXXX`. */
export function showHidden(text: string): string {
  return HIDDEN.test(text) ? text.replace(HIDDEN_ALL, escapeChar) : text;
}

/** A user's text shown without quotes (a file name in a status line): cut, hidden characters visible. */
export function shown(text: string, max: number = QUOTE_LIMIT): string {
  return showHidden(clip(text, max));
}

/**
 * A user's value as a message repeats it: in double quotes, cut to `max` characters with "…",
 * quotes, backslashes and every control, bidi or invisible character escaped. Non-strings are
 * written as JSON (numbers, booleans, null, objects).
 */
export function quote(value: unknown, max: number = QUOTE_LIMIT): string {
  if (typeof value === 'string') {
    const cut = value.length > max;
    const head = cut ? clip(value, max).slice(0, -1) : value;
    return `"${showHidden(JSON.stringify(head).slice(1, -1))}${cut ? '…' : ''}"`;
  }
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return showHidden(clip(json, max));
}

/** Escapes what a terminal would act on (ESC sequences, carriage returns, bidi controls); keeps tabs and newlines. */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_UNSAFE, escapeChar);
}

/**
 * `text` as a bidi isolate (FSI … PDI): whatever direction controls it carries stay inside it,
 * so an RLO in a bridge name cannot reverse the CIDR drawn after it. Isolate controls inside are
 * escaped, so the text cannot close the isolate early. Text with nothing directional (`cni0`,
 * `데이터`) comes back as it is.
 */
export function isolate(text: string): string {
  if (!DIRECTIONAL.test(text)) return text;
  return `\u2068${text.replace(ISOLATE_CONTROLS, escapeChar)}\u2069`;
}

/** The first bidi control or invisible character in `text` (as `U+202E`), or null. */
export function hiddenCharacter(text: string): string | null {
  const m = BIDI_OR_INVISIBLE.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

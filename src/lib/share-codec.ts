// A frame of the lab in a URL fragment: `#s=v1.<base64url(deflate(JSON))>`. The version prefix
// keeps old links opening; decoding treats the fragment as untrusted input (size limits, strict
// shape checks, a message instead of an exception).
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { inflateBounded, INFLATE_SLICE } from './bounded-inflate';
import type { LocalText, Locale } from './text';
import { isPortNumber, isProtocol, isRecord, onlyKeys } from './shape';

export const SHARE_PREFIX = 's=v1.';
/** Links past this many characters are unwieldy in chat and notes: offer a file instead. */
export const SHARE_SOFT_LIMIT = 8 * 1024;
/** Hard limits on what a link may carry, before and after inflating. */
export const MAX_FRAGMENT_CHARS = 2_000_000;
export const MAX_JSON_BYTES = 5_000_000;
/**
 * How much a link may expand: a whole cluster's dump compresses ~60×, a decompression bomb
 * ~1000×; past this it is refused after its first megabyte.
 */
export const MAX_INFLATE_RATIO = 250;

export interface SharedPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface SharedFrame {
  readonly scenario: string;
  readonly locale?: Locale;
  readonly lesson?: { readonly id: string; readonly step?: string };
  readonly flow?: { readonly from: string; readonly to: string };
  readonly port?: SharedPort;
  readonly packet?: {
    readonly from: string;
    readonly to: string;
    readonly port: SharedPort;
    readonly step: number;
  };
  /** The policy the graph highlights (`namespace/name`). */
  readonly policy?: string;
  /** The storage lab on screen and its text (the networking scenario travels as well). */
  readonly storage?: { readonly lab: 'volumes' | 'layers'; readonly text: string };
}

export type DecodeResult = { readonly frame: SharedFrame } | { readonly error: LocalText };

// base64url by hand: the pure core has no btoa/atob (they are DOM globals).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code → 6-bit value, -1 for anything outside the alphabet. */
const INDEX = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The text is not base64url. */
class NotBase64 extends Error {}

/**
 * base64url text as bytes, a piece (of INFLATE_SLICE bytes) at a time: inflating can stop before
 * the rest of a hostile link is even decoded. Throws NotBase64 at the first bad character.
 */
function* fromBase64Url(text: string): Generator<Uint8Array> {
  if (text.length % 4 === 1) throw new NotBase64();
  const step = 4 * Math.ceil(INFLATE_SLICE / 3); // whole groups of 4 characters
  for (let from = 0; from < text.length; from += step) {
    const to = Math.min(from + step, text.length);
    const out = new Uint8Array(Math.floor(((to - from) * 3) / 4));
    let at = 0;
    let n = 0;
    let bits = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const v = code < 128 ? INDEX[code]! : -1;
      if (v < 0) throw new NotBase64();
      n = ((n << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[at++] = (n >> bits) & 255;
      }
    }
    yield out.subarray(0, at);
  }
}

/** The fragment (without `#`) for a frame. */
export function encodeShareFragment(frame: SharedFrame): string {
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(frame)), { level: 9 }));
}

const bad = (en: string, ko: string): DecodeResult => ({
  error: { en: `This link cannot be opened: ${en}`, ko: `이 링크를 열 수 없습니다: ${ko}` },
});

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isPort = (v: unknown): v is SharedPort =>
  isRecord(v) && isPortNumber(v.port) && isProtocol(v.protocol) && Object.keys(v).length === 2;

/** Checks every field of a decoded value; anything unexpected rejects the whole link. */
export function validateFrame(value: unknown): SharedFrame | null {
  if (!isRecord(value)) return null;
  const v = value;
  if (!onlyKeys(v, ['scenario', 'locale', 'lesson', 'flow', 'port', 'packet', 'storage', 'policy']))
    return null;
  if (v.policy !== undefined && !isString(v.policy, 300)) return null;
  if (v.storage !== undefined) {
    const st = v.storage as Record<string, unknown>;
    if (
      typeof st !== 'object' ||
      st === null ||
      !onlyKeys(st, ['lab', 'text']) ||
      (st.lab !== 'volumes' && st.lab !== 'layers') ||
      !isString(st.text, MAX_JSON_BYTES)
    )
      return null;
  }
  if (!isString(v.scenario, MAX_JSON_BYTES)) return null;
  if (v.locale !== undefined && v.locale !== 'en' && v.locale !== 'ko') return null;
  if (v.lesson !== undefined) {
    const l = v.lesson as Record<string, unknown>;
    if (
      typeof l !== 'object' ||
      l === null ||
      !onlyKeys(l, ['id', 'step']) ||
      !isString(l.id, 200) ||
      (l.step !== undefined && !isString(l.step, 200))
    )
      return null;
  }
  if (v.flow !== undefined) {
    const f = v.flow as Record<string, unknown>;
    if (
      typeof f !== 'object' ||
      f === null ||
      !onlyKeys(f, ['from', 'to']) ||
      !isString(f.from, 300) ||
      !isString(f.to, 300)
    )
      return null;
  }
  if (v.port !== undefined && !isPort(v.port)) return null;
  if (v.packet !== undefined) {
    const p = v.packet as Record<string, unknown>;
    if (typeof p !== 'object' || p === null || !onlyKeys(p, ['from', 'to', 'port', 'step'])) return null;
    if (
      !isString(p.from, 300) ||
      !isString(p.to, 300) ||
      !isPort(p.port) ||
      !Number.isInteger(p.step) ||
      (p.step as number) < 0 ||
      (p.step as number) > 10_000
    )
      return null;
  }
  return v as unknown as SharedFrame;
}

/** Reads a fragment (with or without `#`). */
export function decodeShareFragment(fragment: string): DecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > MAX_FRAGMENT_CHARS) return bad('it is too long', '너무 깁니다');
  if (!text.startsWith('s='))
    return bad('it does not carry a netlab scene', 'netlab 장면이 들어 있지 않습니다');
  if (!text.startsWith(SHARE_PREFIX))
    return bad('it was made by a newer netlab', '더 새로운 netlab에서 만든 링크입니다');
  let json: ReturnType<typeof inflateBounded>;
  try {
    json = inflateBounded(fromBase64Url(text.slice(SHARE_PREFIX.length)), MAX_JSON_BYTES, MAX_INFLATE_RATIO);
  } catch (e) {
    if (e instanceof NotBase64)
      return bad('it is damaged (not base64url)', '손상되었습니다(base64url이 아님)');
    throw e;
  }
  if ('error' in json)
    return json.error === 'too-large'
      ? bad('it unpacks to more than 5 MB', '풀면 5MB가 넘습니다')
      : bad('it is damaged (not DEFLATE)', '손상되었습니다(DEFLATE가 아님)');
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(json.bytes));
  } catch {
    return bad('it is damaged (not JSON)', '손상되었습니다(JSON이 아님)');
  }
  const frame = validateFrame(value);
  return frame ? { frame } : bad('its contents are not a netlab scene', '내용이 netlab 장면이 아닙니다');
}

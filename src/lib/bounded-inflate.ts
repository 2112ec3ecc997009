// Inflating untrusted DEFLATE data (share links, the scene inside an exported picture) without
// ever holding more than a limit: the input is fed in small slices and inflating stops as soon as
// the output passes the limit, so a 2 MB "bomb" that would grow to gigabytes is refused after a
// few megabytes of work.
import { Inflate } from 'fflate';

/**
 * Compressed bytes fed per step. DEFLATE expands at most ~1032×, so one step produces at most
 * ~1 MB: the work done past the limit stays bounded whatever the input.
 */
export const INFLATE_SLICE = 1024;

export type InflateResult =
  { readonly bytes: Uint8Array } | { readonly error: 'too-large' | 'corrupt'; readonly inflated: number };

/** Output past which `maxRatio` is checked: small inputs may legitimately expand a lot. */
const RATIO_AFTER = 1 << 20;

/** `data` in INFLATE_SLICE pieces. */
function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += INFLATE_SLICE) yield data.subarray(at, at + INFLATE_SLICE);
}

/**
 * Inflates raw DEFLATE `source`, refusing (without finishing) once the output passes `limit`
 * bytes, or once past the first megabyte it is more than `maxRatio` times the input read so far:
 * text people write compresses 5–60×, a bomb ~1000×, so a bomb is stopped after a megabyte of
 * work. `source` may be pieces produced on demand (a link decoded as it is read): a refused bomb
 * is never even decoded whole. Errors the pieces throw are the caller's.
 */
export function inflateBounded(
  source: Uint8Array | Iterable<Uint8Array>,
  limit: number,
  maxRatio = Infinity,
): InflateResult {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    if (final) done = true;
  });
  const pieces = (source instanceof Uint8Array ? slices(source) : source)[Symbol.iterator]();
  let read = 0;
  // One piece ahead, so the last one is pushed as final.
  let next = pieces.next();
  if (next.done) next = { done: false, value: new Uint8Array(0) };
  while (!next.done) {
    const piece = next.value;
    next = pieces.next();
    read += piece.length;
    try {
      inflater.push(piece, next.done === true);
    } catch {
      return { error: 'corrupt', inflated: size };
    }
    if (size > limit || (size > RATIO_AFTER && size > maxRatio * read))
      return { error: 'too-large', inflated: size };
  }
  if (!done) return { error: 'corrupt', inflated: size };
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out };
}

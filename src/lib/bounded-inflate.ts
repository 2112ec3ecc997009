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

/** Inflates raw DEFLATE `data`, refusing (without finishing) once the output passes `limit` bytes. */
export function inflateBounded(data: Uint8Array, limit: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) {
      const end = Math.min(at + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (size > limit) return { error: 'too-large', inflated: size };
    }
    if (data.length === 0) inflater.push(data, true);
  } catch {
    return { error: 'corrupt', inflated: size };
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

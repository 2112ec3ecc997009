// PNG tEXt chunks: an exported picture carries its scene, so dropping it back into netlab
// restores what it shows. Only Latin-1 text (our share fragments are ASCII).

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);
const u32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && SIGNATURE.every((v, i) => bytes[i] === v);
}

/** Inserts a tEXt chunk `keyword\0text` before IEND. */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG');
  const data = latin1(`${keyword}\0${text}`);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1('tEXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const iend = png.length - 12; // IEND is always the last, empty chunk
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend));
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

/** PNG keywords are 1 to 79 Latin-1 characters (PNG specification, 11.3.4.3). */
const MAX_KEYWORD = 79;

/** Latin-1 bytes as text, a slice at a time (spreading megabytes into one call would throw). */
function latin1Text(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 8192)
    out += String.fromCharCode(...bytes.subarray(at, Math.min(at + 8192, bytes.length)));
  return out;
}

/**
 * The text of the first tEXt chunk with `keyword`, or null (also for damaged files and chunks
 * whose keyword is not a PNG keyword, e.g. megabytes long).
 */
export function readPngText(png: Uint8Array, keyword: string): string | null {
  if (!isPng(png)) return null;
  let at = 8;
  while (at + 12 <= png.length) {
    const length = u32(png, at);
    const type = latin1Text(png.subarray(at + 4, at + 8));
    if (at + 12 + length > png.length) return null;
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const zero = data.subarray(0, MAX_KEYWORD + 1).indexOf(0);
      if (zero > 0 && latin1Text(data.subarray(0, zero)) === keyword)
        return latin1Text(data.subarray(zero + 1));
    }
    if (type === 'IEND') return null;
    at += 12 + length;
  }
  return null;
}

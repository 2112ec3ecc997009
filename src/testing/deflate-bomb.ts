// Real decompression bombs for tests and the hostile benchmark: small DEFLATE inputs that
// inflate to gigabytes, as an attacker would put them in a share link or a picture.
import { Deflate } from 'fflate';

/**
 * One DEFLATE block worth 1 MB of zeros (about 1 KB compressed, ending on a byte boundary after
 * a sync flush) repeated `megabytes` times, then an empty final stored block. 1,450 repeats:
 * a 1.4 MB input (1.9 MB as a link) that inflates to 1.45 GB.
 */
export function deflateBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  d.push(new Uint8Array(1 << 20));
  d.flush(true);
  const block = concat(parts);
  const out = new Uint8Array(block.length * megabytes + 5);
  for (let i = 0; i < megabytes; i++) out.set(block, i * block.length);
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], block.length * megabytes);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

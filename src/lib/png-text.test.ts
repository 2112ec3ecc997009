import { describe, expect, it } from 'vitest';
import { addPngText, isPng, readPngText } from './png-text';

// The smallest valid PNG: 1×1, one grey pixel (IHDR, IDAT, IEND with correct CRCs).
const PIXEL = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 58,
  126, 155, 85, 0, 0, 0, 10, 73, 68, 65, 84, 120, 156, 99, 104, 0, 0, 0, 130, 0, 129, 221, 67, 106, 244, 0, 0,
  0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);

describe('PNG text chunks', () => {
  it('writes a tEXt chunk before IEND and reads it back', () => {
    const out = addPngText(PIXEL, 'netlab', 's=v1.abc_-');
    expect(isPng(out)).toBe(true);
    expect(out.length).toBe(PIXEL.length + 12 + 'netlab'.length + 1 + 's=v1.abc_-'.length);
    expect(readPngText(out, 'netlab')).toBe('s=v1.abc_-');
    expect(readPngText(out, 'other')).toBeNull();
    expect(Array.from(out.slice(-12))).toEqual(Array.from(PIXEL.slice(-12)));
  });

  it('computes the chunk CRC as PNG requires (CRC-32 over type and data)', () => {
    const out = addPngText(PIXEL, 'k', 'v');
    const chunkStart = PIXEL.length - 12;
    // "tEXt" "k\0v": CRC-32 of those 7 bytes is 0xCB04F390 (computed with zlib.crc32)
    expect(Array.from(out.slice(chunkStart + 4 + 4 + 3, chunkStart + 4 + 4 + 3 + 4))).toEqual([
      0xcb, 0x04, 0xf3, 0x90,
    ]);
  });

  it('rejects what is not a PNG, and survives truncation', () => {
    expect(readPngText(Uint8Array.from([1, 2, 3]), 'netlab')).toBeNull();
    expect(readPngText(addPngText(PIXEL, 'netlab', 'x').slice(0, 40), 'netlab')).toBeNull();
    expect(() => addPngText(Uint8Array.from([1, 2]), 'k', 'v')).toThrow();
  });
});

describe('hostile PNG text chunks', () => {
  it('a tEXt chunk whose keyword runs for megabytes is skipped, not a RangeError', () => {
    const huge = addPngText(PIXEL, 'k'.repeat(2_000_000), 'x');
    expect(() => readPngText(huge, 'netlab')).not.toThrow();
    expect(readPngText(huge, 'netlab')).toBeNull();
    // Our chunk after it is still found.
    expect(readPngText(addPngText(huge, 'netlab', 's=v1.a'), 'netlab')).toBe('s=v1.a');
  });

  it('a tEXt chunk without a keyword terminator is skipped', () => {
    const noZero = addPngText(PIXEL, 'netlab'.repeat(30), '');
    expect(readPngText(noZero, 'netlab')).toBeNull();
  });

  it('reads a 3 MB text back whole', () => {
    const text = 's=v1.' + 'A'.repeat(3_000_000);
    expect(readPngText(addPngText(PIXEL, 'netlab', text), 'netlab')).toBe(text);
  });
});

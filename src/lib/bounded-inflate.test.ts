import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bigDumpYaml } from '../testing/big-dump';
import { deflateBomb } from '../testing/deflate-bomb';
import { inflateBounded, INFLATE_SLICE } from './bounded-inflate';

describe('inflateBounded', () => {
  it('the bomb is real: a small one inflates to exactly its size', () => {
    const small = inflateBounded(deflateBomb(3), 10 << 20);
    expect('bytes' in small && small.bytes.length).toBe(3 << 20);
  });

  it('refuses a 1.45 GB bomb after inflating little more than the limit', () => {
    const bomb = deflateBomb(1450);
    expect(bomb.length).toBeLessThan(2_000_000);
    const limit = 5_000_000;
    const r = inflateBounded(bomb, limit);
    expect(r).toMatchObject({ error: 'too-large' });
    // One slice expands at most ~1032×: the work past the limit is bounded.
    if ('error' in r) expect(r.inflated).toBeLessThanOrEqual(limit + INFLATE_SLICE * 1032);
  });

  it('reads back what deflateSync wrote, at any size around the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (data, limit) => {
        const r = inflateBounded(deflateSync(data), limit);
        if (data.length <= limit) expect(r).toEqual({ bytes: data });
        else expect(r).toMatchObject({ error: 'too-large' });
      }),
    );
  });

  it('says "corrupt" for damaged or truncated data, never throws', () => {
    const good = deflateSync(new TextEncoder().encode('a scenario '.repeat(500)));
    expect(inflateBounded(good.subarray(0, good.length >> 1), 1 << 20)).toMatchObject({ error: 'corrupt' });
    expect(inflateBounded(Uint8Array.from([0xff, 0xff, 0xff]), 100)).toMatchObject({ error: 'corrupt' });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => void inflateBounded(b, 10_000)));
  });

  it('with a ratio limit, a bomb is refused after its first megabyte; ordinary text passes', () => {
    const r = inflateBounded(deflateBomb(1400), 5_000_000, 250);
    expect(r).toMatchObject({ error: 'too-large' });
    if ('error' in r) expect(r.inflated).toBeLessThanOrEqual((1 << 20) + INFLATE_SLICE * 1032);
    // A dump of thousands of near-identical pods: about as repetitive as real text gets (~60×).
    const text = new TextEncoder().encode(bigDumpYaml(8_000));
    expect(inflateBounded(deflateSync(text, { level: 9 }), 5_000_000, 250)).toEqual({ bytes: text });
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapRoute } from './route-lines';

describe('wrapRoute', () => {
  it('breaks a calico route between words into lines that fit a one-column node box', () => {
    expect(wrapRoute('10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird', 18)).toEqual([
      '10.244.2.0/24 via ',
      '192.168.1.12 dev ',
      'eth0 proto bird',
    ]);
  });

  it('loses no character and keeps every line within the width (a longer word stands alone)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9./]{1,24}$/), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 8, max: 60 }),
        (words, chars) => {
          const text = words.join(' ');
          const lines = wrapRoute(text, chars);
          expect(lines.join('')).toBe(text);
          for (const line of lines) {
            const bare = line.trimEnd();
            expect(bare.length <= chars || !bare.includes(' ')).toBe(true);
          }
        },
      ),
    );
  });
});

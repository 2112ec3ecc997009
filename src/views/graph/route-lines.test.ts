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

  it('past the lines a one-column header has room for, the last line shown ends in an ellipsis', () => {
    const cilium = '10.244.2.0/24 via 10.244.1.1 dev cilium_host src 10.244.1.1 mtu 1450';
    const lines = wrapRoute(cilium, 18, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    expect(lines.every((l) => l.trimEnd().length <= 18)).toBe(true);
    expect(cilium.startsWith(lines.join('').slice(0, -1))).toBe(true);
    // A route that fits is not touched.
    expect(wrapRoute('10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird', 18, 3)).toHaveLength(3);
  });
});

// Keys without double meaning: lesson steps on PageUp/PageDown and Alt+arrows, packet hops on
// plain arrows (and J/L); no key moves both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonStepKey, packetHopKey, type KeyPress } from './keyboard';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: null,
  ...mods,
});

describe('lesson step and packet hop keys', () => {
  it.each([
    ['PageDown', {}, 1, 0],
    ['PageUp', {}, -1, 0],
    ['ArrowRight', { altKey: true }, 1, 0],
    ['ArrowLeft', { altKey: true }, -1, 0],
    ['ArrowRight', {}, 0, 1],
    ['ArrowLeft', {}, 0, -1],
    ['l', {}, 0, 1],
    ['j', {}, 0, -1],
    ['PageDown', { ctrlKey: true }, 0, 0],
    ['ArrowRight', { shiftKey: true, altKey: true }, 0, 0],
  ] as const)('%s %o: step %d, hop %d', (key, mods, step, hop) => {
    expect(lessonStepKey(press(key, mods))).toBe(step);
    expect(packetHopKey(press(key, mods))).toBe(hop);
  });

  it('no key press moves both a lesson step and a packet hop', () => {
    const keys = ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft', 'l', 'j', 'k', ' ', 'Home'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (key, altKey, ctrlKey, metaKey, shiftKey) => {
          const e = press(key, { altKey, ctrlKey, metaKey, shiftKey });
          expect(lessonStepKey(e) === 0 || packetHopKey(e) === 0).toBe(true);
        },
      ),
    );
  });
});

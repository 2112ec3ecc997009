import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, escapeControls, hiddenCharacter, isolate, quote, QUOTE_LIMIT, showHidden } from './user-text';

describe('quote', () => {
  it.each([
    ['plain', 'web', '"web"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['an escape sequence', '\u001b]0;pwned\u0007', '"\\u001b]0;pwned\\u0007"'],
    ['a newline', 'a\nb', '"a\\nb"'],
    ['an RLO', 'cni\u202e0', '"cni\\u202e0"'],
    ['a zero-width space', 'we\u200bb', '"we\\u200bb"'],
    ['a C1 control', 'a\u009bb', '"a\\u009bb"'],
    ['Korean stays as written', '데이터베이스', '"데이터베이스"'],
  ])('%s', (_, value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('writes non-strings as JSON', () => {
    expect(quote(3)).toBe('3');
    expect(quote(null)).toBe('null');
    expect(quote({ a: 1 })).toBe('{"a":1}');
    expect(quote(undefined)).toBe('undefined');
  });

  it('cuts a 1 MB value to 120 characters with "…"', () => {
    const q = quote('x'.repeat(1_000_000));
    expect(q).toBe(`"${'x'.repeat(QUOTE_LIMIT - 1)}…"`);
    expect(quote({ big: 'y'.repeat(200_000) }).length).toBeLessThanOrEqual(QUOTE_LIMIT + 1);
  });

  it('never splits a surrogate pair', () => {
    const q = quote('a' + '😀'.repeat(100));
    expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('property: bounded, and a quoted string reads back (JSON) as a prefix of the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const q = quote(s);
        expect(q.length).toBeLessThanOrEqual(6 * QUOTE_LIMIT + 3);
        expect(hiddenCharacter(q)).toBeNull();
        // oxlint-disable-next-line no-control-regex -- looking for exactly those
        expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        const body = q.endsWith('…"') ? `${q.slice(0, -2)}"` : q;
        expect(s.startsWith(JSON.parse(body) as string)).toBe(true);
      }),
    );
  }, 30_000);
});

describe('clip', () => {
  it('keeps short texts and cuts long ones', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip('abcdef', 5)).toBe('abcd…');
  });
});

describe('escapeControls (terminal output)', () => {
  it('escapes what a terminal acts on, keeps tabs, newlines and Korean', () => {
    expect(escapeControls('ok\tyes\n')).toBe('ok\tyes\n');
    expect(escapeControls('\u001b[2K\rallowed')).toBe('\\u001b[2K\\rallowed'.replace('\\r', '\\u000d'));
    expect(escapeControls('\u001b]0;title\u0007')).toBe('\\u001b]0;title\\u0007');
    expect(escapeControls('a\u202eb')).toBe('a\\u202eb');
    expect(escapeControls('허용 ✓')).toBe('허용 ✓');
  });

  it('keeps JSON valid and equal when applied to JSON text', () => {
    const value = { name: 'x\u202e\u0085\u2028y', n: 1 };
    const text = escapeControls(JSON.stringify(value));
    expect(text).not.toMatch(/[\u202e\u0085\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('property: no character a terminal acts on survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(escapeControls(s)).not.toMatch(
          // oxlint-disable-next-line no-control-regex -- looking for exactly those
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
        );
      }),
    );
  }, 30_000);
});

describe('isolate and hidden characters', () => {
  it('wraps in FSI…PDI and escapes isolate controls inside', () => {
    expect(isolate('\u202ecni0')).toBe('\u2068\u202ecni0\u2069');
    expect(isolate('שלום')).toBe('\u2068שלום\u2069');
    // nothing directional: as it is
    expect(isolate('cni0')).toBe('cni0');
    expect(isolate('데이터')).toBe('데이터');
    expect(isolate('a\u2069\u202eb')).toBe('\u2068a\\u2069\u202eb\u2069');
  });

  it.each([
    ['cni0', null],
    ['\u202ecni0', 'U+202E'],
    ['we\u200bb', 'U+200B'],
    ['a\u{e0041}', 'U+E0041'],
    ['ㅤ', 'U+3164'],
    ['데이터', null],
  ])('hiddenCharacter(%j) = %s', (text, expected) => {
    expect(hiddenCharacter(text)).toBe(expected);
  });

  it('showHidden makes every hidden character visible', () => {
    expect(showHidden('a\u200bb\u0000')).toBe('a\\u200bb\\u0000');
  });
});

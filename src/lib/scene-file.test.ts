import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { deflateBomb } from '../testing/deflate-bomb';
import { addPngText } from './png-text';
import { isSvgText, MAX_FILE_BYTES, PNG_KEYWORD, readSceneBytes, svgSceneFragment } from './scene-file';
import { encodeShareFragment, SHARE_PREFIX } from './share-codec';

const PIXEL = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 58,
  126, 155, 85, 0, 0, 0, 10, 73, 68, 65, 84, 120, 156, 99, 104, 0, 0, 0, 130, 0, 129, 221, 67, 106, 244, 0, 0,
  0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = c & 255;
    out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};
const fragment = encodeShareFragment({ scenario: DEFAULT });
const bombFragment = SHARE_PREFIX + Buffer.from(deflateBomb(1400)).toString('base64url');

describe('readSceneBytes', () => {
  it('reads YAML in UTF-8, UTF-8 with a BOM, and UTF-16 LE/BE with a BOM (as kubectl does)', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: 데이터\n';
    for (const bytes of [
      utf8(text),
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]),
      utf16(text, true),
      utf16(text, false),
    ])
      expect(readSceneBytes(bytes, 'x.yaml')).toEqual({ text });
  });

  it('a binary file gets one line, not a page of YAML errors', () => {
    const binary = Uint8Array.from({ length: 136_000 }, (_, i) => (i * 7919) % 256);
    const r = readSceneBytes(binary, 'photo.jpg');
    expect(r).toMatchObject({ error: { en: expect.stringMatching(/^photo\.jpg is not a text file/) } });
    expect(readSceneBytes(Uint8Array.from([0x61, 0x00, 0x62]), 'a')).toHaveProperty('error');
    // Latin-1 bytes are not UTF-8
    expect(
      readSceneBytes(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]), 'l1.yaml'),
    ).toHaveProperty('error');
  });

  it('a short text with a stray control character is still text (its output escapes it)', () => {
    const yaml = 'kind: Pod\nmetadata: {name: "x\u001b[2Jy"}\n';
    expect(readSceneBytes(utf8(yaml), 'evil.yaml')).toEqual({ text: yaml });
    expect(readSceneBytes(utf8('\u001b\u0001\u0002\u0003 a\n'), 'b')).toHaveProperty('error');
  });

  it.each([
    ['a scenario in YAML', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n', 'text'],
    [
      'a kubectl List',
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\nkind: List\n',
      'text',
    ],
    ['a scenario in JSON', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}', 'text'],
    [
      'a progress file',
      '{\n  "format": "netlab-lesson-progress",\n  "version": 1,\n  "lessons": {}\n}\n',
      'progressText',
    ],
    ['a README', '# netlab\n\nA lab for Kubernetes networking.\n', 'error'],
    ['package.json', '{"name": "netlab", "version": "0.1.0"}', 'error'],
  ])('recognises %s', (_name, text, what) => {
    expect(readSceneBytes(utf8(text), 'f')).toHaveProperty(what);
  });

  it('opens a cluster dump past 5 MB (a 300-pod `-o json` is 5.5 MB) and refuses one past MAX_FILE_BYTES', () => {
    const item = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default"}},';
    const json = `{"apiVersion":"v1","kind":"List","items":[${item.repeat(Math.ceil(6_000_000 / item.length))}{}]}`;
    expect(json.length).toBeGreaterThan(6_000_000);
    const read = readSceneBytes(utf8(json), 'dump.json');
    expect(read).toEqual({ text: json });
    const tooBig = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    expect(readSceneBytes(tooBig, 'huge.yaml')).toEqual({
      error: { en: 'huge.yaml is larger than 64 MB', ko: 'huge.yaml은 64MB보다 큽니다' },
    });
  });

  it('an empty or blank file says so', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\n\t')])
      expect(readSceneBytes(bytes, 'new.yaml')).toEqual({
        error: { en: 'new.yaml is empty', ko: 'new.yaml은 빈 파일입니다' },
      });
  });

  it('recognises an SVG with an XML declaration, comments and a DOCTYPE (as editors write it)', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><metadata id="netlab-scene">
  ${fragment}
</metadata><rect width="10" height="10"/></svg>`;
    expect(isSvgText(svg)).toBe(true);
    expect(readSceneBytes(utf8(svg), 'scene.svg')).toEqual({ frame: { scenario: DEFAULT } });
    const subset = `<!DOCTYPE svg [ <!ENTITY a "b"> ]><svg><metadata id='netlab-scene'>${fragment}</metadata></svg>`;
    expect(readSceneBytes(utf8(subset), 'a.svg')).toEqual({ frame: { scenario: DEFAULT } });
    expect(readSceneBytes(utf8('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'p.svg')).toMatchObject({
      error: { en: 'p.svg is a picture without a netlab scene' },
    });
    // Not an SVG: YAML that mentions one.
    expect(isSvgText('kind: Pod # <svg>')).toBe(false);
  });

  it('never expands entities: an SVG "billion laughs" is only text to us', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><svg><metadata id="netlab-scene">&lol9;</metadata></svg>`;
    expect(readSceneBytes(utf8(laughs), 'lol.svg')).toMatchObject({
      error: { en: expect.stringMatching(/link/) },
    });
  });

  it('refuses a 1.4 GB bomb inside a PNG or an SVG with a message', () => {
    for (const bytes of [
      addPngText(PIXEL, PNG_KEYWORD, bombFragment),
      utf8(
        `<svg xmlns="http://www.w3.org/2000/svg"><metadata id="netlab-scene">${bombFragment}</metadata></svg>`,
      ),
    ])
      expect(readSceneBytes(bytes, 'bomb')).toMatchObject({
        error: { en: expect.stringMatching(/more than 5 MB/) },
      });
  });

  it('a PNG whose tEXt keyword runs for megabytes is a picture without a scene', () => {
    const png = addPngText(PIXEL, 'k'.repeat(2_000_000), fragment);
    expect(readSceneBytes(png, 'odd.png')).toMatchObject({
      error: { en: 'odd.png is a picture without a netlab scene' },
    });
  });

  it('file names in messages are cut and their hidden characters shown', () => {
    const r = readSceneBytes(new Uint8Array(0), `${'a'.repeat(300)}\u202egpj.yaml`);
    expect('error' in r && r.error.en.length).toBeLessThan(100);
    const rlo = readSceneBytes(new Uint8Array(0), 'exe\u202egpj.yaml');
    expect('error' in rlo && rlo.error.en).toBe('exe\\u202egpj.yaml is empty');
  });

  it('hostile SVG prologs are scanned in linear time', () => {
    expect(isSvgText('<!--'.repeat(200_000))).toBe(false);
    expect(svgSceneFragment(`<metadata id="netlab-scene">${' '.repeat(2_000_000)}x`)).toBeNull();
    expect(svgSceneFragment('<metadata '.repeat(100_000))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { readManifests, splitDocuments } from './source';

describe('splitDocuments', () => {
  it('cuts at --- lines, keeping each marker with its document and the line offsets', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- {c: 3}\n')).toEqual([
      { text: 'a: 1', lineOffset: 0 },
      { text: '---\nb: 2', lineOffset: 1 },
      { text: '--- {c: 3}\n', lineOffset: 3 },
    ]);
  });

  it('does not cut at ---- or indented ---, and leaves files with directives whole', () => {
    expect(splitDocuments('a: |\n  ---\n----: x\n')).toHaveLength(1);
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n---\nb: 2\n')).toHaveLength(1);
  });
});

describe('readManifests', () => {
  it('gives the same objects and positions whether a document was cached or not', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n';
    const first = readManifests([{ name: 'f', text }]);
    // the second document is now cached; move it two lines down
    const second = readManifests([{ name: 'f', text: '# one\n# two\n' + text }]);
    expect(second.objects.map((o) => o.value)).toEqual(first.objects.map((o) => o.value));
    expect(first.objects[1]!.at(['metadata', 'name'])).toEqual({ file: 'f', line: 7, col: 18 });
    expect(second.objects[1]!.at(['metadata', 'name'])).toEqual({ file: 'f', line: 9, col: 18 });
  });

  it('locates a syntax error in a later document where parsing the whole file would', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: [unclosed\nd: 1\n';
    const whole = parseAllDocuments(text, { lineCounter: new LineCounter() }) as Document[];
    const lc = new LineCounter();
    const err = (parseAllDocuments(text, { lineCounter: lc }) as Document[])[2]!.errors[0]!;
    expect(whole[2]!.errors.length).toBeGreaterThan(0);
    const r = readManifests([{ name: 'f', text }]);
    expect(r.diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([
      [lc.linePos(err.pos[0]).line, lc.linePos(err.pos[0]).col, 'yaml-syntax'],
    ]);
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(5);
  });
});

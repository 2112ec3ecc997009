// The fast readers (JSON.parse with lazy positions, the kubectl-YAML subset reader) must give the
// values and the positions the full YAML reader gives, or decline. Checked on random documents,
// on the real-cluster fixtures, the generated dumps and every lesson scenario.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { generateDump } from '../testing/generate-dump';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { parseFastYaml } from './fast-yaml';
import {
  blankManagedFields,
  readManifests,
  type FieldPath,
  type ManifestFile,
  type RawObject,
} from './source';

const ROOT = join(import.meta.dirname, '../..');

/** Every field path of a value (maps and lists), the root included. */
function paths(value: unknown, prefix: FieldPath = [], out: FieldPath[] = []): FieldPath[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Objects and every position of both readers, side by side. */
function compare(file: ManifestFile, sample = Infinity): void {
  const fast = readManifests([file]);
  const full = readManifests([file], false);
  expect(fast.diagnostics).toEqual(full.diagnostics);
  expect(fast.objects.map((o) => o.value)).toEqual(full.objects.map((o) => o.value));
  fast.objects.forEach((o: RawObject, i) => {
    const ps = paths(o.value).filter(
      (p) => !p.includes('managedFields') || p[p.length - 1] === 'managedFields',
    );
    const step = Math.max(1, Math.floor(ps.length / sample));
    for (let k = 0; k < ps.length; k += step) {
      const p = ps[k]!;
      for (const part of ['key', 'value'] as const)
        expect(o.at(p, part), `${file.name} object ${i} ${JSON.stringify(p)} ${part}`).toEqual(
          full.objects[i]!.at(p, part),
        );
    }
  });
}

const key = fc.string({ minLength: 1, maxLength: 8 });
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('true', 'null', '~', '12', '0x1f', '1e3', '-.inf', 'a: b', '- x', '#c', "it's", 'x #y', ''),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const doc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), fc.array(tie('value'), { maxLength: 4 })),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).map as fc.Arbitrary<Record<string, unknown>>;

describe('the fast YAML reader', () => {
  it('reads what yaml.stringify writes (indented or kubectl-style sequences) as yaml.parse does, or declines', () => {
    let taken = 0;
    fc.assert(
      fc.property(doc, fc.boolean(), fc.integer({ min: 0, max: 120 }), (v, indentSeq, lineWidth) => {
        const text = stringify(v, { indentSeq, lineWidth });
        const fast = parseFastYaml(text);
        if (fast) {
          taken++;
          expect(fast.value).toEqual(parse(text));
        }
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(100); // it must not just decline everything
  });

  it('on any text made of the characters YAML treats specially, reads as yaml.parse does or declines', () => {
    // Lines of keys, dashes, quotes, comments, tabs and odd whitespace at random indentation: the
    // fast reader must never take a text the full reader calls an error, nor read it differently.
    const piece = fc.constantFrom(
      'a',
      'b',
      '1',
      ':',
      ': ',
      '- ',
      '-',
      ' ',
      '  ',
      '\t',
      '#',
      ' #',
      '"',
      "'",
      '\\',
      '|',
      '{}',
      '[]',
      '\u00a0',
      '\u2028',
      'x: y',
      'k:',
    );
    const value = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(''));
    // Mostly `key: value` and `- value` lines, so that many texts are YAML at all; some free.
    const line = fc
      .tuple(
        fc.constantFrom(0, 0, 2, 2, 4, 1),
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                fc.constantFrom('', '- '),
                fc.constantFrom('a', 'b', '"q"', 'k-1', 'a b'),
                fc.constantFrom(':', ': ', ':\t', ': ', ' :'),
                value,
              )
              .map((p) => p.join('')),
          },
          { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '-'), value).map((p) => p.join('')) },
          { weight: 1, arbitrary: value },
        ),
      )
      .map(([indent, text]) => ' '.repeat(indent) + text);
    let taken = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        // A document starts at the margin; later lines wander.
        const text = [lines[0]!.trimStart(), ...lines.slice(1)].join('\n') + '\n';
        const fast = parseFastYaml(text);
        if (!fast) return;
        taken++;
        const full = parseDocument(text);
        expect(full.errors, JSON.stringify(text)).toEqual([]);
        expect(fast.value, JSON.stringify(text)).toEqual(full.toJS());
      }),
      { numRuns: 6000 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('gives every key and value of a random document the position the full reader gives', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (v, indentSeq) => {
        const text = stringify(v, { indentSeq });
        if (Object.keys(v).length > 0 && parseFastYaml(text)) compare({ name: 'r.yaml', text });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on a text cut anywhere from a dump, and reads what it takes as yaml.parse does', () => {
    const dump = generateDump({ pods: 3, seed: 9 }, 'yaml');
    fc.assert(
      fc.property(fc.nat(dump.length), fc.nat(dump.length), (a, b) => {
        const text = dump.slice(Math.min(a, b), Math.max(a, b));
        const fast = parseFastYaml(text);
        if (fast) expect(fast.value).toEqual(parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a key named __proto__ as a field (by declining to the full reader), not as a prototype', () => {
    expect(parseFastYaml('__proto__:\n  polluted: 1\n')).toBeUndefined();
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['flow collections', 'a: {b: 1}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a folded scalar', 'a: >\n  text\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a value that is an error', 'a: b: c\n'],
    ['a deeper line under a scalar', 'a: b\n  c: d\n'],
    ['tabs in indentation', 'a:\n\tb: 1\n'],
  ])('declines %s', (_, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
  });

  it('blanks managedFields but keeps every line, so positions after it do not move', () => {
    const text = 'metadata:\n  managedFields:\n  - manager: x\n    fieldsV1:\n      f:a: {}\n  name: p\n';
    const blanked = blankManagedFields(text);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(parse(blanked)).toEqual({ metadata: { managedFields: null, name: 'p' } });
  });
});

describe('fast and full readers agree on values and every position', () => {
  it.each(REAL_CLUSTER_DUMPS)('$name', { timeout: 60_000 }, (file) => {
    if (file.name.endsWith('.json')) {
      // The JSON reader against the YAML reader on the same text (YAML reads JSON as well).
      compare(file, 400);
    } else compare({ ...file, text: blankManagedFields(file.text) }, 400);
  });

  it('a generated 30-pod dump, YAML and JSON', { timeout: 120_000 }, () => {
    compare({ name: 'd.yaml', text: blankManagedFields(generateDump({ pods: 30, seed: 3 }, 'yaml')) }, 100);
    compare({ name: 'd.json', text: generateDump({ pods: 30, seed: 3 }, 'json') }, 100);
  });

  it('every lesson scenario file', { timeout: 60_000 }, () => {
    const files: ManifestFile[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.yaml') && !p.endsWith('lesson.yaml'))
          files.push({ name: p, text: readFileSync(p, 'utf8') });
      }
    };
    walk(join(ROOT, 'lessons'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) compare(f);
  });
});

// Where a JSON List's items start: kubectl's four-space layout is read by a native search, any
// other layout by walking the text — and both must name the same offsets.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generateDumpObjects } from '../testing/generate-dump';
import { JsonPositions } from './json-source';

/** The walk over every character (no count given), the reference. */
const walked = (text: string): number[] => new JsonPositions('f.json', text).listItemStarts();
const found = (text: string): number[] =>
  new JsonPositions('f.json', text).listItemStarts((JSON.parse(text) as { items: unknown[] }).items.length);

const list = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'List',
  ...extra,
  items,
  metadata: { resourceVersion: '' },
});

describe("a JSON List's item starts", () => {
  const items = generateDumpObjects({ pods: 6, seed: 4 });

  it.each([
    ['kubectl (four spaces)', 4],
    ['jq (two spaces)', 2],
    ['tabs', '\t'],
    ['one line', undefined],
  ] as const)('%s: every item starts at its `{`', (_, indent) => {
    const text = JSON.stringify(list(items), null, indent);
    const starts = found(text);
    expect(starts).toEqual(walked(text));
    expect(starts).toHaveLength(items.length);
    for (const at of starts) expect(text[at]).toBe('{');
  });

  it("takes kubectl's layout without walking the items", () => {
    const text = JSON.stringify(list(items), null, 4);
    const walk = vi.spyOn(
      JsonPositions.prototype as unknown as { skipValue(i: number): number },
      'skipValue',
    );
    expect(found(text)).toHaveLength(items.length);
    expect(walk.mock.calls.length).toBeLessThan(5); // the keys before `items`, not the items
    walk.mockRestore();
  });

  it('on any items, nested values and strings with braces, quotes and line breaks in them', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const item = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(value, fc.constantFrom('{', '}', '\n        {', '"', '\\')),
      {
        maxKeys: 4,
      },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.constantFrom(4, 2, undefined), (xs, indent) => {
        const text = JSON.stringify(list(xs), null, indent) + '\n';
        expect(found(text)).toEqual(walked(text));
      }),
      { numRuns: 300 },
    );
  });

  it('an item laid out otherwise (an empty object among them) is found by the walk', () => {
    const text = JSON.stringify(list([{ a: 1 }, {}, { b: 2 }]), null, 4);
    expect(found(text)).toEqual(walked(text));
    expect(found(text)).toHaveLength(3);
  });
});

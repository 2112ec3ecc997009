// The label-class partition: named values, one fresh value and "absent" per key, merged to the
// combinations some selector answers differently.
import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../k8s/types';
import { labelClasses } from './label-classes';
import { matchesSelector } from './selector';

const sel = (
  matchLabels: Record<string, string>,
  ...exprs: [string, 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', string[]?][]
): LabelSelector => ({
  matchLabels,
  matchExpressions: exprs.map(([key, operator, values]) => ({ key, operator, values: values ?? [] })),
});

/** Each class as `witness → which selectors match`. */
const table = (selectors: LabelSelector[]): string[] =>
  labelClasses(selectors).map(
    (c) => `${JSON.stringify(c.witness)} → ${selectors.map((_, i) => (c.matches.has(i) ? 1 : 0)).join('')}`,
  );

describe('labelClasses', () => {
  it.each([
    ['no selector: one class, any labels', [], ['{} → ']],
    ['{} selects everything: one class', [sel({})], ['{} → 1']],
    [
      'role=db: with it, and without (another value or none merged)',
      [sel({ role: 'db' })],
      ['{"role":"db"} → 1', '{"role":"other"} → 0'],
    ],
    [
      'NotIn [a] and DoesNotExist tell a, another value and absent apart',
      [sel({}, ['role', 'NotIn', ['a']]), sel({}, ['role', 'DoesNotExist'])],
      ['{"role":"a"} → 00', '{"role":"other"} → 10', '{} → 11'],
    ],
    [
      'Exists versus In [a, b]: a and b stay together',
      [sel({}, ['role', 'Exists']), sel({}, ['role', 'In', ['a', 'b']])],
      ['{"role":"a"} → 11', '{"role":"other"} → 10', '{} → 00'],
    ],
    [
      'two keys in one selector (AND): only "matches" and "does not" remain',
      [sel({ role: 'db', tier: 'be' })],
      ['{"role":"db","tier":"be"} → 1', '{"role":"db","tier":"other"} → 0'],
    ],
    [
      'a named value "other" makes the fresh value another word',
      [sel({ role: 'other' })],
      ['{"role":"other"} → 1', '{"role":"other-2"} → 0'],
    ],
  ] as [string, LabelSelector[], string[]][])('%s', (_, selectors, want) => {
    expect(table(selectors)).toEqual(want);
  });

  it('each witness matches exactly the selectors its class says (checked with matchesSelector)', () => {
    const selectors = [
      sel({ a: '1' }),
      sel({}, ['a', 'NotIn', ['1', '2']], ['b', 'Exists']),
      sel({ b: 'x' }, ['c', 'DoesNotExist']),
    ];
    for (const c of labelClasses(selectors))
      selectors.forEach((s, i) => expect(matchesSelector(s, c.witness)).toBe(c.matches.has(i)));
  });

  it('a required key (a namespace name) is never absent, avoids taken values, and names each fresh class apart', () => {
    const name = 'kubernetes.io/metadata.name';
    const selectors = [sel({ [name]: 'prod' }), sel({ [name]: 'staging' }), sel({ team: 'x' })];
    const classes = labelClasses(
      selectors,
      new Map([[name, { required: true, exclude: ['prod'], fresh: 'new-namespace' }]]),
    );
    expect(classes.map((c) => c.witness)).toEqual([
      { [name]: 'staging', team: 'x' },
      { [name]: 'staging', team: 'other' },
      { [name]: 'new-namespace', team: 'x' },
      { [name]: 'new-namespace-2', team: 'other' },
    ]);
  });
});

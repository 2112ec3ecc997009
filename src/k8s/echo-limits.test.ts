// Messages repeat a user's value cut to QUOTE_LIMIT characters, never the megabyte they were given;
// and a text hiding bidi controls or invisible characters gets a warning where it is.
import { describe, expect, it } from 'vitest';
import { QUOTE_LIMIT } from '../lib/user-text';
import { loadCluster } from './load-cluster';

const pod = (labels: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: default\n  labels:\n${labels}\n${extra}spec:\n  containers: [{name: c, image: i}]\n`;
const load = (text: string) => loadCluster([{ name: 's.yaml', text }]).diagnostics;
const MB = 'x'.repeat(1_000_000);

describe('echo limits', () => {
  it.each([
    ['a 1 MB label value', pod(`    app: ${MB}`), 'label-value'],
    // (an implicit YAML key stops at 1,024 characters: these are explicit `? key` keys)
    ['a 1 MB label key', pod(`    ? ${MB}\n    : v`), 'label-key'],
    ['a 1 MB unknown field', pod('    app: web', `  ? ${MB}\n  : 1\n`), 'unknown-field'],
    ['a 1 MB name', pod('    app: web').replace('name: web', `name: ${MB}`), 'name'],
    [
      'a 1 MB CIDR',
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: ${MB}}\n`,
      'cidr',
    ],
  ])('%s is quoted cut to %#', (_, text) => {
    const ds = load(text);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      for (const words of [d.message.en, d.message.ko, d.hint?.en ?? '', d.hint?.ko ?? ''])
        expect(words.length, words.slice(0, 80)).toBeLessThan(QUOTE_LIMIT * 3);
    }
    expect(ds.some((d) => d.message.en.includes('…'))).toBe(true);
  });
});

describe('hidden characters', () => {
  it('warn at the key or value that holds them, naming the character', () => {
    const ds = load(
      `${pod('    app: "we\u200bb"')}---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec:\n  bridgeName: "\u202ecni0"\n`,
    ).filter((d) => d.code === 'hidden-character');
    expect(ds.map((d) => [d.line, d.message.en])).toEqual([
      [7, 'metadata.labels.app contains the invisible character U+200B'],
      [
        15,
        'spec.bridgeName contains the bidi control U+202E: the text shows in another order than it is written',
      ],
    ]);
    expect(ds[1]!.message.ko).toBe(
      'spec.bridgeName에 글자 순서를 바꾸는 제어 문자(U+202E)가 들어 있습니다. 보이는 순서와 실제 값이 다릅니다',
    );
  });

  it('Korean and emoji-free text raises nothing', () => {
    expect(
      load(pod('    app: web', '  annotations: {note: "데이터베이스 앞단"}\n')).filter(
        (d) => d.code === 'hidden-character',
      ),
    ).toEqual([]);
  });
});

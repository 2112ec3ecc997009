// No merge-conflict markers left anywhere in what the repository ships or documents: a marker in
// a Markdown file passes the typecheck and the formatter, so this scan is the one that catches it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// Written in pieces, so this file does not match itself.
const MARKER = new RegExp(`^(${'<'.repeat(7)} |${'='.repeat(7)}$|${'>'.repeat(7)} )`);

function markersIn(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (MARKER.test(line) ? [i + 1] : []));
}

describe('merge-conflict markers', () => {
  it('the pattern finds the three markers and not a Markdown rule', () => {
    const text = ['<'.repeat(7) + ' HEAD', 'ours', '='.repeat(7), 'theirs', '>'.repeat(7) + ' b', '==='].join(
      '\n',
    );
    expect(markersIn(text)).toEqual([1, 3, 5]);
  });

  it('none in any tracked text file', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|tsx|js|mjs|json|md|yaml|yml|css|html|sh|txtar)$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) =>
      markersIn(readFileSync(join(ROOT, f), 'utf8')).map((l) => `${f}:${l}`),
    );
    expect(found).toEqual([]);
  });
});

// No Korean text in the code or the lessons may show a both-forms particle placeholder: the
// particle follows the word before it (src/lib/korean.ts). This scan keeps them from coming back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// Written in pieces, so this file does not match itself.
const PAIRS = [
  ['을', '를'],
  ['이', '가'],
  ['은', '는'],
  ['와', '과'],
  ['으', '로'],
];
const PLACEHOLDER = new RegExp(PAIRS.map(([a, b]) => `${a}\\(${b}\\)|\\(${a}\\)${b}`).join('|'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function placeholdersIn(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (PLACEHOLDER.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('Korean particle placeholders', () => {
  it('the pattern finds each placeholder and nothing else', () => {
    const lines = ['a을' + '(를) b', '(으)' + '로', '이(가' + ')', 'x를 y로', '와(' + '과)'];
    expect(placeholdersIn(lines.join('\n'))).toEqual([
      `1: ${lines[0]}`,
      `2: ${lines[1]}`,
      `3: ${lines[2]}`,
      `5: ${lines[4]}`,
    ]);
  });

  it('none in src or lessons', () => {
    const found = ['src', 'lessons']
      .flatMap((d) => filesUnder(join(ROOT, d)))
      .filter((f) => /\.(ts|tsx|yaml|md|json)$/.test(f))
      .flatMap((f) => placeholdersIn(readFileSync(f, 'utf8')).map((l) => `${relative(ROOT, f)}:${l}`));
    expect(found).toEqual([]);
  });
});

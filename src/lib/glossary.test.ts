// One concept, one word: no UI source and no lesson file uses a Korean wording the glossary
// avoids ("매트릭스", "집행", "포드", study notes by file number), and the UI takes its terms from it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, avoidedWordings } from './glossary';
import { UI_TEXT } from '../views/i18n';

const ROOT = join(import.meta.dirname, '../..');

/** Files under `dir` whose names pass `keep` (recursively). */
function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** UI and message sources (tests and the learners' own notes used as fixtures left out). */
const sources = files(
  join(ROOT, 'src'),
  (p) => /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith('glossary.ts'),
);
/** Every lesson's Markdown, lesson.yaml and scenario files (not the authors' guide, which names the avoided words). */
const lessons = files(
  join(ROOT, 'lessons'),
  (p) => /\.(md|ya?ml)$/.test(p) && relative(join(ROOT, 'lessons'), p) !== 'README.md',
);

describe('the glossary', () => {
  it('scans a real corpus (sources and lessons in Korean)', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(lessons.filter((p) => p.endsWith('.ko.md')).length).toBeGreaterThan(50);
  });

  it('no source or lesson file uses an avoided Korean wording', () => {
    const found: string[] = [];
    for (const path of [...sources, ...lessons]) {
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { avoid, use } of avoidedWordings())
          if (line.includes(avoid)) found.push(`${relative(ROOT, path)}:${i + 1}: "${avoid}" → "${use}"`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the detector finds an avoided wording (so the scan can fail)', () => {
    const sample = '3306 포트의 매트릭스를 보세요. 노트 004는 CNI가 정책을 집행한다고 씁니다.';
    expect(
      avoidedWordings()
        .filter(({ avoid }) => sample.includes(avoid))
        .map((w) => w.avoid),
    ).toEqual(['매트릭스', '집행', '노트 004']);
  });

  it('the UI names the matrix with the glossary’s words, in both languages', () => {
    expect(UI_TEXT.en.matrix).toBe(GLOSSARY.matrix.en);
    expect(UI_TEXT.ko.matrix).toBe(GLOSSARY.matrix.ko);
    expect(UI_TEXT.ko.routes).toBe(GLOSSARY.route.ko);
    expect(UI_TEXT.ko.packets).toBe(GLOSSARY.packetJourney.ko);
  });
});

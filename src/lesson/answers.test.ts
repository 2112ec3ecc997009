// Every network lesson against the answers a learner might give (lessons/*/cheats and variants): at least
// three wrong answers, each failing the checks it names with a message worth reading (the
// snapshot holds what the learner sees), and fair variants that must pass.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonAnswers } from '../testing/lesson-answers';
import { LESSONS_DIR, realLesson } from '../testing/lesson';
import { checkChallenge, isSolved } from './check';
import { LESSON_FILE } from './load-lesson';
import type { Lesson } from './types';

// Network lessons: the storage labs' cheats are whole files, proven in cheats.test.ts.
const folders = readdirSync(LESSONS_DIR)
  .filter((n) => existsSync(join(LESSONS_DIR, n, LESSON_FILE)) && realLesson(n).lab === 'network')
  .sort();

/** Runs the checks with every quiz answered as the engine would, so only the blocking checks count. */
function judge(lesson: Lesson, text: string) {
  const first = checkChallenge(lesson.challenge, text);
  const answers = Object.fromEntries(first.flatMap((r) => (r.quiz ? [[r.id, r.quiz.correct]] : [])));
  return checkChallenge(lesson.challenge, text, { answers });
}

describe.each(folders)('%s', (name) => {
  const lesson = realLesson(name);
  const start = lesson.challenge.start.text;
  const cheats = lessonAnswers(name, 'cheats', start);
  const variants = lessonAnswers(name, 'variants', start);

  it('has at least three wrong answers and two fair variants', () => {
    expect(cheats.length).toBeGreaterThanOrEqual(3);
    expect(variants.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cheats.map((c) => [c.file, c] as const))('rejects %s', (_, cheat) => {
    const results = judge(lesson, cheat.text);
    expect(isSolved(results), cheat.about).toBe(false);
    expect(cheat.expect.length, `${cheat.file} names no check it must fail (# expect: ID)`).toBeGreaterThan(
      0,
    );
    const failed = results.filter((r) => !r.passed && r.blocking);
    for (const id of cheat.expect)
      expect(
        failed.map((r) => r.id),
        `${cheat.file}: ${cheat.about}`,
      ).toContain(id);
    const shown = failed
      .filter((r) => cheat.expect.includes(r.id))
      .map((r) => `${r.id}\n  en: ${r.message.en}\n  ko: ${r.message.ko}`);
    expect(`${cheat.about}\n${shown.join('\n')}`).toMatchSnapshot();
  });

  it.each(variants.map((v) => [v.file, v] as const))('accepts %s', (_, variant) => {
    const results = judge(lesson, variant.text);
    expect(
      results.filter((r) => !r.passed && r.blocking).map((r) => `${r.id}: ${r.message.en}`),
      variant.about,
    ).toEqual([]);
  });
});

// Wrong answers must not pass: every file in a lesson's cheats/ folder is a scenario someone
// might submit (the right numbers in the wrong places, an edit outside the editable objects, a
// fix that dodges the lesson's point), and none of them may solve the challenge.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFolder, LESSONS_DIR } from '../testing/lesson';
import { checkChallenge, isSolved } from './check';
import { loadLesson } from './load-lesson';

// Console lessons (console-lesson.yaml, module F) prove their cheats in src/lesson/console; network
// lessons, whose cheats are the objects a learner changed, in answers.test.ts.
const withCheats = readdirSync(LESSONS_DIR)
  .filter(
    (n) =>
      existsSync(join(LESSONS_DIR, n, 'lesson.yaml')) &&
      existsSync(join(LESSONS_DIR, n, 'cheats')) &&
      loadLesson(lessonFolder(n)).lesson?.lab !== 'network',
  )
  .sort();

describe('lessons with cheats', () => {
  it('the storage lessons (modules D and E) all have cheats', () => {
    const storage = readdirSync(LESSONS_DIR).filter((n) => /^[de]-/.test(n));
    expect(storage.length).toBeGreaterThanOrEqual(8);
    expect(withCheats).toEqual(expect.arrayContaining(storage));
  });
});

describe.each(withCheats)('%s', (name) => {
  const lesson = loadLesson(lessonFolder(name)).lesson!;
  const dir = join(LESSONS_DIR, name, 'cheats');
  const cheats = readdirSync(dir).sort();

  it('has at least one cheat', () => expect(cheats.length).toBeGreaterThan(0));

  it.each(cheats)('%s does not solve the challenge', (file) => {
    const results = checkChallenge(lesson.challenge, readFileSync(join(dir, file), 'utf8'));
    const blocking = results.filter((r) => r.blocking);
    expect(isSolved(results), blocking.map((r) => `${r.id}: ${r.passed} ${r.message.en}`).join('\n')).toBe(
      false,
    );
  });
});

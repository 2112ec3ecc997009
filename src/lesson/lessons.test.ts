// The lesson-solution suite (Learn Git Branching's levels.spec): every lesson under lessons/
// validates, its reference solution passes every check, and its starting scenario does not —
// so no lesson is solved before the learner starts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { lessonFolder, LESSONS_DIR } from '../testing/lesson';
import { checkCatalogue } from './catalogue';
import { checkChallenge, isSolved } from './check';
import { LESSON_FILE, loadLesson } from './load-lesson';
import type { Lesson } from './types';

const folders = readdirSync(LESSONS_DIR)
  .filter((n) => existsSync(join(LESSONS_DIR, n, LESSON_FILE)))
  .sort();
const ids = new Set(folders);
const loaded = new Map(folders.map((name) => [name, loadLesson(lessonFolder(name), { knownIds: ids })]));
const lessons = [...loaded.values()].map((l) => l.lesson).filter((l): l is Lesson => l !== undefined);

/** The quiz answers the engine gives on `text`, so quizzes count as answered correctly. */
function rightAnswers(lesson: Lesson, text: string): Record<string, readonly string[]> {
  return Object.fromEntries(
    checkChallenge(lesson.challenge, text).flatMap((r) => (r.quiz ? [[r.id, r.quiz.correct]] : [])),
  );
}

describe('the lesson catalogue', () => {
  it('has lessons in modules A to E, G, H and I (module F is the console lessons)', () => {
    expect(new Set(lessons.map((l) => l.module))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I']));
  });

  it('modules D and E run in the storage labs', () => {
    const labs = new Set(
      lessons.filter((l) => l.module === 'D' || l.module === 'E').map((l) => `${l.module}:${l.lab}`),
    );
    expect(labs).toEqual(new Set(['D:layers', 'E:volumes']));
  });

  it('has no duplicate places and no prerequisite cycles', () => {
    expect(checkCatalogue(lessons).map((d) => formatDiagnostic(d))).toEqual([]);
  });
});

describe.each(folders)('%s', (name) => {
  const load = loaded.get(name)!;
  const lesson = load.lesson;

  it('validates with no errors', () => {
    expect(load.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual(
      [],
    );
    expect(load.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(lesson).toBeDefined();
  });

  it('the reference solution passes every check', () => {
    if (!lesson) return;
    const text = lesson.challenge.solution.text;
    const results = checkChallenge(lesson.challenge, text, { answers: rightAnswers(lesson, text) });
    expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message.en}`)).toEqual([]);
  });

  it('the starting scenario does not solve the challenge', () => {
    if (!lesson) return;
    const text = lesson.challenge.start.text;
    const results = checkChallenge(lesson.challenge, text, { answers: rightAnswers(lesson, text) });
    expect(isSolved(results)).toBe(false);
  });

  it('every quiz has an answer, and a yes/no quiz exactly one', () => {
    if (!lesson) return;
    const results = checkChallenge(lesson.challenge, lesson.challenge.solution.text);
    for (const c of lesson.challenge.checks) {
      if (c.check !== 'quiz' && c.check !== 'predict') continue;
      const correct = results.find((r) => r.id === c.id)!.quiz?.correct ?? [];
      expect(correct.length, c.id).toBeGreaterThan(0);
      if (c.check === 'quiz' && !c.multiple) expect(correct, c.id).toHaveLength(1);
    }
  });
});

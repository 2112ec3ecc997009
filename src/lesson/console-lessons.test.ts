// The console lessons' suite (module F): every lesson loads without a diagnostic, its solution
// passes every check, its start fails, and every wrong answer under cheats/ fails.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { consoleLessonFolder } from '../testing/console-lesson';
import { LESSONS_DIR } from '../testing/lesson';
import { checkConsoleLesson, CONSOLE_LESSON_FILE, isConsoleSolved, loadConsoleLesson } from './console';

const folders = readdirSync(LESSONS_DIR)
  .filter((n) => existsSync(join(LESSONS_DIR, n, CONSOLE_LESSON_FILE)))
  .sort();

describe('the console lessons', () => {
  it('are at least eight, in module F, in order', () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
    expect(folders.every((f) => f.startsWith('f-'))).toBe(true);
  });
});

describe.each(folders)('%s', (name) => {
  const load = loadConsoleLesson(consoleLessonFolder(name));
  const lesson = load.lesson;

  it('loads with no diagnostics', () => {
    expect(load.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(lesson).toBeDefined();
  });

  it('the solution passes every check', () => {
    const failed = checkConsoleLesson(lesson!, lesson!.solution).filter((r) => !r.passed);
    expect(failed.map((r) => `${r.id}: ${r.message.en}`)).toEqual([]);
  });

  it('the start does not pass', () => {
    expect(isConsoleSolved(checkConsoleLesson(lesson!, lesson!.start))).toBe(false);
  });

  it('has at least three wrong answers, and each fails', () => {
    const cheats = Object.entries(lesson!.cheats);
    expect(cheats.length).toBeGreaterThanOrEqual(3);
    for (const [cheat, scripts] of cheats) {
      const results = checkConsoleLesson(lesson!, scripts);
      expect(isConsoleSolved(results), `cheat ${cheat} passes`).toBe(false);
    }
  });

  it('every step has Markdown in both languages and every check a Korean failure text', () => {
    for (const s of lesson!.steps) {
      expect(s.text.en.trim()).not.toBe('');
      expect(s.text.ko.trim()).not.toBe('');
    }
    for (const r of checkConsoleLesson(lesson!, lesson!.start)) expect(r.message.ko).not.toBe('');
  });
});

// `netlab lint` for lessons: a lesson folder, its lesson.yaml (or console-lesson.yaml), or a folder
// of lessons. Reads the folders from disk and hands them to the pure loaders; prints the lesson's
// own diagnostics and those of every scenario file it uses. A console lesson (module F) is also
// played: its solution must pass, its start and every wrong answer under cheats/ must not.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic, compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import type { Locale } from '../lib/text';
import { checkCatalogue } from '../lesson/catalogue';
import { LESSON_FILE, loadLesson, type LessonFiles } from '../lesson/load-lesson';
import type { Lesson } from '../lesson/types';
import { CONSOLE_LESSON_FILE, loadConsoleLesson, verifyConsoleLesson } from '../lesson/console';
import type { CommandResult } from './command-result';

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
const isLessonDir = (p: string): boolean =>
  existsSync(join(p, LESSON_FILE)) || existsSync(join(p, CONSOLE_LESSON_FILE));

/**
 * The lesson folders a lint argument names: `lessons/a-01-x`, `lessons/a-01-x/lesson.yaml`, or
 * `lessons` (every subfolder with a lesson.yaml). Undefined when the argument is no lesson.
 */
export function lessonFolders(arg: string): string[] | undefined {
  const path = arg.replace(/\/+$/, '') || arg;
  if (basename(path) === LESSON_FILE || basename(path) === CONSOLE_LESSON_FILE) return [dirname(path)];
  if (!isDir(path)) return undefined;
  if (isLessonDir(path)) return [path];
  return readdirSync(path)
    .filter((name) => isLessonDir(join(path, name)))
    .sort()
    .map((name) => join(path, name));
}

/** Every file of a lesson folder by its path inside it; `nested`: subfolders too (console lessons). */
export function readLessonFolder(dir: string, nested = false): LessonFiles {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    const here = rel ? join(dir, rel) : dir;
    for (const name of readdirSync(here).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const p = join(dir, path);
      if (statSync(p).isFile()) files.set(path, readFileSync(p, 'utf8'));
      else if (nested && statSync(p).isDirectory()) walk(path);
    }
  };
  if (isDir(dir)) walk('');
  return { dir, files };
}

/** Folder names beside `dir` that hold a lesson: the ids prerequisites may name. */
function siblingIds(dir: string): Set<string> {
  const parent = dirname(dir);
  return new Set(isDir(parent) ? readdirSync(parent).filter((n) => isLessonDir(join(parent, n))) : []);
}

export interface LessonLint {
  readonly diagnostics: Diagnostic[];
  /** Errors in scenario files a step marks `expectErrors`: printed, not counted as failures. */
  readonly expected: Diagnostic[];
}

export function lintLessons(dirs: readonly string[]): LessonLint {
  const diagnostics: Diagnostic[] = [];
  const expected: Diagnostic[] = [];
  const lessons: Lesson[] = [];
  for (const dir of dirs) {
    if (existsSync(join(dir, CONSOLE_LESSON_FILE))) {
      const c = loadConsoleLesson(readLessonFolder(dir, true), { knownIds: siblingIds(dir) });
      diagnostics.push(...c.diagnostics);
      if (c.lesson) diagnostics.push(...verifyConsoleLesson(c.lesson));
      continue;
    }
    const r = loadLesson(readLessonFolder(dir), { knownIds: siblingIds(dir) });
    diagnostics.push(...r.diagnostics);
    for (const s of r.scenarios) {
      for (const d of s.diagnostics)
        (s.expectErrors && d.severity === 'error' ? expected : diagnostics).push(d);
    }
    if (r.lesson) lessons.push(r.lesson);
  }
  if (dirs.length > 1) diagnostics.push(...checkCatalogue(lessons));
  return { diagnostics, expected };
}

/** The lint report: one line per diagnostic, then a summary; exit 1 on unexpected errors. */
export function lintReport(
  diagnostics: readonly Diagnostic[],
  expected: readonly Diagnostic[],
  lang: Locale,
): CommandResult {
  const all = [...diagnostics, ...expected].sort(compareDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const note = expected.length > 0 ? ` (and ${expected.length} error(s) the lesson expects)` : '';
  const summary = all.length === 0 ? 'no problems\n' : `${errors} error(s), ${warnings} warning(s)${note}\n`;
  return {
    stdout: all.map((d) => formatDiagnostic(d, lang) + '\n').join('') + summary,
    stderr: '',
    code: errors > 0 ? 1 : 0,
  };
}

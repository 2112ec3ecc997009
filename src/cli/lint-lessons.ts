// `netlab lint` for lessons: a lesson folder, its lesson.yaml, or a folder of lessons. Reads the
// folders from disk and hands them to the pure loader; prints the lesson's own diagnostics and
// those of every scenario file it uses.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic, compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import type { Locale } from '../lib/text';
import { checkCatalogue } from '../lesson/catalogue';
import { LESSON_FILE, loadLesson, type LessonFiles } from '../lesson/load-lesson';
import type { Lesson } from '../lesson/types';
import type { CommandResult } from './command-result';

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/**
 * The lesson folders a lint argument names: `lessons/a-01-x`, `lessons/a-01-x/lesson.yaml`, or
 * `lessons` (every subfolder with a lesson.yaml). Undefined when the argument is no lesson.
 */
export function lessonFolders(arg: string): string[] | undefined {
  const path = arg.replace(/\/+$/, '') || arg;
  if (basename(path) === LESSON_FILE) return [dirname(path)];
  if (!isDir(path)) return undefined;
  if (existsSync(join(path, LESSON_FILE))) return [path];
  return readdirSync(path)
    .filter((name) => existsSync(join(path, name, LESSON_FILE)))
    .sort()
    .map((name) => join(path, name));
}

export function readLessonFolder(dir: string): LessonFiles {
  const files = new Map<string, string>();
  if (isDir(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isFile()) files.set(name, readFileSync(p, 'utf8'));
    }
  }
  return { dir, files };
}

/** Folder names beside `dir` that hold a lesson: the ids prerequisites may name. */
function siblingIds(dir: string): Set<string> {
  const parent = dirname(dir);
  return new Set(
    isDir(parent) ? readdirSync(parent).filter((n) => existsSync(join(parent, n, LESSON_FILE))) : [],
  );
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

/** The lint report: one line per diagnostic on stderr, a summary on stdout; exit 1 on unexpected errors. */
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
    stdout: summary,
    stderr: all.map((d) => formatDiagnostic(d, lang) + '\n').join(''),
    code: errors > 0 ? 1 : 0,
  };
}

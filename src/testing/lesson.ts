// Test helper: a lesson folder in memory. `lessonYaml` wraps `checks:` items (and optional extra
// steps) into a valid lesson.yaml; `lessonFiles` adds its Markdown, start and solution files.
// `lessonFolder` reads one of the real lessons under lessons/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, type LessonFiles, type LessonLoad } from '../lesson/load-lesson';
import type { Lesson } from '../lesson/types';

/** The repository's lessons/ folder. */
export const LESSONS_DIR = join(import.meta.dirname, '../../lessons');

/** A folder of lessons/ read as the CLI reads it: every file by name. */
export function lessonFolder(name: string): LessonFiles {
  const dir = join(LESSONS_DIR, name);
  const files = new Map<string, string>();
  for (const f of readdirSync(dir))
    if (statSync(join(dir, f)).isFile()) files.set(f, readFileSync(join(dir, f), 'utf8'));
  return { dir: `lessons/${name}`, files };
}

/** A real lesson, loaded; fails loudly on any error. */
export function realLesson(name: string): Lesson {
  const r = loadLesson(lessonFolder(name));
  if (!r.lesson)
    throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message.en}`).join('\n'));
  return r.lesson;
}

export const FIXTURE_DIR = 'lessons/a-01-test';

/** Every file of a minimal valid lesson; override or add any of them. */
export function lessonFiles(lessonYaml: string, extra: Record<string, string> = {}): LessonFiles {
  const files = new Map<string, string>([
    ['lesson.yaml', lessonYaml],
    ['01-intro.en.md', '## Intro\n\nHello.\n'],
    ['01-intro.ko.md', '## 소개\n\n안녕하세요.\n'],
    ['start.yaml', extra['start.yaml'] ?? ''],
    ['solution.yaml', extra['solution.yaml'] ?? ''],
  ]);
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  return { dir: FIXTURE_DIR, files };
}

/** A lesson.yaml with one step and the given `checks:` items (YAML, indented by 4). */
export function lessonYaml(checks: string, opts: { steps?: string; top?: string } = {}): string {
  return [
    'id: a-01-test',
    'module: A',
    'order: 1',
    'title: {en: Test, ko: 시험}',
    ...(opts.top ? [opts.top] : []),
    'steps:',
    '  - id: intro',
    '    text: 01-intro',
    '    scenario: start.yaml',
    ...(opts.steps ? [opts.steps] : []),
    'challenge:',
    '  solution: solution.yaml',
    '  checks:',
    checks,
    '',
  ].join('\n');
}

export function load(
  checks: string,
  extra: Record<string, string> = {},
  opts: { steps?: string; top?: string } = {},
): LessonLoad {
  return loadLesson(lessonFiles(lessonYaml(checks, opts), extra));
}

/** Loads and fails loudly on any diagnostic. */
export function lesson(checks: string, extra: Record<string, string> = {}): Lesson {
  const r = load(checks, extra);
  if (!r.lesson) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message.en}`).join('\n'));
  return r.lesson;
}

// `netlab lint` on lesson folders: the lesson's own problems and its scenarios' problems, as
// file:line:col lines; errors a step expects are shown but do not fail the run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFolders, lintLessons } from './lint-lessons';

const ROOT = join(import.meta.dirname, '../..');
const A01 = 'lessons/a-01-no-policy-no-isolation';

function netlab(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of lesson A01 in a temporary lessons/ folder, to break on purpose. */
function copyOfA01(): { dir: string; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'netlab-lessons-'));
  const dir = join(root, 'a-01-no-policy-no-isolation');
  cpSync(join(ROOT, A01), dir, { recursive: true });
  return { dir, done: () => rmSync(root, { recursive: true, force: true }) };
}

describe('which arguments are lessons', () => {
  it('a lesson folder, its lesson.yaml, or a folder of lessons', () => {
    expect(lessonFolders(join(ROOT, A01))).toEqual([join(ROOT, A01)]);
    expect(lessonFolders(join(ROOT, A01, 'lesson.yaml'))).toEqual([join(ROOT, A01)]);
    expect(lessonFolders(join(ROOT, 'lessons'))!.length).toBeGreaterThan(20);
    expect(lessonFolders(join(ROOT, 'src/scenarios/default.yaml'))).toBeUndefined();
  });
});

describe('netlab lint LESSON', () => {
  it('every lesson of the repository is clean; expected errors are counted apart', () => {
    const r = netlab(['lint', 'lessons']);
    expect(r.code).toBe(0);
    // c-02 keeps the notes' own typo (1) and d-04 the notes' broken --mount command and what follows (3).
    expect(r.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\) \(and 4 error\(s\) the lesson expects\)$/m);
    expect(r.stderr).toContain('lessons/c-02-notes-typos/start.yaml:53:7: error: unknown kind "Networking"');
  });

  it('reports a broken lesson at file:line:col and exits 1', () => {
    const { dir, done } = copyOfA01();
    try {
      rmSync(join(dir, '02-isolate.ko.md'));
      writeFileSync(
        join(dir, 'lesson.yaml'),
        readFileSync(join(dir, 'lesson.yaml'), 'utf8')
          .replace('step: still-open', 'step: stil-open')
          .replace(
            '{from: prod/web, to: prod/db, port: 3306, allowed: false}',
            '{from: prod/wbe, to: prod/db, port: 3306, allowed: false}',
          ),
      );
      const { diagnostics } = lintLessons([dir]);
      const out = diagnostics.map(
        (d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.col} ${d.severity} ${d.code}`,
      );
      expect(out).toEqual([
        'lesson.yaml:18:11 error missing-locale',
        'lesson.yaml:47:18 error unknown-name',
        'lesson.yaml:72:13 error unknown-step',
      ]);
      const r = netlab(['lint', join(dir, 'lesson.yaml'), '--lang', 'ko']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${dir}/lesson.yaml:18:11: error: 02-isolate.ko.md 파일이 없습니다`);
      expect(r.stdout).toMatch(/3 error\(s\), 0 warning\(s\)\n$/);
    } finally {
      done();
    }
  });

  it('a folder with no lesson is a usage error', () => {
    const r = netlab(['lint', join(ROOT, 'src')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netlab: .*src: a folder with neither a lesson\.yaml nor lesson folders/);
  });
});

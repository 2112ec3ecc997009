// `netlab lint` on lesson folders: the lesson's own problems and its scenarios' problems, as
// file:line:col lines; errors a step expects are shown but do not fail the run.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, netlab } from '../testing/run-netlab';
import { lessonFolders, lintLessons } from './lint-lessons';

const A01 = 'lessons/a-01-no-policy-no-isolation';

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
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // c-02 keeps the notes' own typo (1), d-04 the notes' broken --mount command and what follows (3),
    // g-01 two nodes given one podCIDR (1: the duplicate pod IP), h-02 a nodePort outside the range (1).
    expect(r.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\) \(and 6 error\(s\) the lesson expects\)$/m);
    expect(r.stdout).toContain('lessons/c-02-notes-typos/start.yaml:53:7: error: unknown kind "Networking"');
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
        'lesson.yaml:48:18 error unknown-name',
        'lesson.yaml:75:13 error unknown-step',
      ]);
      const r = netlab(['lint', join(dir, 'lesson.yaml'), '--lang', 'ko']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${dir}/lesson.yaml:18:11: error: 02-isolate.ko.md 파일이 없습니다`);
      expect(r.stdout).toMatch(/3 error\(s\), 0 warning\(s\)\n$/);
    } finally {
      done();
    }
  });

  it('lints console lessons (module F) too, and plays them: a cheat that passes and a broken solution fail', () => {
    const all = lessonFolders(join(ROOT, 'lessons'))!;
    expect(all.filter((d) => /[/\\]f-\d\d-/.test(d)).length).toBeGreaterThanOrEqual(8);
    const root = mkdtempSync(join(tmpdir(), 'netlab-lessons-'));
    const F01 = 'f-01-one-namespace-and-lo';
    const F02 = 'f-02-two-namespaces-one-cable';
    try {
      for (const f of [F01, F02]) cpSync(join(ROOT, 'lessons', f), join(root, f), { recursive: true });
      const dir = join(root, F02);
      expect(lintLessons([dir]).diagnostics).toEqual([]);
      // A wrong answer the checks let through, a solution that no longer works, a missing prerequisite.
      cpSync(join(dir, 'solution'), join(dir, 'cheats', 'same-as-solution'), { recursive: true });
      writeFileSync(join(dir, 'solution', 'node01.sh'), '# nothing\n');
      writeFileSync(
        join(dir, 'console-lesson.yaml'),
        readFileSync(join(dir, 'console-lesson.yaml'), 'utf8').replace(`[${F01}]`, '[f-01-gone]'),
      );
      expect(lintLessons([dir]).diagnostics.map((d) => `${d.file.slice(dir.length + 1)} ${d.code}`)).toEqual([
        'console-lesson.yaml prerequisite',
      ]);
      writeFileSync(
        join(dir, 'console-lesson.yaml'),
        readFileSync(join(dir, 'console-lesson.yaml'), 'utf8').replace('[f-01-gone]', `[${F01}]`),
      );
      const codes = lintLessons([dir]).diagnostics.map((d) => `${d.file.slice(dir.length + 1)} ${d.code}`);
      expect(codes).toContain('cheats/same-as-solution/node01.sh cheat-passes');
      expect(codes.filter((c) => c === 'solution/node01.sh solution-fails').length).toBeGreaterThan(0);
      const r = netlab(['lint', dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('the wrong answer cheats/same-as-solution passes every check');
      const ko = netlab(['lint', dir, '--lang', 'ko']);
      expect(ko.stdout).toContain('틀린 답 cheats/same-as-solution이 모든 검사를 통과합니다');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a folder with no lesson is a usage error', () => {
    const r = netlab(['lint', join(ROOT, 'src')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netlab: .*src: a folder with neither a lesson\.yaml nor lesson folders/);
  });
});

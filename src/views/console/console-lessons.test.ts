// A console lesson played in the page gives the checks the same scripts as the lesson files:
// start and solution, split into log entries and joined back, judge the same.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConsoleLesson, loadConsoleLesson } from '../../lesson/console';
import { consoleLessonFolder } from '../../testing/console-lesson';
import { LESSONS_DIR } from '../../testing/lesson';
import { lessonStart, scriptEntries, scriptsOf } from './ConsoleLessons';
import { runConsole } from './console-session';

const lessons = readdirSync(LESSONS_DIR)
  .filter((n) => n.startsWith('f-'))
  .map((n) => loadConsoleLesson(consoleLessonFolder(n)).lesson!);

describe('console lessons in the page', () => {
  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s: start and solution judge the same as log entries',
    (_, lesson) => {
      for (const scripts of [lesson.start, lesson.solution]) {
        const state = {
          hosts: lesson.hosts,
          log: lesson.hosts.flatMap((h) => scriptEntries(h, scripts[h] ?? '')),
        };
        expect(checkConsoleLesson(lesson, scriptsOf(state))).toEqual(checkConsoleLesson(lesson, scripts));
      }
      expect(
        runConsole(lessonStart(lesson))
          .byEntry.flat()
          .every((r) => r.exit === 0),
      ).toBe(true);
    },
  );

  it('a here-document stays one entry with its command', () => {
    const entries = scriptEntries(
      'node01',
      "ip link\ncat > f.sh <<'EOF'\nADD)\nip link\nEOF\n# done\nip route\n",
    );
    expect(entries.map((e) => e.text)).toEqual([
      'ip link',
      "cat > f.sh <<'EOF'\nADD)\nip link\nEOF",
      'ip route',
    ]);
  });
});

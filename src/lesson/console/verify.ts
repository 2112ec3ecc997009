// What `netlab lint` proves of a console lesson beyond its files: the solution passes every check,
// the start does not, and each wrong answer under cheats/ fails at least one check.
import type { Diagnostic } from '../../lib/diagnostic';
import { josa } from '../../lib/korean';
import { t, type LocalText } from '../../lib/text';
import { checkConsoleLesson, isConsoleSolved } from './check';
import type { ConsoleLesson } from './types';

const problem = (lesson: ConsoleLesson, file: string, code: string, message: LocalText): Diagnostic => ({
  file: `${lesson.dir}/${file}`,
  line: 1,
  col: 1,
  severity: 'error',
  code,
  message,
});

export function verifyConsoleLesson(lesson: ConsoleLesson): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstHost = lesson.hosts[0] ?? 'host';
  for (const r of checkConsoleLesson(lesson, lesson.solution))
    if (!r.passed)
      out.push(
        problem(
          lesson,
          `solution/${firstHost}.sh`,
          'solution-fails',
          t(
            `the solution fails check ${r.id}: ${r.message.en}`,
            `모범 답안이 ${r.id} 검사를 통과하지 못합니다: ${r.message.ko}`,
          ),
        ),
      );
  if (isConsoleSolved(checkConsoleLesson(lesson, lesson.start)))
    out.push(
      problem(
        lesson,
        'console-lesson.yaml',
        'start-passes',
        t(
          'the start already passes every check: there is nothing to do',
          '시작 상태가 이미 모든 검사를 통과합니다. 학습자가 할 일이 없습니다',
        ),
      ),
    );
  for (const [name, scripts] of Object.entries(lesson.cheats))
    if (isConsoleSolved(checkConsoleLesson(lesson, scripts)))
      out.push(
        problem(
          lesson,
          `cheats/${name}/${firstHost}.sh`,
          'cheat-passes',
          t(
            `the wrong answer cheats/${name} passes every check: the checks can be fooled`,
            `틀린 답 ${josa(`cheats/${name}`, '이/가')} 모든 검사를 통과합니다. 검사를 속일 수 있습니다`,
          ),
        ),
      );
  return out;
}

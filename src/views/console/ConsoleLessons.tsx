// Module F in the by-hand lab: pick a lesson, read its steps, start from its start state, and
// check the consoles' result against the lesson's checks (state and reachability, not text).
import { useEffect, useState } from 'react';
import {
  checkConsoleLesson,
  loadConsoleLesson,
  type ConsoleCheckResult,
  type ConsoleLesson,
  type HostScripts,
} from '../../lesson/console';
import { splitScript } from '../../netns';
import { useNetlab } from '../use-netlab';
import { Markdown } from '../lesson/Markdown';
import type { ConsoleEntry, ConsoleState } from './console-session';
import { useConsoleText } from './console-text';

/** A host script as log entries, one per command (a here-document stays with its command). */
export function scriptEntries(host: string, text: string): ConsoleEntry[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const cmds = splitScript(text);
  return cmds.map((c, i) => {
    const end = (cmds[i + 1]?.line ?? raw.length + 1) - 1;
    const chunk = raw.slice(c.line - 1, end);
    while (chunk.length > 1 && /^\s*(#.*)?$/.test(chunk[chunk.length - 1]!)) chunk.pop();
    return { host, text: chunk.join('\n') };
  });
}

export function lessonStart(lesson: ConsoleLesson): ConsoleState {
  return { hosts: lesson.hosts, log: lesson.hosts.flatMap((h) => scriptEntries(h, lesson.start[h] ?? '')) };
}

/** What the learner typed, as one script per host (the checker replays host by host). */
export function scriptsOf(state: ConsoleState): HostScripts {
  return Object.fromEntries(
    state.hosts.map((h) => [
      h,
      state.log
        .filter((e) => e.host === h)
        .map((e) => `${e.text}\n`)
        .join(''),
    ]),
  );
}

export function ConsoleLessons({
  state,
  onStart,
}: {
  state: ConsoleState;
  onStart: (s: ConsoleState) => void;
}) {
  const t = useConsoleText();
  const locale = useNetlab((s) => s.locale);
  const [lessons, setLessons] = useState<readonly ConsoleLesson[]>([]);
  const [id, setId] = useState('');
  const [results, setResults] = useState<readonly ConsoleCheckResult[] | undefined>();
  useEffect(() => {
    let live = true;
    void import('../../services/console-lesson-files').then((m) => {
      if (live) setLessons(m.consoleLessonFolders().flatMap((f) => loadConsoleLesson(f).lesson ?? []));
    });
    return () => {
      live = false;
    };
  }, []);
  const lesson = lessons.find((l) => l.id === id);
  return (
    <section className="console-lessons" aria-label={t.lessons}>
      <label>
        {t.lesson}{' '}
        <select
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setResults(undefined);
            const next = lessons.find((l) => l.id === e.target.value);
            if (next) onStart(lessonStart(next));
          }}
        >
          <option value="">{t.noLesson}</option>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              F{l.order}. {l.title[locale]}
            </option>
          ))}
        </select>
      </label>
      {lesson && (
        <div className="console-lesson">
          {lesson.steps.map((s) => (
            <Markdown key={s.id} text={s.text[locale]} headingOffset={2} />
          ))}
          {lesson.hints.length > 0 && (
            <details>
              <summary>{t.hints}</summary>
              <ul>
                {lesson.hints.map((h, i) => (
                  <li key={i}>
                    <Markdown text={h[locale]} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" onClick={() => setResults(checkConsoleLesson(lesson, scriptsOf(state)))}>
            {t.check}
          </button>
          {results && (
            <ul className="console-checks" aria-label={t.checks}>
              {results.map((r) => (
                <li key={r.id} className={r.passed ? 'passed' : 'failed'}>
                  {r.passed ? '✓' : '✗'} {r.passed ? r.id : r.message[locale]}
                </li>
              ))}
              {results.every((r) => r.passed) && <li className="passed">{t.solved}</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

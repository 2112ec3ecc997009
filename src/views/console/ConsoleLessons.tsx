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
import { leaveByHandHref, lessonInUrl, setLessonInUrl } from './lab-mode';

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
  const record = useNetlab((s) => s.recordConsoleLesson);
  // A lesson named in the URL (the lesson list links here) opens once the lessons are read.
  const [id, setId] = useState(() => lessonInUrl() ?? '');
  const [results, setResults] = useState<readonly ConsoleCheckResult[] | undefined>();
  /** The URL named a lesson while the consoles held the learner's own commands: ask before replacing. */
  const [waiting, setWaiting] = useState(false);
  const startLesson = (next: ConsoleLesson): void => {
    setWaiting(false);
    setResults(undefined);
    onStart(lessonStart(next));
    if (next.steps[0]) record(next.id, next.steps[0].id, false);
  };
  useEffect(() => {
    let live = true;
    void import('../../services/console-lesson-files').then((m) => {
      if (!live) return;
      const loaded = m.consoleLessonFolders().flatMap((f) => loadConsoleLesson(f).lesson ?? []);
      setLessons(loaded);
      const asked = loaded.find((l) => l.id === lessonInUrl());
      if (!asked) return;
      if (state.log.length === 0) startLesson(asked);
      else setWaiting(true);
    });
    return () => {
      live = false;
    };
    // Once, on mount: the URL's lesson is read when the list arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
            setLessonInUrl(e.target.value || null);
            setResults(undefined);
            setWaiting(false);
            const next = lessons.find((l) => l.id === e.target.value);
            if (next) startLesson(next);
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
      <a href={leaveByHandHref('#/lessons')} className="console-all-lessons">
        {t.allLessons}
      </a>
      {lesson && waiting && (
        <p role="status">
          {t.keptWork}{' '}
          <button type="button" onClick={() => startLesson(lesson)}>
            {t.startLesson}
          </button>
        </p>
      )}
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
          <button
            type="button"
            onClick={() => {
              const checked = checkConsoleLesson(lesson, scriptsOf(state));
              setResults(checked);
              const last = lesson.steps[lesson.steps.length - 1];
              if (last)
                record(
                  lesson.id,
                  last.id,
                  checked.every((r) => r.passed),
                );
            }}
          >
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

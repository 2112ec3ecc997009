// The lesson player (its own chunk): the lesson list, or one lesson's steps with their prose,
// quizzes and the challenge. Keys: Alt+←/Alt+→ between steps; in presenter mode also ←/→ and
// PageUp/PageDown (what presentation clickers send).
import { useEffect, useRef } from 'react';
import { formatLessonHash } from '../../services/lesson-route';
import { currentStepIndex, progressOf } from '../../store/lesson-state';
import type { LessonView, StepView } from '../../app-model/lesson-view';
import { useNetlab } from '../use-netlab';
import { fill } from '../i18n';
import { TID } from '../testIds';
import { Challenge } from './Challenge';
import { ConfirmDialog } from './ConfirmDialog';
import { useLessonText, type LessonText } from './lesson-text';
import { lessonCode, LessonList } from './LessonList';
import { Markdown } from './Markdown';
import { QuizCard } from './QuizCard';
import './lesson.css';
import { isTyping } from '../keyboard';

export default function LessonPlayer({ embedded = false }: { embedded?: boolean }) {
  const t = useLessonText();
  const route = useNetlab((s) => s.lesson.route);
  const current = useNetlab((s) => s.lesson.current);
  const failure = useNetlab((s) => s.lesson.failure);
  const setLessonRoute = useNetlab((s) => s.setLessonRoute);
  const locale = useNetlab((s) => s.locale);
  const present = useNetlab((s) => s.lesson.present);

  let body;
  if (route.view === 'lesson' && failure?.id === route.id) {
    body = (
      <>
        <div className="notice lesson-notice" role="alert" data-testid={TID.lessonNotice}>
          <p>{fill(failure.reason === 'unknown' ? t.unknownLesson : t.brokenLesson, { id: route.id })}</p>
          {failure.diagnostics.length > 0 && (
            <ul>
              {failure.diagnostics.slice(0, 10).map((d, i) => (
                <li key={i}>
                  <code>
                    {d.file}:{d.line}:{d.col}
                  </code>{' '}
                  {d.message[locale]}
                </li>
              ))}
            </ul>
          )}
        </div>
        <LessonList embedded={embedded} />
      </>
    );
  } else if (route.view === 'lesson' && current?.id === route.id) {
    body = <Lesson lesson={current} />;
  } else if (route.view === 'lesson') {
    body = (
      <p className="help" role="status">
        {t.loadingLesson}
      </p>
    );
  } else {
    body = <LessonList embedded={embedded} />;
  }
  return (
    <section
      id="lesson-panel"
      className="panel lesson-panel"
      data-testid={TID.lessonPanel}
      aria-label={t.lessons}
    >
      {(route.view === 'lesson' || !embedded) && (
        <div className="lesson-topbar">
          {route.view === 'lesson' ? (
            <a href={formatLessonHash({ view: 'list' }, present)}>← {t.lessonList}</a>
          ) : (
            <span />
          )}
          {!embedded && (
            <button
              type="button"
              className="lesson-close"
              data-testid={TID.lessonClose}
              onClick={() => setLessonRoute({ view: 'lab' })}
            >
              <span aria-hidden="true">× </span>
              {t.closeLessons}
            </button>
          )}
        </div>
      )}
      {body}
    </section>
  );
}

function editableText(t: LessonText, refs: StepView['editable']): string {
  // The worker sets `namespace` for namespaced kinds only: `Namespace prod`, not `Namespace default/prod`.
  const list = refs.map(
    (r) =>
      `${r.kind} ${r.namespace !== undefined ? `${r.namespace}/` : ''}${r.name ?? `* (${t.newObjects})`}`,
  );
  return fill(t.editable, { list: list.join(', ') });
}

function Lesson({ lesson }: { lesson: LessonView }) {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const index = useNetlab((s) => currentStepIndex(s.lesson));
  const present = useNetlab((s) => s.lesson.present);
  const unknownStep = useNetlab((s) => s.lesson.unknownStep);
  const pending = useNetlab((s) => s.lesson.pendingScenario);
  const catalogue = useNetlab((s) => s.lesson.catalogue);
  const progress = useNetlab((s) => progressOf(s.lesson.progress, lesson.id));
  const results = useNetlab((s) =>
    s.lesson.checks?.lessonId === lesson.id ? s.lesson.checks.results : null,
  );
  const solvedNow = useNetlab(
    (s) =>
      s.lesson.checks?.lessonId === lesson.id &&
      s.lesson.checks.solved &&
      s.lesson.checks.text === s.scenarioText,
  );
  const goToStep = useNetlab((s) => s.goToStep);
  const resolvePendingScenario = useNetlab((s) => s.resolvePendingScenario);
  const restartStep = useNetlab((s) => s.restartStep);
  const sendPackets = useNetlab((s) => s.sendPackets);
  // A pod without a node has no network to trace a packet through (the tracer says so, too).
  const unscheduled = useNetlab((s) => s.view?.model.topology.unscheduled);
  const step = lesson.steps[index]!;
  const count = lesson.steps.length;
  const article = useRef<HTMLElement>(null);

  // A new step is read from its start: scroll the lesson column back to the top.
  useEffect(() => {
    const column = article.current?.closest('.area-lesson');
    if (column && column.scrollTop > 0) column.scrollTop = 0;
  }, [lesson.id, index]);

  // Keys for the whole page; the capture phase so presenter keys win over the packet shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      const forward = e.key === 'ArrowRight' || e.key === 'PageDown';
      const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
      if (!forward && !back) return;
      const arrow = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
      if (!(e.altKey && arrow) && !(present && !e.altKey)) return;
      e.preventDefault();
      e.stopPropagation();
      goToStep(index + (forward ? 1 : -1));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [goToStep, index, present]);

  const quizzes = lesson.checks.filter((c) => c.kind === 'quiz' && c.stepIndex === index);
  const blocking = lesson.checks.filter((c) => c.kind !== 'quiz' && c.stepIndex <= index);
  const firstEditable = lesson.steps.findIndex((s) => s.editable.length > 0);
  const editable = lesson.steps
    .slice(0, index + 1)
    .filter((s) => s.editable.length > 0)
    .at(-1)?.editable;
  const showHelp = index >= (firstEditable >= 0 ? firstEditable : count - 1) || blocking.length > 0;
  const revealed = Object.keys(progress.right).length;
  const right = Object.values(progress.right).filter(Boolean).length;
  const catalogueIndex = catalogue?.findIndex((e) => e.id === lesson.id) ?? -1;
  const nextLesson = catalogueIndex >= 0 ? catalogue![catalogueIndex + 1] : undefined;
  const title = step.title?.[locale];
  const noPath =
    !!step.packet &&
    !!unscheduled &&
    (unscheduled.includes(step.packet.from) || unscheduled.includes(step.packet.to));

  return (
    <article ref={article} className="lesson" aria-labelledby="lesson-title" lang={locale}>
      <h2 id="lesson-title" data-testid={TID.lessonTitle}>
        <span className="lesson-code">{lessonCode(lesson)}</span> {lesson.title[locale]}
      </h2>
      {unknownStep && (
        <p className="notice" role="alert" data-testid={TID.lessonNotice}>
          {fill(t.unknownStep, { step: unknownStep })}
        </p>
      )}
      <nav className="step-nav" aria-label={t.steps}>
        <ol className="step-dots">
          {lesson.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                data-testid={TID.lessonStepDot}
                aria-current={i === index ? 'step' : undefined}
                aria-label={`${fill(t.stepOf, { n: i + 1, count })}${progress.seen.includes(s.id) ? ` (${t.statusDone})` : ''}`}
                className={progress.seen.includes(s.id) ? 'seen' : undefined}
                onClick={() => goToStep(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <div className="step-buttons">
          <button
            type="button"
            data-testid={TID.lessonPrev}
            disabled={index === 0}
            onClick={() => goToStep(index - 1)}
            aria-keyshortcuts={present ? 'ArrowLeft PageUp Alt+ArrowLeft' : 'Alt+ArrowLeft'}
          >
            <span aria-hidden="true">← </span>
            {t.previous}
          </button>
          <span
            className="step-count"
            aria-live="polite"
            data-testid={TID.lessonStep}
            data-step={step.id}
            data-index={index}
          >
            {fill(t.stepOf, { n: index + 1, count })}
          </span>
          <button
            type="button"
            data-testid={TID.lessonNext}
            disabled={index === count - 1}
            onClick={() => goToStep(index + 1)}
            aria-keyshortcuts={present ? 'ArrowRight PageDown Alt+ArrowRight' : 'Alt+ArrowRight'}
          >
            {t.next}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
        <p className="help keys-hint">{present ? t.keysHintPresent : t.keysHint}</p>
      </nav>

      <div className="step-body" key={step.id}>
        {title && <h3>{title}</h3>}
        <Markdown text={step.text[locale]} headingOffset={1} />
      </div>

      <ul className="step-facts">
        {step.scenario && (
          <li>
            {fill(t.stepScenario, { file: step.scenario })}{' '}
            <button
              type="button"
              className="link-button"
              data-testid={TID.lessonRestartStep}
              onClick={restartStep}
            >
              {t.restartStep}
            </button>
          </li>
        )}
        {step.expectErrors && <li>{t.expectErrors}</li>}
        {editable && <li>{editableText(t, editable)}</li>}
        {(step.highlight.endpoints.length > 0 || step.highlight.policies.length > 0) && (
          <li>
            {fill(t.lookAt, {
              list: [...step.highlight.endpoints.map((e) => e.ref), ...step.highlight.policies].join(', '),
            })}
          </li>
        )}
        {step.packet && (
          <li>
            <button
              type="button"
              data-testid={TID.lessonPlayPacket}
              disabled={noPath}
              aria-describedby={noPath ? 'packet-no-node' : undefined}
              onClick={() =>
                sendPackets([{ from: step.packet!.from, to: step.packet!.to, port: step.packet!.port }])
              }
            >
              <span aria-hidden="true">▶ </span>
              {fill(t.playPacket, {
                flow: `${step.packet.from} → ${step.packet.to} ${step.packet.port.port}/${step.packet.port.protocol}`,
              })}
            </button>
            {noPath && (
              <span id="packet-no-node" className="help">
                {' '}
                {t.packetNoNode}
              </span>
            )}
          </li>
        )}
      </ul>

      {quizzes.map((c) => (
        <QuizCard key={c.id} lesson={lesson} check={c} result={results?.find((r) => r.id === c.id)} />
      ))}
      {revealed > 0 && <p className="help quiz-score">{fill(t.quizScore, { right, total: revealed })}</p>}

      {(blocking.length > 0 || showHelp) && (
        <Challenge lesson={lesson} checks={blocking} showHelp={showHelp} />
      )}

      {(solvedNow || progress.solved) && nextLesson && index === count - 1 && (
        <p className="next-lesson">
          <a href={formatLessonHash({ view: 'lesson', id: nextLesson.id, step: null }, present)}>
            {fill(t.nextLesson, { title: `${lessonCode(nextLesson)} ${nextLesson.title[locale]}` })} →
          </a>
        </p>
      )}

      <ConfirmDialog
        open={pending !== null && pending.lessonId === lesson.id}
        title={t.replaceTitle}
        body={fill(t.replaceBody, { file: step.scenario ?? step.effectiveScenario })}
        confirm={t.replace}
        cancel={t.keepMine}
        onConfirm={() => resolvePendingScenario(true)}
        onCancel={() => resolvePendingScenario(false)}
      />
    </article>
  );
}

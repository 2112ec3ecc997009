// The challenge: every check shown at this step with its result (an icon and a word, never colour
// alone) and the engine's message; Check at once; hints one by one; the solution after a question.
import { useState } from 'react';
import { progressOf } from '../../store/lesson-state';
import type { CheckView, LessonView } from '../../app-model/lesson-view';
import type { UnseenPeer } from '../../lesson/types';
import { useNetlab } from '../use-netlab';
import { fill, ReasonTree } from '../i18n';
import { TID } from '../testIds';
import { ConfirmDialog } from './ConfirmDialog';
import { useLessonText } from './lesson-text';
import { Markdown } from './Markdown';
import { useEmbedOptions } from '../embed-context';

export function Challenge({
  lesson,
  checks,
  showHelp,
}: {
  lesson: LessonView;
  checks: readonly CheckView[];
  showHelp: boolean;
}) {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const results = useNetlab((s) => (s.lesson.checks?.lessonId === lesson.id ? s.lesson.checks : null));
  const upToDate = useNetlab(
    (s) => s.lesson.checks?.lessonId === lesson.id && s.lesson.checks.text === s.scenarioText,
  );
  const progress = useNetlab((s) => progressOf(s.lesson.progress, lesson.id));
  const requestLessonCheck = useNetlab((s) => s.requestLessonCheck);
  const revealHint = useNetlab((s) => s.revealHint);
  const showSolution = useNetlab((s) => s.showSolution);
  // A read-only embed cannot be solved: it offers no solution to load either.
  const readOnly = useEmbedOptions()?.readOnly ?? false;
  const solutionInEditor = useNetlab((s) => s.scenarioText === lesson.solution);
  const [asking, setAsking] = useState(false);

  const visible = checks.filter((c) => c.kind !== 'quiz');
  const solvedNow = upToDate && results?.solved === true;
  return (
    <section className="challenge" aria-labelledby="challenge-title">
      <h3 id="challenge-title">{t.challenge}</h3>
      {visible.length > 0 && (
        <>
          <div className="challenge-bar">
            <button
              type="button"
              className="primary"
              data-testid={TID.lessonCheckNow}
              onClick={requestLessonCheck}
            >
              {t.check}
            </button>
            <span className="help" role="status" data-testid={TID.lessonCheckStatus}>
              {!upToDate ? t.checking : t.checkedNow}
            </span>
          </div>
          <p className="help">{t.checksAuto}</p>
          <ul className="checks" data-testid={TID.lessonChecks} aria-busy={!upToDate}>
            {visible.map((c) => {
              const r = results?.results.find((x) => x.id === c.id);
              const state = r ? (r.passed ? 'pass' : 'fail') : 'pending';
              return (
                <li
                  key={c.id}
                  className={`check ${state}`}
                  data-testid={TID.lessonCheck}
                  data-id={c.id}
                  data-passed={r ? String(r.passed) : undefined}
                >
                  <span className="check-mark" aria-hidden="true">
                    {state === 'pass' ? '✓' : state === 'fail' ? '✗' : '…'}
                  </span>
                  <div>
                    <strong className="check-word">
                      {state === 'pass' ? t.passed : state === 'fail' ? t.failed : t.checking}
                    </strong>{' '}
                    {r && <span lang={locale}>{r.message[locale]}</span>}
                    {r && !r.passed && r.unseen && <ShowMe peer={r.unseen} />}
                    {r && !r.passed && r.explanation && (
                      <details>
                        <summary>{t.whyDetails}</summary>
                        <div className="check-why">
                          <ReasonTree reasons={r.explanation} locale={locale} />
                        </div>
                      </details>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div role="status" data-testid={TID.lessonSolved}>
        {solvedNow ? (
          <p className="solved">
            <span aria-hidden="true">✓ </span>
            {t.solved}
          </p>
        ) : progress.solved ? (
          <p className="help">
            <span aria-hidden="true">✓ </span>
            {t.solvedBefore}
          </p>
        ) : null}
      </div>
      {showHelp && lesson.hints.length > 0 && (
        <div className="hints">
          <h4>{t.hints}</h4>
          {progress.hints > 0 && (
            <ol>
              {lesson.hints.slice(0, progress.hints).map((h, i) => (
                <li key={i} data-testid={TID.lessonHint} lang={locale}>
                  <Markdown text={h[locale]} />
                </li>
              ))}
            </ol>
          )}
          {progress.hints < lesson.hints.length ? (
            <button type="button" data-testid={TID.lessonShowHint} onClick={revealHint}>
              {fill(t.showHint, { n: progress.hints + 1, count: lesson.hints.length })}
            </button>
          ) : (
            <p className="help">{t.noMoreHints}</p>
          )}
        </div>
      )}
      {showHelp && !readOnly && (
        <div className="solution">
          <button
            type="button"
            data-testid={TID.lessonShowSolution}
            onClick={() => setAsking(true)}
            disabled={solutionInEditor}
          >
            {t.showSolution}
          </button>
          {solutionInEditor && <span className="help"> {t.solutionShown}</span>}
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={t.solutionTitle}
        body={t.solutionBody}
        confirm={t.solutionConfirm}
        cancel={t.cancel}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          showSolution();
        }}
      />
    </section>
  );
}

/** A reach check's hole: adds (or takes away again) a ghost of the peer to the graph and the matrix. */
function ShowMe({ peer }: { peer: UnseenPeer }) {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const shown = useNetlab((s) => s.unseen.ghosts.some((g) => JSON.stringify(g) === JSON.stringify(peer)));
  const toggleGhost = useNetlab((s) => s.toggleGhost);
  return (
    <p className="show-me">
      <button
        type="button"
        data-testid={TID.lessonShowMe}
        aria-pressed={shown}
        onClick={() => toggleGhost(peer)}
      >
        {fill(shown ? t.hideGhost : t.showMe, { peer: peer.label[locale] })}
      </button>
    </p>
  );
}

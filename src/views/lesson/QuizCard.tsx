// Predict, then reveal: the learner picks an answer first; revealing records it (once) and shows
// the engine's verdict for every option, whether the prediction was right, and why.
import { useId, useState } from 'react';
import { progressOf } from '../../store/lesson-state';
import type { CheckResult, CheckView, LessonView } from '../../app-model/lesson-view';
import { useNetlab } from '../use-netlab';
import { fill } from '../i18n';
import { TID } from '../testIds';
import { useLessonText } from './lesson-text';
import { InlineMarkdown } from './Markdown';

export function QuizCard({
  lesson,
  check,
  result,
}: {
  lesson: LessonView;
  check: CheckView;
  result: CheckResult | undefined;
}) {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const answered = useNetlab((s) => progressOf(s.lesson.progress, lesson.id).answers[check.id]);
  const wasRight = useNetlab((s) => progressOf(s.lesson.progress, lesson.id).right[check.id]);
  const answerQuiz = useNetlab((s) => s.answerQuiz);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const id = useId();
  const quiz = check.quiz!;
  const chosen = answered ?? picked;
  // The engine's answer belongs to this prediction once the checker has seen it.
  const revealed = answered !== undefined && result?.quiz?.chosen !== undefined;
  const correct = new Set(revealed ? result!.quiz!.correct : []);

  const toggle = (option: string, on: boolean) =>
    setPicked((p) =>
      quiz.multiple ? (on ? [...p, option] : p.filter((x) => x !== option)) : on ? [option] : p,
    );

  return (
    <fieldset
      className={`quiz${revealed ? ' revealed' : ''}`}
      data-testid={TID.lessonQuiz}
      data-id={check.id}
      data-revealed={revealed}
    >
      <legend>
        <span className="quiz-label">{t.quiz}</span>{' '}
        <span lang={locale}>
          <InlineMarkdown text={quiz.question[locale]} />
        </span>
      </legend>
      {quiz.scenario && <p className="help">{fill(t.quizAbout, { file: quiz.scenario })}</p>}
      {!answered && <p className="help">{quiz.multiple ? t.quizPickAll : t.quizPickOne}</p>}
      <ul className="quiz-options">
        {quiz.options.map((o) => {
          const isChosen = chosen.includes(o.id);
          const verdict = revealed ? result!.quiz!.verdicts[o.id] : undefined;
          return (
            <li key={o.id} className={revealed ? (correct.has(o.id) ? 'right' : 'wrong') : undefined}>
              <label>
                <input
                  type={quiz.multiple ? 'checkbox' : 'radio'}
                  name={`${id}-quiz`}
                  value={o.id}
                  checked={isChosen}
                  disabled={answered !== undefined}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />{' '}
                <span lang={locale}>
                  <InlineMarkdown text={o.text[locale]} />
                </span>
              </label>
              {revealed && (
                <span className="quiz-verdict">
                  {' — '}
                  {verdict ? t.engineAllowed : t.engineDenied}
                  {correct.has(o.id) && (
                    <strong>
                      {' · '}
                      <span aria-hidden="true">✓ </span>
                      {t.correctOption}
                    </strong>
                  )}
                  {isChosen && ` · ${t.yourAnswer}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {!answered && (
        <button
          type="button"
          data-testid={TID.lessonReveal}
          disabled={picked.length === 0}
          onClick={() => answerQuiz(check.id, picked)}
        >
          {t.reveal}
        </button>
      )}
      <div role="status">
        {answered && !revealed && <p className="help">{t.checking}</p>}
        {revealed && (
          <div className="quiz-result">
            <p className={(wasRight ?? result!.passed) ? 'pass-text' : 'fail-text'}>
              <strong>
                <span aria-hidden="true">{(wasRight ?? result!.passed) ? '✓ ' : '✗ '}</span>
                {(wasRight ?? result!.passed) ? t.quizRight : t.quizWrong}
              </strong>{' '}
              <span lang={locale}>{result!.message[locale]}</span>
            </p>
            {quiz.reveal && (
              <p className="quiz-reveal" lang={locale}>
                <InlineMarkdown text={quiz.reveal[locale]} />
              </p>
            )}
          </div>
        )}
      </div>
    </fieldset>
  );
}

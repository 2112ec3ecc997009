// Scenario-wide actions: back to the default scenario, and taking that back (also after a lesson
// step replaced the learner's text).
import { useNetlab } from '../store/use-netlab';
import { useUiText } from './i18n';
import { TID } from './testIds';

export function ScenarioActions() {
  const t = useUiText();
  const resetScenario = useNetlab((s) => s.resetScenario);
  const undoReset = useNetlab((s) => s.undoReset);
  const canUndo = useNetlab((s) => s.textBeforeReset !== null);
  const byLesson = useNetlab((s) => s.textReplacedBy === 'lesson');
  return (
    <div className="scenario-actions">
      <button type="button" data-testid={TID.reset} onClick={resetScenario}>
        {t.reset}
      </button>
      <span role="status">
        {canUndo && (
          <>
            {byLesson ? t.lessonReplaced : t.resetDone}{' '}
            <button type="button" data-testid={TID.undoReset} onClick={undoReset}>
              {byLesson ? t.undoLessonReplace : t.undoReset}
            </button>
          </>
        )}
      </span>
    </div>
  );
}

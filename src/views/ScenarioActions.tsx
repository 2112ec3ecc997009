// Scenario-wide actions: back to the default scenario, and taking that back (also after a lesson
// step, an opened file or a shared link replaced the learner's text).
import { useNetlab } from './use-netlab';
import { useUiText } from './i18n';
import { TID } from './testIds';
import { HistoryControl } from './HistoryControl';

export function ScenarioActions() {
  const t = useUiText();
  const resetScenario = useNetlab((s) => s.resetScenario);
  const undoReset = useNetlab((s) => s.undoReset);
  const canUndo = useNetlab((s) => s.textBeforeReset !== null);
  const by = useNetlab((s) => s.textReplacedBy);
  const [said, undo] =
    by === 'lesson'
      ? [t.lessonReplaced, t.undoLessonReplace]
      : by === 'replaced'
        ? [t.replacedDone, t.undoReplace]
        : [t.resetDone, t.undoReset];
  return (
    <div className="scenario-actions">
      <button type="button" data-testid={TID.reset} onClick={resetScenario}>
        {t.reset}
      </button>
      <HistoryControl />
      <span role="status">
        {canUndo && (
          <>
            {said}{' '}
            <button type="button" data-testid={TID.undoReset} onClick={undoReset}>
              {undo}
            </button>
          </>
        )}
      </span>
    </div>
  );
}

// "Predict first" for a room: a toggle that hides every verdict, then reveal the next cell
// (button or N) or all of them, after the group has guessed.
import { useEffect } from 'react';
import { isTyping } from '../keyboard';
import { nextHidden } from '../../store/predict-state';
import { useNetlab } from '../use-netlab';
import { useWorkspaceText } from './workspace-text';

/** `cells`: the matrix's cell keys in reading order (row by row). */
export function PredictControls({ cells }: { cells: readonly string[] }) {
  const t = useWorkspaceText();
  const predict = useNetlab((s) => s.predict);
  const setPredicting = useNetlab((s) => s.setPredicting);
  const revealCells = useNetlab((s) => s.revealCells);
  const next = predict.on ? nextHidden(predict, cells) : null;

  useEffect(() => {
    if (!predict.on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (next === null) return;
      e.preventDefault();
      revealCells([next]);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [predict.on, next, revealCells]);

  return (
    <div className="predict-controls">
      <label>
        <input type="checkbox" checked={predict.on} onChange={(e) => setPredicting(e.target.checked)} />{' '}
        {t.predict}
      </label>
      {predict.on && (
        <>
          {' '}
          <button
            type="button"
            disabled={next === null}
            aria-keyshortcuts="N"
            onClick={() => next !== null && revealCells([next])}
          >
            {t.revealNext} (N)
          </button>{' '}
          <button type="button" disabled={next === null} onClick={() => revealCells(cells)}>
            {t.revealAll}
          </button>
          <p className="help">{t.predictHelp}</p>
        </>
      )}
    </div>
  );
}

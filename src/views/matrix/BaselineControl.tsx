// What the matrix's "newly allowed / newly denied" marks compare with: the last edit (the
// default), or a version the learner pinned, so a change typed over many keystrokes — or a
// whole lesson step — shows its full effect until they unpin it.
import { useNetlab, useScenarioModel } from '../use-netlab';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';

export function BaselineControl() {
  const t = useUiText();
  const { changes, hasErrors } = useScenarioModel();
  const baseline = useNetlab((s) => s.baseline);
  const locale = useNetlab((s) => s.locale);
  const pin = useNetlab((s) => s.pinBaseline);
  const unpin = useNetlab((s) => s.unpinBaseline);
  const time = baseline
    ? new Date(baseline.pinnedAt).toLocaleTimeString(locale === 'ko' ? 'ko-KR' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <p className="baseline">
      <span data-testid={TID.matrixCompare}>
        {baseline ? fill(t.comparePinned, { time, count: changes.size }) : t.compareLastEdit}
      </span>{' '}
      {baseline ? (
        <button type="button" data-testid={TID.matrixPin} onClick={unpin}>
          {t.unpin}
        </button>
      ) : (
        <button
          type="button"
          data-testid={TID.matrixPin}
          onClick={() => pin(Date.now())}
          disabled={hasErrors}
          aria-describedby={hasErrors ? 'pin-needs-valid' : undefined}
        >
          {t.pinVersion}
        </button>
      )}
      {!baseline && hasErrors && (
        <span id="pin-needs-valid" className="help">
          {' '}
          {t.pinNeedsValid}
        </span>
      )}
    </p>
  );
}

// While the worker builds the model of a text that takes a while (a 5 MB cluster dump): what it
// is doing, how far it has got, and a way out. Shown only after the first moments, so typing in
// a small scenario never flashes it.
import { useNetlab } from './use-netlab';
import { fill, useUiText } from './i18n';
import { TID } from './testIds';

export const megabytes = (chars: number): string => `${(chars / 1_000_000).toFixed(1)} MB`;

export function ModelProgress() {
  const t = useUiText();
  const progress = useNetlab((s) => s.modelProgress);
  const cancel = useNetlab((s) => s.cancelModel);
  if (!progress) return null;
  if (progress.phase === 'failed') {
    return (
      <div className="banner model-progress" role="alert" data-testid={TID.modelProgress}>
        {t.modelFailed}{' '}
        <button type="button" data-testid={TID.modelCancel} onClick={cancel}>
          {t.goBack}
        </button>
      </div>
    );
  }
  const { phase, done, total } = progress;
  const kb = (n: number) => Math.round(n / 1000).toLocaleString();
  const what =
    phase === 'read'
      ? fill(t.progressRead, { done: kb(done), total: kb(total) })
      : phase === 'matrix'
        ? fill(t.progressMatrix, { done: done.toLocaleString(), total: total.toLocaleString() })
        : t.progressLayout;
  const label = fill(t.modelBuilding, { size: megabytes(progress.chars) });
  return (
    <div className="banner model-progress" role="status" data-testid={TID.modelProgress}>
      <span>
        {label}: {what} · {fill(t.progressSeconds, { seconds: Math.round(progress.elapsedMs / 1000) })}
      </span>{' '}
      <progress
        aria-label={label}
        max={Math.max(total, 1)}
        {...(phase === 'layout' ? {} : { value: Math.min(done, total) })}
      />{' '}
      <button type="button" data-testid={TID.modelCancel} onClick={cancel}>
        {t.cancel}
      </button>
    </div>
  );
}

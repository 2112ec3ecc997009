// A banner under the header while the autosave cannot write the learner's text (storage full or
// switched off, or the text too big to save): their work is then only in this tab, and they must
// hear it before closing it.
import { useNetlab } from './use-netlab';
import { useUiText } from './i18n';
import { fill } from '../lib/text';

export function SaveWarning() {
  const t = useUiText();
  const unsaved = useNetlab((s) => s.textUnsaved);
  const megabytes = useNetlab((s) => (s.textUnsaved === 'too-big' ? s.scenarioText.length / 1e6 : 0));
  if (!unsaved) return null;
  return (
    <p className="save-warning" role="alert">
      ⚠{' '}
      {unsaved === 'too-big'
        ? fill(t.textTooBigToSave, { size: `${megabytes.toFixed(1)} MB` })
        : t.textUnsaved}
    </p>
  );
}

// A banner under the header while the autosave cannot write the learner's text (storage full or
// switched off): their work is then only in this tab, and they must hear it before closing it.
import { useNetlab } from './use-netlab';
import { useUiText } from './i18n';

export function SaveWarning() {
  const t = useUiText();
  const unsaved = useNetlab((s) => s.textUnsaved);
  if (!unsaved) return null;
  return (
    <p className="save-warning" role="alert">
      ⚠ {t.textUnsaved}
    </p>
  );
}

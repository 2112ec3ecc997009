// The UI language (English / 한국어); remembered by the persistence service.
import type { Locale } from '../lib/text';
import { useNetlab } from './use-netlab';
import { useUiText } from './i18n';
import { TID } from './testIds';

export function LanguageSwitch() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const setLocale = useNetlab((s) => s.setLocale);
  return (
    <label className="language-switch">
      {/* The select shows the language by its own name; the label is for screen readers. */}
      <span className="visually-hidden">{t.language}</span>
      <select data-testid={TID.language} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        <option value="en" lang="en">
          English
        </option>
        <option value="ko" lang="ko">
          한국어
        </option>
      </select>
    </label>
  );
}

// "History": the learner's earlier texts that a link, a file, a reset or a lesson replaced (kept in
// storage by the history service), each with when and what replaced it, and a way back to any.
import { useId, useState } from 'react';
import type { ReplacedBy, TextVersion } from '../store/text-history';
import { clip } from '../lib/user-text';
import { fill } from '../lib/text';
import { useNetlab } from './use-netlab';
import { useUiText, type UiText } from './i18n';

const REASON: Record<ReplacedBy, keyof UiText> = {
  link: 'replacedByLink',
  file: 'replacedByFile',
  drop: 'replacedByDrop',
  reset: 'replacedByReset',
  lesson: 'replacedByLesson',
  history: 'replacedByHistory',
  cancel: 'replacedByCancel',
  'other-tab': 'replacedByOtherTab',
};

/** The first line with something on it (a comment, a kind), to tell versions apart. */
function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '' && l.trim() !== '---');
  return clip((line ?? '').trim(), 60);
}

export function HistoryControl() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const history = useNetlab((s) => s.history);
  const unsaved = useNetlab((s) => s.historyUnsaved);
  const firstUnsaved = history.length - unsaved;
  const restoreVersion = useNetlab((s) => s.restoreVersion);
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const listId = useId();
  const time = (v: TextVersion) =>
    new Date(v.savedAt).toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });
  return (
    <div className="history-control">
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {fill(t.history, { count: history.length })}
        {unsaved > 0 && <span> ⚠ {t.historyNotSaved}</span>}
      </button>

      {open && (
        <section id={listId} className="history-list" aria-label={t.historyTitle}>
          {unsaved > 0 && (
            <p className="history-unsaved" role="alert">
              ⚠ {t.historyUnsaved}
            </p>
          )}
          {history.length === 0 ? (
            <p>{t.historyEmpty}</p>
          ) : (
            <ol>
              {history.map((v, i) => (
                <li key={`${v.savedAt}-${v.text.length}`}>
                  <span>
                    {i >= firstUnsaved && <strong>⚠ {t.historyNotSaved} · </strong>}
                    <time dateTime={new Date(v.savedAt).toISOString()}>{time(v)}</time> ·{' '}
                    {t[REASON[v.replacedBy]]} · {fill(t.historyLines, { lines: v.text.split('\n').length })} ·{' '}
                    <code>{firstLine(v.text)}</code>
                  </span>{' '}
                  <button
                    type="button"
                    aria-label={`${t.historyRestore}: ${time(v)}`}
                    onClick={() => {
                      restoreVersion(v.text);
                      setSaid(fill(t.historyRestored, { time: time(v) }));
                    }}
                  >
                    {t.historyRestore}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <p role="status">{said}</p>
        </section>
      )}
    </div>
  );
}

// Progress to and from a JSON file: the learner's own backup, or a move to another browser.
import { useRef, useState } from 'react';
import type { Locale } from '../../lib/text';
import {
  MAX_PROGRESS_BYTES,
  parseProgressFile,
  progressFileText,
  progressTooLarge,
  setAsideNotice,
} from '../../services/lesson-progress';
import { download } from '../../services/scene-files';
import { useNetlab } from '../use-netlab';
import { fill } from '../i18n';
import { TID } from '../testIds';
import { useLessonText, type LessonText } from './lesson-text';

type Status = { readonly ok: boolean; readonly say: (t: LessonText, locale: Locale) => string };

export function ProgressTransfer() {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const progress = useNetlab((s) => s.lesson.progress);
  const importProgress = useNetlab((s) => s.importProgress);
  const notice = useNetlab((s) => s.lesson.progressNotice);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const exportFile = () => {
    const name = `netlab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    download(new Blob([progressFileText(progress)], { type: 'application/json' }), name);
    setStatus({ ok: true, say: (w) => fill(w.exportDone, { file: name }) });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const read =
      file.size > MAX_PROGRESS_BYTES
        ? progressTooLarge()
        : parseProgressFile(await file.text().catch(() => ''));
    if ('error' in read) {
      setStatus({ ok: false, say: (w, l) => fill(w.importFailed, { why: read.error[l] }) });
      return;
    }
    importProgress(read.progress);
    const count = Object.keys(read.progress).length;
    const setAside = setAsideNotice(read);
    setStatus({
      ok: setAside === null,
      say: (w, l) => fill(w.importDone, { count }) + (setAside ? ` ${setAside[l]}` : ''),
    });
  };

  return (
    <div className="progress-transfer" role="group" aria-label={t.progress}>
      <button type="button" data-testid={TID.lessonExport} onClick={exportFile}>
        {t.exportProgress}
      </button>
      <button type="button" data-testid={TID.lessonImport} onClick={() => input.current?.click()}>
        {t.importProgress}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid={TID.lessonImportInput}
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <p
        role="status"
        data-testid={TID.lessonProgressStatus}
        className={(status && !status.ok) || (!status && notice) ? 'error-text' : 'status-text'}
      >
        {status ? status.say(t, locale) : notice?.[locale]}
      </p>
    </div>
  );
}

// The implicit `editable` check in the layers lab: the learner's archive may change only the files
// the lesson lists (`{kind: File, name: Dockerfile}`; no name: any file, new ones too).
import { type LocalText } from '../lib/text';
import { parseTxtar } from '../storage/txtar';
import { DEFAULTS, WORDS } from './messages';
import { fill } from '../lib/text';
import type { CheckResult, EditableCheck } from './types';

/** The files of an archive by name; a text without markers is one file, `Dockerfile`. */
function filesOf(text: string): Map<string, string> {
  const archive = parseTxtar(text);
  if (!archive) return new Map([['Dockerfile', text]]);
  return new Map(archive.files.map((f) => [f.name, f.text.replace(/\s+$/, '')]));
}

/** Files added, removed or changed between two archives. */
export function changedFiles(
  before: string,
  after: string,
): { name: string; change: 'added' | 'removed' | 'changed' }[] {
  const a = filesOf(before);
  const b = filesOf(after);
  const out: { name: string; change: 'added' | 'removed' | 'changed' }[] = [];
  for (const [name, text] of a) {
    if (!b.has(name)) out.push({ name, change: 'removed' });
    else if (b.get(name) !== text) out.push({ name, change: 'changed' });
  }
  for (const name of b.keys()) if (!a.has(name)) out.push({ name, change: 'added' });
  return out;
}

export function checkEditableFiles(
  check: EditableCheck,
  text: string,
): Pick<CheckResult, 'passed' | 'message'> {
  const allowed = check.editable.filter((r) => r.kind === 'File');
  const outside = changedFiles(check.start.text, text).filter(
    (c) => !allowed.some((r) => r.name === undefined || r.name === c.name),
  );
  if (outside.length === 0)
    return { passed: true, message: fill(check.success ?? DEFAULTS.editable.pass, {}) };
  const list = (items: LocalText[]): LocalText => ({
    en: items.map((i) => i.en).join(', '),
    ko: items.map((i) => i.ko).join(', '),
  });
  const values = {
    changed: list(
      outside.map((c) => ({
        en: `${c.name} (${WORDS[c.change].en})`,
        ko: `${c.name}(${WORDS[c.change].ko})`,
      })),
    ),
    editable: list(
      allowed.map((r) =>
        r.name === undefined ? { en: 'any file', ko: '모든 파일' } : { en: r.name, ko: r.name },
      ),
    ),
    count: String(outside.length),
  };
  return { passed: false, message: fill(check.message ?? DEFAULTS.editable.fail, values) };
}

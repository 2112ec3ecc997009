// Lesson progress on disk: localStorage (autosaved), and a JSON file the learner exports and
// imports. Anything read back is untrusted: size-capped, shape-checked, and turned into a
// clear message instead of an exception.
import type { LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import { EMPTY_LESSON_PROGRESS, type LessonProgress, type Progress } from '../store/lesson-state';
import type { NetlabStore } from '../store/netlab-store';

export const PROGRESS_KEYS = {
  progress: 'netlab.lessons.progress.v1',
  owner: 'netlab.lessons.textOwner.v1',
  /** The learner's own lab text while a lesson's text is in the editor. */
  labText: 'netlab.lessons.labText.v1',
  /** Entries that could not be read, kept as they were (never deleted), by lesson id. */
  setAside: 'netlab.lessons.setAside.v1',
} as const;
/** Caps the kept lab text read back, as the autosaved scenario is capped. */
const MAX_LAB_TEXT_CHARS = 5_000_000;
export const PROGRESS_FORMAT = 'netlab-lesson-progress';
/** An export of every lesson is a few KB; anything much bigger is not ours. */
export const MAX_PROGRESS_BYTES = 256 * 1024;
const MAX_LESSONS = 500;
const MAX_ITEMS = 200;
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface ProgressFile {
  readonly format: typeof PROGRESS_FORMAT;
  readonly version: 1;
  readonly exportedAt?: string;
  readonly lessons: Progress;
}

/**
 * A read of progress, entry by entry: the lessons read, and the entries that could not be read
 * (set aside as they were, with why), so one bad entry costs only itself.
 */
export type ProgressRead =
  | {
      readonly progress: Progress;
      readonly setAside: Readonly<Record<string, unknown>>;
      /** Why each set-aside entry could not be read, in English (the message quotes them). */
      readonly problems: readonly string[];
    }
  | { readonly error: LocalText };

const fail = (en: string, ko: string): ProgressRead => ({ error: { en, ko } });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const ids = (v: unknown): string[] | null =>
  Array.isArray(v) && v.length <= MAX_ITEMS && v.every((x) => typeof x === 'string' && ID.test(x))
    ? [...new Set(v as string[])]
    : null;

/** The fields this netlab writes; any other field comes from a newer version (or not from us). */
const KNOWN_FIELDS = new Set(['seen', 'last', 'solved', 'answers', 'right', 'hints', 'solutionShown']);

/**
 * One lesson's progress, or why it is not. An unknown field is a reason to set the entry aside:
 * reading it would silently drop what a newer netlab recorded there.
 */
function lessonProgress(v: unknown): LessonProgress | string {
  if (!isObject(v)) return 'not an object';
  const unknown = Object.keys(v).find((k) => !KNOWN_FIELDS.has(k));
  if (unknown !== undefined) return `unknown field ${quote(unknown, 40)} (written by a newer netlab?)`;
  const seen = v.seen === undefined ? [] : ids(v.seen);
  if (!seen) return '"seen" must be a list of step ids';
  if (v.last !== undefined && (typeof v.last !== 'string' || !ID.test(v.last)))
    return '"last" must be a step id';
  if (v.solved !== undefined && typeof v.solved !== 'boolean') return '"solved" must be true or false';
  if (v.solutionShown !== undefined && typeof v.solutionShown !== 'boolean')
    return '"solutionShown" must be true or false';
  if (
    v.hints !== undefined &&
    (!Number.isInteger(v.hints) || (v.hints as number) < 0 || (v.hints as number) > MAX_ITEMS)
  )
    return '"hints" must be a small whole number';
  const answers: Record<string, readonly string[]> = {};
  if (v.answers !== undefined) {
    if (!isObject(v.answers) || Object.keys(v.answers).length > MAX_ITEMS)
      return '"answers" must map quiz ids to option ids';
    for (const [k, a] of Object.entries(v.answers)) {
      const list = ids(a);
      if (!ID.test(k) || !list || list.length === 0) return '"answers" must map quiz ids to option ids';
      answers[k] = list;
    }
  }
  const right: Record<string, boolean> = {};
  if (v.right !== undefined) {
    if (!isObject(v.right) || Object.keys(v.right).length > MAX_ITEMS)
      return '"right" must map quiz ids to true or false';
    for (const [k, r] of Object.entries(v.right)) {
      if (!ID.test(k) || typeof r !== 'boolean') return '"right" must map quiz ids to true or false';
      right[k] = r;
    }
  }
  return {
    ...EMPTY_LESSON_PROGRESS,
    seen,
    ...(typeof v.last === 'string' ? { last: v.last } : {}),
    solved: v.solved === true,
    answers,
    right,
    hints: (v.hints as number | undefined) ?? 0,
    solutionShown: v.solutionShown === true,
  };
}

/** Checks a parsed value: a progress file, or (from localStorage) the lessons map alone. */
export function validateProgress(value: unknown, { bare = false } = {}): ProgressRead {
  let lessons: unknown = value;
  if (!bare) {
    if (!isObject(value) || value.format !== PROGRESS_FORMAT) {
      return fail(
        'This is not a netlab progress file (the "format" field is missing or different).',
        'netlab 진도 파일이 아닙니다("format" 필드가 없거나 다릅니다).',
      );
    }
    if (value.version !== 1)
      return fail(
        `Unsupported progress file version ${quote(value.version)}: this netlab reads version 1.`,
        `지원하지 않는 진도 파일 버전입니다(${quote(value.version)}). 이 netlab은 버전 1을 읽습니다.`,
      );
    lessons = value.lessons;
  }
  if (!isObject(lessons))
    return fail('The file has no "lessons" object.', '파일에 "lessons" 항목이 없습니다.');
  const entries = Object.entries(lessons);
  if (entries.length > MAX_LESSONS)
    return fail('The file lists far too many lessons.', '파일에 레슨이 너무 많습니다.');
  const out: Record<string, LessonProgress> = {};
  const setAside: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [id, p] of entries) {
    const read = ID.test(id) ? lessonProgress(p) : 'not a lesson id';
    if (typeof read === 'string') {
      setAside[id] = p;
      problems.push(`${quote(id, 60)}: ${read}`);
    } else out[id] = read;
  }
  return { progress: out, setAside, problems };
}

/** What to say, once, about entries set aside (null when there are none). */
export function setAsideNotice(read: ProgressRead): LocalText | null {
  if ('error' in read || read.problems.length === 0) return null;
  const n = read.problems.length;
  const list = read.problems.slice(0, 3).join('; ') + (n > 3 ? '; …' : '');
  return {
    en: `${n === 1 ? 'One lesson entry' : `${n} lesson entries`} could not be read (${list}) and ${n === 1 ? 'was' : 'were'} set aside, not deleted; the other lessons' progress is kept.`,
    ko: `레슨 항목 ${n}개를 읽을 수 없어(${list}) 따로 보관했습니다(지우지 않았습니다). 다른 레슨의 진도는 그대로입니다.`,
  };
}

export const progressTooLarge = (): ProgressRead =>
  fail(
    `The file is too large (over ${MAX_PROGRESS_BYTES / 1024} KB) to be a progress file.`,
    `파일이 너무 커서(${MAX_PROGRESS_BYTES / 1024} KB 초과) 진도 파일일 수 없습니다.`,
  );

/** Reads a progress file's text (an import). */
export function parseProgressFile(text: string): ProgressRead {
  if (text.length > MAX_PROGRESS_BYTES) return progressTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('The file is not valid JSON.', '파일이 올바른 JSON이 아닙니다.');
  }
  return validateProgress(value);
}

/** The text of an export file. */
export function progressFileText(progress: Progress, now = new Date()): string {
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    lessons: progress,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * What localStorage holds, read entry by entry; empty progress when missing or unreadable. Entries
 * that cannot be read move to PROGRESS_KEYS.setAside (added to any set aside before) and the
 * progress key keeps the rest, so `notice` says so once, not at every visit.
 */
export function readProgress(storage: Storage | undefined): {
  progress: Progress;
  owner: string | null;
  labText: string | null;
  notice: LocalText | null;
} {
  try {
    const text = storage?.getItem(PROGRESS_KEYS.progress) ?? null;
    const owner = storage?.getItem(PROGRESS_KEYS.owner) ?? null;
    const labText = storage?.getItem(PROGRESS_KEYS.labText) ?? null;
    let progress: Progress = {};
    let notice: LocalText | null = null;
    if (text !== null && text.length <= MAX_PROGRESS_BYTES) {
      const read = validateProgress(JSON.parse(text), { bare: true });
      if ('progress' in read) {
        progress = read.progress;
        notice = setAsideNotice(read);
        if (notice) setAsideEntries(storage, read.setAside, progress);
      }
    }
    return {
      progress,
      owner: owner !== null && ID.test(owner) ? owner : null,
      labText: labText !== null && labText.length <= MAX_LAB_TEXT_CHARS ? labText : null,
      notice,
    };
  } catch {
    return { progress: {}, owner: null, labText: null, notice: null };
  }
}

/** Keeps `entries` under PROGRESS_KEYS.setAside (with those kept before), then saves `progress` alone. */
function setAsideEntries(
  storage: Storage | undefined,
  entries: Readonly<Record<string, unknown>>,
  progress: Progress,
) {
  let before: unknown = null;
  try {
    before = JSON.parse(storage?.getItem(PROGRESS_KEYS.setAside) ?? 'null');
  } catch {
    // an unreadable set-aside entry is replaced
  }
  const kept = isObject(before) ? before : {};
  try {
    storage?.setItem(PROGRESS_KEYS.setAside, JSON.stringify({ ...kept, ...entries }));
    storage?.setItem(PROGRESS_KEYS.progress, JSON.stringify(progress));
  } catch {
    // Full storage: the bad entries stay where they were (and are set aside again next time).
  }
}

/** Saves progress, the text's lesson and the kept lab text whenever they change. */
export function startProgressAutosave(store: NetlabStore, storage: Storage | undefined): () => void {
  const write = (key: string, value: string | null) => {
    try {
      if (value === null) storage?.removeItem(key);
      else storage?.setItem(key, value);
    } catch {
      // Full or forbidden storage: progress lives for this visit only.
    }
  };
  return store.subscribe((s, prev) => {
    if (!s.lesson.ready) return;
    if (s.lesson.progress !== prev.lesson.progress)
      write(PROGRESS_KEYS.progress, JSON.stringify(s.lesson.progress));
    if (s.lesson.textOwner !== prev.lesson.textOwner) write(PROGRESS_KEYS.owner, s.lesson.textOwner);
    if (s.lesson.labText !== prev.lesson.labText) write(PROGRESS_KEYS.labText, s.lesson.labText);
  });
}

/**
 * Imports a progress file's text once the lesson service has read the saved progress (opening
 * the lesson list starts it), so the import is saved. Returns what happened, in both languages.
 */
export function importProgressText(
  store: NetlabStore,
  text: string,
  openList: () => void,
): { ok: boolean; said: LocalText } {
  const read = parseProgressFile(text);
  if ('error' in read) return { ok: false, said: read.error };
  const apply = () => store.getState().importProgress(read.progress);
  if (store.getState().lesson.ready) apply();
  else {
    const stop = store.subscribe((s) => {
      if (!s.lesson.ready) return;
      stop();
      // After the lesson service has started saving progress (it does right after it is ready).
      setTimeout(apply, 0);
    });
    openList();
  }
  const n = Object.keys(read.progress).length;
  const setAside = setAsideNotice(read);
  return {
    ok: setAside === null,
    said: {
      en: `Progress imported for ${n} lesson(s), merged with yours.${setAside ? ` ${setAside.en}` : ''}`,
      ko: `레슨 ${n}개의 진도를 가져와 내 진도와 합쳤습니다.${setAside ? ` ${setAside.ko}` : ''}`,
    },
  };
}

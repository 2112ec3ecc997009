import { describe, expect, it } from 'vitest';
import { createNetlabStore } from '../store/netlab-store';
import { EMPTY_LESSON_PROGRESS, mergeProgress, type Progress } from '../store/lesson-state';
import {
  MAX_PROGRESS_BYTES,
  parseProgressFile,
  progressFileText,
  PROGRESS_KEYS,
  readProgress,
  startProgressAutosave,
  setAsideNotice,
  validateProgress,
} from './lesson-progress';
import { memoryStorage } from '../testing/memory-storage';

const SAMPLE: Progress = {
  'a-01-no-policy-no-isolation': {
    seen: ['open-by-default', 'isolate-db'],
    last: 'isolate-db',
    solved: true,
    answers: { 'predict-web-db': ['allowed'] },
    right: { 'predict-web-db': true },
    hints: 1,
    solutionShown: false,
  },
  'c-02-notes-typos': { ...EMPTY_LESSON_PROGRESS, seen: ['kind'] },
};

describe('progress files', () => {
  it('round-trips through an export file', () => {
    const text = progressFileText(SAMPLE, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'netlab-lesson-progress',
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseProgressFile(text)).toEqual({ progress: SAMPLE, setAside: {}, problems: [] });
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    ['another file', '{"name":"netlab","version":"0.1.0"}', 'not a netlab progress file'],
    ['a newer version', '{"format":"netlab-lesson-progress","version":2,"lessons":{}}', 'version 2'],
    ['no lessons', '{"format":"netlab-lesson-progress","version":1}', 'no "lessons"'],
    ['lessons as a list', '{"format":"netlab-lesson-progress","version":1,"lessons":[]}', 'no "lessons"'],
    ['null', 'null', 'not a netlab progress file'],
  ])('rejects %s with a message in both languages', (_name, text, words) => {
    const read = parseProgressFile(text);
    expect('error' in read && read.error.en).toContain(words);
    expect('error' in read && read.error.ko.length).toBeGreaterThan(5);
  });

  it.each([
    ['a strange id', '"../../x":{}', 'not a lesson id'],
    ['seen not a list', '"a-01-x":{"seen":"all"}', '"seen"'],
    ['solved not a boolean', '"a-01-x":{"solved":"yes"}', '"solved"'],
    ['negative hints', '"a-01-x":{"hints":-1}', '"hints"'],
    ['empty answer', '"a-01-x":{"answers":{"q":[]}}', '"answers"'],
  ])('sets aside an entry with %s and keeps the others', (_name, bad, words) => {
    const read = parseProgressFile(
      `{"format":"netlab-lesson-progress","version":1,"lessons":{${bad},"b-01-good":{"solved":true}}}`,
    );
    if ('error' in read) throw new Error(read.error.en);
    expect(read.progress).toEqual({ 'b-01-good': { ...EMPTY_LESSON_PROGRESS, solved: true } });
    expect(Object.values(read.setAside)).toHaveLength(1);
    const notice = setAsideNotice(read)!;
    expect(notice.en).toContain(words);
    expect(notice.en).toContain('set aside, not deleted');
    expect(notice.ko).toContain('따로 보관했습니다');
  });

  it('rejects files past the size limit before parsing', () => {
    const read = parseProgressFile(' '.repeat(MAX_PROGRESS_BYTES + 1));
    expect('error' in read && read.error.en).toContain('too large');
  });

  it('fills missing fields', () => {
    const read = validateProgress({
      format: 'netlab-lesson-progress',
      version: 1,
      lessons: { 'a-01-x': { seen: ['a', 'a'] } },
    });
    expect(read).toEqual({
      progress: { 'a-01-x': { ...EMPTY_LESSON_PROGRESS, seen: ['a'] } },
      setAside: {},
      problems: [],
    });
  });

  it('sets aside an entry with a field from a newer version, keeping the others', () => {
    const entry = { seen: ['a'], solved: true, streak: 3 };
    const read = validateProgress({
      format: 'netlab-lesson-progress',
      version: 1,
      lessons: { 'a-01-x': entry, 'b-01-y': { solved: true } },
    });
    if ('error' in read) throw new Error(read.error.en);
    expect(read.progress).toEqual({ 'b-01-y': { ...EMPTY_LESSON_PROGRESS, solved: true } });
    expect(read.setAside).toEqual({ 'a-01-x': entry });
    expect(read.problems.join()).toContain('unknown field "streak"');
  });

  it('merges imported progress without losing either side', () => {
    const ours: Progress = {
      'a-01-x': { ...EMPTY_LESSON_PROGRESS, seen: ['one'], hints: 2, answers: { q: ['yes'] } },
    };
    const theirs: Progress = {
      'a-01-x': { ...EMPTY_LESSON_PROGRESS, seen: ['two'], solved: true, answers: { q: ['no'], r: ['x'] } },
      'b-01-y': SAMPLE['c-02-notes-typos']!,
    };
    expect(mergeProgress(ours, theirs)).toEqual({
      'a-01-x': {
        ...EMPTY_LESSON_PROGRESS,
        seen: ['one', 'two'],
        solved: true,
        hints: 2,
        answers: { q: ['yes'], r: ['x'] },
      },
      'b-01-y': SAMPLE['c-02-notes-typos'],
    });
  });
});

describe('progress in localStorage', () => {
  it('saves on change once the service is ready, and reads it back', () => {
    const storage = memoryStorage();
    const store = createNetlabStore({ defaultScenario: 'x' });
    startProgressAutosave(store, storage);
    store.getState().importProgress(SAMPLE);
    expect(storage.getItem(PROGRESS_KEYS.progress)).toBeNull(); // not before the saved progress was read
    store.getState().lessonServiceReady({}, null);
    store.getState().importProgress(SAMPLE);
    expect(readProgress(storage)).toEqual({ progress: SAMPLE, owner: null, labText: null, notice: null });
  });

  it('one bad entry costs only itself: set aside (kept), the rest read, said once', () => {
    const storage = memoryStorage();
    const bad = { hints: -3, solved: 'yes' };
    storage.setItem(PROGRESS_KEYS.progress, JSON.stringify({ ...SAMPLE, 'a-01-x': bad }));
    const first = readProgress(storage);
    expect(first.progress).toEqual(SAMPLE);
    expect(first.notice?.en).toMatch(/^One lesson entry could not be read \("a-01-x": "solved"/);
    expect(JSON.parse(storage.getItem(PROGRESS_KEYS.setAside)!)).toEqual({ 'a-01-x': bad });
    const again = readProgress(storage);
    expect(again).toEqual({ progress: SAMPLE, owner: null, labText: null, notice: null });
    expect(JSON.parse(storage.getItem(PROGRESS_KEYS.setAside)!)).toEqual({ 'a-01-x': bad });
  });

  it('reads nothing from corrupt or hostile entries, and survives full storage', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEYS.progress, '{"a-01-x":{"seen":5}}');
    storage.setItem(PROGRESS_KEYS.owner, '../../etc');
    expect(readProgress(storage)).toMatchObject({ progress: {}, owner: null, labText: null });
    storage.setItem(PROGRESS_KEYS.progress, 'not json');
    expect(readProgress(storage)).toEqual({ progress: {}, owner: null, labText: null, notice: null });
    expect(readProgress(undefined)).toEqual({ progress: {}, owner: null, labText: null, notice: null });

    const store = createNetlabStore({ defaultScenario: 'x' });
    startProgressAutosave(store, memoryStorage(true));
    store.getState().lessonServiceReady({}, null);
    expect(() => store.getState().importProgress(SAMPLE)).not.toThrow();
  });

  it('a 200 KB field is quoted cut to 120 characters in the message', () => {
    const read = validateProgress({
      format: 'netlab-lesson-progress',
      version: 'v'.repeat(200_000),
      lessons: {},
    });
    expect('error' in read).toBe(true);
    if ('error' in read) {
      expect(read.error.en.length).toBeLessThan(200);
      expect(read.error.en).toContain('…');
    }
    const id = validateProgress({
      format: 'netlab-lesson-progress',
      version: 1,
      lessons: { ['x'.repeat(200_000)]: {} },
    });
    expect(setAsideNotice(id)!.en.length).toBeLessThan(200);
  });
});

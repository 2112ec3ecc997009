// The lesson service: loads lesson files when the route needs them, asks the model worker to
// parse and check them, and keeps progress in localStorage. Started (lazily, by main.tsx) the
// first time the learner opens the lesson list or a lesson link.
import type { LessonReply, LessonRequest } from '../app-model/model-protocol';
import type { NetlabStore } from '../store/netlab-store';
import { progressOf } from '../store/lesson-state';
import { readProgress, startProgressAutosave } from './lesson-progress';
import { loadCatalogueFiles, loadLessonFiles } from './lessons';
import type { ModelChannel } from '../app-model/model-protocol';

export interface LessonServiceOptions {
  /** Pause after the last edit before checking again. */
  readonly debounceMs?: number;
}

export function startLessonService(
  store: NetlabStore,
  channel: ModelChannel,
  storage: Storage | undefined,
  options: LessonServiceOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 300;
  let requestId = 1_000_000; // apart from the model service's ids, for easier debugging
  const waiting = new Map<number, (reply: LessonReply) => void>();
  let stopped = false;

  channel.onMessage((msg) => {
    if (!msg.type.startsWith('lesson-')) return;
    const reply = msg as LessonReply;
    const done = waiting.get(reply.requestId);
    waiting.delete(reply.requestId);
    done?.(reply);
  });

  /** Posts a lesson request and waits for its reply. */
  function ask<T extends LessonReply['type']>(
    _reply: T,
    build: (id: number) => LessonRequest,
  ): Promise<Extract<LessonReply, { type: T }>> {
    const id = ++requestId;
    return new Promise((resolve) => {
      waiting.set(id, (r) => resolve(r as Extract<LessonReply, { type: T }>));
      channel.post(build(id));
    });
  }

  const saved = readProgress(storage);
  // Autosave first: progress recorded before now (a console lesson) is merged in and written at once.
  const stopAutosave = startProgressAutosave(store, storage);
  store.getState().lessonServiceReady(saved.progress, saved.owner, saved.labText, saved.notice);

  // The catalogue: every lesson.yaml, read by the worker.
  const catalogue = loadCatalogueFiles().then(async (files) => {
    const reply = await ask('lesson-catalogued', (requestId) => ({
      type: 'lesson-catalogue',
      requestId,
      files,
    }));
    if (!stopped) store.getState().applyCatalogue(reply.entries);
    return reply.entries;
  });

  // The lesson the route names: its files, parsed by the worker.
  let loading: string | null = null;
  const ensureLesson = () => {
    const { route, current, failure } = store.getState().lesson;
    if (
      route.view !== 'lesson' ||
      current?.id === route.id ||
      loading === route.id ||
      failure?.id === route.id
    )
      return;
    const id = route.id;
    loading = id;
    void (async () => {
      const files = await loadLessonFiles(id);
      if (stopped) return;
      if (!files) {
        loading = null;
        store.getState().lessonNotFound(id);
        return;
      }
      const knownIds = (await catalogue).map((e) => e.id);
      const reply = await ask('lesson-loaded', (requestId) => ({
        type: 'lesson-load',
        requestId,
        dir: `lessons/${id}`,
        files,
        knownIds,
      }));
      loading = null;
      if (stopped) return;
      store.getState().applyLessonLoad(reply.result);
      ensureLesson(); // the route may have moved on meanwhile
    })();
  };

  // Checks: at once when the lesson opens, on "Check" and on a quiz answer; after a pause on edits.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const checkNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const s = store.getState();
    const lesson = s.lesson.current;
    if (!lesson || s.lesson.route.view !== 'lesson' || s.lesson.route.id !== lesson.id) return;
    const answers = progressOf(s.lesson.progress, lesson.id).answers;
    const text = s.scenarioText;
    void ask('lesson-checked', (id) => {
      latest = id;
      return { type: 'lesson-check', requestId: id, lessonId: lesson.id, text, answers };
    }).then((reply) => {
      if (!stopped && reply.requestId === latest) store.getState().applyLessonChecks(reply.result);
    });
  };
  const checkSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(checkNow, debounceMs);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lesson.route !== prev.lesson.route) ensureLesson();
    const lesson = s.lesson.current;
    if (!lesson) return;
    const opened =
      lesson !== prev.lesson.current ||
      (s.lesson.route.view === 'lesson' && prev.lesson.route.view !== 'lesson');
    const answered =
      progressOf(s.lesson.progress, lesson.id).answers !==
      progressOf(prev.lesson.progress, lesson.id).answers;
    if (opened || answered || s.lesson.checkRequest !== prev.lesson.checkRequest) checkNow();
    else if (s.scenarioText !== prev.scenarioText) checkSoon();
  });
  ensureLesson();

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
    stopAutosave();
  };
}

// The model engine in the page's own thread, for browsers (and tests) without Web Workers.
// Kept out of the first-load bundle: main.tsx imports it only when it is needed.
import { LessonEngine } from './lesson-engine';
import { ModelEngine } from './model-engine';
import { answerModelRequest } from './model-answer';
import {
  engineStateKey,
  type FromModelWorker,
  type ModelChannel,
  type ToModelWorker,
} from './model-protocol';
import { viewForPage } from './page-view';

/** Runs the engine in this thread, answering asynchronously like a worker would. */
export function inlineChannel(): ModelChannel {
  let engine = new ModelEngine();
  let lessons = new LessonEngine();
  const handlers: ((msg: FromModelWorker) => void)[] = [];
  const kept = new Map<string, ToModelWorker>();
  let closed = false;
  /** Bumped by restart(): answers to messages posted before it are dropped. */
  let generation = 0;
  return {
    post(msg) {
      const key = engineStateKey(msg);
      if (key) kept.set(key, msg);
      const posted = generation;
      void Promise.resolve().then(() => {
        if (closed || posted !== generation) return;
        const reply = answerModelRequest(engine, lessons, msg);
        const out = reply.type === 'view' ? { type: 'view' as const, view: viewForPage(reply.view) } : reply;
        for (const h of handlers) h(out);
      });
    },
    onMessage(h) {
      handlers.push(h);
    },
    restart() {
      generation++;
      engine = new ModelEngine();
      lessons = new LessonEngine();
      for (const msg of kept.values()) answerModelRequest(engine, lessons, msg);
    },
    close() {
      closed = true;
    },
  };
}

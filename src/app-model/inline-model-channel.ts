// The model engine in the page's own thread, for browsers (and tests) without Web Workers.
// Kept out of the first-load bundle: main.tsx imports it only when it is needed.
import { LessonEngine } from './lesson-engine';
import { ModelEngine } from './model-engine';
import { answerModelRequest } from './model-answer';
import type { FromModelWorker, ModelChannel } from './model-protocol';

/** Runs the engine in this thread, answering asynchronously like a worker would. */
export function inlineChannel(): ModelChannel {
  const engine = new ModelEngine();
  const lessons = new LessonEngine();
  const handlers: ((msg: FromModelWorker) => void)[] = [];
  let closed = false;
  return {
    post(msg) {
      void Promise.resolve().then(() => {
        if (closed) return;
        const reply = answerModelRequest(engine, lessons, msg);
        for (const h of handlers) h(reply);
      });
    },
    onMessage(h) {
      handlers.push(h);
    },
    close() {
      closed = true;
    },
  };
}

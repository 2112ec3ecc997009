// The model engine in the page's own thread, for browsers (and tests) without Web Workers.
// Kept out of the first-load bundle: main.tsx imports it only when it is needed.
import { LessonEngine } from '../store/lesson-engine';
import { ModelEngine } from '../store/model-engine';
import { answerModelRequest } from '../store/model-answer';
import type { FromModelWorker } from '../store/model-protocol';
import type { ModelChannel } from './model-service';

/** Runs the engine in this thread, answering asynchronously like a worker would. */
export function inlineChannel(): ModelChannel {
  const engine = new ModelEngine();
  const lessons = new LessonEngine();
  const handlers: ((msg: FromModelWorker) => void)[] = [];
  let closed = false;
  return {
    post(msg) {
      queueMicrotask(() => {
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

// The model engine in the page's own thread, for browsers (and tests) without Web Workers.
// Kept out of the first-load bundle: main.tsx imports it only when it is needed.
import { LessonEngine } from '../store/lesson-engine';
import { ModelEngine } from '../store/model-engine';
import { isLessonRequest, type FromModelWorker } from '../store/model-protocol';
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
        const reply: FromModelWorker = isLessonRequest(msg)
          ? lessons.answer(msg)
          : msg.type === 'update'
            ? { type: 'view', view: engine.update(msg.text, msg.baseline) }
            : msg.type === 'trace'
              ? engine.traced(msg.requestId, msg.request)
              : { type: 'explanation', requestId: msg.requestId, lines: engine.explain(msg.from, msg.to, msg.portIndex, msg.locale) };
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

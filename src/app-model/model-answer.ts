// One answer per message to the model engine, the same in the Web Worker and in the page's own
// thread (browsers and tests without workers): a new message type is handled in one place.
import type { LessonEngine } from './lesson-engine';
import type { ModelEngine } from './model-engine';
import { isLessonRequest, type FromModelWorker, type ToModelWorker } from './model-protocol';

export function answerModelRequest(
  engine: ModelEngine,
  lessons: LessonEngine,
  msg: ToModelWorker,
): FromModelWorker {
  if (isLessonRequest(msg)) return lessons.answer(msg);
  switch (msg.type) {
    case 'update':
      return { type: 'view', view: engine.update(msg.text, msg.baseline, msg.unseen) };
    case 'trace':
      return engine.traced(msg.requestId, msg.request);
    case 'explain':
      return {
        type: 'explanation',
        requestId: msg.requestId,
        reasons: engine.explain(msg.from, msg.to, msg.port),
      };
  }
}

// The model worker: scenario text in, derived view out (and flow explanations on request), plus
// the lesson work (catalogue, loading, checks), so the page never parses YAML itself.
/// <reference lib="webworker" />
import { LessonEngine } from './lesson-engine';
import { answerModelRequest } from './model-answer';
import { ModelEngine } from './model-engine';
import type { FromModelWorker, ToModelWorker } from './model-protocol';

const engine = new ModelEngine();
const lessons = new LessonEngine();
let lastLayoutId = -1;

self.onmessage = (event: MessageEvent<ToModelWorker>) => {
  let reply: FromModelWorker = answerModelRequest(engine, lessons, event.data);
  if (reply.type === 'view') {
    // The drawing is large; send it only when it changed (the page keeps the previous one).
    const { view } = reply;
    const same = view.model.layoutId === lastLayoutId;
    lastLayoutId = view.model.layoutId;
    if (same)
      reply = { type: 'view', view: { ...view, model: { ...view.model, topology: null!, scene: null! } } };
  }
  (self as unknown as Worker).postMessage(reply);
};

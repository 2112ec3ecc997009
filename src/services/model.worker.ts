// The model worker: scenario text in, derived view out (and flow explanations on request), plus
// the lesson work (catalogue, loading, checks), so the page never parses YAML itself.
/// <reference lib="webworker" />
import { LessonEngine } from '../store/lesson-engine';
import { ModelEngine } from '../store/model-engine';
import { isLessonRequest, type FromModelWorker, type ToModelWorker } from '../store/model-protocol';

const engine = new ModelEngine();
const lessons = new LessonEngine();
let lastLayoutId = -1;

self.onmessage = (event: MessageEvent<ToModelWorker>) => {
  const msg = event.data;
  let reply: FromModelWorker;
  if (isLessonRequest(msg)) {
    reply = lessons.answer(msg);
  } else if (msg.type === 'update') {
    const view = engine.update(msg.text, msg.baseline);
    // The drawing is large; send it only when it changed (the page keeps the previous one).
    const same = view.model.layoutId === lastLayoutId;
    lastLayoutId = view.model.layoutId;
    reply = { type: 'view', view: same ? { ...view, model: { ...view.model, topology: null!, scene: null! } } : view };
  } else if (msg.type === 'trace') {
    reply = engine.traced(msg.requestId, msg.request);
  } else {
    reply = { type: 'explanation', requestId: msg.requestId, lines: engine.explain(msg.from, msg.to, msg.portIndex, msg.locale) };
  }
  (self as unknown as Worker).postMessage(reply);
};

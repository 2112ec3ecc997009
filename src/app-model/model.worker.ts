// The model worker: scenario text in, derived view out (and flow explanations on request), plus
// the lesson work (catalogue, loading, checks), so the page never parses YAML itself. A text that
// takes a while reports its progress; the page may give up on it by restarting the worker.
/// <reference lib="webworker" />
import { withProgress, type ProgressSink } from '../lib/progress';
import { LessonEngine } from './lesson-engine';
import { answerModelRequest } from './model-answer';
import { ModelEngine } from './model-engine';
import type { FromModelWorker, ToModelWorker } from './model-protocol';
import { transferableRows, viewForPage, viewMessages } from './page-view';

const engine = new ModelEngine();
const lessons = new LessonEngine();
let lastLayoutId = -1;

/** Quick texts say nothing; a slow one reports after PROGRESS_AFTER_MS, then at most every PROGRESS_EVERY_MS. */
export const PROGRESS_AFTER_MS = 250;
const PROGRESS_EVERY_MS = 100;

const post = (msg: FromModelWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

function progressPoster(chars: number): ProgressSink {
  const start = performance.now();
  let last = 0;
  return (phase, done, total) => {
    const now = performance.now();
    if (now - start < PROGRESS_AFTER_MS || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ type: 'progress', progress: { phase, done, total, chars, elapsedMs: Math.round(now - start) } });
  };
}

self.onmessage = (event: MessageEvent<ToModelWorker>) => {
  const msg = event.data;
  const reply: FromModelWorker =
    msg.type === 'update'
      ? withProgress(progressPoster(msg.text.length), () => answerModelRequest(engine, lessons, msg))
      : answerModelRequest(engine, lessons, msg);
  if (reply.type !== 'view') return post(reply);
  // The drawing is large; send it only when it changed (the page keeps the previous one).
  let view = viewForPage(reply.view);
  const same = view.model.layoutId === lastLayoutId;
  lastLayoutId = view.model.layoutId;
  if (same) view = { ...view, model: { ...view.model, topology: null!, scene: null! } };
  const rows = transferableRows(view);
  for (const [message, transfer] of viewMessages(rows.view, rows.transfer)) post(message, transfer);
};

// Keeps the store's derived view in step with the scenario text, computing it in a Web Worker
// (in the page itself where workers are unavailable). Texts typed while the worker is busy
// are coalesced: only the latest is sent next. Explanations of the selected flow follow the
// model and the port (they come in both languages). A slow text shows its progress; "Cancel"
// restarts the worker.
import type { DerivedView, TraceResult } from '../app-model/model-view';
import {
  engineStateKey,
  type FromModelWorker,
  type ModelChannel,
  type ToModelWorker,
} from '../app-model/model-protocol';
import { viewPartJoiner } from '../app-model/page-view';
import { explanationQuestion, sameQuestion } from '../store/explanation';
import type { ExplanationQuestion, NetlabState, NetlabStore } from '../store/netlab-store';

const FAILED: FromModelWorker = {
  type: 'progress',
  progress: { phase: 'failed', done: 0, total: 0, chars: 0, elapsedMs: 0 },
};

/**
 * The model worker; `makeWorker` starts a new one on restart. A worker that dies says so (`failed`).
 * A message is read (deserialized: tens of milliseconds for a 23,000-pod view) in its own task and
 * handed on in the next one, so reading it and drawing it never add up to one long task.
 */
export function workerChannel(makeWorker: () => Worker): ModelChannel {
  const handlers: ((msg: FromModelWorker) => void)[] = [];
  const kept = new Map<string, ToModelWorker>();
  let queue: FromModelWorker[] = [];
  let join = viewPartJoiner();
  const deliver = () => {
    const msg = queue.shift();
    if (queue.length > 0) setTimeout(deliver, 0);
    if (msg) for (const h of handlers) h(msg);
  };
  const receive = (part: FromModelWorker) => {
    const msg = join(part);
    if (!msg) return;
    queue.push(msg);
    if (queue.length === 1) setTimeout(deliver, 0);
  };
  const start = (): Worker => {
    const w = makeWorker();
    w.addEventListener('message', (e: MessageEvent<FromModelWorker>) => receive(e.data));
    w.addEventListener('error', () => receive(FAILED));
    for (const msg of kept.values()) w.postMessage(msg);
    return w;
  };
  let worker = start();
  return {
    post(msg) {
      const key = engineStateKey(msg);
      if (key) kept.set(key, msg);
      worker.postMessage(msg);
    },
    onMessage: (h) => handlers.push(h),
    restart() {
      worker.terminate();
      // What the old worker said and nobody read yet is about a text given up on.
      queue = [];
      join = viewPartJoiner();
      worker = start();
    },
    close: () => worker.terminate(),
  };
}

export function startModelService(store: NetlabStore, channel: ModelChannel): () => void {
  let busy = false;
  /** A text (or a new baseline) to send once the worker answers the current one. */
  let pending = false;
  let requestId = 0;
  let wanted: { id: number; question: ExplanationQuestion } | null = null;
  let wantedTrace: { id: number; key: string } | null = null;
  /** When requests play together: the trace requests of the others, by request id. */
  let companions: { key: string; ids: Map<number, number>; results: Map<number, TraceResult> } | null = null;

  /** What the worker last built: the text and the baseline it marked changes against. */
  let sent: { text: string; baseline: string | null; unseen: unknown } | null = null;
  const send = () => {
    const { scenarioText: text, unseen } = store.getState();
    const baseline = store.getState().baseline?.text ?? null;
    busy = true;
    sent = { text, baseline, unseen };
    const drawn = unseen.ghosts.length > 0 || unseen.group;
    channel.post({ type: 'update', text, baseline, ...(drawn ? { unseen } : {}) });
  };
  const sendOrQueue = () => {
    if (busy) pending = true;
    else send();
  };

  /** The selected flow on the port the matrix shows, of the current model (answered in both languages). */
  const requestExplanation = (s: NetlabState) => {
    const question = explanationQuestion(s);
    if (!question || (wanted && sameQuestion(wanted.question, question))) return;
    wanted = { id: ++requestId, question };
    const { flow, port } = question;
    channel.post({
      type: 'explain',
      requestId,
      from: flow.from,
      to: flow.to,
      port: { port: port.port, protocol: port.protocol },
    });
  };

  const currentRequest = (s: NetlabState) => s.packet.requests[s.packet.index];
  const requestTrace = (s: NetlabState) => {
    const request = currentRequest(s);
    if (!request || !s.view) return;
    // The pinned version is part of the question: pinning or unpinning asks again.
    const key = JSON.stringify([request, s.view.model.id, s.baseline?.pinnedAt ?? null]);
    if (wantedTrace?.key === key) return;
    wantedTrace = { id: ++requestId, key };
    channel.post({ type: 'trace', requestId, request });
    companions = null;
    if (s.packet.together && s.packet.requests.length > 1) {
      const ids = new Map<number, number>();
      s.packet.requests.forEach((r, i) => {
        if (i === s.packet.index) return;
        ids.set(++requestId, i);
        channel.post({ type: 'trace', requestId, request: r });
      });
      companions = { key, ids, results: new Map() };
    }
  };

  channel.onMessage((msg) => {
    if (msg.type === 'progress') {
      if (busy) store.getState().applyModelProgress(msg.progress);
      return;
    }
    if (msg.type === 'view') {
      const prev = store.getState().view;
      let view: DerivedView = msg.view;
      if (!view.model.scene && prev)
        view = { ...view, model: { ...view.model, topology: prev.model.topology, scene: prev.model.scene } };
      store.getState().applyView(view);
      busy = false;
      const now = store.getState();
      if (
        pending &&
        (now.scenarioText !== sent?.text ||
          (now.baseline?.text ?? null) !== sent?.baseline ||
          now.unseen !== sent?.unseen)
      )
        send();
      pending = false;
      requestExplanation(store.getState());
      requestTrace(store.getState());
      return;
    }
    if (msg.type === 'traced') {
      const companion = companions?.ids.get(msg.requestId);
      if (companions && companion !== undefined) {
        companions.results.set(companion, msg.result);
        if (companions.results.size === companions.ids.size)
          store.getState().applyCompanionTraces(new Map(companions.results));
        return;
      }
      if (msg.requestId !== wantedTrace?.id) return;
      const s = store.getState();
      const request = currentRequest(s);
      if (request && s.view)
        s.applyTrace({
          request,
          modelId: s.view.model.id,
          result: msg.result,
          ...(msg.baseline ? { baseline: msg.baseline } : {}),
        });
      return;
    }
    if (msg.type !== 'explanation' || msg.requestId !== wanted?.id) return; // lesson replies, or an older question
    store.getState().applyExplanation({ question: wanted.question, reasons: msg.reasons });
  });

  /** The learner gave up on a slow text (the store has already put another one in its place). */
  const restart = () => {
    channel.restart();
    busy = false;
    pending = false;
    wanted = null;
    wantedTrace = null;
    companions = null;
    send();
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.modelCancels !== prev.modelCancels) restart();
    else if (s.scenarioText !== prev.scenarioText || s.baseline !== prev.baseline || s.unseen !== prev.unseen)
      sendOrQueue();
    if (s.selectedFlow !== prev.selectedFlow || s.matrixPort !== prev.matrixPort) requestExplanation(s);
    if (s.packet.requests !== prev.packet.requests || s.packet.index !== prev.packet.index) requestTrace(s);
  });
  send();
  return () => {
    unsubscribe();
    channel.close();
  };
}

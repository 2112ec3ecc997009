// The embed view's side of postMessage: commands from the host page (validated, and only from
// the page that embeds us), events back to it (no scenario text: only what happened).
import { currentStepIndex, type LessonSlice } from '../store/lesson-state';
import { packetTourFromView } from '../app-model/packet-requests';
import type { NetlabStore } from '../store/netlab-store';
import type { TraceRequest } from '../app-model/model-view';
import {
  EMBED_PROTOCOL_VERSION,
  readEmbedMessage,
  type CommandId,
  type EmbedCommand,
  type EmbedErrorCode,
  type EmbedEvent,
  type EmbedOptions,
} from './embed-protocol';
import { parseLessonHash } from './lesson-route';

/**
 * The lesson the author named (`lesson=…&step=…`), or the list when the lesson panel is asked for
 * without one. Called after the lesson route has read the fragment: a route there wins, since it
 * is where the reader was when the frame reloads.
 */
export function openEmbedLesson(store: NetlabStore, options: EmbedOptions): void {
  const s = store.getState();
  if (s.lesson.route.view !== 'lab') return;
  if (options.lesson) s.setLessonRoute({ view: 'lesson', id: options.lesson.id, step: options.lesson.step });
  else if (options.panels.includes('lesson')) s.setLessonRoute({ view: 'list' });
}

/** The step the lesson panel shows, once its lesson is loaded. */
function shownStep(lesson: LessonSlice): { lesson: string; step: string } | null {
  const index = currentStepIndex(lesson);
  const step = index >= 0 ? lesson.current?.steps[index] : undefined;
  return step && lesson.current ? { lesson: lesson.current.id, step: step.id } : null;
}

/** A command waiting for the model or the lesson service before it can be acknowledged. */
type Pending =
  | { readonly kind: 'load'; readonly id?: CommandId; readonly text: string }
  | { readonly kind: 'play'; readonly id?: CommandId; readonly request: TraceRequest }
  | { readonly kind: 'lesson'; readonly id?: CommandId; readonly lesson: string };

export function startEmbedBridge(store: NetlabStore, win: Window, options: EmbedOptions): () => void {
  const host = win.parent !== win ? win.parent : null;
  const send = (event: EmbedEvent) => host?.postMessage(event, '*');
  const withId = (id: CommandId | undefined) => (id !== undefined ? { id } : {});
  const ack = (id: CommandId | undefined) => {
    if (id !== undefined) send({ type: 'netlab:ack', id });
  };
  const fail = (id: CommandId | undefined, code: EmbedErrorCode, message: string) =>
    send({ type: 'netlab:error', ...withId(id), code, message });
  send({ type: 'netlab:hello', version: EMBED_PROTOCOL_VERSION });

  let pending: Pending[] = [];
  /** Flow selections that arrived before the first model: run once it is there. */
  let early: { command: EmbedCommand; id?: CommandId }[] = [];

  const run = (cmd: EmbedCommand, id: CommandId | undefined) => {
    const s = store.getState();
    switch (cmd.type) {
      case 'netlab:load':
        if (options.readOnly && !options.allowLoad) {
          fail(
            id,
            'read-only',
            'this embed is read-only; the embed code must say allow=load to take netlab:load',
          );
          return;
        }
        pending.push({ kind: 'load', ...withId(id), text: cmd.scenario });
        // The host is the author: its scene replaces the reader's without asking.
        s.replaceScenario(cmd.scenario);
        settle();
        return;
      case 'netlab:play': {
        const request: TraceRequest = { from: cmd.from, to: cmd.to, port: cmd.port };
        pending.push({ kind: 'play', ...withId(id), request });
        s.sendPackets([request]);
        return;
      }
      case 'netlab:select': {
        const model = s.view!.model;
        const keys = new Set(model.endpoints.map((e) => e.key));
        const missing = [cmd.from, cmd.to].find((k) => !keys.has(k));
        if (missing !== undefined) {
          fail(
            id,
            'unknown-endpoint',
            `no endpoint ${JSON.stringify(missing.slice(0, 120))} in the scenario`,
          );
          return;
        }
        if (cmd.port) {
          const { port, protocol } = cmd.port;
          if (!model.ports.some((p) => p.port === port && p.protocol === protocol)) {
            fail(id, 'bad-port', `the scenario offers no port ${port}/${protocol}`);
            return;
          }
          s.setMatrixPort(cmd.port);
        }
        s.selectFlow({ from: cmd.from, to: cmd.to });
        ack(id);
        return;
      }
      case 'netlab:lesson':
        pending.push({ kind: 'lesson', ...withId(id), lesson: cmd.lesson });
        // The lesson route writes the fragment from the store (and the panel follows the store).
        s.setLessonRoute({ view: 'lesson', id: cmd.lesson, step: cmd.step ?? null });
        settle();
        return;
    }
  };

  /** Answers every pending command whose outcome the store now shows. */
  const settle = () => {
    const s = store.getState();
    const view = s.view;
    const done = new Set<Pending>();
    const loads = pending.filter((p): p is Extract<Pending, { kind: 'load' }> => p.kind === 'load');
    // The model service sends only the latest text: a view for a later load answers earlier ones.
    const shown = view ? loads.map((p) => p.text).lastIndexOf(view.text) : -1;
    loads.forEach((p, i) => {
      if (i > shown || !view) return;
      done.add(p);
      if (i < shown)
        fail(p.id, 'scenario-errors', 'a later netlab:load replaced this scenario before it was shown');
      else if (view.hasErrors) {
        const d = view.diagnostics.find((x) => x.severity === 'error')!;
        fail(p.id, 'scenario-errors', `${d.line}:${d.col}: ${d.message.en}`);
      } else ack(p.id);
    });
    for (const p of pending) {
      if (p.kind === 'play' && s.trace && sameRequest(s.trace.request, p.request)) {
        done.add(p);
        if ('error' in s.trace.result) {
          fail(p.id, 'unknown-endpoint', s.trace.result.error.en);
          // No packet control is left behind for a packet that cannot be sent.
          if (s.packet.requests.length === 1 && sameRequest(s.packet.requests[0]!, p.request))
            s.sendPackets([]);
        } else ack(p.id);
      }
      if (p.kind === 'lesson') {
        if (s.lesson.current?.id === p.lesson) {
          done.add(p);
          ack(p.id);
        } else if (s.lesson.failure?.id === p.lesson) {
          done.add(p);
          fail(
            p.id,
            'unknown-lesson',
            `no lesson ${JSON.stringify(p.lesson)} can be shown (${s.lesson.failure.reason})`,
          );
        }
      }
    }
    if (done.size > 0) pending = pending.filter((p) => !done.has(p));
  };

  const onMessage = (e: MessageEvent) => {
    if (!host || e.source !== host) return;
    const msg = readEmbedMessage(e.data);
    if (!msg) return;
    if (!msg.ok) {
      fail(msg.id, msg.code, msg.message);
      return;
    }
    // Choosing a flow needs the model's endpoints; the other commands work before it exists.
    if (!store.getState().view && msg.command.type === 'netlab:select')
      early.push({ command: msg.command, ...withId(msg.id) });
    else run(msg.command, msg.id);
  };
  win.addEventListener('message', onMessage);

  // The lesson panel's own links (all lessons, a lesson of the list, the next one) would change
  // the frame's fragment, and every such change joins the host page's history: its Back button
  // would step through our lessons. Route them through the store instead (the route service
  // then replaces the fragment).
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = (e.target as Element | null)?.closest?.('a[href^="#/"]');
    const parsed = link ? parseLessonHash(link.getAttribute('href') ?? '') : null;
    if (!parsed) return;
    e.preventDefault();
    store.getState().setLessonRoute(parsed.route, parsed.present);
  };
  win.document.addEventListener('click', onClick);

  let ready = false;
  let autoplayed = false;
  let reported: unknown = null;
  // The last lesson events sent, as text: the same result or step twice is news to no one.
  let lastCheck = '';
  let lastStep = '';
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view && !ready) {
      ready = true;
      send({ type: 'netlab:ready' });
      const queued = early;
      early = [];
      for (const q of queued) run(q.command, q.id);
    }
    if (pending.length > 0) settle();
    if (s.view && s.view !== prev.view && prev.view && s.view.model.id !== prev.view.model.id) {
      send({ type: 'netlab:verdicts', changed: s.view.changes.size });
    }
    if (options.autoplay && s.view && !autoplayed) {
      autoplayed = true;
      const tour = packetTourFromView(s.view.model.topology);
      if (tour.length) s.sendPackets(tour);
    }
    if (s.trace && s.trace !== reported && 'trace' in s.trace.result) {
      reported = s.trace;
      const t = s.trace.result.trace;
      send({ type: 'netlab:packet', verdict: t.verdict, from: t.from, to: t.to });
    }
    const checks = s.lesson.checks;
    // A read-only embed cannot be solved, so it never reports checks.
    if (checks && checks !== prev.lesson.checks && !options.readOnly) {
      // Quizzes are predictions, not part of solving: count the challenge's checks only.
      const blocking = checks.results.filter((r) => r.blocking);
      const event: EmbedEvent = {
        type: 'netlab:check',
        lesson: checks.lessonId,
        solved: checks.solved,
        passed: blocking.filter((r) => r.passed).length,
        total: blocking.length,
      };
      const key = JSON.stringify(event);
      if (key !== lastCheck) {
        lastCheck = key;
        send(event);
      }
    }
    if (s.lesson !== prev.lesson) {
      const step = shownStep(s.lesson);
      const key = step ? `${step.lesson}/${step.step}` : '';
      if (step && key !== lastStep) send({ type: 'netlab:step', ...step });
      lastStep = key;
    }
  });
  // The host can let the iframe follow the content's height (README: "Height").
  let lastHeight = -1;
  const reportHeight = () => {
    const height = Math.ceil(win.document.body.scrollHeight);
    if (height === lastHeight || height === 0) return;
    lastHeight = height;
    send({ type: 'netlab:resize', height });
  };
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(reportHeight) : null;
  resize?.observe(win.document.body);

  return () => {
    resize?.disconnect();
    win.removeEventListener('message', onMessage);
    win.document.removeEventListener('click', onClick);
    unsubscribe();
  };
}

const sameRequest = (a: TraceRequest, b: TraceRequest): boolean =>
  a.from === b.from && a.to === b.to && a.port.port === b.port.port && a.port.protocol === b.port.protocol;

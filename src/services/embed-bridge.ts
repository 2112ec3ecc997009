// The embed view's side of postMessage: commands from the host page (validated, and only from
// the page that embeds us), events back to it (no scenario text: only what happened).
import { currentStepIndex, type LessonSlice } from '../store/lesson-state';
import { packetTourFromView } from '../app-model/packet-requests';
import type { NetlabStore } from '../store/netlab-store';
import { parseEmbedCommand, type EmbedEvent, type EmbedOptions } from './embed-protocol';
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

export function startEmbedBridge(store: NetlabStore, win: Window, options: EmbedOptions): () => void {
  const host = win.parent !== win ? win.parent : null;
  const send = (event: EmbedEvent) => host?.postMessage(event, '*');

  const onMessage = (e: MessageEvent) => {
    if (!host || e.source !== host) return;
    const cmd = parseEmbedCommand(e.data);
    if (!cmd) return;
    const s = store.getState();
    switch (cmd.type) {
      case 'netlab:load':
        s.replaceScenario(cmd.scenario);
        break;
      case 'netlab:play':
        s.sendPackets([{ from: cmd.from, to: cmd.to, port: cmd.port }]);
        break;
      case 'netlab:select':
        s.selectFlow({ from: cmd.from, to: cmd.to });
        break;
      case 'netlab:lesson':
        // The lesson route writes the fragment from the store (and the panel follows the store).
        s.setLessonRoute({ view: 'lesson', id: cmd.lesson, step: cmd.step ?? null });
        break;
    }
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
    }
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
    if (checks && checks !== prev.lesson.checks) {
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
  return () => {
    win.removeEventListener('message', onMessage);
    win.document.removeEventListener('click', onClick);
    unsubscribe();
  };
}

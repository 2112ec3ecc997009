// The embed view's side of postMessage: commands from the host page (validated, and only from
// the page that embeds us), events back to it (no scenario text: only what happened).
import { packetTourFromView } from '../store/packet-requests';
import type { NetlabStore } from '../store/netlab-store';
import { parseEmbedCommand, type EmbedEvent, type EmbedOptions } from './embed-protocol';

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
        win.location.hash = `#/lesson/${encodeURIComponent(cmd.lesson)}${cmd.step ? `/${encodeURIComponent(cmd.step)}` : ''}`;
        break;
    }
  };
  win.addEventListener('message', onMessage);

  let ready = false;
  let autoplayed = false;
  let reported: unknown = null;
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
  });
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}

// Composition root: create the store (the saved scenario, else the built-in default), start
// the services, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from './scenarios/default.yaml?raw';
import { startLessonRoute } from './services/lesson-route';
import { startModelService, workerChannel, type ModelChannel } from './services/model-service';
import { startPacketClock } from './services/packet-clock';
import { listenForLinks, openLinkFromLocation } from './services/share';
import { initialLocale, readSaved, startAutosave, syncDocumentLanguage } from './services/persistence';
import { createNetlabStore } from './store/netlab-store';
import { NetlabContext } from './store/use-netlab';
import { App } from './views/App';
import { EmbedApp } from './views/EmbedApp';
import { parseEmbedOptions } from './services/embed-protocol';
import { openEmbedLesson, startEmbedBridge } from './services/embed-bridge';
import { isForeignFrame, showFramedNotice } from './services/frame-guard';
import './views/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const embed = parseEmbedOptions(location.search);
// Inside another site's frame only the embed view runs: the full lab does nothing there.
if (!embed.embed && isForeignFrame(window)) showFramedNotice(root, window);
else startLab(root);

function startLab(root: HTMLElement): void {
  // Embedded in someone's page (?embed=1): start from the link or the default, never read or
  // write the learner's own saved work (scenario, share backup, lesson progress), and talk to the
  // host page through postMessage.
  const learnerStorage = embed.embed ? undefined : storage;
  const saved = readSaved(learnerStorage);
  const store = createNetlabStore({
    defaultScenario,
    ...(saved.scenarioText !== undefined ? { scenarioText: saved.scenarioText } : {}),
    locale: embed.locale ?? initialLocale(saved, navigator.languages ?? [navigator.language]),
  });
  if (!embed.embed) startAutosave(store, storage);
  // The model (parsing, policy evaluation, layout) is computed off the main thread.
  let channel: Promise<ModelChannel>;
  if (typeof Worker === 'undefined') {
    channel = import('./services/inline-model-channel').then(({ inlineChannel }) => {
      const inline = inlineChannel();
      startModelService(store, inline);
      return inline;
    });
  } else {
    const worker = workerChannel(
      () => new Worker(new URL('./services/model.worker.ts', import.meta.url), { type: 'module' }),
    );
    startModelService(store, worker);
    channel = Promise.resolve(worker);
  }
  syncDocumentLanguage(store, document);
  startPacketClock(store);
  // A shared link (#s=v1.…) opens its scene; the learner's own scenario is backed up first.
  openLinkFromLocation(store, learnerStorage, location, history);
  listenForLinks(store, learnerStorage, window);
  if (embed.embed) startEmbedBridge(store, window, embed);
  // Lessons: the route follows the URL fragment (#/lesson/<id>/<step>); the lesson service, its own
  // chunk, starts the first time the learner opens the list or a lesson.
  startLessonRoute(store, window, { replaceOnly: embed.embed });
  if (embed.embed) openEmbedLesson(store, embed);
  const startLessons = () => {
    stopWatchingLessons();
    void Promise.all([channel, import('./services/lesson-service')]).then(([c, { startLessonService }]) =>
      startLessonService(store, c, learnerStorage),
    );
  };
  const stopWatchingLessons = store.subscribe((s) => {
    if (s.lesson.route.view !== 'lab') startLessons();
  });
  if (store.getState().lesson.route.view !== 'lab') startLessons();

  createRoot(root).render(
    <StrictMode>
      <NetlabContext.Provider value={store}>
        {embed.embed ? <EmbedApp options={embed} /> : <App />}
      </NetlabContext.Provider>
    </StrictMode>,
  );

  // TEST HOOKS — the store is exposed so e2e tests can assert on data rather than pixels.
  // It holds nothing secret: only the scenario the user is looking at.
  window.__netlab = { ...window.__netlab, store };
}

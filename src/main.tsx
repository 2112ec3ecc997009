// Composition root: create the store (the saved scenario, else the built-in default), start
// the services, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from './scenarios/default.yaml?raw';
import volumesScenario from './scenarios/storage.yaml?raw';
import layersScenario from './scenarios/layers.txtar?raw';
import { startStorageRoute } from './services/storage-route';
import { startLessonRoute } from './services/lesson-route';
import type { ModelChannel } from './app-model/model-protocol';
import { startModelService, workerChannel } from './services/model-service';
import { startPacketClock } from './services/packet-clock';
import { listenForLinks, openLinkFromLocation, startShareBackup } from './services/share';
import { startFileDrop } from './services/file-drop';
import { startTextHistory } from './services/text-history';
import { initialLocale, readSaved, startAutosave, syncDocumentLanguage } from './services/persistence';
import { createNetlabStore } from './store/netlab-store';
import { NetlabContext } from './views/use-netlab';
import { App } from './views/App';
import { EmbedApp } from './views/EmbedApp';
import { parseEmbedOptions } from './services/embed-protocol';
import { openEmbedLesson, startEmbedBridge } from './services/embed-bridge';
import { isForeignFrame, showFramedNotice } from './services/frame-guard';
import './views/tokens.css';
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
    // An embed shows no dialogs: its host is the author, and the reader's edits last for the visit.
    askBeforeReplacing: !embed.embed,
    storage: { volumes: volumesScenario, layers: layersScenario },
    savedStorage: {
      ...(saved.volumesText !== undefined ? { volumesText: saved.volumesText } : {}),
      ...(saved.layersText !== undefined ? { layersText: saved.layersText } : {}),
    },
  });
  if (!embed.embed) startAutosave(store, storage);
  // The learner's own texts that something replaces are kept as versions (also after a reload).
  if (!embed.embed) startTextHistory(store, storage, defaultScenario, Date.now, window);
  // The model (parsing, policy evaluation, layout) is computed off the main thread.
  let channel: Promise<ModelChannel>;
  if (typeof Worker === 'undefined') {
    channel = import('./app-model/inline-model-channel').then(({ inlineChannel }) => {
      const inline = inlineChannel();
      startModelService(store, inline);
      return inline;
    });
  } else {
    const worker = workerChannel(
      () => new Worker(new URL('./app-model/model.worker.ts', import.meta.url), { type: 'module' }),
    );
    startModelService(store, worker);
    channel = Promise.resolve(worker);
  }
  syncDocumentLanguage(store, document);
  startPacketClock(store);
  // A shared link (#s=v1.…) opens its scene; the learner's own scenario is backed up first, and
  // offered back (also after a reload) until they restore or dismiss it.
  startShareBackup(store, learnerStorage);
  openLinkFromLocation(store, learnerStorage, location, history);
  listenForLinks(store, learnerStorage, window);
  // Files dropped anywhere on the lab open as scenes (the embed view has no share panel).
  if (!embed.embed) startFileDrop(store, window);
  if (embed.embed) startEmbedBridge(store, window, embed);
  // Lessons: the route follows the URL fragment (#/lesson/<id>/<step>); the lesson service, its own
  // chunk, starts the first time the learner opens the list or a lesson.
  startLessonRoute(store, window, { replaceOnly: embed.embed });
  startStorageRoute(store, window);
  if (embed.embed) openEmbedLesson(store, embed);
  const startLessons = () => {
    stopWatchingLessons();
    void Promise.all([channel, import('./services/lesson-service')]).then(([c, { startLessonService }]) =>
      startLessonService(store, c, learnerStorage),
    );
  };
  // A console lesson (module F, in the by-hand lab) records progress without a route: start then too.
  const stopWatchingLessons = store.subscribe((s, prev) => {
    if (s.lesson.route.view !== 'lab' || s.lesson.progress !== prev.lesson.progress) startLessons();
  });
  if (store.getState().lesson.route.view !== 'lab') startLessons();

  createRoot(root).render(
    <StrictMode>
      <NetlabContext.Provider value={store}>
        {embed.embed ? <EmbedApp options={embed} /> : <App />}
      </NetlabContext.Provider>
    </StrictMode>,
  );

  // TEST HOOKS, in the e2e build only (`vite build --mode e2e`): the store is exposed so e2e tests
  // can assert on data rather than pixels. The production bundle leaves this out entirely.
  if (import.meta.env.MODE === 'e2e') window.__netlab = { ...window.__netlab, store };
}

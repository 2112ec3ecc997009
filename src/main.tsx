// Composition root: create the store (the saved scenario, else the built-in default), start
// the services, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from './scenarios/default.yaml?raw';
import { startModelService, workerChannel } from './services/model-service';
import { startPacketClock } from './services/packet-clock';
import { initialLocale, readSaved, startAutosave, syncDocumentLanguage } from './services/persistence';
import { createNetlabStore } from './store/netlab-store';
import { NetlabContext } from './store/use-netlab';
import { App } from './views/App';
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
const saved = readSaved(storage);
const store = createNetlabStore({
  defaultScenario,
  ...(saved.scenarioText !== undefined ? { scenarioText: saved.scenarioText } : {}),
  locale: initialLocale(saved, navigator.languages ?? [navigator.language]),
});
startAutosave(store, storage);
// The model (parsing, policy evaluation, layout) is computed off the main thread.
if (typeof Worker === 'undefined') {
  void import('./services/inline-model-channel').then(({ inlineChannel }) => startModelService(store, inlineChannel()));
} else {
  startModelService(store, workerChannel(new Worker(new URL('./services/model.worker.ts', import.meta.url), { type: 'module' })));
}
syncDocumentLanguage(store, document);
startPacketClock(store);

createRoot(root).render(
  <StrictMode>
    <NetlabContext.Provider value={store}>
      <App />
    </NetlabContext.Provider>
  </StrictMode>,
);

// TEST HOOKS — the store is exposed so e2e tests can assert on data rather than pixels.
// It holds nothing secret: only the scenario the user is looking at.
window.__netlab = { ...window.__netlab, store };

// Composition root: create the store on the built-in default scenario, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import defaultScenario from './scenarios/default.yaml?raw';
import { createNetlabStore } from './store/netlab-store';
import { NetlabContext } from './store/use-netlab';
import { App } from './views/App';
import './views/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

const store = createNetlabStore({
  scenarioText: defaultScenario,
  locale: navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en',
});

createRoot(root).render(
  <StrictMode>
    <NetlabContext.Provider value={store}>
      <App />
    </NetlabContext.Provider>
  </StrictMode>,
);

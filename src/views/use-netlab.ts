// The one place React meets the store: a context carrying the store and a selector hook.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DerivedView } from '../app-model/model-view';
import type { NetlabState, NetlabStore } from '../store/netlab-store';

export const NetlabContext = createContext<NetlabStore | null>(null);

export function useNetlab<T>(selector: (s: NetlabState) => T): T {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useNetlab outside <NetlabContext.Provider>');
  return useStore(store, selector);
}

/** The derived view; components using it render only once the first model exists. */
export function useScenarioModel(): DerivedView {
  const view = useNetlab((s) => s.view);
  if (!view) throw new Error('useScenarioModel before the first model: render it under <ModelReady>');
  return view;
}

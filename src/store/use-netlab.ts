// The one place React meets the store: a context carrying the store and a selector hook.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createModelSelector, type NetlabState, type NetlabStore } from './netlab-store';

export const NetlabContext = createContext<NetlabStore | null>(null);

export function useNetlab<T>(selector: (s: NetlabState) => T): T {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useNetlab outside <NetlabContext.Provider>');
  return useStore(store, selector);
}

const modelSelectors = new WeakMap<NetlabStore, ReturnType<typeof createModelSelector>>();

/** The derived model (last valid one while the text has errors) and the current diagnostics. */
export function useScenarioModel(): ReturnType<ReturnType<typeof createModelSelector>> {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useScenarioModel outside <NetlabContext.Provider>');
  let select = modelSelectors.get(store);
  if (!select) {
    select = createModelSelector();
    modelSelectors.set(store, select);
  }
  return useStore(store, select);
}

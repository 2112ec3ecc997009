// The one place React meets the store: a context carrying the store and a selector hook.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createDerivedSelector, type DerivedView } from './derived-view';
import type { NetlabState, NetlabStore } from './netlab-store';

export const NetlabContext = createContext<NetlabStore | null>(null);

export function useNetlab<T>(selector: (s: NetlabState) => T): T {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useNetlab outside <NetlabContext.Provider>');
  return useStore(store, selector);
}

const derivedSelectors = new WeakMap<NetlabStore, (s: NetlabState) => DerivedView>();

/** The derived model (last valid one while the text has errors) and the current diagnostics. */
export function useScenarioModel(): DerivedView {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useScenarioModel outside <NetlabContext.Provider>');
  let select = derivedSelectors.get(store);
  if (!select) {
    select = createDerivedSelector();
    derivedSelectors.set(store, select);
  }
  return useStore(store, select);
}

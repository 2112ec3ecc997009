// The one place React meets the store: a context carrying the store and a selector hook.
import { createContext, createElement, useContext, useDeferredValue, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DerivedView } from '../app-model/model-view';
import type { NetlabState, NetlabStore } from '../store/netlab-store';

export const NetlabContext = createContext<NetlabStore | null>(null);

export function useNetlab<T>(selector: (s: NetlabState) => T): T {
  const store = useContext(NetlabContext);
  if (!store) throw new Error('useNetlab outside <NetlabContext.Provider>');
  return useStore(store, selector);
}

/** Set by <AfterTheGraph>: the view its children read, one background render behind the store. */
const DeferredViewContext = createContext<DerivedView | null | undefined>(undefined);
/** Set by <AfterTheGraph>: true while its children still show the previous view. */
const BehindContext = createContext(false);

/** The derived view; components using it render only once the first model exists. */
export function useScenarioModel(): DerivedView {
  const deferred = useContext(DeferredViewContext);
  // Under <AfterTheGraph> the store's view is not subscribed to: the children follow the deferred one.
  const current = useNetlab((s) => (deferred === undefined ? s.view : null));
  const view = deferred === undefined ? current : deferred;
  if (!view) throw new Error('useScenarioModel before the first model: render it under <ModelReady>');
  return view;
}

/** True while the panel under <AfterTheGraph> still shows the previous view. */
export const useViewBehind = (): boolean => useContext(BehindContext);

/**
 * Panels that are not the graph (matrix, explanation, packet form, CNI lifecycle) take a new view
 * in a background render React can interrupt, after the graph has taken it: a new scene's graph,
 * then these panels, are laid out in separate tasks instead of one long one (a 300-pod dump's
 * matrix, packet menus and graph are ~5,000 new elements). A keystroke's matrix follows within a
 * frame or two.
 */
export function AfterTheGraph({ children }: { children: ReactNode }) {
  const view = useNetlab((s) => s.view);
  const deferred = useDeferredValue(view);
  return createElement(
    DeferredViewContext.Provider,
    { value: deferred },
    createElement(BehindContext.Provider, { value: deferred !== view }, children),
  );
}

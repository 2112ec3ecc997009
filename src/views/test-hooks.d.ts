// Shape of the test hook on window (see the TEST HOOKS banner in main.tsx).
import type { NetlabStore } from '../store/netlab-store';

declare global {
  interface Window {
    __netlab?: {
      store?: NetlabStore;
      /** Set by the editor once Monaco is mounted. */
      monacoMarkers?: () => unknown[];
    };
  }
}

export {};

// The storage lab's part of the page state: which lab is on screen (networking, volumes, layers),
// the text of each storage lab (the source of truth, as the scenario text is for networking), and
// what the learner picked (a claim whose deletion or CSI calls to show). Pure data and transitions.
import type { StoreApi } from 'zustand/vanilla';

export type LabMode = 'network' | 'volumes' | 'layers';
export const LAB_MODES: readonly LabMode[] = ['network', 'volumes', 'layers'];

export interface StorageLabSlice {
  readonly mode: LabMode;
  readonly volumesText: string;
  readonly layersText: string;
  /** A claim (`namespace/name`) whose deletion the volumes lab previews; null: none. */
  readonly deleteClaim: string | null;
  /** A claim whose CSI calls the volumes lab walks through; null: the first that has any. */
  readonly csiClaim: string | null;
  /** The CSI step shown (0-based). */
  readonly csiStep: number;
}

export interface StorageLabActions {
  setLabMode(mode: LabMode): void;
  /** The text of a storage lab (an edit, a shared link). */
  setStorageText(mode: Exclude<LabMode, 'network'>, text: string): void;
  /** Back to the built-in text of the lab on screen. */
  resetStorageText(): void;
  previewDeleteClaim(claim: string | null): void;
  showCsiClaim(claim: string | null): void;
  setCsiStep(step: number): void;
}

export interface StorageDefaults {
  readonly volumes: string;
  readonly layers: string;
}

type Set = StoreApi<{ storageLab: StorageLabSlice }>['setState'];

export function createStorageLab(
  set: Set,
  defaults: StorageDefaults,
  saved: Partial<Pick<StorageLabSlice, 'volumesText' | 'layersText'>> = {},
): { storageLab: StorageLabSlice } & StorageLabActions {
  const update = (f: (s: StorageLabSlice) => Partial<StorageLabSlice>) =>
    set((state) => ({ storageLab: { ...state.storageLab, ...f(state.storageLab) } }));
  return {
    storageLab: {
      mode: 'network',
      volumesText: saved.volumesText ?? defaults.volumes,
      layersText: saved.layersText ?? defaults.layers,
      deleteClaim: null,
      csiClaim: null,
      csiStep: 0,
    },
    setLabMode: (mode) => update(() => ({ mode })),
    setStorageText: (mode, text) =>
      update(() => (mode === 'volumes' ? { volumesText: text } : { layersText: text })),
    resetStorageText: () =>
      update((s) =>
        s.mode === 'volumes'
          ? { volumesText: defaults.volumes, deleteClaim: null, csiClaim: null, csiStep: 0 }
          : s.mode === 'layers'
            ? { layersText: defaults.layers }
            : {},
      ),
    previewDeleteClaim: (deleteClaim) => update(() => ({ deleteClaim })),
    showCsiClaim: (csiClaim) => update(() => ({ csiClaim, csiStep: 0 })),
    setCsiStep: (csiStep) => update(() => ({ csiStep: Math.max(0, csiStep) })),
  };
}

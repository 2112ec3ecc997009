// The storage labs' models, computed from their text on the page: small inputs, a few
// milliseconds, memoised on the text. A text with errors keeps the last model without errors.
import { useMemo, useState } from 'react';
import type { Diagnostic } from '../../lib/diagnostic';
import { loadLayersLab, type LayersLab } from '../../storage/layers-lab';
import { loadVolumes } from '../../storage/load-volumes';
import { settleVolumes, type VolumeSimulation } from '../../storage/pv-controller';
import { volumeReport, type VolumeReport } from '../../storage/volume-report';
import { volumesScene, type VolumesScene } from '../../storage/volumes-scene';

/** Diagnostics of the storage editor are reported against this file name. */
export const VOLUMES_FILE = 'storage.yaml';
export const LAYERS_FILE = 'lab.txtar';

export interface VolumesModel {
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** The latest text without errors, settled (null until there is one). */
  readonly sim: VolumeSimulation | null;
  readonly report: VolumeReport | null;
  readonly scene: VolumesScene | null;
}

export function useVolumesModel(text: string): VolumesModel {
  const now = useMemo(() => {
    const loaded = loadVolumes([{ name: VOLUMES_FILE, text }]);
    if (loaded.hasErrors) return { loaded, good: null };
    const sim = settleVolumes(loaded.scene);
    return { loaded, good: { sim, report: volumeReport(sim), scene: volumesScene(sim) } };
  }, [text]);
  // The last model without errors, kept while the learner types through a broken text.
  const [kept, keep] = useState(now.good);
  if (now.good && now.good !== kept) keep(now.good);
  const shown = now.good ?? kept;
  return {
    diagnostics: now.loaded.diagnostics,
    hasErrors: now.loaded.hasErrors,
    sim: shown?.sim ?? null,
    report: shown?.report ?? null,
    scene: shown?.scene ?? null,
  };
}

export interface LayersModel {
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  readonly lab: LayersLab | null;
}

export function useLayersModel(text: string): LayersModel {
  const now = useMemo(() => loadLayersLab([{ name: LAYERS_FILE, text }]), [text]);
  const [kept, keep] = useState<LayersLab | null>(now.hasErrors ? null : now);
  if (!now.hasErrors && now !== kept) keep(now);
  return { diagnostics: now.diagnostics, hasErrors: now.hasErrors, lab: now.hasErrors ? kept : now };
}

// One storage-lab scenario text, loaded and settled once for every check that asks about it:
// the volumes lab's simulation (and, per claim, what deleting it does), or the layers lab's host.
import type { Diagnostic } from '../lib/diagnostic';
import { deleteClaim, type ClaimDeletion } from '../storage/delete-claim';
import { loadLayersLab, type LayersLab } from '../storage/layers-lab';
import { loadVolumes } from '../storage/load-volumes';
import { settleVolumes, type VolumeSimulation } from '../storage/pv-controller';
import type { LabKind } from './lab';

export class StorageWorld {
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
  /** The volumes lab, settled; undefined in the layers lab or when the text has errors. */
  readonly volumes?: VolumeSimulation;
  /** The layers lab; undefined in the volumes lab or when the text has errors. */
  readonly layers?: LayersLab;
  private readonly deletions = new Map<string, ClaimDeletion | undefined>();

  constructor(
    readonly lab: Exclude<LabKind, 'network'>,
    readonly text: string,
    file: string,
  ) {
    const files = [{ name: file, text }];
    if (lab === 'volumes') {
      const loaded = loadVolumes(files);
      this.diagnostics = loaded.diagnostics;
      if (!loaded.hasErrors) this.volumes = settleVolumes(loaded.scene);
    } else {
      const loaded = loadLayersLab(files);
      this.diagnostics = loaded.diagnostics;
      if (!loaded.hasErrors) this.layers = loaded;
    }
    this.errors = this.diagnostics.filter((d) => d.severity === 'error');
  }

  /** The cluster after deleting `claim` (`namespace/name`), or the settled one when absent. */
  simulation(afterDeleting?: string): VolumeSimulation | undefined {
    if (!this.volumes || afterDeleting === undefined) return this.volumes;
    if (!this.deletions.has(afterDeleting))
      this.deletions.set(afterDeleting, deleteClaim(this.volumes, afterDeleting));
    return this.deletions.get(afterDeleting)?.simulation;
  }

  deletion(claim: string): ClaimDeletion | undefined {
    this.simulation(claim);
    return this.deletions.get(claim);
  }
}

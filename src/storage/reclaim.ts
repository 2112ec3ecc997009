// What the PV controller does with a PersistentVolume whose claim is gone (reclaimVolume):
// Retain keeps it Released, Delete removes it (and its backing volume) when something can,
// Recycle (deprecated) scrubs hostPath and NFS volumes and makes them Available again.
import type { CsiDriver, PersistentVolume } from './volume-types';

export type ReclaimOutcome =
  /** Retain, or Delete that nobody carries out: the PV stays Released with its claimRef. */
  | { readonly result: 'released'; readonly why: 'retain' | 'external-deleter-missing' | 'static-csi' }
  /** Delete: the PV object and its backing volume are removed. */
  | { readonly result: 'deleted'; readonly by: 'csi' | 'host-path' }
  /** Recycle: scrubbed (`rm -rf` by a recycler pod) and Available again. */
  | { readonly result: 'recycled' }
  /** The reclaim failed; the PV keeps its claimRef in phase Failed. */
  | { readonly result: 'failed'; readonly message: string };

/** The in-tree hostPath deleter only removes directories matching /tmp/.+ (for testing). */
const HOST_PATH_DELETABLE = /\/tmp\/.+/;

/** Applies `pv`'s reclaim policy once its claim no longer exists. */
export function reclaimReleased(pv: PersistentVolume, drivers: readonly CsiDriver[]): ReclaimOutcome {
  switch (pv.reclaimPolicy) {
    case 'Retain':
      return { result: 'released', why: 'retain' };
    case 'Recycle':
      if (pv.source.type === 'hostPath' || pv.source.type === 'nfs') return { result: 'recycled' };
      return { result: 'failed', message: 'No recycler plugin found for the volume!' };
    case 'Delete': {
      if (pv.source.type === 'csi') {
        // The external-provisioner deletes the volumes it provisioned (its provisioned-by name).
        if (pv.provisionedBy === undefined) return { result: 'released', why: 'static-csi' };
        return drivers.some((d) => d.name === pv.provisionedBy)
          ? { result: 'deleted', by: 'csi' }
          : { result: 'released', why: 'external-deleter-missing' };
      }
      if (pv.source.type === 'hostPath') {
        if (HOST_PATH_DELETABLE.test(pv.source.text)) return { result: 'deleted', by: 'host-path' };
        return {
          result: 'failed',
          message: `host_path deleter only supports /tmp/.+ but received provided ${pv.source.text}`,
        };
      }
      return {
        result: 'failed',
        message: `error getting deleter volume plugin for volume "${pv.name}": no deletable volume plugin matched`,
      };
    }
  }
}

// Which lab a lesson runs in: the networking lab (NetworkPolicy scenarios, the default), the
// volumes lab (PV, PVC, StorageClass scenarios) or the layers lab (Dockerfiles and a docker session
// in one txtar file). Each lab has its own scenario files, loader, editable kinds and checks.
import type { Diagnostic } from '../lib/diagnostic';
import { analyzeScenario } from '../engine/analyze';
import { loadLayersLab } from '../storage/layers-lab';
import { loadVolumes } from '../storage/load-volumes';
import type { AuthoredCheckKind, LabKind } from './types';

export type { LabKind };
export const LAB_KINDS: readonly LabKind[] = ['network', 'volumes', 'layers'];

/** The kinds `editable` may name in each lab; in the layers lab, files of the archive. */
export const EDITABLE_KINDS: Readonly<Record<LabKind, readonly string[]>> = {
  network: [
    'Namespace',
    'Pod',
    'Node',
    'Service',
    'NetworkPolicy',
    'ExternalEndpoint',
    'ClusterNetwork',
    'Ingress',
    'IngressClass',
  ],
  volumes: ['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'CSIDriver', 'Pod', 'Node'],
  layers: ['File'],
};

/** Check kinds each lab understands (`no-errors` everywhere; the rest per lab). */
export const LAB_CHECKS: Readonly<Record<LabKind, readonly AuthoredCheckKind[]>> = {
  network: ['flows', 'least-privilege', 'matrix', 'reach', 'object', 'packet', 'no-errors', 'quiz'],
  volumes: ['facts', 'predict', 'no-errors'],
  layers: ['facts', 'predict', 'no-errors'],
};

/** Scenario files of the lab: YAML, or a txtar archive for the layers lab. */
export const SCENARIO_FILE: Readonly<Record<LabKind, RegExp>> = {
  network: /\.ya?ml$/,
  volumes: /\.ya?ml$/,
  layers: /\.txtar$/,
};

export interface LabLoad {
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
}

/** A scenario loaded as its lab loads it: every diagnostic, plus lint warnings when it has no errors. */
export function loadLabScenario(lab: LabKind, file: string, text: string): LabLoad {
  const files = [{ name: file, text }];
  switch (lab) {
    case 'network': {
      const { diagnostics, hasErrors } = analyzeScenario(files);
      return { diagnostics, hasErrors };
    }
    case 'volumes':
      return loadVolumes(files);
    case 'layers':
      return loadLayersLab(files);
  }
}

// The one way every surface reads a scenario: load it (API validation and defaulting), then, when
// it has no errors, lint it. The page, the CLI, lesson checks and lesson verification all call this.
import type { Diagnostic } from '../lib/diagnostic';
import { loadCluster } from '../k8s/load-cluster';
import type { ManifestFile } from '../k8s/source';
import type { Cluster } from '../k8s/types';
import { lintCluster } from './lint';
import { lintServiceAddresses } from './lint-services';
import { lintAddressPlan } from './lint-address-plan';

export interface Analysis {
  readonly cluster: Cluster;
  readonly hasErrors: boolean;
  /** loadCluster's diagnostics (sorted), then lintCluster's when there are no errors. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads the files as one scenario and lints it when it loaded without errors. */
export function analyzeScenario(files: readonly ManifestFile[]): Analysis {
  const loaded = loadCluster(files);
  if (loaded.hasErrors) return loaded;
  return {
    ...loaded,
    diagnostics: [
      ...loaded.diagnostics,
      ...lintCluster(loaded.cluster),
      ...lintServiceAddresses(loaded.cluster),
      ...lintAddressPlan(loaded.cluster),
    ],
  };
}

// The real-cluster fixture (fixtures/real-cluster): one `kubectl get -A -o yaml` dump and the same
// objects as `-o json`, with status blocks, managedFields, finished Job pods, a terminating pod,
// Endpoints and EndpointSlices, load balancers, traffic policies, Calico/Cilium policies and CRDs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestFile } from '../k8s/source';

const DIR = join(import.meta.dirname, 'fixtures/real-cluster');

/** Both formats, for table-driven tests: every fidelity rule must hold for YAML and JSON alike. */
export const REAL_CLUSTER_DUMPS: readonly ManifestFile[] = ['dump.yaml', 'dump.json'].map((name) => ({
  name,
  text: readFileSync(join(DIR, name), 'utf8'),
}));

export const REAL_CLUSTER_DIR = DIR;

// The facts a storage lesson may state, as data (facts.ts decides and words them).
import type { SourcePosition } from '../lib/diagnostic';

export type ClaimPhaseFact = 'Bound' | 'Pending';
export type VolumePhaseFact = 'Available' | 'Bound' | 'Released' | 'Failed' | 'deleted';
export type PodStatusFact = 'Running' | 'Pending' | 'ContainerCreating';
export type StepStatusFact = 'pulled' | 'present' | 'cached' | 'built';
export type DataPlace = 'container-layer' | 'volume' | 'bind' | 'lost';

interface FactBase {
  readonly at: SourcePosition;
  /** Evaluate on the cluster after deleting this claim (`namespace/name`). */
  readonly afterDeleting?: string;
}

export type Fact =
  | (FactBase & {
      readonly kind: 'claim';
      readonly claim: string;
      readonly phase?: ClaimPhaseFact;
      readonly volume?: string;
    })
  | (FactBase & {
      readonly kind: 'volume';
      readonly volume: string;
      readonly phase?: VolumePhaseFact;
      readonly claim?: string;
    })
  | (FactBase & {
      readonly kind: 'pod';
      readonly pod: string;
      readonly status?: PodStatusFact;
      readonly node?: string;
    })
  | (FactBase & {
      readonly kind: 'image';
      readonly image: string;
      /** Layer sizes in bytes, base first. */
      readonly sizes?: readonly number[];
      readonly size?: number;
      /** How many steps the build took from the cache. */
      readonly cached?: number;
    })
  | (FactBase & {
      readonly kind: 'step';
      readonly image: string;
      readonly step: string;
      readonly status: StepStatusFact;
    })
  | (FactBase & {
      readonly kind: 'data';
      readonly container: string;
      readonly path: string;
      readonly lives: DataPlace;
    })
  | (FactBase & {
      readonly kind: 'mount';
      readonly container: string;
      readonly target: string;
      readonly type: 'volume' | 'bind';
      readonly source?: string;
    });

/** `volume: provisioned` in a claim fact: any PV a provisioner made for it. */

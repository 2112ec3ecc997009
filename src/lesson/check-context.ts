// What decoding a check needs to know about the lesson around it (decode-checks.ts and
// decode-facts.ts both take it).
import type { FlowPort } from '../engine/match';
import type { FieldPath } from '../k8s/source';
import type { FieldReader } from './field-reader';
import type { LabKind, ScenarioFile } from './types';

/** A name lesson.yaml uses that must exist in a scenario, checked after loading. */
export interface PendingRef {
  /** Networking lab: endpoints, a packet check's ends (as the trace takes them), nodes and policies; storage labs: the objects facts name. */
  readonly kind:
    'endpoint' | 'trace-end' | 'node' | 'policy' | 'claim' | 'pv' | 'pod' | 'image' | 'container';
  readonly ref: string;
  readonly path: FieldPath;
  /** The name is fine if any of these scenarios has it. */
  readonly scenarios: () => readonly ScenarioFile[];
  /** A packet's destination: the source and port it is sent from and on (a DNS name or URL is traced to be checked). */
  readonly from?: string;
  readonly port?: FlowPort;
}

/** What decoding checks needs from the lesson loader. */
export interface CheckContext {
  readonly r: FieldReader;
  /** The lesson's lab: which check kinds and facts it may use. */
  readonly lab: LabKind;
  readonly refs: PendingRef[];
  /** The reference solution (known after the whole file is read). */
  readonly solution: () => ScenarioFile | undefined;
  /** The scenario in effect at a step, by step id. */
  readonly stepScenario: (stepId: string) => ScenarioFile | undefined;
  /** Reads a scenario file of the folder named at `path`. */
  readonly scenarioFile: (name: unknown, path: FieldPath) => ScenarioFile | undefined;
  readonly lastStep: string;
}

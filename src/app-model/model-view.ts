// The shape of what the page shows, as the model worker sends it: plain data only, so the
// page's first bundle needs none of the engine to read it.
import type { Diagnostic } from '../lib/diagnostic';
import type { FlowPort } from '../engine/match';
import type { LocalText } from '../lib/text';
import type { PacketTrace } from '../model/trace-types';
import type { Scene } from '../layout/scene';
import type { Topology } from '../model/topology';
import type { ClusterOverview } from '../model/overview';

/** The name the scenario text carries in diagnostics and the editor. */
export const SCENARIO_FILE = 'scenario.yaml';

/** Per endpoint key: the policies isolating it for ingress and for egress. */
export type Isolation = ReadonlyMap<
  string,
  { readonly ingress: readonly string[]; readonly egress: readonly string[] }
>;

/** A packet to trace: ends as traceFlow takes them (`ns/pod`, a name, `svc:ns/name`, an address). */
export interface TraceRequest {
  readonly from: string;
  readonly to: string;
  readonly port: FlowPort;
}

export type TraceResult = { readonly trace: PacketTrace } | { readonly error: LocalText };

export type CellChange = 'newly-allowed' | 'newly-denied';

/** An endpoint as the page names it. */
export interface EndpointInfo {
  readonly key: string;
  readonly kind: 'pod' | 'external';
  /** The scenario's name for an outside machine. */
  readonly name?: string;
  readonly ip: string;
  readonly namespace?: string;
  /** The workload's `namespace/name` and kind (Deployment, DaemonSet, …), for pods. */
  readonly workload?: string;
  readonly workloadKind?: string;
  /** A pod netlab added (the cluster's CoreDNS), not the scenario's: the matrix hides it unless asked. */
  readonly implicit?: true;
}

/** A group of endpoints (a workload or a namespace): indexes into ModelView.endpoints. */
export interface GroupInfo {
  readonly key: string;
  readonly label: string;
  readonly kind: string;
  readonly members: readonly number[];
}

/** A pod that holds no IP (finished, or waiting for one): shown apart, greyed. */
export interface InactivePodInfo {
  readonly key: string;
  readonly phase: string;
  readonly why: 'completed' | 'failed' | 'no-ip' | 'no-free-address';
  /** Why it waits (`no free address in 10.244.1.0/28 on node01`). */
  readonly reason?: LocalText;
  readonly lastIp?: string;
}

/** The last model built from a text without errors. */
export interface ModelView {
  /** Increments with every new model. */
  readonly id: number;
  /** Increments when the drawing changes (nodes, pods, Services, outside machines, wiring). */
  readonly layoutId: number;
  readonly endpoints: readonly EndpointInfo[];
  readonly ports: readonly FlowPort[];
  /** Per port: rows of destination bits, `wordsPerRow` 32-bit words per source. */
  readonly allowed: readonly Uint32Array[];
  readonly wordsPerRow: number;
  readonly topology: Topology;
  readonly scene: Scene;
  readonly isolation: Isolation;
  /** Per policy key: what it touches, as bits over `endpoints` (`wordsPerRow` words each). */
  readonly policyReach: ReadonlyMap<string, PolicyReachBits>;
  /**
   * Set when the scene has more pods than the page draws usefully: `topology` and `scene` are
   * then empty and the page shows this summary instead (app-model/page-view.ts).
   */
  readonly overview?: ClusterOverview;
  /** The endpoints grouped by workload and by namespace (outside addresses alone). */
  readonly groups: { readonly workload: readonly GroupInfo[]; readonly namespace: readonly GroupInfo[] };
  readonly inactivePods: readonly InactivePodInfo[];
}

/**
 * The pods a policy selects and the endpoints its rules name. Bits rather than sets of keys:
 * with 1,000 pods and 200 policies the sets were 2 MB to copy from the worker on every edit.
 */
export interface PolicyReachBits {
  readonly selected: Uint32Array;
  readonly peers: Uint32Array;
}

/** The keys of the endpoints whose bits are set. */
export function endpointKeys(view: Pick<ModelView, 'endpoints'>, bits: Uint32Array): Set<string> {
  const out = new Set<string>();
  view.endpoints.forEach((e, i) => {
    if (((bits[i >>> 5]! >>> (i & 31)) & 1) === 1) out.add(e.key);
  });
  return out;
}

export interface DerivedView {
  /** Increments with every text. */
  readonly revision: number;
  /** The text this view was built for. */
  readonly text: string;
  readonly model: ModelView;
  /** Diagnostics of `text` (which may have errors while `model` is from an older text). */
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** True while `model` comes from an older text because this one has errors. */
  readonly stale: boolean;
  /** Cells whose verdict the last new model changed, keyed by flowKey(). */
  readonly changes: ReadonlyMap<string, CellChange>;
}

export const flowKey = (from: string, to: string, port: FlowPort): string =>
  `${from}|${to}|${port.port}/${port.protocol}`;

/** Whether `view` allows source index `s` to reach destination index `d` on port index `pi`. */
export function isAllowed(view: ModelView, pi: number, s: number, d: number): boolean {
  const row = view.allowed[pi];
  return row !== undefined && ((row[s * view.wordsPerRow + (d >>> 5)]! >>> (d & 31)) & 1) === 1;
}

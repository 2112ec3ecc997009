// A lesson as the player and the checker use it: every file it names already read, every text
// given in both locales. Lesson files (lesson.yaml + Markdown + scenario YAML) become this in
// load-lesson.ts; nothing here touches files.
import type { SourcePosition } from '../lib/diagnostic';
import type { LocalText } from '../lib/text';
import type { FlowPort } from '../engine/match';
import type { Labels, PolicyType } from '../k8s/types';
import type { Fact } from './fact-types';
import type { FlowReasons } from '../engine/explain-reasons';

export type { Fact } from './fact-types';

/** Which lab a lesson runs in. */
export type LabKind = 'network' | 'volumes' | 'layers';

/** A scenario file of the lesson folder, with its text. `file` is the path diagnostics use. */
export interface ScenarioFile {
  /** Name inside the lesson folder, as lesson.yaml writes it (`start.yaml`). */
  readonly name: string;
  /** Path for diagnostics (`lessons/a-01-…/start.yaml`). */
  readonly file: string;
  readonly text: string;
}

/**
 * An endpoint as a lesson names it: `namespace/pod`, an ExternalEndpoint's name (`user`), or an
 * IP address. A bare name that is not an ExternalEndpoint means a pod in `default`.
 */
export type EndpointRef = string;

export interface FlowRef {
  readonly from: EndpointRef;
  readonly to: EndpointRef;
  readonly port: FlowPort;
  /** Where lesson.yaml wrote it. */
  readonly at: SourcePosition;
}

export interface ExpectedFlow extends FlowRef {
  readonly allowed: boolean;
}

/** An object of the scenario. `namespace` defaults to `default` for namespaced kinds. */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  /** Absent in `editable`: any object of that kind (and namespace), new ones included. */
  readonly name?: string;
}

export interface Highlight {
  readonly endpoints: readonly EndpointRef[];
  /** `namespace/name` of NetworkPolicies. */
  readonly policies: readonly string[];
}

export interface Step {
  readonly id: string;
  readonly title?: LocalText;
  /** Markdown per locale. */
  readonly text: LocalText;
  /** A new scenario replacing the learner's text, or `keep` the current one. */
  readonly scenario: ScenarioFile | 'keep';
  /** The scenario shown at this step: this step's file or the last one before it. */
  readonly effectiveScenario: ScenarioFile;
  /** The scenario is broken on purpose (a find-the-mistake lesson): its errors are expected. */
  readonly expectErrors: boolean;
  /** Objects the learner may edit; empty: the whole scenario. */
  readonly editable: readonly ObjectRef[];
  /** Where lesson.yaml lists them (when it does), for the challenge's `editable` check. */
  readonly editableAt?: SourcePosition;
  readonly highlight: Highlight;
  /** A packet to play when the step opens (once packet journeys exist). */
  readonly packet?: FlowRef;
}

export type CheckKind =
  | 'flows'
  | 'least-privilege'
  | 'matrix'
  | 'reach'
  | 'object'
  | 'no-errors'
  | 'quiz'
  | 'packet'
  | 'facts'
  | 'predict'
  | 'editable';
/** The kinds an author writes in lesson.yaml; `editable` is added by the loader itself. */
export type AuthoredCheckKind = Exclude<CheckKind, 'editable'>;

interface CheckBase {
  readonly id: string;
  /** The step from which the player shows this check; every check runs on the current text. */
  readonly step: string;
  /** The author's failure message, with {placeholders} the checker fills from the engine. */
  readonly message?: LocalText;
  /** The author's message when the check passes. */
  readonly success?: LocalText;
  readonly at: SourcePosition;
}

/** Each listed flow must have the expected verdict. */
export interface FlowsCheck extends CheckBase {
  readonly check: 'flows';
  readonly flows: readonly ExpectedFlow[];
}

/**
 * Least privilege: among `from` × `to` × `ports`, the `allow` flows are allowed and no other
 * flow is (a pod to itself and a pod to its own node are left out: nothing can block them).
 * Empty `from`/`to`: every pod and ExternalEndpoint of the scenario.
 */
export interface LeastPrivilegeCheck extends CheckBase {
  readonly check: 'least-privilege';
  readonly from: readonly EndpointRef[];
  readonly to: readonly EndpointRef[];
  readonly ports: readonly FlowPort[];
  readonly allow: readonly FlowRef[];
}

/** true: allowed, false: denied, null: either. */
export type GoalCell = boolean | null;

/** The whole matrix of `from` × `to` on each port equals the goal. */
export interface MatrixCheck extends CheckBase {
  readonly check: 'matrix';
  readonly from: readonly EndpointRef[];
  readonly to: readonly EndpointRef[];
  /** One grid per port: rows follow `from`, columns follow `to`. */
  readonly goal: readonly { readonly port: FlowPort; readonly rows: readonly (readonly GoalCell[])[] }[];
}

/**
 * Exact reach: compared over every pod, namespace, address and port that could ever exist (not
 * only the scenario's), the learner's policies let through the same flows as the goal's (`equal`),
 * nothing more (`at-most`), or at least those (`at-least`).
 */
export interface ReachCheck extends CheckBase {
  readonly check: 'reach';
  readonly compare: 'equal' | 'at-most' | 'at-least';
  /** The scenario to compare with: the challenge's solution unless the check names a file. */
  readonly goal: ScenarioFile;
  /** Each side on its own too: a policy may not open more even where the other side's policy blocks it. */
  readonly eachSide?: boolean;
}

/** An object must (not) exist; a policy must (not) select pods; labels; policyTypes; shape. */
export interface ObjectCheck extends CheckBase {
  readonly check: 'object';
  readonly object: Required<Pick<ObjectRef, 'kind' | 'name'>> & { readonly namespace?: string };
  readonly exists: boolean;
  readonly selects: readonly EndpointRef[];
  readonly notSelects: readonly EndpointRef[];
  /** After defaulting, as a set. */
  readonly policyTypes?: readonly PolicyType[];
  readonly labels?: Labels;
  /** NetworkPolicy: some rule names each of these container ports by name (`port: http`). */
  readonly portNames?: readonly string[];
  /** NetworkPolicy: some peer has all of these fields (`[namespaceSelector, podSelector]`: one AND peer). */
  readonly peerWith?: readonly ('podSelector' | 'namespaceSelector' | 'ipBlock')[];
  /** The object is exactly as the challenge starts it (formatting aside). */
  readonly unchanged?: boolean;
  /** The challenge's start, for `unchanged` (set by the loader). */
  readonly start?: ScenarioFile;
}

/** The scenario loads without errors; the listed warning codes count as failures too. */
export interface NoErrorsCheck extends CheckBase {
  readonly check: 'no-errors';
  readonly warnings: readonly string[];
}

export interface QuizOption {
  readonly id: string;
  /** Absent: the player words the flow itself. */
  readonly text?: LocalText;
  readonly flow: FlowRef;
  /** The option is right when the engine gives its flow this verdict. */
  readonly rightWhen: 'allowed' | 'denied';
}

/**
 * Predict, then reveal: the answer is computed by the engine, never written by the author.
 * Each option names a flow and is right when the engine gives that flow the option's verdict:
 * a yes/no question about one flow has the options `allowed` and `denied`; a "which of these
 * get through?" question has one option per flow.
 */
export interface QuizCheck extends CheckBase {
  readonly check: 'quiz';
  readonly question: LocalText;
  readonly options: readonly QuizOption[];
  /** True when several options may be right (a pick-all question). */
  readonly multiple: boolean;
  /** The question is about this file, not about the learner's current text. */
  readonly scenario?: ScenarioFile;
  /** Shown with the answer. */
  readonly reveal?: LocalText;
}

/** A device a packet check names: `flannel.1` on any node, or `node02/flannel.1` on that node. */
export interface DeviceRef {
  readonly name: string;
  readonly node?: string;
}

/**
 * One packet sent through the same trace the page and `netlab trace` draw (model/trace-flow), and
 * what must be true of its request: delivered or dropped, the NetworkPolicy verdict at its gates
 * (which a CNI that does not enforce ignores), devices it crosses or avoids, its encapsulation, and
 * the pod kube-proxy's DNAT chose. At least one of these is given.
 */
export interface PacketCheck extends CheckBase {
  readonly check: 'packet';
  /** As the trace takes them: `ns/pod`, an ExternalEndpoint, `svc:ns/name`, an address (`IP`, `IP:port`); `to` also a DNS name or an http(s) URL. */
  readonly from: string;
  readonly to: string;
  readonly port: FlowPort;
  readonly verdict?: 'delivered' | 'dropped';
  /** The policy's verdict at the gates the packet passed: denied when any gate denied it. */
  readonly policy?: 'allowed' | 'denied';
  readonly crosses: readonly DeviceRef[];
  readonly avoids: readonly DeviceRef[];
  /** `none`, or the outer header's port (UDP 8472 for VXLAN). */
  readonly encapsulation?: 'none' | FlowPort;
  /** The pod kube-proxy's (last) DNAT sent the packet to: for a URL, the backend's pod. */
  readonly dnatTo?: EndpointRef;
  /** Where the journey ended early: `dns` (the DNS query was dropped), `controller` (no Ingress rule: 404). */
  readonly stoppedAt?: 'dns' | 'controller';
  /** A destination given by name: the fully qualified name whose query answered (no final dot, lower case). */
  readonly resolvedAs?: string;
  /** A destination given as a URL: the Service (`svc:ns/name`) the ingress controller forwarded to. */
  readonly backend?: string;
}

/**
 * Implicit, never written by an author: compared with `start`, the learner's text changes only
 * objects `editable` covers (the list in effect at the last step). Without it a learner could
 * "solve" a lesson by deleting some other object instead of editing the one the lesson is about.
 */
export interface EditableCheck extends CheckBase {
  readonly check: 'editable';
  readonly editable: readonly ObjectRef[];
  readonly start: ScenarioFile;
}

/** Storage labs: every fact must hold (each decided by the storage engine). */
export interface FactsCheck extends CheckBase {
  readonly check: 'facts';
  readonly facts: readonly Fact[];
}

/** Storage labs' quiz: each option is a fact, right when the engine finds it true. Never blocks. */
export interface PredictCheck extends CheckBase {
  readonly check: 'predict';
  readonly question: LocalText;
  readonly options: readonly { readonly id: string; readonly text: LocalText; readonly fact: Fact }[];
  readonly scenario?: ScenarioFile;
  readonly reveal?: LocalText;
}

export type Check =
  | FlowsCheck
  | LeastPrivilegeCheck
  | MatrixCheck
  | ReachCheck
  | ObjectCheck
  | NoErrorsCheck
  | QuizCheck
  | PacketCheck
  | FactsCheck
  | PredictCheck
  | EditableCheck;

export interface Challenge {
  /** The lab the checks run in (default network). */
  readonly lab?: LabKind;
  readonly checks: readonly Check[];
  readonly hints: readonly LocalText[];
  /** The reference solution: a scenario where every check passes. */
  readonly solution: ScenarioFile;
  /** What the learner starts the challenge from: the scenario of the last step. */
  readonly start: ScenarioFile;
}

export interface Lesson {
  readonly id: string;
  /** The lab the lesson runs in: network (default), volumes or layers. */
  readonly lab: LabKind;
  /** `A`, `B`, `C`… */
  readonly module: string;
  readonly order: number;
  readonly prerequisites: readonly string[];
  readonly title: LocalText;
  readonly steps: readonly Step[];
  readonly challenge: Challenge;
  /** The folder, for diagnostics (`lessons/a-01-…`). */
  readonly dir: string;
}

/** The outcome of one check, worded for the learner in both locales. */
export interface CheckResult {
  readonly id: string;
  readonly check: CheckKind;
  readonly passed: boolean;
  /** Quizzes never block: a wrong prediction is part of learning. */
  readonly blocking: boolean;
  /** What is wrong (or, when passed, a short confirmation). */
  readonly message: LocalText;
  /** The engine's reasons for the first wrong flow. */
  readonly explanation?: FlowReasons;
  readonly quiz?: QuizResult;
  /** A reach check's first hole: a peer no pod of the scenario is, to show ("show me"). */
  readonly unseen?: UnseenPeer;
}

/**
 * A peer the scenario does not have, as the page can draw it: a pod (maybe in a namespace that does
 * not exist yet) or an outside address. Built from a peer class's witness.
 */
export interface UnseenPeer {
  /** "a pod in a new namespace", "an internet address 8.8.8.8". */
  readonly label: LocalText;
  readonly kind: 'pod' | 'address';
  readonly ip: string;
  /** Pods: the namespace, its labels, and whether the scenario has it already. */
  readonly namespace?: string;
  readonly namespaceLabels?: Labels;
  readonly newNamespace?: boolean;
  readonly labels?: Labels;
  /** The scenario pod the hole is about (`data/db`), and the port, as the lesson names them. */
  readonly subject?: string;
  readonly port?: FlowPort;
  readonly direction: 'ingress' | 'egress';
}

export interface QuizResult {
  /** Option ids whose flow has the asked verdict. */
  readonly correct: readonly string[];
  /** What the learner chose; absent until answered. */
  readonly chosen?: readonly string[];
  /** The engine's verdict per option id. */
  readonly verdicts: Readonly<Record<string, boolean>>;
}

/** What checking a challenge takes besides the learner's text. */
export interface CheckOptions {
  /** Quiz answers by check id: the option ids the learner chose. */
  readonly answers?: Readonly<Record<string, readonly string[]>>;
  /** The name diagnostics give the learner's text (default `scenario.yaml`). */
  readonly file?: string;
}

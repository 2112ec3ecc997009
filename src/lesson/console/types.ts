// A console lesson (module F, pod networking by hand): the learner types commands on one or more
// hosts, and the checks judge the resulting simulator state and reachability, never the text.
import { type LocalText } from '../../lib/text';

/** The file naming a console lesson (a NetworkPolicy lesson has lesson.yaml instead). */
export const CONSOLE_LESSON_FILE = 'console-lesson.yaml';

/** `node01` (the host itself), `red` (a namespace of the only host) or `node02:blue`. */
export type PlaceRef = string;

/** A host's script per host name: the learner's console text. */
export type HostScripts = Readonly<Record<string, string>>;

interface CheckBase {
  readonly id: string;
}

/** Every ordered pair among the places reaches every address of the other. */
export interface ReachCheck extends CheckBase {
  readonly check: 'reach';
  readonly among: readonly PlaceRef[];
  /** Extra addresses every place must reach too (a gateway, the outside). */
  readonly targets: readonly string[];
}

/** One ping, expected to get replies or not. */
export interface PingCheck extends CheckBase {
  readonly check: 'ping';
  readonly from: PlaceRef;
  readonly to: string;
  readonly reply: boolean;
}

/** A link's state in a place. */
export interface LinkCheck extends CheckBase {
  readonly check: 'link';
  readonly at: PlaceRef;
  readonly name: string;
  readonly kind?: string;
  readonly up?: boolean;
  readonly master?: string;
  readonly addresses: readonly string[];
}

/** Which namespaces a host has. */
export interface NamespacesCheck extends CheckBase {
  readonly check: 'namespaces';
  readonly host: string;
  readonly include: readonly string[];
  /** When set, no other namespace may exist. */
  readonly exactly: boolean;
}

/** The namespace is wired to the bridge: one of its veths has its peer among the bridge's ports. */
export interface WiredCheck extends CheckBase {
  readonly check: 'wired';
  readonly namespaces: readonly PlaceRef[];
  readonly bridge: string;
  readonly host: string;
}

/** The routes a place keeps: no per-address (/32) routes, and none to the listed networks. */
export interface RoutesCheck extends CheckBase {
  readonly check: 'routes';
  readonly at: PlaceRef;
  readonly noHostRoutes: boolean;
  readonly without: readonly string[];
}

/** `nc -z ADDR PORT` from a place finds a listener (or not). */
export interface ConnectCheck extends CheckBase {
  readonly check: 'connect';
  readonly from: PlaceRef;
  readonly to: string;
  readonly port: number;
  readonly open: boolean;
}

/**
 * The learner's CNI plugin, run by the checker on pods it names itself (so no script can know
 * them): ADD wires each pod so the pods reach each other and `targets`; DEL leaves nothing behind.
 */
export interface CniPluginCheck extends CheckBase {
  readonly check: 'cni-plugin';
  readonly host: string;
  readonly file: string;
  /** Addresses POD_IP takes, one per test pod (with their prefix length). */
  readonly podIps: readonly string[];
  readonly targets: readonly string[];
}

export type ConsoleCheck =
  | ReachCheck
  | PingCheck
  | LinkCheck
  | NamespacesCheck
  | WiredCheck
  | RoutesCheck
  | ConnectCheck
  | CniPluginCheck;

export interface ConsoleStep {
  readonly id: string;
  readonly text: LocalText;
}

export interface ConsoleLesson {
  readonly id: string;
  readonly module: string;
  readonly order: number;
  readonly prerequisites: readonly string[];
  readonly title: LocalText;
  readonly hosts: readonly string[];
  readonly steps: readonly ConsoleStep[];
  readonly checks: readonly ConsoleCheck[];
  readonly hints: readonly LocalText[];
  /** Where the learner starts, and a reference answer that passes every check. */
  readonly start: HostScripts;
  readonly solution: HostScripts;
  /** Wrong answers that must fail, by name (`cheats/<name>/`). */
  readonly cheats: Readonly<Record<string, HostScripts>>;
  readonly dir: string;
}

export interface ConsoleCheckResult {
  readonly id: string;
  readonly check: ConsoleCheck['check'];
  readonly passed: boolean;
  readonly message: LocalText;
}

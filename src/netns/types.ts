// The state of the by-hand network lab: hosts on one LAN, their network namespaces, links,
// addresses, routes, sysctls and NAT rules. Plain data, so the page can draw it and a test can
// compare it; the commands in this folder change it, and replaying the same commands rebuilds it.
import { type LocalText } from '../lib/text';

/** The namespace a process starts in; `ip netns add` names every other one. */
export const ROOT_NS = '';

export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'veth' | 'dummy';

/** An IPv4 address on a link, as `ip addr add 10.244.1.1/24` wrote it. */
export interface Address {
  /** Dotted quad. */
  readonly ip: string;
  readonly prefix: number;
}

export interface Link {
  /** Unique in the world and stable across moves between namespaces. */
  readonly id: number;
  readonly host: string;
  /** The namespace it is in; ROOT_NS for the host's own. */
  ns: string;
  name: string;
  readonly kind: LinkKind;
  ifindex: number;
  readonly mac: string;
  /** Administratively up (`ip link set … up`). */
  up: boolean;
  /** The bridge it is a port of (a link id in the same namespace). */
  master?: number;
  /** The other end of a veth pair. */
  readonly peer?: number;
  addrs: Address[];
  /** lo gets 127.0.0.1/8 the first time it comes up, and keeps it. */
  everUp: boolean;
}

/** A route the learner added (connected routes are derived from addresses, never stored). */
export interface StaticRoute {
  /** Network address and length; 0.0.0.0/0 is `default`. */
  readonly dst: Address;
  readonly via?: string;
  /** Link id of the output device. */
  readonly dev: number;
  /** `scope link` for routes without a gateway. */
  readonly scope: 'link' | 'global';
  /** Order of insertion, to keep equal routes in the kernel's order. */
  readonly seq: number;
}

/** `iptables -t nat -A POSTROUTING -s CIDR [!] -o IFACE -j MASQUERADE`. */
export interface MasqueradeRule {
  readonly source?: Address;
  readonly outIface?: string;
  readonly outNegated: boolean;
  /** The rule as `iptables -S` prints it. */
  readonly text: string;
}

/** A TCP listener started with `nc -l`: the pause-container lesson shows one port per namespace. */
export interface Listener {
  readonly port: number;
}

export interface Netns {
  readonly host: string;
  readonly name: string;
  /** net.ipv4.ip_forward */
  ipForward: boolean;
  routes: StaticRoute[];
  nat: MasqueradeRule[];
  listeners: Listener[];
  /** Assigned the first time a link of this namespace has its peer elsewhere (`ip netns` shows it). */
  nsid?: number;
}

export interface Host {
  readonly name: string;
  /** Files written with `cat > FILE <<EOF` (a CNI plugin script, for instance). */
  readonly files: Record<string, string>;
  nextIfindex: number;
  nextNsid: number;
}

export interface World {
  readonly hosts: Host[];
  readonly namespaces: Netns[];
  readonly links: Link[];
  nextLinkId: number;
  nextRouteSeq: number;
  /** The LAN every host's eth0 is plugged into (display only: addresses come from the scripts). */
  readonly lan: string;
}

/** Where a command runs: a host and one of its namespaces. */
export interface Place {
  readonly host: string;
  readonly ns: string;
}

/** One command's outcome, as a shell would show it. */
export interface CommandOutcome {
  /** What the command printed (stdout and stderr in order). */
  readonly output: string;
  /** Whether the output went to stderr (iproute2 errors, `connect: …`). */
  readonly stderr: boolean;
  /** The exit status the real command gives. */
  readonly exit: number;
  /** For ping: the packet's journey and, when it failed, why. */
  readonly ping?: PingReport;
}

/** A place a packet passed through. */
export interface Hop {
  readonly host: string;
  readonly ns: string;
  /** Interface it arrived on (absent at the sender). */
  readonly inIface?: string;
  /** Interface it left by (absent where it was delivered or dropped). */
  readonly outIface?: string;
  /** Source address rewritten here (MASQUERADE). */
  readonly snat?: string;
  /** Bridges it crossed to reach the next hop. */
  readonly via?: readonly string[];
}

export interface PingReport {
  readonly from: Place;
  readonly to: string;
  readonly ok: boolean;
  /** The request's path, then the reply's (when the request arrived). */
  readonly request: readonly Hop[];
  readonly reply: readonly Hop[];
  /** Why it failed, in words; absent when it succeeded. */
  readonly reason?: LocalText;
}

// netlab's command line: `netlab <command> FILE... [options]`, parsed without a library because
// the grammar is tiny and the error messages must be ours.
import type { Locale } from '../lib/text';
import { PROTOCOLS, type Protocol } from '../k8s/types';
import type { FlowPort } from '../engine/match';
import { quote } from '../lib/user-text';

export interface CliArgs {
  readonly command: string;
  readonly files: string[];
  readonly ports: FlowPort[];
  readonly peers: string[];
  readonly from?: string;
  readonly to?: string;
  readonly json: boolean;
  readonly lang: Locale;
  /** `netlab storage --delete-claim NS/NAME`. */
  readonly deleteClaim?: string;
}

export class UsageError extends Error {}

export const USAGE = `netlab — Kubernetes NetworkPolicy lab

Usage:
  netlab matrix FILE... [--port PORT[/PROTO]]... [--peer IP]... [--from X] [--to Y] [--json] [--lang en|ko]
  netlab check  FILE... --from X --to Y --port PORT[/PROTO] [--json] [--lang en|ko]
  netlab trace  FILE... --from X --to Y --port PORT[/PROTO] [--json] [--lang en|ko]
  netlab lint   FILE... [--lang en|ko]
  netlab lint   LESSON... [--lang en|ko]
  netlab shell  SCRIPT... [--json] [--lang en|ko]
  netlab storage FILE... [--delete-claim NS/NAME] [--json] [--lang en|ko]
  netlab layers  FILE... [--json] [--lang en|ko]

  FILE    YAML with Namespace, Pod, Node, Service and NetworkPolicy objects
          (several documents, or a kubectl "kind: List"); "-" reads standard input
  PORT    a number; PROTO is TCP (default), UDP or SCTP. matrix defaults to 80/TCP
  X, Y    namespace/pod, a pod name in "default", or an IP address
          matrix also takes NAMESPACE/* (its pods) and * (every endpoint, the default):
          a table has at most 500 rows and 500 columns, --json at most 10,000,000 flows
          trace also takes an ExternalEndpoint's name, svc:NS/NAME, a Service's ClusterIP
          or LoadBalancer IP, and NODE-IP:NODEPORT (which stands for --port NODEPORT)
  --peer  an endpoint outside the cluster, by IP (repeatable)
  LESSON  a lesson folder (lessons/a-01-…), its lesson.yaml, or lessons/ for every lesson;
          lint checks lesson.yaml, its Markdown and scenario files, and lints the scenarios
  SCRIPT  a host's commands (ip, ping, sysctl, iptables …), the host named by the file
          (node01.sh → node01); every host has eth0 on one LAN; scripts run in order on
          shared state. Exit 0 when every command exited 0, else 1
  storage reads PersistentVolume, PersistentVolumeClaim, StorageClass, CSIDriver, Pod and Node:
          each claim's binding (or why it is Pending, per candidate PV); --delete-claim shows
          what the PV's reclaim policy does when that claim is deleted
  layers  reads Dockerfiles (sizes from "# size: 306MB" comments), build-context files and a
          docker session script (*.sh), or one txtar archive of them ("-- Dockerfile --" lines)

Exit status:
  0  ok (lint: no errors; warnings are fine)
  1  the input has errors, is not a text file or is empty, or the output would be
     past the limits above
  2  bad usage (unknown option, missing file, unknown pod, …)
  3  internal error: a bug in netlab (please report the command that caused it)
  4  the output could not be written (a full disk, …)`;

/** Parses `80`, `80/TCP`, `53/udp`. */
export function parsePortSpec(text: string): FlowPort {
  const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(text.trim());
  const port = m ? Number(m[1]) : NaN;
  const protocol = (m?.[2] ?? 'TCP').toUpperCase();
  if (!m || port < 1 || port > 65535)
    throw new UsageError(`--port ${quote(text)}: expected PORT or PORT/PROTO, with PORT from 1 to 65535`);
  if (!(PROTOCOLS as readonly string[]).includes(protocol))
    throw new UsageError(`--port ${quote(text)}: protocol must be TCP, UDP or SCTP`);
  return { port, protocol: protocol as Protocol };
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    return { command: 'help', files: [], ports: [], peers: [], json: false, lang: 'en' };
  }
  const files: string[] = [];
  const ports: FlowPort[] = [];
  const peers: string[] = [];
  let from: string | undefined;
  let to: string | undefined;
  let json = false;
  let lang: Locale = 'en';
  let deleteClaim: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const p = parsePortSpec(value());
        if (!ports.some((q) => q.port === p.port && q.protocol === p.protocol)) ports.push(p);
        break;
      }
      case '--peer':
        peers.push(value());
        break;
      case '--from':
        from = value();
        break;
      case '--to':
        to = value();
        break;
      case '--json':
        json = true;
        break;
      case '--delete-claim':
        deleteClaim = value();
        break;
      case '--lang': {
        const l = value();
        if (l !== 'en' && l !== 'ko') throw new UsageError('--lang must be en or ko');
        lang = l;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${quote(name)}`);
        files.push(arg);
    }
  }
  return {
    command,
    files,
    ports,
    peers,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    json,
    lang,
    ...(deleteClaim !== undefined ? { deleteClaim } : {}),
  };
}

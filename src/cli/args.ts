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
  /** `--all`: every diagnostic, even where many share one code. */
  readonly all?: boolean;
  /** `--format`: how matrix prints (json is the same as --json). */
  readonly format?: MatrixFormat;
  /** `--by`: rows and columns are pods, workloads or namespaces. */
  readonly by?: 'pod' | 'workload' | 'namespace';
  /** `--namespace` (repeatable): only endpoints in these namespaces. */
  readonly namespaces?: string[];
  /** `--target`: the pod, IP or CIDR a query is about. */
  readonly target?: string;
  /** `netlab storage --delete-claim NS/NAME`. */
  readonly deleteClaim?: string;
}

export type MatrixFormat = 'table' | 'csv' | 'md' | 'json';
const FORMATS: readonly MatrixFormat[] = ['table', 'csv', 'md', 'json'];

export class UsageError extends Error {}

export const USAGE = `netlab — Kubernetes NetworkPolicy lab

Usage:
  netlab matrix FILE... [--port PORT[/PROTO]]... [--peer IP]... [--by pod|workload|namespace]
                        [--namespace NS]... [--from X] [--to Y] [--format table|md|csv|json] [--json]
                        [--lang en|ko]
  netlab check  FILE... --from X --to Y --port PORT[/PROTO] [--json] [--lang en|ko]
  netlab trace  FILE... --from X --to Y --port PORT[/PROTO] [--json] [--lang en|ko]
  netlab resolve FILE... --from POD NAME [--json] [--lang en|ko]
  netlab who-can-reach FILE... --to Y [--port PORT[/PROTO]]... [--by pod|workload|namespace]
  netlab reaches       FILE... --from X [--port PORT[/PROTO]]... [--by pod|workload|namespace]
  netlab selects       FILE... --target POD|IP|CIDR
  netlab test   EXPECTATIONS.yaml FILE... [--lang en|ko]
  netlab lint   FILE... [--all] [--lang en|ko]
  netlab lint   LESSON... [--lang en|ko]
  netlab lesson check LESSON FILE [--json] [--lang en|ko]
  netlab diff   OLD NEW [--json] [--lang en|ko]
  netlab exposure FILE [--json] [--lang en|ko]
  netlab shell  SCRIPT... [--json] [--lang en|ko]
  netlab storage FILE... [--delete-claim NS/NAME] [--json] [--lang en|ko]
  netlab layers  FILE... [--json] [--lang en|ko]

  FILE    YAML or JSON: Namespace, Pod, Node, Service, Endpoints, EndpointSlice and NetworkPolicy
          objects (several documents, or a kubectl "kind: List", e.g. kubectl get -A -o yaml);
          other kinds are skipped with one warning per kind; "-" reads standard input
  PORT    a number; PROTO is TCP (default), UDP or SCTP. matrix defaults to 80/TCP;
          who-can-reach and reaches default to the ports the pods declare
  X, Y    namespace/pod, a pod name in "default", or an IP address; Y may also be svc:NS/NAME,
          or a Service's ClusterIP, load-balancer IP or hostname, or externalIP: the flow is then
          judged after kube-proxy's DNAT, on each endpoint. trace also takes an ExternalEndpoint's
          name and NODE-IP:NODEPORT (which stands for --port NODEPORT), and a DNS name
          (dns:NAME, or a name that is nothing else): resolved from X first, the DNS query
          (UDP 53 to kube-dns) traced through the same policies, then the connection
  resolve the names POD's resolver asks for NAME (search list, ndots) and CoreDNS's answers;
          exit 1 when NAME does not resolve. Without kube-system/kube-dns in the scenario,
          netlab adds kubeadm's (the Service range's .10, two CoreDNS pods)
  --peer  an address outside the cluster, or a Service's address (a column per Service)
  --by    matrix rows and columns (and query answers) per pod, workload or namespace
  --from, --to  matrix by pod: only these sources, destinations; X and Y also take NAMESPACE/*
          (its pods) and * (every endpoint, the default). A table has at most 500 rows and
          500 columns, JSON at most 10,000,000 flows
  EXPECTATIONS  a YAML list of {from, to, port, expect: allow|deny}; from/to name a pod, a
          workload (NS/NAME), svc:NS/NAME or an IP
  --all   lint: list every warning, even where many share one code
  LESSON  a lesson folder (lessons/a-01-…), its lesson.yaml, or lessons/ for every lesson;
          lint checks lesson.yaml, its Markdown and scenario files, and lints the scenarios;
          lesson check judges FILE against the lesson's challenge (exit 0 solved, 1 not)
  diff    what NEW opens and closes compared with OLD, for every pod and address that could exist
  exposure  for each pod, the peers the file does not have (new namespaces, unlabelled pods,
          the internet) that could reach it or that it could reach
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
  1  the input has errors (test: a promise does not hold; lesson check: not solved), is not
     a text file or is empty, or the output would be past the limits above
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
  let all = false;
  let format: MatrixFormat | undefined;
  let by: CliArgs['by'];
  let target: string | undefined;
  const namespaces: string[] = [];
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
      case '--all':
        all = true;
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f))
          throw new UsageError('--format must be table, csv, md or json');
        format = f as MatrixFormat;
        break;
      }
      case '--by': {
        const b = value();
        if (b !== 'pod' && b !== 'workload' && b !== 'namespace')
          throw new UsageError('--by must be pod, workload or namespace');
        by = b;
        break;
      }
      case '--namespace':
      case '-n':
        namespaces.push(value());
        break;
      case '--target':
        target = value();
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
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${quote(name)}`);
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
    json: json || format === 'json',
    lang,
    ...(all ? { all } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(by !== undefined ? { by } : {}),
    ...(namespaces.length > 0 ? { namespaces } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(deleteClaim !== undefined ? { deleteClaim } : {}),
  };
}

// The other commands a by-hand network needs: `sysctl` for ip_forward, `iptables -t nat …
// MASQUERADE`, and `nc -l`/`nc -z` to show that a pod's containers share one port space.
import { walkPacket } from './forward';
import { formatAddress, networkOf, parseAddress, parsePrefix } from './ipv4';
import { fail, notSimulated, ok } from './outcome';
import type { CommandOutcome, MasqueradeRule, Place, World } from './types';
import { namespaceOf, samePlace } from './world';

const FORWARD_KEYS = ['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding'];

export function runSysctl(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const ns = namespaceOf(world, place);
  const settings = args.filter((a) => a !== '-w' && a !== '-q');
  if (settings.length === 0 || settings.some((a) => a.startsWith('-')))
    return notSimulated('sysctl takes KEY or -w KEY=VALUE here (net.ipv4.ip_forward)');
  const quiet = args.includes('-q');
  let out = '';
  for (const s of settings) {
    const eq = s.indexOf('=');
    const key = (eq < 0 ? s : s.slice(0, eq)).replaceAll('/', '.').trim();
    if (!FORWARD_KEYS.includes(key))
      return notSimulated(`sysctl ${key} is not simulated; the console knows net.ipv4.ip_forward`);
    if (eq >= 0) {
      const value = s.slice(eq + 1).trim();
      if (value !== '0' && value !== '1') return notSimulated('net.ipv4.ip_forward takes 0 or 1 here');
      ns.ipForward = value === '1';
    }
    if (!quiet) out += `${key} = ${ns.ipForward ? 1 : 0}\n`;
  }
  return ok(out);
}

interface IptablesArgs {
  table: string;
  action?: 'A' | 'D' | 'I' | 'S' | 'F' | 'L';
  chain?: string;
  source?: string | undefined;
  outIface?: string | undefined;
  outNegated: boolean;
  target?: string | undefined;
}

function parseIptables(args: readonly string[]): IptablesArgs | CommandOutcome {
  const r: IptablesArgs = { table: 'filter', outNegated: false };
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === '!') {
      negate = true;
      continue;
    }
    if (a === '-t' || a === '--table') r.table = value() ?? '';
    else if (
      /^-[ADISFL]$/.test(a) ||
      ['--append', '--delete', '--insert', '--list-rules', '--flush', '--list'].includes(a)
    ) {
      const long: Record<string, IptablesArgs['action']> = {
        '--append': 'A',
        '--delete': 'D',
        '--insert': 'I',
        '--list-rules': 'S',
        '--flush': 'F',
        '--list': 'L',
      };
      r.action = long[a] ?? (a[1] as NonNullable<IptablesArgs['action']>);
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('-') && next !== '!') {
        r.chain = next;
        i++;
      }
    } else if (a === '-s' || a === '--source' || a === '--src') r.source = value();
    else if (a === '-o' || a === '--out-interface') {
      r.outIface = value();
      r.outNegated = negate;
    } else if (a === '-j' || a === '--jump') r.target = value();
    else if (a === '-v' || a === '-n' || a === '-w') continue;
    else
      return notSimulated(
        `iptables ${a} is not simulated; the console takes -t nat -A|-D|-S|-F POSTROUTING -s CIDR [!] -o IFACE -j MASQUERADE`,
      );
    negate = false;
  }
  return r;
}

export function runIptables(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const parsed = parseIptables(args);
  if ('exit' in parsed) return parsed;
  if (parsed.table !== 'nat')
    return notSimulated(`the ${parsed.table} table is not simulated; only iptables -t nat … MASQUERADE is`);
  if (parsed.chain !== undefined && parsed.chain !== 'POSTROUTING')
    return notSimulated(`only the POSTROUTING chain is simulated (not ${parsed.chain})`);
  const ns = namespaceOf(world, place);
  switch (parsed.action) {
    case 'S': {
      const policies = parsed.chain
        ? [`-P ${parsed.chain} ACCEPT`]
        : ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'].map((c) => `-P ${c} ACCEPT`);
      return ok([...policies, ...ns.nat.map((r) => r.text)].map((l) => `${l}\n`).join(''));
    }
    case 'F':
      ns.nat = [];
      return ok();
    case 'L':
      return notSimulated('iptables -L is not simulated; iptables -t nat -S lists the rules');
    case 'A':
    case 'I':
    case 'D': {
      if (parsed.chain === undefined) return notSimulated('name the chain: POSTROUTING');
      if (parsed.target !== 'MASQUERADE')
        return notSimulated('only -j MASQUERADE is simulated in POSTROUTING');
      const rule = masquerade(parsed);
      if ('exit' in rule) return rule;
      if (parsed.action === 'D') {
        const at = ns.nat.findIndex((r) => r.text === rule.text);
        if (at < 0) return fail('iptables: Bad rule (does a matching rule exist in that chain?).', 1);
        ns.nat.splice(at, 1);
      } else if (parsed.action === 'I') ns.nat.unshift(rule);
      else ns.nat.push(rule);
      return ok();
    }
    default:
      return notSimulated('give an action: -A, -D, -S or -F');
  }
}

function masquerade(p: IptablesArgs): MasqueradeRule | CommandOutcome {
  let source;
  if (p.source !== undefined) {
    const s = parsePrefix(p.source);
    if (!s) return notSimulated(`iptables -s takes an IPv4 address or CIDR here ("${p.source}")`);
    source = { ip: networkOf(s.ip, s.prefix), prefix: s.prefix };
  }
  const parts = ['-A POSTROUTING'];
  if (source) parts.push(`-s ${formatAddress(source)}`);
  if (p.outIface !== undefined) parts.push(`${p.outNegated ? '! ' : ''}-o ${p.outIface}`);
  parts.push('-j MASQUERADE');
  return {
    ...(source ? { source } : {}),
    ...(p.outIface !== undefined ? { outIface: p.outIface } : {}),
    outNegated: p.outNegated,
    text: parts.join(' '),
  };
}

const SERVICES: Record<number, string> = {
  22: 'ssh',
  53: 'domain',
  80: 'http',
  443: 'https',
  8080: 'http-alt',
};

/** `nc -l [-p] PORT` starts a listener; `nc -z [-v] ADDR PORT` tries to connect. */
export function runNc(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => a.slice(1).split('')));
  const words = args.filter((a) => !a.startsWith('-'));
  for (const f of flags)
    if (!'lpzvkn'.includes(f))
      return notSimulated(`nc -${f} is not simulated; the console takes nc -l PORT and nc -z [-v] ADDR PORT`);
  const ns = namespaceOf(world, place);
  if (flags.has('l')) {
    const port = Number(words[words.length - 1]);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return notSimulated('nc -l takes a port from 1 to 65535');
    if (ns.listeners.some((l) => l.port === port)) return fail('nc: Address already in use', 1);
    ns.listeners.push({ port });
    return ok();
  }
  if (!flags.has('z') || words.length !== 2)
    return notSimulated('nc -z [-v] ADDR PORT is the form simulated here');
  const [host, portText] = words as [string, string];
  const dst = parseAddress(host);
  const port = Number(portText);
  if (!dst || !/^\d+\.\d+\.\d+\.\d+$/.test(host)) return notSimulated('nc takes an IPv4 address here');
  const verbose = flags.has('v');
  const failed = (why: string): CommandOutcome =>
    verbose
      ? fail(`nc: connect to ${dst} port ${port} (tcp) failed: ${why}`, 1)
      : { output: '', stderr: true, exit: 1 };
  const nat: Parameters<typeof walkPacket>[3]['nat'] = [];
  const there = walkPacket(world, place, { dst }, { reply: false, nat });
  if (there.end.kind === 'unreachable') return failed('Network is unreachable');
  if (there.end.kind !== 'delivered')
    return verbose
      ? fail(`nc: connect to ${dst} port ${port} (tcp) timed out: Operation now in progress`, 1)
      : failed('');
  const { at, src, dst: to } = there.end;
  const back = walkPacket(world, at, { src: to, dst: src }, { reply: true, nat });
  if (back.end.kind !== 'delivered' || !samePlace(back.end.at, place))
    return verbose
      ? fail(`nc: connect to ${dst} port ${port} (tcp) timed out: Operation now in progress`, 1)
      : failed('');
  if (!namespaceOf(world, at).listeners.some((l) => l.port === port)) return failed('Connection refused');
  const text = `Connection to ${dst} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`;
  return verbose ? { output: text, stderr: true, exit: 0 } : ok();
}

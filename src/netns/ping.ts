// `ping [-c N] [-q] [-W S] ADDR`: the request's walk, the reply's walk back, and the text
// iputils ping prints, with its exit status (0 every reply, 1 some missing, 2 could not send).
import { walkPacket, type NatEntry, type Walk } from './forward';
import { parseAddress } from './ipv4';
import type { CommandOutcome, Hop, Place, PingReport, World } from './types';
import { samePlace } from './world';
import { type LocalText } from '../lib/text';

const DEFAULT_COUNT = 4;

export interface PingArgs {
  readonly count: number;
  readonly quiet: boolean;
  readonly target: string;
}

/** Parses ping's arguments; a string is the line to print for what the console does not take. */
export function parsePingArgs(args: readonly string[]): PingArgs | string {
  let count = DEFAULT_COUNT;
  let quiet = false;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const valued = /^-([cWwi])(.*)$/.exec(a);
    if (valued) {
      const value = valued[2] || args[++i];
      if (value === undefined) return `ping: option requires an argument -- '${valued[1]}'`;
      if (valued[1] === 'c') {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100)
          return 'netlab: ping -c takes a whole number from 1 to 100 here';
        count = Number(value);
      }
    } else if (a === '-q') quiet = true;
    else if (a.startsWith('-') && a.length > 1)
      return `netlab: ping ${a} is not simulated; the console's ping takes -c N, -q, -W and -w`;
    else if (target !== undefined) return 'netlab: ping takes one address';
    else target = a;
  }
  if (target === undefined) return 'ping: usage error: Destination address required';
  return { count, quiet, target };
}

/** Forwarding hops on a path: each namespace after the first that sent the packet on. */
function routersOn(hops: readonly Hop[]): number {
  return Math.max(0, hops.length - 2);
}

function reasonOf(walk: Walk): LocalText | undefined {
  return walk.end.kind === 'dropped' ? walk.end.reason : undefined;
}

/** Runs the ping; the world does not change (conntrack entries live only for this command). */
export function runPing(world: World, from: Place, args: readonly string[]): CommandOutcome {
  const parsed = parsePingArgs(args);
  if (typeof parsed === 'string') return { output: `${parsed}\n`, stderr: true, exit: 2 };
  const dst = parseAddress(parsed.target);
  if (!dst || !/^\d+\.\d+\.\d+\.\d+$/.test(parsed.target)) {
    const text = `ping: ${parsed.target}: Name or service not known\n`;
    return { output: text, stderr: true, exit: 2 };
  }
  const nat: NatEntry[] = [];
  const request = walkPacket(world, from, { dst }, { reply: false, nat });
  if (request.end.kind === 'unreachable') {
    const report: PingReport = {
      from,
      to: dst,
      ok: false,
      request: [],
      reply: [],
      reason: {
        en: `no route to ${dst}: the sender's routing table has no entry for it`,
        ko: `${dst}에 맞는 경로가 보내는 쪽 라우팅 테이블에 없습니다`,
      },
    };
    return { output: 'connect: Network is unreachable\n', stderr: true, exit: 2, ping: report };
  }
  let reply: Walk | undefined;
  let icmp: { from: string; text: string } | undefined;
  if (request.end.kind === 'delivered') {
    const { at, src, dst: to } = request.end;
    reply = walkPacket(world, at, { src: to, dst: src }, { reply: true, nat });
  } else if (request.end.icmp) {
    // A router's ICMP error counts only if it finds its way back to the sender.
    const { icmp: err, at } = request.end;
    const back = samePlace(at, from)
      ? undefined
      : walkPacket(world, at, { src: err.from, dst: err.to }, { reply: true, nat });
    if (samePlace(at, from) || (back?.end.kind === 'delivered' && samePlace(back.end.at, from))) icmp = err;
  }
  const ok = reply?.end.kind === 'delivered' && samePlace(reply.end.at, from);
  const reason = ok ? undefined : (reasonOf(reply ?? request) ?? lostReply(reply));
  const report: PingReport = {
    from,
    to: dst,
    ok,
    request: request.hops,
    reply: reply?.hops ?? [],
    ...(reason ? { reason } : {}),
  };
  const ttl = 64 - (reply ? routersOn(reply.hops) : 0);
  return {
    output: pingText(dst, parsed, ok, ttl, icmp),
    stderr: false,
    exit: ok ? 0 : 1,
    ping: report,
  };
}

function lostReply(reply: Walk | undefined): LocalText | undefined {
  if (!reply || reply.end.kind !== 'delivered') return undefined;
  return {
    en: 'the reply reached another namespace, not the sender',
    ko: '응답이 보낸 쪽이 아닌 다른 네임스페이스에 도착했습니다',
  };
}

/** Simulated round-trip times: steady and small, longer with each hop. */
function rttOf(seq: number, ttl: number): number {
  return 0.04 + (64 - ttl) * 0.02 + ((seq * 7) % 5) * 0.003;
}

function pingText(
  dst: string,
  args: PingArgs,
  ok: boolean,
  ttl: number,
  icmp: { from: string; text: string } | undefined,
): string {
  const lines = [`PING ${dst} (${dst}) 56(84) bytes of data.`];
  const times: number[] = [];
  for (let seq = 1; seq <= args.count; seq++) {
    if (ok) {
      const t = rttOf(seq, ttl);
      times.push(t);
      if (!args.quiet) lines.push(`64 bytes from ${dst}: icmp_seq=${seq} ttl=${ttl} time=${t.toFixed(3)} ms`);
    } else if (icmp && !args.quiet) lines.push(`From ${icmp.from} icmp_seq=${seq} ${icmp.text}`);
  }
  const received = times.length;
  const loss = Math.round(((args.count - received) / args.count) * 100);
  const errors = !ok && icmp ? `+${args.count} errors, ` : '';
  const elapsed = (args.count - 1) * 1000 + (args.count > 1 ? args.count : 0);
  lines.push(
    '',
    `--- ${dst} ping statistics ---`,
    `${args.count} packets transmitted, ${received} received, ${errors}${loss}% packet loss, time ${elapsed}ms`,
  );
  if (received > 0) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / received);
    lines.push(`rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join('/')} ms`);
  }
  return `${lines.join('\n')}\n`;
}

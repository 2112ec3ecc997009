// The by-hand lab's state: hosts and the log of what was typed on each, in order. Everything
// shown (the world, every output) is the simulator replaying this log; saving, sharing and start
// states are just logs.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { runSession, scriptCommands, type CommandResult, type SessionCommand, type World } from '../../netns';

export interface ConsoleEntry {
  readonly host: string;
  /** What was typed (a here-document makes it several lines). */
  readonly text: string;
}

export interface ConsoleState {
  readonly hosts: readonly string[];
  readonly log: readonly ConsoleEntry[];
}

export interface ConsoleRun {
  readonly world: World;
  /** Results per log entry (a comment gives none). */
  readonly byEntry: readonly (readonly CommandResult[])[];
}

export function runConsole(state: ConsoleState): ConsoleRun {
  const commands: SessionCommand[] = state.log.flatMap((e, i) =>
    scriptCommands(e.host, e.text).map((c) => ({ ...c, line: i + 1 })),
  );
  const { world, results } = runSession(state.hosts, commands);
  const byEntry: CommandResult[][] = state.log.map(() => []);
  for (const r of results) byEntry[r.line - 1]?.push(r);
  return { world, byEntry };
}

const lines = (host: string, text: string): ConsoleEntry[] =>
  text
    .trim()
    .split('\n')
    .map((t) => ({ host, text: t.trim() }));

export const START_STATES = {
  empty: { hosts: ['node01'], log: [] },
  'two-hosts': {
    hosts: ['node01', 'node02'],
    log: [
      { host: 'node01', text: 'ip addr add 192.168.1.11/24 dev eth0' },
      { host: 'node02', text: 'ip addr add 192.168.1.12/24 dev eth0' },
    ],
  },
  'notes-midway': {
    hosts: ['node01'],
    log: lines(
      'node01',
      `ip addr add 192.168.1.11/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0
ip netns add red
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip -n red addr add 10.244.1.2/24 dev veth-red
ip -n red link set veth-red up
ip link set veth-red-br up
ip netns add blue`,
    ),
  },
} as const satisfies Record<string, ConsoleState>;

export type StartName = keyof typeof START_STATES;

const HOST = /^[a-z][a-z0-9-]{0,30}$/;
const MAX_ENTRIES = 2000;
const MAX_TEXT = 20_000;

/** A saved or shared state, or null when it is not one (never trust what a link carries). */
export function validateConsoleState(value: unknown): ConsoleState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { hosts?: unknown; log?: unknown };
  if (!Array.isArray(v.hosts) || !Array.isArray(v.log)) return null;
  if (v.hosts.length < 1 || v.hosts.length > 4 || v.log.length > MAX_ENTRIES) return null;
  if (!v.hosts.every((h) => typeof h === 'string' && HOST.test(h))) return null;
  if (new Set(v.hosts).size !== v.hosts.length) return null;
  const hosts = v.hosts as string[];
  const log: ConsoleEntry[] = [];
  for (const e of v.log) {
    if (typeof e !== 'object' || e === null) return null;
    const { host, text } = e as { host?: unknown; text?: unknown };
    if (
      typeof host !== 'string' ||
      !hosts.includes(host) ||
      typeof text !== 'string' ||
      text.length > MAX_TEXT
    )
      return null;
    log.push({ host, text });
  }
  return { hosts, log };
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The state as a URL-safe word for share links. */
export function encodeConsoleState(state: ConsoleState): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(state))));
}

export function decodeConsoleState(text: string): ConsoleState | null {
  try {
    if (text.length > 200_000 || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
    return validateConsoleState(JSON.parse(strFromU8(inflateSync(fromBase64Url(text)))));
  } catch {
    return null;
  }
}

/** Control characters shown as \xNN: a typed or shared command cannot drive the display. */
export function escapeControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const control = (c < 32 && c !== 10 && c !== 9) || (c >= 127 && c < 160);
    out += control ? `\\x${c.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}

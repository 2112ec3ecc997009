// Tab completion for the console: command words by position, then the names that exist in the
// world (namespaces after `-n`/`netns`, devices elsewhere), as a shell with bash-completion does.
import { ROOT_NS, linksIn, type World } from '../../netns';

const COMMANDS = ['ip', 'ping', 'sysctl', 'iptables', 'nc', 'cat', 'sh', 'echo', 'clear'];
const IP_OBJECTS = ['link', 'addr', 'route', 'netns', '-n', '-br'];
const SUB: Record<string, readonly string[]> = {
  link: ['add', 'set', 'del', 'show'],
  addr: ['add', 'del', 'show', 'flush'],
  route: ['add', 'del', 'get', 'show', 'replace'],
  netns: ['add', 'del', 'list', 'exec'],
};
const KEYWORDS = [
  'up',
  'down',
  'master',
  'nomaster',
  'netns',
  'type',
  'bridge',
  'veth',
  'dummy',
  'peer',
  'name',
  'dev',
  'via',
  'default',
];

export interface Completion {
  /** The new input line. */
  readonly line: string;
  /** Candidates to show when several fit. */
  readonly options: readonly string[];
}

function namespacesOf(world: World, host: string): string[] {
  return world.namespaces.filter((n) => n.host === host && n.name !== ROOT_NS).map((n) => n.name);
}

function candidates(world: World, host: string, words: readonly string[]): readonly string[] {
  let w = [...words];
  let ns = ROOT_NS;
  while (w[0] === 'ip' && w[1] === 'netns' && w[2] === 'exec' && w.length > 4) {
    ns = w[3]!;
    w = w.slice(4);
  }
  if (w.length === 1) return COMMANDS;
  const prev = w[w.length - 2]!;
  if (w[0] === 'ip' && w[1] === 'netns')
    return w.length === 3 ? (SUB['netns'] ?? []) : namespacesOf(world, host);
  if (prev === '-n' || prev === 'netns') return namespacesOf(world, host);
  if (w[0] !== 'ip') return [];
  const nIndex = w.indexOf('-n');
  if (nIndex > 0 && w[nIndex + 1]) ns = w[nIndex + 1]!;
  const rest = w.slice(1).filter((x, i, all) => x !== '-n' && all[i - 1] !== '-n' && x !== '-br');
  if (rest.length === 1) return IP_OBJECTS.slice(0, 4);
  const object = ['link', 'addr', 'route', 'netns'].find((o) => o.startsWith(rest[0] ?? '\0'));
  if (rest.length === 2 && object) return SUB[object] ?? [];
  const devices = linksIn(world, { host, ns }).map((l) => l.name);
  return [...devices, ...KEYWORDS];
}

/** Completes the last word of `line` typed on `host`. */
export function complete(world: World, host: string, line: string): Completion {
  const words = line.split(/\s+/);
  if (words[0] === '') words.shift();
  if (words.length === 0) words.push('');
  const last = words[words.length - 1]!;
  const fits = [...new Set(candidates(world, host, words))].filter((c) => c.startsWith(last)).sort();
  if (fits.length === 0) return { line, options: [] };
  let common = fits[0]!;
  for (const f of fits) while (!f.startsWith(common)) common = common.slice(0, -1);
  const head = line.slice(0, line.length - last.length);
  if (fits.length === 1) return { line: `${head}${fits[0]} `, options: [] };
  return { line: `${head}${common}`, options: fits };
}

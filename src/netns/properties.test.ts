// Rules that hold for every script: replaying gives the same world and answers, no input makes
// the simulator throw, and adding then deleting an address leaves the world as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSession, type SessionCommand } from './session';

const NS = ['red', 'blue'];
const LINKS = ['a', 'b', 'br0', 'd0', 'eth0'];
const ADDRS = ['10.0.0.1/24', '10.0.0.2/24', '10.0.1.1/24', '192.168.1.11/24'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const commandText: fc.Arbitrary<string> = fc.oneof(
  pick(NS).map((n) => `ip netns add ${n}`),
  pick(NS).map((n) => `ip netns del ${n}`),
  fc.tuple(pick(LINKS), pick(['bridge', 'dummy'])).map(([l, t]) => `ip link add ${l} type ${t}`),
  fc.tuple(pick(LINKS), pick(LINKS)).map(([l, p]) => `ip link add ${l} type veth peer name ${p}`),
  fc
    .tuple(
      pick(['', '-n red ', '-n blue ']),
      pick(LINKS),
      pick(['up', 'down', 'nomaster', 'master br0', 'netns red', 'netns blue']),
    )
    .map(([n, l, op]) => `ip ${n}link set ${l} ${op}`),
  fc
    .tuple(pick(['', '-n red ']), pick(['add', 'del']), pick(ADDRS), pick(LINKS))
    .map(([n, op, a, l]) => `ip ${n}addr ${op} ${a} dev ${l}`),
  fc
    .tuple(
      pick(['', '-n red ']),
      pick(['10.9.0.0/16', 'default']),
      pick(['via 10.0.0.2', 'via 192.168.1.12', 'dev d0', 'dev a']),
    )
    .map(([n, d, how]) => `ip ${n}route add ${d} ${how}`),
  pick(LINKS).map((l) => `ip link del ${l}`),
  pick(['0', '1']).map((v) => `sysctl -w net.ipv4.ip_forward=${v}`),
  fc
    .tuple(
      pick(['', 'ip netns exec red ', 'ip netns exec blue ']),
      pick(['10.0.0.1', '10.0.0.2', '192.168.1.12', '127.0.0.1']),
    )
    .map(([n, a]) => `${n}ping -c 1 ${a}`),
  pick([
    'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE',
    'ip -br addr',
    'ip route',
    'ip -n red route',
  ]),
);

const session = fc
  .array(fc.tuple(pick(['node01', 'node02']), commandText), { maxLength: 40 })
  .map((cmds) => cmds.map(([host, text], i): SessionCommand => ({ host, line: i + 1, text })));

const HOSTS = ['node01', 'node02'];

describe('simulator properties', () => {
  it('replaying a session gives the same world and the same answers', () => {
    fc.assert(
      fc.property(session, (cmds) => {
        const a = runSession(HOSTS, cmds);
        const b = runSession(HOSTS, cmds);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it('every command gets an answer with an exit status, whatever is typed', () => {
    const mangled = fc
      .tuple(commandText, pick([' "', "'", ' $X ', ' > ', ' \\', '  ']))
      .map(([t, sep]) => t.replace(' ', sep));
    const anyLine = fc.oneof(fc.string({ maxLength: 60 }), mangled);
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 20 }), (lines) => {
        const cmds = lines.map((text, i): SessionCommand => ({ host: 'node01', line: i + 1, text }));
        const run = runSession(HOSTS, cmds);
        for (const r of run.results) {
          expect(Number.isInteger(r.exit)).toBe(true);
          expect(r.exit).toBeGreaterThanOrEqual(0);
          expect(r.exit).toBeLessThanOrEqual(255);
          expect(typeof r.output).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a second address to a link and deleting it leaves the world as it was', () => {
    const setup: SessionCommand[] = [
      { host: 'node01', line: 1, text: 'ip link add d9 type dummy' },
      { host: 'node01', line: 2, text: 'ip addr add 10.5.5.5/24 dev d9' },
    ];
    fc.assert(
      fc.property(session, pick(['10.7.7.7/24', '172.16.0.1/16', '10.5.5.6/24']), (cmds, extra) => {
        const base = [...setup, ...cmds];
        const before = runSession(HOSTS, base);
        const after = runSession(HOSTS, [
          ...base,
          { host: 'node01', line: 900, text: `ip addr add ${extra} dev d9` },
          { host: 'node01', line: 901, text: `ip addr del ${extra} dev d9` },
        ]);
        expect(after.results.slice(-2).map((r) => r.exit)).toEqual([0, 0]);
        expect(JSON.stringify(after.world)).toBe(JSON.stringify(before.world));
      }),
      { numRuns: 200 },
    );
  });

  it('a ping never changes the world', () => {
    fc.assert(
      fc.property(session, pick(['10.0.0.1', '10.0.0.2', '192.168.1.12']), (cmds, dst) => {
        const before = runSession(HOSTS, cmds);
        const after = runSession(HOSTS, [...cmds, { host: 'node01', line: 999, text: `ping -c 1 ${dst}` }]);
        expect(JSON.stringify(after.world)).toBe(JSON.stringify(before.world));
      }),
      { numRuns: 100 },
    );
  });
});

// `netlab shell` as a person or a script runs it: a real process, real script files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netlab } from '../testing/run-netlab';
import { NODE01_RED, NODE02_BLUE } from '../netns/test-helpers';

function scripts(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-shell-'));
  return Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

const NODE01 = `${NODE01_RED}
ip route add 10.244.2.0/24 via 192.168.1.12
sysctl -w net.ipv4.ip_forward=1
`;
const NODE02 = `${NODE02_BLUE}
sysctl -w net.ipv4.ip_forward=1
ip route add 10.244.1.0/24 via 192.168.1.11
# the pods of both nodes reach each other
ip netns exec blue ping -c 2 10.244.1.2
`;

describe('netlab shell --json (the public contract)', { timeout: 30_000 }, () => {
  it('one result per command, keys in contract order, hosts named by the file, state shared', () => {
    const r = netlab(['shell', ...scripts({ 'node01.sh': NODE01, 'node02.sh': NODE02 }), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['results']);
    expect(out.results).toHaveLength(15 + 16);
    expect(Object.keys(out.results[0])).toEqual(['host', 'line', 'command', 'exit', 'output']);
    expect(out.results[0]).toEqual({
      host: 'node01',
      line: 2,
      command: 'ip addr add 192.168.1.11/24 dev eth0',
      exit: 0,
      output: '',
    });
    const ping = out.results[out.results.length - 1];
    expect(ping).toMatchObject({
      host: 'node02',
      line: 19,
      command: 'ip netns exec blue ping -c 2 10.244.1.2',
      exit: 0,
    });
    expect(ping.output).toContain('2 packets transmitted, 2 received, 0% packet loss');
  });

  it("exit statuses are the real commands', and the CLI exits 1 when any is not 0", () => {
    const [file] = scripts({
      'host.sh':
        'ip link set veth-red up\nip link add v-net-0 type bridge\nip link add v-net-0 type bridge\nip -n blue link\nping -c 1 10.9.9.9\n',
    });
    const r = netlab(['shell', file!, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { exit: number }) => x.exit)).toEqual([1, 0, 2, 255, 2]);
    expect(out.results.map((x: { output: string }) => x.output)).toEqual([
      'Cannot find device "veth-red"\n',
      '',
      'RTNETLINK answers: File exists\n',
      'Cannot open network namespace "blue": No such file or directory\n',
      'connect: Network is unreachable\n',
    ]);
  });
});

describe('netlab shell (text)', { timeout: 30_000 }, () => {
  it('prints what the commands print; errors and the reason a ping failed go to stderr', () => {
    const node02 = NODE02.replace('ip route add 10.244.1.0/24 via 192.168.1.11\n', '');
    const [n1, n2] = scripts({ 'node01.sh': NODE01, 'node02.sh': `${node02}ip link set veth-red up\n` });
    const r = netlab(['shell', n1!, n2!]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'net.ipv4.ip_forward = 1\nnet.ipv4.ip_forward = 1\n' +
        'PING 10.244.1.2 (10.244.1.2) 56(84) bytes of data.\n' +
        'From 10.244.2.1 icmp_seq=1 Destination Net Unreachable\n' +
        'From 10.244.2.1 icmp_seq=2 Destination Net Unreachable\n\n' +
        '--- 10.244.1.2 ping statistics ---\n' +
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1002ms\n',
    );
    expect(r.stderr).toBe(
      `${n2}:18: ping: no route to 10.244.1.2 in host node02\nCannot find device "veth-red"\n`,
    );
  });

  it('--lang ko explains in Korean', () => {
    const [file] = scripts({
      'solo.sh':
        'ip netns add red\nip netns exec red ping -c 1 127.0.0.1\nip netns add blue\nip link add a type veth peer name b\nip link set a netns red\nip link set b netns blue\nip -n red addr add 10.0.0.1/24 dev a\nip -n red link set a up\nip netns exec red ping -c 1 10.0.0.2\n',
    });
    const r = netlab(['shell', file!, '--lang', 'ko']);
    expect(r.stderr).toContain(':9: ping: b 링크가 down 상태입니다\n');
  });

  it('control characters in a script are escaped on the terminal', () => {
    const [file] = scripts({ 'evil.sh': 'ip link set "x\u001b[2Jy" up\n' });
    const r = netlab(['shell', file!]);
    expect(r.stderr).toBe('Cannot find device "x\\x1b[2Jy"\n');
  });

  it('bad usage exits 2: no script, a missing file, two scripts for one host, a foreign option', () => {
    const [a] = scripts({ 'node01.sh': 'ip link\n' });
    const [b] = scripts({ 'node01.txt': 'ip link\n' });
    for (const args of [
      ['shell'],
      ['shell', '/no/such/node01.sh'],
      ['shell', a!, b!],
      ['shell', a!, '--port', '80'],
    ]) {
      const r = netlab(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^netlab: /);
    }
  }, 30_000);
});

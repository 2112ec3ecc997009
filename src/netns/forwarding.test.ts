// ping succeeds or fails exactly when a Linux host wired the same way would, and says why.
import { describe, expect, it } from 'vitest';
import { NODE01_RED, NODE02_BLUE, atLine, last, runHosts } from './test-helpers';
import type { CommandResult } from './session';

function pingResult(r: CommandResult): { exit: number; why?: string } {
  return { exit: r.exit, ...(r.ping?.reason ? { why: r.ping.reason.en } : {}) };
}

describe('one host', () => {
  it('two namespaces joined by one veth cable reach each other once both ends are up', () => {
    const script = `
      ip netns add red
      ip netns add blue
      ip link add veth-red type veth peer name veth-blue
      ip link set veth-red netns red
      ip link set veth-blue netns blue
      ip -n red addr add 192.168.15.1/24 dev veth-red
      ip -n blue addr add 192.168.15.2/24 dev veth-blue
      ip -n red link set veth-red up
      ip netns exec red ping -c 1 192.168.15.2
      ip -n blue link set veth-blue up
      ip netns exec red ping -c 3 192.168.15.2
      ip netns exec blue ping -c 1 192.168.15.1
    `;
    const run = runHosts({ node01: script });
    expect(pingResult(atLine(run, 'node01', 10))).toEqual({ exit: 1, why: 'veth-blue is down' });
    const ok = atLine(run, 'node01', 12);
    expect(ok.exit).toBe(0);
    expect(ok.output).toMatch(
      /^PING 192\.168\.15\.2 \(192\.168\.15\.2\) 56\(84\) bytes of data\.\n64 bytes from 192\.168\.15\.2: icmp_seq=1 ttl=64 time=\d\.\d{3} ms\n/,
    );
    expect(ok.output).toContain(
      '\n--- 192.168.15.2 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss',
    );
    expect(ok.ping?.request.map((h) => h.ns)).toEqual(['red', 'blue']);
    expect(atLine(run, 'node01', 13).exit).toBe(0);
  });

  it('pinging the namespace own address needs lo up; lo up then down gives no reply', () => {
    const run = runHosts({
      node01: `ip netns add red
ip link add veth-red type veth peer name veth-br
ip link set veth-red netns red
ip -n red addr add 10.0.0.1/24 dev veth-red
ip -n red link set veth-red up
ip netns exec red ping -c 1 10.0.0.1
ip -n red link set lo up
ip netns exec red ping -c 1 10.0.0.1
ip -n red link set lo down
ip netns exec red ping -c 1 127.0.0.1`,
    });
    expect(atLine(run, 'node01', 6).exit).toBe(1);
    expect(atLine(run, 'node01', 6).ping?.reason?.en).toMatch(/^lo is down in namespace red/);
    expect(atLine(run, 'node01', 8).exit).toBe(0);
    expect(atLine(run, 'node01', 10)).toMatchObject({ exit: 1, stderr: false });
  });

  const bridgeOfThree = `
    ip link add v-net-0 type bridge
    ip link set dev v-net-0 up
    ${['red', 'blue', 'green']
      .map(
        (ns, i) => `
    ip netns add ${ns}
    ip link add veth-${ns} type veth peer name veth-${ns}-br
    ip link set veth-${ns} netns ${ns}
    ip link set veth-${ns}-br master v-net-0
    ip -n ${ns} addr add 192.168.15.${i + 1}/24 dev veth-${ns}
    ip -n ${ns} link set veth-${ns} up
    ip link set veth-${ns}-br up`,
      )
      .join('\n')}
  `;

  it('a bridge joins three namespaces: every pair reaches the other', () => {
    const pings = ['red', 'blue', 'green'].flatMap((from) =>
      [1, 2, 3].map((n) => `ip netns exec ${from} ping -c 1 192.168.15.${n}`),
    );
    const run = runHosts({
      node01: `${bridgeOfThree}\n${['red', 'blue', 'green'].map((n) => `ip -n ${n} link set lo up`).join('\n')}\n${pings.join('\n')}`,
    });
    const results = run.results.filter((r) => r.command.includes(' ping '));
    expect(results).toHaveLength(9);
    for (const r of results) expect(r.exit, r.command).toBe(0);
    const crossing = results.find((r) => r.command === 'ip netns exec red ping -c 1 192.168.15.3')!;
    expect(crossing.ping?.request[0]).toMatchObject({ ns: 'red', outIface: 'veth-red', via: ['v-net-0'] });
  });

  it('a bridge port that is down cuts its namespace off, and the reason names it', () => {
    const r = last(
      `${bridgeOfThree}\nip link set veth-green-br down\nip netns exec red ping -c 1 192.168.15.3`,
    );
    expect(pingResult(r)).toEqual({ exit: 1, why: 'veth-green-br is down' });
    expect(r.output).toContain('From 192.168.15.1 icmp_seq=1 Destination Host Unreachable');
  });

  it('the host reaches its namespaces only once the bridge has an address', () => {
    const before = last(`${bridgeOfThree}\nping -c 1 192.168.15.2`);
    expect(before).toMatchObject({ exit: 2, output: 'connect: Network is unreachable\n' });
    const after = last(`${bridgeOfThree}\nip addr add 192.168.15.5/24 dev v-net-0\nping -c 1 192.168.15.2`);
    expect(after.exit).toBe(0);
  });

  it('a namespace without a route to the host network cannot reach it; with one it can', () => {
    const base = `${bridgeOfThree}\nip addr add 192.168.15.5/24 dev v-net-0\nip addr add 192.168.1.2/24 dev eth0`;
    expect(pingResult(last(`${base}\nip netns exec blue ping -c 1 192.168.1.2`))).toEqual({
      exit: 2,
      why: "no route to 192.168.1.2: the sender's routing table has no entry for it",
    });
    // The host answers for its own eth0 address even without ip_forward.
    expect(
      last(
        `${base}\nip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5\nip netns exec blue ping -c 1 192.168.1.2`,
      ).exit,
    ).toBe(0);
  });
});

describe('two hosts on a LAN', () => {
  const routed = {
    node01: `${NODE01_RED}\nip route add 10.244.2.0/24 via 192.168.1.12\nsysctl -w net.ipv4.ip_forward=1`,
    node02: `${NODE02_BLUE}\nsysctl -w net.ipv4.ip_forward=1`,
  };

  it("with node01 missing the route to node02's pods, node02 itself reaches red but blue does not", () => {
    const node01 = `${NODE01_RED}\nsysctl -w net.ipv4.ip_forward=1`;
    const node02 = `${routed.node02}\nip route add 10.244.1.0/24 via 192.168.1.11\nping -c 1 10.244.1.2\nip netns exec blue ping -c 1 10.244.1.2`;
    const run = runHosts({ node01, node02 });
    const [host, pod] = run.results.slice(-2) as [CommandResult, CommandResult];
    expect(host.command).toBe('ping -c 1 10.244.1.2');
    expect(host.exit).toBe(0);
    expect(pingResult(pod)).toEqual({ exit: 1, why: 'no route to 10.244.2.2 in host node01' });
  });

  it('routes both ways and ip_forward on both nodes: pod to pod works, TTL drops by two', () => {
    const run = runHosts(routed, [
      ['node01', routed.node01],
      [
        'node02',
        `${routed.node02}\nip route add 10.244.1.0/24 via 192.168.1.11\nip netns exec blue ping -c 1 10.244.1.2`,
      ],
    ]);
    const r = run.results[run.results.length - 1]!;
    expect(r.exit).toBe(0);
    expect(r.output).toContain('64 bytes from 10.244.1.2: icmp_seq=1 ttl=62 ');
    expect(r.ping?.request.map((h) => `${h.host}/${h.ns}`)).toEqual([
      'node02/blue',
      'node02/',
      'node01/',
      'node01/red',
    ]);
  });

  it('the reply needs a route back: node01 pods reach node02, the answers get lost', () => {
    const run = runHosts(routed, [
      ['node02', routed.node02],
      ['node01', `${routed.node01}\nip netns exec red ping -c 1 10.244.2.2`],
    ]);
    const r = run.results[run.results.length - 1]!;
    expect(pingResult(r)).toEqual({ exit: 1, why: 'no route to 10.244.1.2 in host node02' });
  });

  it('a node that does not forward stops the request, but answers for its own bridge address', () => {
    const node02 = NODE02_BLUE;
    const run = runHosts(routed, [
      ['node02', `${node02}\nip route add 10.244.1.0/24 via 192.168.1.11`],
      [
        'node01',
        `${routed.node01}\nip netns exec red ping -c 1 10.244.2.2\nip netns exec red ping -c 1 10.244.2.1`,
      ],
    ]);
    const [pod, bridge] = run.results.slice(-2) as [CommandResult, CommandResult];
    expect(pingResult(pod)).toEqual({ exit: 1, why: 'host node02 does not forward: ip_forward is 0' });
    expect(bridge.exit).toBe(0);
  });

  it('MASQUERADE lets a pod reach the other node without a route back to the pod network', () => {
    const node01 = `${NODE01_RED}\nsysctl -w net.ipv4.ip_forward=1`;
    const node02 = 'ip addr add 192.168.1.12/24 dev eth0';
    const without = runHosts({ node01, node02 }, [
      ['node02', node02],
      ['node01', `${node01}\nip netns exec red ping -c 1 192.168.1.12`],
    ]);
    expect(pingResult(without.results[without.results.length - 1]!)).toEqual({
      exit: 1,
      why: 'no route back from host node02 to 10.244.1.2',
    });
    const masq = runHosts({ node01, node02 }, [
      ['node02', node02],
      [
        'node01',
        `${node01}\niptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o v-net-0 -j MASQUERADE\nip netns exec red ping -c 1 192.168.1.12`,
      ],
    ]);
    const r = masq.results[masq.results.length - 1]!;
    expect(r.exit).toBe(0);
    expect(r.ping?.request[1]).toMatchObject({
      host: 'node01',
      ns: '',
      outIface: 'eth0',
      snat: '192.168.1.11',
    });
  });

  it('a router with no route sends Destination Net Unreachable back to the sender', () => {
    const run = runHosts({
      node01: `${NODE01_RED}\nsysctl -w net.ipv4.ip_forward=1\nip netns exec red ping -c 2 10.9.9.9`,
    });
    const r = run.results[run.results.length - 1]!;
    expect(r.output).toContain(
      'From 10.244.1.1 icmp_seq=1 Destination Net Unreachable\nFrom 10.244.1.1 icmp_seq=2 Destination Net Unreachable\n',
    );
    expect(r.output).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
    expect(pingResult(r)).toEqual({ exit: 1, why: 'no route to 10.9.9.9 in host node01' });
  });
});

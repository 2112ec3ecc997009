// Every command's answer in the cases that surprise people: the exact text iproute2, ping,
// sysctl and iptables print, and the exit status the real command gives.
import { describe, expect, it } from 'vitest';
import { last, runHosts, atLine } from './test-helpers';

interface Case {
  readonly name: string;
  readonly script: string;
  readonly output: string;
  readonly exit: number;
}

const ERRORS: Case[] = [
  {
    name: 'ip link add of a name that exists',
    script: 'ip link add v-net-0 type bridge\nip link add v-net-0 type bridge',
    output: 'RTNETLINK answers: File exists\n',
    exit: 2,
  },
  {
    name: 'a veth whose peer name exists',
    script: 'ip link add br0 type bridge\nip link add veth-a type veth peer name br0',
    output: 'RTNETLINK answers: File exists\n',
    exit: 2,
  },
  {
    name: 'the same address added twice',
    script: 'ip link add d0 type dummy\nip addr add 10.0.0.1/24 dev d0\nip addr add 10.0.0.1/24 dev d0',
    output: 'Error: ipv4: Address already assigned.\n',
    exit: 2,
  },
  {
    name: 'a device that does not exist',
    script: 'ip link set veth-red up',
    output: 'Cannot find device "veth-red"\n',
    exit: 1,
  },
  {
    name: 'an address on a device that does not exist',
    script: 'ip addr add 10.0.0.1/24 dev veth-red',
    output: 'Cannot find device "veth-red"\n',
    exit: 1,
  },
  {
    name: 'a master that does not exist (iproute2 adds an empty line)',
    script: 'ip link add veth-a type veth peer name veth-b\nip link set veth-a master v-net-0',
    output: 'Error: argument "v-net-0" is wrong: Device does not exist\n\n',
    exit: 255,
  },
  {
    name: 'a master that does not exist, checked before the device',
    script: 'ip link set nothing master v-net-0',
    output: 'Error: argument "v-net-0" is wrong: Device does not exist\n\n',
    exit: 255,
  },
  {
    name: 'netns that does not exist in ip link set',
    script: 'ip link add veth-a type veth peer name veth-b\nip link set veth-a netns blue',
    output: 'Error: argument "blue" is wrong: Invalid "netns" value\n\n',
    exit: 255,
  },
  {
    name: 'ip -n with a missing namespace',
    script: 'ip -n blue link',
    output: 'Cannot open network namespace "blue": No such file or directory\n',
    exit: 255,
  },
  {
    name: 'ip netns exec with a missing namespace',
    script: 'ip netns exec blue ip link',
    output: 'Cannot open network namespace "blue": No such file or directory\n',
    exit: 255,
  },
  {
    name: 'ip netns add twice',
    script: 'ip netns add red\nip netns add red',
    output: 'Cannot create namespace file "/run/netns/red": File exists\n',
    exit: 1,
  },
  {
    name: 'ip netns del of a missing namespace',
    script: 'ip netns del blue',
    output: 'Cannot remove namespace file "/run/netns/blue": No such file or directory\n',
    exit: 1,
  },
  {
    name: 'a gateway on no connected network',
    script: 'ip route add 10.244.2.0/24 via 192.168.1.12',
    output: 'Error: Nexthop has invalid gateway.\n',
    exit: 2,
  },
  {
    name: 'a gateway whose network is on a link that is down',
    script:
      'ip link add d0 type dummy\nip addr add 10.0.0.1/24 dev d0\nip route add 10.9.0.0/16 via 10.0.0.2',
    output: 'Error: Nexthop has invalid gateway.\n',
    exit: 2,
  },
  {
    name: 'deleting a route that does not exist',
    script: 'ip route del 10.244.2.0/24',
    output: 'RTNETLINK answers: No such process\n',
    exit: 2,
  },
  {
    name: 'deleting an address that does not exist',
    script: 'ip addr del 10.0.0.1/24 dev eth0',
    output: 'Error: ipv4: Address not found.\n',
    exit: 2,
  },
  {
    name: 'ip route get with no route',
    script: 'ip route get 10.244.2.2',
    output: 'RTNETLINK answers: Network is unreachable\n',
    exit: 2,
  },
  {
    name: 'ping with no route',
    script: 'ping -c 1 10.244.2.2',
    output: 'connect: Network is unreachable\n',
    exit: 2,
  },
  {
    name: 'ping 127.0.0.1 in a namespace whose lo was never up',
    script: 'ip netns add red\nip netns exec red ping -c 1 127.0.0.1',
    output: 'connect: Network is unreachable\n',
    exit: 2,
  },
  {
    name: 'a link type the kernel does not know',
    script: 'ip link add x0 type foo',
    output: 'Error: Unknown device type.\n',
    exit: 2,
  },
  {
    name: 'ip link add without a type',
    script: 'ip link add x0',
    output: 'Not enough information: "type" argument is required\n',
    exit: 1,
  },
  {
    name: 'a prefix with host bits',
    script: 'ip addr add 192.168.1.11/24 dev eth0\nip route add 10.244.2.2/24 via 192.168.1.12',
    output: 'Error: Invalid prefix for given prefix length.\n',
    exit: 2,
  },
  {
    name: 'a dev route on a link that is down',
    script: 'ip link add d0 type dummy\nip route add 10.9.0.0/16 dev d0',
    output: 'Error: Device for nexthop is not up.\n',
    exit: 2,
  },
  {
    name: 'a route with neither gateway nor device',
    script: 'ip route add 10.9.0.0/16',
    output: 'RTNETLINK answers: No such device\n',
    exit: 2,
  },
  {
    name: 'a route that exists',
    script: 'ip addr add 192.168.1.11/24 dev eth0\nip route add 192.168.1.0/24 dev eth0',
    output: 'RTNETLINK answers: File exists\n',
    exit: 2,
  },
  {
    name: 'a bad address',
    script: 'ip addr add 10.0.0.300/24 dev eth0',
    output: 'Error: any valid prefix is expected rather than "10.0.0.300/24".\n',
    exit: 1,
  },
  {
    name: 'an address without dev',
    script: 'ip addr add 10.0.0.1/24',
    output: 'Not enough information: "dev" argument is required.\n',
    exit: 1,
  },
  {
    name: 'ip addr show of a missing device',
    script: 'ip addr show dev veth-red',
    output: 'Device "veth-red" does not exist.\n',
    exit: 1,
  },
  {
    name: 'an ip object that does not exist',
    script: 'ip foo',
    output: 'Object "foo" is unknown, try "ip help".\n',
    exit: 1,
  },
  {
    name: 'deleting eth0',
    script: 'ip link del eth0',
    output: 'RTNETLINK answers: Operation not supported\n',
    exit: 2,
  },
  {
    name: 'iptables -D of a rule that is not there',
    script: 'iptables -t nat -D POSTROUTING -s 10.244.1.0/24 ! -o v-net-0 -j MASQUERADE',
    output: 'iptables: Bad rule (does a matching rule exist in that chain?).\n',
    exit: 1,
  },
  {
    name: 'a second listener on the same port in one namespace',
    script: 'ip netns add pod\nip netns exec pod nc -l 80 &\nip netns exec pod nc -l -p 80',
    output: 'nc: Address already in use\n',
    exit: 1,
  },
];

describe('error texts and exit statuses', () => {
  it.each(ERRORS)('$name', ({ script, output, exit }) => {
    const r = last(script);
    expect(r.output).toBe(output);
    expect(r.exit).toBe(exit);
    expect(r.stderr).toBe(true);
  });
});

describe('what the console does not simulate gets one honest line', () => {
  it.each([
    ['tcpdump -i eth0', 127],
    ['ip xfrm state', 2],
    ['ip link set eth0 mtu 9000', 2],
    ['ip link add vx0 type vxlan id 42', 2],
    ['ip route add 10.0.0.0/8 via 192.168.1.1 metric 10', 2],
    ['ip addr | grep inet', 2],
    ['sysctl -w net.ipv4.conf.all.rp_filter=0', 2],
    ['iptables -A FORWARD -j ACCEPT', 2],
  ])('%s', (script, exit) => {
    const r = last(script);
    expect(r.exit).toBe(exit);
    expect(r.output.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.output).toMatch(/^netlab: .*not simulated/);
  });
});

describe('output as iproute2 prints it', () => {
  it('ip -br link and ip -br addr pad the name to 16 and the state to 14', () => {
    const run = runHosts({
      node01:
        'ip netns add red\nip link add veth-red type veth peer name veth-red-br\nip link set veth-red netns red\nip -br link\nip -n red -br addr\nip -n red link set lo up\nip -n red -br addr',
    });
    const link = atLine(run, 'node01', 4).output.split('\n');
    expect(link[0]).toBe('lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> ');
    expect(link[2]).toMatch(
      /^veth-red-br@if3  DOWN           ([0-9a-f]{2}:){5}[0-9a-f]{2} <BROADCAST,MULTICAST> $/,
    );
    expect(atLine(run, 'node01', 5).output).toBe(
      'lo               DOWN           \nveth-red@if4     DOWN           \n',
    );
    expect(atLine(run, 'node01', 7).output).toBe(
      'lo               UNKNOWN        127.0.0.1/8 \nveth-red@if4     DOWN           \n',
    );
  });

  it('a link moved into a namespace arrives down, without addresses, and leaves the host', () => {
    const run = runHosts({
      node01:
        'ip link add veth-red type veth peer name veth-red-br\nip addr add 10.0.0.1/24 dev veth-red\nip link set veth-red up\nip netns add red\nip link set veth-red netns red\nip link show veth-red\nip -n red -br addr show veth-red',
    });
    expect(atLine(run, 'node01', 6)).toMatchObject({
      output: 'Device "veth-red" does not exist.\n',
      exit: 1,
    });
    expect(atLine(run, 'node01', 7).output).toBe('veth-red@if4     DOWN           \n');
  });

  it('a veth whose peer is down is LOWERLAYERDOWN with NO-CARRIER, and the peer shows M-DOWN', () => {
    const run = runHosts({ node01: 'ip link add a type veth peer name b\nip link set a up\nip link show a' });
    expect(atLine(run, 'node01', 3).output).toMatch(
      /^3: a@b: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\n$/,
    );
  });

  it('ip route lists connected routes with their source, static ones as given', () => {
    const run = runHosts({
      node01:
        'ip addr add 192.168.1.11/24 dev eth0\nip route add 10.244.2.0/24 via 192.168.1.12\nip route add default via 192.168.1.1\nip route',
    });
    expect(atLine(run, 'node01', 4).output).toBe(
      'default via 192.168.1.1 dev eth0 \n' +
        '10.244.2.0/24 via 192.168.1.12 dev eth0 \n' +
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11 \n',
    );
  });

  it('a connected route on a link without carrier is marked linkdown', () => {
    const r = last(
      'ip link add v-net-0 type bridge\nip link set v-net-0 up\nip addr add 10.244.1.1/24 dev v-net-0\nip route',
    );
    expect(r.output).toBe('10.244.1.0/24 dev v-net-0 proto kernel scope link src 10.244.1.1 linkdown \n');
  });

  it('ip route get shows the gateway, the device and the source', () => {
    const r = last(
      'ip addr add 192.168.1.11/24 dev eth0\nip route add 10.244.2.0/24 via 192.168.1.12\nip route get 10.244.2.2',
    );
    expect(r.output).toBe('10.244.2.2 via 192.168.1.12 dev eth0 src 192.168.1.11 uid 0 \n    cache \n');
  });

  it('ip netns lists the newest first, with an id once a link crosses into it', () => {
    const r = last(
      'ip netns add red\nip netns add blue\nip link add v type veth peer name w\nip link set v netns red\nip netns',
    );
    expect(r.output).toBe('blue\nred (id: 0)\n');
  });

  it('sysctl prints the value it set, iptables -S the rules', () => {
    const run = runHosts({
      node01:
        'sysctl net.ipv4.ip_forward\nsysctl -w net.ipv4.ip_forward=1\niptables -t nat -A POSTROUTING -s 10.244.1.7/24 ! -o v-net-0 -j MASQUERADE\niptables -t nat -S POSTROUTING\necho 0 > /proc/sys/net/ipv4/ip_forward\ncat /proc/sys/net/ipv4/ip_forward',
    });
    expect(atLine(run, 'node01', 1).output).toBe('net.ipv4.ip_forward = 0\n');
    expect(atLine(run, 'node01', 2).output).toBe('net.ipv4.ip_forward = 1\n');
    expect(atLine(run, 'node01', 4).output).toBe(
      '-P POSTROUTING ACCEPT\n-A POSTROUTING -s 10.244.1.0/24 ! -o v-net-0 -j MASQUERADE\n',
    );
    expect(atLine(run, 'node01', 6).output).toBe('0\n');
  });

  it('iproute2 abbreviations: ip a, ip l, ip r, ip -br a', () => {
    const run = runHosts({ node01: 'ip a\nip l\nip r\nip -br a\nip addr\nip link' });
    expect(atLine(run, 'node01', 1).output).toBe(atLine(run, 'node01', 5).output);
    expect(atLine(run, 'node01', 2).output).toBe(atLine(run, 'node01', 6).output);
    expect(atLine(run, 'node01', 3).exit).toBe(0);
    expect(atLine(run, 'node01', 4).output).toContain('127.0.0.1/8');
  });
});

describe('state changes the kernel makes on its own', () => {
  it('setting a link down flushes the routes through it', () => {
    const r = last(
      'ip link add d0 type dummy\nip link set d0 up\nip addr add 10.0.0.1/24 dev d0\nip route add 10.9.0.0/16 via 10.0.0.2\nip link set d0 down\nip link set d0 up\nip route',
    );
    expect(r.output).toBe('10.0.0.0/24 dev d0 proto kernel scope link src 10.0.0.1 \n');
  });

  it('deleting one end of a veth deletes the other', () => {
    const r = last('ip link add a type veth peer name b\nip link del a\nip link show b');
    expect(r).toMatchObject({ output: 'Device "b" does not exist.\n', exit: 1 });
  });

  it('deleting a namespace takes its veth ends and their peers with it', () => {
    const r = last(
      'ip netns add red\nip link add a type veth peer name b\nip link set a netns red\nip netns del red\nip -br link show b',
    );
    expect(r.exit).toBe(1);
  });

  it('lo gets 127.0.0.1/8 the first time it comes up', () => {
    const r = last('ip netns add red\nip -n red link set lo up\nip -n red addr show lo');
    expect(r.output).toContain('    inet 127.0.0.1/8 scope host lo\n');
  });
});

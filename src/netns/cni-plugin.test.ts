// The notes' net-script.sh as a plugin: ADD wires a pod's namespace to the bridge, DEL unwires
// it, and the runtime's inputs arrive as CNI_* variables.
import { describe, expect, it } from 'vitest';
import { parsePlugin } from './cni-plugin';
import { runHosts } from './test-helpers';

const PLUGIN = `cat > net-script.sh <<'EOF'
#!/bin/sh
case "$CNI_COMMAND" in
ADD)
  # Create veth pair
  ip link add veth-$CNI_CONTAINERID type veth peer name tmp-$CNI_CONTAINERID
  # Attach veth pair
  ip link set tmp-$CNI_CONTAINERID netns $CNI_NETNS
  ip -n $CNI_NETNS link set tmp-$CNI_CONTAINERID name $CNI_IFNAME
  ;;
DEL)
  # Delete veth pair
  ip link del veth-$CNI_CONTAINERID
  ;;
esac
EOF`;

const NOTES_PLUGIN = `cat > net-script.sh <<'EOF'
ADD)
# Create veth pair
ip link add veth-$CNI_CONTAINERID type veth peer name $CNI_IFNAME netns $CNI_NETNS
# Attach veth pair
ip link set veth-$CNI_CONTAINERID master v-net-0
ip link set veth-$CNI_CONTAINERID up
# Assign IP Address
ip -n $CNI_NETNS addr add $POD_IP dev $CNI_IFNAME
# Bring Up Interface (before the route: a gateway is only valid on a link that is up)
ip -n $CNI_NETNS link set $CNI_IFNAME up
ip -n $CNI_NETNS link set lo up
ip -n $CNI_NETNS route add default via 10.244.1.1
DEL)
# Delete veth pair
ip link del veth-$CNI_CONTAINERID
EOF
chmod +x net-script.sh`;

const BRIDGE = `ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0`;

describe('parsePlugin', () => {
  it('reads the notes form (bare ADD) and DEL)) and the case form alike', () => {
    const bare = parsePlugin('ADD)\nip link add a type dummy\nDEL)\nip link del a\n');
    const cased = parsePlugin(
      'case "$CNI_COMMAND" in\n  ADD)\n    ip link add a type dummy\n    ;;\n  DEL)\n    ip link del a ;;\nesac\n',
    );
    for (const p of [bare, cased]) {
      expect(Object.keys(p.sections).sort()).toEqual(['ADD', 'DEL']);
      expect(p.sections['ADD']!.map((l) => l.text)).toEqual(['ip link add a type dummy']);
      expect(p.sections['DEL']!.map((l) => l.text)).toEqual(['ip link del a']);
    }
  });
});

describe('running a plugin script', () => {
  it('ADD creates a pod that reaches the bridge and another pod; DEL removes it', () => {
    const run = runHosts({
      node01: `${BRIDGE}
${NOTES_PLUGIN}
ip netns add pod-a
ip netns add pod-b
CNI_COMMAND=ADD CNI_CONTAINERID=a CNI_NETNS=pod-a CNI_IFNAME=eth0 POD_IP=10.244.1.2/24 sh net-script.sh
CNI_COMMAND=ADD CNI_CONTAINERID=b CNI_NETNS=pod-b CNI_IFNAME=eth0 POD_IP=10.244.1.3/24 ./net-script.sh
ip netns exec pod-a ping -c 1 10.244.1.3
CNI_COMMAND=DEL CNI_CONTAINERID=b CNI_NETNS=pod-b CNI_IFNAME=eth0 sh net-script.sh
ip netns exec pod-a ping -c 1 10.244.1.3
ip -n pod-b -br link`,
    });
    const byCommand = (prefix: string) => run.results.filter((r) => r.command.startsWith(prefix));
    expect(byCommand('CNI_COMMAND=ADD').map((r) => r.exit)).toEqual([0, 0]);
    const [before, after] = byCommand('ip netns exec pod-a ping');
    expect(before!.exit).toBe(0);
    expect(after!.exit).toBe(1);
    expect(after!.output).toContain('Destination Host Unreachable');
    expect(run.results[run.results.length - 1]!.output).toBe(
      'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n',
    );
  });

  it('the notes order (route before bringing the interface up) fails as on Linux', () => {
    const notesOrder = NOTES_PLUGIN.replace(
      'ip -n $CNI_NETNS link set $CNI_IFNAME up\nip -n $CNI_NETNS link set lo up\nip -n $CNI_NETNS route add default via 10.244.1.1',
      'ip -n $CNI_NETNS route add default via 10.244.1.1\nip -n $CNI_NETNS link set $CNI_IFNAME up',
    );
    expect(notesOrder).not.toBe(NOTES_PLUGIN);
    const run = runHosts({
      node01: `${BRIDGE}\n${notesOrder}\nip netns add pod-a\nCNI_COMMAND=ADD CNI_CONTAINERID=a CNI_NETNS=pod-a CNI_IFNAME=eth0 POD_IP=10.244.1.2/24 sh net-script.sh`,
    });
    expect(run.results[run.results.length - 1]).toMatchObject({
      exit: 2,
      output: 'Error: Nexthop has invalid gateway.\n',
    });
  });

  it('stops at the first failing command and returns its status, as a plugin returns its error', () => {
    const run = runHosts({
      node01: `${BRIDGE}
${NOTES_PLUGIN}
ip netns add pod-a
CNI_COMMAND=ADD CNI_CONTAINERID=a CNI_NETNS=pod-a CNI_IFNAME=eth0 POD_IP=10.244.1.2/24 sh net-script.sh
CNI_COMMAND=ADD CNI_CONTAINERID=a CNI_NETNS=pod-a CNI_IFNAME=eth0 POD_IP=10.244.1.2/24 sh net-script.sh`,
    });
    const second = run.results[run.results.length - 1]!;
    expect(second).toMatchObject({ exit: 2, output: 'RTNETLINK answers: File exists\n' });
  });

  it('the case form with a rename runs too, and an unknown CNI_COMMAND is refused', () => {
    const run = runHosts({
      node01: `${PLUGIN}
ip netns add p1
CNI_COMMAND=ADD CNI_CONTAINERID=1 CNI_NETNS=p1 CNI_IFNAME=eth0 sh net-script.sh
CNI_COMMAND=CHECK CNI_NETNS=p1 sh net-script.sh
sh missing.sh`,
    });
    const [add, check, missing] = run.results.slice(-3);
    // The rename is not simulated: the plugin stops there with an honest line.
    expect(add!.output).toMatch(/^netlab: ip link set … name is not simulated/);
    expect(check!.output).toBe('netlab: net-script.sh has no CHECK) section\n');
    expect(missing!.output).toMatch(/^netlab: missing\.sh: no such file on node01/);
  });
});

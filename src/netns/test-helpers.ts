// Helpers for the simulator's tests: run host scripts and pick results out.
import { runSession, scriptCommands, type CommandResult, type SessionRun } from './session';

/** Runs scripts, one per host, in the order given (like `netlab shell a.sh b.sh`). */
export function runHosts(scripts: Record<string, string>, order?: readonly [string, string][]): SessionRun {
  const hosts = Object.keys(scripts);
  const commands = (order ?? hosts.map((h) => [h, scripts[h]!] as [string, string])).flatMap(([h, text]) =>
    scriptCommands(h, text),
  );
  return runSession(hosts, commands);
}

/** Runs one host's script and returns its last result. */
export function last(script: string): CommandResult {
  const r = runHosts({ node01: script }).results;
  const result = r[r.length - 1];
  if (!result) throw new Error('the script ran no command');
  return result;
}

/** The result of the command on `line` (1-based, as in the script). */
export function atLine(run: SessionRun, host: string, line: number): CommandResult {
  const r = run.results.find((x) => x.host === host && x.line === line);
  if (!r) throw new Error(`no result for ${host}:${line}`);
  return r;
}

/** The notes' single-node setup: bridge v-net-0 10.244.1.1/24, namespace red wired to it. */
export const NODE01_RED = `
ip addr add 192.168.1.11/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0
ip netns add red
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip -n red addr add 10.244.1.2/24 dev veth-red
ip -n red link set veth-red up
ip -n red link set lo up
ip link set veth-red-br up
ip -n red route add default via 10.244.1.1
`;

/** The same on node02: 10.244.2.0/24, namespace blue. */
export const NODE02_BLUE = `
ip addr add 192.168.1.12/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.2.1/24 dev v-net-0
ip netns add blue
ip link add veth-blue type veth peer name veth-blue-br
ip link set veth-blue netns blue
ip link set veth-blue-br master v-net-0
ip -n blue addr add 10.244.2.2/24 dev veth-blue
ip -n blue link set veth-blue up
ip -n blue link set lo up
ip link set veth-blue-br up
ip -n blue route add default via 10.244.2.1
`;

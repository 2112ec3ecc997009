// CNIConfig objects: the JSON block's mistakes at their own line:col, the fields netlab reads, the
// ones it names as not simulated, and which file a node's runtime picks (lexical order).
import { describe, expect, it } from 'vitest';
import { chosenConfig } from './net-d';
import { loadCluster } from './load-cluster';
import { readJson } from './json-check';

const network = (cni: string) => `apiVersion: netlab.dev/v1
kind: ClusterNetwork
metadata: {name: net}
spec: {cni: ${cni}}`;
const nodes = `apiVersion: v1
kind: Node
metadata: {name: node01}
spec: {podCIDR: 10.244.1.0/24}
status: {addresses: [{type: InternalIP, address: 192.168.1.11}]}
---
apiVersion: v1
kind: Node
metadata: {name: node02}
spec: {podCIDR: 10.244.2.0/24}
status: {addresses: [{type: InternalIP, address: 192.168.1.12}]}`;
const pod = (name: string, node: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec: {nodeName: ${node}, containers: [{name: c, image: nginx}]}`;
/** A CNIConfig with `json` in a literal block; its first JSON line is the file's line 7 of this document. */
const conf = (file: string, json: string, nodesLine = '') => `apiVersion: netlab.dev/v1
kind: CNIConfig
metadata:
  name: ${file}
spec:${nodesLine ? `\n  nodes: [${nodesLine}]` : ''}
  config: |
${json
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}`;
const BRIDGE = `{
  "cniVersion": "1.0.0",
  "name": "bridge",
  "type": "bridge",
  "bridge": "br-lab",
  "isGateway": true,
  "ipam": {"type": "host-local", "subnet": "10.244.9.0/24", "routes": [{"dst": "0.0.0.0/0"}]}
}`;

const load = (...docs: string[]) => loadCluster([{ name: 's.yaml', text: docs.join('\n---\n') }]);
const where = (r: ReturnType<typeof load>, code: string) =>
  r.diagnostics.filter((d) => d.code === code).map((d) => `${d.severity} ${d.line}:${d.col}`);

describe('readJson', () => {
  it.each([
    ['{"a": 1,}', 8, 'trailing comma'],
    ['{"a": 1 "b": 2}', 8, '"," or "}"'],
    ["{'a': 1}", 1, 'double quotes'],
    ['{"a": tru}', 6, 'a value'],
    ['{"a": 1} x', 9, 'after the JSON'],
    ['{"a": "x', 6, 'unterminated'],
    ['// c\n{}', 0, 'comments'],
  ])('%s fails at offset %i (%s)', (text, offset, words) => {
    const r = readJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.offset).toBe(offset);
      expect(r.message.en).toContain(words);
      expect(r.message.ko).not.toMatch(/을\(를\)|이\(가\)/);
    }
  });
  it('reads valid JSON as JSON.parse does', () => {
    const text = '{"a": [1, -2.5e3, true, null, "x\\"y"], "b": {}}';
    expect(readJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });
});

describe('CNIConfig decoding', () => {
  it('points at the JSON mistake inside the literal block', () => {
    // Line 7 of the file holds "{"; the trailing comma sits on line 9 (document line 3 of the JSON).
    const r = load(conf('00-mine.conf', '{\n  "type": "bridge",\n  "bridge": "x",\n}'));
    expect(where(r, 'cni-json')).toEqual(['error 10:5']);
  });
  it('in a quoted string, points at the string and says the JSON’s own line:col', () => {
    const r = load(`apiVersion: netlab.dev/v1
kind: CNIConfig
metadata: {name: 00-mine.conf}
spec:
  config: '{"type": "bridge",}'`);
    const d = r.diagnostics.find((x) => x.code === 'cni-json')!;
    expect([d.line, d.col]).toEqual([5, 11]);
    expect(d.message.en).toContain('00-mine.conf (JSON 1:19): trailing comma');
  });
  it('says an unknown plugin type at the value, with a guess', () => {
    const r = load(conf('00-mine.conf', '{\n  "type": "bridgee"\n}'));
    const d = r.diagnostics.find((x) => x.code === 'cni-plugin-type')!;
    expect(`${d.line}:${d.col}`).toBe('8:15');
    expect(d.message.en).toContain('failed to find plugin "bridgee" in path [/opt/cni/bin]');
    expect(d.hint?.en).toContain('"bridge"');
  });
  it('warns of a field netlab does not simulate and a field the plugin does not have', () => {
    const json = BRIDGE.replace('"isGateway": true', '"isGatway": true,\n  "mtu": 1400');
    const r = load(nodes, conf('00-mine.conf', json));
    const typo = r.diagnostics.find((x) => x.code === 'cni-unknown-field')!;
    expect([typo.severity, typo.line, typo.hint?.en]).toEqual(['warning', 24, 'did you mean "isGateway"?']);
    const mtu = r.diagnostics.find((x) => x.code === 'cni-not-simulated')!;
    expect([mtu.severity, mtu.line, mtu.col]).toEqual(['warning', 25, 7]);
  });
  it('reads the same config written as a YAML map, located in YAML', () => {
    const r = load(`apiVersion: netlab.dev/v1
kind: CNIConfig
metadata: {name: 00-mine.conf}
spec:
  config:
    type: bridge
    bridge: 7
    ipam: {type: host-local, subnet: 10.244.9.0/24}`);
    expect(where(r, 'type')).toEqual(['error 7:13']);
  });
  it.each([
    ['no ipam', '{"type": "bridge"}', 'cni-config'],
    ['no range', '{"type": "bridge", "ipam": {"type": "host-local"}}', 'cni-config'],
    ['bad subnet', '{"type": "bridge", "ipam": {"type": "host-local", "subnet": "10.244.9.0"}}', 'cidr'],
    ['conflist without plugins', '{"name": "x"}', 'cni-config'],
  ])('%s is an error', (_, json, code) => {
    const file = code === 'cni-config' && json.startsWith('{"name"') ? '00-x.conflist' : '00-x.conf';
    const r = load(conf(file, json));
    expect(r.diagnostics.some((d) => d.code === code && d.severity === 'error')).toBe(true);
    expect(r.cluster.cniConfigs[0]!.conf).toBeUndefined();
  });
  it('reads the bridge plugin’s fields with its defaults', () => {
    const r = load(
      conf('00-mine.conf', '{"type": "bridge", "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}}'),
    );
    const c = r.cluster.cniConfigs[0]!.conf!;
    expect(c).toMatchObject({
      bridge: 'cni0',
      isGateway: false,
      isDefaultGateway: false,
      ipMasq: false,
      routes: [],
    });
  });
  it('flannel: the delegate’s bridge and isGateway, the subnet from subnet.env', () => {
    const json =
      '{"name": "cbr0", "plugins": [{"type": "flannel", "delegate": {"bridge": "fl0", "isDefaultGateway": true}}]}';
    const r = load(network('flannel'), conf('10-flannel.conflist', json));
    const c = r.cluster.cniConfigs[0]!.conf!;
    expect(c).toMatchObject({
      cni: 'flannel',
      bridge: 'fl0',
      isGateway: true,
      isDefaultGateway: true,
      subnet: 'podCIDR',
    });
    expect(c.routes.map((x) => x.dst.canonical)).toEqual(['10.244.0.0/16']);
  });
});

describe('which file the runtime picks', () => {
  const cluster = (...docs: string[]) => load(network('bridge'), nodes, ...docs).cluster;
  it.each([
    ['a file before the generated one wins', ['00-mine.conf'], '00-mine.conf', true],
    ['a file after it loses', ['99-mine.conf'], '10-bridge.conf', false],
    ['the same name replaces the generated file', ['10-bridge.conf'], '10-bridge.conf', true],
    ['upper case sorts before lower case (byte order)', ['10-Zz.conf'], '10-Zz.conf', true],
    ['a .txt file is not a configuration', ['00-mine.txt'], '10-bridge.conf', false],
  ])('%s', (_, files, chosen, user) => {
    const c = cluster(...files.map((f) => conf(f, BRIDGE)));
    const pick = chosenConfig('bridge', c.cniConfigs, 'node01');
    expect(pick.file).toBe(chosen);
    expect(pick.user !== undefined).toBe(user);
  });
  it('skips a broken file for the next one', () => {
    const c = cluster(conf('00-broken.conf', '{"type": "bridge",}'), conf('01-ok.conf', BRIDGE));
    expect(chosenConfig('bridge', c.cniConfigs, 'node01').file).toBe('01-ok.conf');
  });
  it('holds a file on spec.nodes only', () => {
    const c = cluster(conf('00-mine.conf', BRIDGE, 'node02'));
    expect(chosenConfig('bridge', c.cniConfigs, 'node01').file).toBe('10-bridge.conf');
    expect(chosenConfig('bridge', c.cniConfigs, 'node02').file).toBe('00-mine.conf');
  });
  it('gives pods addresses from the winning file’s subnet', () => {
    const r = load(
      network('bridge'),
      nodes,
      conf('00-mine.conf', BRIDGE, 'node01'),
      pod('a', 'node01'),
      pod('b', 'node02'),
    );
    expect(r.cluster.pods.map((p) => p.ip.key)).toEqual(['10.244.9.2', '10.244.2.2']);
  });
  it('warns when the winning file runs another CNI than the ClusterNetwork', () => {
    const r = load(network('calico'), nodes, conf('00-mine.conf', BRIDGE));
    const d = r.diagnostics.find((x) => x.code === 'cni-config-type')!;
    expect(d.message.en).toContain('runs bridge, but the ClusterNetwork’s CNI is calico'.replace('’', "'"));
  });
});

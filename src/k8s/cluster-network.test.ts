// netlab's own `netlab.dev/v1 ClusterNetwork`: decoding, defaults, and where each diagnostic points.
// line:col values were counted by hand in the YAML literals (line 1 is the first YAML line).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { buildTopology } from '../model/topology';
import { y } from '../testing/dedent';
import { loadCluster, type LoadResult } from './load-cluster';
import { DEFAULT_CLUSTER_NETWORK } from './types';

const load = (text: string): LoadResult => loadCluster([{ name: 't.yaml', text }]);
const where = (d: Diagnostic): string => `${d.line}:${d.col} ${d.severity} ${d.code}`;

/** A ClusterNetwork document with the given `spec:` lines (already indented by two spaces). */
const net = (name: string, ...spec: string[]): string =>
  [
    'apiVersion: netlab.dev/v1',
    'kind: ClusterNetwork',
    'metadata:',
    `  name: ${name}`,
    ...(spec.length ? ['spec:', ...spec] : []),
  ].join('\n') + '\n';

describe('ClusterNetwork', () => {
  it('is optional: without one the cluster runs calico, a cni0 bridge and kube-proxy in iptables mode', () => {
    const r = load(y`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
    `);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.network).toMatchObject({ cni: 'calico', bridgeName: 'cni0', kubeProxyMode: 'iptables' });
    expect(r.cluster.network.serviceCIDR.canonical).toBe('10.96.0.0/12');
    expect(r.cluster.network).toBe(DEFAULT_CLUSTER_NETWORK);
  });

  it('reads cni, bridgeName and kubeProxyMode, and remembers its name and place', () => {
    const r = load(net('lab', '  cni: flannel', '  bridgeName: v-net-0', '  kubeProxyMode: ipvs'));
    expect(r.diagnostics).toEqual([]);
    const { source, serviceCIDR, nodePortRange, ...rest } = r.cluster.network;
    expect(nodePortRange).toEqual({ min: 30000, max: 32767 });
    expect(rest).toEqual({ cni: 'flannel', bridgeName: 'v-net-0', kubeProxyMode: 'ipvs', name: 'lab' });
    expect(serviceCIDR).toBe(DEFAULT_CLUSTER_NETWORK.serviceCIDR);
    expect(source?.file).toBe('t.yaml');
    expect(source?.at([]).line).toBe(1);
  });

  it('reads spec.serviceCIDR (default kubeadm’s 10.96.0.0/12) and points at a bad one', () => {
    expect(load(net('n', '  serviceCIDR: 10.100.0.0/16')).cluster.network.serviceCIDR.canonical).toBe(
      '10.100.0.0/16',
    );
    const bad = load(net('n', '  serviceCIDR: 10.96.0.0/33'));
    expect(bad.diagnostics.map(where)).toEqual(['6:16 error cidr']);
    expect(bad.diagnostics[0]!.message.en).toBe('spec.serviceCIDR: invalid CIDR "10.96.0.0/33"');
    expect(bad.diagnostics[0]!.message.ko).toBe('spec.serviceCIDR: 잘못된 CIDR "10.96.0.0/33"');
  });

  it('defaults each missing field on its own, and an empty spec to every default', () => {
    expect(load(net('n', '  cni: weave')).cluster.network).toMatchObject({
      cni: 'weave',
      bridgeName: 'cni0',
      kubeProxyMode: 'iptables',
    });
    expect(load(net('n', '  kubeProxyMode: ipvs')).cluster.network).toMatchObject({
      cni: 'calico',
      bridgeName: 'cni0',
      kubeProxyMode: 'ipvs',
    });
    const bare = load(net('n'));
    expect(bare.diagnostics).toEqual([]);
    expect(bare.cluster.network).toMatchObject({
      cni: 'calico',
      bridgeName: 'cni0',
      kubeProxyMode: 'iptables',
      name: 'n',
    });
  });

  it('rejects an unknown CNI at its value, hinting lower case or the nearest name, and falls back to calico', () => {
    // line 6 is "  cni: Calico"; the value starts at column 8
    const upper = load(net('n', '  cni: Calico'));
    expect(upper.diagnostics.map(where)).toEqual(['6:8 error cni']);
    expect(upper.diagnostics[0]!.message.en).toBe(
      'spec.cni: unsupported value "Calico": use one of calico, cilium, weave, flannel, bridge',
    );
    expect(upper.diagnostics[0]!.hint?.en).toBe('values are lower case: calico');
    expect(upper.cluster.network.cni).toBe('calico');

    const typo = load(net('n', '  cni: flanel'));
    expect(typo.diagnostics.map(where)).toEqual(['6:8 error cni']);
    expect(typo.diagnostics[0]!.hint?.en).toBe('did you mean flannel?');

    const other = load(net('n', '  cni: kube-router'));
    expect(other.diagnostics[0]!.hint).toBeUndefined();
  });

  it('rejects an unknown kube-proxy mode and a value that is not a string', () => {
    const mode = load(net('n', '  kubeProxyMode: userspace'));
    // "  kubeProxyMode: " is 17 characters, so the value is at column 18
    expect(mode.diagnostics.map(where)).toEqual(['6:18 error kube-proxy-mode']);
    expect(mode.diagnostics[0]!.message.ko).toContain('iptables, ipvs');
    expect(mode.cluster.network.kubeProxyMode).toBe('iptables');
    expect(mode.diagnostics[0]!.hint?.en).toBe(
      'kube-proxy’s userspace mode was removed in Kubernetes 1.26; use iptables (the default) or ipvs',
    );
    const nft = load(net('n', '  kubeProxyMode: nftables'));
    expect(nft.diagnostics.map(where)).toEqual(['6:18 error kube-proxy-mode']);
    expect(nft.diagnostics[0]!.hint?.en).toMatch(
      /nftables mode exists \(alpha 1\.29, beta 1\.31, GA 1\.33\)/,
    );

    const num = load(net('n', '  cni: 1'));
    expect(num.diagnostics.map(where)).toEqual(['6:8 error type']);
  });

  it('checks bridgeName the way the kernel checks interface names', () => {
    for (const bad of ['a-bridge-name-too-long', 'br/0', 'br:0', '"br 0"', '".."']) {
      const r = load(net('n', `  bridgeName: ${bad}`));
      // "  bridgeName: " is 14 characters
      expect(r.diagnostics.map(where), bad).toEqual(['6:15 error interface-name']);
      expect(r.cluster.network.bridgeName).toBe('cni0');
    }
    for (const ok of ['v-net-0', 'br0', 'weave', 'a23456789012345']) {
      expect(load(net('n', `  bridgeName: ${ok}`)).cluster.network.bridgeName).toBe(ok);
    }
  });

  it.each([
    ['calico', 'calico builds no bridge'],
    ['cilium', 'cilium builds no bridge'],
    ['weave', 'always named weave'],
  ])('warns that spec.bridgeName is ignored under %s, at the key', (cni, words) => {
    const r = load(net('n', `  cni: ${cni}`, '  bridgeName: br-lab'));
    expect(r.diagnostics.map(where)).toEqual(['7:3 warning cni-field-ignored']);
    expect(r.diagnostics[0]!.message.en).toContain(words);
  });

  it.each(['bridge', 'flannel'])(
    'takes spec.bridgeName under %s (flannel: its bridge delegate’s name)',
    (cni) => {
      const r = load(net('n', `  cni: ${cni}`, '  bridgeName: br-lab'));
      expect(r.diagnostics).toEqual([]);
      expect(r.cluster.network.bridgeName).toBe('br-lab');
    },
  );

  it('allows at most one: a second one is an error at its name, and the first one counts', () => {
    const r = load(net('first', '  cni: flannel') + '---\n' + net('second', '  cni: cilium'));
    // the first document is 6 lines, "---" is line 7, so the second one's name is on line 11
    expect(r.diagnostics.map(where)).toEqual(['11:9 error duplicate-cluster-network']);
    expect(r.diagnostics[0]!.message.en).toBe(
      'only one ClusterNetwork per scenario: first is already defined at t.yaml:1:1',
    );
    expect(r.cluster.network).toMatchObject({ cni: 'flannel', name: 'first' });

    // without spec: 4 lines, "---" on line 5, the second name on line 9
    const same = load(net('x') + '---\n' + net('x'));
    expect(same.diagnostics.map(where)).toEqual(['9:9 error duplicate']);
  });

  it('is cluster-scoped, served as netlab.dev/v1, and warns about unknown fields', () => {
    const ns = load(y`
      apiVersion: netlab.dev/v1
      kind: ClusterNetwork
      metadata:
        name: n
        namespace: prod
      spec:
        kubeproxymode: ipvs
    `);
    expect(ns.diagnostics.map(where)).toEqual(['5:3 warning cluster-scoped', '7:3 warning unknown-field']);
    expect(ns.diagnostics[1]!.hint?.en).toContain('did you mean "kubeProxyMode"?');
    expect(ns.cluster.network.kubeProxyMode).toBe('iptables');

    const v1 = load('apiVersion: v1\nkind: ClusterNetwork\nmetadata: {name: n}\n');
    expect(v1.diagnostics.map(where)).toEqual(['1:13 error api-version']);
    expect(v1.diagnostics[0]!.message.en).toContain('use netlab.dev/v1');
    expect(v1.cluster.network).toBe(DEFAULT_CLUSTER_NETWORK);
  });

  it('names the bridge the topology draws on every node (under the bridge plugin)', () => {
    const r = load(
      net('n', '  cni: bridge', '  bridgeName: v-net-0') +
        '---\napiVersion: v1\nkind: Node\nmetadata: {name: node01}\nspec: {podCIDR: 10.244.1.0/24}\n',
    );
    const t = buildTopology(r.cluster);
    expect(t.bridgeName).toBe('v-net-0');
    expect(t.nodes[0]!.bridge).toEqual({
      kind: 'bridge',
      name: 'v-net-0',
      ip: '10.244.1.1',
      prefix: 24,
      cidr: '10.244.1.0/24',
    });
    expect(buildTopology(r.cluster, { bridgeName: 'br0' }).bridgeName).toBe('br0');
  });

  it('reads the datapath choices, each for its own CNI', () => {
    const calico = load(net('n', '  cni: calico', '  calicoEncapsulation: IPIP'));
    expect(calico.diagnostics).toEqual([]);
    expect(calico.cluster.network.calicoEncapsulation).toBe('IPIP');
    const cilium = load(
      net('n', '  cni: cilium', '  ciliumRoutingMode: native', '  kubeProxyReplacement: true'),
    );
    expect(cilium.diagnostics).toEqual([]);
    expect(cilium.cluster.network).toMatchObject({ ciliumRoutingMode: 'native', kubeProxyReplacement: true });
    const bridge = load(net('n', '  cni: bridge', '  ipMasq: true'));
    expect(bridge.cluster.network.ipMasq).toBe(true);
  });

  it('rejects a choice that belongs to another CNI at its field, and a bad value at its value', () => {
    // line 7 is "  ipMasq: true"; the value starts at column 11
    const wrong = load(net('n', '  cni: flannel', '  ipMasq: true'));
    expect(wrong.diagnostics.map(where)).toEqual(['7:11 error cni-field']);
    expect(wrong.diagnostics[0]!.message.en).toBe('spec.ipMasq belongs to bridge, but spec.cni is flannel');
    expect(wrong.diagnostics[0]!.message.ko).toBe('spec.ipMasq는 bridge의 설정인데 spec.cni가 flannel입니다');
    expect(wrong.cluster.network.ipMasq).toBeUndefined();
    const typo = load(net('n', '  cni: calico', '  calicoEncapsulation: ipip'));
    expect(typo.diagnostics.map(where)).toEqual(['7:24 error calico-encapsulation']);
    expect(typo.diagnostics[0]!.hint?.en).toBe('did you mean IPIP?');
    expect(load(net('n', '  cni: cilium', '  kubeProxyReplacement: yes')).diagnostics.map(where)).toEqual([
      '7:25 error type',
    ]);
  });
});

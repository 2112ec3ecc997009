// IPAM as host-local does it: a node's podCIDR from .2 to the one before broadcast (.1 is the
// gateway), round-robin after the last reservation, DEL freeing an address, a full range leaving
// the pod Pending with the reason, and two running pods with one IP an error at its line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../lib/ip';
import { HostLocalIpam, rangeSetText, sandboxFailure } from './ipam';
import { loadCluster } from './load-cluster';

const node = (name: string, cidr: string): string =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nspec: {podCIDR: ${cidr}}\nstatus: {addresses: [{type: InternalIP, address: 192.168.1.11}]}`;
const pod = (name: string, nodeName: string, ip?: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}}`,
    'spec:',
    `  nodeName: ${nodeName}`,
    '  containers: [{name: c, image: nginx}]',
    ...(ip ? [`status: {podIP: ${ip}}`] : []),
  ].join('\n');
const load = (...docs: string[]) => loadCluster([{ name: 'ipam.yaml', text: docs.join('\n---\n') }]);
const pods = (n: number, nodeName = 'node01'): string[] =>
  Array.from({ length: n }, (_, i) => pod(`p${i + 1}`, nodeName));

describe('HostLocalIpam', () => {
  const cidr = parseCidr('10.244.1.0/29')!;

  it('hands out .2 to the one before broadcast, never the gateway', () => {
    const ipam = new HostLocalIpam();
    const got = Array.from({ length: 6 }, () => ipam.allocate(cidr)?.key);
    expect(got).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6', undefined]);
  });

  it('DEL frees an address; the next ADD goes on after the last reservation, then wraps to it', () => {
    const ipam = new HostLocalIpam();
    for (let i = 0; i < 3; i++) ipam.allocate(cidr);
    ipam.release('10.244.1.2');
    expect(ipam.allocate(cidr)?.key).toBe('10.244.1.5');
    expect(ipam.allocate(cidr)?.key).toBe('10.244.1.6');
    expect(ipam.allocate(cidr)?.key).toBe('10.244.1.2');
    expect(ipam.allocate(cidr)).toBeUndefined();
  });

  it('skips addresses already in use', () => {
    const ipam = new HostLocalIpam(['10.244.1.2', '10.244.1.4']);
    expect([ipam.allocate(cidr)?.key, ipam.allocate(cidr)?.key]).toEqual(['10.244.1.3', '10.244.1.5']);
  });

  it('words the range set as host-local does', () => {
    expect(rangeSetText(parseCidr('10.244.1.0/24')!)).toBe('10.244.1.1-10.244.1.254');
    expect(sandboxFailure(parseCidr('10.244.1.0/28')!)).toBe(
      'FailedCreatePodSandBox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.14',
    );
  });

  it('for every prefix and count: distinct addresses inside the range, none reserved, as many as fit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 32 }), fc.integer({ min: 0, max: 300 }), (prefix, n) => {
        const c = parseCidr(`10.244.1.0/${prefix}`)!;
        const ipam = new HostLocalIpam();
        const got = Array.from({ length: n }, () => ipam.allocate(c)?.key).filter(
          (x): x is string => x !== undefined,
        );
        const size = 2 ** (32 - prefix);
        expect(got.length).toBe(Math.min(n, Math.max(0, size - 3)));
        expect(new Set(got).size).toBe(got.length);
        for (const ip of got) {
          const last = Number(ip.split('.')[3]);
          expect(last).toBeGreaterThanOrEqual(2);
          expect(last).toBeLessThanOrEqual(size - 2);
        }
      }),
    );
  });
});

describe('pods and the IPAM', () => {
  it('pods on nodes without a podCIDR and pods on no node share one default pool: no address twice', () => {
    const bare = 'apiVersion: v1\nkind: Node\nmetadata: {name: bare}';
    const r = load(bare, pod('a', 'bare'), pod('b', 'nowhere'), pod('c', 'bare'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ips = r.cluster.pods.map((p) => p.ip.key);
    expect(ips).toEqual(['10.244.0.2', '10.244.0.3', '10.244.0.4']);
  });

  it('a full range leaves the pod Pending with the reason and a warning at its name', () => {
    const r = load(node('node01', '10.244.1.0/28'), ...pods(14));
    expect(r.hasErrors).toBe(false);
    expect(r.cluster.pods.map((p) => p.ip.key).at(-1)).toBe('10.244.1.14');
    expect(r.cluster.pods).toHaveLength(13);
    expect(r.cluster.inactivePods).toEqual([
      expect.objectContaining({
        name: 'p14',
        phase: 'Pending',
        why: 'no-free-address',
        reason: {
          en: 'no free address in 10.244.1.0/28 on node01',
          ko: 'node01의 10.244.1.0/28에 남은 주소가 없습니다',
        },
      }),
    ]);
    const d = r.diagnostics.find((x) => x.code === 'no-free-address')!;
    expect(`${d.file}:${d.line}:${d.col} ${d.severity}`).toBe('ipam.yaml:100:18 warning');
    expect(d.message.en).toBe(
      'no free address in 10.244.1.0/28 on node01: this pod stays Pending (kubelet: FailedCreatePodSandBox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.14)',
    );
    expect(d.message.ko).toMatch(
      /^node01의 10\.244\.1\.0\/28에 남은 주소가 없습니다\. 이 파드는 Pending으로 남습니다/,
    );
  });

  it('deleting a pod (DEL) frees its address: the waiting pod gets one', () => {
    const full = load(node('node01', '10.244.1.0/28'), ...pods(14));
    expect(full.cluster.inactivePods.map((p) => p.name)).toEqual(['p14']);
    const freed = load(node('node01', '10.244.1.0/28'), ...pods(14).filter((_, i) => i !== 4));
    expect(freed.cluster.inactivePods).toEqual([]);
    expect(freed.cluster.pods.find((p) => p.name === 'p14')?.ip.key).toBe('10.244.1.14');
    expect(freed.diagnostics.filter((d) => d.code === 'no-free-address')).toEqual([]);
  });

  it('ranges are per node: a full node01 does not touch node02', () => {
    const r = load(
      node('node01', '10.244.1.0/30'),
      node('node02', '10.244.2.0/24'),
      ...pods(2),
      pod('q', 'node02'),
    );
    expect(r.cluster.pods.map((p) => `${p.name} ${p.ip.key}`)).toEqual(['p1 10.244.1.2', 'q 10.244.2.2']);
    expect(r.cluster.inactivePods.map((p) => p.reason?.en)).toEqual([
      'no free address in 10.244.1.0/30 on node01',
    ]);
  });

  it('two nodes given one range hand out the same addresses: a duplicate, as in a real cluster', () => {
    const twin = node('node02', '10.244.1.0/24').replace('192.168.1.11', '192.168.1.12');
    const r = load(node('node01', '10.244.1.0/24'), twin, pod('a', 'node01'), pod('b', 'node02'));
    expect(
      r.diagnostics.filter((d) => d.code === 'duplicate-ip').map((d) => `${d.line}:${d.col} ${d.message.en}`),
    ).toEqual([
      '24:13 pod IP 10.244.1.2 is also used by default/a: two running pods never share an address (IPAM hands each out once)',
    ]);
  });

  it('two running pods with one IP are an error at the second one’s status.podIP', () => {
    const r = load(
      node('node01', '10.244.1.0/24'),
      pod('a', 'node01', '10.244.1.7'),
      pod('b', 'node01', '10.244.1.7'),
    );
    expect(r.hasErrors).toBe(true);
    const d = r.diagnostics.find((x) => x.code === 'duplicate-ip')!;
    expect(`${d.file}:${d.line}:${d.col} ${d.severity}`).toBe('ipam.yaml:21:17 error');
    expect(d.message.en).toBe(
      'pod IP 10.244.1.7 is also used by default/a: two running pods never share an address (IPAM hands each out once)',
    );
    expect(d.message.ko).toBe(
      '파드 IP 10.244.1.7을 default/a도 쓰고 있습니다. 실행 중인 두 파드가 주소를 함께 쓰는 일은 없습니다(IPAM은 주소를 한 번씩만 줍니다)',
    );
  });
});

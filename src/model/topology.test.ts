// buildTopology: the wiring the pod-networking notes build by hand (bridge .1 per podCIDR, veth
// pairs, `ip route add <other podCIDR> via <other node IP>`), plus Service addresses and endpoints
// as the API server and the EndpointSlice controller would fill them in.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { loadCluster } from '../k8s/load-cluster';
import type { Cluster } from '../k8s/types';
import { parseCidr, parseIp } from '../lib/ip';
import { namespace, node, pod, scenario } from '../testing/scenario';
import { commonBlock, firstHost, fnv1a32 } from './addresses';
import {
  buildTopology,
  formatRoute,
  PAUSE_IMAGE,
  vethName,
  type Topology,
  type TopologyPod,
  type TopologyService,
} from './topology';

/** The default scenario under the bridge plugin: the wiring the notes build by hand. */
const BRIDGE =
  '\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: bridge}\n';
const defaultCluster = (): Cluster =>
  loadCluster([{ name: 'default.yaml', text: defaultYaml + BRIDGE }]).cluster;
/** The routes to pods: the node's own CIDR on the bridge, then the other nodes'. */
const podRoutes = (n: Topology['nodes'][number]): string[] =>
  n.routes.filter((r) => r.kind === 'bridge' || r.kind === 'pods-via-node').map(formatRoute);

function podOf(t: Topology, key: string): TopologyPod {
  const p = t.pods.find((x) => x.key === key);
  if (!p) throw new Error(`no pod ${key}`);
  return p;
}

function svcOf(t: Topology, key: string): TopologyService {
  const s = t.services.find((x) => x.key === key);
  if (!s) throw new Error(`no service ${key}`);
  return s;
}

/** A Service document; `spec` is flow-style YAML. */
function service(key: string, spec: string): string {
  const [ns, name] = key.split('/');
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
}

describe('the default scenario under the bridge plugin', () => {
  const t = buildTopology(defaultCluster());

  it('routes each node to the other pod CIDR via the other node, as the notes do by hand', () => {
    const [n1, n2] = t.nodes;
    expect(n1!.routes.map((r) => r.text)).toEqual([
      'local 192.168.1.11 dev eth0 table local',
      'local 10.244.1.1 dev cni0 table local',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 192.168.1.12 dev eth0',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
      'default via 192.168.1.1 dev eth0',
    ]);
    expect(podRoutes(n2!)).toEqual([
      '10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1',
      '10.244.1.0/24 via 192.168.1.11 dev eth0',
    ]);
  });

  it('gives each node a bridge on the .1 of its podCIDR and lists its pods in scenario order', () => {
    expect(t.nodes.map((n) => [n.name, n.internalIP, n.podCIDR, n.bridge])).toEqual([
      [
        'node01',
        '192.168.1.11',
        '10.244.1.0/24',
        { kind: 'bridge', name: 'cni0', ip: '10.244.1.1', prefix: 24, cidr: '10.244.1.0/24' },
      ],
      [
        'node02',
        '192.168.1.12',
        '10.244.2.0/24',
        { kind: 'bridge', name: 'cni0', ip: '10.244.2.1', prefix: 24, cidr: '10.244.2.0/24' },
      ],
    ]);
    expect(t.nodes.map((n) => n.pods)).toEqual([['prod/web', 'prod/db'], ['prod/backend']]);
    expect(t.unscheduled).toEqual([]);
    expect(t.nodeNetwork).toBe('192.168.1.0/24');
  });

  it('wires each pod: eth0 with a pod-CIDR address, a veth on the bridge, default route via the bridge', () => {
    expect(podOf(t, 'prod/web').network).toEqual({
      kind: 'bridged',
      interface: { name: 'eth0', ip: '10.244.1.2', prefix: 24 },
      veth: 'veth67fb78c5',
      bridge: 'cni0',
      gateway: '10.244.1.1',
      routes: [
        { destination: 'default', via: '10.244.1.1', dev: 'eth0' },
        { destination: '10.244.1.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: '10.244.1.2' },
      ],
    });
    expect(podOf(t, 'prod/backend').network).toMatchObject({
      interface: { ip: '10.244.2.2', prefix: 24 },
      gateway: '10.244.2.1',
    });
  });

  it('names veths stably (the same across runs) and distinctly', () => {
    const names = (x: Topology) => x.pods.map((p) => (p.network.kind === 'bridged' ? p.network.veth : null));
    const first = names(t);
    expect(names(buildTopology(defaultCluster()))).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const n of first) expect(n).toMatch(/^veth[0-9a-f]{8}$/);
  });

  it('starts every pod with the pause container that holds its network namespace', () => {
    const web = podOf(t, 'prod/web');
    expect(web.containers.map((c) => [c.name, c.image, c.pause])).toEqual([
      ['pause', PAUSE_IMAGE, true],
      ['nginx', 'nginx:1.27', false],
    ]);
    expect(web.containers[1]!.ports).toEqual([{ name: 'http', containerPort: 80, protocol: 'TCP' }]);
  });

  it('fills in Service addresses and endpoints', () => {
    expect(t.services.map((s) => [s.key, s.type, s.clusterIP, s.clusterIPSource, s.endpoints])).toEqual([
      ['prod/web', 'NodePort', '10.96.0.11', 'allocated', ['prod/web']],
      ['prod/backend', 'ClusterIP', '10.96.0.12', 'allocated', ['prod/backend']],
      ['prod/db', 'ClusterIP', '10.96.0.13', 'allocated', ['prod/db']],
    ]);
    expect(svcOf(t, 'prod/web').ports).toEqual([
      { protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080, nodePortSource: 'spec' },
    ]);
    expect(svcOf(t, 'prod/db').ports).toEqual([{ protocol: 'TCP', port: 3306, targetPort: 'mysql' }]);
    expect(t.externals).toEqual([
      { name: 'user', ip: '203.0.113.10' },
      { name: 'backup-server', ip: '192.168.5.10' },
    ]);
  });

  it('takes the bridge name as an option (the notes call it v-net-0)', () => {
    const v = buildTopology(defaultCluster(), { bridgeName: 'v-net-0' });
    expect(v.bridgeName).toBe('v-net-0');
    expect(v.nodes[0]!.bridge.name).toBe('v-net-0');
    expect(podRoutes(v.nodes[0]!)[0]).toBe(
      '10.244.1.0/24 dev v-net-0 proto kernel scope link src 10.244.1.1',
    );
    expect(podOf(v, 'prod/db').network).toMatchObject({ bridge: 'v-net-0', gateway: '10.244.1.1' });
  });
});

describe('hostNetwork and unscheduled pods', () => {
  const c = scenario(
    node('n1', '10.0.0.11', '10.244.1.0/24'),
    node('n2', '10.0.0.12', '10.244.2.0/24'),
    pod('kube-system/proxy', { app: 'proxy' }, { node: 'n1', hostNetwork: true }),
    pod('a', { app: 'a' }, { node: 'n1' }),
    pod('pending', { app: 'a' }),
    pod('lost', { app: 'a' }, { node: 'n9' }),
  );
  const t = buildTopology(c);

  it('puts a hostNetwork pod on its node eth0: the node IP, no veth, no bridge route', () => {
    const p = podOf(t, 'kube-system/proxy');
    expect(p.ip).toBe('10.0.0.11');
    expect(p.node).toBe('n1');
    expect(p.network).toEqual({ kind: 'host', interface: { name: 'eth0', ip: '10.0.0.11' }, node: 'n1' });
    expect(p.containers[0]!.name).toBe('pause');
    expect(t.nodes[0]!.pods).toEqual(['kube-system/proxy', 'default/a']);
  });

  it('groups pods without a known node as unscheduled, unwired but still addressed', () => {
    expect(t.unscheduled).toEqual(['default/pending', 'default/lost']);
    expect(podOf(t, 'default/lost')).toMatchObject({ node: null, nodeName: 'n9' });
    const pending = podOf(t, 'default/pending');
    expect(pending.node).toBeNull();
    expect(pending.nodeName).toBeUndefined();
    expect(pending.network).toEqual({
      kind: 'unwired',
      interface: { name: 'eth0', ip: pending.ip, prefix: 16 },
    });
    expect(t.nodes.flatMap((n) => n.pods)).not.toContain('default/pending');
  });

  it('gives a node without podCIDR a bridge on DEFAULT_POD_CIDR and routes nothing to it', () => {
    const x = buildTopology(
      scenario(
        'apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: bridge}',
        node('n1', '10.0.0.11', '10.244.1.0/24'),
        'apiVersion: v1\nkind: Node\nmetadata: {name: bare}\nstatus:\n  addresses:\n  - {type: InternalIP, address: 10.0.0.13}',
        pod('b', {}, { node: 'bare' }),
      ),
    );
    const bare = x.nodes[1]!;
    expect(bare.podCIDR).toBeUndefined();
    expect(bare.bridge).toEqual({
      kind: 'bridge',
      name: 'cni0',
      ip: '10.244.0.1',
      prefix: 16,
      cidr: '10.244.0.0/16',
    });
    expect(podRoutes(x.nodes[0]!)).toEqual(['10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1']);
    expect(podRoutes(bare)).toEqual([
      '10.244.0.0/16 dev cni0 proto kernel scope link src 10.244.0.1',
      '10.244.1.0/24 via 10.0.0.11 dev eth0',
    ]);
    expect(podOf(x, 'default/b').network).toMatchObject({
      kind: 'bridged',
      interface: { ip: '10.244.0.2', prefix: 16 },
      gateway: '10.244.0.1',
    });
  });
});

describe('Services', () => {
  const pods = [
    namespace('shop'),
    pod('shop/web-1', { app: 'web' }),
    pod('shop/web-2', { app: 'web', tier: 'front' }),
    pod('other/web-3', { app: 'web' }),
    pod('shop/agent', { app: 'web' }, { hostNetwork: true }),
  ];

  it('allocates ClusterIPs from 10.96.0.11 in scenario order, skipping addresses manifests name; .10 is kube-dns', () => {
    const t = buildTopology(
      scenario(
        ...pods,
        service('shop/a', '{ports: [{port: 80}]}'),
        service('shop/b', '{clusterIP: 10.96.0.12, ports: [{port: 80}]}'),
        service('shop/c', '{ports: [{port: 80}]}'),
        service('shop/headless', '{clusterIP: None, ports: [{port: 80}]}'),
        service('shop/ext', '{type: ExternalName, externalName: db.example.com}'),
        service('shop/d', '{clusterIP: "", ports: [{port: 80}]}'),
        service('kube-system/kube-dns', '{ports: [{port: 53, protocol: UDP}]}'),
      ),
    );
    expect(t.services.map((s) => [s.name, s.clusterIP, s.clusterIPSource])).toEqual([
      ['a', '10.96.0.11', 'allocated'],
      ['b', '10.96.0.12', 'spec'],
      ['c', '10.96.0.13', 'allocated'],
      ['headless', null, 'headless'],
      ['ext', null, 'none'],
      ['d', '10.96.0.14', 'allocated'],
      ['kube-dns', '10.96.0.10', 'allocated'],
    ]);
    expect(svcOf(t, 'shop/ext').externalName).toBe('db.example.com');
  });

  it('takes ClusterIPs from ClusterNetwork.spec.serviceCIDR, kube-dns at its .10', () => {
    const net =
      'apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: n}\nspec: {serviceCIDR: 172.20.0.0/16}';
    const t = buildTopology(
      scenario(
        net,
        service('shop/a', '{ports: [{port: 80}]}'),
        service('kube-system/kube-dns', '{ports: [{port: 53, protocol: UDP}]}'),
      ),
    );
    expect(t.services.map((s) => [s.name, s.clusterIP])).toEqual([
      ['a', '172.20.0.11'],
      ['kube-dns', '172.20.0.10'],
    ]);
  });

  it('allocates nodePorts for NodePort and LoadBalancer ports from 30000, skipping ports manifests name', () => {
    const docs = [
      service('shop/np', '{type: NodePort, ports: [{port: 80}, {port: 443, nodePort: 30001}]}'),
      service('shop/lb', '{type: LoadBalancer, ports: [{port: 80}, {port: 81}]}'),
      service('shop/cip', '{ports: [{port: 80}]}'),
      service('shop/fixed', '{type: NodePort, ports: [{port: 80, nodePort: 30002}]}'),
    ];
    const t = buildTopology(scenario(...docs));
    const ports = (s: TopologyService) => s.ports.map((p) => [p.port, p.nodePort, p.nodePortSource]);
    expect(ports(svcOf(t, 'shop/np'))).toEqual([
      [80, 30000, 'allocated'],
      [443, 30001, 'spec'],
    ]);
    expect(ports(svcOf(t, 'shop/lb'))).toEqual([
      [80, 30003, 'allocated'],
      [81, 30004, 'allocated'],
    ]);
    expect(ports(svcOf(t, 'shop/cip'))).toEqual([[80, undefined, undefined]]);
    expect(ports(svcOf(t, 'shop/fixed'))).toEqual([[80, 30002, 'spec']]);
    expect(buildTopology(scenario(...docs))).toEqual(t);
  });

  it('selects endpoints in its own namespace only, hostNetwork pods included', () => {
    const t = buildTopology(
      scenario(
        ...pods,
        service('shop/web', '{selector: {app: web}, ports: [{port: 80}]}'),
        service('shop/front', '{selector: {app: web, tier: front}, ports: [{port: 80}]}'),
      ),
    );
    expect(svcOf(t, 'shop/web').endpoints).toEqual(['shop/web-1', 'shop/web-2', 'shop/agent']);
    expect(svcOf(t, 'shop/front').endpoints).toEqual(['shop/web-2']);
  });

  it('selects nothing with an absent or empty selector, or for ExternalName (ServiceSpec.selector)', () => {
    const t = buildTopology(
      scenario(
        ...pods,
        service('shop/none', '{ports: [{port: 80}]}'),
        service('shop/empty', '{selector: {}, ports: [{port: 80}]}'),
        service('shop/ext', '{type: ExternalName, externalName: web.example.com, selector: {app: web}}'),
      ),
    );
    expect(t.services.map((s) => s.endpoints)).toEqual([[], [], []]);
    expect(svcOf(t, 'shop/empty').selector).toEqual({});
  });
});

describe('addresses', () => {
  const ip = (s: string) => parseIp(s)!;

  it('finds the bridge address and the smallest block node addresses share (at least a /24)', () => {
    expect(firstHost(parseCidr('10.244.3.0/24')!).key).toBe('10.244.3.1');
    expect(firstHost(parseCidr('fd00:10:244:1::/64')!).key).toBe(parseIp('fd00:10:244:1::1')!.key);
    expect(commonBlock([ip('192.168.1.11'), ip('192.168.1.12')])?.canonical).toBe('192.168.1.0/24');
    expect(commonBlock([ip('10.0.1.5'), ip('10.0.2.5')])?.canonical).toBe('10.0.0.0/22');
    expect(commonBlock([ip('10.0.0.5')])?.canonical).toBe('10.0.0.0/24');
    expect(commonBlock([])).toBeUndefined();
    expect(commonBlock([ip('10.0.0.5'), ip('fd00::1')])).toBeUndefined();
  });

  it('hashes with FNV-1a and re-hashes a veth name that is already taken', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
    const first = vethName('prod/web');
    expect(first).toBe(`veth${fnv1a32('prod/web')}`);
    const second = vethName('prod/web', new Set([first]));
    expect(second).not.toBe(first);
    expect(second).toMatch(/^veth[0-9a-f]{8}$/);
  });
});

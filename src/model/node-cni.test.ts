// A CNIConfig that wins on a node drives its datapath: the bridge's name, isGateway (no address on
// the bridge, no route from the node), host-local's subnet (pods take addresses from it; a subnet
// off the node's podCIDR breaks the routes between nodes), the pod's routes and ipMasq — in the
// topology the graph draws and in the trace, from the one model.
import { describe, expect, it } from 'vitest';
import { loadCluster } from '../k8s/load-cluster';
import { scenario } from '../testing/scenario';
import { allEvents, kinds, net, trace, TWO } from '../testing/trace-helpers';
import { cniConfigDocument, netD, withDocument } from './cni-config';
import { podLifecycle } from './cni-lifecycle';
import { buildTopology } from './topology';

/** A CNIConfig for node n1 with the bridge plugin's JSON, `over` merged into the usual file. */
const file = (over: Record<string, unknown>, name = '00-lab.conf', ipam?: Record<string, unknown>) => {
  const json = {
    cniVersion: '1.0.0',
    name: 'lab',
    type: 'bridge',
    bridge: 'cni0',
    isGateway: true,
    ipMasq: false,
    ipam: ipam ?? {
      type: 'host-local',
      ranges: [[{ subnet: '10.244.1.0/24' }]],
      routes: [{ dst: '0.0.0.0/0' }],
    },
    ...over,
  };
  return `apiVersion: netlab.dev/v1\nkind: CNIConfig\nmetadata: {name: ${name}}\nspec:\n  nodes: [n1]\n  config: |\n${JSON.stringify(
    json,
    null,
    2,
  )
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}`;
};
const at = (...docs: string[]) => {
  const c = scenario(...TWO, net('{cni: bridge}'), ...docs);
  const t = buildTopology(c);
  return { c, t, n1: t.nodes[0]!, n2: t.nodes[1]!, client: t.pods.find((p) => p.key === 'shop/client')! };
};
const main = (n: { routes: readonly { kind: string; text: string }[] }) =>
  n.routes.filter((r) => r.kind !== 'local').map((r) => r.text);

describe('the winning file drives node n1', () => {
  it('an identical file changes nothing', () => {
    const before = at();
    const after = at(file({}));
    expect(main(after.n1)).toEqual(main(before.n1));
    expect(after.client.network).toEqual(before.client.network);
    expect(trace(after.c, 'shop/client', 'shop/server', '8080').verdict).toBe('delivered');
  });
  it('bridge: the name the file gives, on the device, the routes and the trace', () => {
    const { c, n1 } = at(file({ bridge: 'br-lab' }));
    expect(n1.bridge.name).toBe('br-lab');
    expect(main(n1)[0]).toBe('10.244.1.0/24 dev br-lab proto kernel scope link src 10.244.1.1');
    const hops = trace(c, 'shop/client', 'shop/local', '8080').request;
    expect(hops.find((h) => h.device.kind === 'bridge')!.device.name).toBe('br-lab');
  });
  it('isGateway false: the bridge holds no address and the node no route to its pods', () => {
    const { c, n1, client } = at(file({ isGateway: false }));
    expect(n1.datapath.devices.find((d) => d.kind === 'bridge')).toMatchObject({ name: 'cni0' });
    expect(n1.datapath.devices.find((d) => d.kind === 'bridge')!.address).toBeUndefined();
    expect(main(n1).some((r) => r.includes('dev cni0'))).toBe(false);
    // ipam.routes still gives the pod its default route via .1, which nobody answers ARP for.
    expect(client.network.kind === 'bridged' && client.network.routes[0]!.via).toBe('10.244.1.1');
    const t = trace(c, 'shop/client', 'shop/server', '8080');
    expect(t.verdict).toBe('dropped');
    const drop = allEvents(t.request).find((e) => e.type === 'drop')!;
    expect(drop).toMatchObject({ code: 'no-neighbour' });
    expect(drop.text.en).toContain('Destination Host Unreachable');
    // On the bridge, the pods of n1 still reach each other (layer 2, no gateway needed).
    expect(trace(c, 'shop/client', 'shop/local', '8080').verdict).toBe('delivered');
    // The other node cannot reach n1's pods: n1 has no route to them.
    expect(trace(c, 'shop/server', 'shop/client', '8080').verdict).toBe('dropped');
  });
  it('no default route (no isDefaultGateway, no ipam.routes): "Network is unreachable" at the pod', () => {
    const { c, client } = at(file({}, '00-lab.conf', { type: 'host-local', subnet: '10.244.1.0/24' }));
    expect(client.network.kind === 'bridged' && client.network.routes.map((r) => r.destination)).toEqual([
      '10.244.1.0/24',
    ]);
    const t = trace(c, 'shop/client', 'shop/server', '8080');
    expect(kinds(t.request)).toEqual(['pod-eth0']);
    const drop = allEvents(t.request).find((e) => e.type === 'drop')!;
    expect([drop.code, drop.text.en.includes('Network is unreachable')]).toEqual(['no-route', true]);
  });
  it('isDefaultGateway adds the default route (and makes the bridge the gateway)', () => {
    const { c, client, n1 } = at(
      file({ isGateway: false, isDefaultGateway: true }, '00-lab.conf', {
        type: 'host-local',
        subnet: '10.244.1.0/24',
      }),
    );
    expect(client.network.kind === 'bridged' && client.network.routes[0]).toMatchObject({
      destination: 'default',
      via: '10.244.1.1',
    });
    expect(n1.bridge.unaddressed).toBeUndefined();
    expect(trace(c, 'shop/client', 'shop/server', '8080').verdict).toBe('delivered');
  });
  it('a subnet off the podCIDR: pods take addresses from it, and the other node routes elsewhere', () => {
    const { c, n1, n2, client } = at(
      file({}, '00-lab.conf', {
        type: 'host-local',
        subnet: '10.244.9.0/24',
        routes: [{ dst: '0.0.0.0/0' }],
      }),
    );
    expect(client.ip).toBe('10.244.9.2');
    expect(n1.bridge).toMatchObject({ ip: '10.244.9.1', cidr: '10.244.9.0/24' });
    expect(main(n2)).toContain('10.244.1.0/24 via 192.168.1.11 dev eth0');
    // n1 → n2 still works; n2's reply to 10.244.9.2 follows n2's default route off the cluster.
    const back = trace(c, 'shop/server', 'shop/client', '8080');
    expect(back.verdict).toBe('dropped');
    const n2Route = allEvents(back.request).find((e) => e.type === 'route' && e.owner === 'n2');
    expect(n2Route?.type === 'route' && n2Route.route).toBe('default via 192.168.1.1 dev eth0');
  });
  it('ipMasq: the bridge plugin masquerades n1’s pods to anything off their subnet', () => {
    const off = trace(at(file({})).c, 'shop/client', 'shop/server', '8080');
    expect(allEvents(off.request).some((e) => e.type === 'snat')).toBe(false);
    const on = trace(at(file({ ipMasq: true })).c, 'shop/client', 'shop/server', '8080');
    const snat = allEvents(on.request).find((e) => e.type === 'snat');
    expect(snat).toMatchObject({ by: 'cni', to: { ip: '192.168.1.11' } });
    // n2's pods are not masqueraded: the file is on n1 only.
    const back = trace(at(file({ ipMasq: true })).c, 'shop/server', 'shop/client', '8080');
    expect(allEvents(back.request).some((e) => e.type === 'snat')).toBe(false);
  });
});

describe('the lifecycle panel says which file won and why', () => {
  it('lists the scenario’s file first, chosen, and the generated one after it', () => {
    const { c, t } = at(file({ bridge: 'br-lab' }));
    const d = netD(c.network, t.nodes[0]!);
    expect(d.files.map((f) => f.name)).toEqual(['00-lab.conf', '10-bridge.conf']);
    expect(d.chosen).toMatchObject({ name: '00-lab.conf', user: true });
    expect(d.why.en).toContain('comes first in lexical');
    expect(JSON.parse(d.chosen.text).bridge).toBe('br-lab');
    const life = podLifecycle(c.network, t, 'shop/client')!;
    expect(life.add.some((s) => s.text.en.includes('attached to br-lab'))).toBe(true);
    // n2 has no such file: its generated one wins, the only configuration.
    expect(netD(c.network, t.nodes[1]!).why.en).toContain('the only network configuration');
  });
  it('a broken file is skipped and said so', () => {
    const broken =
      'apiVersion: netlab.dev/v1\nkind: CNIConfig\nmetadata: {name: 00-broken.conf}\nspec:\n  config: |\n    {"type": "bridge",}';
    const r = loadCluster([{ name: 't.yaml', text: [...TWO, net('{cni: bridge}'), broken].join('\n---\n') }]);
    expect(r.diagnostics.find((d) => d.code === 'cni-json')?.message.en).toContain('trailing comma');
    const t = buildTopology(r.cluster);
    expect(t.nodes[0]!.cni.file).toBe('10-bridge.conf');
    const d = netD(r.cluster.network, t.nodes[0]!);
    expect(d.files.find((f) => f.name === '00-broken.conf')).toMatchObject({ broken: true, user: true });
    expect(d.why.en).toContain('00-broken.conf cannot be loaded and is skipped');
  });
});

describe('"Edit this file": the generated file as a CNIConfig document', () => {
  it.each(['bridge', 'flannel', 'calico', 'cilium', 'weave'])(
    '%s: the document loads back without an error, wins on its node and changes nothing drawn',
    (cni) => {
      const before = scenario(...TWO, net(`{cni: ${cni}}`));
      const t0 = buildTopology(before);
      const d = netD(before.network, t0.nodes[0]!);
      const doc = cniConfigDocument(d.chosen, ['n1']);
      const r = loadCluster([
        { name: 't.yaml', text: withDocument([...TWO, net(`{cni: ${cni}}`)].join('\n---\n'), doc) },
      ]);
      expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
      const t1 = buildTopology(r.cluster);
      expect(t1.nodes[0]!.cni.file).toBe(d.chosen.name);
      expect(netD(r.cluster.network, t1.nodes[0]!).chosen.user).toBe(true);
      expect(t1.nodes.map((n) => [n.routes.map((x) => x.text), n.datapath.devices])).toEqual(
        t0.nodes.map((n) => [n.routes.map((x) => x.text), n.datapath.devices]),
      );
      expect(t1.pods.map((p) => [p.ip, p.network])).toEqual(t0.pods.map((p) => [p.ip, p.network]));
    },
  );
});

describe('flannel’s generated conflist names the bridge as the scenario does', () => {
  it.each([
    ['{cni: flannel}', undefined, 'cni0'],
    ['{cni: flannel, bridgeName: br-lab}', 'br-lab', 'br-lab'],
  ])('%s: delegate.bridge %s, drawn as %s', (spec, delegate, drawn) => {
    const c = scenario(...TWO, net(spec));
    const t = buildTopology(c);
    const conf = JSON.parse(netD(c.network, t.nodes[0]!).chosen.text);
    expect(conf.plugins[0].delegate.bridge).toBe(delegate);
    expect(t.nodes[0]!.bridge.name).toBe(drawn);
  });
});

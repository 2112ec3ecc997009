// The CNI lifecycle of a pod: the files in /etc/cni/net.d per CNI, the lexical-order rule, the
// ADD environment, host-local's state file, the result JSON, and DEL freeing the address.
import { describe, expect, it } from 'vitest';
import { scenario } from '../testing/scenario';
import { net, TWO } from '../testing/trace-helpers';
import { firstConfig, netD } from './cni-config';
import { lifecyclePods, podLifecycle } from './cni-lifecycle';
import { buildTopology } from './topology';

const of = (spec: string) => {
  const c = scenario(...TWO, net(spec));
  return { c, t: buildTopology(c) };
};

describe('/etc/cni/net.d for each CNI', () => {
  it.each([
    ['{cni: bridge}', '10-bridge.conf', ['bridge', 'host-local']],
    ['{cni: flannel}', '10-flannel.conflist', ['flannel', 'bridge', 'host-local', 'portmap']],
    ['{cni: calico}', '10-calico.conflist', ['calico', 'host-local', 'portmap', 'bandwidth']],
    ['{cni: cilium}', '05-cilium.conflist', ['cilium-cni']],
    ['{cni: weave}', '10-weave.conflist', ['weave-net', 'portmap']],
  ])('%s: %s', (spec, file, plugins) => {
    const { c, t } = of(spec);
    const d = netD(c.network, t.nodes[0]!);
    expect(d.chosen.name).toBe(file);
    expect(d.plugins).toEqual(plugins);
    expect(() => JSON.parse(d.chosen.text)).not.toThrow();
  });

  it('the bridge .conf carries the scenario: bridge name, ipMasq, host-local on the node podCIDR', () => {
    const { c, t } = of('{cni: bridge, bridgeName: v-net-0, ipMasq: true}');
    const conf = JSON.parse(netD(c.network, t.nodes[1]!).chosen.text);
    expect(conf).toMatchObject({
      type: 'bridge',
      bridge: 'v-net-0',
      isGateway: true,
      ipMasq: true,
      ipam: { type: 'host-local', ranges: [[{ subnet: '10.244.2.0/24' }]] },
    });
    const off = JSON.parse(netD(of('{cni: bridge}').c.network, t.nodes[0]!).chosen.text);
    expect(off.ipMasq).toBe(false);
  });

  it('the first network configuration in lexical order wins, whatever the order written', () => {
    const file = (name: string) => ({ name, text: '{}', config: true });
    expect(firstConfig([file('20-b.conflist'), file('10-a.conf'), file('99-z.json')])!.name).toBe(
      '10-a.conf',
    );
    // byte order: upper case before lower case, digits before letters
    expect(firstConfig([file('a.conf'), file('B.conf'), file('5.conf')])!.name).toBe('5.conf');
    expect(firstConfig([file('README.md'), file('10-x.conflist')])!.name).toBe('10-x.conflist');
  });
});

describe('a pod network from ADD to DEL', () => {
  const { c, t } = of('{cni: bridge}');
  const life = podLifecycle(c.network, t, 'shop/client')!;

  it('runs the chosen plugin with CNI_COMMAND=ADD, the container ID, the netns and eth0', () => {
    const run = life.add.find((s) => s.code?.includes('CNI_COMMAND=ADD'))!;
    expect(run.code).toContain(`CNI_CONTAINERID=${life.containerId}`);
    expect(run.code).toContain(`CNI_NETNS=${life.netns}`);
    expect(run.code).toContain('CNI_IFNAME=eth0');
    expect(run.code).toContain('/opt/cni/bin/bridge < /etc/cni/net.d/10-bridge.conf');
    expect(life.containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(life.netns).toMatch(
      /^\/var\/run\/netns\/cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('host-local records the address in its state directory, and DEL deletes it', () => {
    expect(life.add.some((s) => s.code?.startsWith('/var/lib/cni/networks/bridge/10.244.1.2'))).toBe(true);
    expect(life.del.map((s) => s.text.en).join(' ')).toContain(
      'deletes /var/lib/cni/networks/bridge/10.244.1.2',
    );
    expect(life.del.some((s) => s.code?.startsWith('CNI_COMMAND=DEL'))).toBe(true);
  });

  it('prints a result with the veth, eth0 in the namespace, the address, gateway and routes', () => {
    const r = JSON.parse(life.result);
    const client = t.pods.find((p) => p.key === 'shop/client')!.network;
    expect(r.interfaces[0].name).toBe(client.kind === 'bridged' ? client.veth : '');
    expect(r.interfaces[1]).toMatchObject({ name: 'eth0', sandbox: life.netns });
    expect(r.ips).toEqual([{ address: '10.244.1.2/24', gateway: '10.244.1.1', interface: 1 }]);
    expect(r.routes).toEqual([{ dst: '0.0.0.0/0', gw: '10.244.1.1' }]);
  });

  it('has none for a pod without its own network namespace', () => {
    expect(lifecyclePods(t).map((p) => p.key)).toEqual(['shop/client', 'shop/server', 'shop/local']);
    expect(podLifecycle(c.network, t, 'shop/nobody')).toBeNull();
  });

  it('says what CHECK and VERSION do, in both languages', () => {
    expect(life.check.en).toContain('CHECK');
    expect(life.version.ko).toContain('VERSION');
  });
});

// Each CNI as it builds a node: devices, `ip route` lines, FDB/ARP, the pod's side, and the trace's
// hops and outer headers between two nodes. Expected lines are written by hand from each plugin.
import { describe, expect, it } from 'vitest';
import { scenario } from '../testing/scenario';
import { BRIDGE_VTEP_HOPS, event, kinds, net, trace, TWO } from '../testing/trace-helpers';
import { buildTopology } from './topology';

const at = (spec: string) => {
  const c = scenario(...TWO, net(spec));
  const t = buildTopology(c);
  const n1 = t.nodes[0]!;
  const client = t.pods.find((p) => p.key === 'shop/client')!;
  return { c, t, n1, client };
};
const main = (lines: readonly { kind: string; text: string }[]) =>
  lines.filter((r) => r.kind !== 'local').map((r) => r.text);

describe('each CNI draws and routes node n1 as it builds it', () => {
  const cases: [
    string,
    { hub: string; veth: RegExp; devices: string[]; routes: string[]; podRoutes: string[] },
  ][] = [
    [
      '{cni: bridge}',
      {
        hub: 'cni0',
        veth: /^veth[0-9a-f]{8}$/,
        devices: ['cni0 10.244.1.1/24'],
        routes: [
          '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
          '10.244.2.0/24 via 192.168.1.12 dev eth0',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: [
          'default via 10.244.1.1 dev eth0',
          '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2',
        ],
      },
    ],
    [
      '{cni: flannel}',
      {
        hub: 'cni0',
        veth: /^veth[0-9a-f]{8}$/,
        devices: ['cni0 10.244.1.1/24', 'flannel.1 10.244.1.0/32'],
        routes: [
          '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
          '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: [
          'default via 10.244.1.1 dev eth0',
          // flannel's delegate ipam.routes: FLANNEL_NETWORK via the bridge (flannel-io/cni-plugin).
          '10.244.0.0/16 via 10.244.1.1 dev eth0',
          '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2',
        ],
      },
    ],
    [
      '{cni: calico}',
      {
        hub: 'cali…',
        veth: /^cali[0-9a-f]{11}$/,
        devices: [],
        routes: [
          '10.244.1.2 dev CLIENT scope link',
          '10.244.1.3 dev LOCAL scope link',
          'blackhole 10.244.1.0/24 proto bird',
          '10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: ['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link'],
      },
    ],
    [
      '{cni: calico, calicoEncapsulation: IPIP}',
      {
        hub: 'cali…',
        veth: /^cali[0-9a-f]{11}$/,
        devices: ['tunl0 10.244.1.0/32'],
        routes: [
          '10.244.1.2 dev CLIENT scope link',
          '10.244.1.3 dev LOCAL scope link',
          'blackhole 10.244.1.0/24 proto bird',
          '10.244.2.0/24 via 192.168.1.12 dev tunl0 proto bird onlink',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: ['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link'],
      },
    ],
    [
      '{cni: calico, calicoEncapsulation: VXLAN}',
      {
        hub: 'cali…',
        veth: /^cali[0-9a-f]{11}$/,
        devices: ['vxlan.calico 10.244.1.0/32'],
        routes: [
          '10.244.1.2 dev CLIENT scope link',
          '10.244.1.3 dev LOCAL scope link',
          'blackhole 10.244.1.0/24 proto bird',
          '10.244.2.0/24 via 10.244.2.0 dev vxlan.calico onlink',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: ['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link'],
      },
    ],
    [
      '{cni: cilium}',
      {
        hub: 'cilium_host',
        veth: /^lxc[0-9a-f]{12}$/,
        devices: ['cilium_host 10.244.1.1/32', 'cilium_net', 'cilium_vxlan'],
        routes: [
          '10.244.1.0/24 via 10.244.1.1 dev cilium_host src 10.244.1.1',
          '10.244.1.1 dev cilium_host scope link',
          '10.244.2.0/24 via 10.244.1.1 dev cilium_host src 10.244.1.1 mtu 1450',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: ['default via 10.244.1.1 dev eth0 mtu 1450', '10.244.1.1 dev eth0 scope link'],
      },
    ],
    [
      '{cni: cilium, ciliumRoutingMode: native}',
      {
        hub: 'cilium_host',
        veth: /^lxc[0-9a-f]{12}$/,
        devices: ['cilium_host 10.244.1.1/32', 'cilium_net'],
        routes: [
          '10.244.1.0/24 via 10.244.1.1 dev cilium_host src 10.244.1.1',
          '10.244.1.1 dev cilium_host scope link',
          '10.244.2.0/24 via 192.168.1.12 dev eth0',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: ['default via 10.244.1.1 dev eth0', '10.244.1.1 dev eth0 scope link'],
      },
    ],
    [
      '{cni: weave}',
      {
        hub: 'weave',
        veth: /^vethwepl[0-9a-f]{7}$/,
        devices: ['weave 10.244.1.1/16', 'vethwe-bridge', 'datapath', 'vxlan-6784'],
        routes: [
          '10.244.0.0/16 dev weave proto kernel scope link src 10.244.1.1',
          '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
          'default via 192.168.1.1 dev eth0',
        ],
        podRoutes: [
          'default via 10.244.1.1 dev eth0',
          '10.244.0.0/16 dev eth0 proto kernel scope link src 10.244.1.2',
        ],
      },
    ],
  ];

  it.each(cases)('%s', (spec, want) => {
    const { t, n1, client } = at(spec);
    expect(n1.bridge.name).toBe(want.hub);
    expect(n1.datapath.devices.map((d) => (d.address ? `${d.name} ${d.address}` : d.name))).toEqual(
      want.devices,
    );
    const veth = (key: string) => {
      const n = t.pods.find((p) => p.key === key)!.network;
      return n.kind === 'bridged' ? n.veth : '';
    };
    expect(veth('shop/client')).toMatch(want.veth);
    expect(main(n1.routes)).toEqual(
      want.routes.map((r) => r.replace('CLIENT', veth('shop/client')).replace('LOCAL', veth('shop/local'))),
    );
    expect(
      client.network.kind === 'bridged' && client.network.routes.map((r) => [r.destination, r]),
    ).toBeTruthy();
    const podLines = client.network.kind === 'bridged' ? client.network.routes : [];
    expect(podLines.map((r) => (r.mtu ? `${formatted(r)}` : formatted(r)))).toEqual(want.podRoutes);
  });

  it('flannel and calico VXLAN keep an FDB and an ARP entry per other node: VTEP MAC → node IP', () => {
    for (const [spec, dev] of [
      ['{cni: flannel}', 'flannel.1'],
      ['{cni: calico, calicoEncapsulation: VXLAN}', 'vxlan.calico'],
    ] as const) {
      const { t, n1 } = at(spec);
      const n2vtep = t.nodes[1]!.datapath.devices.find((d) => d.name === dev)!;
      const mac = /([0-9a-f]{2}(:[0-9a-f]{2}){5})$/.exec(n2vtep.detail!)![1]!;
      expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02); // locally administered, unicast
      expect(n1.datapath.neighbours).toEqual([
        {
          node: 'n2',
          fdb: `${mac} dev ${dev} dst 192.168.1.12 self permanent`,
          arp: `10.244.2.0 dev ${dev} lladdr ${mac} PERMANENT`,
        },
      ]);
    }
  });
});

describe('the trace crosses each CNI the way it is drawn', () => {
  const cases: [string, string[], Record<string, unknown> | null][] = [
    [
      '{cni: bridge}',
      [
        'pod-eth0',
        'veth-host',
        'bridge',
        'node-eth0',
        'node-network',
        'node-eth0',
        'bridge',
        'veth-host',
        'pod-eth0',
      ],
      null,
    ],
    ['{cni: flannel}', BRIDGE_VTEP_HOPS, { protocol: 'UDP', dstPort: 8472, vni: 1 }],
    [
      '{cni: calico}',
      ['pod-eth0', 'veth-host', 'node-eth0', 'node-network', 'node-eth0', 'veth-host', 'pod-eth0'],
      null,
    ],
    [
      '{cni: calico, calicoEncapsulation: IPIP}',
      [
        'pod-eth0',
        'veth-host',
        'vtep',
        'node-eth0',
        'node-network',
        'node-eth0',
        'vtep',
        'veth-host',
        'pod-eth0',
      ],
      { protocol: 'IPIP' },
    ],
    [
      '{cni: calico, calicoEncapsulation: VXLAN}',
      [
        'pod-eth0',
        'veth-host',
        'vtep',
        'node-eth0',
        'node-network',
        'node-eth0',
        'vtep',
        'veth-host',
        'pod-eth0',
      ],
      { protocol: 'UDP', dstPort: 4789, vni: 4096 },
    ],
    [
      '{cni: cilium}',
      [
        'pod-eth0',
        'veth-host',
        'vtep',
        'node-eth0',
        'node-network',
        'node-eth0',
        'vtep',
        'veth-host',
        'pod-eth0',
      ],
      { protocol: 'UDP', dstPort: 8472 },
    ],
    [
      '{cni: cilium, ciliumRoutingMode: native}',
      ['pod-eth0', 'veth-host', 'node-eth0', 'node-network', 'node-eth0', 'veth-host', 'pod-eth0'],
      null,
    ],
    ['{cni: weave}', BRIDGE_VTEP_HOPS, { protocol: 'UDP', dstPort: 6784 }],
  ];

  it.each(cases)('%s: client on n1 → server on n2', (spec, hops, outer) => {
    const { c } = at(spec);
    const t = trace(c, 'shop/client', 'shop/server', '8080');
    expect(t.verdict).toBe('delivered');
    expect(kinds(t.request)).toEqual(hops);
    const encap = t.request.find((h) => h.events.some((e) => e.type === 'encap'));
    if (outer === null) expect(encap).toBeUndefined();
    else expect(event(encap!, 'encap').outer).toEqual({ src: '192.168.1.11', dst: '192.168.1.12', ...outer });
  });

  it('the bridge plugin masquerades only with ipMasq: true, and then even towards other nodes’ pods', () => {
    const off = trace(scenario(...TWO, net('{cni: bridge}')), 'shop/client', 'shop/server', '8080');
    expect(off.request.flatMap((h) => h.events).some((e) => e.type === 'snat')).toBe(false);
    const on = trace(
      scenario(...TWO, net('{cni: bridge, ipMasq: true}')),
      'shop/client',
      'shop/server',
      '8080',
    );
    const snat = on.request.flatMap((h) => h.events).find((e) => e.type === 'snat');
    expect(snat).toMatchObject({ by: 'cni', to: { ip: '192.168.1.11' } });
    expect(on.request[on.request.length - 1]!.headers.src).toBe('192.168.1.11');
  });

  it("cilium's kube-proxy replacement does the DNAT itself: no kube-proxy chains", () => {
    const c = scenario(
      ...TWO,
      net('{cni: cilium, kubeProxyReplacement: true}'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {tier: api}, ports: [{port: 80, targetPort: 8080}]}',
    );
    const t = trace(c, 'shop/client', 'svc:shop/api', '80');
    const hop = t.request.find((h) => h.device.kind === 'kube-proxy')!;
    expect(hop.device.name).toBe('cilium eBPF (kube-proxy replacement)');
    const dnat = event(hop, 'dnat');
    expect(dnat.rule).toBeUndefined();
    expect(dnat.text.en).toContain('no KUBE-SVC chains');
    expect(t.network.kubeProxyReplacement).toBe(true);
  });
});

function formatted(r: {
  destination: string;
  via?: string;
  dev: string;
  proto?: string;
  scope?: string;
  src?: string;
  mtu?: number;
}): string {
  return [
    r.destination,
    r.via && `via ${r.via}`,
    `dev ${r.dev}`,
    r.proto && `proto ${r.proto}`,
    r.scope && `scope ${r.scope}`,
    r.src && `src ${r.src}`,
    r.mtu !== undefined && `mtu ${r.mtu}`,
  ]
    .filter(Boolean)
    .join(' ');
}

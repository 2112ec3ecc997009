// layoutTopology: deterministic, stable under edits that add no nodes/pods/Services, append-only
// for new pods, free of overlapping pod cards, and inside its own bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { loadCluster } from '../k8s/load-cluster';
import { buildTopology, type Topology, type TopologyNode, type TopologyPod } from '../model/topology';
import { cniProfile } from '../model/cni';
import { netpol } from '../testing/scenario';
import {
  CELL_W,
  ETH0_H,
  POD_H,
  POD_W,
  RAIL_INSET,
  shortName,
  VETH_LEN,
  layoutTopology,
  type Rect,
  type Scene,
  type ScenePod,
} from './layout-topology';

const topologyOf = (yaml: string): Topology => {
  const r = loadCluster([{ name: 's.yaml', text: yaml }]);
  expect(r.hasErrors).toBe(false);
  return buildTopology(r.cluster);
};

const podDoc = (ns: string, name: string, nodeName: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {role: extra}}\nspec:\n  nodeName: ${nodeName}\n  containers: [{name: c}]`;

/** A synthetic topology: pods per node (`h` marks hostNetwork), plus unscheduled pods, Services and externals. */
function synthetic(spec: {
  nodes: readonly string[];
  unscheduled?: number;
  services?: number;
  externals?: number;
}): Topology {
  const pods: TopologyPod[] = [];
  const mk = (key: string, node: string | null, host: boolean): TopologyPod => ({
    key,
    namespace: key.split('/')[0]!,
    name: key.split('/')[1]!,
    ip: '10.244.0.2',
    ipSource: 'status',
    node,
    resolvConf: '',
    hostNetwork: host,
    labels: {},
    containers: [],
    network:
      node === null
        ? { kind: 'unwired', interface: { name: 'eth0', ip: '10.244.0.2', prefix: 16 } }
        : host
          ? { kind: 'host', interface: { name: 'eth0', ip: '192.168.0.1' }, node }
          : {
              kind: 'bridged',
              interface: { name: 'eth0', ip: '10.244.0.2', prefix: 24 },
              veth: `veth${key}`,
              bridge: 'cni0',
              gateway: '10.244.0.1',
              routes: [],
            },
  });
  const nodes: TopologyNode[] = spec.nodes.map((layout, i) => {
    const name = `n${i}`;
    const keys = [...layout].map((c, j) => {
      const p = mk(`ns/${name}-p${j}`, name, c === 'h');
      pods.push(p);
      return p.key;
    });
    const bridge = {
      kind: 'bridge' as const,
      name: 'cni0',
      ip: '10.244.0.1',
      prefix: 24,
      cidr: '10.244.0.0/24',
    };
    return {
      name,
      labels: {},
      bridge,
      pods: keys,
      routes: [],
      datapath: { hub: bridge, devices: [], routes: [], neighbours: [] },
      cni: {
        file: '10-bridge.conf',
        names: ['10-bridge.conf'],
        userFiles: [],
        bridge: 'cni0',
        isGateway: true,
        masquerade: 'none' as const,
      },
    };
  });
  const unscheduled: string[] = [];
  for (let j = 0; j < (spec.unscheduled ?? 0); j++) {
    const p = mk(`ns/u${j}`, null, false);
    pods.push(p);
    unscheduled.push(p.key);
  }
  const services = Array.from({ length: spec.services ?? 0 }, (_, i) => ({
    key: `ns/s${i}`,
    namespace: 'ns',
    name: `s${i}`,
    type: 'ClusterIP' as const,
    clusterIP: null,
    clusterIPSource: 'none' as const,
    ports: [],
    endpoints: pods.filter((_, j) => j % (i + 2) === 0).map((p) => p.key),
    backends: [],
    backendsFrom: 'selector' as const,
    loadBalancerIPs: [],
    loadBalancerHostnames: [],
    externalIPs: [],
    externalTrafficPolicy: 'Cluster' as const,
    internalTrafficPolicy: 'Cluster' as const,
  }));
  const externals = Array.from({ length: spec.externals ?? 0 }, (_, i) => ({
    name: `e${i}`,
    ip: `203.0.113.${i + 1}`,
  }));
  return { bridgeName: 'cni0', profile: cniProfile('bridge'), nodes, pods, unscheduled, services, externals };
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect, outer: Rect): boolean =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;

/** Every rectangle and link point of the scene, with the id it belongs to. */
function everything(s: Scene): { id: string; rect: Rect }[] {
  return [
    ...s.boxes,
    ...s.pods,
    ...s.services,
    ...s.externals,
    ...s.nodes.flatMap((n) => [
      n,
      { id: `${n.id}/header`, rect: n.header },
      { id: `${n.id}/eth0`, rect: n.eth0 },
      { id: `${n.id}/grid`, rect: n.grid },
    ]),
    ...s.bridges.flatMap((b) => [b, ...b.rails]),
    ...s.links.flatMap((l) =>
      l.points.map(([x, y], i) => ({ id: `${l.id}#${i}`, rect: { x, y, w: 0, h: 0 } })),
    ),
  ];
}

/** The structural checks every scene must pass. */
function checkScene(s: Scene): void {
  const bounds = { x: 0, y: 0, w: s.width, h: s.height };
  const outside = everything(s).filter((item) => !inside(item.rect, bounds));
  expect(outside, `outside ${s.width}×${s.height}`).toEqual([]);

  const ids = [
    ...s.nodes,
    ...s.pods,
    ...s.bridges,
    ...s.services,
    ...s.externals,
    ...s.links,
    ...s.boxes,
    ...s.bridges.flatMap((b) => b.rails),
  ].map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);

  const byNode = new Map<string | null, ScenePod[]>();
  for (const p of s.pods) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  const boxOf = (node: string | null): Rect =>
    (node === null ? s.boxes.find((b) => b.kind === 'unscheduled')! : s.nodes.find((n) => n.name === node)!)
      .rect;
  for (const [node, pods] of byNode) {
    expect(
      pods.filter((p) => !inside(p.rect, boxOf(node))).map((p) => p.id),
      'pods outside their box',
    ).toEqual([]);
    // Cards sit on a grid, so overlap is only possible within a row.
    const rows = new Map<number, ScenePod[]>();
    for (const p of pods) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
    const clashes: string[] = [];
    for (const row of rows.values()) {
      for (let i = 0; i < row.length; i++)
        for (let j = i + 1; j < row.length; j++)
          if (overlaps(row[i]!.rect, row[j]!.rect)) clashes.push(`${row[i]!.id} / ${row[j]!.id}`);
    }
    expect(clashes).toEqual([]);
    const ys = [...new Set(pods.map((p) => p.rect.y))].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(POD_H);
  }
  const cluster = s.boxes.find((b) => b.kind === 'cluster')!.rect;
  const columns = [
    ...s.nodes.map((n) => n.rect),
    ...s.boxes.filter((b) => b.kind === 'unscheduled').map((b) => b.rect),
  ];
  for (let i = 0; i < columns.length; i++)
    for (let j = i + 1; j < columns.length; j++) expect(overlaps(columns[i]!, columns[j]!)).toBe(false);
  for (const sv of s.services) {
    expect(inside(sv.rect, cluster)).toBe(true);
    for (const c of columns) expect(overlaps(sv.rect, c)).toBe(false);
  }
  for (const e of s.externals) expect(overlaps(e.rect, cluster)).toBe(false);
}

describe('the default scenario', () => {
  const t = topologyOf(defaultYaml);
  const s = layoutTopology(t);

  it('is deterministic and well formed', () => {
    expect(layoutTopology(topologyOf(defaultYaml))).toEqual(s);
    checkScene(s);
    expect(s.nodes.map((n) => n.id)).toEqual(['node:node01', 'node:node02']);
    expect(s.pods.map((p) => [p.id, p.node, p.index])).toEqual([
      ['prod/web', 'node01', 0],
      ['prod/db', 'node01', 1],
      ['prod/backend', 'node02', 0],
    ]);
    expect(s.services.map((x) => x.id)).toEqual(['svc:prod/web', 'svc:prod/backend', 'svc:prod/db']);
    expect(s.externals.map((x) => x.id)).toEqual(['ext:user', 'ext:backup-server']);
  });

  it('draws each veth from the bridge rail to the pod, labelled with its host name (cut to fit) and eth0', () => {
    const veth = s.links.find((l) => l.id === 'veth:prod/web')!;
    const web = s.pods.find((p) => p.id === 'prod/web')!;
    const bridge = s.bridges.find((b) => b.node === 'node01')!;
    expect(veth.kind).toBe('veth');
    const name = (t.pods[0]!.network as { veth: string }).veth;
    expect(veth.ends!.map((e) => e.label)).toEqual([shortName(name), 'eth0']);
    // calico's cali + 11 hex digits is cut to 12 characters and an ellipsis; veth + 8 is kept whole.
    expect(name).toMatch(/^cali[0-9a-f]{11}$/);
    expect(shortName(name)).toBe(`${name.slice(0, 12)}…`);
    expect(shortName('veth67fb78c5')).toBe('veth67fb78c5');
    expect(veth.points.at(-1)).toEqual([web.rect.x, web.rect.y + POD_H / 2]);
    expect(veth.points[0]![0]).toBe(web.rect.x - VETH_LEN + RAIL_INSET);
    const rail = bridge.rails.find((r) => r.column === web.column)!;
    expect(rail.rect.y).toBe(bridge.rect.y + bridge.rect.h);
    expect(veth.points[0]![0]).toBe(rail.rect.x + rail.rect.w / 2);
    expect(rail.rect.y + rail.rect.h).toBeGreaterThanOrEqual(veth.points[0]![1]);
  });

  it('wires eth0s to the node network, bridges to eth0, Services to their endpoints and externals to the node network', () => {
    const kinds = (k: string) => s.links.filter((l) => l.kind === k).map((l) => l.id);
    expect(kinds('node-net')).toEqual(['node-net:node01', 'node-net:node02']);
    expect(kinds('host-route')).toEqual(['host-route:node01', 'host-route:node02']);
    expect(kinds('service')).toEqual([
      'service:prod/web>prod/web',
      'service:prod/backend>prod/backend',
      'service:prod/db>prod/db',
    ]);
    expect(kinds('external')).toEqual(['external:user', 'external:backup-server']);
    const net = s.boxes.find((b) => b.kind === 'node-network')!.rect;
    for (const n of s.nodes) {
      const up = s.links.find((l) => l.id === `node-net:${n.name}`)!;
      expect(up.points[0]![1]).toBe(net.y + net.h);
      expect(up.points.at(-1)![1]).toBe(n.eth0.y);
      expect(n.eth0.y + ETH0_H / 2).toBe(n.rect.y);
    }
    const db = s.pods.find((p) => p.id === 'prod/db')!.rect;
    expect(s.links.find((l) => l.id === 'service:prod/db>prod/db')!.points.at(-1)![0]).toBe(db.x + POD_W);
  });

  it('moves nothing when a label or a policy is added', () => {
    const edited =
      defaultYaml.replace('    role: web\n', '    role: web\n    tier: frontend\n') +
      '---\n' +
      netpol('prod/deny', '{podSelector: {}, policyTypes: [Ingress]}');
    expect(edited).toContain('tier: frontend');
    expect(layoutTopology(topologyOf(edited))).toEqual(s);
  });

  it('appends an added pod to its node grid and moves no other pod', () => {
    const grown = layoutTopology(topologyOf(defaultYaml + '---\n' + podDoc('prod', 'extra', 'node02')));
    for (const p of s.pods) expect(grown.pods.find((q) => q.id === p.id)).toEqual(p);
    expect(grown.pods.find((p) => p.id === 'prod/extra')).toMatchObject({
      node: 'node02',
      index: 1,
      row: 0,
      column: 1,
    });
    for (const n of s.nodes) expect(grown.nodes.find((m) => m.id === n.id)).toEqual(n);
  });
});

describe('hostNetwork and unscheduled pods', () => {
  it('links hostNetwork pods to eth0 instead of the bridge and draws unscheduled pods in their own box', () => {
    const s = layoutTopology(synthetic({ nodes: ['bhb'], unscheduled: 3 }));
    checkScene(s);
    expect(s.links.filter((l) => l.kind === 'veth').map((l) => l.to)).toEqual(['ns/n0-p0', 'ns/n0-p2']);
    const host = s.links.find((l) => l.id === 'host-network:ns/n0-p1')!;
    const n0 = s.nodes[0]!;
    expect(host.points.at(-1)![1]).toBe(n0.eth0.y + n0.eth0.h);
    expect(s.pods.find((p) => p.id === 'ns/n0-p1')!.hostNetwork).toBe(true);
    const box = s.boxes.find((b) => b.kind === 'unscheduled')!;
    expect(s.pods.filter((p) => p.node === null).map((p) => p.id)).toEqual(['ns/u0', 'ns/u1', 'ns/u2']);
    expect(box.rect.x).toBeGreaterThan(n0.rect.x + n0.rect.w);
    // Column 1 holds only the hostNetwork pod: no rail there.
    expect(s.bridges[0]!.rails.map((r) => r.column)).toEqual([0]);
  });

  it('never moves the nodes when unscheduled pods appear', () => {
    const base = synthetic({ nodes: ['bb', 'b'], services: 9, externals: 1 });
    const more = synthetic({ nodes: ['bb', 'b'], services: 9, externals: 1, unscheduled: 4 });
    const a = layoutTopology(base);
    const b = layoutTopology(more);
    // Boxes grow to the tallest column; nothing moves.
    const place = (x: Scene) => x.nodes.map((n) => [n.rect.x, n.rect.y, n.rect.w, n.header, n.eth0]);
    expect(place(b)).toEqual(place(a));
    expect(b.bridges).toEqual(a.bridges);
    expect(b.services).toEqual(a.services);
    expect(b.pods.slice(0, a.pods.length)).toEqual(a.pods);
  });
});

describe('scale', () => {
  it('stays legible at 3 nodes × 15 pods: a column grid with every pod veth-linked', () => {
    const s = layoutTopology(
      synthetic({ nodes: ['b'.repeat(15), 'b'.repeat(15), 'b'.repeat(15)], services: 5, externals: 2 }),
    );
    checkScene(s);
    expect(s.pods).toHaveLength(45);
    expect(s.links.filter((l) => l.kind === 'veth')).toHaveLength(45);
    expect(new Set(s.pods.map((p) => p.column))).toEqual(new Set([0, 1]));
    expect(Math.max(...s.pods.map((p) => p.row))).toBe(7);
    expect(s.nodes[1]!.rect.x - s.nodes[0]!.rect.x).toBeGreaterThanOrEqual(2 * CELL_W);
  });

  it('lays out 500 pods', () => {
    const s = layoutTopology(
      synthetic({
        nodes: ['b'.repeat(170), 'bh'.repeat(80), 'b'.repeat(160)],
        unscheduled: 10,
        services: 20,
        externals: 3,
      }),
    );
    checkScene(s);
    expect(s.pods).toHaveLength(500);
  });

  it('places any number of pods per node without overlap and inside the scene', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.boolean(), { maxLength: 40 }).map((xs) => xs.map((h) => (h ? 'h' : 'b')).join('')),
          { maxLength: 5 },
        ),
        fc.nat(12),
        fc.nat(12),
        fc.nat(4),
        fc.integer({ min: 1, max: 5 }),
        (nodes, unscheduled, services, externals, podColumns) => {
          const t = synthetic({ nodes, unscheduled, services, externals });
          const s = layoutTopology(t, { podColumns });
          checkScene(s);
          expect(s.pods).toHaveLength(t.pods.length);
          expect(layoutTopology(t, { podColumns })).toEqual(s);
        },
      ),
      { numRuns: 150 },
    );
  });
});

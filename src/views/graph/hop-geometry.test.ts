import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import DEFAULT from '../../scenarios/default.yaml?raw';
import { ModelEngine } from '../../app-model/model-engine';
import { hopPoints, legWaypoints, pointAlong, type HopPoint } from './hop-geometry';

function journey(from: string, to: string, port: number) {
  const engine = new ModelEngine();
  // Under the bridge plugin: the path runs along the cni0 bars (calico has no bridge to run along).
  const view = engine.update(
    `${DEFAULT}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: bridge}\n`,
  );
  const r = engine.trace({ from, to, port: { port, protocol: 'TCP' } });
  if (!('trace' in r)) throw new Error('no trace');
  const hops = [...r.trace.request, ...(r.trace.reply ?? [])];
  return { hops, points: hopPoints(hops, view.model.scene) };
}

const isAxisAligned = (a: HopPoint, b: HopPoint) => a.x === b.x || a.y === b.y;

describe('legWaypoints', () => {
  it('web → backend on another node runs along the wires: every turn is a right angle at a bus', () => {
    const { hops, points } = journey('prod/web', 'prod/backend', 5000);
    const kinds = hops.map((h) => h.device.kind);
    // The path crosses both bridges and the node network.
    expect(kinds).toEqual(
      expect.arrayContaining(['pod-eth0', 'veth-host', 'bridge', 'node-eth0', 'node-network']),
    );
    for (let i = 1; i < hops.length; i++) {
      const leg = legWaypoints(hops, points, i);
      expect(leg[0]).toEqual(points[i - 1]);
      expect(leg.at(-1)).toEqual(points[i]);
      const busEnd =
        ['bridge', 'node-network'].includes(hops[i - 1]!.device.kind) !==
        ['bridge', 'node-network'].includes(hops[i]!.device.kind);
      if (busEnd)
        for (let k = 1; k < leg.length; k++)
          expect(isAxisAligned(leg[k - 1]!, leg[k]!), `${kinds[i - 1]} → ${kinds[i]}`).toBe(true);
    }
    // bridge → node eth0: first along the bridge (same y), then up to eth0 (same x).
    const up = kinds.findIndex((k, i) => k === 'node-eth0' && kinds[i - 1] === 'bridge');
    const leg = legWaypoints(hops, points, up);
    expect(leg).toHaveLength(3);
    expect(leg[1]).toEqual({ x: points[up]!.x, y: points[up - 1]!.y });
  });

  it('the first hop has no way in; a leg between two points on one line is straight', () => {
    const { hops, points } = journey('prod/web', 'prod/db', 3306);
    expect(legWaypoints(hops, points, 0)).toEqual([points[0]]);
    const veth = hops.findIndex((h) => h.device.kind === 'veth-host');
    expect(legWaypoints(hops, points, veth)).toHaveLength(2);
  });
});

describe('pointAlong', () => {
  const L = [
    { x: 0, y: 0 },
    { x: 30, y: 0 },
    { x: 30, y: 10 },
  ];

  it('measures by length across the corners', () => {
    expect(pointAlong(L, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(L, 0.5)).toEqual({ x: 20, y: 0 });
    expect(pointAlong(L, 0.75)).toEqual({ x: 30, y: 0 });
    expect(pointAlong(L, 1)).toEqual({ x: 30, y: 10 });
    expect(pointAlong([{ x: 5, y: 5 }], 0.3)).toEqual({ x: 5, y: 5 });
  });

  it('reaches each corner and the middle of each segment at its share of the length', () => {
    const pt = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 2, maxLength: 6 }), (ws) => {
        const lengths = ws.slice(1).map((p, k) => Math.hypot(p.x - ws[k]!.x, p.y - ws[k]!.y));
        const total = lengths.reduce((a, b) => a + b, 0);
        fc.pre(lengths.every((l) => l > 0));
        const close = (p: { x: number; y: number }, q: { x: number; y: number }) =>
          expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(1e-6 * total);
        let done = 0;
        lengths.forEach((len, k) => {
          const a = ws[k]!;
          const b = ws[k + 1]!;
          close(pointAlong(ws, (done + len / 2) / total), { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
          done += len;
          close(pointAlong(ws, done / total), b);
        });
        close(pointAlong(ws, 0), ws[0]!);
      }),
    );
  });
});

// The volumes drawing as data: one column per kind, each object once, links for mounts, bindings,
// classes, provisioners and the storage behind each PV; stable for the same scene.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVolumes } from './load-volumes';
import { settleVolumes } from './pv-controller';
import { volumesScene } from './volumes-scene';

const text = readFileSync(join(import.meta.dirname, '../scenarios/storage.yaml'), 'utf8');
const sim = settleVolumes(loadVolumes([{ name: 's.yaml', text }]).scene);

describe('volumesScene', () => {
  const scene = volumesScene(sim);
  const states = (kind: string) =>
    Object.fromEntries(scene.boxes.filter((b) => b.kind === kind).map((b) => [b.name, b.state]));

  it('draws every claim, PV and pod with its state', () => {
    expect(states('claim')).toEqual({
      'default/data': 'Bound',
      'default/logs': 'Pending',
      'default/cache': 'Bound',
      'default/scratch': 'Bound',
    });
    expect(states('pod')).toEqual({ 'default/db': 'Running', 'default/worker': 'Running' });
    expect(states('driver')).toEqual({
      'ebs.csi.aws.com': 'installed',
      'kubernetes.io/no-provisioner': 'none',
    });
    expect(Object.values(states('pv')).sort()).toEqual(['Available', 'Available', 'Bound', 'Bound', 'Bound']);
  });

  it('links claims to their PVs, PVs to their storage, classes to their provisioner', () => {
    const has = (from: string, to: string, kind: string) =>
      scene.links.some((l) => l.from === from && l.to === to && l.kind === kind);
    expect(has('pod:default/db', 'claim:default/data', 'mounts')).toBe(true);
    expect(has('claim:default/data', 'pv:pv-big', 'bound')).toBe(true);
    expect(has('pv:pv-big', 'backing:hostPath:/mnt/big', 'stores')).toBe(true);
    expect(has('class:standard', 'driver:ebs.csi.aws.com', 'provisioner')).toBe(true);
    expect(
      scene.links.every(
        (l) => scene.boxes.some((b) => b.id === l.from) && scene.boxes.some((b) => b.id === l.to),
      ),
    ).toBe(true);
  });

  it('puts no two boxes at the same place, and is the same every time', () => {
    const places = scene.boxes.map((b) => `${b.x},${b.y}`);
    expect(new Set(places).size).toBe(places.length);
    expect(volumesScene(sim)).toEqual(scene);
  });
});

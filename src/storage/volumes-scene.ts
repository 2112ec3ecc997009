// The volumes lab's drawing as positioned data: Pods → PVCs → PVs → StorageClasses →
// provisioner (CSI driver) → backing storage, in columns, each box with its state. Deterministic:
// the same scene always draws the same, rows follow the files, claims keep their PVs beside them.
import type { VolumeSimulation } from './pv-controller';
import { claimKey, NO_PROVISIONER } from './volume-types';

export type SceneColumn = 'pod' | 'claim' | 'pv' | 'class' | 'driver' | 'backing';
export const SCENE_COLUMNS: readonly SceneColumn[] = ['pod', 'claim', 'pv', 'class', 'driver', 'backing'];

export interface SceneBox {
  /** `claim:default/data`, `pv:pv-big`, … */
  readonly id: string;
  readonly kind: SceneColumn;
  /** The object's name as the user wrote it (`default/data`, `pv-big`). */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** A second line: size, modes, provisioner. */
  readonly detail: string;
  /** Bound, Pending, Available, Released, Failed, Running, ContainerCreating, installed, missing, … */
  readonly state: string;
}

export interface SceneLink {
  readonly from: string;
  readonly to: string;
  /** mounts: pod→claim; bound: claim→pv; wants: a Pending claim → its class; class, provisions, stores. */
  readonly kind: 'mounts' | 'bound' | 'wants' | 'class' | 'provisioner' | 'stores';
}

export interface VolumesScene {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly SceneBox[];
  readonly links: readonly SceneLink[];
}

export const BOX_WIDTH = 170;
export const BOX_HEIGHT = 46;
const COLUMN_GAP = 60;
const ROW_GAP = 18;
const PAD = 16;

export function volumesScene(sim: VolumeSimulation): VolumesScene {
  const rows = new Map<SceneColumn, SceneBox[]>(SCENE_COLUMNS.map((c) => [c, []]));
  const add = (kind: SceneColumn, name: string, detail: string, state: string): string => {
    const id = `${kind}:${name}`;
    const column = rows.get(kind)!;
    if (!column.some((b) => b.id === id)) {
      const x = PAD + SCENE_COLUMNS.indexOf(kind) * (BOX_WIDTH + COLUMN_GAP);
      column.push({ id, kind, name, x, y: PAD + column.length * (BOX_HEIGHT + ROW_GAP), detail, state });
    }
    return id;
  };
  const links: SceneLink[] = [];
  const link = (from: string, to: string, kind: SceneLink['kind']) => {
    if (!links.some((l) => l.from === from && l.to === to)) links.push({ from, to, kind });
  };
  const modes = (m: readonly string[]) => m.map((x) => x.replace(/[a-z]/g, '')).join(',');
  const volumeBox = (name: string): string | undefined => {
    const v = sim.volumes.find((x) => x.pv.name === name);
    if (!v) return undefined;
    const id = add(
      'pv',
      name,
      `${v.pv.capacity.text} ${modes(v.pv.accessModes)} ${v.pv.reclaimPolicy}`,
      v.phase,
    );
    const backing = add('backing', `${v.pv.source.type}:${v.pv.source.text}`, v.pv.source.type, 'exists');
    link(id, backing, 'stores');
    if (v.pv.storageClassName !== '') link(id, classBox(v.pv.storageClassName), 'class');
    return id;
  };
  const classBox = (name: string): string => {
    const c = sim.scene.classes.find((x) => x.name === name);
    if (!c) return add('class', name, 'not found', 'missing');
    const id = add(
      'class',
      name,
      `${c.volumeBindingMode}${c.isDefault ? ' (default)' : ''}`,
      c.reclaimPolicy,
    );
    const installed = sim.scene.drivers.some((d) => d.name === c.provisioner);
    const state = c.provisioner === NO_PROVISIONER ? 'none' : installed ? 'installed' : 'missing';
    link(id, add('driver', c.provisioner, installed ? 'CSI driver' : 'provisioner', state), 'provisioner');
    return id;
  };
  for (const c of sim.claims) {
    const pods = sim.pods.filter(
      (p) => p.pod.namespace === c.claim.namespace && p.pod.claims.some((v) => v.claimName === c.claim.name),
    );
    const claim = add('claim', c.key, `${c.claim.request.text} ${modes(c.claim.accessModes)}`, c.phase);
    for (const p of pods) link(add('pod', p.key, p.node ?? '', p.status), claim, 'mounts');
    const pv = c.volume !== undefined ? volumeBox(c.volume) : undefined;
    if (pv) link(claim, pv, 'bound');
    else if (c.claim.storageClassName !== '') link(claim, classBox(c.claim.storageClassName), 'wants');
  }
  for (const v of sim.volumes) volumeBox(v.pv.name);
  for (const p of sim.pods) add('pod', p.key, p.node ?? '', p.status);
  for (const c of sim.scene.classes) classBox(c.name);
  // Backing storage of a CSI volume is made by its driver.
  for (const v of sim.volumes) {
    if (v.pv.source.type !== 'csi' || !v.pv.source.driver) continue;
    const driver = rows.get('driver')!.find((b) => b.name === v.pv.source.driver);
    if (driver) link(driver.id, `backing:${v.pv.source.type}:${v.pv.source.text}`, 'stores');
  }
  // Pods that mount a claim that does not exist still show.
  for (const p of sim.pods)
    for (const v of p.pod.claims) {
      const key = `${p.pod.namespace}/${v.claimName}`;
      if (!sim.claims.some((c) => claimKey(c.claim) === key))
        link(`pod:${p.key}`, add('claim', key, 'not found', 'missing'), 'mounts');
    }
  const boxes = [...rows.values()].flat();
  const tallest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  return {
    width: PAD * 2 + SCENE_COLUMNS.length * BOX_WIDTH + (SCENE_COLUMNS.length - 1) * COLUMN_GAP,
    height: PAD * 2 + tallest * BOX_HEIGHT + (tallest - 1) * ROW_GAP,
    boxes,
    links,
  };
}

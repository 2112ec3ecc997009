// A settled storage scene as plain rows (strings and texts, no bigints): what the CLI prints and
// its --json contract, and what the page lists beside the drawing.
import { type LocalText } from '../lib/text';
import { candidateText, claimSummary, L } from './binding-text';
import type { ClaimDeletion } from './delete-claim';
import { podNoteText, podProblemText, reclaimText, volumeSummary } from './lifecycle-text';
import type { VolumeResult, VolumeSimulation } from './pv-controller';
import { VOLUME_SIMPLIFICATIONS } from './simplifications';
import { ACCESS_MODE_SHORT, NO_PROVISIONER, type AccessMode } from './volume-types';

export interface CandidateRow {
  readonly pv: string;
  readonly verdict: 'chosen' | 'fits' | 'rejected';
  /** Rule names for rejected PVs (`capacity`, `access-modes`, `class`, …). */
  readonly rules: readonly string[];
  readonly text: LocalText;
}

export interface ClaimRow {
  readonly key: string;
  readonly phase: 'Bound' | 'Pending';
  readonly volume?: string;
  readonly via?: string;
  readonly wait?: string;
  readonly request: string;
  readonly accessModes: readonly string[];
  /** After defaulting; `""` means no class. */
  readonly storageClassName: string;
  readonly classDefaulted: boolean;
  readonly summary: LocalText;
  readonly candidates: readonly CandidateRow[];
}

export interface VolumeRow {
  readonly name: string;
  readonly capacity: string;
  readonly accessModes: readonly string[];
  readonly storageClassName: string;
  readonly reclaimPolicy: string;
  readonly phase: string;
  readonly claim?: string;
  readonly source: string;
  readonly provisioned: boolean;
  readonly summary: LocalText;
}

export interface PodRow {
  readonly key: string;
  readonly status: string;
  readonly node?: string;
  readonly claims: readonly string[];
  readonly problems: readonly LocalText[];
  readonly notes: readonly LocalText[];
}

export interface ClassRow {
  readonly name: string;
  readonly provisioner: string;
  readonly reclaimPolicy: string;
  readonly volumeBindingMode: string;
  readonly isDefault: boolean;
  /** installed: a CSIDriver of that name exists; none: kubernetes.io/no-provisioner. */
  readonly provisioning: 'installed' | 'missing' | 'none';
}

export interface VolumeReport {
  readonly claims: readonly ClaimRow[];
  readonly volumes: readonly VolumeRow[];
  readonly pods: readonly PodRow[];
  readonly classes: readonly ClassRow[];
  readonly notes: readonly LocalText[];
}

export interface DeletionReport {
  readonly claim: string;
  readonly inUseBy: readonly string[];
  readonly volume?: string;
  readonly reclaimPolicy?: string;
  /** What happened to the PV: Released, Failed, Available, or deleted. */
  readonly result?: string;
  readonly outcome: LocalText;
  readonly after: VolumeReport;
}

const short = (modes: readonly AccessMode[]) => modes.map((m) => ACCESS_MODE_SHORT[m]);

function volumeRow(v: VolumeResult): VolumeRow {
  return {
    name: v.pv.name,
    capacity: v.pv.capacity.text,
    accessModes: short(v.pv.accessModes),
    storageClassName: v.pv.storageClassName,
    reclaimPolicy: v.pv.reclaimPolicy,
    phase: v.phase,
    ...(v.claim ? { claim: v.claim } : {}),
    source: `${v.pv.source.type}: ${v.pv.source.text}`,
    provisioned: v.pv.provisionedBy !== undefined,
    summary: volumeSummary(v),
  };
}

export function volumeReport(sim: VolumeSimulation): VolumeReport {
  const volumeOf = (name: string) => sim.volumes.find((v) => v.pv.name === name)?.pv;
  const claims: ClaimRow[] = sim.claims.map((c) => ({
    key: c.key,
    phase: c.phase,
    ...(c.volume ? { volume: c.volume } : {}),
    ...(c.via ? { via: c.via } : {}),
    ...(c.wait ? { wait: c.wait.why } : {}),
    request: c.claim.request.text,
    accessModes: short(c.claim.accessModes),
    storageClassName: c.claim.storageClassName,
    classDefaulted: c.claim.defaultedClass,
    summary: claimSummary(c, volumeOf),
    candidates: c.candidates.map((x) => ({
      pv: x.pv,
      verdict: x.verdict,
      rules: x.verdict === 'rejected' ? x.reasons.map((r) => r.rule) : [],
      text: candidateText(x, c, volumeOf),
    })),
  }));
  const pods: PodRow[] = sim.pods.map((p) => ({
    key: p.key,
    status: p.status,
    ...(p.node ? { node: p.node } : {}),
    claims: p.pod.claims.map((v) => `${p.pod.namespace}/${v.claimName}`),
    problems: p.problems.map(podProblemText),
    notes: p.notes.map(podNoteText),
  }));
  const classes: ClassRow[] = sim.scene.classes.map((c) => ({
    name: c.name,
    provisioner: c.provisioner,
    reclaimPolicy: c.reclaimPolicy,
    volumeBindingMode: c.volumeBindingMode,
    isDefault: c.isDefault,
    provisioning:
      c.provisioner === NO_PROVISIONER
        ? 'none'
        : sim.scene.drivers.some((d) => d.name === c.provisioner)
          ? 'installed'
          : 'missing',
  }));
  return { claims, volumes: sim.volumes.map(volumeRow), pods, classes, notes: VOLUME_SIMPLIFICATIONS };
}

export function deletionReport(d: ClaimDeletion): DeletionReport {
  const v = d.volume;
  const done = d.deleted ?? d.after;
  const outcome: LocalText = !v
    ? L(
        `${d.claim} was not bound: no PV changes`,
        `${d.claim} 클레임은 바인딩되어 있지 않아 바뀌는 PV가 없습니다`,
      )
    : done?.reclaim
      ? reclaimText(done.reclaim, done)
      : L(`${v.pv.name}: ${done?.phase ?? '?'}`, `${v.pv.name}: ${done?.phase ?? '?'}`);
  return {
    claim: d.claim,
    inUseBy: d.inUseBy,
    ...(v ? { volume: v.pv.name, reclaimPolicy: v.pv.reclaimPolicy } : {}),
    ...(done ? { result: d.deleted ? 'deleted' : done.phase } : {}),
    outcome,
    after: volumeReport(d.simulation),
  };
}

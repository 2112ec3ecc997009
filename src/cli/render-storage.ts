// `netlab storage`: every claim's binding (or why it is Pending, with a reason per candidate PV),
// the PVs, pods and classes, and what deleting a claim would do, for people and as JSON.
import { formatDiagnostic } from '../lib/diagnostic';
import { type Locale, type LocalText } from '../lib/text';
import type { ManifestFile } from '../k8s/source';
import { ACCESS_MODE_TEXT } from '../storage/access-modes';
import { deleteClaim } from '../storage/delete-claim';
import { ACCESS_MODE_SHORT, ACCESS_MODES } from '../storage/volume-types';
import { loadVolumes } from '../storage/load-volumes';
import { settleVolumes } from '../storage/pv-controller';
import {
  deletionReport,
  volumeReport,
  type DeletionReport,
  type VolumeReport,
} from '../storage/volume-report';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

/** Control characters from the user's files would move the cursor or recolour the terminal. */
export const clean = (text: string): string =>
  [...text]
    .map((c) => {
      const n = c.charCodeAt(0);
      const control = (n < 0x20 && c !== '\n' && c !== '\t') || (n >= 0x7f && n <= 0x9f);
      return control ? `\\x${n.toString(16).padStart(2, '0')}` : c;
    })
    .join('');

const say = (text: LocalText, locale: Locale): string => clean(text[locale]);

/** Columns on a terminal: Hangul and other wide characters take two. */
const width = (text: string): number =>
  [...text].reduce(
    (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1),
    0,
  );
const pad = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) =>
    r
      .map((cell, i) => pad(cell, widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

export function storageText(r: VolumeReport, locale: Locale): string {
  const ko = locale === 'ko';
  const out: string[] = [];
  out.push(ko ? '클레임(PVC)' : 'Claims (PVC)');
  if (r.claims.length === 0) out.push(ko ? '  (없음)' : '  (none)');
  for (const c of r.claims) {
    const cls = c.storageClassName === '' ? '""' : c.storageClassName;
    const defaulted = c.classDefaulted ? (ko ? ', 기본 클래스' : ', default class') : '';
    out.push(`  ${clean(c.key)}  ${c.request} ${c.accessModes.join(',')} class=${clean(cls)}${defaulted}`);
    out.push(`    ${say(c.summary, locale)}`);
    for (const x of c.candidates) out.push(`      - ${say(x.text, locale)}`);
  }
  out.push('', ko ? '볼륨(PV)' : 'Volumes (PV)');
  if (r.volumes.length === 0) out.push(ko ? '  (없음)' : '  (none)');
  else {
    const header = ko
      ? ['이름', '용량', '접근', '클래스', '회수 정책', '상태', '클레임']
      : ['NAME', 'CAPACITY', 'ACCESS', 'CLASS', 'RECLAIM', 'STATUS', 'CLAIM'];
    const rows = r.volumes.map((v) => [
      clean(v.name),
      v.capacity,
      v.accessModes.join(','),
      clean(v.storageClassName) || '""',
      v.reclaimPolicy,
      v.phase,
      clean(v.claim ?? ''),
    ]);
    out.push(...table([header, ...rows]).map((l) => `  ${l}`));
    for (const v of r.volumes) out.push(`  ${clean(v.name)}: ${say(v.summary, locale)}`);
  }
  if (r.pods.length > 0) {
    out.push('', ko ? '파드' : 'Pods');
    for (const p of r.pods) {
      const where = p.node ? (ko ? ` (${clean(p.node)} 노드)` : ` on ${clean(p.node)}`) : '';
      out.push(`  ${clean(p.key)}  ${p.status}${where}`);
      for (const x of p.problems) out.push(`    ! ${say(x, locale)}`);
      for (const x of p.notes) out.push(`    note: ${say(x, locale)}`);
    }
  }
  if (r.classes.length > 0) {
    out.push('', ko ? '스토리지 클래스' : 'StorageClasses');
    const header = ko
      ? ['이름', '프로비저너', '회수 정책', '바인딩 모드', '기본', '프로비저닝']
      : ['NAME', 'PROVISIONER', 'RECLAIM', 'BINDING', 'DEFAULT', 'PROVISIONING'];
    const rows = r.classes.map((c) => [
      clean(c.name),
      clean(c.provisioner),
      c.reclaimPolicy,
      c.volumeBindingMode,
      c.isDefault ? 'yes' : '',
      c.provisioning,
    ]);
    out.push(...table([header, ...rows]).map((l) => `  ${l}`));
  }
  const modes = ACCESS_MODES.filter((m) =>
    r.claims.some((c) => c.accessModes.includes(ACCESS_MODE_SHORT[m])),
  );
  if (modes.length > 0) {
    out.push('', ko ? '접근 모드' : 'Access modes');
    for (const m of modes) out.push(`  - ${say(ACCESS_MODE_TEXT[m], locale)}`);
  }
  out.push('', ko ? 'netlab이 단순화한 부분' : 'Where netlab simplifies');
  for (const n of r.notes) out.push(`  - ${say(n, locale)}`);
  return out.join('\n') + '\n';
}

function deletionText(d: DeletionReport, locale: Locale): string {
  const ko = locale === 'ko';
  const out = [ko ? `클레임 ${clean(d.claim)} 삭제` : `Deleting claim ${clean(d.claim)}`];
  if (d.inUseBy.length > 0)
    out.push(
      ko
        ? `  ${d.inUseBy.map(clean).join(', ')} 파드가 쓰고 있어서 파드가 지워질 때까지 클레임은 Terminating 상태입니다(netlab은 파드를 먼저 지웁니다)`
        : `  used by ${d.inUseBy.map(clean).join(', ')}: the claim stays Terminating until they are deleted (netlab deletes them first)`,
    );
  if (d.volume) out.push(`  ${clean(d.volume)} (${d.reclaimPolicy}): ${say(d.outcome, locale)}`);
  else out.push(`  ${say(d.outcome, locale)}`);
  out.push('', ko ? '그 뒤의 상태:' : 'Afterwards:', '');
  return out.join('\n') + '\n' + storageText(d.after, locale);
}

/** The JSON keeps every text in both languages (`{en, ko}`). */
const json = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) + '\n';

export function runStorage(args: CliArgs, files: readonly ManifestFile[]): CommandResult {
  const loaded = loadVolumes(files);
  const diagnostics = loaded.diagnostics.map((d) => formatDiagnostic(d, args.lang) + '\n').join('');
  if (loaded.hasErrors) return { stdout: '', stderr: diagnostics, code: 1 };
  const sim = settleVolumes(loaded.scene);
  if (args.deleteClaim !== undefined) {
    const key = args.deleteClaim.includes('/') ? args.deleteClaim : `default/${args.deleteClaim}`;
    const d = deleteClaim(sim, key);
    if (!d) {
      const known = sim.claims.map((c) => c.key).join(', ') || 'none';
      throw new UsageError(`--delete-claim ${args.deleteClaim}: no such claim (claims: ${known})`);
    }
    const report = deletionReport(d);
    return {
      stdout: args.json
        ? json({ before: volumeReport(sim), deletion: report })
        : deletionText(report, args.lang),
      stderr: diagnostics,
      code: 0,
    };
  }
  const report = volumeReport(sim);
  return { stdout: args.json ? json(report) : storageText(report, args.lang), stderr: diagnostics, code: 0 };
}

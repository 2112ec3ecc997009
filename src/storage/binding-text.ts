// Words for the binding decisions: why a PV was chosen, passed over or rejected for a claim, and
// why a claim is Pending, in English and Korean. The controller's own event texts are kept
// where it has one ("no persistent volumes available for this claim and no storage class is set").
import { josa } from '../lib/korean';
import { type LocalText } from '../lib/text';
import { describeUnmet } from '../engine/describe';
import type { ClaimResult, ClaimWait } from './controller-state';
import type { Candidate, Rejection } from './match-volume';
import { compareQuantities } from './quantity';
import { ACCESS_MODE_SHORT, type AccessMode, type PersistentVolume } from './volume-types';

export const L = (en: string, ko: string): LocalText => ({ en, ko });

/** `ReadWriteOnce (RWO)`, several joined by commas. */
export const modesText = (modes: readonly AccessMode[]): string =>
  modes.map((m) => `${m} (${ACCESS_MODE_SHORT[m]})`).join(', ');

export const classText = (name: string): LocalText =>
  name === '' ? L('"" (no class)', '""(클래스 없음)') : L(`"${name}"`, `"${name}"`);

export function rejectionText(r: Rejection, pv: PersistentVolume | undefined): LocalText {
  switch (r.rule) {
    case 'access-modes': {
      const offered = pv ? modesText(pv.accessModes) : '?';
      const missing = modesText(r.missing);
      return L(
        `${offered} does not offer ${missing}`,
        `접근 모드 ${offered}에는 요청한 ${missing} 모드가 없습니다`,
      );
    }
    case 'claimed': {
      const ref = `${r.by.namespace}/${r.by.name}`;
      if (r.state === 'bound')
        return L(`already bound to ${ref}`, `이미 ${ref} 클레임에 바인딩되어 있습니다`);
      if (r.state === 'reserved')
        return L(
          `reserved for ${ref} by its spec.claimRef`,
          `spec.claimRef로 ${ref} 클레임에 예약되어 있습니다`,
        );
      return L(
        `Released: its claimRef still names ${ref}, a claim that is gone; no other claim can bind it until an admin removes spec.claimRef`,
        `Released 상태입니다. claimRef가 이미 지워진 ${ref} 클레임을 가리키고 있어서, 관리자가 spec.claimRef를 지우기 전에는 다른 클레임이 쓸 수 없습니다`,
      );
    }
    case 'taken':
      return L(
        `taken by ${r.by}, another claim of the same pod`,
        `같은 파드의 다른 클레임 ${r.by} 쪽에 먼저 배정되었습니다`,
      );
    case 'capacity':
      return L(
        `${r.capacity.text} < ${r.request.text} requested`,
        `용량 ${josa(r.capacity.text, '이/가')} 요청한 ${r.request.text}보다 작습니다`,
      );
    case 'volume-mode':
      return L(
        `volumeMode ${r.volume}, the claim wants ${r.claim}`,
        `volumeMode가 ${r.volume}이라 ${r.claim}을 원하는 클레임과 맞지 않습니다`,
      );
    case 'wait-for-consumer':
      return L(
        'not considered yet: the class binds WaitForFirstConsumer, so a PV is picked when a pod using the claim is scheduled',
        '아직 검토하지 않습니다. 클래스가 WaitForFirstConsumer 모드라서 이 클레임을 쓰는 파드가 스케줄될 때 PV를 고릅니다',
      );
    case 'selector': {
      const en = r.unmet.map((u) => describeUnmet(u, 'en')).join('; ');
      const ko = r.unmet.map((u) => describeUnmet(u, 'ko')).join('. ');
      return L(
        `its labels do not match the claim's selector: ${en}`,
        `레이블이 클레임의 selector와 맞지 않습니다: ${ko}`,
      );
    }
    case 'class': {
      const v = classText(r.volume);
      const c = classText(r.claim);
      return L(
        `storageClassName ${v.en}, the claim asks for ${c.en}`,
        `storageClassName이 다릅니다. PV는 ${v.ko}, 클레임은 ${c.ko}`,
      );
    }
    case 'node-affinity':
      return L(
        `its nodeAffinity does not allow node ${r.node}`,
        `nodeAffinity가 ${r.node} 노드를 허용하지 않습니다`,
      );
  }
}

/** One line per PV: `pv-small: 5Gi < 10Gi requested`. */
export function candidateText(
  c: Candidate,
  claim: ClaimResult,
  volumeOf: (name: string) => PersistentVolume | undefined,
): LocalText {
  const pv = volumeOf(c.pv);
  const line = (text: LocalText): LocalText => L(`${c.pv}: ${text.en}`, `${c.pv}: ${text.ko}`);
  switch (c.verdict) {
    case 'chosen': {
      if (c.preBound)
        return line(
          L(
            'chosen: its spec.claimRef reserves it for this claim',
            '선택됨: spec.claimRef로 이 클레임에 예약된 PV입니다',
          ),
        );
      if (pv && compareQuantities(pv.capacity, claim.claim.request) > 0)
        return line(
          L(
            `chosen: ${pv.capacity.text} for a ${claim.claim.request.text} request, since nothing smaller fits; the claim gets the whole PV`,
            `선택됨: ${claim.claim.request.text} 요청에 ${pv.capacity.text} PV가 배정됩니다. 더 작은 PV가 맞지 않아 PV 전체가 이 클레임의 몫이 됩니다`,
          ),
        );
      return line(
        L('chosen: the smallest PV that satisfies the claim', '선택됨: 조건을 만족하는 가장 작은 PV입니다'),
      );
    }
    case 'rejected': {
      const parts = c.reasons.map((r) => rejectionText(r, pv));
      return line(L(parts.map((p) => p.en).join('; '), parts.map((p) => p.ko).join('. ')));
    }
    case 'fits':
      switch (c.why) {
        case 'smaller':
          return line(
            L(
              `fits, but ${c.preferred} is smaller: the controller takes the smallest PV that fits`,
              `조건은 맞지만 더 작은 ${c.preferred} PV가 있습니다. 컨트롤러는 맞는 PV 중 가장 작은 것을 고릅니다`,
            ),
          );
        case 'fewer-modes':
          return line(
            L(
              `fits, but ${c.preferred} offers fewer access modes: the controller searches the PVs with the fewest modes first, even when they are bigger`,
              `조건은 맞지만 접근 모드가 더 적은 ${c.preferred} PV가 먼저입니다. 컨트롤러는 접근 모드가 가장 적은 PV 묶음부터 찾습니다(더 크더라도)`,
            ),
          );
        case 'earlier':
          return line(
            L(
              `fits and is as small as ${c.preferred}, which comes first in the files (the real controller's order is its cache's: either could win)`,
              `${c.preferred} PV와 크기가 같고 파일에서 ${c.preferred} PV가 먼저 나옵니다(실제 컨트롤러는 캐시 순서라 어느 쪽이든 될 수 있습니다)`,
            ),
          );
      }
  }
}

export function waitText(w: ClaimWait, volumeOf: (name: string) => PersistentVolume | undefined): LocalText {
  switch (w.why) {
    case 'no-match-no-class':
      return L(
        'no persistent volumes available for this claim and no storage class is set',
        '이 클레임에 맞는 PV가 없고 스토리지 클래스도 지정되지 않았습니다',
      );
    case 'wait-for-consumer':
      return L(
        'waiting for first consumer to be created before binding (WaitForFirstConsumer: no pod uses this claim yet)',
        '첫 번째 사용자(파드)를 기다리는 중입니다(WaitForFirstConsumer: 아직 이 클레임을 쓰는 파드가 없습니다)',
      );
    case 'pod-unschedulable':
      return L(
        `WaitForFirstConsumer: ${w.pods.join(', ')} cannot be scheduled, so no node is picked and nothing binds`,
        `WaitForFirstConsumer: ${w.pods.join(', ')} 파드를 스케줄할 수 없어서 노드가 정해지지 않고, 그래서 바인딩도 일어나지 않습니다`,
      );
    case 'node-name-bypass':
      return L(
        `pod ${w.pod} sets spec.nodeName, which bypasses the scheduler, so this WaitForFirstConsumer claim never binds; use a nodeSelector on kubernetes.io/hostname instead`,
        `${w.pod} 파드가 spec.nodeName을 써서 스케줄러를 건너뛰므로 이 WaitForFirstConsumer 클레임은 영영 바인딩되지 않습니다. 대신 kubernetes.io/hostname에 대한 nodeSelector를 쓰세요`,
      );
    case 'class-not-found':
      return L(
        `storageclass.storage.k8s.io "${w.className}" not found: nothing can provision it`,
        `StorageClass "${w.className}" 오브젝트가 없어서 아무도 볼륨을 만들 수 없습니다`,
      );
    case 'no-provisioner':
      return L(
        `class ${w.className} uses kubernetes.io/no-provisioner: it never creates volumes, so an admin must create a matching PV`,
        `${w.className} 클래스는 kubernetes.io/no-provisioner를 씁니다. 볼륨을 만들지 않으므로 관리자가 맞는 PV를 직접 만들어야 합니다`,
      );
    case 'external-provisioner':
      return L(
        `waiting for a volume to be created either by the external provisioner '${w.provisioner}' or manually by the system administrator (there is no CSIDriver ${w.provisioner} in the scenario, so netlab takes that driver as not installed)`,
        `외부 프로비저너 '${w.provisioner}' 또는 관리자가 볼륨을 만들어 주기를 기다리는 중입니다(시나리오에 ${w.provisioner} CSIDriver가 없어서 netlab은 그 드라이버가 설치되지 않았다고 봅니다)`,
      );
    case 'volume-not-found':
      return L(
        `spec.volumeName asks for PV ${w.volumeName}, which does not exist`,
        `spec.volumeName이 가리키는 ${w.volumeName} PV가 없습니다`,
      );
    case 'volume-mismatch': {
      const pv = volumeOf(w.volumeName);
      const parts = w.problems.map((p) => rejectionText(p, pv));
      return L(
        `cannot bind to requested volume ${w.volumeName}: ${parts.map((p) => p.en).join('; ')}`,
        `요청한 ${w.volumeName} 볼륨에 바인딩할 수 없습니다: ${parts.map((p) => p.ko).join('. ')}`,
      );
    }
    case 'volume-claimed':
      return L(
        `volume ${w.volumeName} already bound to a different claim (${w.by.namespace}/${w.by.name})`,
        `${w.volumeName} 볼륨은 이미 다른 클레임(${w.by.namespace}/${w.by.name})에 바인딩되어 있습니다`,
      );
  }
}

/** `Bound to pv-big (100Gi)` or `Pending: …`. */
export function claimSummary(
  r: ClaimResult,
  volumeOf: (name: string) => PersistentVolume | undefined,
): LocalText {
  if (r.phase === 'Pending') {
    const why = r.wait ? waitText(r.wait, volumeOf) : L('', '');
    return L(`Pending: ${why.en}`, `Pending: ${why.ko}`);
  }
  const pv = volumeOf(r.volume!);
  const size = pv ? ` (${pv.capacity.text})` : '';
  const name = `${r.volume}${size}`;
  switch (r.via) {
    case 'pre-bound':
      return L(
        `Bound to ${name}: the PV's spec.claimRef reserved it for this claim`,
        `${name} PV에 바인딩됨: PV의 spec.claimRef가 이 클레임을 지정했습니다`,
      );
    case 'volume-name':
      return L(
        `Bound to ${name}: the claim names it in spec.volumeName`,
        `${name} PV에 바인딩됨: 클레임의 spec.volumeName이 지정했습니다`,
      );
    case 'provisioned':
      return L(
        `Bound to ${name}, created for it by ${pv?.provisionedBy ?? '?'} (dynamic provisioning)`,
        `${name} PV에 바인딩됨: ${pv?.provisionedBy ?? '?'} 프로비저너가 이 클레임을 위해 만들었습니다(동적 프로비저닝)`,
      );
    case 'scheduler':
      return L(
        `Bound to ${name} when its pod was scheduled to ${r.selectedNode} (WaitForFirstConsumer)`,
        `파드가 ${r.selectedNode} 노드에 스케줄될 때 ${name} PV에 바인딩됨(WaitForFirstConsumer)`,
      );
    case 'scheduler-provisioned':
      return L(
        `Bound to ${name}, provisioned by ${pv?.provisionedBy ?? '?'} for node ${r.selectedNode} after its pod was scheduled (WaitForFirstConsumer)`,
        `파드가 ${r.selectedNode} 노드에 스케줄된 뒤 ${pv?.provisionedBy ?? '?'} 프로비저너가 만든 ${name} PV에 바인딩됨(WaitForFirstConsumer)`,
      );
    default:
      return L(`Bound to ${name}`, `${name} PV에 바인딩됨`);
  }
}

// Words for pods (why one is Pending or stuck in ContainerCreating, what nobody enforces), for
// PV phases and for reclaim policies, in English and Korean. Scheduler texts keep kube-scheduler's
// own phrases ("node(s) had volume node affinity conflict").
import { type LocalText } from '../lib/text';
import { L } from './binding-text';
import type { VolumeResult } from './pv-controller';
import type { ReclaimOutcome } from './reclaim';
import type { NodeProblem, PodNote, PodProblem } from './schedule-pods';

function nodeProblemText(p: NodeProblem): LocalText {
  switch (p.why) {
    case 'node-selector':
      return L("didn't match Pod's node affinity/selector", '파드의 nodeSelector와 맞지 않음');
    case 'volume-node-affinity':
      return L(
        `had volume node affinity conflict (${p.volume} of ${p.claim})`,
        `볼륨 노드 어피니티 충돌(${p.claim} 클레임의 ${p.volume} PV)`,
      );
    case 'no-volume':
      return L(
        `didn't find available persistent volumes to bind (${p.claim})`,
        `바인딩할 수 있는 PV를 찾지 못함(${p.claim} 클레임)`,
      );
    case 'rwop-in-use':
      return L(
        `unavailable due to PersistentVolumeClaim ${p.claim} with ReadWriteOncePod access mode already in-use by ${p.by}`,
        `ReadWriteOncePod 클레임(${p.claim})을 ${p.by} 파드가 이미 쓰고 있어서 사용할 수 없음`,
      );
  }
}

export function podProblemText(p: PodProblem): LocalText {
  switch (p.why) {
    case 'claim-missing':
      return L(
        `persistentvolumeclaim "${p.claim}" not found`,
        `PersistentVolumeClaim "${p.claim}" 오브젝트가 없습니다`,
      );
    case 'unbound-claims':
      return L(
        `pod has unbound immediate PersistentVolumeClaims (${p.claims.join(', ')}): the scheduler waits until they are Bound`,
        `파드에 아직 바인딩되지 않은 Immediate 클레임이 있습니다(${p.claims.join(', ')}). 스케줄러는 이 클레임이 Bound가 될 때까지 기다립니다`,
      );
    case 'unschedulable': {
      const total = p.nodes.length;
      const lines = p.nodes.map((n) => {
        const parts = n.problems.map(nodeProblemText);
        return L(
          `${n.node}: ${parts.map((x) => x.en).join('; ')}`,
          `${n.node}: ${parts.map((x) => x.ko).join('; ')}`,
        );
      });
      return L(
        `0/${total} nodes are available: ${lines.map((x) => x.en).join(' | ')}`,
        `노드 ${total}개 중 쓸 수 있는 노드가 없습니다: ${lines.map((x) => x.ko).join(' | ')}`,
      );
    }
    case 'claim-pending':
      return L(
        `volume of claim ${p.claim} is not bound yet: the kubelet cannot mount it and waits`,
        `${p.claim} 클레임이 아직 바인딩되지 않아 kubelet이 마운트하지 못하고 기다립니다`,
      );
    case 'volume-node-affinity':
      return L(
        `${p.volume} (claim ${p.claim}) may only be used on nodes its nodeAffinity allows; spec.nodeName put the pod elsewhere`,
        `${p.volume} PV(${p.claim} 클레임)는 nodeAffinity가 허용하는 노드에서만 쓸 수 있는데, spec.nodeName이 파드를 다른 노드에 두었습니다`,
      );
    case 'multi-attach':
      return L(
        `Multi-Attach error for volume "${p.volume}": Volume is already used by pod(s) ${p.usedBy.join(', ')} on another node (ReadWriteOnce attaches to one node)`,
        `"${p.volume}" 볼륨 Multi-Attach 오류: 다른 노드의 ${p.usedBy.join(', ')} 파드가 이미 쓰고 있습니다(ReadWriteOnce는 한 노드에만 붙습니다)`,
      );
  }
}

export function podNoteText(n: PodNote): LocalText {
  switch (n.why) {
    case 'rwo-not-enforced':
      return L(
        `${n.volume} is not attached to a node, so nothing stops ReadWriteOnce use from ${n.nodes.join(' and ')}; with hostPath each node even has its own directory, and the pods see different data`,
        `${n.volume} PV는 노드에 붙이는(attach) 볼륨이 아니라서 ${n.nodes.join(', ')} 노드에서 함께 써도 ReadWriteOnce를 막는 것이 없습니다. hostPath라면 노드마다 디렉터리가 따로 있어서 파드들이 서로 다른 데이터를 봅니다`,
      );
    case 'read-only-many-writable':
      return L(
        `claim ${n.claim} asks for ReadOnlyMany, but access modes only match claims to PVs; without readOnly: true in the pod's volume the mount is writable`,
        `${n.claim} 클레임은 ReadOnlyMany를 요청하지만, 접근 모드는 클레임과 PV를 짝짓는 데만 쓰입니다. 파드 볼륨에 readOnly: true가 없으면 쓰기도 됩니다`,
      );
  }
}

export function reclaimText(o: ReclaimOutcome, v: VolumeResult): LocalText {
  const pv = v.pv;
  switch (o.result) {
    case 'released':
      if (o.why === 'retain')
        return L(
          `Released: Retain keeps the PV and its data (${pv.source.text}); its claimRef still names the deleted claim, so no claim can bind it until an admin removes spec.claimRef, or deletes the PV and cleans the storage by hand`,
          `Released: Retain 정책이라 PV와 데이터(${pv.source.text})가 남습니다. claimRef가 지워진 클레임을 계속 가리키므로 관리자가 spec.claimRef를 지우거나, PV를 지우고 스토리지를 직접 정리하기 전에는 어떤 클레임도 바인딩할 수 없습니다`,
        );
      if (o.why === 'static-csi')
        return L(
          'Released: the policy is Delete, but this PV was not provisioned (no pv.kubernetes.io/provisioned-by annotation), and the external-provisioner only deletes the volumes it made',
          'Released: 정책은 Delete지만 이 PV는 프로비저너가 만든 것이 아니라서(pv.kubernetes.io/provisioned-by 어노테이션 없음) 외부 프로비저너가 지우지 않습니다. 외부 프로비저너는 자기가 만든 볼륨만 지웁니다',
        );
      return L(
        `Released: deleting it is the job of ${pv.provisionedBy}, and there is no CSIDriver ${pv.provisionedBy} in the scenario`,
        `Released: 이 PV를 지우는 것은 ${pv.provisionedBy} 드라이버의 일인데, 시나리오에 그 CSIDriver가 없습니다`,
      );
    case 'deleted':
      return o.by === 'csi'
        ? L(
            `Deleted: the external-provisioner called DeleteVolume on ${pv.source.text}, then removed the PV; the data is gone`,
            `삭제됨: 외부 프로비저너가 ${pv.source.text} 볼륨에 DeleteVolume을 호출한 뒤 PV를 지웠습니다. 데이터도 사라졌습니다`,
          )
        : L(
            `Deleted: the hostPath deleter removed ${pv.source.text} (it only deletes paths under /tmp/, for testing) and the PV`,
            `삭제됨: hostPath 삭제기가 ${pv.source.text} 디렉터리와 PV를 지웠습니다(테스트용이라 /tmp/ 아래 경로만 지웁니다)`,
          );
    case 'recycled':
      return L(
        'Available again: Recycle (deprecated: use dynamic provisioning instead) ran a scrubber pod (rm -rf on the volume) and cleared the claimRef',
        '다시 Available: Recycle(지원 중단 예정, 대신 동적 프로비저닝을 쓰세요) 정책이 스크러버 파드로 볼륨을 비우고(rm -rf) claimRef를 지웠습니다',
      );
    case 'failed':
      return L(`Failed: ${o.message}`, `Failed: ${o.message}`);
  }
}

/** Why a PV is in its phase, one line. */
export function volumeSummary(v: VolumeResult): LocalText {
  if (v.reclaim) return reclaimText(v.reclaim, v);
  switch (v.phase) {
    case 'Bound':
      return v.provisionedNow
        ? L(
            `Bound to ${v.claim}: provisioned for it just now`,
            `${v.claim} 클레임에 바인딩됨: 이 클레임을 위해 방금 만들어졌습니다`,
          )
        : L(`Bound to ${v.claim}`, `${v.claim} 클레임에 바인딩됨`);
    case 'Available':
      return v.claim
        ? L(
            `Available, reserved for ${v.claim} by spec.claimRef`,
            `Available: spec.claimRef로 ${v.claim} 클레임에 예약됨`,
          )
        : L('Available: no claim uses it', 'Available: 이 PV를 쓰는 클레임이 없습니다');
    case 'Released':
      return L(`Released: its claim ${v.claim} is gone`, `Released: ${v.claim} 클레임이 지워졌습니다`);
    case 'Failed':
      return L('Failed', 'Failed');
  }
}

// What each access mode means for pods on one node or several, as the Kubernetes documentation
// describes them. Access modes match claims to PVs; only ReadWriteOncePod and the attach of a
// single-node volume are enforced, and none of them makes a mount read-only by itself.
import { type LocalText } from '../lib/text';
import type { AccessMode } from './volume-types';

const L = (en: string, ko: string): LocalText => ({ en, ko });

export const ACCESS_MODE_TEXT: Readonly<Record<AccessMode, LocalText>> = {
  ReadWriteOnce: L(
    'ReadWriteOnce (RWO): mounted read-write by a single node; several pods on that node can share it. An attachable disk used on a second node fails with Multi-Attach.',
    'ReadWriteOnce(RWO): 한 노드에서 읽기/쓰기로 마운트합니다. 그 노드의 파드 여러 개가 함께 쓸 수 있습니다. 붙이는(attach) 디스크를 두 번째 노드에서 쓰면 Multi-Attach 오류가 납니다.',
  ),
  ReadOnlyMany: L(
    'ReadOnlyMany (ROX): mounted read-only by many nodes. The pod still has to set readOnly: true; the mode alone does not protect the data.',
    'ReadOnlyMany(ROX): 여러 노드에서 읽기 전용으로 마운트합니다. 그래도 파드에서 readOnly: true를 써야 하며, 모드만으로 데이터가 보호되지는 않습니다.',
  ),
  ReadWriteMany: L(
    'ReadWriteMany (RWX): mounted read-write by many nodes at once: shared file systems such as NFS or CephFS; a cloud block disk cannot.',
    'ReadWriteMany(RWX): 여러 노드에서 동시에 읽기/쓰기로 마운트합니다. NFS나 CephFS 같은 공유 파일 시스템이 해당하며, 클라우드 블록 디스크는 안 됩니다.',
  ),
  ReadWriteOncePod: L(
    'ReadWriteOncePod (RWOP): read-write by exactly one pod in the whole cluster (stable since Kubernetes 1.29); the scheduler keeps a second pod that uses the claim Pending.',
    'ReadWriteOncePod(RWOP): 클러스터 전체에서 딱 한 파드만 읽기/쓰기로 씁니다(Kubernetes 1.29부터 stable). 같은 클레임을 쓰는 두 번째 파드는 스케줄러가 Pending으로 둡니다.',
  ),
};

// The storage lab's words on the page, in English and Korean.
import { type Locale } from '../../lib/text';
import { useNetlab } from '../use-netlab';

const EN = {
  labSwitch: 'Lab',
  network: 'Network',
  volumes: 'Kubernetes volumes',
  layers: 'Image layers',
  editorVolumes: 'Storage YAML',
  editorLayers: 'Dockerfiles and docker session (txtar)',
  editorLabelVolumes: 'Storage scenario: PersistentVolume, PersistentVolumeClaim, StorageClass, Pod',
  editorLabelLayers:
    'Layers lab: Dockerfiles, build context and a docker session, one file per "-- name --" line',
  editorLoading: 'Loading the editor…',
  reset: 'Load the example again',
  drawing: 'Pods → claims → volumes → classes → provisioners → storage',
  drawingLabel: 'How claims bind to volumes',
  columns: ['Pods', 'PVCs', 'PVs', 'StorageClasses', 'Provisioner / CSI driver', 'Backing storage'],
  claims: 'Why each claim got its volume',
  pods: 'Pods',
  deleteTitle: 'What if a claim is deleted?',
  deleteNone: 'choose a claim',
  deleteAfter: 'Afterwards',
  inUse: 'used by {pods}: the claim stays Terminating until they are deleted (netlab deletes them first)',
  csiTitle: 'The CSI calls, step by step',
  csiNone:
    'No claim here is bound to a CSI volume. Give one a StorageClass whose provisioner is an installed CSIDriver.',
  csiClaim: 'Claim',
  next: 'Next call',
  previous: 'Previous call',
  stepOf: 'call {n} of {total}',
  carries: 'Carries',
  simplifies: 'Where netlab simplifies',
  accessModes: 'Access modes',
  errors: 'The text has errors; the drawing shows the last text without them.',
  images: 'Images and their layers',
  containerLayer: 'container layer (read-write)',
  session: 'The docker session, command by command',
  tree: '/var/lib/docker',
  drivers: 'Storage drivers and volume drivers',
  storageDrivers: 'Storage drivers',
  volumeDrivers: 'Volume drivers',
  outside: 'Outside the layers',
  volume: 'volume',
  bind: 'bind mount',
  lost: 'lost with docker rm',
  noImages: 'No image built yet: add a Dockerfile and a docker build line.',
  pulled: 'pulled, not built here',
  pulledLayers: 'its layers: netlab does not know what they hold',
};

const KO: typeof EN = {
  labSwitch: '실습',
  network: '네트워크',
  volumes: '쿠버네티스 볼륨',
  layers: '이미지 레이어',
  editorVolumes: '스토리지 YAML',
  editorLayers: 'Dockerfile과 도커 세션(txtar)',
  editorLabelVolumes: '스토리지 시나리오: PersistentVolume, PersistentVolumeClaim, StorageClass, Pod',
  editorLabelLayers: '레이어 실습: Dockerfile, 빌드 컨텍스트, 도커 세션. "-- 이름 --" 줄마다 파일 하나',
  editorLoading: '편집기를 불러오는 중…',
  reset: '예제 다시 불러오기',
  drawing: '파드 → 클레임 → 볼륨 → 클래스 → 프로비저너 → 스토리지',
  drawingLabel: '클레임이 볼륨에 바인딩되는 모습',
  columns: ['파드', 'PVC', 'PV', 'StorageClass', '프로비저너 / CSI 드라이버', '실제 스토리지'],
  claims: '클레임마다 그 볼륨을 받은 이유',
  pods: '파드',
  deleteTitle: '클레임을 지우면 어떻게 될까요?',
  deleteNone: '클레임을 고르세요',
  deleteAfter: '그 뒤의 상태',
  inUse:
    '{pods} 파드가 쓰고 있어서 파드가 지워질 때까지 클레임은 Terminating 상태입니다(netlab은 파드를 먼저 지웁니다)',
  csiTitle: 'CSI 호출 단계별로 보기',
  csiNone:
    'CSI 볼륨에 바인딩된 클레임이 없습니다. 설치된 CSIDriver를 프로비저너로 쓰는 StorageClass를 클레임에 지정해 보세요.',
  csiClaim: '클레임',
  next: '다음 호출',
  previous: '이전 호출',
  stepOf: '{total}개 중 {n}번째 호출',
  carries: '담는 값',
  simplifies: 'netlab이 단순화한 부분',
  accessModes: '접근 모드',
  errors: '텍스트에 오류가 있습니다. 그림은 오류가 없던 마지막 텍스트를 보여 줍니다.',
  images: '이미지와 레이어',
  containerLayer: '컨테이너 레이어(읽기/쓰기)',
  session: '도커 세션, 명령 하나씩',
  tree: '/var/lib/docker',
  drivers: '스토리지 드라이버와 볼륨 드라이버',
  storageDrivers: '스토리지 드라이버',
  volumeDrivers: '볼륨 드라이버',
  outside: '레이어 밖',
  volume: '볼륨',
  bind: '바인드 마운트',
  lost: 'docker rm과 함께 사라짐',
  noImages: '아직 빌드한 이미지가 없습니다. Dockerfile과 docker build 줄을 추가하세요.',
  pulled: '받아 온 이미지(여기서 빌드하지 않음)',
  pulledLayers: '레이어 내용은 netlab이 알 수 없습니다',
};

export type StorageText = typeof EN;
export const STORAGE_TEXT: Readonly<Record<Locale, StorageText>> = { en: EN, ko: KO };

export function useStorageText(): StorageText {
  return STORAGE_TEXT[useNetlab((s) => s.locale)];
}

/** `{name}` placeholders filled in. */
export const fillIn = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));

/** Test ids of the storage lab (data-testid), with data-id for the entity. */
export const STORAGE_TID = {
  root: 'storage.root',
  labSwitch: 'storage.lab-switch',
  editor: 'storage.editor',
  drawing: 'storage.drawing',
  box: 'storage.box',
  claim: 'storage.claim',
  candidate: 'storage.candidate',
  deleteSelect: 'storage.delete-claim',
  deletion: 'storage.deletion',
  csi: 'storage.csi',
  csiStep: 'storage.csi-step',
  layers: 'storage.layers',
  layer: 'storage.layer',
  tree: 'storage.tree',
  problems: 'storage.problems',
} as const;

// Storage drivers versus volume drivers, for the layers lab's panel: what each is for, and which
// exist. Facts from the Docker documentation (storage drivers, deprecated features, volume plugins).
import { type LocalText } from '../lib/text';

export interface DriverInfo {
  readonly name: string;
  readonly status: 'default' | 'supported' | 'removed';
  readonly text: LocalText;
}

const L = (en: string, ko: string): LocalText => ({ en, ko });

export const STORAGE_DRIVERS_ABOUT: LocalText = L(
  'A storage driver builds the layered filesystem: the image layers read-only, the container layer read-write, copy-on-write between them. It handles images and containers, never volumes.',
  '스토리지 드라이버는 레이어 파일 시스템을 만듭니다. 이미지 레이어는 읽기 전용, 컨테이너 레이어는 읽기/쓰기이고, 그 사이를 copy-on-write로 잇습니다. 이미지와 컨테이너만 다루고 볼륨은 다루지 않습니다.',
);

export const STORAGE_DRIVERS: readonly DriverInfo[] = [
  {
    name: 'overlay2',
    status: 'default',
    text: L(
      'OverlayFS in the kernel; the default on every supported Linux distribution',
      '커널의 OverlayFS. 지원하는 모든 리눅스 배포판의 기본값',
    ),
  },
  {
    name: 'btrfs',
    status: 'supported',
    text: L(
      'uses Btrfs subvolumes and snapshots; needs /var/lib/docker on Btrfs',
      'Btrfs 서브볼륨과 스냅숏을 씁니다. /var/lib/docker가 Btrfs여야 합니다',
    ),
  },
  {
    name: 'zfs',
    status: 'supported',
    text: L(
      'uses ZFS datasets and clones; needs /var/lib/docker on ZFS',
      'ZFS 데이터셋과 클론을 씁니다. /var/lib/docker가 ZFS여야 합니다',
    ),
  },
  {
    name: 'vfs',
    status: 'supported',
    text: L(
      'no copy-on-write: every layer is a full copy; for testing',
      'copy-on-write 없음: 레이어마다 전체를 복사합니다. 테스트용',
    ),
  },
  {
    name: 'aufs',
    status: 'removed',
    text: L(
      'the old default on Ubuntu; deprecated, removed in Docker Engine 24',
      '예전 Ubuntu의 기본값. 지원 중단 후 Docker Engine 24에서 제거',
    ),
  },
  {
    name: 'overlay',
    status: 'removed',
    text: L(
      'the legacy OverlayFS driver; removed in Docker Engine 24',
      '예전 OverlayFS 드라이버. Docker Engine 24에서 제거',
    ),
  },
  {
    name: 'devicemapper',
    status: 'removed',
    text: L(
      'block-level thin provisioning; deprecated, removed in Docker Engine 25',
      '블록 수준 씬 프로비저닝. 지원 중단 후 Docker Engine 25에서 제거',
    ),
  },
];

export const VOLUME_DRIVERS_ABOUT: LocalText = L(
  'A volume driver manages volumes: data that lives outside the layers and outlives containers. "local" (the default) keeps a volume in /var/lib/docker/volumes/<name>/_data; plugins put it on other storage (cloud block storage, NFS, …), chosen with docker volume create --driver or docker run --volume-driver.',
  '볼륨 드라이버는 볼륨을 관리합니다. 볼륨은 레이어 밖에 있어서 컨테이너보다 오래 남는 데이터입니다. 기본값 "local"은 볼륨을 /var/lib/docker/volumes/<이름>/_data에 두고, 플러그인은 다른 스토리지(클라우드 블록 스토리지, NFS 등)에 둡니다. docker volume create --driver나 docker run --volume-driver로 고릅니다.',
);

export const VOLUME_DRIVERS: readonly DriverInfo[] = [
  {
    name: 'local',
    status: 'default',
    text: L(
      'a directory under /var/lib/docker/volumes (or an NFS/CIFS mount with options)',
      '/var/lib/docker/volumes 아래의 디렉터리(옵션을 주면 NFS/CIFS 마운트)',
    ),
  },
  {
    name: 'rexray/ebs',
    status: 'supported',
    text: L(
      "the notes' example: REX-Ray for Amazon EBS (the notes spell it RexTay)",
      '노트의 예: Amazon EBS용 REX-Ray(노트에는 RexTay로 적혀 있습니다)',
    ),
  },
  {
    name: 'vsphere',
    status: 'supported',
    text: L(
      'VMware vSphere storage (the notes write cSphere)',
      'VMware vSphere 스토리지(노트에는 cSphere로 적혀 있습니다)',
    ),
  },
];

// The CSI call sequence for one claim used by one pod, as data: who calls whom, what each call
// carries, and the reverse when the pod and the claim go. CSI RPCs (gRPC over a Unix socket) go
// from Kubernetes components and sidecars to the driver's controller and node plugins; the rest
// are Kubernetes API objects the components watch (a PV, a VolumeAttachment).
import { type LocalText } from '../lib/text';
import { sha256 } from '../lib/sha256';
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from './volume-types';

export type CsiActor =
  | 'external-provisioner'
  | 'pv-controller'
  | 'kube-scheduler'
  | 'attach-detach-controller'
  | 'external-attacher'
  | 'kubelet'
  | 'api-server'
  | 'csi-controller'
  | 'csi-node'
  | 'storage';

export const ACTOR_NAMES: Readonly<Record<CsiActor, LocalText>> = {
  'external-provisioner': { en: 'external-provisioner (sidecar)', ko: 'external-provisioner(사이드카)' },
  'pv-controller': {
    en: 'PV controller (kube-controller-manager)',
    ko: 'PV 컨트롤러(kube-controller-manager)',
  },
  'kube-scheduler': { en: 'kube-scheduler', ko: 'kube-scheduler' },
  'attach-detach-controller': {
    en: 'attach/detach controller (kube-controller-manager)',
    ko: 'attach/detach 컨트롤러(kube-controller-manager)',
  },
  'external-attacher': { en: 'external-attacher (sidecar)', ko: 'external-attacher(사이드카)' },
  kubelet: { en: 'kubelet', ko: 'kubelet' },
  'api-server': { en: 'API server', ko: 'API 서버' },
  'csi-controller': { en: 'CSI controller plugin', ko: 'CSI 컨트롤러 플러그인' },
  'csi-node': { en: 'CSI node plugin', ko: 'CSI 노드 플러그인' },
  storage: { en: 'storage system', ko: '스토리지 시스템' },
};

export type CsiPhase = 'provision' | 'attach' | 'mount' | 'unmount' | 'detach' | 'delete';

export interface CsiStep {
  /** The RPC (`CreateVolume`) or the API change (`VolumeAttachment created`). */
  readonly name: string;
  readonly phase: CsiPhase;
  readonly from: CsiActor;
  readonly to: CsiActor;
  /** rpc: a CSI gRPC call; api: a Kubernetes object written or watched; storage: the backend's own work. */
  readonly kind: 'rpc' | 'api' | 'storage';
  /** The fields it carries, as `field: value` lines. */
  readonly carries: readonly string[];
  readonly text: LocalText;
}

export interface CsiInput {
  readonly claim: PersistentVolumeClaim;
  readonly pv: PersistentVolume;
  readonly driver: string;
  /** The CSIDriver's attachRequired (true when the driver has no CSIDriver object). */
  readonly attachRequired: boolean;
  /** The PV was made by CreateVolume (dynamic provisioning). */
  readonly dynamic: boolean;
  readonly pod?: {
    readonly key: string;
    readonly node: string;
    readonly mountPaths: readonly string[];
    readonly readOnly: boolean;
  };
  /** The claim is deleted afterwards and the PV's policy is Delete: DeleteVolume runs. */
  readonly deleteVolume: boolean;
}

/** CSI VolumeCapability.AccessMode for each Kubernetes access mode. */
export const CSI_ACCESS_MODE: Readonly<Record<AccessMode, string>> = {
  ReadWriteOnce: 'SINGLE_NODE_WRITER',
  ReadOnlyMany: 'MULTI_NODE_READER_ONLY',
  ReadWriteMany: 'MULTI_NODE_MULTI_WRITER',
  ReadWriteOncePod: 'SINGLE_NODE_SINGLE_WRITER',
};

const L = (en: string, ko: string): LocalText => ({ en, ko });
const hex = (text: string): string => [...sha256(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const stagingPath = (driver: string, handle: string): string =>
  `/var/lib/kubelet/plugins/kubernetes.io/csi/${driver}/${hex(handle)}/globalmount`;
export const targetPath = (podUid: string, pv: string): string =>
  `/var/lib/kubelet/pods/${podUid}/volumes/kubernetes.io~csi/${pv}/mount`;

/** The calls that make the claim's volume appear in the pod, then the reverse. */
export function csiSequence(x: CsiInput): CsiStep[] {
  const handle = x.pv.source.type === 'csi' ? x.pv.source.text.split(' ').slice(1).join(' ') : x.pv.name;
  const mode = x.claim.accessModes[0] ?? 'ReadWriteOnce';
  const capability = `volume_capability: {access_mode: ${CSI_ACCESS_MODE[mode]}, access_type: ${x.claim.volumeMode === 'Block' ? 'block' : 'mount (fs_type: ext4)'}}`;
  const steps: CsiStep[] = [];
  if (x.dynamic) {
    steps.push(
      {
        name: 'PVC watched',
        phase: 'provision',
        from: 'api-server',
        to: 'external-provisioner',
        kind: 'api',
        carries: [
          `PersistentVolumeClaim ${x.claim.namespace}/${x.claim.name}`,
          `storageClassName: ${x.claim.storageClassName}`,
          `volume.kubernetes.io/storage-provisioner: ${x.driver}`,
        ],
        text: L(
          `The PV controller found no PV for the claim and annotated it for ${x.driver}; the driver's external-provisioner sidecar, watching claims, picks it up`,
          `PV 컨트롤러가 맞는 PV를 찾지 못해 클레임에 ${x.driver} 어노테이션을 달고, 클레임을 지켜보던 드라이버의 external-provisioner 사이드카가 이를 가져갑니다`,
        ),
      },
      {
        name: 'CreateVolume',
        phase: 'provision',
        from: 'external-provisioner',
        to: 'csi-controller',
        kind: 'rpc',
        carries: [
          `name: ${x.pv.name}`,
          `capacity_range: {required_bytes: ${x.claim.request.nano / 1_000_000_000n}}`,
          capability,
          'parameters: (the StorageClass parameters)',
          "accessibility_requirements: (the selected node's topology, with WaitForFirstConsumer)",
        ],
        text: L(
          'Controller service RPC: create a volume of this size and capability. It returns volume_id, capacity_bytes and the topology where the volume is reachable',
          '컨트롤러 서비스 RPC: 이 크기와 기능(capability)의 볼륨을 만들라는 요청입니다. 응답으로 volume_id, capacity_bytes, 볼륨에 닿을 수 있는 토폴로지가 옵니다',
        ),
      },
      {
        name: 'create disk',
        phase: 'provision',
        from: 'csi-controller',
        to: 'storage',
        kind: 'storage',
        carries: [`volume_id: ${handle}`],
        text: L(
          'The driver asks its storage system for a new disk or share',
          '드라이버가 자기 스토리지 시스템에 새 디스크나 공유 볼륨을 요청합니다',
        ),
      },
      {
        name: 'PV created',
        phase: 'provision',
        from: 'external-provisioner',
        to: 'api-server',
        kind: 'api',
        carries: [
          `PersistentVolume ${x.pv.name}`,
          `spec.csi: {driver: ${x.driver}, volumeHandle: ${handle}}`,
          `claimRef: ${x.claim.namespace}/${x.claim.name}`,
          `persistentVolumeReclaimPolicy: ${x.pv.reclaimPolicy}`,
        ],
        text: L(
          'The sidecar writes a PV for the new volume, bound to the claim; the PV controller completes the binding',
          '사이드카가 새 볼륨의 PV를 클레임에 바인딩된 상태로 만들고, PV 컨트롤러가 바인딩을 마무리합니다',
        ),
      },
    );
  }
  const pod = x.pod;
  if (!pod) return [...steps, ...teardown(x, handle)];
  const podUid = hex(`pod:${pod.key}`).slice(0, 8) + '-…';
  steps.push({
    name: 'Pod scheduled',
    phase: 'attach',
    from: 'kube-scheduler',
    to: 'api-server',
    kind: 'api',
    carries: [`Pod ${pod.key}`, `spec.nodeName: ${pod.node}`],
    text: L(
      `The pod is bound to node ${pod.node}; now the volume must reach that node`,
      `파드가 ${pod.node} 노드에 배정되었습니다. 이제 볼륨이 그 노드에 닿아야 합니다`,
    ),
  });
  if (x.attachRequired) {
    steps.push(
      {
        name: 'VolumeAttachment created',
        phase: 'attach',
        from: 'attach-detach-controller',
        to: 'api-server',
        kind: 'api',
        carries: [
          `attacher: ${x.driver}`,
          `nodeName: ${pod.node}`,
          `source.persistentVolumeName: ${x.pv.name}`,
        ],
        text: L(
          'The attach/detach controller asks for the volume on the node by writing a VolumeAttachment',
          'attach/detach 컨트롤러가 VolumeAttachment를 만들어 이 볼륨을 노드에 붙여 달라고 요청합니다',
        ),
      },
      {
        name: 'ControllerPublishVolume',
        phase: 'attach',
        from: 'external-attacher',
        to: 'csi-controller',
        kind: 'rpc',
        carries: [
          `volume_id: ${handle}`,
          `node_id: ${pod.node} (from its CSINode)`,
          capability,
          `readonly: ${pod.readOnly}`,
        ],
        text: L(
          'The external-attacher sidecar, watching VolumeAttachments, calls the controller plugin: attach the disk to that node. It returns publish_context, and the VolumeAttachment becomes attached: true',
          'VolumeAttachment를 지켜보던 external-attacher 사이드카가 컨트롤러 플러그인을 호출해 디스크를 그 노드에 붙여 달라고 요청합니다. 응답은 publish_context이고, VolumeAttachment는 attached: true가 됩니다',
        ),
      },
      {
        name: 'attach disk',
        phase: 'attach',
        from: 'csi-controller',
        to: 'storage',
        kind: 'storage',
        carries: [`volume_id: ${handle}`, `node: ${pod.node}`],
        text: L(
          'The storage system attaches the disk to the node (a new block device appears there)',
          '스토리지 시스템이 디스크를 노드에 붙입니다(노드에 새 블록 장치가 생깁니다)',
        ),
      },
    );
  }
  const staging = stagingPath(x.driver, handle);
  const target = targetPath(podUid, x.pv.name);
  steps.push(
    {
      name: 'NodeStageVolume',
      phase: 'mount',
      from: 'kubelet',
      to: 'csi-node',
      kind: 'rpc',
      carries: [
        `volume_id: ${handle}`,
        'publish_context: (from ControllerPublishVolume)',
        `staging_target_path: ${staging}`,
        capability,
      ],
      text: L(
        'The kubelet on the node calls the node plugin (through the socket node-driver-registrar registered): format the device if needed and mount it once per node at the global staging path (a node plugin that advertises STAGE_UNSTAGE_VOLUME; netlab assumes it does, as block-storage drivers do)',
        '노드의 kubelet이 노드 플러그인을 호출합니다(node-driver-registrar가 등록한 소켓으로). 필요하면 장치를 포맷하고, 노드마다 한 번 전역 스테이징 경로에 마운트합니다(노드 플러그인이 STAGE_UNSTAGE_VOLUME 기능을 알릴 때이며, netlab은 블록 스토리지 드라이버처럼 그렇다고 가정합니다)',
      ),
    },
    {
      name: 'NodePublishVolume',
      phase: 'mount',
      from: 'kubelet',
      to: 'csi-node',
      kind: 'rpc',
      carries: [
        `volume_id: ${handle}`,
        `staging_target_path: ${staging}`,
        `target_path: ${target}`,
        `readonly: ${pod.readOnly}`,
      ],
      text: L(
        `The node plugin bind-mounts the staged volume into the pod's own directory; the container runtime then mounts that at ${pod.mountPaths.join(', ') || 'the volumeMount path'} inside the container`,
        `노드 플러그인이 스테이징된 볼륨을 파드 전용 디렉터리에 바인드 마운트합니다. 그다음 컨테이너 런타임이 그 디렉터리를 컨테이너 안의 ${pod.mountPaths.join(', ') || 'volumeMount 경로'}에 마운트합니다`,
      ),
    },
    {
      name: 'NodeUnpublishVolume',
      phase: 'unmount',
      from: 'kubelet',
      to: 'csi-node',
      kind: 'rpc',
      carries: [`volume_id: ${handle}`, `target_path: ${target}`],
      text: L(
        "When the pod is deleted: unmount the volume from the pod's directory",
        '파드가 지워지면: 파드 디렉터리에서 볼륨을 언마운트합니다',
      ),
    },
    {
      name: 'NodeUnstageVolume',
      phase: 'unmount',
      from: 'kubelet',
      to: 'csi-node',
      kind: 'rpc',
      carries: [`volume_id: ${handle}`, `staging_target_path: ${staging}`],
      text: L(
        'When no pod on the node uses it any more: unmount the global staging mount',
        '그 노드에서 더 이상 쓰는 파드가 없으면: 전역 스테이징 마운트를 해제합니다',
      ),
    },
  );
  if (x.attachRequired) {
    steps.push({
      name: 'ControllerUnpublishVolume',
      phase: 'detach',
      from: 'external-attacher',
      to: 'csi-controller',
      kind: 'rpc',
      carries: [`volume_id: ${handle}`, `node_id: ${pod.node}`],
      text: L(
        'The attach/detach controller deletes the VolumeAttachment; the external-attacher asks the controller plugin to detach the disk from the node',
        'attach/detach 컨트롤러가 VolumeAttachment를 지우고, external-attacher가 컨트롤러 플러그인에 디스크를 노드에서 떼라고 요청합니다',
      ),
    });
  }
  return [...steps, ...teardown(x, handle)];
}

function teardown(x: CsiInput, handle: string): CsiStep[] {
  if (!x.deleteVolume) return [];
  return [
    {
      name: 'DeleteVolume',
      phase: 'delete',
      from: 'external-provisioner',
      to: 'csi-controller',
      kind: 'rpc',
      carries: [`volume_id: ${handle}`],
      text: L(
        `The claim is deleted and the PV's policy is Delete: the external-provisioner calls DeleteVolume, then removes PV ${x.pv.name}; the data is gone`,
        `클레임이 지워졌고 PV 정책이 Delete라서 external-provisioner가 DeleteVolume을 호출한 뒤 ${x.pv.name} PV를 지웁니다. 데이터도 사라집니다`,
      ),
    },
  ];
}

/** The panel text: CSI is a standard for any container orchestrator, like CRI and CNI. */
export const CSI_ABOUT: LocalText = L(
  "CSI (Container Storage Interface) is a standard, like CRI for container runtimes and CNI for networks: a storage vendor writes one driver (a controller plugin and a node plugin speaking gRPC) and it works with any orchestrator that speaks CSI (Kubernetes, Nomad, Cloud Foundry, Mesos), without touching Kubernetes' own code. Kubernetes adds sidecars (external-provisioner, external-attacher, node-driver-registrar) that turn API objects into CSI calls.",
  'CSI(Container Storage Interface)는 컨테이너 런타임의 CRI, 네트워크의 CNI와 같은 표준입니다. 스토리지 업체가 드라이버 하나(gRPC로 통신하는 컨트롤러 플러그인과 노드 플러그인)를 만들면, CSI를 지원하는 어떤 오케스트레이터(Kubernetes, Nomad, Cloud Foundry, Mesos)에서도 쿠버네티스 코드를 건드리지 않고 동작합니다. 쿠버네티스는 API 오브젝트를 CSI 호출로 바꿔 주는 사이드카(external-provisioner, external-attacher, node-driver-registrar)를 덧붙입니다.',
);

// Where netlab's storage lab simplifies what Kubernetes and Docker really do, said once for the
// CLI and the page, so no answer looks more certain than it is.
import { type LocalText } from '../lib/text';

const L = (en: string, ko: string): LocalText => ({ en, ko });

export const VOLUME_SIMPLIFICATIONS: readonly LocalText[] = [
  L(
    'Claims are bound in file order; the real PV controller works from a queue, so when two claims want the same PV either may win.',
    '클레임은 파일 순서대로 바인딩합니다. 실제 PV 컨트롤러는 큐에서 처리하므로 두 클레임이 같은 PV를 원하면 어느 쪽이든 이길 수 있습니다.',
  ),
  L(
    'Among equally small PVs netlab takes the first in the files; the controller takes whichever its cache lists first.',
    '크기가 같은 PV가 여럿이면 netlab은 파일에서 먼저 나온 것을 고릅니다. 실제 컨트롤러는 캐시에 먼저 있는 것을 고릅니다.',
  ),
  L(
    'A provisioner counts as installed when the scenario has a CSIDriver object of that name; dynamically provisioned PVs get the requested size and a made-up pvc-… name.',
    '시나리오에 그 이름의 CSIDriver 오브젝트가 있으면 프로비저너가 설치된 것으로 봅니다. 동적으로 만든 PV는 요청한 크기 그대로이고 이름(pvc-…)은 netlab이 지어낸 것입니다.',
  ),
  L(
    "A provisioned volume's zone: with WaitForFirstConsumer, the selected node's zone; with Immediate binding the driver picks one, and netlab takes the first allowed topology of the class, or the zone of the first node that has one.",
    '동적으로 만든 볼륨의 zone: WaitForFirstConsumer면 선택된 노드의 zone입니다. Immediate면 드라이버가 고르는데, netlab은 클래스의 allowedTopologies 중 첫 번째, 없으면 zone 레이블이 있는 첫 노드의 zone을 씁니다.',
  ),
  L(
    'Pods go to the first node (in file order) that passes the volume checks and the nodeSelector; the real scheduler also checks resources, taints and affinity, and scores nodes.',
    '파드는 볼륨 검사와 nodeSelector를 통과하는 첫 번째 노드(파일 순서)에 배정합니다. 실제 스케줄러는 자원, taint, 어피니티도 보고 노드에 점수를 매깁니다.',
  ),
  L(
    'Without Node objects, netlab assumes one node, node-1. A claim without metadata.uid is taken to be the one a claimRef names.',
    'Node 오브젝트가 없으면 노드 하나(node-1)가 있다고 봅니다. metadata.uid가 없는 클레임은 claimRef가 가리키는 바로 그 클레임으로 봅니다.',
  ),
  L(
    'Deleting a claim deletes the pods that mount it first (the pvc-protection finalizer would keep the claim Terminating until they are gone).',
    '클레임을 지울 때는 그 클레임을 마운트한 파드부터 지웁니다(pvc-protection 파이널라이저 때문에 파드가 남아 있는 동안 클레임은 Terminating 상태로 남습니다).',
  ),
];

export const LAYER_SIMPLIFICATIONS: readonly LocalText[] = [
  L(
    'Nothing is built: a layer\'s size is the "# size:" comment above its instruction; instructions that change only the configuration are 0 B.',
    '실제로 빌드하지 않습니다. 레이어 크기는 명령 바로 위의 "# size:" 주석 값이고, 설정만 바꾸는 명령은 0 B입니다.',
  ),
  L(
    'Every instruction is a cache step and a change invalidates every step after it, as the Docker docs describe; BuildKit can be smarter about steps that only change metadata.',
    '모든 명령을 캐시 단계로 보고, 바뀐 단계 뒤는 모두 무효가 됩니다(Docker 문서의 설명대로). BuildKit은 메타데이터만 바꾸는 단계를 더 영리하게 다루기도 합니다.',
  ),
  L(
    "COPY and ADD key the cache on the lab's own files; the Dockerfiles and the script are left out of the build context. Without context files, the context is taken as unchanged.",
    'COPY와 ADD는 실습에 있는 파일 내용으로 캐시 키를 만듭니다. Dockerfile과 스크립트는 빌드 컨텍스트에서 뺍니다. 컨텍스트 파일이 없으면 바뀌지 않았다고 봅니다.',
  ),
  L(
    'Images not built in the lab (mysql, nginx) are pulled with unknown contents: netlab knows neither their files nor their VOLUME instructions. Layer and container ids are made up.',
    '실습에서 빌드하지 않은 이미지(mysql, nginx)는 내용을 모르는 채로 받아 옵니다. 그 파일도 VOLUME 명령도 netlab은 모릅니다. 레이어와 컨테이너 id는 지어낸 값입니다.',
  ),
];

// Creating a pod's network, step by step, as kubelet, the container runtime and the CNI plugins do
// it (the CNI spec's ADD, DEL, CHECK and VERSION): the sandbox and its network namespace, the
// configuration chosen in /etc/cni/net.d, the plugin run with CNI_* variables and the config on
// stdin, the veth, the IPAM allocation, and the result JSON. Pure: the same pod gives the same text.
import type { ClusterNetwork } from '../k8s/types';
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
import { sha256 } from '../lib/sha256';
import { fnv1a32 } from './addresses';
import { CNI_BIN, HOST_LOCAL_DIR, NET_D, netD, type NetD } from './cni-config';
import { PAUSE_IMAGE, type Topology, type TopologyPod } from './topology';

export interface LifecycleStep {
  readonly actor: 'kubelet' | 'runtime' | 'plugin' | 'ipam';
  readonly text: LocalText;
  /** What the step shows as it is on the node: a command line, environment, a path. */
  readonly code?: string;
}

export interface PodLifecycle {
  readonly pod: string;
  readonly node: string;
  readonly netd: NetD;
  readonly containerId: string;
  readonly netns: string;
  readonly add: readonly LifecycleStep[];
  /** The ADD result the plugin prints on stdout (CNI spec 1.0 result). */
  readonly result: string;
  readonly del: readonly LifecycleStep[];
  readonly check: LocalText;
  readonly version: LocalText;
}

/** The lifecycle of `podKey`'s network on its node; null for a pod without a node or on the host network. */
export function podLifecycle(
  network: Pick<ClusterNetwork, 'cni' | 'ipMasq' | 'bridgeName'>,
  topology: Topology,
  podKey: string,
): PodLifecycle | null {
  const pod = topology.pods.find((p) => p.key === podKey);
  const node = pod?.node ? topology.nodes.find((n) => n.name === pod.node) : undefined;
  if (!pod || !node || pod.network.kind !== 'bridged') return null;
  const net = pod.network;
  const d = netD(network, node);
  const containerId = hex64(`sandbox:${pod.key}`);
  const netns = `/var/run/netns/cni-${uuid(pod.key)}`;
  const conf = `${NET_D}/${d.chosen.name}`;
  const first = d.plugins[0]!;
  const env = [
    'CNI_COMMAND=ADD',
    `CNI_CONTAINERID=${containerId}`,
    `CNI_NETNS=${netns}`,
    'CNI_IFNAME=eth0',
    `CNI_PATH=${CNI_BIN}`,
  ].join('\n');
  const others = d.files.filter((f) => f !== d.chosen && f.config).map((f) => f.name);
  const hostLocal = d.ipam.type === 'host-local';
  const add: LifecycleStep[] = [
    {
      actor: 'kubelet',
      text: t(
        `kubelet on ${node.name} sees ${pod.key} bound to its node and asks the container runtime for a pod sandbox (CRI RunPodSandbox).`,
        `${node.name}의 kubelet이 자기 노드에 배정된 ${pod.key} 파드를 보고 컨테이너 런타임에 파드 샌드박스를 요청합니다(CRI RunPodSandbox).`,
      ),
    },
    {
      actor: 'runtime',
      text: t(
        `The runtime starts the pause container (${PAUSE_IMAGE}) and a new network namespace for it; the pod's containers join it later.`,
        `런타임이 pause 컨테이너(${PAUSE_IMAGE})와 새 네트워크 네임스페이스를 만듭니다. 파드의 컨테이너들은 나중에 여기에 합류합니다.`,
      ),
      code: netns,
    },
    {
      actor: 'runtime',
      text: t(
        `The runtime reads ${NET_D}: the first network configuration in lexical order wins, ${d.chosen.name}${others.length ? ` (not ${others.join(', ')})` : ''}. ${d.why.en}`,
        `런타임이 ${josa(NET_D, '을/를')} 읽습니다. 이름 순서로 첫 번째 네트워크 설정 ${josa(d.chosen.name, '이/가')} 쓰입니다${others.length ? `(${josa(others.join(', '), '은/는')} 쓰이지 않음)` : ''}. ${d.why.ko}`,
      ),
      code: d.files
        .map((f) =>
          f === d.chosen
            ? `${f.name}   ← chosen`
            : f.broken
              ? `${f.name}   ✗ cannot be loaded`
              : f.user && !f.config
                ? `${f.name}   (not a network configuration)`
                : f.name,
        )
        .join('\n'),
    },
    {
      actor: 'runtime',
      text: t(
        `It runs ${CNI_BIN}/${first} with the network configuration on stdin and these variables (a .conflist runs each plugin in turn, passing the previous result along).`,
        `런타임이 ${josa(`${CNI_BIN}/${first}`, '을/를')} 실행하며 표준 입력으로 네트워크 설정을, 환경 변수로 아래 값을 넘깁니다(.conflist면 플러그인을 차례로 실행하며 앞의 결과를 넘깁니다).`,
      ),
      code: `${env}\n${CNI_BIN}/${first} < ${conf}`,
    },
    {
      actor: 'plugin',
      text: t(
        `The plugin creates a veth pair: eth0 inside the pod's namespace, ${net.veth} on the node${node.bridge.kind === 'bridge' ? `, attached to ${node.bridge.name}` : node.bridge.kind === 'routed' ? ', with no bridge (calico routes to it)' : ' (cilium attaches eBPF programs to it)'}.`,
        `플러그인이 veth 쌍을 만듭니다. 파드 네임스페이스 안에 eth0, 노드 쪽에 ${net.veth}${node.bridge.kind === 'bridge' ? `(${node.bridge.name}에 연결)` : node.bridge.kind === 'routed' ? '(브리지 없음, calico가 경로로 연결)' : '(cilium이 eBPF 프로그램을 붙임)'}.`,
      ),
      code: `ip link add eth0 type veth peer name ${net.veth}`,
    },
    {
      actor: 'ipam',
      text: hostLocal
        ? t(
            `The plugin calls the IPAM plugin host-local, which takes the first free address of ${d.ipam.range} and records it in its state directory.`,
            `플러그인이 IPAM 플러그인 host-local을 부르고, host-local은 ${d.ipam.range}에서 비어 있는 첫 주소를 골라 상태 디렉터리에 기록합니다.`,
          )
        : t(
            `Addresses come from ${d.ipam.type}, within ${d.ipam.range} on this node in netlab.`,
            `주소는 ${d.ipam.type}에서 받습니다. netlab에서는 이 노드의 ${d.ipam.range} 안에서 고릅니다.`,
          ),
      ...(hostLocal
        ? {
            code: `${HOST_LOCAL_DIR}/${d.network}/${net.interface.ip}   (contains ${containerId.slice(0, 12)}…)`,
          }
        : {}),
    },
    {
      actor: 'plugin',
      text: t(
        `The plugin sets eth0's address and routes, then prints the result on stdout; the runtime hands the pod IP to kubelet, which reports it as status.podIP.`,
        `플러그인이 eth0에 주소와 경로를 설정하고 결과를 표준 출력으로 냅니다. 런타임이 파드 IP를 kubelet에 넘기고, kubelet이 status.podIP로 보고합니다.`,
      ),
      code: net.routes.map((r) => `${r.destination}${r.via ? ` via ${r.via}` : ''} dev ${r.dev}`).join('\n'),
    },
  ];
  const result = JSON.stringify(
    {
      cniVersion: '1.0.0',
      interfaces: [
        { name: net.veth, mac: mac(`host:${pod.key}`) },
        { name: 'eth0', mac: mac(`pod:${pod.key}`), sandbox: netns },
      ],
      ips: [{ address: `${net.interface.ip}/${net.interface.prefix}`, gateway: net.gateway, interface: 1 }],
      routes: net.routes
        .filter((r) => r.via !== undefined)
        .map((r) => ({ dst: r.destination === 'default' ? '0.0.0.0/0' : r.destination, gw: r.via })),
      dns: {},
    },
    null,
    2,
  );
  const del: LifecycleStep[] = [
    {
      actor: 'kubelet',
      text: t(
        `When the pod is deleted, kubelet stops its containers and asks the runtime to remove the sandbox (CRI StopPodSandbox).`,
        `파드를 지우면 kubelet이 컨테이너를 멈추고 런타임에 샌드박스 제거를 요청합니다(CRI StopPodSandbox).`,
      ),
    },
    {
      actor: 'runtime',
      text: t(
        `The runtime runs the same plugins with CNI_COMMAND=DEL and the same container ID (a .conflist in reverse order). DEL must succeed even when the network is already gone.`,
        `런타임이 같은 플러그인을 CNI_COMMAND=DEL과 같은 컨테이너 ID로 실행합니다(.conflist는 거꾸로). 네트워크가 이미 없어도 DEL은 성공해야 합니다.`,
      ),
      code: `CNI_COMMAND=DEL CNI_CONTAINERID=${containerId} CNI_NETNS=${netns} CNI_IFNAME=eth0 ${CNI_BIN}/${first} < ${conf}`,
    },
    {
      actor: 'ipam',
      text: hostLocal
        ? t(
            `host-local deletes ${HOST_LOCAL_DIR}/${d.network}/${net.interface.ip}: the address is free for the next pod.`,
            `host-local이 ${HOST_LOCAL_DIR}/${d.network}/${net.interface.ip} 파일을 지워서 그 주소는 다음 파드가 쓸 수 있게 됩니다.`,
          )
        : t(
            `${d.ipam.type} releases ${net.interface.ip} for the next pod.`,
            `${josa(d.ipam.type, '이/가')} ${josa(net.interface.ip, '을/를')} 풀어 다음 파드가 쓸 수 있게 합니다.`,
          ),
    },
  ];
  return {
    pod: pod.key,
    node: node.name,
    netd: d,
    containerId,
    netns,
    add,
    result,
    del,
    check: t(
      "CHECK (CNI 0.4.0 and later): the runtime asks the plugins whether the container's network is still as ADD left it; a plugin answers with an error if not.",
      'CHECK(CNI 0.4.0 이상): 런타임이 컨테이너의 네트워크가 ADD 때 그대로인지 플러그인에 묻습니다. 달라졌으면 플러그인이 오류로 답합니다.',
    ),
    version: t(
      'VERSION: the plugin prints the CNI spec versions it supports, e.g. {"cniVersion":"1.0.0","supportedVersions":["0.3.1","0.4.0","1.0.0"]}.',
      'VERSION: 플러그인이 지원하는 CNI 명세 버전을 출력합니다. 예: {"cniVersion":"1.0.0","supportedVersions":["0.3.1","0.4.0","1.0.0"]}.',
    ),
  };
}

/** The pods whose network a lifecycle can be shown for (on a node, not on the host network). */
export const lifecyclePods = (topology: Topology): TopologyPod[] =>
  topology.pods.filter((p) => p.node !== null && p.network.kind === 'bridged');

/** 64 hex digits from `seed` (a container ID looks like this; the runtime makes a random one). */
const hex64 = (seed: string): string =>
  Array.from(sha256(seed), (b) => b.toString(16).padStart(2, '0')).join('');

function uuid(seed: string): string {
  const h = hex64(`netns:${seed}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function mac(seed: string): string {
  const h = fnv1a32(seed) + fnv1a32(`${seed}/`);
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => parseInt(h.slice(i * 2, i * 2 + 2), 16));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

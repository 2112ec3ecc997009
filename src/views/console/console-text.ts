// The by-hand lab's words in English and Korean.
import { useNetlab } from '../use-netlab';

const en = {
  byHand: 'By hand',
  yamlLab: 'YAML lab',
  heading: 'Pod networking by hand',
  intro:
    'Type real commands on each host: ip netns, ip link, ip addr, ip route, ping, sysctl, iptables. The drawing and the state follow every command; ping shows the packet’s path.',
  start: 'Start from',
  startEmpty: 'an empty host',
  startTwoHosts: 'two hosts on a LAN',
  startNotes: 'the notes’ exercise, midway',
  restart: 'Start over',
  share: 'Copy share link',
  shared: 'Link copied.',
  shareFailed: 'Could not copy; the link is in the address bar.',
  consoleOf: 'Console of {host}',
  commandOn: 'Command on {host}',
  hint: 'Enter runs · ↑/↓ history · Tab completes · Ctrl+L clears · Shift+Enter for a new line',
  copy: 'Copy',
  copied: 'Copied',
  clear: 'Clear',
  graph: 'Network drawing',
  state: 'State',
  stateOf: '{place}',
  ping: 'Last ping',
  pingOk: '{from} → {to}: replies came back',
  pingFail: '{from} → {to}: no reply. {why}',
  noPing: 'Run ping to see a packet’s path here.',
  asKubernetes: 'As Kubernetes',
  k8sHeading: 'What a CNI plugin would have built',
  k8sBridge: '{name} is what the bridge plugin calls cni0: one per node.',
  k8sVeth: '{name} is a vethXXXXXXXX: the host end of {ns}’s cable, named after the container.',
  k8sNs:
    'Namespace {ns} is a pod’s network namespace, held by its pause container; its cable end would be eth0.',
  k8sNone: 'Nothing built yet.',
  lan: 'LAN',
  forwarding: 'ip_forward=1',
  loaded: 'Opened the shared session.',
  badLink: 'The shared session could not be read; starting from an empty host.',
  lessons: 'Lessons',
  lesson: 'Lesson',
  noLesson: 'none: free practice',
  hints: 'Hints',
  check: 'Check my network',
  checks: 'Check results',
  solved: 'Every check passes: solved.',
};

export type ConsoleText = typeof en;

const ko: ConsoleText = {
  byHand: '손으로',
  yamlLab: 'YAML 실습',
  heading: '손으로 만드는 파드 네트워크',
  intro:
    '호스트마다 실제 명령을 입력하세요: ip netns, ip link, ip addr, ip route, ping, sysctl, iptables. 명령 하나마다 그림과 상태가 바로 바뀌고, ping은 패킷이 지나간 길을 보여 줍니다.',
  start: '시작 상태',
  startEmpty: '빈 호스트',
  startTwoHosts: 'LAN에 연결된 호스트 둘',
  startNotes: '노트의 실습, 중간까지',
  restart: '처음부터 다시',
  share: '공유 링크 복사',
  shared: '링크를 복사했습니다.',
  shareFailed: '복사하지 못했습니다. 주소 표시줄에 링크가 있습니다.',
  consoleOf: '{host} 콘솔',
  commandOn: '{host}에서 실행할 명령',
  hint: 'Enter 실행 · ↑/↓ 이전 명령 · Tab 자동 완성 · Ctrl+L 화면 지우기 · Shift+Enter 줄 바꿈',
  copy: '복사',
  copied: '복사함',
  clear: '지우기',
  graph: '네트워크 그림',
  state: '상태',
  stateOf: '{place}',
  ping: '마지막 ping',
  pingOk: '{from} → {to}: 응답이 돌아왔습니다',
  pingFail: '{from} → {to}: 응답이 없습니다. {why}',
  noPing: 'ping을 실행하면 패킷이 지나간 길이 여기에 나옵니다.',
  asKubernetes: '쿠버네티스로 보면',
  k8sHeading: 'CNI 플러그인이 만들었을 것',
  k8sBridge: '{name} 브리지는 bridge 플러그인이 노드마다 만드는 cni0에 해당합니다.',
  k8sVeth:
    '{name} 링크는 vethXXXXXXXX에 해당합니다. {ns} 케이블의 호스트 쪽 끝이며, 컨테이너 ID로 이름을 짓습니다.',
  k8sNs:
    '{ns} 네임스페이스는 파드의 네트워크 네임스페이스이고, pause 컨테이너가 붙들고 있습니다. 케이블의 안쪽 끝은 eth0이 됩니다.',
  k8sNone: '아직 만든 것이 없습니다.',
  lan: 'LAN',
  forwarding: 'ip_forward=1',
  loaded: '공유된 세션을 열었습니다.',
  badLink: '공유된 세션을 읽지 못해 빈 호스트에서 시작합니다.',
  lessons: '레슨',
  lesson: '레슨',
  noLesson: '없음: 자유 연습',
  hints: '힌트',
  check: '내 네트워크 검사',
  checks: '검사 결과',
  solved: '모든 검사를 통과했습니다. 해결!',
};

export function useConsoleText(): ConsoleText {
  return useNetlab((s) => s.locale) === 'ko' ? ko : en;
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

// The page's words for real clusters (search, workload views, filters, pods without an IP,
// folded problems), in English and Korean, beside the main UI text.
import type { Locale } from '../lib/text';
import { useNetlab } from './use-netlab';

const en = {
  search: 'Find',
  searchHint: 'pod, IP or CIDR',
  searchLabel: 'Find a pod by name, IP or CIDR and focus it in the graph',
  searchNone: 'Nothing matches.',
  searchResults: '{count} match(es)',
  groupBy: 'View',
  byPod: 'pods',
  byWorkload: 'workloads',
  byNamespace: 'namespaces',
  rows: 'Rows',
  columns: 'Columns',
  sameColumns: 'columns as rows',
  filterHint: 'name, IP, CIDR, w:NS/NAME, ns:NAME, -exclude',
  groupAll: 'all allowed',
  groupNone: 'all denied',
  groupSome: '{allowed} of {total} allowed',
  groupNa: 'nothing to count',
  drillDown: 'Show the pods of {group}',
  groupsCapped: 'Showing {shown} of {total} groups; filter to narrow.',
  inactiveTitle: 'Pods without an IP ({count})',
  inactiveHelp:
    'Finished pods (Succeeded, Failed) and pods still waiting for an address (Pending: their node’s podCIDR may be used up) hold no IP: they are no flow’s endpoint.',
  completed: 'completed',
  failed: 'failed',
  noIp: 'no IP yet',
  noFreeAddress: 'no free address on its node',
  lastIp: 'last IP {ip}',
  moreLike: '… and {count} more like these',
  podStatus: 'status',
  podReady: 'ready',
  podNotReady: 'not ready: Services leave it out (unless publishNotReadyAddresses)',
  podTerminating: 'terminating (deletionTimestamp set): still holds its IP',
};
type RealClusterText = typeof en;

const ko: RealClusterText = {
  search: '찾기',
  searchHint: '파드, IP, CIDR',
  searchLabel: '이름, IP, CIDR로 파드를 찾아 그래프에서 보여 줍니다',
  searchNone: '맞는 것이 없습니다.',
  searchResults: '{count}개 찾음',
  groupBy: '보기',
  byPod: '파드',
  byWorkload: '워크로드',
  byNamespace: '네임스페이스',
  rows: '행',
  columns: '열',
  sameColumns: '열도 행과 같이',
  filterHint: '이름, IP, CIDR, w:NS/이름, ns:이름, -제외',
  groupAll: '모두 허용',
  groupNone: '모두 차단',
  groupSome: '{total}개 중 {allowed}개 허용',
  groupNa: '셀 것 없음',
  drillDown: '{group}의 파드 보기',
  groupsCapped: '그룹 {total}개 중 {shown}개만 보여 줍니다. 필터로 좁혀 보세요.',
  inactiveTitle: 'IP가 없는 파드 ({count})',
  inactiveHelp:
    '끝난 파드(Succeeded, Failed)와 아직 주소를 기다리는 파드(Pending: 노드의 podCIDR가 다 찼을 수 있습니다)는 IP가 없어 어떤 흐름의 출발지나 목적지도 될 수 없습니다.',
  completed: '완료',
  failed: '실패',
  noIp: '아직 IP 없음',
  noFreeAddress: '노드에 남은 주소 없음',
  lastIp: '마지막 IP {ip}',
  moreLike: '… 같은 종류 {count}개 더',
  podStatus: '상태',
  podReady: '준비됨',
  podNotReady: '준비 안 됨: Service가 이 파드를 빼고 보냅니다(publishNotReadyAddresses가 아니면)',
  podTerminating: '종료 중(deletionTimestamp 있음): IP는 아직 가지고 있습니다',
};

export const REAL_CLUSTER_TEXT: Readonly<Record<Locale, RealClusterText>> = { en, ko };

export function useRealClusterText(): RealClusterText {
  return REAL_CLUSTER_TEXT[useNetlab((s) => s.locale)];
}

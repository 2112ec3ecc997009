// The pods a matrix leaves out because they hold no IP (finished Job pods, pods still Pending):
// named after the table, so nobody wonders where they went.
import type { Cluster } from '../k8s/types';
import type { Locale } from '../lib/text';

export function inactiveNote(cluster: Cluster, locale: Locale): string {
  const pods = cluster.inactivePods;
  if (pods.length === 0) return '';
  const names = pods
    .slice(0, 5)
    .map((p) => `${p.namespace}/${p.name} (${p.phase}${p.reason ? `: ${p.reason[locale]}` : ''})`);
  const more =
    pods.length > 5 ? (locale === 'ko' ? ` 외 ${pods.length - 5}개` : `, and ${pods.length - 5} more`) : '';
  return locale === 'ko'
    ? `IP가 없어 빠진 파드 ${pods.length}개: ${names.join(', ')}${more} — 끝난 파드(Succeeded/Failed)와 아직 주소가 없는 파드는 어떤 흐름의 출발지나 목적지도 될 수 없습니다\n`
    : `Left out, holding no IP: ${pods.length} pod(s): ${names.join(', ')}${more} — finished pods (Succeeded/Failed) and pods without an address yet are no flow's endpoint\n`;
}

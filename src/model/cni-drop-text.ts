// Why a pod's packet goes nowhere because of its CNI configuration: no route off its subnet (no
// isDefaultGateway, no ipam.routes), or a gateway nobody answers ARP for (isGateway false).
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';

/** The kernel's ENETUNREACH: the pod's table has no route for the address. */
export const podNoRoute = (pod: string, ip: string): LocalText =>
  t(
    `${pod}: no route to ${ip} in the pod's table (only its own subnet's link route): the kernel answers "Network is unreachable" (the CNI config gives no default route: isDefaultGateway and ipam.routes)`,
    `${pod}: 파드의 경로 표에 ${josa(ip, '으로/로')} 가는 경로가 없습니다(자기 서브넷의 link 경로뿐입니다). 커널이 "Network is unreachable"로 답합니다(CNI 설정이 기본 경로를 주지 않음: isDefaultGateway, ipam.routes)`,
  );

/** ARP for the gateway goes unanswered: the bridge holds no address (isGateway false). */
export const gatewayUnanswered = (pod: string, gateway: string, bridge: string): LocalText =>
  t(
    `${pod}: its route goes via ${gateway}, but nobody answers ARP for that address — ${bridge} holds no address (isGateway: false) — so the packet is never sent: "Destination Host Unreachable" (connect: "No route to host")`,
    `${pod}: 경로가 ${josa(gateway, '을/를')} 거쳐 가지만 그 주소의 ARP에 답하는 곳이 없습니다. ${josa(bridge, '이/가')} 주소를 갖고 있지 않아서(isGateway: false) 패킷이 나가지 못합니다: "Destination Host Unreachable"(connect: "No route to host")`,
  );

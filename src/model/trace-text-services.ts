// The trace's words for what real clusters add to Services: load balancers known by hostname,
// nodes left out of load balancers, externalIPs, traffic policies, the client's address and
// sessionAffinity.
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
import type { AffinityNote, KubeProxyRule } from './trace-types';

export const lbHostnameOnly = (service: string, hostname: string): LocalText =>
  t(
    `${service}'s load balancer is known by its hostname ${hostname} only (no IP in status.loadBalancer.ingress), so the trace enters through the NodePort it forwards to.`,
    `${service}의 로드밸런서는 IP 없이 호스트 이름만 있어(${hostname}, status.loadBalancer.ingress), 로드밸런서가 넘겨주는 NodePort로 들어갑니다.`,
  );

export const lbNodesChosen = (
  service: string,
  nodes: readonly string[],
  excluded: readonly string[],
  local: boolean,
): LocalText => {
  const ex =
    excluded.length > 0
      ? t(
          ` Left out: ${excluded.join(', ')} (label node.kubernetes.io/exclude-from-external-load-balancers).`,
          ` 제외된 노드: ${excluded.join(', ')} (node.kubernetes.io/exclude-from-external-load-balancers 레이블).`,
        )
      : t('', '');
  return local
    ? t(
        `externalTrafficPolicy Local: the load balancer health-checks every node (spec.healthCheckNodePort) and sends only to nodes where an endpoint of ${service} runs: ${nodes.join(', ') || 'none'}.${ex.en}`,
        `externalTrafficPolicy Local: 로드밸런서가 모든 노드를 헬스 체크(spec.healthCheckNodePort)해서 ${service}의 엔드포인트가 실행 중인 노드로만 보냅니다: ${nodes.join(', ') || '없음'}.${ex.ko}`,
      )
    : t(
        `The load balancer of ${service} may send to any of: ${nodes.join(', ') || 'none'}; netlab takes the first.${ex.en}`,
        `${service}의 로드밸런서는 다음 노드 중 어디로든 보낼 수 있고, netlab은 첫 번째를 씁니다: ${nodes.join(', ') || '없음'}.${ex.ko}`,
      );
};

export const externalIpRouted = (ip: string, service: string, node: string): LocalText =>
  t(
    `${ip} is an externalIP of ${service}: Kubernetes does not route it; the network must deliver it to a node, and netlab assumes ${node}. kube-proxy on every node takes packets for it.`,
    `${service}의 externalIP ${ip}: Kubernetes가 이 주소를 라우팅하지는 않으므로 네트워크가 노드로 보내 줘야 하며, netlab은 ${josa(node, '으로/로')} 간다고 봅니다. 모든 노드의 kube-proxy가 이 주소로 온 패킷을 받습니다.`,
  );

export const noLocalEndpointInternal = (service: string, node: string): LocalText =>
  t(
    `dropped: internalTrafficPolicy Local and no endpoint of ${service} runs on ${node}, the sender's node, so kube-proxy drops it (endpoints on other nodes do not count)`,
    `버려짐: internalTrafficPolicy Local인데 보내는 쪽 노드인 ${node}에서 실행 중인 ${service}의 엔드포인트가 없어 kube-proxy가 버립니다(다른 노드의 엔드포인트는 쓰지 않습니다)`,
  );

export const clientIpKept = (service: string, client: string): LocalText =>
  t(
    `externalTrafficPolicy Local on ${service}: kube-proxy does not masquerade, so the endpoint's ingress policies see the client's own address ${client} (an ipBlock can match it)`,
    `${service}의 externalTrafficPolicy가 Local이라 kube-proxy가 마스커레이드하지 않습니다. 그래서 엔드포인트의 인그레스 정책은 클라이언트 주소(${client})를 그대로 봅니다(ipBlock으로 고를 수 있습니다)`,
  );

export const clientIpLost = (service: string, client: string, node: string): LocalText =>
  t(
    `externalTrafficPolicy Cluster on ${service}: kube-proxy masquerades, so the endpoint's ingress policies see node ${node}'s address, not the client ${client}; an ipBlock naming the client matches nothing here (set externalTrafficPolicy: Local to keep the client's address)`,
    `${service}의 externalTrafficPolicy가 Cluster라 kube-proxy가 마스커레이드합니다. 그래서 엔드포인트의 인그레스 정책은 클라이언트 주소(${client})가 아니라 ${node} 노드의 주소를 봅니다. 클라이언트를 가리키는 ipBlock은 여기서 아무것도 고르지 못합니다(클라이언트 주소를 지키려면 externalTrafficPolicy: Local)`,
  );

export const policyBeforeOrAfterSnat = (
  pod: string,
  client: string,
  snat: string,
  clientDenied: boolean,
  snatDenied: boolean,
): LocalText => {
  const word = (denied: boolean): LocalText => (denied ? t('denied', '거부') : t('allowed', '허용'));
  return t(
    `Implementation-defined: kube-proxy rewrote the source ${client} to ${snat} on ${pod}'s own node, and Kubernetes leaves open whether policy sees the packet before or after that rewrite. Judged with the client ${client} (iptables-based enforcement such as Calico's judges in FORWARD, before the SNAT in POSTROUTING): ${word(clientDenied).en}. Judged with ${snat} (traffic from a pod's own node is always allowed): ${word(snatDenied).en}. Set externalTrafficPolicy: Local to keep the client's address and make it definite.`,
    `구현에 따라 다릅니다: kube-proxy가 ${pod} 파드와 같은 노드에서 출발지 ${josa(client, '을/를')} ${josa(snat, '으로/로')} 바꿨는데, 정책이 이 변환 전과 후 중 언제 패킷을 보는지는 Kubernetes가 정하지 않습니다. 클라이언트 ${client} 기준(Calico 같은 iptables 방식은 POSTROUTING의 SNAT보다 먼저 FORWARD에서 판단): ${word(clientDenied).ko}. ${snat} 기준(파드 자신의 노드에서 온 트래픽은 항상 허용): ${word(snatDenied).ko}. externalTrafficPolicy: Local이면 클라이언트 주소가 유지되어 결과가 하나로 정해집니다.`,
  );
};

/** 10800 → "3 h", 600 → "10 min", 90 → "90 s". */
function duration(seconds: number): LocalText {
  if (seconds % 3600 === 0) return t(`${seconds / 3600} h`, `${seconds / 3600}시간`);
  if (seconds % 60 === 0) return t(`${seconds / 60} min`, `${seconds / 60}분`);
  return t(`${seconds} s`, `${seconds}초`);
}

/**
 * sessionAffinity ClientIP at kube-proxy's DNAT: which client address is remembered, how (iptables'
 * `recent` match, an IPVS persistent virtual server, cilium's affinity map) and for how long.
 */
export function affinityText(a: AffinityNote, rule: KubeProxyRule | undefined): LocalText {
  const d = duration(a.timeoutSeconds);
  const how =
    rule?.mode === 'iptables'
      ? t(
          `KUBE-SEP's \`-m recent --name ${rule.recent?.name ?? 'KUBE-SEP-…'} --rsource --set\` records it, and KUBE-SVC's \`--rcheck --seconds ${a.timeoutSeconds} --reap\` sends it back to that chain before any random choice`,
          `KUBE-SEP의 \`-m recent --name ${rule.recent?.name ?? 'KUBE-SEP-…'} --rsource --set\`이 기록하고, KUBE-SVC의 \`--rcheck --seconds ${a.timeoutSeconds} --reap\`이 무작위 선택보다 먼저 그 체인으로 보냅니다`,
        )
      : rule?.mode === 'ipvs'
        ? t(
            `the virtual server is persistent (\`ipvsadm -p ${a.timeoutSeconds}\`): IPVS keeps a template per client address`,
            `가상 서버가 persistent(\`ipvsadm -p ${a.timeoutSeconds}\`)라서 IPVS가 클라이언트 주소마다 템플릿을 둡니다`,
          )
        : t(
            "cilium's eBPF keeps the choice in its affinity map",
            'cilium eBPF가 고른 결과를 affinity 맵에 둡니다',
          );
  return t(
    `sessionAffinity ClientIP: the first connection from ${a.clientIp} picks an endpoint as usual; then ${how.en}. Every new connection from ${a.clientIp} goes to ${a.endpoint} until ${a.timeoutSeconds} s (${d.en}) pass without one (timeoutSeconds); the key is the source address as kube-proxy sees it, so clients behind one NAT or proxy share an endpoint, and another client may get another one`,
    `sessionAffinity ClientIP: ${a.clientIp}에서 온 첫 연결은 평소처럼 엔드포인트를 고르고, 그다음 ${how.ko}. ${a.clientIp}에서 오는 새 연결은 연결 없이 ${a.timeoutSeconds}초(${d.ko}, timeoutSeconds)가 지나기 전까지 모두 ${josa(a.endpoint, '으로/로')} 갑니다. 기준은 kube-proxy가 보는 출발지 주소라서, NAT나 프록시 하나 뒤의 클라이언트들은 같은 엔드포인트를 쓰고, 다른 클라이언트는 다른 엔드포인트로 갈 수 있습니다`,
  );
}

// The trace's words for what real clusters add to Services: load balancers known by hostname,
// nodes left out of load balancers, externalIPs, traffic policies and the client's address.
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';

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

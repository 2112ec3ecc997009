// The words of a packet journey, in English and Korean: one line per event, and the notices.
// The engine's detailed reasons stay data (SideExplanation); explain-text.ts words those.
import type { SideExplanation } from '../engine/evaluate-flow';
import type { CniName, Protocol } from '../k8s/types';
import { josa } from '../lib/korean';
import { pick, t, WORDS, type LocalText, type Locale } from '../lib/text';
import { hostPort, type KubeProxyHit } from './kube-proxy';
import type { Overlay } from './cni';
import type { AddressPort, KubeProxyRule, OuterHeaders, PacketTrace } from './trace-types';

const dirKo = (d: 'egress' | 'ingress'): string => WORDS.direction(d).ko;
const ap = hostPort;

export const route = (owner: string, text: string): LocalText =>
  t(`route (${owner}): ${text}`, `경로 (${owner}): ${text}`);

export function check(
  d: 'egress' | 'ingress',
  s: SideExplanation,
  other: string,
  port: number,
  protocol: Protocol,
  enforced: boolean,
  cni: CniName,
): LocalText {
  const head = t(`${d} of ${s.subject}`, `${s.subject}의 ${dirKo(d)}`);
  const flow = `${port}/${protocol}`;
  let body: LocalText;
  if (s.verdict === 'unrestricted') {
    const why =
      s.unrestrictedBecause === 'outside-cluster'
        ? t('outside the cluster', '클러스터 밖')
        : s.unrestrictedBecause === 'host-network'
          ? t('hostNetwork pod, no policy selects it', 'hostNetwork 파드라 어떤 정책도 선택하지 않음')
          : t(
              `no ${d} policy selects ${s.subject}`,
              `${josa(s.subject, '을/를')} 선택하는 ${dirKo(d)} 정책 없음`,
            );
    body = t(`✓ unrestricted (${why.en})`, `✓ 제한 없음 (${why.ko})`);
  } else if (s.verdict === 'allow' && s.alwaysAllowed) {
    body =
      s.alwaysAllowed === 'self'
        ? t('✓ allowed: a pod can always reach itself', '✓ 허용: 파드는 항상 자기 자신에 접근할 수 있음')
        : t(
            '✓ allowed: traffic between a pod and its own node is always allowed',
            '✓ 허용: 파드와 그 노드 사이의 트래픽은 항상 허용됨',
          );
  } else if (s.verdict === 'allow') {
    body = t(`✓ allowed by ${s.policies.join(', ')}`, `✓ 허용 (${s.policies.join(', ')})`);
  } else {
    const names = s.selectedBy.map((p) => p.policy).join(', ');
    const peer = d === 'egress' ? `${josa(other, '으로/로')} 가는` : `${other}에서 오는`;
    const why = t(
      `isolated by ${names}, and no rule allows ${other} on ${flow}`,
      `${josa(names, '이/가')} ${josa(s.subject, '을/를')} 격리하는데, ${peer} ${josa(flow, '을/를')} 허용하는 규칙이 없습니다`,
    );
    body = enforced
      ? t(`✗ denied: ${why.en}`, `✗ 차단 — ${why.ko}`)
      : t(
          `✗ would deny: ${why.en}; ${cni} does not enforce NetworkPolicy, so the packet goes on`,
          `✗ 정책상으로는 차단 — ${why.ko}. 하지만 ${josa(cni, '은/는')} NetworkPolicy를 적용하지 않으므로 패킷은 그대로 지나갑니다`,
        );
  }
  return t(`${head.en}: ${body.en}`, `${head.ko}: ${body.ko}`);
}

export function policyDrop(d: 'egress' | 'ingress', s: SideExplanation): LocalText {
  const names = s.selectedBy.map((p) => p.policy).join(', ');
  return t(
    `dropped at the ${d} of ${s.subject}: isolated by ${names}, and no rule matches`,
    `${s.subject}의 ${dirKo(d)}에서 버려짐: ${josa(names, '이/가')} ${josa(s.subject, '을/를')} 격리하는데, 맞는 규칙이 없습니다`,
  );
}

function ruleText(r: KubeProxyRule): LocalText {
  if (r.mode === 'iptables') {
    const recent = r.recent ? ` (recent ${r.recent.name}, ${r.recent.seconds}s)` : '';
    return t(
      `iptables ${r.chains.join(' → ')} DNAT${recent}`,
      `iptables ${r.chains.join(' → ')} DNAT${recent}`,
    );
  }
  const sched = `${r.scheduler}${r.persistent !== undefined ? `, persistent ${r.persistent}` : ''}`;
  return t(
    `IPVS virtual server ${r.virtualServer} (${sched}) → real server ${r.realServer} (Masq)`,
    `IPVS 가상 서버 ${r.virtualServer} (${sched}) → 실제 서버 ${r.realServer} (Masq)`,
  );
}

export function dnat(hit: KubeProxyHit, from: AddressPort): LocalText {
  const rule = ruleText(hit.rule);
  const n = hit.candidates.length;
  const pickEn =
    hit.rule.mode === 'iptables' ? 'kube-proxy picks one at random' : 'IPVS takes them in turn (round robin)';
  const pickKo =
    hit.rule.mode === 'iptables'
      ? '실제 kube-proxy는 무작위로 고릅니다'
      : '실제 IPVS는 차례로 돌아가며 고릅니다(라운드 로빈)';
  const local = hit.localOnly
    ? t(
        ' (externalTrafficPolicy Local: only endpoints on this node)',
        ' (externalTrafficPolicy Local: 이 노드의 엔드포인트만)',
      )
    : t('', '');
  return t(
    `DNAT by kube-proxy: ${ap(from)} → ${ap(hit.to)} (${hit.endpoint.key}); ${rule.en}. netlab takes the first of ${n} endpoint(s) in scenario order${local.en}; ${pickEn}`,
    `kube-proxy의 DNAT: ${ap(from)} → ${ap(hit.to)} (${hit.endpoint.key}). 규칙: ${rule.ko}. netlab은 엔드포인트 ${n}개 가운데 시나리오에 먼저 적힌 것을 고릅니다${local.ko}. ${pickKo}`,
  );
}

/** cilium's eBPF load balancer in place of kube-proxy: the same DNAT, no KUBE-SVC chains or IPVS. */
export function dnatEbpf(hit: KubeProxyHit, from: AddressPort): LocalText {
  const n = hit.candidates.length;
  return t(
    `DNAT by cilium's eBPF (kube-proxy replacement): ${ap(from)} → ${ap(hit.to)} (${hit.endpoint.key}), looked up in the cilium_lb4 service maps; there are no KUBE-SVC chains and no kube-proxy. netlab takes the first of ${n} endpoint(s) in scenario order`,
    `cilium eBPF의 DNAT(kube-proxy 대체): ${ap(from)} → ${ap(hit.to)} (${hit.endpoint.key}). cilium_lb4 서비스 맵에서 찾으며, KUBE-SVC 체인도 kube-proxy도 없습니다. netlab은 엔드포인트 ${n}개 가운데 시나리오에 먼저 적힌 것을 고릅니다`,
  );
}

export const lbDnat = (
  service: string,
  from: AddressPort,
  to: AddressPort,
  node: string,
  local: boolean,
): LocalText =>
  t(
    `the load balancer of ${service} forwards ${ap(from)} to ${node}'s NodePort ${ap(to)}${local ? ', a node whose health check passes because an endpoint runs there (externalTrafficPolicy Local)' : ', the first node'}; the client's address is kept`,
    `${service}의 로드밸런서가 ${josa(ap(from), '을/를')} ${local ? `엔드포인트가 있어 헬스 체크를 통과한 노드 ${node}(externalTrafficPolicy Local)` : `첫 번째 노드 ${node}`}의 NodePort ${josa(ap(to), '으로/로')} 넘깁니다. 클라이언트 주소는 그대로입니다`,
  );

export const snatKubeProxy = (from: AddressPort, to: AddressPort): LocalText =>
  t(
    `SNAT by kube-proxy (MASQUERADE, externalTrafficPolicy Cluster): source ${ap(from)} → ${ap(to)}, the node's address; the pod does not see the client, and the reply returns through this node`,
    `kube-proxy의 SNAT (MASQUERADE, externalTrafficPolicy Cluster): 출발지 ${ap(from)} → ${ap(to)}(노드 주소). 파드는 클라이언트 주소를 보지 못하고, 응답은 이 노드를 거쳐 돌아갑니다`,
  );

export const snatHairpin = (from: AddressPort, to: AddressPort): LocalText =>
  t(
    `SNAT by kube-proxy (hairpin MASQUERADE): source ${ap(from)} → ${ap(to)}, the bridge's address, because the pod is talking to itself through its Service`,
    `kube-proxy의 SNAT (헤어핀 MASQUERADE): 출발지 ${ap(from)} → ${ap(to)}(브리지 주소). 파드가 자기 Service를 거쳐 자신에게 보내기 때문입니다`,
  );

export const snatCni = (cni: CniName, from: AddressPort, to: AddressPort): LocalText =>
  t(
    `SNAT (masquerade by ${cni}): the packet leaves the pod network, so its source ${ap(from)} becomes the node's address ${ap(to)}; the node undoes it for the reply`,
    `SNAT (${cni}의 마스커레이드): 패킷이 파드 네트워크를 떠나므로 출발지 ${josa(ap(from), '이/가')} 노드 주소 ${josa(ap(to), '으로/로')} 바뀝니다. 응답이 오면 노드가 원래대로 되돌립니다`,
  );

export const reverseNat = (
  by: 'kube-proxy' | 'cni' | 'loadbalancer',
  before: { src: AddressPort; dst: AddressPort },
  after: { src: AddressPort; dst: AddressPort },
  bridged = false,
): LocalText => {
  const [en, ko] =
    by === 'kube-proxy'
      ? ["kube-proxy's NAT", 'kube-proxy의 NAT']
      : by === 'cni'
        ? ['the masquerade', '마스커레이드']
        : ["the load balancer's NAT", '로드밸런서의 NAT'];
  const br = bridged
    ? t(
        '; the reply is bridged, and br_netfilter still passes it through conntrack',
        '. 응답은 브리지로 건너가지만 br_netfilter가 conntrack을 거치게 합니다',
      )
    : t('', '');
  return t(
    `reverse NAT (conntrack remembers ${en}): ${ap(before.src)} → ${ap(before.dst)} becomes ${ap(after.src)} → ${ap(after.dst)}${br.en}`,
    `역 NAT (conntrack이 ${josa(ko, '을/를')} 기억합니다): ${ap(before.src)} → ${josa(ap(before.dst), '이/가')} ${ap(after.src)} → ${josa(ap(after.dst), '으로/로')} 바뀝니다${br.ko}`,
  );
};

export { outerText } from './outer-text';

/** How pods cross between nodes under the overlay, in a few words. */
export function overlayText(o: Overlay): LocalText {
  switch (o.kind) {
    case 'routes':
      return o.proto === 'bird' ? t('plain routes (BGP)', '일반 경로(BGP)') : t('plain routes', '일반 경로');
    case 'ipip':
      return t(`IP-in-IP ${o.device}`, `IP-in-IP ${o.device}`);
    case 'vxlan':
      return t(`VXLAN ${o.device} UDP ${o.port}`, `VXLAN ${o.device} UDP ${o.port}`);
    case 'weave':
      return t(`weave fastdp ${o.device} UDP ${o.port}`, `weave fastdp ${o.device} UDP ${o.port}`);
  }
}

export const encap = (
  device: string,
  kind: 'vxlan' | 'weave' | 'ipip',
  o: OuterHeaders,
  fdb?: string,
): LocalText => {
  const wire = o.protocol === 'IPIP' ? 'IP-in-IP (IP protocol 4)' : `UDP ${o.dstPort}`;
  const wireKo = o.protocol === 'IPIP' ? 'IP-in-IP(IP 프로토콜 4)' : `UDP ${o.dstPort}`;
  const what =
    kind === 'ipip'
      ? 'IPIP'
      : kind === 'vxlan'
        ? `VXLAN${o.vni !== undefined ? ` VNI ${o.vni}` : ''}`
        : 'weave fastdp (VXLAN)';
  const entry = fdb
    ? t(
        `; the FDB entry ${fdb} names the other node`,
        `. FDB 항목 ${josa(fdb, '이/가')} 상대 노드를 알려 줍니다`,
      )
    : t('', '');
  return t(
    `${device} encapsulates (${what}): outer ${o.src} → ${o.dst} ${wire}; the pod addresses ride inside${entry.en}`,
    `${josa(device, '이/가')} 캡슐화합니다(${what}): 바깥 헤더는 ${o.src} → ${o.dst} ${wireKo}이고, 파드 주소는 안쪽에 그대로 있습니다${entry.ko}`,
  );
};

export const decap = (device: string, o: OuterHeaders): LocalText => {
  const wire = o.protocol === 'IPIP' ? 'IPIP' : `UDP ${o.dstPort}`;
  return t(
    `${device} decapsulates: the outer ${o.src} → ${o.dst} ${wire} header is removed`,
    `${josa(device, '이/가')} 캡슐을 벗깁니다: 바깥 헤더 ${o.src} → ${o.dst} ${josa(wire, '을/를')} 떼어 냅니다`,
  );
};

export const blackhole = (node: string, ip: string, block: string): LocalText =>
  t(
    `${node}: ${ip} is in this node's own block ${block}, but no pod holds it: calico's blackhole route drops it`,
    `${node}: ${josa(ip, '은/는')} 이 노드의 블록 ${block} 안에 있지만 그 주소를 가진 파드가 없어서 calico의 blackhole 경로가 버립니다`,
  );

export const conntrack = (d: 'egress' | 'ingress', subject: string): LocalText =>
  t(
    `${d} of ${subject}: ✓ reply of an established connection (conntrack ESTABLISHED); no rule is evaluated`,
    `${subject}의 ${dirKo(d)}: ✓ 이미 맺어진 연결의 응답 (conntrack ESTABLISHED). 규칙을 평가하지 않습니다`,
  );

export const deliver = (to: LocalText): LocalText => t(`delivered to ${to.en}`, `${to.ko}에 도착`);

export const noEndpoints = (service: string): LocalText =>
  t(
    `dropped: ${service} has no ready endpoint for this port, so kube-proxy rejects the packet (ICMP port unreachable)`,
    `버려짐: ${service}에 이 포트의 준비된 엔드포인트가 없어 kube-proxy가 거부합니다(ICMP port unreachable)`,
  );
export const noLocalEndpoint = (service: string, node: string): LocalText =>
  t(
    `dropped: externalTrafficPolicy Local and no endpoint of ${service} runs on ${node}, so kube-proxy drops it`,
    `버려짐: externalTrafficPolicy Local인데 ${node}에서 실행 중인 ${service}의 엔드포인트가 없어 kube-proxy가 버립니다`,
  );
export const noServicePort = (service: string, port: number, protocol: Protocol, ports: string): LocalText =>
  t(
    `dropped: ${service} has no port ${port}/${protocol} (it has ${ports || 'none'}), so no kube-proxy rule takes the packet`,
    `버려짐: ${service}에는 ${port}/${protocol} 포트가 없어(있는 포트: ${ports || '없음'}) 어떤 kube-proxy 규칙도 받지 않습니다`,
  );
export const noRoute = (node: string, ip: string): LocalText =>
  t(
    `dropped: ${node} has no route to ${ip}`,
    `버려짐: ${node}에 ${josa(ip, '으로/로')} 가는 경로가 없습니다`,
  );
export const lostOnNetwork = (ip: string): LocalText =>
  t(
    `dropped: ${ip} is a cluster address, but nothing on the node network answers for it (its node has no InternalIP or podCIDR in the scenario)`,
    `버려짐: ${josa(ip, '은/는')} 클러스터 주소지만 노드 네트워크에서 응답하는 곳이 없습니다(그 노드에 InternalIP나 podCIDR이 없음)`,
  );
export const noNeighbour = (bridge: string, node: string, ip: string): LocalText =>
  t(
    `dropped: no interface on ${node}'s ${bridge} has ${ip}, so ARP gets no answer`,
    `버려짐: ${node}의 ${bridge}에 ${josa(ip, '을/를')} 가진 인터페이스가 없어 ARP 응답이 없습니다`,
  );
export const clusterIpFromOutside = (ip: string, service: string): LocalText =>
  t(
    `dropped: ${ip} is the ClusterIP of ${service}, reachable only from inside the cluster; use a NodePort or LoadBalancer Service from outside`,
    `버려짐: ${josa(ip, '은/는')} ${service}의 ClusterIP라서 클러스터 안에서만 닿습니다. 밖에서는 NodePort나 LoadBalancer Service를 쓰세요`,
  );
export const podIpFromOutside = (ip: string, cni: CniName): LocalText =>
  t(
    `dropped: ${ip} is a pod address inside ${cni}'s overlay; the outside network has no route to it`,
    `버려짐: ${josa(ip, '은/는')} ${cni} 오버레이 안의 파드 주소라 바깥 네트워크에는 경로가 없습니다`,
  );

export const dnsCname = (query: string, cname: string, address: string, placeholder: boolean): LocalText =>
  t(
    `DNS: ${query} is a CNAME for ${cname} (type ExternalName: no ClusterIP, no proxying); ${cname} resolves to ${address}${placeholder ? ', a stand-in address' : ''}`,
    `DNS: ${josa(query, '은/는')} ${cname}의 CNAME입니다(ExternalName: ClusterIP도 프록시도 없음). ${cname} → ${address}${placeholder ? '(대신 쓰는 주소)' : ''}`,
  );
export const dnsA = (query: string, addresses: readonly string[], chosen: string): LocalText =>
  t(
    `DNS: ${query} is headless, so it answers with the endpoints' own addresses (${addresses.join(', ')}); the client takes the first, ${chosen}, and no DNAT happens`,
    `DNS: ${josa(query, '은/는')} 헤드리스 Service라 엔드포인트 주소(${addresses.join(', ')})로 답합니다. 클라이언트는 첫 번째 주소 ${josa(chosen, '을/를')} 쓰고, DNAT은 일어나지 않습니다`,
  );

// --- notices ---------------------------------------------------------------------------------

export const notEnforced = (cni: CniName): LocalText =>
  t(
    `${cni} does not enforce NetworkPolicy: the API server stores the policies without any error, and nothing is enforced. The checks show what an enforcing CNI (calico, cilium, weave) would do.`,
    `${josa(cni, '은/는')} NetworkPolicy를 적용하지 않습니다. API 서버는 정책을 오류 없이 저장하지만 아무것도 적용되지 않습니다. 검사 결과는 적용하는 CNI(calico, cilium, weave)라면 어떻게 될지를 보여 줍니다.`,
  );
export const wouldHaveDropped = (d: 'egress' | 'ingress', subject: string, policies: string): LocalText =>
  t(
    `With an enforcing CNI, ${policies} would have dropped this packet at the ${d} of ${subject}.`,
    `적용하는 CNI였다면 ${josa(policies, '이/가')} ${subject}의 ${dirKo(d)}에서 이 패킷을 버렸을 것입니다.`,
  );
export const servicePortTrap = (service: string, port: number, target: number): LocalText =>
  t(
    `Policy ports are matched after DNAT: a rule naming port ${port} (the port of ${service}) never matches, because the pod receives the packet on targetPort ${target}. Name ${target}, or the container port's name.`,
    `정책의 포트는 DNAT 뒤에 비교됩니다. 그래서 ${service}의 포트 ${josa(String(port), '을/를')} 적은 규칙은 맞지 않습니다. 파드는 targetPort ${josa(String(target), '으로/로')} 패킷을 받기 때문입니다. ${target} 또는 컨테이너 포트 이름을 쓰세요.`,
  );
export const placeholderAddress = (name: string, ip: string): LocalText =>
  t(
    `netlab does not know the address of ${name}; ${ip} (a documentation address) stands in for it. Add an ExternalEndpoint named ${name} to give it one; egress rules with ipBlock depend on it.`,
    `netlab은 ${name}의 주소를 모릅니다. 대신 문서용 주소 ${josa(ip, '을/를')} 씁니다. ${josa(name, '이라는/라는')} ExternalEndpoint를 추가하면 그 주소를 씁니다. ipBlock 이그레스 규칙은 이 주소에 따라 달라집니다.`,
  );
export const outsideToPod = (cidr: string, nodeIp: string): LocalText =>
  t(
    `Pod addresses are reachable from outside only when the outside network routes them; netlab assumes a router with ${cidr} via ${nodeIp}, as in the notes.`,
    `파드 주소는 바깥 네트워크에 경로가 있을 때만 밖에서 닿습니다. netlab은 노트에서처럼 ${cidr} via ${nodeIp} 경로가 있는 라우터를 가정합니다.`,
  );
export const enterAtNode = (service: string, node: string, target: string): LocalText =>
  t(
    `From outside, ${service} is reached at a node's NodePort; netlab enters at the first node, ${node}: ${target}.`,
    `밖에서는 노드의 NodePort로 ${service}에 닿습니다. netlab은 첫 번째 노드 ${josa(node, '으로/로')} 들어갑니다: ${target}.`,
  );
export const noLoadBalancerIp = (service: string): LocalText =>
  t(
    `${service} has no load-balancer address in the scenario (status.loadBalancer.ingress, which the cloud controller fills), so the trace enters through a NodePort, where the cloud load balancer would forward it.`,
    `${service}에는 시나리오에 로드밸런서 주소(클라우드 컨트롤러가 채우는 status.loadBalancer.ingress)가 없어, 클라우드 로드밸런서가 넘겨줄 NodePort로 들어갑니다.`,
  );
export const hairpin = (pod: string, bridgeIp: string): LocalText =>
  t(
    `The Service chose ${pod} itself (hairpin): kube-proxy masquerades the packet to the bridge's address ${bridgeIp}, so the reply goes back through the node instead of staying inside the pod; NetworkPolicy sees it as coming from the pod's own node.`,
    `Service가 요청을 보낸 파드 ${pod} 자신을 엔드포인트로 골랐습니다(헤어핀). kube-proxy가 출발지를 브리지 주소 ${josa(bridgeIp, '으로/로')} 마스커레이드해서, 응답이 파드 안에 머물지 않고 노드를 거쳐 돌아갑니다. NetworkPolicy는 이를 파드가 있는 노드에서 온 트래픽으로 봅니다.`,
  );
export const selfTraffic = (pod: string): LocalText =>
  t(
    `${pod} is sending to its own address: the packet never leaves its network namespace.`,
    `${josa(pod, '이/가')} 자기 주소로 보냅니다. 패킷은 네트워크 네임스페이스를 떠나지 않습니다.`,
  );

/** Where the pods' veths end under the trace's CNI, in words: a bridge, calico's routes, cilium's eBPF. */
export function hubText(hub: PacketTrace['network']['hub'], locale: Locale): string {
  if (hub.kind === 'bridge') return `${pick(locale, 'bridge', '브리지')} ${hub.name}`;
  if (hub.kind === 'ebpf')
    return pick(locale, `eBPF on lxc veths, ${hub.name}`, `lxc veth의 eBPF, ${hub.name}`);
  return pick(
    locale,
    `no bridge: /32 routes to ${hub.name} veths`,
    `브리지 없음: ${hub.name} veth로 가는 /32 경로`,
  );
}

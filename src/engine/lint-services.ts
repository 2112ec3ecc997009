// Lint that needs the Services: an ipBlock that names a Service's address (ClusterIP, load-balancer
// IP, externalIP) matches nothing, because kube-proxy rewrites the destination to an endpoint
// before any policy looks at the packet (and no packet ever comes from a Service address).
import type { Diagnostic } from '../lib/diagnostic';
import { cidrContains, parseIp } from '../lib/ip';
import { t } from '../lib/text';
import type { Cluster } from '../k8s/types';
import { buildServices, usableBackends, type TopologyService } from './services';

interface NamedAddress {
  readonly service: TopologyService;
  readonly ip: string;
  readonly what: string;
}

export function lintServiceAddresses(cluster: Cluster): Diagnostic[] {
  const services = buildServices(cluster);
  const addresses: NamedAddress[] = services.flatMap((s) => [
    ...(s.clusterIP !== null ? [{ service: s, ip: s.clusterIP, what: 'ClusterIP' }] : []),
    ...s.loadBalancerIPs.map((ip) => ({ service: s, ip, what: 'load-balancer IP' })),
    ...s.externalIPs.map((ip) => ({ service: s, ip, what: 'externalIP' })),
  ]);
  if (addresses.length === 0) return [];
  const parsed = addresses.map((a) => ({ ...a, addr: parseIp(a.ip)! }));
  const others = [
    ...cluster.pods.map((p) => p.ip),
    ...cluster.nodes.flatMap((n) => (n.internalIP ? [n.internalIP] : [])),
    ...cluster.externals.map((e) => e.ip),
  ];
  const out: Diagnostic[] = [];
  for (const policy of cluster.policies) {
    for (const field of ['ingress', 'egress'] as const) {
      policy[field].forEach((rule, ri) => {
        rule.peers?.forEach((peer, pi) => {
          if (!peer.ipBlock) return;
          const { cidr, except } = peer.ipBlock;
          const inBlock = (ip: Parameters<typeof cidrContains>[1]): boolean =>
            cidrContains(cidr, ip) && !except.some((x) => cidrContains(x, ip));
          const hits = parsed.filter((a) => inBlock(a.addr));
          // A wide block (0.0.0.0/0, a partner's range, the node network) may hold a load-balancer
          // IP by accident; it names Services when it is one address, or ClusterIPs and nothing else.
          const single = cidr.prefix === (cidr.family === 4 ? 32 : 128);
          const onlyClusterIps = hits.every((h) => h.what === 'ClusterIP') && !others.some(inBlock);
          if (hits.length === 0 || !(single || onlyClusterIps)) return;
          const first = hits[0]!;
          const names = hits
            .slice(0, 3)
            .map((h) => `${h.service.key} (${h.what} ${h.ip})`)
            .join(', ');
          const more = hits.length > 3 ? ', …' : '';
          const outside = usableBackends(first.service.backends).filter((b) => b.pod === undefined);
          const hint =
            outside.length > 0
              ? t(
                  `for ${first.service.key}'s outside endpoints use their own addresses: ${outside.map((b) => `${b.ip}/32`).join(', ')}`,
                  `${first.service.key}의 클러스터 밖 엔드포인트는 그 주소를 직접 쓰세요: ${outside.map((b) => `${b.ip}/32`).join(', ')}`,
                )
              : t(
                  `select the pods behind the Service with podSelector (and namespaceSelector), as its selector does`,
                  `Service 뒤의 파드를 Service의 selector처럼 podSelector(필요하면 namespaceSelector)로 고르세요`,
                );
          out.push({
            ...policy.source.at([
              'spec',
              field,
              ri,
              field === 'ingress' ? 'from' : 'to',
              pi,
              'ipBlock',
              'cidr',
            ]),
            severity: 'warning',
            code: 'ipblock-service-address',
            message: t(
              `ipBlock ${cidr.text} names Service addresses: ${names}${more}. Policies see packets after kube-proxy's DNAT, addressed to an endpoint, so this entry matches nothing`,
              `ipBlock ${cidr.text}에 Service 주소가 들어 있습니다: ${names}${more}. 정책은 kube-proxy가 DNAT한 뒤의 패킷, 즉 엔드포인트로 가는 패킷을 보므로 이 항목은 아무것도 고르지 못합니다`,
            ),
            hint,
          });
        });
      });
    }
  }
  return out;
}

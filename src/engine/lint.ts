// Warnings that need the whole scenario: policies that select nothing, peers that match nothing,
// DNS cut off by an egress default-deny, named ports nobody declares, ipBlocks over pod IPs.
// Each is a mistake learners make; each message says what happens and what was likely meant.
import type { Diagnostic } from '../lib/diagnostic';
import { t, type LocalText } from '../lib/text';
import { cidrContains, parseIp } from '../lib/ip';
import type { FieldPath } from '../k8s/source';
import { keyOf, type Cluster, type NetworkPolicy, type PolicyPort, type PolicyRule } from '../k8s/types';
import { DNS_NAMESPACE, DNS_SERVICE_NAME, withClusterDns } from '../dns/cluster-dns';
import { buildServices } from './services';
import { NAMESPACE_NAME_LABEL } from '../k8s/load-cluster';
import { buildEndpoints, isPolicyPod, type PodEndpoint } from './endpoints';
import { describeSelector } from './describe';
import { peerMatches, policySelects, portFailure } from './match';
import { matchesSelector } from './selector';
import { josa } from '../lib/korean';

export function lintCluster(cluster: Cluster): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pods = buildEndpoints(cluster).filter(isPolicyPod);
  const warn = (
    policy: NetworkPolicy,
    code: string,
    path: FieldPath,
    message: LocalText,
    hint?: LocalText,
  ): void => {
    out.push({ ...policy.source.at(path), severity: 'warning', code, message, ...(hint ? { hint } : {}) });
  };
  const selectedBy = new Map(cluster.policies.map((p) => [p, pods.filter((e) => policySelects(p, e))]));

  for (const policy of cluster.policies) {
    const inNamespace = pods.filter((e) => e.pod.namespace === policy.namespace);
    const selected = selectedBy.get(policy)!;
    if (inNamespace.length === 0) {
      warn(
        policy,
        'empty-namespace',
        ['metadata', 'namespace'],
        t(
          `namespace ${policy.namespace} has no pods, so this policy applies to nothing`,
          `${policy.namespace} 네임스페이스에 파드가 없어 이 정책은 아무것에도 적용되지 않습니다`,
        ),
        t(
          'a policy only selects pods in its own namespace: check metadata.namespace',
          '정책은 자기 네임스페이스의 파드만 선택합니다. metadata.namespace를 확인하세요',
        ),
      );
    } else if (selected.length === 0) {
      warn(
        policy,
        'selects-nothing',
        ['spec', 'podSelector'],
        t(
          `spec.podSelector (${describeSelector(policy.podSelector)}) matches no pod in namespace ${policy.namespace}`,
          `spec.podSelector(${describeSelector(policy.podSelector)})에 맞는 파드가 ${policy.namespace} 네임스페이스에 없습니다`,
        ),
        t(
          "check the label key and value against the pods' metadata.labels",
          '파드의 metadata.labels와 키·값을 비교해 보세요',
        ),
      );
    }
    lintPeers(cluster, policy, pods, warn);
    lintNamedPorts(policy, selected, pods, warn);
  }
  lintDns(cluster, pods, selectedBy, warn);
  return out;
}

type Warn = (
  policy: NetworkPolicy,
  code: string,
  path: FieldPath,
  message: LocalText,
  hint?: LocalText,
) => void;

function lintPeers(cluster: Cluster, policy: NetworkPolicy, pods: readonly PodEndpoint[], warn: Warn): void {
  for (const field of ['ingress', 'egress'] as const) {
    policy[field].forEach((rule, ri) => {
      rule.peers?.forEach((peer, pi) => {
        const path = ['spec', field, ri, field === 'ingress' ? 'from' : 'to', pi];
        if (peer.ipBlock) {
          const { cidr, except } = peer.ipBlock;
          const covered = pods.filter(
            (e) => cidrContains(cidr, e.ip) && !except.some((x) => cidrContains(x, e.ip)),
          );
          if (covered.length > 0) {
            const names =
              covered
                .slice(0, 3)
                .map((e) => `${e.key} (${e.ip.key})`)
                .join(', ') + (covered.length > 3 ? ', …' : '');
            warn(
              policy,
              'ipblock-covers-pods',
              [...path, 'ipBlock', 'cidr'],
              t(
                `ipBlock ${cidr.text} covers pod IPs: ${names}`,
                `ipBlock ${josa(cidr.text, '이/가')} 파드 IP를 포함합니다: ${names}`,
              ),
              t(
                'pod IPs change whenever pods are recreated; select pods with podSelector/namespaceSelector, or list the pod network under except',
                '파드 IP는 파드가 다시 만들어질 때마다 바뀝니다. podSelector/namespaceSelector로 고르거나, 파드 네트워크를 except에 넣으세요',
              ),
            );
          }
          return;
        }
        if (peer.namespaceSelector) {
          const nsMatches = [...cluster.namespaces.values()].some((ns) =>
            matchesSelector(peer.namespaceSelector!, ns.labels),
          );
          if (!nsMatches) {
            const byName = peer.namespaceSelector.matchLabels['name'];
            const hint =
              byName !== undefined && cluster.namespaces.has(byName)
                ? t(
                    `namespaces are not labelled name=… by default; every namespace has ${NAMESPACE_NAME_LABEL}: ${byName}`,
                    `네임스페이스에는 기본으로 name=… 레이블이 없습니다. 모든 네임스페이스에는 ${NAMESPACE_NAME_LABEL}: ${byName} 레이블이 있습니다`,
                  )
                : t(
                    `select a namespace by name with ${NAMESPACE_NAME_LABEL}: <name>`,
                    `네임스페이스를 이름으로 고르려면 ${NAMESPACE_NAME_LABEL}: <이름>을 쓰세요`,
                  );
            warn(
              policy,
              'peer-matches-nothing',
              [...path, 'namespaceSelector'],
              t(
                `namespaceSelector (${describeSelector(peer.namespaceSelector)}) matches no namespace`,
                `namespaceSelector(${describeSelector(peer.namespaceSelector)})에 맞는 네임스페이스가 없습니다`,
              ),
              hint,
            );
            return;
          }
        }
        if (!pods.some((e) => peerMatches(policy, peer, e))) {
          warn(
            policy,
            'peer-matches-nothing',
            path,
            t('this peer matches no pod in the scenario', '이 피어에 맞는 파드가 시나리오에 없습니다'),
            t(
              "check the labels and, for a podSelector alone, that the pods are in the policy's namespace",
              '레이블을 확인하고, podSelector만 쓴 경우 파드가 정책의 네임스페이스에 있는지 확인하세요',
            ),
          );
        }
      });
    });
  }
}

function lintNamedPorts(
  policy: NetworkPolicy,
  selected: readonly PodEndpoint[],
  pods: readonly PodEndpoint[],
  warn: Warn,
): void {
  for (const field of ['ingress', 'egress'] as const) {
    const candidates = field === 'ingress' ? selected : pods;
    policy[field].forEach((rule, ri) => {
      rule.ports.forEach((port: PolicyPort, pi) => {
        if (typeof port.port !== 'string') return;
        const name = port.port;
        const declared = candidates.some((e) =>
          e.pod.containers.some((c) => c.ports.some((p) => p.name === name && p.protocol === port.protocol)),
        );
        if (declared) return;
        const who =
          field === 'ingress'
            ? t('no pod this policy selects', '이 정책이 선택한 어떤 파드도')
            : t('no pod in the scenario', '시나리오의 어떤 파드도');
        warn(
          policy,
          'named-port-undeclared',
          ['spec', field, ri, 'ports', pi, 'port'],
          t(
            `named port ${name}: ${who.en} declares a ${port.protocol} container port with that name, so this entry matches nothing`,
            `이름 있는 포트 ${name}: ${who.ko} 그 이름의 ${port.protocol} 컨테이너 포트를 선언하지 않아 이 항목은 아무것도 허용하지 않습니다`,
          ),
          t(
            "named ports are looked up in the destination pod's spec.containers[].ports[].name",
            '이름 있는 포트는 목적지 파드의 spec.containers[].ports[].name에서 찾습니다',
          ),
        );
      });
    });
  }
}

/**
 * A pod under an egress default-deny needs a rule for 53/UDP (and 53/TCP) to the cluster's DNS
 * pods, or name lookups fail. Policies are judged after kube-proxy's DNAT, so a rule must match
 * the CoreDNS pods (the kube-dns Service's backends; kubeadm's when the scenario has none), not
 * the kube-dns ClusterIP: an ipBlock naming the ClusterIP is warned about on its own.
 */
function lintDns(
  cluster: Cluster,
  pods: readonly PodEndpoint[],
  selectedBy: ReadonlyMap<NetworkPolicy, PodEndpoint[]>,
  warn: Warn,
): void {
  const { servers, clusterIp } = dnsServers(cluster);
  // Without a DNS pod to judge against (kube-dns backed by outside addresses), any rule for 53 counts.
  const targets: readonly PodEndpoint[] = servers.length > 0 ? servers : pods;
  const coversDns = (entry: PolicyPort, protocol: 'UDP' | 'TCP', server: PodEndpoint): boolean =>
    portFailure(entry, { port: 53, protocol }, server) === null;
  const ruleAllows = (p: NetworkPolicy, r: PolicyRule, protocol: 'UDP' | 'TCP'): boolean =>
    targets.some(
      (server) =>
        (r.ports.length === 0 || r.ports.some((e) => coversDns(e, protocol, server))) &&
        (servers.length === 0 || r.peers === null || r.peers.some((peer) => peerMatches(p, peer, server))),
    );
  // Per pod and protocol, once: a pod is selected by many egress policies in a big cluster.
  const dnsMemo = new Map<string, boolean>();
  const dnsAllowed = (pod: PodEndpoint, protocol: 'UDP' | 'TCP'): boolean => {
    const key = `${pod.key} ${protocol}`;
    let hit = dnsMemo.get(key);
    if (hit === undefined) dnsMemo.set(key, (hit = dnsAllowedNow(pod, protocol)));
    return hit;
  };
  const dnsAllowedNow = (pod: PodEndpoint, protocol: 'UDP' | 'TCP'): boolean =>
    cluster.policies.some(
      (p) =>
        p.policyTypes.includes('Egress') &&
        policySelects(p, pod) &&
        p.egress.some((r) => ruleAllows(p, r, protocol)),
    );
  if (clusterIp) lintDnsClusterIpBlocks(cluster, clusterIp, servers, warn);
  for (const policy of cluster.policies) {
    if (!policy.policyTypes.includes('Egress')) continue;
    const missing = new Set<string>();
    for (const pod of selectedBy.get(policy)!) {
      if (!dnsAllowed(pod, 'UDP')) missing.add('53/UDP');
      if (!dnsAllowed(pod, 'TCP')) missing.add('53/TCP');
    }
    if (missing.size === 0) continue;
    const list = [...missing].sort().reverse().join(', ');
    const path = policy.policyTypesDefaulted ? ['spec', 'egress'] : ['spec', 'policyTypes'];
    warn(
      policy,
      'dns-blocked',
      path,
      t(
        `egress is restricted and no rule allows DNS (${list}): the selected pods cannot resolve names, Service names included`,
        `이그레스가 제한되었는데 DNS(${list})를 허용하는 규칙이 없습니다: 선택된 파드는 Service 이름을 포함해 이름을 조회할 수 없습니다`,
      ),
      t(
        `add an egress rule with ports 53/UDP and 53/TCP to the CoreDNS pods: one peer with namespaceSelector ${NAMESPACE_NAME_LABEL}: kube-system AND podSelector k8s-app: kube-dns`,
        `CoreDNS 파드로 53/UDP와 53/TCP를 허용하는 이그레스 규칙을 추가하세요: 한 피어에 namespaceSelector ${NAMESPACE_NAME_LABEL}: kube-system과 podSelector k8s-app: kube-dns를 함께 씁니다`,
      ),
    );
  }
}

/** The pods behind kube-dns (kubeadm's CoreDNS when the scenario has none) and its ClusterIP. */
function dnsServers(written: Cluster): { servers: PodEndpoint[]; clusterIp: string | null } {
  const cluster = withClusterDns(written);
  const kubeDns = cluster.services.find((s) => s.namespace === DNS_NAMESPACE && s.name === DNS_SERVICE_NAME);
  if (!kubeDns) return { servers: [], clusterIp: null };
  const [service] = buildServices({ ...cluster, services: [kubeDns] });
  const keys = new Set(service!.backends.flatMap((b) => (b.pod ? [b.pod] : [])));
  const pods = cluster.pods.filter((p) => keys.has(keyOf(p)));
  const servers = buildEndpoints({ ...cluster, pods }).filter(isPolicyPod);
  return { servers, clusterIp: service!.clusterIP };
}

/**
 * An egress ipBlock on port 53 that holds the kube-dns ClusterIP but no CoreDNS pod: it never
 * matches a DNS query (DNAT comes first).
 */
function lintDnsClusterIpBlocks(
  cluster: Cluster,
  clusterIp: string,
  servers: readonly PodEndpoint[],
  warn: Warn,
): void {
  const ip = parseIp(clusterIp);
  if (!ip) return;
  for (const policy of cluster.policies) {
    if (!policy.policyTypes.includes('Egress')) continue;
    policy.egress.forEach((rule, ri) => {
      const opens53 =
        rule.ports.length === 0 ||
        rule.ports.some(
          (e) =>
            e.port === undefined ||
            (typeof e.port === 'number' && e.port <= 53 && (e.endPort ?? e.port) >= 53),
        );
      if (!opens53) return;
      (rule.peers ?? []).forEach((peer, pi) => {
        if (!peer.ipBlock || !cidrContains(peer.ipBlock.cidr, ip)) return;
        if (servers.some((server) => peerMatches(policy, peer, server))) return;
        warn(
          policy,
          'dns-cluster-ip-block',
          ['spec', 'egress', ri, 'to', pi, 'ipBlock', 'cidr'],
          t(
            `ipBlock ${peer.ipBlock.cidr.canonical} holds the kube-dns ClusterIP ${clusterIp}, but policies are judged after kube-proxy's DNAT, on the CoreDNS pods' addresses: this peer does not allow DNS`,
            `ipBlock ${josa(peer.ipBlock.cidr.canonical, '은/는')} kube-dns ClusterIP ${josa(clusterIp, '을/를')} 담지만, 정책은 kube-proxy의 DNAT 뒤에 CoreDNS 파드 주소로 판단합니다. 이 피어로는 DNS가 허용되지 않습니다`,
          ),
          t(
            `select the CoreDNS pods instead: namespaceSelector ${NAMESPACE_NAME_LABEL}: kube-system AND podSelector k8s-app: kube-dns`,
            `대신 CoreDNS 파드를 선택하세요: namespaceSelector ${NAMESPACE_NAME_LABEL}: kube-system과 podSelector k8s-app: kube-dns를 한 피어에 함께 쓰세요`,
          ),
        );
      });
    });
  }
}

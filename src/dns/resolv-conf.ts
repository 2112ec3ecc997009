// A pod's /etc/resolv.conf as the kubelet writes it: the cluster DNS Service as nameserver, the
// search list `<ns>.svc.cluster.local svc.cluster.local cluster.local`, and `options ndots:5` —
// for dnsPolicy ClusterFirst (the default). Host-network pods use their node's resolver unless
// they ask for ClusterFirstWithHostNet; `Default` does too; `None` takes spec.dnsConfig only.
import type { DnsPolicy } from '../k8s/types';
import { t, type LocalText } from '../lib/text';

/** The cluster domain (kubelet's --cluster-domain, kubeadm's default). */
export const CLUSTER_DOMAIN = 'cluster.local';
/** The kubelet's ndots for ClusterFirst pods. */
export const CLUSTER_NDOTS = 5;

export interface ResolvConf {
  /** Null when the pod does not use the cluster's DNS (the node's resolver instead). */
  readonly nameserver: string | null;
  readonly search: readonly string[];
  readonly ndots: number;
  /** Which policy made this file and why, for people. */
  readonly why: LocalText;
}

export interface ResolvPod {
  readonly namespace: string;
  readonly hostNetwork: boolean;
  readonly dnsPolicy?: DnsPolicy;
}

/**
 * The resolv.conf a pod gets; `dnsIp` is kubelet's --cluster-dns: the kube-dns Service's ClusterIP,
 * or NodeLocal DNSCache's local address (`nodeLocal`).
 */
export function resolvConfOf(pod: ResolvPod, dnsIp: string | null, nodeLocal = false): ResolvConf {
  const policy = pod.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst =
    policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.hostNetwork);
  if (!clusterFirst) {
    const why =
      policy === 'None'
        ? t(
            'dnsPolicy None: the file holds only spec.dnsConfig, which netlab does not read',
            'dnsPolicy None: 파일에는 spec.dnsConfig만 들어가는데, netlab은 이 필드를 읽지 않습니다',
          )
        : policy === 'Default'
          ? t(
              "dnsPolicy Default: the pod uses its node's resolver, not the cluster DNS",
              'dnsPolicy Default: 파드는 클러스터 DNS가 아니라 노드의 리졸버를 씁니다',
            )
          : t(
              "a host-network pod with dnsPolicy ClusterFirst uses its node's resolver (ClusterFirstWithHostNet would use the cluster DNS)",
              '호스트 네트워크 파드는 dnsPolicy가 ClusterFirst이면 노드의 리졸버를 씁니다(ClusterFirstWithHostNet이면 클러스터 DNS를 씁니다)',
            );
    return { nameserver: null, search: [], ndots: 1, why };
  }
  const ns = pod.namespace;
  return {
    nameserver: dnsIp,
    search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN],
    ndots: CLUSTER_NDOTS,
    why: nodeLocal
      ? t(
          `dnsPolicy ${policy}: the kubelet points the pod at NodeLocal DNSCache on its node (--cluster-dns=${dnsIp}) and searches its namespace first`,
          `dnsPolicy ${policy}: kubelet이 파드가 자기 노드의 NodeLocal DNSCache(--cluster-dns=${dnsIp})를 쓰게 하고, 파드의 네임스페이스부터 찾게 합니다`,
        )
      : t(
          `dnsPolicy ${policy}: the kubelet points the pod at the kube-dns Service and searches its namespace first`,
          `dnsPolicy ${policy}: kubelet이 파드가 kube-dns Service를 쓰게 하고, 파드의 네임스페이스부터 찾게 합니다`,
        ),
  };
}

/** The file's text, as `cat /etc/resolv.conf` in the pod prints it. */
export function resolvConfText(conf: ResolvConf): string {
  if (conf.nameserver === null) return "# the node's /etc/resolv.conf\n";
  return (
    [`search ${conf.search.join(' ')}`, `nameserver ${conf.nameserver}`, `options ndots:${conf.ndots}`].join(
      '\n',
    ) + '\n'
  );
}

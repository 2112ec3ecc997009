// The address plan: the Service range must not overlap a node's podCIDR or hold a node's address
// (kube-apiserver: "This must not overlap with any IP ranges assigned to nodes or pods"). Nothing
// in Kubernetes refuses it; packets to such an address go to kube-proxy's rules or to a pod, by luck.
import type { Diagnostic } from '../lib/diagnostic';
import { josa } from '../lib/korean';
import { cidrContains, cidrsOverlap } from '../lib/ip';
import { t, type LocalText } from '../lib/text';
import type { Cluster, ClusterNode } from '../k8s/types';

export function lintAddressPlan(cluster: Cluster): Diagnostic[] {
  const net = cluster.network;
  const range = net.serviceCIDR.canonical;
  const declared = net.source ? ` (ClusterNetwork ${net.name}, spec.serviceCIDR)` : ' (the default)';
  const declaredKo = net.source ? `(ClusterNetwork ${net.name}의 spec.serviceCIDR)` : '(기본값)';
  const out: Diagnostic[] = [];
  const warn = (node: ClusterNode, path: (string | number)[], message: LocalText): void => {
    out.push({
      ...node.source.at(path),
      severity: 'warning',
      code: 'service-cidr-overlap',
      message,
      hint: t(
        'give Services, pods and nodes ranges of their own: e.g. kubeadm’s 10.96.0.0/12 for Services, 10.244.0.0/16 for pods',
        'Service, 파드, 노드에 서로 겹치지 않는 대역을 주세요. 예: Service는 kubeadm의 10.96.0.0/12, 파드는 10.244.0.0/16',
      ),
    });
  };
  for (const node of cluster.nodes) {
    if (node.podCIDR && cidrsOverlap(node.podCIDR, net.serviceCIDR)) {
      const pods = node.podCIDR.canonical;
      warn(
        node,
        ['spec', 'podCIDR'],
        t(
          `node ${node.name}'s podCIDR ${pods} overlaps the Service range ${range}${declared}: a pod and a Service could get the same address`,
          `노드 ${node.name}의 podCIDR ${josa(pods, '이/가')} Service 대역${declaredKo} ${josa(range, '와/과')} 겹칩니다. 파드와 Service가 같은 주소를 받을 수 있습니다`,
        ),
      );
    }
    if (node.internalIP && cidrContains(net.serviceCIDR, node.internalIP)) {
      const ip = node.internalIP.key;
      warn(
        node,
        ['status', 'addresses'],
        t(
          `node ${node.name}'s address ${ip} lies in the Service range ${range}${declared}: traffic to it may be taken for a Service`,
          `노드 ${node.name}의 주소 ${josa(ip, '이/가')} Service 대역${declaredKo} ${range} 안에 있습니다. 이 주소로 가는 트래픽이 Service로 오인될 수 있습니다`,
        ),
      );
    }
  }
  return out;
}

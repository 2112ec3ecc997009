// `spec.nodeLocalDNS` of netlab's ClusterNetwork: NodeLocal DNSCache (the node-local-dns DaemonSet)
// on every node, listening on a link-local address (169.254.20.10 by default). `nameserver` says
// what kubelet's --cluster-dns gives the pods: `local` (that address) or `kube-dns` (the ClusterIP
// kept; node-local-dns also listens on it, and NOTRACK rules keep kube-proxy's DNAT away). Under
// kube-proxy ipvs only `local` works: kube-ipvs0 holds the ClusterIP, node-local-dns cannot bind it.
import { parseIp } from '../lib/ip';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import type { Decoder, Dict } from './decoder';
import type { KubeProxyMode, NodeLocalDns } from './types';

/** The address the Kubernetes docs and the node-local-dns manifest use. */
export const NODE_LOCAL_DNS_ADDRESS = '169.254.20.10';

export function decodeNodeLocalDns(d: Decoder, spec: Dict, mode: KubeProxyMode): NodeLocalDns | undefined {
  const path = ['spec', 'nodeLocalDNS'];
  if (spec.nodeLocalDNS === undefined || spec.nodeLocalDNS === null) return undefined;
  const m = d.map(spec.nodeLocalDNS, path);
  if (!m) return undefined;
  let address = NODE_LOCAL_DNS_ADDRESS;
  const text = d.string(m.address, [...path, 'address']);
  if (text !== undefined) {
    const ip = parseIp(text);
    if (ip && ip.family === 4) address = ip.key;
    else
      d.error(
        'ip',
        [...path, 'address'],
        t(
          `spec.nodeLocalDNS.address: ${quote(text)} is not an IPv4 address`,
          `spec.nodeLocalDNS.address: ${quote(text)}: IPv4 주소가 아닙니다`,
        ),
        t(
          'a link-local address that collides with nothing, e.g. 169.254.20.10',
          '다른 주소와 겹치지 않는 링크 로컬 주소를 쓰세요(예: 169.254.20.10)',
        ),
      );
  }
  const nsPath = [...path, 'nameserver'];
  const nsText = d.string(m.nameserver, nsPath);
  let nameserver: NodeLocalDns['nameserver'] = mode === 'ipvs' ? 'local' : 'kube-dns';
  if (nsText === 'local' || nsText === 'kube-dns') nameserver = nsText;
  else if (nsText !== undefined)
    d.error(
      'node-local-dns',
      nsPath,
      t(
        `spec.nodeLocalDNS.nameserver: unsupported value ${quote(nsText)}: use local (kubelet --cluster-dns=${address}) or kube-dns (the ClusterIP kept)`,
        `spec.nodeLocalDNS.nameserver: 지원하지 않는 값 ${quote(nsText)}: local(kubelet --cluster-dns=${address})이나 kube-dns(ClusterIP 유지)를 쓰세요`,
      ),
    );
  if (mode === 'ipvs' && nameserver === 'kube-dns')
    d.error(
      'node-local-dns',
      nsPath,
      t(
        'spec.nodeLocalDNS.nameserver: kube-dns does not work under kubeProxyMode ipvs: kube-proxy binds the kube-dns ClusterIP to kube-ipvs0, so node-local-dns cannot listen on it',
        'spec.nodeLocalDNS.nameserver: kubeProxyMode가 ipvs이면 kube-dns를 쓸 수 없습니다. kube-proxy가 kube-dns ClusterIP를 kube-ipvs0에 붙여 두어 node-local-dns가 그 주소에서 기다릴 수 없습니다',
      ),
      t(
        `use nameserver: local (kubelet --cluster-dns=${address})`,
        `nameserver: local을 쓰세요(kubelet --cluster-dns=${address})`,
      ),
    );
  return { address, nameserver: mode === 'ipvs' ? 'local' : nameserver };
}

// netlab's own `netlab.dev/v1 ClusterNetwork`: the CNI and its datapath choices (bridge name, the
// bridge plugin's ipMasq, calico's encapsulation, cilium's routing mode and kube-proxy replacement)
// kube-proxy's mode, the Service range and the NodePort range, each defaulted; a choice that belongs to another CNI is an error at its field.
import { parseCidr } from '../lib/ip';
import { t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import { quote } from '../lib/user-text';
import type { Decoder, Dict } from './decoder';
import { oneOf } from './decode-objects';
import { decodeNodeLocalDns } from './decode-node-local-dns';
import {
  CALICO_ENCAPSULATIONS,
  CILIUM_ROUTING_MODES,
  CNI_NAMES,
  DEFAULT_CLUSTER_NETWORK,
  KUBE_PROXY_MODES,
  type ClusterNetwork,
  type CniName,
} from './types';

type NetworkSpec = Omit<ClusterNetwork, 'name' | 'source'>;

/** CNIs with no bridge of a configurable name, and what they build instead. */
const BRIDGELESS: Partial<Record<CniName, LocalText>> = {
  calico: t(
    'calico builds no bridge; each pod’s cali… veth is routed (a /32 route, proxy-ARP for 169.254.1.1)',
    'calico는 브리지를 만들지 않고 파드마다 cali… veth로 경로를 잡습니다(/32 경로, 169.254.1.1 proxy-ARP)',
  ),
  cilium: t(
    'cilium builds no bridge; eBPF on each lxc… veth forwards, cilium_host holds the gateway',
    'cilium은 브리지를 만들지 않고 lxc… veth의 eBPF가 전달하며 게이트웨이는 cilium_host가 맡습니다',
  ),
  weave: t('weave’s bridge is always named weave', 'weave의 브리지 이름은 늘 weave입니다'),
};

/** Which CNI each datapath field belongs to. */
const FIELD_OWNER: Readonly<Record<string, readonly CniName[]>> = {
  ipMasq: ['bridge'],
  calicoEncapsulation: ['calico'],
  ciliumRoutingMode: ['cilium'],
  kubeProxyReplacement: ['cilium'],
};

export function decodeClusterNetwork(d: Decoder, obj: Dict): NetworkSpec {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const cni = oneOf(d, spec.cni, ['spec', 'cni'], CNI_NAMES, DEFAULT_CLUSTER_NETWORK.cni, 'cni');
  const kubeProxyMode = oneOf(
    d,
    spec.kubeProxyMode,
    ['spec', 'kubeProxyMode'],
    KUBE_PROXY_MODES,
    DEFAULT_CLUSTER_NETWORK.kubeProxyMode,
    'kube-proxy-mode',
    KUBE_PROXY_MODE_NOTES,
  );
  let bridgeName = DEFAULT_CLUSTER_NETWORK.bridgeName;
  const text = d.string(spec.bridgeName, ['spec', 'bridgeName']);
  if (text !== undefined) {
    // The kernel's dev_valid_name: 1-15 bytes (IFNAMSIZ), no "/", ":" or white space, not "." or "..".
    if (/^[^\s/:]{1,15}$/.test(text) && text !== '.' && text !== '..') bridgeName = text;
    else
      d.error(
        'interface-name',
        ['spec', 'bridgeName'],
        t(
          `spec.bridgeName: ${quote(text)} is not a Linux interface name`,
          `spec.bridgeName: ${josa(quote(text), '은/는')} 리눅스 인터페이스 이름이 아닙니다`,
        ),
        t(
          'up to 15 characters, without "/", ":" or spaces (e.g. cni0, v-net-0)',
          '"/", ":", 공백 없이 15자 이내로 쓰세요(예: cni0, v-net-0)',
        ),
      );
  }
  if (text !== undefined && text === bridgeName && BRIDGELESS[cni]) {
    // Only the bridge plugin (and flannel's bridge delegate) builds a bridge of a configurable name.
    d.report(
      'warning',
      'cni-field-ignored',
      ['spec', 'bridgeName'],
      t(
        `spec.bridgeName is ignored under ${cni}: ${BRIDGELESS[cni].en}`,
        `${cni}에서는 spec.bridgeName이 무시됩니다: ${BRIDGELESS[cni].ko}`,
      ),
      t(
        'remove spec.bridgeName, or set spec.cni: bridge or flannel',
        'spec.bridgeName을 지우거나 spec.cni를 bridge나 flannel로 바꾸세요',
      ),
      'key',
    );
  }
  let serviceCIDR = DEFAULT_CLUSTER_NETWORK.serviceCIDR;
  const cidrText = d.string(spec.serviceCIDR, ['spec', 'serviceCIDR']);
  if (cidrText !== undefined) {
    const cidr = parseCidr(cidrText);
    if (cidr) serviceCIDR = cidr;
    else
      d.error(
        'cidr',
        ['spec', 'serviceCIDR'],
        t(
          `spec.serviceCIDR: invalid CIDR ${quote(cidrText)}`,
          `spec.serviceCIDR: 잘못된 CIDR ${quote(cidrText)}`,
        ),
        t('e.g. 10.96.0.0/12 (kubeadm’s default)', '예: 10.96.0.0/12(kubeadm의 기본값)'),
      );
  }
  const out: { -readonly [K in keyof NetworkSpec]: NetworkSpec[K] } = {
    cni,
    bridgeName,
    kubeProxyMode,
    serviceCIDR,
    nodePortRange: nodePortRange(d, spec),
  };
  const nodeLocalDns = decodeNodeLocalDns(d, spec, kubeProxyMode);
  if (nodeLocalDns) out.nodeLocalDns = nodeLocalDns;
  for (const [field, owners] of Object.entries(FIELD_OWNER)) {
    if (spec[field] === undefined || spec[field] === null) continue;
    if (!owners.includes(cni)) {
      d.error(
        'cni-field',
        ['spec', field],
        t(
          `spec.${field} belongs to ${owners.join(', ')}, but spec.cni is ${cni}`,
          `${josa(`spec.${field}`, '은/는')} ${owners.join(', ')}의 설정인데 spec.cni가 ${cni}입니다`,
        ),
        t(
          `remove spec.${field}, or set spec.cni: ${owners[0]!}`,
          `${josa(`spec.${field}`, '을/를')} 지우거나 spec.cni를 ${josa(owners[0]!, '으로/로')} 바꾸세요`,
        ),
      );
      continue;
    }
    if (field === 'ipMasq') {
      const v = d.bool(spec.ipMasq, ['spec', 'ipMasq']);
      if (v !== undefined) out.ipMasq = v;
    } else if (field === 'kubeProxyReplacement') {
      const v = d.bool(spec.kubeProxyReplacement, ['spec', 'kubeProxyReplacement']);
      if (v !== undefined) out.kubeProxyReplacement = v;
    } else if (field === 'calicoEncapsulation') {
      out.calicoEncapsulation = oneOf(
        d,
        spec.calicoEncapsulation,
        ['spec', 'calicoEncapsulation'],
        CALICO_ENCAPSULATIONS,
        'None',
        'calico-encapsulation',
      );
    } else {
      out.ciliumRoutingMode = oneOf(
        d,
        spec.ciliumRoutingMode,
        ['spec', 'ciliumRoutingMode'],
        CILIUM_ROUTING_MODES,
        'tunnel',
        'cilium-routing-mode',
      );
    }
  }
  return out;
}

/** `spec.serviceNodePortRange: 30000-32767` (kube-apiserver's --service-node-port-range syntax). */
function nodePortRange(d: Decoder, spec: Dict): ClusterNetwork['nodePortRange'] {
  const text = d.string(spec.serviceNodePortRange, ['spec', 'serviceNodePortRange']);
  if (text === undefined) return DEFAULT_CLUSTER_NETWORK.nodePortRange;
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2]) : NaN;
  if (min >= 1 && max <= 65535 && min <= max) return { min, max };
  d.error(
    'node-port-range',
    ['spec', 'serviceNodePortRange'],
    t(
      `spec.serviceNodePortRange: ${quote(text)} is not a port range`,
      `spec.serviceNodePortRange: ${josa(quote(text), '은/는')} 포트 범위가 아닙니다`,
    ),
    t('write it as kube-apiserver takes it: 30000-32767', 'kube-apiserver처럼 30000-32767 형식으로 쓰세요'),
  );
  return DEFAULT_CLUSTER_NETWORK.nodePortRange;
}

/** Real kube-proxy modes netlab does not run, and why (the hint the error carries). */
const KUBE_PROXY_MODE_NOTES: Readonly<Record<string, LocalText>> = {
  userspace: t(
    'kube-proxy’s userspace mode was removed in Kubernetes 1.26; use iptables (the default) or ipvs',
    'kube-proxy의 userspace 모드는 쿠버네티스 1.26에서 없어졌습니다. iptables(기본값)나 ipvs를 쓰세요',
  ),
  nftables: t(
    'kube-proxy’s nftables mode exists (alpha 1.29, beta 1.31, GA 1.33), but netlab does not simulate it yet; iptables programs the same Service behaviour',
    'kube-proxy의 nftables 모드는 실제로 있지만(1.29 알파, 1.31 베타, 1.33 GA) netlab은 아직 흉내 내지 않습니다. Service 동작은 iptables 모드와 같습니다',
  ),
};

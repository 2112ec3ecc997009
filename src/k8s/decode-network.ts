// netlab's own `netlab.dev/v1 ClusterNetwork`: the CNI and its datapath choices (bridge name, the
// bridge plugin's ipMasq, calico's encapsulation, cilium's routing mode and kube-proxy replacement)
// and kube-proxy's mode, each defaulted; a choice that belongs to another CNI is an error at its field.
import { t } from '../lib/text';
import { josa } from '../lib/korean';
import { quote } from '../lib/user-text';
import type { Decoder, Dict } from './decoder';
import { oneOf } from './decode-objects';
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
  const out: { -readonly [K in keyof NetworkSpec]: NetworkSpec[K] } = { cni, bridgeName, kubeProxyMode };
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

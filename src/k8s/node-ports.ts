// A Service's nodePort outside the API server's --service-node-port-range (30000-32767 unless the
// ClusterNetwork says otherwise) is rejected as kube-apiserver rejects it, with its message.
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import type { Decoder, Dict } from './decoder';
import type { ClusterNetwork } from './types';

export interface WrittenNodePort {
  readonly d: Decoder;
  readonly service: string;
  readonly index: number;
  readonly nodePort: number;
}

/** The integer nodePorts a Service document writes, with their index in spec.ports. */
export function writtenNodePorts(d: Decoder, obj: Dict, service: string): WrittenNodePort[] {
  const spec = obj.spec;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return [];
  const ports = (spec as Dict).ports;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((p: unknown, index) => {
    const n = typeof p === 'object' && p !== null ? (p as Dict).nodePort : undefined;
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535
      ? [{ d, service, index, nodePort: n }]
      : [];
  });
}

export function checkNodePorts(
  written: readonly WrittenNodePort[],
  range: ClusterNetwork['nodePortRange'],
): void {
  for (const w of written) {
    if (w.nodePort >= range.min && w.nodePort <= range.max) continue;
    const field = `spec.ports[${w.index}].nodePort`;
    w.d.error(
      'node-port-range',
      ['spec', 'ports', w.index, 'nodePort'],
      t(
        `The Service "${w.service}" is invalid: ${field}: Invalid value: ${w.nodePort}: provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`,
        `API 서버가 ${josa(`Service "${w.service}"`, '을/를')} 거부합니다. ${field}: ${josa(String(w.nodePort), '은/는')} 허용 범위 ${range.min}-${range.max} 밖의 포트입니다`,
      ),
      t(
        `leave nodePort out and the API server picks a free one in ${range.min}-${range.max}; the range is kube-apiserver's --service-node-port-range (ClusterNetwork spec.serviceNodePortRange here)`,
        `nodePort를 빼면 API 서버가 ${range.min}-${range.max}에서 빈 포트를 고릅니다. 범위는 kube-apiserver의 --service-node-port-range입니다(여기서는 ClusterNetwork의 spec.serviceNodePortRange)`,
      ),
    );
  }
}

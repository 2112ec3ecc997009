// "Check it on a real cluster": the command that probes one flow of the matrix the way the
// Kubernetes NetworkPolicy e2e tests do — a throwaway agnhost pod carrying the source pod's
// labels in its namespace (so every policy selects it as it selects the source) runs
// `agnhost connect` to the destination. netlab predicts; the cluster's CNI decides.
import type { FlowPort } from '../engine/match';
import type { LocalText } from '../lib/text';
import type { Topology } from './topology';
import { josa } from '../lib/korean';

export const PROBE_IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.52';
export const PROBE_POD = 'netlab-probe';

export type ProbeCommand = { readonly command: string } | { readonly reason: LocalText };

/** Single-quoted for a POSIX shell (names and labels are validated, but quoting costs nothing). */
const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The probe for `from` → `to` on `port`: endpoint keys as the matrix names them (`ns/pod`, or an
 * outside machine's IP). A pod destination's IP is read from the cluster at run time, since the
 * scenario's IPs may be netlab's own.
 */
export function probeCommand(topology: Topology, from: string, to: string, port: FlowPort): ProbeCommand {
  const source = topology.pods.find((p) => p.key === from);
  if (!source) {
    return {
      reason: {
        en: 'Only a pod can be the source of a probe: an outside machine would need its own test.',
        ko: '프로브의 출발지는 파드여야 합니다. 클러스터 밖의 기계는 따로 시험해야 합니다.',
      },
    };
  }
  if (source.hostNetwork) {
    return {
      reason: {
        en: `${from} uses the node's network: NetworkPolicy does not apply to it, so there is nothing to probe.`,
        ko: `${josa(from, '은/는')} 노드의 네트워크를 씁니다. NetworkPolicy가 적용되지 않으니 시험할 것이 없습니다.`,
      },
    };
  }
  const dest = topology.pods.find((p) => p.key === to);
  const ipv6 = (dest ? dest.ip : to).includes(':');
  const host = dest
    ? `$(kubectl get pod -n ${sh(dest.namespace)} ${sh(dest.name)} -o jsonpath='{.status.podIP}')`
    : to;
  const target = ipv6 ? `[${host}]:${port.port}` : `${host}:${port.port}`;
  const labels = Object.entries(source.labels).map(([k, v]) => `${k}=${v}`);
  const lines = [
    `kubectl run ${PROBE_POD} -n ${sh(source.namespace)} --rm -i --restart=Never \\`,
    ...(labels.length > 0 ? [`  --labels=${sh(labels.join(','))} \\`] : []),
    `  --image=${PROBE_IMAGE} -- \\`,
    `  connect "${target}" \\`,
    `  --timeout=3s --protocol=${port.protocol.toLowerCase()}`,
  ];
  return { command: lines.join('\n') };
}

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

export type ProbeCommand =
  | {
      readonly command: string;
      /** Labels of the source the probe does not carry, and why. */
      readonly leftOut: readonly { readonly label: string; readonly why: LocalText }[];
      /** A caution to read before running it (a controller may still adopt the probe). */
      readonly caution?: LocalText;
    }
  | { readonly reason: LocalText };

/**
 * Labels a controller puts on the pods it creates, and selects them by. Copied onto the probe,
 * they make it look like one of the controller's pods: a ReplicaSet adopts it and deletes a
 * replica to keep its count, a Job counts it as a run.
 */
const CONTROLLER_LABELS: Readonly<Record<string, LocalText>> = {
  'pod-template-hash': {
    en: 'the ReplicaSet selects its pods by it: it would adopt the probe and delete a real replica to keep its count',
    ko: 'ReplicaSet이 이 레이블로 자기 파드를 고르므로, 프로브를 자기 파드로 거둬들이고(adopt) 개수를 맞추려고 진짜 복제본 하나를 지웁니다',
  },
  'controller-revision-hash': {
    en: 'set by a StatefulSet or DaemonSet to track its revision; the probe is no revision of theirs',
    ko: 'StatefulSet이나 DaemonSet이 리비전을 추적하려고 붙이는 레이블이라 프로브에는 맞지 않습니다',
  },
  'pod-template-generation': {
    en: 'set by a DaemonSet to track its template; the probe is not one of its pods',
    ko: 'DaemonSet이 템플릿을 추적하려고 붙이는 레이블이라 프로브에는 맞지 않습니다',
  },
  'statefulset.kubernetes.io/pod-name': {
    en: "names one StatefulSet pod; a per-pod Service would send that pod's traffic to the probe",
    ko: 'StatefulSet 파드 하나를 가리키는 레이블이라, 파드별 Service가 그 파드의 트래픽을 프로브로 보낼 수 있습니다',
  },
  'apps.kubernetes.io/pod-index': {
    en: "a StatefulSet pod's ordinal; the probe has none",
    ko: 'StatefulSet 파드의 순번이라 프로브에는 없습니다',
  },
  'controller-uid': {
    en: 'the Job selects its pods by it: it would count the probe as one of its runs',
    ko: 'Job이 이 레이블로 자기 파드를 고르므로 프로브도 자기 실행 중 하나로 셉니다',
  },
  'batch.kubernetes.io/controller-uid': {
    en: 'the Job selects its pods by it: it would count the probe as one of its runs',
    ko: 'Job이 이 레이블로 자기 파드를 고르므로 프로브도 자기 실행 중 하나로 셉니다',
  },
  'job-name': {
    en: "marks a Job's pods; the probe is not one",
    ko: 'Job의 파드를 표시하는 레이블이라 프로브에는 맞지 않습니다',
  },
  'batch.kubernetes.io/job-name': {
    en: "marks a Job's pods; the probe is not one",
    ko: 'Job의 파드를 표시하는 레이블이라 프로브에는 맞지 않습니다',
  },
  'batch.kubernetes.io/job-completion-index': {
    en: "an indexed Job's completion index; the probe has none",
    ko: '인덱스 Job의 완료 번호라 프로브에는 없습니다',
  },
};

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
        ko: '프로브의 출발지는 파드여야 합니다. 클러스터 밖의 머신은 따로 시험해야 합니다.',
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
  const kept = Object.entries(source.labels).filter(([k]) => !Object.hasOwn(CONTROLLER_LABELS, k));
  const leftOut = Object.keys(source.labels)
    .filter((k) => Object.hasOwn(CONTROLLER_LABELS, k))
    .map((label) => ({ label, why: CONTROLLER_LABELS[label]! }));
  const labels = kept.map(([k, v]) => `${k}=${v}`);
  // StatefulSets and DaemonSets select by labels of the user's choosing, which the probe keeps.
  const caution: LocalText | undefined = Object.hasOwn(source.labels, 'controller-revision-hash')
    ? {
        en: `${from} belongs to a StatefulSet or DaemonSet, whose selector uses labels the probe keeps: the controller may adopt the probe while it runs (it is deleted when connect ends)`,
        ko: `${from}의 주인은 StatefulSet이나 DaemonSet이고, 그 selector가 쓰는 레이블을 프로브도 가지므로 실행되는 동안 컨트롤러가 프로브를 자기 파드로 거둬들일(adopt) 수 있습니다(프로브는 connect가 끝나면 지워집니다)`,
      }
    : undefined;
  const lines = [
    `kubectl run ${PROBE_POD} -n ${sh(source.namespace)} --rm -i --restart=Never \\`,
    ...(labels.length > 0 ? [`  --labels=${sh(labels.join(','))} \\`] : []),
    `  --image=${PROBE_IMAGE} -- \\`,
    `  connect "${target}" \\`,
    `  --timeout=3s --protocol=${port.protocol.toLowerCase()}`,
  ];
  return { command: lines.join('\n'), leftOut, ...(caution ? { caution } : {}) };
}

// The `object` check: an object must (not) exist, a policy must (not) select pods, carry given
// policyTypes after defaulting, or an object must carry labels.
import { fill, t, type LocalText } from '../lib/text';
import type { Cluster, Labels, NetworkPolicy } from '../k8s/types';
import { describeSelector } from '../engine/describe';
import { policySelects } from '../engine/match';
import type { Endpoint } from '../engine/endpoints';
import { changedObjects } from './editable';
import { objectLabel } from './object-label';
import { DEFAULTS } from './messages';
import type { CheckResult, EndpointRef, ObjectCheck } from './types';
import { josa } from '../lib/korean';

/** What an object check needs of the scenario being judged (check.ts's Judge has it). */
export interface ObjectJudge {
  readonly cluster: Cluster;
  /** The scenario's text, for `unchanged`. */
  readonly text: string;
  resolve(ref: EndpointRef): Endpoint | LocalText;
}

type Outcome = Omit<CheckResult, 'id' | 'check' | 'blocking'>;

export const OBJECT_KINDS: readonly string[] = [
  'Namespace',
  'Pod',
  'Node',
  'Service',
  'NetworkPolicy',
  'ExternalEndpoint',
];

/** The object a check names, with its labels when it has any. */
function findObject(
  cluster: Cluster,
  c: ObjectCheck,
): { labels?: Labels; policy?: NetworkPolicy } | undefined {
  const { kind, name } = c.object;
  const ns = c.object.namespace ?? 'default';
  switch (kind) {
    case 'Namespace': {
      const n = cluster.namespaces.get(name);
      return n ? { labels: n.labels } : undefined;
    }
    case 'Pod': {
      const p = cluster.pods.find((x) => x.namespace === ns && x.name === name);
      return p ? { labels: p.labels } : undefined;
    }
    case 'Node': {
      const n = cluster.nodes.find((x) => x.name === name);
      return n ? { labels: n.labels } : undefined;
    }
    case 'Service':
      return cluster.services.some((x) => x.namespace === ns && x.name === name) ? {} : undefined;
    case 'NetworkPolicy': {
      const p = cluster.policies.find((x) => x.namespace === ns && x.name === name);
      return p ? { policy: p } : undefined;
    }
    case 'ExternalEndpoint':
      return cluster.externals.some((x) => x.name === name) ? {} : undefined;
    default:
      return undefined;
  }
}

function problemOf(c: ObjectCheck, judge: ObjectJudge): LocalText | undefined {
  const found = findObject(judge.cluster, c);
  if (!c.exists)
    return found
      ? t('it must not exist, but it is still in the scenario', '없어야 하는데 아직 시나리오에 있습니다')
      : undefined;
  if (!found) return t('it must exist, but it is not in the scenario', '있어야 하는데 시나리오에 없습니다');
  const policy = found.policy;
  if (policy) {
    const selector = describeSelector(policy.podSelector) || '{}';
    for (const ref of c.selects) {
      const e = judge.resolve(ref);
      if (!('kind' in e)) return e;
      if (policySelects(policy, e)) continue;
      if (e.kind === 'pod' && e.pod.namespace !== policy.namespace) {
        return t(
          `it must select ${e.key}, but a policy only selects pods in its own namespace (${policy.namespace})`,
          `${josa(e.key, '을/를')} 선택해야 하는데, 정책은 자기 네임스페이스(${policy.namespace})의 파드만 선택합니다`,
        );
      }
      return t(
        `it must select ${e.key}, but its podSelector (${selector}) does not match that pod`,
        `${josa(e.key, '을/를')} 선택해야 하는데 podSelector(${selector})가 그 파드와 맞지 않습니다`,
      );
    }
    for (const ref of c.notSelects) {
      const e = judge.resolve(ref);
      if (!('kind' in e)) return e;
      if (policySelects(policy, e)) {
        return t(
          `it must not select ${e.key}, but its podSelector (${selector}) matches it`,
          `${josa(e.key, '을/를')} 선택하면 안 되는데 podSelector(${selector})가 그 파드와 맞습니다`,
        );
      }
    }
    const rules = [...policy.ingress, ...policy.egress];
    for (const name of c.portNames ?? []) {
      if (rules.some((r) => r.ports.some((p) => p.port === name))) continue;
      return t(
        `a rule must name the container port ${name} by its name (port: ${name}), not by its number`,
        `규칙에서 컨테이너 포트 ${josa(name, '을/를')} 번호가 아니라 이름으로 적어야 합니다(port: ${name})`,
      );
    }
    if (
      c.peerWith &&
      !rules.some((r) => r.peers?.some((p) => c.peerWith!.every((f) => p[f] !== undefined)))
    ) {
      const fields = c.peerWith.join(' + ');
      return t(
        `one peer must carry ${fields} together (a single list item, no dash before the second field); separate items are separate peers, and any one of them lets a pod in`,
        `피어 하나에 ${josa(fields, '이/가')} 함께 있어야 합니다(목록 항목 하나, 두 번째 필드 앞에 대시 없음). 항목이 나뉘면 서로 다른 피어가 되어 어느 하나만 맞아도 들어옵니다`,
      );
    }
    if (c.policyTypes) {
      const want = [...c.policyTypes].sort();
      const have = [...policy.policyTypes].sort();
      if (want.join() !== have.join()) {
        const note = policy.policyTypesDefaulted
          ? t(
              ' (policyTypes is not written, so it defaults to Ingress, plus Egress when there are egress rules)',
              ' (policyTypes를 쓰지 않아 기본값이 적용되었습니다. Ingress는 항상, Egress는 egress 규칙이 있을 때 들어갑니다)',
            )
          : t('', '');
        return t(
          `its policyTypes must be [${want.join(', ')}], but it is [${have.join(', ')}]${note.en}`,
          `policyTypes가 [${want.join(', ')}]이어야 하는데 지금은 [${have.join(', ')}]입니다${note.ko}`,
        );
      }
    }
  }
  if (c.unchanged && c.start) {
    const kind = c.object.kind;
    const touched = changedObjects(c.start.text, judge.text).some(
      (x) =>
        x.kind === kind &&
        x.name === c.object.name &&
        (x.namespace ?? 'default') === (c.object.namespace ?? 'default'),
    );
    if (touched)
      return t(
        'it must stay exactly as it was: leave it alone and add what the task asks for in another object',
        '처음 그대로 두어야 합니다. 이 오브젝트는 건드리지 말고, 과제가 요구하는 것은 다른 오브젝트에 추가하세요',
      );
  }
  for (const [k, v] of Object.entries(c.labels ?? {})) {
    const have = found.labels?.[k];
    if (have === v) continue;
    return have === undefined
      ? t(
          `it needs the label ${k}=${v}, and it has no ${k} label`,
          `${k}=${v} 레이블이 필요한데 ${k} 레이블이 없습니다`,
        )
      : t(
          `it needs the label ${k}=${v}, but it has ${k}=${have}`,
          `${k}=${v} 레이블이 필요한데 지금은 ${k}=${have}입니다`,
        );
  }
  return undefined;
}

export function checkObject(c: ObjectCheck, judge: ObjectJudge): Outcome {
  const object = objectLabel(c.object);
  const problem = problemOf(c, judge);
  if (!problem) return { passed: true, message: fill(c.success ?? DEFAULTS.object.pass, { object }) };
  return { passed: false, message: fill(c.message ?? DEFAULTS.object.fail, { object, problem }) };
}

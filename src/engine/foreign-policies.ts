// Policies netlab reads but does not evaluate (Calico, Cilium, AdminNetworkPolicy), as they bear
// on one flow: a namespaced one can select the source (egress) or the destination (ingress) if
// they live in its namespace; a cluster-wide one can select either end. A verdict they could
// change says so, rather than pretending Kubernetes NetworkPolicy is all there is.
import type { LocalText } from '../lib/text';
import { engineName } from '../k8s/kinds';
import type { Cluster, ForeignPolicy } from '../k8s/types';
import type { Endpoint } from './endpoints';

/** The foreign policies that could select either end of `from → to`, in scenario order. */
export function foreignPoliciesFor(
  cluster: Pick<Cluster, 'foreignPolicies'>,
  from: Endpoint,
  to: Endpoint,
): ForeignPolicy[] {
  const namespaces = new Set([from, to].flatMap((e) => (e.kind === 'pod' ? [e.pod.namespace] : [])));
  return cluster.foreignPolicies.filter((p) => p.namespace === undefined || namespaces.has(p.namespace));
}

/** "this flow may also be governed by 2 Calico policies (…), which netlab does not evaluate". */
export function foreignPolicyNote(policies: readonly ForeignPolicy[]): LocalText | undefined {
  if (policies.length === 0) return undefined;
  const byEngine = new Map<string, string[]>();
  for (const p of policies) {
    const name = engineName(p.engine);
    const key = p.namespace !== undefined ? `${p.kind} ${p.namespace}/${p.name}` : `${p.kind} ${p.name}`;
    byEngine.set(name, [...(byEngine.get(name) ?? []), key]);
  }
  const parts = [...byEngine].map(([engine, keys]) => ({
    en: `${keys.length} ${engine} ${keys.length === 1 ? 'policy' : 'policies'} (${keys.join(', ')})`,
    ko: `${engine} 정책 ${keys.length}개(${keys.join(', ')})`,
  }));
  return {
    en: `⚠ this flow may also be governed by ${parts.map((p) => p.en).join(' and ')}, which netlab does not evaluate: on the cluster the verdict may differ`,
    ko: `⚠ 이 흐름에는 ${parts.map((p) => p.ko).join(', ')}도 적용될 수 있습니다. netlab은 이 정책들을 평가하지 않으므로 실제 클러스터의 판정은 다를 수 있습니다`,
  };
}

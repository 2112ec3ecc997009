// Words for policy parts (selectors, peers, ports) in English and Korean, shared by the flow
// explanations and the lint messages.
import { pick, type Locale } from '../lib/text';
import type { LabelSelector, LabelSelectorRequirement, PolicyPeer, PolicyPort } from '../k8s/types';
import type { UnmetRequirement } from './selector';

export function describeRequirement(r: LabelSelectorRequirement): string {
  switch (r.operator) {
    case 'In':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(', ')})`;
    case 'NotIn':
      return `${r.key} notin (${r.values.join(', ')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

/** `role=db, tier in (a, b)`; empty string for an empty selector. */
export function describeSelector(s: LabelSelector): string {
  return [
    ...Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...s.matchExpressions.map(describeRequirement),
  ].join(', ');
}

export function describeUnmet(u: UnmetRequirement, locale: Locale): string {
  const want = u.kind === 'label' ? `${u.key}=${u.want}` : describeRequirement(u.requirement);
  const key = u.kind === 'label' ? u.key : u.requirement.key;
  if (locale === 'ko')
    return u.actual !== undefined
      ? `${want} 레이블이 필요한데 실제로는 ${key}=${u.actual}입니다`
      : `${want} 레이블이 필요한데 ${key} 레이블이 없습니다`;
  const has = u.actual !== undefined ? `it has ${key}=${u.actual}` : `it has no ${key} label`;
  return `needs ${want} (${has})`;
}

/** "pods with role=api in namespace prod", "any pod in namespaces with team=x", "addresses in …". */
export function describePeer(peer: PolicyPeer, policyNamespace: string, locale: Locale): string {
  if (peer.ipBlock) {
    const ex = peer.ipBlock.except.map((e) => e.text).join(', ');
    return ex
      ? pick(
          locale,
          `addresses in ${peer.ipBlock.cidr.text} except ${ex}`,
          `${peer.ipBlock.cidr.text} 대역(${ex} 제외)의 주소`,
        )
      : pick(locale, `addresses in ${peer.ipBlock.cidr.text}`, `${peer.ipBlock.cidr.text} 대역의 주소`);
  }
  const pods = peer.podSelector ? describeSelector(peer.podSelector) : '';
  const podPart = pods
    ? pick(locale, `pods with ${pods}`, `${pods} 레이블이 붙은 파드`)
    : pick(locale, 'any pod', '모든 파드');
  if (!peer.namespaceSelector) {
    return pick(
      locale,
      `${podPart} in namespace ${policyNamespace}`,
      `${policyNamespace} 네임스페이스의 ${podPart}`,
    );
  }
  const ns = describeSelector(peer.namespaceSelector);
  const nsPart = ns
    ? pick(locale, `namespaces with ${ns}`, `${ns} 레이블이 붙은 네임스페이스`)
    : pick(locale, 'every namespace', '모든 네임스페이스');
  return pods
    ? pick(locale, `${podPart} AND in ${nsPart}`, `${nsPart}에 있으면서(AND) ${podPart}`)
    : pick(locale, `${podPart} in ${nsPart}`, `${nsPart}의 ${podPart}`);
}

/** "TCP 3306", "TCP 8000-8080", "TCP port named http", "all TCP ports". */
export function describePort(p: PolicyPort, locale: Locale): string {
  if (p.port === undefined) return pick(locale, `all ${p.protocol} ports`, `모든 ${p.protocol} 포트`);
  if (typeof p.port === 'string')
    return pick(locale, `${p.protocol} port named ${p.port}`, `이름이 ${p.port}인 ${p.protocol} 포트`);
  return p.endPort !== undefined ? `${p.protocol} ${p.port}-${p.endPort}` : `${p.protocol} ${p.port}`;
}

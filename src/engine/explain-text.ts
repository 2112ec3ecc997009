// FlowExplanation → sentences, in English or Korean. Indexes are shown 1-based, as people count.
import type { Locale } from '../lib/diagnostic';
import { keyOf, type NetworkPolicy } from '../k8s/types';
import { describePeer, describePort, describeUnmet, pick } from './describe';
import type { FlowExplanation, PolicyEvaluation, SideExplanation } from './evaluate-flow';
import type { PeerFailure, PortFailure } from './match';

/** Lines explaining a flow: a headline, then each side and its reasons (indented with two spaces). */
export function explainFlowText(
  x: FlowExplanation,
  policies: readonly NetworkPolicy[],
  locale: Locale,
): string[] {
  const byKey = new Map(policies.map((p) => [keyOf(p), p]));
  const verdict = x.allowed ? pick(locale, '✓ allowed', '✓ 허용') : pick(locale, '✗ denied', '✗ 차단');
  const lines = [`${x.from} → ${x.to} ${x.port}/${x.protocol}: ${verdict}`];
  lines.push(...sideText(x.egress, x, byKey, locale), ...sideText(x.ingress, x, byKey, locale));
  return lines;
}

/**
 * Lines for one side of a flow, as explainFlowText prints them: the side's verdict (indented two
 * spaces), then the rules that allowed it or why each selecting policy's rules did not match.
 */
export function explainSideText(
  s: SideExplanation,
  flow: FlowNames,
  policies: readonly NetworkPolicy[],
  locale: Locale,
): string[] {
  return sideText(s, flow, new Map(policies.map((p) => [keyOf(p), p])), locale);
}

/** The two ends of a flow, as the explanations name them. */
type FlowNames = Pick<FlowExplanation, 'from' | 'to'>;

function sideText(
  s: SideExplanation,
  x: FlowNames,
  byKey: Map<string, NetworkPolicy>,
  locale: Locale,
): string[] {
  const dir =
    s.direction === 'egress'
      ? pick(locale, `egress of ${x.from}`, `${x.from}의 이그레스`)
      : pick(locale, `ingress of ${x.to}`, `${x.to}의 인그레스`);
  const type = s.direction === 'egress' ? 'Egress' : 'Ingress';
  if (s.verdict === 'unrestricted') {
    const why =
      s.unrestrictedBecause === 'outside-cluster'
        ? pick(
            locale,
            `${s.subject} is outside the cluster; NetworkPolicy only governs pods`,
            `${s.subject}: 클러스터 밖의 주소입니다. NetworkPolicy는 파드에만 적용됩니다`,
          )
        : s.unrestrictedBecause === 'host-network'
          ? pick(
              locale,
              `${s.subject} uses hostNetwork; no NetworkPolicy selects it`,
              `${s.subject}: hostNetwork 파드라서 어떤 NetworkPolicy도 선택하지 않습니다`,
            )
          : pick(
              locale,
              `no policy with policyTypes ${type} selects ${s.subject}, so nothing is restricted`,
              `${s.subject}: policyTypes에 ${type}가 있는 정책 중 이 파드를 선택하는 것이 없어 제한이 없습니다`,
            );
    return [`  ${dir}: ${pick(locale, 'unrestricted', '제한 없음')} — ${why}`];
  }
  if (s.verdict === 'allow' && s.alwaysAllowed) {
    const why =
      s.alwaysAllowed === 'self'
        ? pick(
            locale,
            'a pod can always reach itself; no policy can block that',
            '파드는 항상 자기 자신에 접근할 수 있습니다. 어떤 정책도 막을 수 없습니다',
          )
        : pick(
            locale,
            'traffic between a pod and the node it runs on is always allowed',
            '파드와 그 파드가 실행 중인 노드 사이의 트래픽은 항상 허용됩니다',
          );
    return [`  ${dir}: ${pick(locale, 'allowed', '허용')} — ${why}`];
  }
  if (s.verdict === 'allow') {
    const out = [`  ${dir}: ${pick(locale, 'allowed by', '허용한 정책:')} ${s.policies.join(', ')}`];
    for (const m of s.matches) {
      const policy = byKey.get(m.policy)!;
      const rule = (s.direction === 'egress' ? policy.egress : policy.ingress)[m.rule]!;
      const peer =
        m.peer === null
          ? pick(locale, `from/to anyone`, '모든 상대')
          : describePeer(rule.peers![m.peer]!, policy.namespace, locale);
      const port =
        m.port === null ? pick(locale, 'any port', '모든 포트') : describePort(rule.ports[m.port]!, locale);
      out.push(
        `    ${m.policy} ${pick(locale, `${s.direction} rule ${m.rule + 1}`, `${s.direction === 'egress' ? '이그레스' : '인그레스'} 규칙 ${m.rule + 1}`)}: ${peer}; ${port}`,
      );
    }
    return out;
  }
  const names = s.selectedBy.map((p) => p.policy).join(', ');
  const out = [
    `  ${dir}: ${pick(locale, 'denied', '차단')} — ${pick(locale, `${s.subject} is isolated for ${type} by ${names}, and no rule matches`, `${s.subject}은(는) ${names}에 의해 ${type} 격리되어 있고, 맞는 규칙이 없습니다`)}`,
  ];
  for (const pe of s.selectedBy) out.push(...policyText(pe, s, x, byKey.get(pe.policy)!, locale));
  return out;
}

function policyText(
  pe: PolicyEvaluation,
  s: SideExplanation,
  x: FlowNames,
  policy: NetworkPolicy,
  locale: Locale,
): string[] {
  const field = s.direction === 'egress' ? 'egress' : 'ingress';
  if (pe.rules.length === 0) {
    return [
      `    ${pe.policy}: ${pick(locale, `has no ${field} rules, so it allows no ${field} at all`, `${field} 규칙이 없으므로 ${field}를 전혀 허용하지 않습니다`)}`,
    ];
  }
  const other = s.direction === 'egress' ? x.to : x.from;
  const role =
    s.direction === 'egress'
      ? pick(locale, 'the destination', '목적지')
      : pick(locale, 'the source', '출발지');
  const rules = field === 'egress' ? policy.egress : policy.ingress;
  const out: string[] = [];
  for (const r of pe.rules) {
    const rule = rules[r.rule]!;
    const head = `    ${pe.policy} ${pick(locale, `rule ${r.rule + 1}`, `규칙 ${r.rule + 1}`)}:`;
    const parts: string[] = [];
    if (r.peerMisses) {
      const wants = rule.peers!.map((p) => describePeer(p, policy.namespace, locale));
      const needs = wants.join(pick(locale, ' OR ', ' 또는 '));
      const why = r.peerMisses.map((m) => failureText(m.failures, locale)).join('; ');
      parts.push(
        pick(
          locale,
          `needs ${needs}; ${role} ${other}: ${why}`,
          `${needs}이어야 합니다. ${role} ${other}: ${why}`,
        ),
      );
    }
    if (r.portMisses) {
      const wants = rule.ports.map((p) => describePort(p, locale)).join(pick(locale, ' or ', ' 또는 '));
      const why = [...new Set(r.portMisses.map((m) => portFailureText(m.failure, locale)))].join('; ');
      parts.push(pick(locale, `ports ${wants} only; ${why}`, `포트는 ${wants}만 허용. ${why}`));
    }
    out.push(`${head} ${parts.join(pick(locale, ' — and ', ' — 또한 '))}`);
  }
  return out;
}

function failureText(failures: readonly PeerFailure[], locale: Locale): string {
  return failures
    .map((f) => {
      switch (f.kind) {
        case 'not-a-pod':
          return pick(
            locale,
            'is outside the cluster, and selectors only match pods',
            '클러스터 밖이라 선택자에 맞지 않습니다(선택자는 파드만 고릅니다)',
          );
        case 'host-network':
          return pick(
            locale,
            'uses hostNetwork, which selectors never match',
            'hostNetwork를 써서 선택자에 맞지 않습니다',
          );
        case 'other-namespace':
          return pick(
            locale,
            `is in namespace ${f.actual}, but a podSelector without namespaceSelector only means namespace ${f.want}`,
            `${f.actual} 네임스페이스에 있는데, namespaceSelector 없는 podSelector는 ${f.want} 네임스페이스만 뜻합니다`,
          );
        case 'namespace-labels':
          return pick(
            locale,
            `its namespace ${f.namespace} ${f.unmet.map((u) => describeUnmet(u, locale)).join(', ')}`,
            `네임스페이스 ${f.namespace}의 레이블 ${f.unmet.map((u) => describeUnmet(u, locale)).join(', ')}`,
          );
        case 'pod-labels':
          return pick(
            locale,
            `the pod ${f.unmet.map((u) => describeUnmet(u, locale)).join(', ')}`,
            `파드 레이블 ${f.unmet.map((u) => describeUnmet(u, locale)).join(', ')}`,
          );
        case 'ip-outside':
          return pick(locale, `${f.ip} is not in ${f.cidr}`, `${f.ip}은(는) ${f.cidr}에 속하지 않습니다`);
        case 'ip-excepted':
          return pick(
            locale,
            `${f.ip} is excluded by except ${f.except}`,
            `${f.ip}은(는) except ${f.except}로 제외됩니다`,
          );
      }
    })
    .join(pick(locale, ' and ', ', 그리고 '));
}

function portFailureText(f: PortFailure, locale: Locale): string {
  switch (f.kind) {
    case 'protocol':
      return pick(
        locale,
        `the flow is ${f.actual}, not ${f.want}`,
        `흐름은 ${f.want}가 아니라 ${f.actual}입니다`,
      );
    case 'number':
      return pick(locale, `the flow goes to port ${f.actual}`, `흐름의 목적지 포트는 ${f.actual}입니다`);
    case 'range':
      return pick(
        locale,
        `port ${f.actual} is outside ${f.from}-${f.to}`,
        `포트 ${f.actual}은(는) ${f.from}-${f.to} 범위 밖입니다`,
      );
    case 'named-not-on-pod':
      return pick(
        locale,
        `no container of ${f.pod} declares a port named ${f.name}`,
        `${f.pod}의 어떤 컨테이너도 ${f.name}이라는 포트를 선언하지 않았습니다`,
      );
    case 'named-not-a-pod':
      return pick(
        locale,
        `a named port (${f.name}) is looked up on the destination pod, and the destination is not a pod`,
        `이름 있는 포트(${f.name})는 목적지 파드에서 찾는데, 목적지가 파드가 아닙니다`,
      );
    case 'named-other-port':
      return pick(
        locale,
        `${f.name} is ${f.resolved}/${f.resolvedProtocol} on the destination; the flow goes to ${f.actual}`,
        `목적지에서 ${f.name}은(는) ${f.resolved}/${f.resolvedProtocol}인데 흐름의 포트는 ${f.actual}입니다`,
      );
  }
}

// FlowExplanation → a tree of reasons in English and Korean: a headline, each side's verdict, and
// under it the rules that allowed the flow or, rule by rule, why nothing matched. The worker sends
// this tree to the page and the lesson checks; explain-text.ts prints it for the CLI.
import { josa } from '../lib/korean';
import { inBoth, pick, WORDS, type Locale, type LocalText } from '../lib/text';
import { keyOf, type NetworkPolicy } from '../k8s/types';
import { describePeer, describePort, describeUnmet } from './describe';
import type { FlowExplanation, PolicyEvaluation, SideExplanation } from './evaluate-flow';
import type { PeerFailure, PortFailure } from './match';

/** What a reason says about the flow. */
export type ReasonKind =
  /** A rule that allowed the flow. */
  | 'rule-matched'
  /** A selecting policy with no rules for this direction: it allows nothing. */
  | 'no-rules'
  /** A rule that did not match; its reasons say why (peers, ports). */
  | 'rule-missed'
  | 'peer-missed'
  | 'port-missed';

export interface Reason {
  readonly kind: ReasonKind;
  readonly text: LocalText;
  /** The policy (`namespace/name`) the reason is about. */
  readonly policy: string;
  /** The rule's index in the policy's ingress or egress list (0-based), when it is about one. */
  readonly rule?: number;
  readonly reasons: readonly Reason[];
}

/** One side of a flow: the source's egress or the destination's ingress. */
export interface SideReasons {
  readonly direction: 'egress' | 'ingress';
  readonly verdict: SideExplanation['verdict'];
  /** "egress of prod/web: unrestricted — …", "ingress of prod/db: denied — …". */
  readonly text: LocalText;
  readonly reasons: readonly Reason[];
}

export interface FlowReasons {
  /** "prod/web → prod/db 3306/TCP: ✗ denied". */
  readonly headline: LocalText;
  readonly allowed: boolean;
  /** Egress first, then ingress. */
  readonly sides: readonly SideReasons[];
  /** What else bears on the verdict, e.g. policies of another engine netlab does not evaluate. */
  readonly notes?: readonly LocalText[];
}

/** The same reasons with `notes` added after any already there (none added when empty). */
export function withNotes(r: FlowReasons, notes: readonly LocalText[]): FlowReasons {
  return notes.length === 0 ? r : { ...r, notes: [...(r.notes ?? []), ...notes] };
}

/** The two ends of a flow, as the explanations name them. */
export type FlowNames = Pick<FlowExplanation, 'from' | 'to'>;

type PolicyIndex = ReadonlyMap<string, NetworkPolicy>;
const indexOf = (policies: readonly NetworkPolicy[]): PolicyIndex =>
  new Map(policies.map((p) => [keyOf(p), p]));

export function explainFlow(x: FlowExplanation, policies: readonly NetworkPolicy[]): FlowReasons {
  const byKey = indexOf(policies);
  const verdict = WORDS.verdict(x.allowed);
  const flow = `${x.from} → ${x.to} ${x.port}/${x.protocol}`;
  return {
    headline: { en: `${flow}: ${verdict.en}`, ko: `${flow}: ${verdict.ko}` },
    allowed: x.allowed,
    sides: [sideReasons(x.egress, x, byKey), sideReasons(x.ingress, x, byKey)],
  };
}

/** One side's reasons, for a packet journey's policy gate. */
export function explainSide(
  s: SideExplanation,
  flow: FlowNames,
  policies: readonly NetworkPolicy[],
): SideReasons {
  return sideReasons(s, flow, indexOf(policies));
}

function sideReasons(s: SideExplanation, x: FlowNames, byKey: PolicyIndex): SideReasons {
  const side = (text: (l: Locale) => string, reasons: readonly Reason[] = []): SideReasons => ({
    direction: s.direction,
    verdict: s.verdict,
    text: inBoth(text),
    reasons,
  });
  const dir = (l: Locale): string =>
    s.direction === 'egress'
      ? pick(l, `egress of ${x.from}`, `${x.from}의 이그레스`)
      : pick(l, `ingress of ${x.to}`, `${x.to}의 인그레스`);
  const type = s.direction === 'egress' ? 'Egress' : 'Ingress';
  if (s.verdict === 'unrestricted') {
    const why = (l: Locale): string =>
      s.unrestrictedBecause === 'outside-cluster'
        ? pick(
            l,
            `${s.subject} is outside the cluster; NetworkPolicy only governs pods`,
            `${josa(s.subject, '은/는')} 클러스터 밖에 있습니다. NetworkPolicy는 파드에만 적용됩니다`,
          )
        : s.unrestrictedBecause === 'host-network'
          ? pick(
              l,
              `${s.subject} uses hostNetwork; no NetworkPolicy selects it`,
              `${josa(s.subject, '은/는')} hostNetwork를 써서 어떤 NetworkPolicy도 선택하지 않습니다`,
            )
          : pick(
              l,
              `no policy with policyTypes ${type} selects ${s.subject}, so nothing is restricted`,
              `${josa(s.subject, '을/를')} 선택하면서 policyTypes에 ${josa(type, '이/가')} 들어 있는 정책이 없습니다`,
            );
    return side((l) => `${dir(l)}: ${WORDS.unrestricted[l]} — ${why(l)}`);
  }
  if (s.verdict === 'allow' && s.alwaysAllowed) {
    const why = (l: Locale): string =>
      s.alwaysAllowed === 'self'
        ? pick(
            l,
            'a pod can always reach itself; no policy can block that',
            '파드는 항상 자기 자신에 접근할 수 있습니다. 어떤 정책도 막을 수 없습니다',
          )
        : pick(
            l,
            'traffic between a pod and the node it runs on is always allowed',
            '파드와 그 파드가 실행 중인 노드 사이의 트래픽은 항상 허용됩니다',
          );
    return side((l) => `${dir(l)}: ${WORDS.allowed[l]} — ${why(l)}`);
  }
  if (s.verdict === 'allow') {
    const rules = s.matches.map((m): Reason => {
      const policy = byKey.get(m.policy)!;
      const rule = (s.direction === 'egress' ? policy.egress : policy.ingress)[m.rule]!;
      const text = (l: Locale): string => {
        const peer =
          m.peer === null
            ? pick(l, `from/to anyone`, '모든 상대')
            : describePeer(rule.peers![m.peer]!, policy.namespace, l);
        const port =
          m.port === null ? pick(l, 'any port', '모든 포트') : describePort(rule.ports[m.port]!, l);
        const name = pick(
          l,
          `${s.direction} rule ${m.rule + 1}`,
          `${WORDS.direction(s.direction).ko} 규칙 ${m.rule + 1}`,
        );
        return `${m.policy} ${name}: ${peer}; ${port}`;
      };
      return { kind: 'rule-matched', text: inBoth(text), policy: m.policy, rule: m.rule, reasons: [] };
    });
    return side((l) => `${dir(l)}: ${pick(l, 'allowed by', '허용한 정책:')} ${s.policies.join(', ')}`, rules);
  }
  const names = s.selectedBy.map((p) => p.policy).join(', ');
  return side(
    (l) =>
      `${dir(l)}: ${WORDS.denied[l]} — ${pick(
        l,
        `${s.subject} is isolated for ${type} by ${names}, and no rule matches`,
        `${josa(names, '이/가')} ${josa(s.subject, '을/를')} 격리하는데, 맞는 규칙이 없습니다`,
      )}`,
    s.selectedBy.flatMap((pe) => policyReasons(pe, s, x, byKey.get(pe.policy)!)),
  );
}

/** Why one selecting policy did not allow the flow: no rules at all, or each rule's misses. */
function policyReasons(
  pe: PolicyEvaluation,
  s: SideExplanation,
  x: FlowNames,
  policy: NetworkPolicy,
): Reason[] {
  const field = s.direction;
  if (pe.rules.length === 0) {
    const text = inBoth((l) =>
      pick(
        l,
        `${pe.policy}: has no ${field} rules, so it allows no ${field} at all`,
        `${pe.policy}: ${field} 규칙이 없으므로 ${WORDS.direction(field).ko} 트래픽을 전혀 허용하지 않습니다`,
      ),
    );
    return [{ kind: 'no-rules', text, policy: pe.policy, reasons: [] }];
  }
  const other = s.direction === 'egress' ? x.to : x.from;
  const role = (l: Locale): string =>
    s.direction === 'egress' ? pick(l, 'the destination', '목적지') : pick(l, 'the source', '출발지');
  const rules = field === 'egress' ? policy.egress : policy.ingress;
  return pe.rules.map((r): Reason => {
    const rule = rules[r.rule]!;
    const misses: Reason[] = [];
    if (r.peerMisses) {
      const text = (l: Locale): string => {
        const needs = rule
          .peers!.map((p) => describePeer(p, policy.namespace, l))
          .join(pick(l, ' OR ', ' 또는 '));
        const why = r.peerMisses!.map((m) => failureText(m.failures, l)).join('; ');
        return pick(
          l,
          `needs ${needs}; ${role(l)} ${other}: ${why}`,
          `${josa(role(l), '은/는')} ${josa(needs, '이어야/여야')} 합니다. ${other}: ${why}`,
        );
      };
      misses.push({ kind: 'peer-missed', text: inBoth(text), policy: pe.policy, rule: r.rule, reasons: [] });
    }
    if (r.portMisses) {
      const text = (l: Locale): string => {
        const wants = rule.ports.map((p) => describePort(p, l)).join(pick(l, ' or ', ' 또는 '));
        const why = [...new Set(r.portMisses!.map((m) => portFailureText(m.failure, l)))].join('; ');
        return pick(l, `ports ${wants} only; ${why}`, `허용하는 포트: ${wants}. ${why}`);
      };
      misses.push({ kind: 'port-missed', text: inBoth(text), policy: pe.policy, rule: r.rule, reasons: [] });
    }
    const head = inBoth((l) => `${pe.policy} ${pick(l, `rule ${r.rule + 1}`, `규칙 ${r.rule + 1}`)}:`);
    return { kind: 'rule-missed', text: head, policy: pe.policy, rule: r.rule, reasons: misses };
  });
}

function failureText(failures: readonly PeerFailure[], locale: Locale): string {
  return failures
    .map((f) => {
      switch (f.kind) {
        case 'not-a-pod':
          return pick(
            locale,
            'is outside the cluster, and selectors only match pods',
            '클러스터 밖이라 셀렉터에 맞지 않습니다(셀렉터는 파드만 고릅니다)',
          );
        case 'host-network':
          return pick(
            locale,
            'uses hostNetwork, which selectors never match',
            'hostNetwork를 써서 셀렉터에 맞지 않습니다',
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
            `${f.namespace} 네임스페이스에는 ${f.unmet.map((u) => describeUnmet(u, locale)).join('. ')}`,
          );
        case 'pod-labels':
          return pick(
            locale,
            `the pod ${f.unmet.map((u) => describeUnmet(u, locale)).join(', ')}`,
            f.unmet.map((u) => describeUnmet(u, locale)).join('. '),
          );
        case 'ip-outside':
          return pick(
            locale,
            `${f.ip} is not in ${f.cidr}`,
            `${josa(f.ip, '은/는')} ${f.cidr}에 속하지 않습니다`,
          );
        case 'ip-excepted':
          return pick(
            locale,
            `${f.ip} is excluded by except ${f.except}`,
            `${josa(f.ip, '은/는')} except ${josa(f.except, '으로/로')} 제외됩니다`,
          );
      }
    })
    .join(pick(locale, ' and ', '. '));
}

function portFailureText(f: PortFailure, locale: Locale): string {
  switch (f.kind) {
    case 'protocol':
      return pick(
        locale,
        `the flow is ${f.actual}, not ${f.want}`,
        `흐름은 ${josa(f.want, '이/가')} 아니라 ${f.actual}입니다`,
      );
    case 'number':
      return pick(locale, `the flow goes to port ${f.actual}`, `흐름의 목적지 포트는 ${f.actual}입니다`);
    case 'range':
      return pick(
        locale,
        `port ${f.actual} is outside ${f.from}-${f.to}`,
        `포트 ${josa(String(f.actual), '은/는')} ${f.from}-${f.to} 범위 밖입니다`,
      );
    case 'named-not-on-pod':
      return pick(
        locale,
        `no container of ${f.pod} declares a port named ${f.name}`,
        `${f.pod}의 어떤 컨테이너도 ${josa(f.name, '이라는/라는')} 포트를 선언하지 않았습니다`,
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
        `목적지에서 ${josa(f.name, '은/는')} ${f.resolved}/${f.resolvedProtocol}인데 흐름의 포트는 ${f.actual}입니다`,
      );
  }
}

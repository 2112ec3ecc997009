// The `reach` check: the learner's policies compared with the goal's over every pod, namespace,
// address and port that could ever exist (engine/compare-reach), and the first difference worded
// for the learner, with the peer it is about so the page can show it.
import { fill, t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import { compareReach, relationHolds, type ReachComparison } from '../engine/compare-reach';
import { groupDifferences, groupText, groupWitness, type ReachGroup } from '../engine/describe-reach';
import { podClassText } from '../engine/describe-classes';
import { namedClassAt, type OutsideClass, type PodClass } from '../engine/peer-classes';
import type { Cluster } from '../k8s/types';
import { DEFAULTS, WORDS } from './messages';
import type { CheckResult, ReachCheck, UnseenPeer } from './types';

type Outcome = Omit<CheckResult, 'id' | 'check' | 'blocking'>;

/** `prod/db-policy, prod/x` → `db-policy and x` (the learner knows their namespace). */
function policyNames(keys: readonly string[]): LocalText {
  const names = keys.map((k) => k.slice(k.indexOf('/') + 1));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return t(names.length > 1 ? `policies ${list}` : `policy ${list}`, names.join(', '));
}

/** One difference group as the sentence a learner reads. */
export function differenceText(c: ReachComparison, g: ReachGroup): LocalText {
  const words = groupText(c, g);
  const { subject, peers, ports } = words;
  if (!g.flow) return sideText(g, words);
  if (g.extra) {
    const by = policyNames(words.allowedBy);
    const verb = words.allowedBy.length === 1 ? 'lets' : 'let';
    if (g.direction === 'ingress')
      return words.allowedBy.length > 0
        ? t(
            `Your ${by.en} also ${verb} ${peers.en} reach ${subject.en} on ${ports.en}; the task does not ask for that.`,
            `${by.ko} 정책 때문에 ${peers.ko}도 ${josa(ports.ko, '으로/로')} ${subject.ko}에 들어올 수 있습니다. 과제에서 요구하지 않은 흐름입니다.`,
          )
        : t(
            `No ingress policy selects ${subject.en}, so ${peers.en} can reach it on ${ports.en}; the task wants that closed.`,
            `${josa(subject.ko, '을/를')} 선택하는 인그레스 정책이 없어서 ${peers.ko}도 ${josa(ports.ko, '으로/로')} 들어올 수 있습니다. 과제는 이 흐름을 막으라고 합니다.`,
          );
    return words.allowedBy.length > 0
      ? t(
          `Your ${by.en} also ${verb} ${subject.en} reach ${peers.en} on ${ports.en}; the task does not ask for that.`,
          `${by.ko} 정책 때문에 ${subject.ko}에서 ${peers.ko}까지 ${josa(ports.ko, '으로/로')} 나가는 연결도 허용됩니다. 과제에서 요구하지 않은 흐름입니다.`,
        )
      : t(
          `No egress policy selects ${subject.en}, so it can reach ${peers.en} on ${ports.en}; the task wants that closed.`,
          `${josa(subject.ko, '을/를')} 선택하는 이그레스 정책이 없어서 ${peers.ko}까지 ${josa(ports.ko, '으로/로')} 나갈 수 있습니다. 과제는 이 흐름을 막으라고 합니다.`,
        );
  }
  const by = policyNames(words.isolatedBy);
  const blocks = words.isolatedBy.length > 0;
  if (g.direction === 'ingress')
    return t(
      `${cap(peers.en)} should reach ${subject.en} on ${ports.en}, but ${blocks ? `your ${by.en} ${words.isolatedBy.length === 1 ? 'does' : 'do'} not let it in` : 'it is blocked'}.`,
      `${peers.ko}에서 ${josa(subject.ko, '으로/로')} 가는 ${ports.ko} 연결이 허용되어야 하는데, ${blocks ? `${by.ko} 정책이 들여보내지 않습니다` : '막혀 있습니다'}.`,
    );
  return t(
    `${cap(subject.en)} should reach ${peers.en} on ${ports.en}, but ${blocks ? `your ${by.en} ${words.isolatedBy.length === 1 ? 'does' : 'do'} not let it out` : 'it is blocked'}.`,
    `${subject.ko}에서 ${josa(peers.ko, '으로/로')} 가는 ${ports.ko} 연결이 허용되어야 하는데, ${blocks ? `${by.ko} 정책이 내보내지 않습니다` : '막혀 있습니다'}.`,
  );
}

/** Capitalised when it starts with a word ("any pod …"), not with a name ("prod/web"). */
const cap = (s: string): string =>
  /^(a|an|any|the|no)\b/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;

/** A difference of one side only: the other side decides the flow alike in both scenarios. */
function sideText(g: ReachGroup, words: ReturnType<typeof groupText>): LocalText {
  const { subject, peers, ports } = words;
  const out = g.direction === 'egress';
  const dir = out ? t('egress', '이그레스') : t('ingress', '인그레스');
  if (g.extra) {
    const by = policyNames(words.allowedBy);
    const what = out
      ? t(
          `${subject.en} send to ${peers.en}`,
          `${subject.ko}에서 ${peers.ko}까지 ${josa(ports.ko, '으로/로')} 나가는 연결`,
        )
      : t(
          `${peers.en} in to ${subject.en}`,
          `${peers.ko}에서 ${josa(subject.ko, '으로/로')} 들어오는 ${ports.ko} 연결`,
        );
    const rest = t(
      'Only the other side’s policy stops those connections today; the task asks this side to open no more than that.',
      '지금은 상대편 정책이 막고 있을 뿐이고, 과제는 이쪽에서도 그만큼만 열라고 합니다.',
    );
    return words.allowedBy.length > 0
      ? t(
          `Your ${by.en} also ${words.allowedBy.length === 1 ? 'lets' : 'let'} ${what.en} on ${ports.en}. ${rest.en}`,
          `${by.ko} 정책이 ${what.ko}도 허용합니다. ${rest.ko}`,
        )
      : t(
          `No ${dir.en} policy selects ${subject.en}, so its ${dir.en} side lets ${out ? `it send to ${peers.en}` : `${peers.en} in`} on ${ports.en}. ${rest.en}`,
          `${josa(subject.ko, '을/를')} 선택하는 ${dir.ko} 정책이 없어서 ${what.ko}도 허용됩니다. ${rest.ko}`,
        );
  }
  const by = policyNames(words.isolatedBy);
  return t(
    `${cap(subject.en)}'s ${dir.en} side should also allow ${peers.en} on ${ports.en}, but ${by.en ? `your ${by.en} does not` : 'nothing does'}.`,
    `${subject.ko}의 ${dir.ko} 쪽에서도 ${peers.ko}, ${josa(ports.ko, '을/를')} 허용해야 하는데 ${by.ko ? `${by.ko} 정책이 허용하지 않습니다` : '허용하는 정책이 없습니다'}.`,
  );
}

/** The peer of a group's first flow, as the page can draw it. */
export function unseenPeer(c: ReachComparison, g: ReachGroup): UnseenPeer {
  const u = c.universe;
  const index = groupWitness(c, g);
  const d = g.example;
  const portClass = u.ports[namedClassAt(u, d.to)?.port ?? d.port]!;
  const port = { port: portClass.lo, protocol: portClass.protocol };
  const subject = g.subject.members[0];
  const common = { direction: g.direction, port, ...(subject ? { subject } : {}) };
  const pod = u.pods[index] as PodClass | undefined;
  if (pod && pod.index === index) {
    const e = c.actual.endpoints[index]!;
    const text = podClassText(u, pod);
    const ns = pod.namespace;
    return {
      ...common,
      kind: 'pod',
      label: text,
      ip: pod.address.witness.key,
      namespace: ns.name,
      namespaceLabels: e.kind === 'pod' ? e.namespace.labels : ns.labels,
      newNamespace: !ns.existing,
      labels: pod.labels.witness,
    };
  }
  const o = u.outside.find((x) => x.index === index) as OutsideClass;
  const ip = o.witness.key;
  const label = o.node
    ? t(`node ${o.node}'s address ${ip}`, `${o.node} 노드의 주소 ${ip}`)
    : o.podNetwork
      ? t(`an unused pod-network address ${ip}`, `어느 파드도 쓰지 않는 파드 네트워크 주소 ${ip}`)
      : t(`an internet address ${ip}`, `인터넷 주소 ${ip}`);
  return { ...common, kind: 'address', label, ip };
}

/** What a reach check needs of each scenario (check.ts's Judge has it). */
export interface ReachJudge {
  readonly cluster: Cluster;
  readonly errors: readonly unknown[];
  firstError(): LocalText;
}

export function checkReach(c: ReachCheck, judge: ReachJudge, goal: ReachJudge): Outcome {
  if (goal.errors.length > 0) {
    // The lesson's own goal is broken: say so rather than judge against nothing.
    return { passed: false, message: goal.firstError() };
  }
  const comparison = compareReach(judge.cluster, goal.cluster, { eachSide: c.eachSide === true });
  if (relationHolds(comparison, c.compare))
    return { passed: true, message: fill(c.success ?? DEFAULTS.reach.pass, {}) };
  const groups = groupDifferences(comparison).filter(
    (g) => c.compare === 'equal' || g.extra === (c.compare === 'at-most'),
  );
  const first = groups[0]!;
  const values = {
    difference: differenceText(comparison, first),
    count: String(groups.length),
    more: WORDS.moreDifferences(groups.length - 1),
  };
  return {
    passed: false,
    message: fill(c.message ?? DEFAULTS.reach.fail, values),
    unseen: unseenPeer(comparison, first),
  };
}

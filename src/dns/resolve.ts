// A stub resolver in a pod (glibc's res_search): the names it asks for, in order, from its
// resolv.conf. A name ending in "." is asked as written only; a name with at least `ndots` dots
// is asked as written first, then with each search domain; a shorter one with each search domain
// first, then as written. The first name that has records wins.
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
import { answerQuery, type DnsAnswer, type DnsZone } from './records';
import type { ResolvConf } from './resolv-conf';

export interface DnsTry {
  /** The fully qualified name asked, with its final dot. */
  readonly query: string;
  readonly answer: DnsAnswer;
}

export interface Resolution {
  readonly name: string;
  readonly conf: ResolvConf;
  /** How the search list was applied, for people. */
  readonly order: LocalText;
  /** Every name asked until one answered (or all of them). */
  readonly tries: readonly DnsTry[];
  /** The answer that ended the search; absent when no name had records. */
  readonly answer?: Extract<DnsAnswer, { kind: 'answer' | 'unknown' }>;
}

/** The names a resolver with `conf` asks for `name`, in order, each with its final dot. */
export function candidateNames(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  const trimmed = name.trim();
  if (trimmed.endsWith('.')) return [trimmed];
  const dots = trimmed.split('.').length - 1;
  const searched = conf.search.map((d) => `${trimmed}.${d}.`);
  return dots >= conf.ndots ? [`${trimmed}.`, ...searched] : [...searched, `${trimmed}.`];
}

/** Resolves `name` as a pod with `conf` would, asking `zone` (the cluster's CoreDNS) each name. */
export function resolveName(zone: DnsZone, conf: ResolvConf, name: string): Resolution {
  const trimmed = name.trim();
  const dots = trimmed.split('.').length - 1;
  const order = trimmed.endsWith('.')
    ? t(
        `"${trimmed}" ends with a dot: it is already fully qualified, asked as written, no search list`,
        `${josa(`"${trimmed}"`, '은/는')} 점으로 끝나서 이미 완전한 이름입니다. 검색 목록 없이 그대로 묻습니다`,
      )
    : conf.nameserver === null
      ? t(
          `the pod uses its node's resolver: "${trimmed}" is asked as written`,
          `파드가 노드의 리졸버를 쓰므로 ${josa(`"${trimmed}"`, '을/를')} 그대로 묻습니다`,
        )
      : dots >= conf.ndots
        ? t(
            `"${trimmed}" has ${dots} dot(s), at least ndots:${conf.ndots}: asked as written first, then with each search domain`,
            `"${trimmed}"에는 점이 ${dots}개로 ndots:${conf.ndots} 이상이라, 먼저 그대로 묻고 그다음 검색 도메인을 하나씩 붙입니다`,
          )
        : t(
            `"${trimmed}" has ${dots} dot(s), fewer than ndots:${conf.ndots}: each search domain first, then as written`,
            `"${trimmed}"에는 점이 ${dots}개로 ndots:${conf.ndots}보다 적어서, 검색 도메인을 하나씩 붙여 본 뒤 마지막에 그대로 묻습니다`,
          );
  const names =
    conf.nameserver === null
      ? [trimmed.endsWith('.') ? trimmed : `${trimmed}.`]
      : candidateNames(trimmed, conf);
  const tries: DnsTry[] = [];
  for (const query of names) {
    const answer =
      conf.nameserver === null && query.toLowerCase().replace(/\.$/, '').endsWith('.cluster.local')
        ? nodeResolverMiss()
        : answerQuery(zone, query);
    tries.push({ query, answer });
    if (answer.kind !== 'none') return { name: trimmed, conf, order, tries, answer };
  }
  return { name: trimmed, conf, order, tries };
}

function nodeResolverMiss(): DnsAnswer {
  return {
    kind: 'none',
    text: t(
      "the node's resolver does not know cluster.local names",
      '노드의 리졸버는 cluster.local 이름을 모릅니다',
    ),
  };
}

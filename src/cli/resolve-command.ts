// `netlab resolve FILE... --from POD NAME`: the names POD's resolver asks the cluster DNS for
// NAME, in order (its resolv.conf's search list and ndots), what CoreDNS answers each, and the
// answer. The cluster's CoreDNS is added (implicit) when the scenario has none.
import { loadCluster } from '../k8s/load-cluster';
import type { ManifestFile } from '../k8s/source';
import { formatDiagnostic } from '../lib/diagnostic';
import { josa } from '../lib/korean';
import { pick } from '../lib/text';
import { quote } from '../lib/user-text';
import { dnsService, hasOwnClusterDns, resolveFromPod, resolvConfText, withClusterDns } from '../dns/index';
import { buildServices } from '../engine/services';
import { findEndpoint, buildEndpoints } from '../engine/endpoints';
import { isDnsName } from '../model/trace-name';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

export function runResolve(
  args: CliArgs,
  read: (names: readonly string[]) => ManifestFile[],
): CommandResult | undefined {
  if (args.command !== 'resolve') return undefined;
  const files = args.files.slice(0, -1);
  const name = args.files.at(-1);
  if (args.from === undefined) throw new UsageError('resolve needs --from POD');
  if (name === undefined || files.length === 0) throw new UsageError('resolve needs FILE... and a NAME');
  if (!isDnsName(name)) throw new UsageError(`${quote(name)} is not a DNS name`);
  const loaded = loadCluster(read(files));
  if (loaded.hasErrors)
    return {
      stdout: '',
      stderr: loaded.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => formatDiagnostic(d, args.lang) + '\n')
        .join(''),
      code: 1,
    };
  const cluster = withClusterDns(loaded.cluster);
  const found = findEndpoint(buildEndpoints(cluster), cluster, args.from);
  if (typeof found === 'string' || found.kind !== 'pod')
    throw new UsageError(`--from ${quote(args.from)}: no such pod`);
  const services = buildServices(cluster);
  const r = resolveFromPod(cluster, found.key, name, services)!;
  if (args.json) {
    const server = dnsService(services);
    const json = {
      from: found.key,
      ...r,
      server: server
        ? { service: server.key, ip: server.clusterIP, implicit: !hasOwnClusterDns(loaded.cluster) }
        : null,
    };
    return { stdout: JSON.stringify(json, null, 2) + '\n', stderr: '', code: r.answer ? 0 : 1 };
  }
  const lang = args.lang;
  const out = [
    pick(lang, `${name} from ${found.key}`, `${found.key}에서 ${name}`),
    ...resolvConfText(r.conf)
      .trimEnd()
      .split('\n')
      .map((l) => `  /etc/resolv.conf  ${l}`),
    `  ${r.conf.why[lang]}`,
    `  ${r.order[lang]}`,
    ...r.tries.map((x, i) => `  ${i + 1}. ${x.query}  ${x.answer.text[lang]}`),
    r.answer?.kind === 'answer'
      ? pick(
          lang,
          `answer: ${r.answer.cname !== undefined ? `CNAME ${r.answer.cname} ` : ''}${r.answer.addresses.join(', ') || '(address unknown)'}`,
          `답: ${r.answer.cname !== undefined ? `CNAME ${r.answer.cname} ` : ''}${r.answer.addresses.join(', ') || '(주소 모름)'}`,
        )
      : r.answer?.kind === 'unknown'
        ? pick(
            lang,
            'answer: from DNS outside the cluster (unknown to netlab)',
            '답: 클러스터 밖 DNS가 줌(netlab은 모름)',
          )
        : pick(
            lang,
            `no answer: ${name} does not resolve`,
            `답 없음: ${josa(name, '은/는')} 풀리지 않습니다`,
          ),
  ];
  if (!hasOwnClusterDns(loaded.cluster))
    out.push(
      pick(
        lang,
        "note: the scenario has no kube-dns; netlab adds kubeadm's (kube-system/kube-dns at the Service range's .10, two CoreDNS pods)",
        '참고: 시나리오에 kube-dns가 없어서 netlab이 kubeadm과 같은 것을 넣었습니다(Service 대역 .10의 kube-system/kube-dns, CoreDNS 파드 둘)',
      ),
    );
  return { stdout: out.join('\n') + '\n', stderr: '', code: r.answer ? 0 : 1 };
}

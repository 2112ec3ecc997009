// `netlab check`: one flow explained. The destination is read once, the same way for every
// command (resolveDestination): a pod, an outside address, or a Service — then kube-proxy's DNAT
// comes first, and the policies are judged on each endpoint it may choose, at the endpoint's port.
import { resolveDestination } from '../engine/destination';
import { buildEndpoints, type Endpoint } from '../engine/endpoints';
import { evaluateFlow } from '../engine/evaluate-flow';
import { explainFlow } from '../engine/explain-reasons';
import { explanationLines } from '../engine/explain-text';
import { foreignPoliciesFor, foreignPolicyNote } from '../engine/foreign-policies';
import { evaluateServiceFlow, type ServiceFlow } from '../engine/service-flow';
import { buildServices } from '../engine/services';
import type { Cluster } from '../k8s/types';
import { effectiveVerdict } from '../model/enforcement';
import { pick, type Locale } from '../lib/text';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

export function runCheck(args: CliArgs, cluster: Cluster): CommandResult {
  if (args.from === undefined || args.to === undefined) throw new UsageError('check needs --from and --to');
  if (args.ports.length !== 1) throw new UsageError('check needs exactly one --port');
  const port = args.ports[0]!;
  const endpoints = buildEndpoints(cluster, args.peers);
  const services = buildServices(cluster);
  const from = resolveDestination(cluster, endpoints, services, args.from);
  const to = resolveDestination(cluster, endpoints, services, args.to);
  if (typeof from === 'string') throw new UsageError(`--from: ${from}`);
  if (typeof to === 'string') throw new UsageError(`--to: ${to}`);
  if (from.kind === 'service')
    throw new UsageError(
      `--from: ${args.from} is Service ${from.service.key}: Services never send packets; check from a pod or an address`,
    );
  const source = from.endpoint;
  if (to.kind === 'endpoint') {
    const x = evaluateFlow(cluster.policies, source, to.endpoint, port);
    const e = effectiveVerdict(x.allowed, cluster.network.cni);
    const lines = explanationLines(explainFlow(x, cluster.policies), args.lang);
    if (e.note) lines.push(`  ${e.note[args.lang]}`);
    const foreign = foreignPoliciesFor(cluster, source, to.endpoint);
    const note = foreignPolicyNote(foreign);
    if (note) lines.push(`  ${note[args.lang]}`);
    const stdout = args.json
      ? JSON.stringify(
          {
            ...x,
            enforced: e.enforced,
            effectiveAllowed: e.allowed,
            text: lines,
            notEvaluated: foreign.map(foreignJson),
          },
          null,
          2,
        ) + '\n'
      : lines.join('\n') + '\n';
    return { stdout, stderr: '', code: 0 };
  }
  const flow = evaluateServiceFlow(cluster, endpoints, source, to, port);
  const foreign = [...new Set(flow.backends.flatMap((b) => foreignPoliciesFor(cluster, b.from, b.to)))];
  const lines = serviceFlowText(flow, source, cluster, args.lang);
  // Only the policies' part can be undone by a CNI that enforces nothing; kube-proxy's drops stay.
  const byPolicy = flow.verdict === 'allowed' || flow.verdict === 'denied' || flow.verdict === 'some';
  const e = effectiveVerdict(flow.verdict === 'allowed', cluster.network.cni);
  const effectiveAllowed = byPolicy ? e.allowed : false;
  if (e.note && byPolicy) lines.push(`  ${e.note[args.lang]}`);
  const note = foreignPolicyNote(foreign);
  if (note) lines.push(`  ${note[args.lang]}`);
  if (!args.json) return { stdout: lines.join('\n') + '\n', stderr: '', code: 0 };
  const json = {
    from: source.key,
    to: serviceLabel(flow),
    port: port.port,
    protocol: port.protocol,
    allowed: flow.verdict === 'allowed',
    verdict: flow.verdict,
    enforced: e.enforced,
    effectiveAllowed,
    service: {
      key: flow.destination.service.key,
      access: flow.destination.access,
      ...(flow.destination.address !== undefined ? { address: flow.destination.address } : {}),
      backendsFrom: flow.destination.service.backendsFrom,
    },
    ...(flow.masqueradedTo !== undefined ? { masqueradedTo: flow.masqueradedTo } : {}),
    clientIpKept: flow.clientIpKept,
    endpoints: flow.backends.map((b) => ({ ...b.explanation, targetPort: b.port.port })),
    text: lines,
    notEvaluated: foreign.map(foreignJson),
  };
  return { stdout: JSON.stringify(json, null, 2) + '\n', stderr: '', code: 0 };
}

const foreignJson = (p: Cluster['foreignPolicies'][number]): object => ({
  engine: p.engine,
  kind: p.kind,
  ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
  name: p.name,
});

function serviceLabel(flow: ServiceFlow): string {
  const d = flow.destination;
  return d.address !== undefined ? `svc:${d.service.key} (${d.address})` : `svc:${d.service.key}`;
}

/** A headline with the Service verdict, what kube-proxy does, then each endpoint's explanation. */
export function serviceFlowText(
  flow: ServiceFlow,
  from: Endpoint,
  cluster: Cluster,
  locale: Locale,
): string[] {
  const s = flow.destination.service;
  const p = `${flow.port.port}/${flow.port.protocol}`;
  const allowedCount = flow.backends.filter((b) => b.explanation.allowed).length;
  const verdict = {
    allowed: pick(locale, '✓ allowed', '✓ 허용'),
    denied: pick(locale, '✗ denied', '✗ 차단'),
    some: pick(
      locale,
      `~ depends on the endpoint kube-proxy picks: ${allowedCount} of ${flow.backends.length} allow it`,
      `~ kube-proxy가 고르는 엔드포인트에 따라 다릅니다: ${flow.backends.length}개 중 ${allowedCount}개가 허용`,
    ),
    'no-service-port': pick(
      locale,
      `✗ no such port: ${s.key} has ${s.ports.map((x) => `${x.port}/${x.protocol}`).join(', ') || 'no ports'}`,
      `✗ 그런 포트가 없습니다: ${s.key}의 포트는 ${s.ports.map((x) => `${x.port}/${x.protocol}`).join(', ') || '없음'}`,
    ),
    'no-endpoints': pick(
      locale,
      `✗ ${s.key} has no ready endpoint for this port: the connection is refused`,
      `✗ ${s.key}에 이 포트의 준비된 엔드포인트가 없어 연결이 거부됩니다`,
    ),
    'no-local-endpoint': pick(
      locale,
      `✗ internalTrafficPolicy Local and no endpoint of ${s.key} on the sender's node: kube-proxy drops it`,
      `✗ internalTrafficPolicy Local인데 보내는 쪽 노드에 ${s.key}의 엔드포인트가 없어 kube-proxy가 버립니다`,
    ),
  }[flow.verdict];
  const lines = [`${from.key} → ${serviceLabel(flow)} ${p}: ${verdict}`];
  if (flow.backends.length === 0) return lines;
  const where =
    s.backendsFrom === 'selector'
      ? pick(locale, 'its selector', 'selector')
      : pick(locale, `its ${s.backendsFrom} object`, `${s.backendsFrom} 오브젝트`);
  lines.push(
    pick(
      locale,
      `  kube-proxy DNATs ${flow.destination.address ?? s.clusterIP ?? s.key}:${flow.port.port} to one of ${flow.backends.length} ready endpoint(s) of ${s.key} (from ${where}); the policies then see the endpoint and its port`,
      `  kube-proxy가 목적지(${flow.destination.address ?? s.clusterIP ?? s.key}:${flow.port.port})를 ${s.key}의 준비된 엔드포인트 ${flow.backends.length}개 중 하나로 바꿉니다(DNAT, 출처: ${where}). 정책은 그다음에 엔드포인트와 그 포트를 봅니다`,
    ),
  );
  if (flow.masqueradedTo !== undefined)
    lines.push(
      pick(
        locale,
        `  externalTrafficPolicy Cluster: kube-proxy masquerades the client to the node's address ${flow.masqueradedTo}, so ingress policies see the node, not the client`,
        `  externalTrafficPolicy Cluster: kube-proxy가 클라이언트를 노드 주소(${flow.masqueradedTo})로 마스커레이드하므로 인그레스 정책은 클라이언트가 아니라 노드를 봅니다`,
      ),
    );
  if (flow.clientIpKept)
    lines.push(
      pick(
        locale,
        `  externalTrafficPolicy Local: the client's address ${from.ip.key} is kept, so ingress policies see it (the load balancer sends only to nodes with an endpoint)`,
        `  externalTrafficPolicy Local: 클라이언트 주소(${from.ip.key})가 그대로라 인그레스 정책이 이 주소를 봅니다(로드밸런서는 엔드포인트가 있는 노드로만 보냅니다)`,
      ),
    );
  for (const b of flow.backends) {
    lines.push(`  → ${b.to.key} (${b.backend.ip}:${b.port.port})`);
    lines.push(
      ...explanationLines(explainFlow(b.explanation, cluster.policies), locale).map((l) => `    ${l}`),
    );
  }
  return lines;
}

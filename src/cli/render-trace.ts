// `netlab trace`: one packet's journey for people (a line per hop: device, headers, then its events
// with verdicts and reasons) or for scripts (the PacketTrace as JSON).
import { explainSide } from '../engine/explain-reasons';
import { reasonLine } from '../engine/explain-text';
import type { FlowPort } from '../engine/match';
import type { Cluster } from '../k8s/types';
import { resolvConfText } from '../dns/resolv-conf';
import { pick, type Locale } from '../lib/text';
import { generatedNodeNote, scheduleOnGeneratedNode } from '../model/generated-node';
import { buildTopology } from '../model/topology';
import { hubText, outerText, overlayText } from '../model/trace-text';
import { tracePacket } from '../model/trace-name';
import { parseUrl } from '../model/trace-url';
import { TraceError, type PacketHeaders, type PacketTrace, type TraceHop } from '../model/trace-flow';
import { UsageError, type CliArgs } from './args';
import type { CommandResult } from './command-result';

export function runTrace(args: CliArgs, written: Cluster): CommandResult {
  if (args.from === undefined || args.to === undefined) throw new UsageError('trace needs --from and --to');
  if (args.ports.length > 1) throw new UsageError('trace needs one --port');
  const port = args.ports[0] ?? portOf(args.to);
  // As in the page: pods the scenario places on no node run on a generated one (said on stderr).
  const { cluster, generatedNode } = scheduleOnGeneratedNode(written);
  let trace: PacketTrace;
  try {
    trace = tracePacket(cluster, buildTopology(cluster, { generatedNode }), args.from, args.to, port);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(e.message);
    throw e;
  }
  return {
    stdout: args.json ? JSON.stringify(trace, null, 2) + '\n' : traceText(trace, cluster, args.lang),
    stderr: generatedNode ? `${generatedNodeNote(generatedNode)[args.lang]}\n` : '',
    code: 0,
  };
}

/** `--to 192.168.1.11:30080` stands for `--port 30080/TCP` when no --port is given; a URL gives its own. */
function portOf(to: string): FlowPort {
  const url = parseUrl(to);
  if (url) return { port: url.port, protocol: 'TCP' };
  const m = /:(\d{1,5})$/.exec(to.trim());
  if (!m || to.trim().startsWith('svc:')) throw new UsageError('trace needs --port (or --to IP:PORT)');
  return { port: Number(m[1]), protocol: 'TCP' };
}

/** The whole journey as text: a headline, the request's hops, the reply's, then the notices. */
export function traceText(trace: PacketTrace, cluster: Cluster, locale: Locale): string {
  const n = trace.network;
  const overlay = overlayText(n.overlay)[locale];
  const enforcement =
    trace.enforcement === 'enforced'
      ? pick(locale, 'policies enforced', '정책 적용')
      : pick(locale, 'policies NOT enforced', '정책 적용 안 함');
  const verdict =
    trace.verdict === 'delivered'
      ? pick(locale, '✓ delivered, and the reply comes back', '✓ 도착, 응답도 돌아옴')
      : pick(locale, `✗ dropped at ${trace.droppedAt}`, `✗ ${trace.droppedAt}에서 버려짐`);
  const out = [
    `${trace.from} → ${trace.to} ${trace.port.port}/${trace.port.protocol}: ${verdict}`,
    `  ${n.cni} (${enforcement}), ${overlay}, ${n.kubeProxyReplacement ? pick(locale, 'cilium eBPF replaces kube-proxy', 'cilium eBPF가 kube-proxy를 대신함') : `kube-proxy ${n.kubeProxyMode}`}, ${hubText(n.hub, locale)}`,
    '',
    ...(trace.dns ? dnsText(trace, cluster, locale) : []),
    ...(trace.ingress
      ? [
          pick(
            locale,
            `Ingress: ${trace.ingress.url} through svc:${trace.ingress.controllerService}${trace.ingress.controllerPod ? ` (${trace.ingress.controllerPod})` : ''}`,
            `Ingress: ${trace.ingress.url}, 경유 svc:${trace.ingress.controllerService}${trace.ingress.controllerPod ? ` (${trace.ingress.controllerPod})` : ''}`,
          ),
          `  ${trace.ingress.outcome[locale]}`,
          '',
        ]
      : []),
    pick(locale, 'Request:', '요청:'),
    ...hopsText(trace.request, cluster, locale),
  ];
  if (trace.reply) out.push('', pick(locale, 'Reply:', '응답:'), ...hopsText(trace.reply, cluster, locale));
  if (trace.notices.length)
    out.push('', pick(locale, 'Notes:', '참고:'), ...trace.notices.map((x) => `  - ${x[locale]}`));
  return out.join('\n') + '\n';
}

/** The resolver's steps, then (when the connection went on) the query's own hops. */
function dnsText(trace: PacketTrace, cluster: Cluster, locale: Locale): string[] {
  const dns = trace.dns!;
  const r = dns.resolution;
  const out = [
    pick(locale, `DNS: ${dns.name} from ${trace.from}`, `DNS: ${trace.from}에서 ${dns.name}`),
    ...resolvConfText(r.conf)
      .trimEnd()
      .split('\n')
      .map((l) => `  /etc/resolv.conf  ${l}`),
    `  ${r.order[locale]}`,
    ...r.tries.map((x, i) => `  ${i + 1}. ${x.query}  ${x.answer.text[locale]}`),
  ];
  const nl = dns.nodeLocal;
  if (nl) {
    out.push(
      pick(
        locale,
        `  the query: UDP 53 to node-local-dns ${nl.address} on ${nl.node} (NodeLocal DNSCache)`,
        `  질의: UDP 53을 ${nl.node}의 node-local-dns ${nl.address}에 보냄 (NodeLocal DNSCache)`,
      ),
      ...hopsText(dns.request, cluster, locale),
    );
    if (nl.forward)
      out.push(
        pick(
          locale,
          `  not cached: node-local-dns asks ${dns.server.service} over TCP 53 from ${nl.node}`,
          `  캐시에 없음: node-local-dns가 ${nl.node}에서 TCP 53으로 ${dns.server.service}에 물음`,
        ),
        ...hopsText(nl.forward.request, cluster, locale),
      );
  } else if (dns.verdict === 'delivered') {
    out.push(
      pick(
        locale,
        `  the query: UDP 53 to ${dns.server.service} ${dns.server.ip}${dns.server.implicit ? ' (added by netlab)' : ''}`,
        `  질의: UDP 53을 ${dns.server.service} ${dns.server.ip}에 보냄${dns.server.implicit ? ' (netlab이 추가한 kube-dns)' : ''}`,
      ),
      ...hopsText(dns.request, cluster, locale),
    );
  }
  out.push('');
  return out;
}

function hopsText(hops: readonly TraceHop[], cluster: Cluster, locale: Locale): string[] {
  const idWidth = Math.max(...hops.map((h) => h.id.length));
  const devices = hops.map((h) => {
    const d = h.device;
    const where = [d.pod, d.service, d.node && `@${d.node}`].filter(Boolean).join(' ');
    return `${d.kind} ${d.name}${where ? ` (${where})` : ''}`;
  });
  const devWidth = Math.max(...devices.map((d) => d.length));
  const out: string[] = [];
  hops.forEach((h, i) => {
    out.push(`  ${h.id.padEnd(idWidth)}  ${devices[i]!.padEnd(devWidth)}  ${headersText(h.headers)}`);
    const indent = ' '.repeat(idWidth + 4);
    for (const e of h.events) {
      out.push(`${indent}${e.text[locale]}`);
      if ((e.type === 'egress-check' || e.type === 'ingress-check') && e.verdict !== 'unrestricted') {
        // The engine's reasons, under the gate's line (which already says the verdict).
        const side = explainSide(e.explanation, e.flow, cluster.policies);
        out.push(...side.reasons.map((r) => `${indent}  ${reasonLine(r, locale)}`));
      }
    }
  });
  return out;
}

function headersText(h: PacketHeaders): string {
  const ep = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  const inner = `${ep(h.src, h.srcPort)} → ${ep(h.dst, h.dstPort)} ${h.protocol}`;
  if (!h.outer) return inner;
  const o = h.outer;
  return `${inner}  [outer ${outerText(o)}]`;
}

/** Where the pods attach, in the headline: the bridge, cilium_host, or calico's routed veths. */

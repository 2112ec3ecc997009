// The `packet` check: one packet sent through the trace the page and `netlab trace` draw
// (model/trace-name's tracePacket: by address, by DNS name, or by URL through the ingress
// controller), judged on what happened to its request — delivered or dropped, the policy's verdict
// at its gates, the devices it crossed, its encapsulation, the pod its DNAT chose, where it stopped
// (the DNS query, the controller), the name that answered, the backend the controller chose.
import { fill, t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import type { Endpoint } from '../engine/endpoints';
import type { Cluster } from '../k8s/types';
import type { Topology } from '../model/topology';
import { TraceError, type PacketTrace, type TraceHop } from '../model/trace-flow';
import { tracePacket } from '../model/trace-name';
import { DEFAULTS, PACKET_PASS_ONE, WORDS } from './messages';
import { portText } from './refs';
import type { CheckResult, DeviceRef, EndpointRef, PacketCheck } from './types';

type Outcome = Omit<CheckResult, 'id' | 'check' | 'blocking'>;

/** A sentence from the trace, ended with a full stop so the next one can follow. */
const end = (x: string): string => (x === '' || /[.!?]$/.test(x) ? x : `${x}.`);

/** What a packet check needs of the scenario being judged (check.ts's Judge has it). */
export interface PacketJudge {
  readonly cluster: Cluster;
  readonly topology: Topology;
  resolve(ref: EndpointRef): Endpoint | LocalText;
}

export function checkPacket(c: PacketCheck, judge: PacketJudge): Outcome {
  const packet = `${c.from} → ${c.to} ${portText(c.port)}`;
  let trace: PacketTrace;
  try {
    trace = tracePacket(judge.cluster, judge.topology, c.from, c.to, c.port);
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    const problem = t(
      `netlab cannot send this packet: ${end(e.message)}`,
      `netlab이 이 패킷을 보낼 수 없습니다: ${end(e.ko)}`,
    );
    return fail(c, { packet, problem, path: t('none', '없음'), count: '1', more: WORDS.more(0) });
  }
  const problems = packetProblems(c, judge, trace);
  if (problems.length === 0)
    return {
      passed: true,
      message: fill(c.success ?? (expectations(c) === 1 ? PACKET_PASS_ONE : DEFAULTS.packet.pass), {
        packet,
        count: String(expectations(c)),
      }),
    };
  return fail(c, {
    packet,
    problem: problems[0]!,
    path: pathText(trace.request),
    count: String(problems.length),
    more: moreProblems(problems.length - 1),
  });
}

function fail(c: PacketCheck, values: Parameters<typeof fill>[1]): Outcome {
  return { passed: false, message: fill(c.message ?? DEFAULTS.packet.fail, values) };
}

const moreProblems = (n: number): LocalText =>
  n > 0 ? t(`(${n} more thing(s) differ)`, `(다른 점이 ${n}개 더 있습니다)`) : t('', '');

/** How many things the check asks: its success message counts them. */
function expectations(c: PacketCheck): number {
  return (
    [c.verdict, c.policy, c.encapsulation, c.dnatTo, c.stoppedAt, c.resolvedAs, c.backend].filter(
      (x) => x !== undefined,
    ).length +
    c.crosses.length +
    c.avoids.length
  );
}

/** Every way the traced request differs from what the check asks, most telling first. */
export function packetProblems(c: PacketCheck, judge: PacketJudge, trace: PacketTrace): LocalText[] {
  const out: LocalText[] = [];
  const hops = trace.request;
  const dnsDropped = trace.dns?.verdict === 'dropped' && c.stoppedAt !== 'dns';
  if (dnsDropped) out.push(dnsDroppedProblem(trace));
  else if (c.verdict !== undefined && trace.verdict !== c.verdict) out.push(verdictProblem(c.verdict, trace));
  out.push(...nameProblems(c, trace));
  if (c.policy !== undefined) {
    const denied = hops.some((h) =>
      h.events.some((e) => (e.type === 'egress-check' || e.type === 'ingress-check') && e.verdict === 'deny'),
    );
    if (denied !== (c.policy === 'denied'))
      out.push(
        denied
          ? t(
              'the NetworkPolicies deny this packet, but the task wants them to allow it.',
              'NetworkPolicy가 이 패킷을 차단하는데, 과제는 허용하라고 합니다.',
            )
          : t(
              'the NetworkPolicies allow this packet, but the task wants them to deny it.',
              'NetworkPolicy가 이 패킷을 허용하는데, 과제는 차단하라고 합니다.',
            ),
      );
  }
  for (const d of c.crosses)
    if (!hops.some((h) => crosses(h, d)))
      out.push(
        t(`it does not cross ${deviceText(d).en}.`, `${josa(deviceText(d).ko, '을/를')} 지나가지 않습니다.`),
      );
  for (const d of c.avoids) {
    const hop = hops.find((h) => crosses(h, d));
    if (hop)
      out.push(
        t(
          `it crosses ${deviceText(d).en}${hop.device.node && !d.node ? ` on ${hop.device.node}` : ''}, which the task says it must not.`,
          `${hop.device.node && !d.node ? `${hop.device.node}의 ` : ''}${josa(deviceText(d).ko, '을/를')} 지나갑니다. 과제는 지나가면 안 된다고 합니다.`,
        ),
      );
  }
  if (c.encapsulation !== undefined) {
    const encap = hops.flatMap((h) => h.events).find((e) => e.type === 'encap');
    const want = c.encapsulation;
    if (want === 'none' && encap)
      out.push(
        t(
          `it is encapsulated by ${encap.device} (UDP ${encap.outer.dstPort}), but the task wants it sent unencapsulated.`,
          `${encap.device}에서 캡슐화됩니다(UDP ${encap.outer.dstPort}). 과제는 캡슐화 없이 보내라고 합니다.`,
        ),
      );
    else if (want !== 'none' && !encap)
      out.push(
        t(
          `it is not encapsulated, but the task wants it in ${portText(want)}.`,
          `캡슐화되지 않습니다. 과제는 ${portText(want)} 안에 담아 보내라고 합니다.`,
        ),
      );
    else if (
      want !== 'none' &&
      encap &&
      (encap.outer.dstPort !== want.port || encap.outer.protocol !== want.protocol)
    )
      out.push(
        t(
          `${encap.device} encapsulates it in UDP ${encap.outer.dstPort}, not ${portText(want)}.`,
          `${josa(encap.device, '이/가')} UDP ${encap.outer.dstPort}에 담습니다. ${josa(portText(want), '이/가')} 아닙니다.`,
        ),
      );
  }
  if (c.dnatTo !== undefined) {
    const want = judge.resolve(c.dnatTo);
    // The last DNAT: through an ingress controller, the one to the backend's pod.
    const dnat = hops
      .flatMap((h) => h.events)
      .filter((e) => e.type === 'dnat' && e.by === 'kube-proxy')
      .at(-1);
    const got = dnat?.type === 'dnat' ? dnat.endpoint : undefined;
    if (!('kind' in want)) out.push(want);
    else if (got === undefined)
      out.push(
        t(
          `no DNAT rewrites its destination, so it never reaches ${want.key} through a Service.`,
          `목적지를 바꾸는 DNAT이 없어서 Service를 거쳐 ${josa(want.key, '으로/로')} 가지 않습니다.`,
        ),
      );
    else if (got !== want.key)
      out.push(
        t(
          `kube-proxy's DNAT sends it to ${got}, not to ${want.key}.`,
          `kube-proxy의 DNAT이 ${josa(want.key, '이/가')} 아니라 ${josa(got, '으로/로')} 보냅니다.`,
        ),
      );
  }
  return out;
}

/** The DNS step and the ingress controller's choice, for a packet sent to a name or a URL. */
function nameProblems(c: PacketCheck, trace: PacketTrace): LocalText[] {
  const out: LocalText[] = [];
  const dns = trace.dns;
  if (c.stoppedAt === 'dns' && dns?.verdict !== 'dropped')
    out.push(
      dns
        ? t(
            `its DNS query for ${dns.name} gets through, but the task wants it stopped there.`,
            `${dns.name}에 대한 DNS 질의가 통과합니다. 과제는 거기서 막혀야 한다고 합니다.`,
          )
        : t(
            'it is not sent to a name, so no DNS query goes first.',
            '이름으로 보내는 패킷이 아니어서 DNS 질의가 먼저 가지 않습니다.',
          ),
    );
  if (c.resolvedAs !== undefined) {
    const answered = dns?.resolution.answer
      ? dns.resolution.tries.at(-1)?.query.replace(/\.$/, '')
      : undefined;
    if (answered?.toLowerCase() !== c.resolvedAs)
      out.push(
        answered
          ? t(
              `the name that answers is ${answered}, not ${c.resolvedAs}.`,
              `응답하는 이름은 ${josa(c.resolvedAs, '이/가')} 아니라 ${answered}입니다.`,
            )
          : t(`${c.resolvedAs} never answers.`, `${josa(c.resolvedAs, '은/는')} 끝내 응답하지 않습니다.`),
      );
  }
  const ingress = trace.ingress;
  const notFound = ingress !== undefined && ingress.controllerPod !== undefined && !ingress.match;
  if (c.stoppedAt === 'controller' && !notFound)
    out.push(
      ingress?.match
        ? t(
            `the controller matches it (${ingress.match.text.en}), but the task wants no rule to match.`,
            `컨트롤러가 요청을 규칙에 맞춥니다(${ingress.match.text.ko}). 과제는 어떤 규칙에도 맞지 않아야 한다고 합니다.`,
          )
        : t('it never reaches the ingress controller.', '인그레스 컨트롤러에 닿지 않습니다.'),
    );
  if (c.backend !== undefined) {
    const got = ingress?.match
      ? `svc:${ingress.match.namespace}/${ingress.match.backend.service}`
      : undefined;
    if (got !== c.backend)
      out.push(
        got
          ? t(
              `the ingress controller sends it to ${got}, not to ${c.backend}.`,
              `인그레스 컨트롤러가 ${josa(c.backend, '이/가')} 아니라 ${josa(got, '으로/로')} 보냅니다.`,
            )
          : t(
              `the ingress controller sends it to no backend: ${ingress?.outcome.en ?? 'it is not a request through the controller'}.`,
              `인그레스 컨트롤러가 어떤 백엔드로도 보내지 않습니다: ${ingress?.outcome.ko ?? '컨트롤러를 거치는 요청이 아닙니다'}.`,
            ),
      );
  }
  return out;
}

/** The DNS query was dropped where the task wants the connection: where, and why. */
function dnsDroppedProblem(trace: PacketTrace): LocalText {
  const { at, reason } = dropPlace(trace);
  return t(
    `its DNS query for ${trace.dns!.name} is dropped at ${at.en}, so the connection never starts: ${reason.en}`,
    `${trace.dns!.name}에 대한 DNS 질의가 ${at.ko}에서 버려져서 연결이 시작조차 하지 않습니다: ${reason.ko}`,
  );
}

function dropPlace(trace: PacketTrace): { at: LocalText; reason: LocalText } {
  const hop = trace.request.find((h) => h.id === trace.droppedAt);
  const drop = hop?.events.find((e) => e.type === 'drop');
  const reason = drop ? t(end(drop.text.en), end(drop.text.ko)) : t('', '');
  const at = hop
    ? deviceText({ name: hop.device.name, ...(hop.device.node ? { node: hop.device.node } : {}) })
    : t('', '');
  return { at, reason };
}

function verdictProblem(want: 'delivered' | 'dropped', trace: PacketTrace): LocalText {
  if (want === 'dropped') {
    const last = trace.request.at(-1)!;
    const to = last.events.find((e) => e.type === 'deliver');
    const where = to?.type === 'deliver' ? to.to : last.device.name;
    return t(
      `the packet is delivered to ${where}, but the task wants it dropped.`,
      `패킷이 ${where}에 도착합니다. 과제는 패킷이 버려져야 한다고 합니다.`,
    );
  }
  const { at, reason } = dropPlace(trace);
  return t(
    `the packet is dropped at ${at.en}, but the task wants it delivered: ${reason.en}`,
    `패킷이 ${at.ko}에서 버려집니다. 과제는 도착해야 한다고 합니다: ${reason.ko}`,
  );
}

/** A hop is the device when the names agree (`kube-proxy` names `kube-proxy (iptables)` too) and so does the node. */
function crosses(h: TraceHop, d: DeviceRef): boolean {
  const name = h.device.name;
  const named = name === d.name || name.startsWith(`${d.name} (`);
  return named && (d.node === undefined || h.device.node === d.node);
}

function deviceText(d: DeviceRef): LocalText {
  return d.node ? t(`${d.name} on ${d.node}`, `${d.node}의 ${d.name}`) : t(d.name, d.name);
}

/** The request's devices, grouped by node: `node01: eth0 → veth… → cni0 | node network | node02: …`. */
export function pathText(hops: readonly TraceHop[]): LocalText {
  const groups: { node: string | undefined; names: string[] }[] = [];
  for (const h of hops) {
    const last = groups.at(-1);
    if (last && last.node === h.device.node) last.names.push(h.device.name);
    else groups.push({ node: h.device.node, names: [h.device.name] });
  }
  const text = groups.map((g) => `${g.node ? `${g.node}: ` : ''}${g.names.join(' → ')}`).join(' | ');
  return t(text, text);
}

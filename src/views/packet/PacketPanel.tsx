// Packet journeys: controls, the event list (one row per hop — the text equivalent of the
// animation), the inspector of the selected hop, and the final verdict announced politely.
import { resolvConfText } from '../../dns/resolv-conf';
import type { Locale } from '../../lib/text';
import { isolate } from '../../lib/user-text';
import type { PacketTrace, TraceEvent, TraceHop } from '../../model/trace-types';
import { hubText } from '../../model/trace-text';
import type { TraceResult } from '../../app-model/model-view';
import { useNetlab } from '../use-netlab';
import { EVENT_KIND, useUiText, type UiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { PacketControls } from './PacketControls';
import { headersText, traceHops, usePacketJourney } from './usePacketJourney';

/**
 * The ✓/✗ an event is marked with (never the colour alone), or nothing: for events that only say
 * what happened (a route, a NAT), and for texts that already carry their own mark ("ingress: ✓
 * allowed"), which would otherwise read "✓ … ✓".
 */
function eventMark(e: TraceEvent, text: string): string {
  if (/[✓✗]/.test(text)) return '';
  if (e.type === 'drop') return '✗ ';
  if (e.type === 'deliver' || e.type === 'conntrack') return '✓ ';
  if (e.type === 'egress-check' || e.type === 'ingress-check') return e.verdict === 'deny' ? '✗ ' : '✓ ';
  return '';
}

function hopVerdict(hop: TraceHop): 'deny' | 'pass' | 'info' {
  if (
    hop.events.some(
      (e) =>
        e.type === 'drop' ||
        ((e.type === 'egress-check' || e.type === 'ingress-check') && e.verdict === 'deny'),
    )
  )
    return 'deny';
  if (
    hop.events.some(
      (e) =>
        e.type === 'deliver' ||
        e.type === 'egress-check' ||
        e.type === 'ingress-check' ||
        e.type === 'conntrack',
    )
  )
    return 'pass';
  return 'info';
}

function deviceText(hop: TraceHop): string {
  const d = hop.device;
  return `${isolate(d.name)}${d.pod ? ` · ${d.pod}` : ''}${d.node ? ` @${d.node}` : ''}`;
}

/** How a journey ended, in words: delivered (and the reply), or where and why it was dropped. */
function outcomeText(trace: PacketTrace, t: UiText, locale: Locale): string {
  const { dropAt } = traceHops(trace);
  const drop = dropAt !== null ? trace.request[dropAt]!.events.find((e) => e.type === 'drop') : undefined;
  return drop
    ? `${t.packetDropped}: ${drop.text[locale]}`
    : trace.reply
      ? t.packetDeliveredReply
      : t.packetDelivered;
}

/** The same packet through the pinned version: before and after the learner's changes. */
function BaselineOutcome({
  now,
  before,
  t,
  locale,
}: {
  now: PacketTrace;
  before: TraceResult;
  t: UiText;
  locale: Locale;
}) {
  let text: string;
  if ('error' in before) text = fill(t.pinnedPacket, { outcome: before.error[locale] });
  else {
    const was = outcomeText(before.trace, t, locale);
    text =
      was === outcomeText(now, t, locale)
        ? t.pinnedPacketSame
        : `${fill(t.pinnedPacket, { outcome: was })} ${t.pinnedPacketChanged}`;
  }
  return (
    <p className="packet-compare" data-testid={TID.packetCompare}>
      {text}
    </p>
  );
}

/** The resolver's steps before the connection: resolv.conf, the names asked, the query's fate. */
function DnsStepView({ trace, t, locale }: { trace: PacketTrace; t: UiText; locale: Locale }) {
  const dns = trace.dns!;
  const r = dns.resolution;
  const server = dns.request.flatMap((h) => h.events).find((e) => e.type === 'deliver');
  const vars = { ip: dns.server.ip, implicit: dns.server.implicit ? t.dnsImplicit : '' };
  return (
    <section className="packet-dns" aria-label={t.dnsStep} data-testid={TID.packetDns}>
      <h3>
        {t.dnsStep}: {isolate(dns.name)}
      </h3>
      <pre className="resolv-conf">{resolvConfText(r.conf)}</pre>
      <p className="help">{r.order[locale]}</p>
      <ol className="dns-tries">
        {r.tries.map((x) => (
          <li key={x.query}>
            <code>{isolate(x.query)}</code> — {x.answer.text[locale]}
          </li>
        ))}
      </ol>
      {dns.nodeLocal ? (
        <NodeLocalLine dns={dns} t={t} />
      ) : (
        <p className={dns.verdict === 'dropped' ? 'hop-deny' : 'hop-pass'}>
          {dns.verdict === 'dropped'
            ? `✗ ${fill(t.dnsQueryDropped, vars)}`
            : `✓ ${fill(t.dnsQueryDelivered, { ...vars, pod: server && server.type === 'deliver' ? server.to : '' })}`}
        </p>
      )}
    </section>
  );
}

/** NodeLocal DNSCache: the agent on the pod's node answered; a cluster name went on to CoreDNS over TCP. */
function NodeLocalLine({ dns, t }: { dns: NonNullable<PacketTrace['dns']>; t: UiText }) {
  const nl = dns.nodeLocal!;
  const coredns = nl.forward?.request.flatMap((h) => h.events).find((e) => e.type === 'deliver');
  const vars = { node: nl.node, ip: nl.address };
  return (
    <>
      <p className="hop-pass">✓ {fill(t.dnsNodeLocal, vars)}</p>
      {nl.forward && (
        <p className={nl.forward.verdict === 'dropped' ? 'hop-deny' : 'hop-pass'}>
          {nl.forward.verdict === 'dropped'
            ? `✗ ${fill(t.dnsNodeLocalForwardDropped, vars)}`
            : `✓ ${fill(t.dnsNodeLocalForward, { ...vars, pod: coredns?.type === 'deliver' ? coredns.to : '' })}`}
        </p>
      )}
    </>
  );
}

export function PacketPanel() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const setPacketStep = useNetlab((s) => s.setPacketStep);
  const setPlaying = useNetlab((s) => s.setPlaying);
  const j = usePacketJourney();
  // Only a version the learner pinned is compared here (a lesson's own start is the matrix's).
  const baseline = useNetlab((s) =>
    s.trace && j && s.trace.request === j.request && s.baseline?.lesson === undefined
      ? s.trace.baseline
      : undefined,
  );
  const hop = j?.hops[j.step];
  const prevHop = j && j.step > 0 ? j.hops[j.step - 1] : undefined;
  const finished = j?.trace && j.step >= j.hops.length - 1;
  const overview = useNetlab((s) => s.view?.model.overview);

  return (
    <section aria-labelledby="packets-title" className="panel packet-panel" data-testid={TID.packetPanel}>
      <h2 id="packets-title">{t.packets}</h2>
      {overview ? (
        <p className="help">{fill(t.packetsNeedGraph, { pods: overview.pods.toLocaleString() })}</p>
      ) : (
        <PacketControls />
      )}
      {j && (
        <p className="packet-status">
          {j.count > 1 && `${fill(t.packetOf, { n: j.index + 1, count: j.count })} · `}
          <strong>
            {j.trace
              ? `${j.trace.from} → ${j.trace.to} ${j.trace.port.port}/${j.trace.port.protocol}`
              : `${j.request.from} → ${j.request.to}`}
          </strong>
          {j.trace &&
            ` · ${j.trace.network.cni}, ${j.trace.network.kubeProxyMode}, ${isolate(hubText(j.trace.network.hub, locale))}`}
        </p>
      )}
      {j?.trace && baseline && <BaselineOutcome now={j.trace} before={baseline} t={t} locale={locale} />}
      {j?.error && (
        <p role="alert" className="banner">
          {j.error[locale]}
        </p>
      )}
      {j?.trace?.dns && <DnsStepView trace={j.trace} t={t} locale={locale} />}
      {j?.trace?.notices.map((n, i) => (
        <p key={i} className="banner notice" data-testid={TID.packetNotice}>
          ⚠ {n[locale]}
        </p>
      ))}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid={TID.packetAnnounce}>
        {finished && j?.trace ? outcomeText(j.trace, t, locale) : ''}
      </p>
      {j?.trace && (
        <div className="packet-body">
          <ol className="event-list" data-testid={TID.packetEvents} aria-label={t.eventList}>
            {j.hops.map((h, i) => (
              <li
                key={h.id}
                className={`hop hop-${hopVerdict(h)}${i === j.requestHops ? ' reply-start' : ''}`}
              >
                {i === j.requestHops && <div className="reply-heading">{t.reply}</div>}
                <button
                  type="button"
                  data-testid={TID.packetHop}
                  data-hop={h.id}
                  aria-current={i === j.step ? 'step' : undefined}
                  className={i > j.step ? 'ahead' : ''}
                  onClick={() => {
                    setPlaying(false);
                    setPacketStep(i);
                  }}
                >
                  <span className="hop-id">{h.id}</span>{' '}
                  <span className="hop-device">
                    {h.device.kind} {deviceText(h)}
                  </span>
                  <span className="mono hop-headers">{headersText(h.headers)}</span>
                  {h.events
                    .filter((e) => e.type !== 'route')
                    .map((e, k) => (
                      <span key={k} className={`hop-event event-${e.type}`}>
                        {eventMark(e, e.text[locale])}
                        <bdi>{e.text[locale]}</bdi>
                      </span>
                    ))}
                </button>
              </li>
            ))}
          </ol>
          {hop && (
            <div className="hop-inspector" data-testid={TID.packetInspector} aria-live="polite">
              <h3>
                {hop.id} · {hop.device.kind} {deviceText(hop)}
              </h3>
              <dl className="details">
                <dt>{t.headersBefore}</dt>
                <dd className="mono">
                  {prevHop && j.step !== j.requestHops ? headersText(prevHop.headers) : '—'}
                </dd>
                <dt>{t.headersAfter}</dt>
                <dd className="mono">{headersText(hop.headers)}</dd>
              </dl>
              <ul className="inspector-events">
                {hop.events.map((e, k) => (
                  <li key={k} className={`event-${e.type}`}>
                    <strong>
                      {eventMark(e, e.text[locale])}
                      {EVENT_KIND[locale][e.type]}
                    </strong>{' '}
                    <bdi>{e.text[locale]}</bdi>
                    {(e.type === 'egress-check' || e.type === 'ingress-check') && !e.enforced && (
                      <em> ({t.notEnforced})</em>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

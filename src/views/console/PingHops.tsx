// The last ping hop by hop, in words: where the packet was, which interface it came in and left by,
// the bridges it crossed, a rewritten source, and where it stopped and why. The hop the drawing's dot
// is on is marked (aria-current), so the list and the animation tell the same journey. Why a ping
// failed is the drawing's caption.
import { josa } from '../../lib/korean';
import type { Locale } from '../../lib/text';
import type { Hop, PingReport } from '../../netns';
import { useNetlab } from '../use-netlab';
import { fill, useConsoleText, type ConsoleText } from './console-text';

const placeOf = (h: { host: string; ns: string }): string => (h.ns ? `${h.host}/${h.ns}` : h.host);

function hopText(t: ConsoleText, locale: Locale, h: Hop, last: boolean, delivered: boolean): string {
  // Korean: "eth0으로", "veth-red로": the particle follows how the name is read.
  const to = (word: string): string => (locale === 'ko' ? josa(word, '으로/로') : word);
  const parts: string[] = [];
  if (h.inIface) parts.push(fill(t.hopIn, { iface: to(h.inIface) }));
  if (h.snat) parts.push(fill(t.hopSnat, { address: to(h.snat) }));
  if (h.outIface) parts.push(fill(t.hopOut, { iface: to(h.outIface) }));
  // The bridges between this hop and the next one.
  for (const b of h.via ?? []) parts.push(fill(t.hopBridge, { bridge: b }));
  if (last) parts.push(delivered ? t.hopDelivered : t.hopStopped);
  return `${placeOf(h)}: ${parts.join(', ')}`;
}

export function PingHops({ ping, step }: { ping: PingReport; step: number }) {
  const t = useConsoleText();
  const locale = useNetlab((s) => s.locale);
  // The request arrived when a reply path exists (or the ping succeeded).
  const arrived = ping.ok || ping.reply.length > 0;
  const legs = [
    { name: t.hopsRequest, hops: ping.request, delivered: arrived, offset: 0 },
    { name: t.hopsReply, hops: ping.reply, delivered: ping.ok, offset: ping.request.length },
  ].filter((l) => l.hops.length > 0);
  return (
    <div className="ping-hops">
      {legs.map((leg) => (
        <section key={leg.name} aria-label={leg.name}>
          <h4>{leg.name}</h4>
          <ol>
            {leg.hops.map((h, i) => {
              const index = leg.offset + i;
              const last = i === leg.hops.length - 1;
              return (
                <li key={index} aria-current={index === step ? 'step' : undefined}>
                  {hopText(t, locale, h, last, leg.delivered)}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

// The drawing of the simulated network: hosts, namespaces as boxes, veth pairs as cables, bridges,
// the LAN, and the last ping travelling hop by hop (still, when motion is reduced).
import { useEffect, useMemo, useState } from 'react';
import type { PingReport, World } from '../../netns';
import { useNetlab } from '../use-netlab';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';
import { fill, useConsoleText } from './console-text';
import { hopPoint, layoutNetwork } from './net-layout';
import { PingHops } from './PingHops';

const STEP_MS = 450;

export function NetGraph({ world, ping, pingKey }: { world: World; ping?: PingReport; pingKey: number }) {
  const t = useConsoleText();
  const locale = useNetlab((s) => s.locale);
  const layout = useMemo(() => layoutNetwork(world), [world]);
  const reduced = usePrefersReducedMotion();
  const path = useMemo(
    () => (ping ? [...ping.request, ...ping.reply].map((h) => hopPoint(layout, h)) : []),
    [ping, layout],
  );
  const [anim, setAnim] = useState({ key: pingKey, step: 0 });
  /** Bumped by "play again": the same ping's animation starts over. */
  const [replays, setReplays] = useState(0);
  useEffect(() => {
    if (reduced || path.length < 2) return;
    const id = setInterval(
      () =>
        setAnim((a) =>
          a.key === pingKey
            ? { key: pingKey, step: Math.min(a.step + 1, path.length - 1) }
            : { key: pingKey, step: 1 },
        ),
      STEP_MS,
    );
    return () => clearInterval(id);
  }, [pingKey, path, reduced, replays]);
  const step = reduced ? path.length - 1 : anim.key === pingKey ? anim.step : 0;
  const dot = path[Math.max(0, Math.min(step, path.length - 1))];
  const summary = `${layout.hosts.length} host(s), ${layout.namespaces.length} namespace(s): ${layout.namespaces
    .map((n) => `${n.host}/${n.name}`)
    .join(', ')}`;
  return (
    <figure className="net-graph">
      <svg
        role="img"
        aria-label={`${t.graph}: ${summary}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxHeight: '26rem' }}
      >
        <line className="lan" x1={5} y1={layout.lanY} x2={layout.width - 5} y2={layout.lanY} />
        <text className="lan-label" x={10} y={layout.lanY + 18}>
          {t.lan} {world.lan}
        </text>
        {layout.hosts.map((h) => (
          <g key={h.name}>
            <rect className="host-box" x={h.x} y={h.y} width={h.w} height={h.h} rx={10} />
            <text className="host-label" x={h.x + 10} y={h.y + 22}>
              {h.name}
              {h.forwarding ? `  (${t.forwarding})` : ''}
            </text>
          </g>
        ))}
        {layout.namespaces.map((n) => (
          <g key={`${n.host}/${n.name}`}>
            <rect className="ns-box" x={n.x} y={n.y} width={n.w} height={n.h} rx={8} />
            <text className="ns-label" x={n.x + 8} y={n.y + 18}>
              {n.name}
            </text>
          </g>
        ))}
        {layout.cables.map((c) => (
          <line
            key={c.key}
            className={`cable ${c.kind}${c.up ? '' : ' down'}`}
            x1={c.x1}
            y1={c.y1}
            x2={c.x2}
            y2={c.y2}
          />
        ))}
        {layout.dots.map((d) =>
          d.link.kind === 'bridge' ? (
            <g key={d.link.id}>
              <rect
                className={`bridge ${d.state.toLowerCase()}`}
                x={d.x - 40}
                y={d.y - 9}
                width={120}
                height={18}
                rx={4}
              />
              <text className="link-label" x={d.x - 36} y={d.y + 4}>
                {d.label}
              </text>
            </g>
          ) : (
            <g key={d.link.id}>
              <circle className={`link-dot ${d.state.toLowerCase()}`} cx={d.x} cy={d.y} r={6} />
              <text className="link-label" x={d.x + 8} y={d.y + (d.link.ns ? -8 : 16)}>
                {d.label}
              </text>
            </g>
          ),
        )}
        {path.length > 1 && (
          <polyline
            className={`ping-path ${ping?.ok ? 'ok' : 'failed'}`}
            points={path.map((p) => `${p.x},${p.y}`).join(' ')}
          />
        )}
        {dot && (
          <circle
            className={`ping-dot ${ping?.ok ? 'ok' : 'failed'}`}
            r={8}
            cx={0}
            cy={0}
            style={{ transform: `translate(${dot.x}px, ${dot.y}px)` }}
          />
        )}
      </svg>
      {ping && (
        <figcaption role="status">
          {ping.ok
            ? fill(t.pingOk, { from: placeName(ping.from), to: ping.to })
            : fill(t.pingFail, { from: placeName(ping.from), to: ping.to, why: ping.reason?.[locale] ?? '' })}
        </figcaption>
      )}
      {ping && (
        <>
          <PingHops ping={ping} step={step} />
          {!reduced && path.length > 1 && (
            <button
              type="button"
              onClick={() => {
                setAnim({ key: pingKey, step: 0 });
                setReplays((r) => r + 1);
              }}
            >
              {t.replay}
            </button>
          )}
        </>
      )}
    </figure>
  );
}

function placeName(p: { host: string; ns: string }): string {
  return p.ns ? `${p.host}/${p.ns}` : p.host;
}

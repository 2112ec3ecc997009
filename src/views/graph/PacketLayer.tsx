// The one layer D3 owns: the moving packet, the policy gates on its path and where it was
// stopped. React renders only the empty <g>; D3 joins and transitions what is inside it.
import { select, transition } from 'd3';
import { useEffect, useRef } from 'react';
import type { TraceHop } from '../../model/trace-types';
import { legWaypoints, pointAlong, type HopPoint } from './hop-geometry';
import { placeLabel, type Box } from './label-placement';
import { TID } from '../testIds';

export interface PacketFrame {
  readonly id: string;
  readonly hops: readonly TraceHop[];
  readonly points: readonly HopPoint[];
  readonly step: number;
  /** Index of the hop where the packet was dropped, if it was. */
  readonly dropAt: number | null;
  readonly label: string;
  readonly droppedText: string;
}

interface Gate {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** null until the packet has reached the gate: no spoilers. */
  readonly passed: boolean | null;
}

function gatesOf(frame: PacketFrame): Gate[] {
  const out: Gate[] = [];
  frame.hops.forEach((hop, i) => {
    const checks = hop.events.filter((e) => e.type === 'egress-check' || e.type === 'ingress-check');
    if (checks.length === 0) return;
    const p = frame.points[i]!;
    const denied = checks.some((e) => 'verdict' in e && e.verdict === 'deny');
    out.push({ id: `${frame.id}:${hop.id}`, x: p.x, y: p.y, passed: frame.step >= i ? !denied : null });
  });
  return out;
}

/**
 * The boxes of the picture's visible texts outside `layer`, in `layer`'s coordinates; null where
 * the browser does not lay SVG out (no getBBox).
 */
function sceneTextBoxes(layer: SVGGElement): Box[] | null {
  const svg = layer.ownerSVGElement;
  const toLayer = layer.getCTM?.()?.inverse();
  if (!svg || !toLayer) return null;
  const out: Box[] = [];
  for (const el of svg.querySelectorAll('text')) {
    if (layer.contains(el) || !el.textContent?.trim()) continue;
    const b = el.getBBox();
    const ctm = el.getCTM();
    if (b.width === 0 || !ctm || getComputedStyle(el).visibility === 'hidden') continue;
    const m = toLayer.multiply(ctm);
    const xs = [b.x, b.x + b.width];
    const ys = [b.y, b.y + b.height];
    const pts = xs.flatMap((x) => ys.map((y) => new DOMPoint(x, y).matrixTransform(m)));
    const left = Math.min(...pts.map((p) => p.x));
    const top = Math.min(...pts.map((p) => p.y));
    out.push({
      x: left,
      y: top,
      w: Math.max(...pts.map((p) => p.x)) - left,
      h: Math.max(...pts.map((p) => p.y)) - top,
    });
  }
  return out;
}

/** Moves `text` (in a group translated to `at`) to a free spot near `at`, and takes that spot. */
function placeText(text: SVGTextElement, at: { x: number; y: number }, taken: Box[]): void {
  if (!text.textContent) return;
  text.setAttribute('x', '0');
  text.setAttribute('y', '0');
  const b = text.getBBox();
  if (b.width === 0) return;
  const box = placeLabel(at.x, at.y, b.width, b.height, taken);
  taken.push(box);
  text.setAttribute('x', String(box.x - at.x - b.x));
  text.setAttribute('y', String(box.y - at.y - b.y));
}

/**
 * `frames[0]` is the packet being inspected (its gates are drawn); the others play alongside it
 * ("all at once").
 */
export function PacketLayer({
  frames,
  reducedMotion,
  durationMs,
}: {
  frames: readonly PacketFrame[];
  reducedMotion: boolean;
  durationMs: number;
}) {
  const ref = useRef<SVGGElement>(null);

  useEffect(() => {
    const layer = select(ref.current!);
    const t = transition().duration(reducedMotion ? 0 : durationMs);

    const frame = frames[0] ?? null;
    const gates = layer.selectAll<SVGGElement, Gate>('g.gate').data(frame ? gatesOf(frame) : [], (d) => d.id);
    gates.exit().remove();
    const gatesIn = gates.enter().append('g').attr('class', 'gate');
    gatesIn.append('rect').attr('x', -9).attr('y', -9).attr('width', 18).attr('height', 18).attr('rx', 3);
    gatesIn.append('text').attr('text-anchor', 'middle').attr('y', 4.5);
    const gatesAll = gatesIn
      .merge(gates)
      .attr('data-state', (d) => (d.passed === null ? 'ahead' : d.passed ? 'pass' : 'deny'));
    gatesAll.select('text').text((d) => (d.passed === null ? '?' : d.passed ? '✓' : '✗'));

    const moving = frames.filter((f) => f.points.length > 0);
    const packets = layer.selectAll<SVGGElement, PacketFrame>('g.packet').data(moving, (d) => d.id);
    packets.exit().remove();
    const entering = packets.enter().append('g').attr('class', 'packet').attr('data-testid', TID.graphPacket);
    entering.append('circle').attr('r', 8);
    entering.append('text').attr('class', 'packet-label').attr('x', 12).attr('y', -10);
    entering.append('text').attr('class', 'packet-tag').attr('x', 12).attr('y', 16);
    const pointOf = (f: PacketFrame) => f.points[Math.min(f.step, f.points.length - 1)]!;
    const merged = entering.merge(packets);
    merged
      .attr('data-step', (f) => String(Math.min(f.step, f.points.length - 1)))
      .classed('dropped', (f) => f.dropAt !== null && f.step >= f.dropAt)
      .classed('companion', (f) => f !== frames[0])
      .attr('data-companion', (f) => String(f !== frames[0]));
    merged.select('text.packet-label').text((f) => f.label);
    merged.select('text.packet-tag').text((f) => pointOf(f).tag ?? '');
    // A new packet appears where it starts. One step forward, it follows the wires from the last
    // hop to the next; any other move (back, reset, a jump) goes straight there.
    const at = (p: { x: number; y: number }) => `translate(${p.x},${p.y})`;
    entering
      .attr('transform', (f) => at(pointOf(f)))
      .property('__hop', (f: PacketFrame) => Math.min(f.step, f.points.length - 1));
    packets.each(function (f) {
      const el = this as SVGGElement & { __hop?: number };
      const step = Math.min(f.step, f.points.length - 1);
      const was = el.__hop;
      el.__hop = step;
      if (was === step) return;
      const route = was === step - 1 ? legWaypoints(f.hops, f.points, step) : null;
      const target = pointOf(f);
      const moving = select(el).transition(t);
      if (route && route.length > 2)
        moving.attrTween('transform', () => (k: number) => at(pointAlong(route, k)));
      else moving.attr('transform', at(target));
    });

    const dropped = frames
      .filter((f) => f.dropAt !== null && f.step >= f.dropAt)
      .map((f) => ({ id: f.id, text: f.droppedText, ...f.points[f.dropAt!]! }));
    const drops = layer
      .selectAll<SVGGElement, { id: string; x: number; y: number; text: string }>('g.drop')
      .data(dropped, (d) => d.id);
    drops.exit().remove();
    const dropIn = drops.enter().append('g').attr('class', 'drop');
    // The ✕ is drawn, not written: it sits on the wire where the packet stopped, under no label.
    dropIn.append('path').attr('class', 'drop-mark-halo').attr('d', 'M-7,-7L7,7M7,-7L-7,7');
    dropIn.append('path').attr('class', 'drop-mark').attr('d', 'M-7,-7L7,7M7,-7L-7,7');
    dropIn.append('text').attr('class', 'drop-text');
    const dropsAll = dropIn.merge(drops).attr('transform', (d) => `translate(${d.x},${d.y})`);
    dropsAll.select('text.drop-text').text((d) => d.text);

    // Every text of this layer where it covers no other label of the picture (at the packet's
    // resting point; on the way between two hops it may pass over one).
    // Nothing to place (no packet, gate or drop): measuring every text of a big scene would force
    // its layout for nothing.
    const placing = !gatesAll.empty() || !merged.empty() || !dropsAll.empty();
    const taken = placing ? sceneTextBoxes(ref.current!) : null;
    if (taken) {
      gatesAll.each(function (d) {
        const box = placeLabel(d.x, d.y, 18, 18, taken);
        taken.push(box);
        select(this).attr('transform', `translate(${box.x + 9},${box.y + 9})`);
      });
      merged.each(function (f) {
        const p = pointOf(f);
        taken.push({ x: p.x - 9, y: p.y - 9, w: 18, h: 18 });
        for (const cls of ['packet-label', 'packet-tag']) {
          const text = select(this).select<SVGTextElement>(`text.${cls}`).node();
          if (text) placeText(text, p, taken);
        }
      });
      dropsAll.each(function (d) {
        const text = select(this).select<SVGTextElement>('text.drop-text').node();
        if (text) placeText(text, d, taken);
      });
    } else gatesAll.attr('transform', (d) => `translate(${d.x},${d.y - 16})`);

    return () => {
      layer.selectAll('*').interrupt();
    };
  }, [frames, reducedMotion, durationMs]);

  useEffect(() => {
    const node = ref.current;
    return () => {
      if (node) select(node).selectAll('*').interrupt();
    };
  }, []);

  return <g ref={ref} data-layer="packets" aria-hidden="true" />;
}

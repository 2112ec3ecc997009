// A packet's walk through the world, one namespace at a time: local delivery, the forwarding
// sysctl, route lookup, MASQUERADE, and ARP across veth cables, bridges and the LAN. Every drop
// says why, in words a learner can act on.
import { type LocalText } from '../lib/text';
import { inPrefix } from './ipv4';
import { localLink, lookupRoute, sourceAddress } from './routing';
import type { Hop, Link, Place, World } from './types';
import { findLink, linkById, namespaceOf, placeOf, placeWords, portsOf } from './world';

/** A link on the far side of a cable that can take the packet, and the bridges crossed. */
interface Reached {
  readonly link: Link;
  readonly bridges: readonly string[];
}

/** Where a frame sent out of `out` can arrive; `blocked` names what stopped it elsewhere. */
export function segmentFrom(world: World, out: Link): { reached: Reached[]; blocked: LocalText[] } {
  const reached: Reached[] = [];
  const blocked: LocalText[] = [];
  const seen = new Set<number>([out.id]);
  const down = (l: Link): LocalText => ({
    en: `${l.name} is down`,
    ko: `${l.name} 링크가 down 상태입니다`,
  });
  const arrive = (l: Link, bridges: readonly string[]): void => {
    if (seen.has(l.id)) return;
    seen.add(l.id);
    if (!l.up) {
      blocked.push(down(l));
      return;
    }
    if (l.master === undefined) {
      reached.push({ link: l, bridges });
      return;
    }
    const bridge = linkById(world, l.master);
    if (!bridge.up) {
      blocked.push(down(bridge));
      return;
    }
    const via = [...bridges, bridge.name];
    if (!seen.has(bridge.id)) {
      seen.add(bridge.id);
      reached.push({ link: bridge, bridges: via });
    }
    for (const p of portsOf(world, bridge)) if (p.id !== l.id) send(p, via);
  };
  const send = (l: Link, bridges: readonly string[]): void => {
    if (!l.up) {
      if (!seen.has(l.id)) blocked.push(down(l));
      seen.add(l.id);
      return;
    }
    seen.add(l.id);
    if (l.kind === 'veth' && l.peer !== undefined) {
      arrive(linkById(world, l.peer), bridges);
    } else if (l.kind === 'ether') {
      for (const e of world.links) if (e.kind === 'ether' && e.id !== l.id) arrive(e, bridges);
    } else if (l.kind === 'bridge') {
      for (const p of portsOf(world, l)) send(p, bridges);
    }
  };
  send(out, []);
  return { reached, blocked };
}

/** The link on the segment that answers ARP for `ip` (Linux answers for any local address). */
export function resolveNeighbor(world: World, out: Link, ip: string): Reached | LocalText {
  const { reached, blocked } = segmentFrom(world, out);
  const owner =
    reached.find((r) => r.link.addrs.some((a) => a.ip === ip) && r.link.up) ??
    reached.find((r) => localLink(world, placeOf(r.link), ip) && r.link.kind !== 'loopback');
  if (owner) return owner;
  if (blocked[0]) return blocked[0];
  return {
    en: `nobody on ${out.name}'s link answers ARP for ${ip}`,
    ko: `${out.name} 링크에서 ${ip}의 ARP 요청에 아무도 응답하지 않습니다`,
  };
}

export interface NatEntry {
  readonly place: Place;
  readonly original: string;
  readonly translated: string;
  readonly peer: string;
}

export type WalkEnd =
  | { readonly kind: 'delivered'; readonly at: Place; readonly src: string; readonly dst: string }
  | { readonly kind: 'unreachable' }
  | {
      readonly kind: 'dropped';
      readonly at: Place;
      readonly reason: LocalText;
      /** The ICMP error a router sends back to the sender, when it sends one. */
      readonly icmp?: { readonly from: string; readonly to: string; readonly text: string };
    };

export interface Walk {
  readonly hops: Hop[];
  readonly end: WalkEnd;
}

/**
 * Sends one packet from `start`. `src` absent: the kernel picks it. `reply`: the packet answers
 * an earlier one, so NAT rules are not consulted (conntrack already knows the flow) but a
 * translated destination is turned back.
 */
export function walkPacket(
  world: World,
  start: Place,
  packet: { src?: string; dst: string },
  options: { reply: boolean; nat: NatEntry[] },
): Walk {
  const hops: Hop[] = [];
  let place = start;
  let inIface: string | undefined;
  let src = packet.src;
  let dst = packet.dst;
  for (let ttl = 64; ttl > 0; ttl--) {
    const first = inIface === undefined;
    const here = placeWords(world, place);
    if (!first) {
      const back = options.nat.find(
        (n) =>
          n.place.host === place.host && n.place.ns === place.ns && n.translated === dst && n.peer === src,
      );
      if (back) dst = back.original;
    }
    const found = lookupRoute(world, place, dst);
    if (found?.kind === 'local') {
      if (first) {
        const lo = findLink(world, place, 'lo');
        if (!lo?.up) {
          hops.push({ host: place.host, ns: place.ns });
          return drop(hops, place, {
            en: `lo is down in ${here.en}, and packets to the namespace's own addresses go through lo`,
            ko: `${here.ko}의 lo가 down 상태입니다. 자기 주소로 가는 패킷은 lo를 거칩니다`,
          });
        }
      }
      hops.push({ host: place.host, ns: place.ns, ...(inIface ? { inIface } : {}) });
      return { hops, end: { kind: 'delivered', at: place, src: src ?? dst, dst } };
    }
    const ns = namespaceOf(world, place);
    if (!first && !ns.ipForward) {
      hops.push({ host: place.host, ns: place.ns, inIface: inIface! });
      return drop(hops, place, {
        en: `${here.en} does not forward: ip_forward is 0`,
        ko: `${here.ko}는 패킷을 전달하지 않습니다. ip_forward가 0입니다`,
      });
    }
    if (!found) {
      if (first && !options.reply) return { hops, end: { kind: 'unreachable' } };
      hops.push({ host: place.host, ns: place.ns, ...(inIface ? { inIface } : {}) });
      const reason: LocalText = first
        ? {
            en: `no route back from ${here.en} to ${dst}`,
            ko: `${here.ko}에서 ${dst}에 돌아갈 경로가 없습니다`,
          }
        : {
            en: `no route to ${dst} in ${here.en}`,
            ko: `${here.ko}의 라우팅 테이블에 ${dst}에 맞는 경로가 없습니다`,
          };
      return drop(hops, place, reason, first ? undefined : icmpFrom(world, place, src, 'Net'));
    }
    const route = found.route;
    src ??= sourceAddress(world, place, route);
    if (src === undefined) {
      hops.push({ host: place.host, ns: place.ns });
      return drop(hops, place, {
        en: `${here.en} has no address to send from`,
        ko: `${here.ko}에 보낼 때 쓸 주소가 없습니다`,
      });
    }
    let snat: string | undefined;
    if (!options.reply) {
      const rule = ns.nat.find(
        (r) =>
          (!r.source || inPrefix(src!, r.source)) &&
          (r.outIface === undefined || (r.outIface === route.dev.name) !== r.outNegated),
      );
      const to = rule ? route.dev.addrs[0]?.ip : undefined;
      if (to && to !== src) {
        options.nat.push({ place, original: src, translated: to, peer: dst });
        snat = to;
        src = to;
      }
    }
    const nextHop = route.via ?? dst;
    const neighbor = resolveNeighbor(world, route.dev, nextHop);
    const hop: Hop = {
      host: place.host,
      ns: place.ns,
      ...(inIface ? { inIface } : {}),
      outIface: route.dev.name,
      ...(snat ? { snat } : {}),
    };
    if (!('link' in neighbor)) {
      hops.push(hop);
      return drop(hops, place, neighbor, icmpFrom(world, place, src, 'Host', first));
    }
    hops.push(neighbor.bridges.length ? { ...hop, via: neighbor.bridges } : hop);
    place = placeOf(neighbor.link);
    inIface = neighbor.link.name;
  }
  return drop(hops, place, {
    en: 'the packet went round in a loop until its TTL ran out',
    ko: '패킷이 루프를 돌다가 TTL이 바닥났습니다',
  });
}

function drop(
  hops: Hop[],
  at: Place,
  reason: LocalText,
  icmp?: { from: string; to: string; text: string },
): Walk {
  return { hops, end: { kind: 'dropped', at, reason, ...(icmp ? { icmp } : {}) } };
}

/** The router's address that an ICMP error back to `to` would come from. */
function icmpFrom(
  world: World,
  place: Place,
  to: string | undefined,
  what: 'Net' | 'Host',
  self = false,
): { from: string; to: string; text: string } | undefined {
  if (to === undefined) return undefined;
  const text = `Destination ${what} Unreachable`;
  if (self) return { from: to, to, text };
  const back = lookupRoute(world, place, to);
  if (back?.kind !== 'unicast') return undefined;
  const from = sourceAddress(world, place, back.route);
  return from ? { from, to, text } : undefined;
}

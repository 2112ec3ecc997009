// What `ip link`, `ip addr` and `ip route` print, token for token as iproute2 does (it ends
// every token with a space, so lines end with one). IPv4 only: a real kernel also lists IPv6
// link-local (fe80::) addresses, which the simulator leaves out.
import { formatDestination } from './ipv4';
import type { RouteEntry } from './routing';
import type { Link, World } from './types';
import { displayName, findNamespace, hasCarrier, linkById, operState, placeOf, samePlace } from './world';

function flagsOf(world: World, link: Link): string {
  const flags: string[] = [];
  const carrier = hasCarrier(world, link);
  if (link.up && !carrier) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else flags.push('BROADCAST', link.kind === 'dummy' ? 'NOARP' : 'MULTICAST');
  if (link.up) flags.push('UP');
  if (carrier) flags.push('LOWER_UP');
  let text = flags.join(',');
  if (link.peer !== undefined) {
    const peer = linkById(world, link.peer);
    if (samePlace(placeOf(peer), placeOf(link)) && !peer.up) text += ',M-DOWN';
  }
  return `<${text}>`;
}

function qdiscOf(link: Link): string {
  if (!link.everUp) return 'noop';
  return link.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

function masterText(world: World, link: Link): string {
  return link.master !== undefined ? `master ${linkById(world, link.master).name} ` : '';
}

/** ` link-netns red` for a veth whose peer lives in another namespace. */
function peerNetns(world: World, link: Link): string {
  if (link.peer === undefined) return '';
  const peer = linkById(world, link.peer);
  if (samePlace(placeOf(peer), placeOf(link))) return '';
  const ns = findNamespace(world, placeOf(peer));
  if (peer.ns === '' || !ns) return ` link-netnsid ${ns?.nsid ?? 0}`;
  return ` link-netns ${peer.ns}`;
}

function linkHeader(world: World, link: Link, withMode: boolean): string {
  const mtu = link.kind === 'loopback' ? 65536 : 1500;
  const mode = withMode ? 'mode DEFAULT ' : '';
  const kind = link.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  return (
    `${link.ifindex}: ${displayName(world, link)}: ${flagsOf(world, link)} mtu ${mtu} qdisc ${qdiscOf(link)} ` +
    `${masterText(world, link)}state ${operState(world, link)} ${mode}group default qlen 1000\n` +
    `    link/${kind} ${link.mac} brd ${brd}${peerNetns(world, link)}\n`
  );
}

export function printLinks(world: World, links: readonly Link[], brief: boolean): string {
  return links
    .map((l) =>
      brief
        ? `${displayName(world, l).padEnd(16)} ${operState(world, l).padEnd(14)} ${l.mac} ${flagsOf(world, l)} \n`
        : linkHeader(world, l, true),
    )
    .join('');
}

export function printAddresses(world: World, links: readonly Link[], brief: boolean): string {
  return links
    .map((l) => {
      if (brief) {
        const addrs = l.addrs.map((a) => `${a.ip}/${a.prefix} `).join('');
        return `${displayName(world, l).padEnd(16)} ${operState(world, l).padEnd(14)} ${addrs}\n`;
      }
      const scope = l.kind === 'loopback' ? 'host' : 'global';
      const lines = l.addrs.map(
        (a) =>
          `    inet ${a.ip}/${a.prefix} scope ${scope} ${l.name}\n` +
          `       valid_lft forever preferred_lft forever\n`,
      );
      return linkHeader(world, l, false) + lines.join('');
    })
    .join('');
}

export function printRoute(r: RouteEntry): string {
  let line = `${formatDestination(r.dst)} `;
  if (r.via !== undefined) line += `via ${r.via} `;
  line += `dev ${r.dev.name} `;
  if (r.proto === 'kernel') line += 'proto kernel ';
  if (r.scope === 'link') line += 'scope link ';
  if (r.src !== undefined) line += `src ${r.src} `;
  if (r.linkdown) line += 'linkdown ';
  return `${line}\n`;
}

/** `ip route get` for a destination the namespace owns. */
export function printRouteGetLocal(dst: string): string {
  return `local ${dst} dev lo table local src ${dst} uid 0 \n    cache <local> \n`;
}

export function printRouteGet(dst: string, r: RouteEntry, src: string | undefined): string {
  const via = r.via !== undefined ? `via ${r.via} ` : '';
  const from = src !== undefined ? `src ${src} ` : '';
  return `${dst} ${via}dev ${r.dev.name} ${from}uid 0 \n    cache \n`;
}

export function printNetnsList(names: readonly { name: string; nsid?: number }[]): string {
  return names.map((n) => `${n.name}${n.nsid !== undefined ? ` (id: ${n.nsid})` : ''}\n`).join('');
}

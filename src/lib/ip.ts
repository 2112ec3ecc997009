// IP addresses and CIDR blocks for ipBlock peers, pod IPs and node routes.
// Parsing is strict (dotted four-part IPv4, no leading-zero octets) as the API server's is;
// the arithmetic itself is ipaddr.js.
import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** A parsed IP address. `key` is a canonical string usable as a map key. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly key: string;
  readonly addr: ipaddr.IPv4 | ipaddr.IPv6;
}

/** A parsed CIDR block. `canonical` masks host bits off (10.0.0.7/8 → 10.0.0.0/8). */
export interface Cidr {
  readonly family: IpFamily;
  readonly text: string;
  readonly canonical: string;
  readonly network: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefix: number;
}

const LEADING_ZERO = /(^|\.)0\d/;

/** Parses an IPv4 or IPv6 address; null when it is not one. */
export function parseIp(text: string): IpAddress | null {
  const s = text.trim();
  if (s === '') return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
    if (LEADING_ZERO.test(s)) return null;
    const addr = ipaddr.IPv4.parse(s);
    return { family: 4, key: addr.toString(), addr };
  }
  if (s.includes(':') && ipaddr.IPv6.isValid(s) && !s.includes('%')) {
    const addr = ipaddr.IPv6.parse(s);
    return { family: 6, key: addr.toNormalizedString(), addr };
  }
  return null;
}

/** Parses `addr/prefix`; null when it is not a valid CIDR. */
export function parseCidr(text: string): Cidr | null {
  const s = text.trim();
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 4 ? 32 : 128)) return null;
  const network =
    ip.family === 4
      ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.addr.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${ip.addr.toString()}/${prefix}`);
  const netText = ip.family === 4 ? network.toString() : (network as ipaddr.IPv6).toRFC5952String();
  return { family: ip.family, text: s, canonical: `${netText}/${prefix}`, network, prefix };
}

/** True when the CIDR has host bits set (e.g. 192.168.5.10/24). */
export function hasHostBits(cidr: Cidr): boolean {
  const ip = parseIp(cidr.text.slice(0, cidr.text.indexOf('/')));
  return ip !== null && ip.key !== parseIp(cidr.canonical.slice(0, cidr.canonical.indexOf('/')))!.key;
}

/** Whether `ip` lies inside `cidr` (different families never match). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  return (ip.addr as ipaddr.IPv4).match(cidr.network as ipaddr.IPv4, cidr.prefix);
}

/** Whether `inner` lies inside `outer`; with `strict`, also smaller than it. */
export function cidrWithin(inner: Cidr, outer: Cidr, strict: boolean): boolean {
  if (inner.family !== outer.family) return false;
  if (inner.prefix < outer.prefix || (strict && inner.prefix === outer.prefix)) return false;
  return (inner.network as ipaddr.IPv4).match(outer.network as ipaddr.IPv4, outer.prefix);
}

/** Whether two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrWithin(a, b, false) || cidrWithin(b, a, false);
}

/** The IPv4 address `offset` places after the network address of `cidr`, or null past its end. */
export function ipv4AtOffset(cidr: Cidr, offset: number): IpAddress | null {
  if (cidr.family !== 4) return null;
  const size = 2 ** (32 - cidr.prefix);
  if (offset < 0 || offset >= size) return null;
  const base = (cidr.network as ipaddr.IPv4).octets.reduce((n, o) => n * 256 + o, 0);
  const n = base + offset;
  const addr = new ipaddr.IPv4([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  return { family: 4, key: addr.toString(), addr };
}

/** Number of addresses in an IPv4 block (Infinity-safe for IPv6: returns 2^53). */
export function cidrSize(cidr: Cidr): number {
  const bits = (cidr.family === 4 ? 32 : 128) - cidr.prefix;
  return bits >= 53 ? 2 ** 53 : 2 ** bits;
}

// Addresses as numbers and inclusive ranges (IPv4 and IPv6 alike, as bigints), cut into the
// elementary segments that ipBlock boundaries, podCIDRs and node addresses leave; and ranges
// turned back into the fewest CIDR blocks, for sentences.
import ipaddr from 'ipaddr.js';
import type { Cidr, IpAddress, IpFamily } from '../lib/ip';

/** An inclusive range of addresses of one family. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly lo: bigint;
  readonly hi: bigint;
}

const bits = (family: IpFamily): bigint => (family === 4 ? 32n : 128n);
export const familyMax = (family: IpFamily): bigint => (1n << bits(family)) - 1n;

/** The address as a number. */
export function ipValue(ip: IpAddress): bigint {
  if (ip.family === 4) return (ip.addr as ipaddr.IPv4).octets.reduce((n, o) => (n << 8n) | BigInt(o), 0n);
  return (ip.addr as ipaddr.IPv6).parts.reduce((n, p) => (n << 16n) | BigInt(p), 0n);
}

/** The address of a number (the inverse of ipValue). */
export function ipOfValue(family: IpFamily, v: bigint): IpAddress {
  if (family === 4) {
    const addr = new ipaddr.IPv4([24n, 16n, 8n, 0n].map((s) => Number((v >> s) & 255n)));
    return { family, key: addr.toString(), addr };
  }
  const parts = Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(112 - 16 * i)) & 0xffffn));
  const addr = new ipaddr.IPv6(parts);
  return { family, key: addr.toNormalizedString(), addr };
}

/** Text for an address as people write it (IPv6 shortened). */
export function ipText(family: IpFamily, v: bigint): string {
  const ip = ipOfValue(family, v);
  return family === 4 ? ip.key : (ip.addr as ipaddr.IPv6).toRFC5952String();
}

export function cidrRange(c: Cidr): AddressRange {
  const host = bits(c.family) - BigInt(c.prefix);
  const lo = ipValue({ family: c.family, key: '', addr: c.network });
  return { family: c.family, lo, hi: lo + (1n << host) - 1n };
}

export const rangeSize = (r: AddressRange): bigint => r.hi - r.lo + 1n;
export const inRange = (r: AddressRange, family: IpFamily, v: bigint): boolean =>
  r.family === family && v >= r.lo && v <= r.hi;

/**
 * The elementary segments of one family's space: every range given starts a segment and ends
 * one, so each segment lies wholly inside or wholly outside every given range.
 */
export function segmentsOf(family: IpFamily, ranges: readonly AddressRange[]): AddressRange[] {
  const max = familyMax(family);
  const cuts = new Set<bigint>([0n]);
  for (const r of ranges) {
    if (r.family !== family) continue;
    cuts.add(r.lo);
    if (r.hi < max) cuts.add(r.hi + 1n);
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((lo, i) => ({ family, lo, hi: i + 1 < sorted.length ? sorted[i + 1]! - 1n : max }));
}

/** Sorted, with touching or overlapping ranges joined. */
export function mergeRanges(ranges: readonly AddressRange[]): AddressRange[] {
  const sorted = [...ranges].sort((a, b) =>
    a.family !== b.family ? a.family - b.family : a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0,
  );
  const out: AddressRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && last.family === r.family && r.lo <= last.hi + 1n) {
      if (r.hi > last.hi) out[out.length - 1] = { ...last, hi: r.hi };
    } else out.push(r);
  }
  return out;
}

/** The addresses of `family` that none of `ranges` covers. */
export function complementRanges(family: IpFamily, ranges: readonly AddressRange[]): AddressRange[] {
  const out: AddressRange[] = [];
  let next = 0n;
  for (const r of mergeRanges(ranges.filter((x) => x.family === family))) {
    if (r.lo > next) out.push({ family, lo: next, hi: r.lo - 1n });
    next = r.hi + 1n;
  }
  if (next <= familyMax(family)) out.push({ family, lo: next, hi: familyMax(family) });
  return out;
}

/** The fewest CIDR blocks covering exactly the range: `10.0.0.0/8`, `192.168.5.10/32`… */
export function rangeToCidrs(r: AddressRange): string[] {
  const out: string[] = [];
  const width = bits(r.family);
  let lo = r.lo;
  while (lo <= r.hi) {
    let size = 0n;
    while (size < width) {
      const next = size + 1n;
      const block = 1n << next;
      if (lo % block !== 0n || lo + block - 1n > r.hi) break;
      size = next;
    }
    out.push(`${ipText(r.family, lo)}/${width - size}`);
    lo += 1n << size;
  }
  return out;
}

// Address arithmetic and stable names for the topology model: a block's first host (the bridge's
// .1), the smallest block several addresses share, and FNV-1a hashes for interface names.
// Everything here is a pure function of its arguments, so the same scenario names things the same.
import ipaddr from 'ipaddr.js';
import { parseCidr, parseIp, type Cidr, type IpAddress } from '../lib/ip';

/** The address `offset` places after the network address of `cidr` (IPv4 and IPv6); null past its end. */
export function addressAtOffset(cidr: Cidr, offset: number): IpAddress | null {
  const bits = cidr.family === 4 ? 32 : 128;
  const hostBits = bits - cidr.prefix;
  if (offset < 0 || (hostBits < 53 && offset >= 2 ** hostBits)) return null;
  const bytes = cidr.network.toByteArray();
  let carry = offset;
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i--) {
    const sum = bytes[i]! + (carry % 256);
    bytes[i] = sum % 256;
    carry = Math.floor(carry / 256) + (sum >= 256 ? 1 : 0);
  }
  return parseIp(ipaddr.fromByteArray(bytes).toString());
}

/**
 * The first host of a block: where a CNI bridge plugin puts the node's bridge (`ip addr add
 * 10.244.1.1/24 dev cni0`). For a /32 (or /128) that is the block's only address.
 */
export function firstHost(cidr: Cidr): IpAddress {
  return addressAtOffset(cidr, 1) ?? addressAtOffset(cidr, 0)!;
}

/**
 * The smallest block holding every address, widened to at most `maxPrefix` bits (a /24 for
 * IPv4 nodes on one LAN). Undefined for no addresses or mixed families.
 */
export function commonBlock(ips: readonly IpAddress[], maxPrefix?: number): Cidr | undefined {
  const first = ips[0];
  if (!first || ips.some((ip) => ip.family !== first.family)) return undefined;
  const bits = first.family === 4 ? 32 : 128;
  const limit = Math.min(bits, maxPrefix ?? (first.family === 4 ? 24 : 64));
  const base = first.addr.toByteArray();
  let prefix = limit;
  for (const ip of ips) {
    const bytes = ip.addr.toByteArray();
    for (let bit = 0; bit < prefix; bit++) {
      const mask = 0x80 >> (bit % 8);
      if ((bytes[bit >> 3]! & mask) !== (base[bit >> 3]! & mask)) {
        prefix = bit;
        break;
      }
    }
  }
  return parseCidr(`${first.key}/${prefix}`) ?? undefined;
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 lower-case hex digits. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

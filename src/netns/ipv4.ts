// IPv4 arithmetic for the simulator: addresses as 32-bit numbers, prefixes, and the parsing
// rules iproute2 uses (`10.244.2/24` is 10.244.2.0/24; a missing length means a host route).
import type { Address } from './types';

/** 32-bit unsigned value of a dotted quad (caller has validated it). */
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The network address of `ip/prefix`. */
export function networkOf(ip: string, prefix: number): string {
  return intToIp((ipToInt(ip) & maskOf(prefix)) >>> 0);
}

export function inPrefix(ip: string, net: Address): boolean {
  const m = maskOf(net.prefix);
  return (ipToInt(ip) & m) >>> 0 === (ipToInt(net.ip) & m) >>> 0;
}

/** A dotted quad as iproute2 reads it: one to four parts of 0–255, missing parts are 0. */
export function parseAddress(text: string): string | null {
  if (!/^\d{1,3}(\.\d{1,3}){0,3}$/.test(text)) return null;
  const parts = text.split('.').map(Number);
  if (parts.some((p) => p > 255)) return null;
  while (parts.length < 4) parts.push(0);
  return parts.join('.');
}

/** `ADDR[/LEN]`; without a length it is a host address (/32). */
export function parsePrefix(text: string): Address | null {
  const slash = text.indexOf('/');
  const ip = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return null;
  if (slash < 0) return { ip, prefix: 32 };
  const len = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return null;
  return { ip, prefix: Number(len) };
}

export function formatAddress(a: Address): string {
  return `${a.ip}/${a.prefix}`;
}

/** How iproute2 prints a route's destination: `default`, a host address, or `net/len`. */
export function formatDestination(a: Address): string {
  if (a.prefix === 0) return 'default';
  return a.prefix === 32 ? a.ip : `${a.ip}/${a.prefix}`;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.ip === b.ip && a.prefix === b.prefix;
}

// Address arithmetic for peer classes: numbers, segments, complements and CIDR covers.
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIp } from '../lib/ip';
import {
  cidrRange,
  complementRanges,
  ipOfValue,
  ipText,
  ipValue,
  mergeRanges,
  rangeToCidrs,
  segmentsOf,
} from './address-space';

const v4 = (lo: string, hi: string) => ({
  family: 4 as const,
  lo: ipValue(parseIp(lo)!),
  hi: ipValue(parseIp(hi)!),
});

describe('address space', () => {
  it('numbers round-trip for both families', () => {
    for (const text of ['0.0.0.0', '10.244.1.5', '255.255.255.255', '2001:db8::1', '::'])
      expect(ipOfValue(parseIp(text)!.family, ipValue(parseIp(text)!)).key).toBe(parseIp(text)!.key);
    expect(ipText(6, ipValue(parseIp('2001:db8::10')!))).toBe('2001:db8::10');
  });

  it.each([
    ['10.0.0.1', '10.0.0.6', ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']],
    ['10.0.0.0', '10.255.255.255', ['10.0.0.0/8']],
    ['0.0.0.0', '255.255.255.255', ['0.0.0.0/0']],
    ['192.168.5.10', '192.168.5.10', ['192.168.5.10/32']],
  ])('%s-%s is covered by %j', (lo, hi, want) => {
    expect(rangeToCidrs(v4(lo, hi))).toEqual(want);
  });

  it('segments: every range starts and ends one; the complement of the pod network is the rest', () => {
    const pods = cidrRange(parseCidr('10.244.0.0/16')!);
    const one = cidrRange(parseCidr('10.244.1.5/32')!);
    expect(segmentsOf(4, [pods, one]).flatMap(rangeToCidrs).slice(0, 1)).toEqual(['0.0.0.0/5']);
    expect(segmentsOf(4, [pods, one]).filter((s) => s.lo >= pods.lo && s.hi <= pods.hi)).toHaveLength(3);
    expect(complementRanges(4, [pods]).map((r) => rangeToCidrs(r).length)).toEqual([7, 9]);
    expect(mergeRanges([v4('10.0.0.4', '10.0.0.9'), v4('10.0.0.0', '10.0.0.3')])).toEqual([
      v4('10.0.0.0', '10.0.0.9'),
    ]);
  });
});

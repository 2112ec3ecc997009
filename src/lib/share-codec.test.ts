import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { deflateBomb } from '../testing/deflate-bomb';
import {
  decodeShareFragment,
  encodeShareFragment,
  MAX_FRAGMENT_CHARS,
  SHARE_PREFIX,
  type SharedFrame,
} from './share-codec';

const port = fc.record({
  port: fc.integer({ min: 1, max: 65535 }),
  protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
});
const name = fc.string({ maxLength: 40 });
const frame: fc.Arbitrary<SharedFrame> = fc.record(
  {
    scenario: fc.string({ unit: 'grapheme', maxLength: 2000 }),
    locale: fc.constantFrom('en' as const, 'ko' as const),
    lesson: fc.record({ id: name, step: name }, { requiredKeys: ['id'] }),
    flow: fc.record({ from: name, to: name }),
    port,
    packet: fc.record({ from: name, to: name, port, step: fc.integer({ min: 0, max: 10_000 }) }),
  },
  { requiredKeys: ['scenario'] },
);

describe('share links', () => {
  it('state → link → state is identical', () => {
    fc.assert(
      fc.property(frame, (f) => {
        expect(decodeShareFragment(encodeShareFragment(f))).toEqual({ frame: f });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the default scenario short enough to paste into chat', () => {
    const link = encodeShareFragment({
      scenario: DEFAULT,
      locale: 'ko',
      flow: { from: 'prod/web', to: 'prod/db' },
      port: { port: 3306, protocol: 'TCP' },
    });
    expect(link.startsWith(SHARE_PREFIX)).toBe(true);
    expect(link.length).toBeLessThan(DEFAULT.length / 2);
    expect(decodeShareFragment(`#${link}`)).toMatchObject({ frame: { locale: 'ko' } });
  });

  it('carries a lesson and its step, or a lesson alone', () => {
    for (const lesson of [
      { id: 'a-01-no-policy-no-isolation', step: 'isolate-db' },
      { id: 'a-01-no-policy-no-isolation' },
    ]) {
      const f: SharedFrame = { scenario: DEFAULT, lesson, flow: { from: 'prod/web', to: 'prod/db' } };
      expect(decodeShareFragment(encodeShareFragment(f))).toEqual({ frame: f });
    }
  });

  it('rejects damaged, foreign, oversized and ill-shaped links with a message', () => {
    const bomb =
      SHARE_PREFIX + Buffer.from(deflateSync(new Uint8Array(20_000_000), { level: 9 })).toString('base64url');
    const shape = (v: unknown) =>
      SHARE_PREFIX + Buffer.from(deflateSync(strToU8(JSON.stringify(v)))).toString('base64url');
    for (const bad of [
      'x=1',
      's=v2.abc',
      `${SHARE_PREFIX}not*base64`,
      `${SHARE_PREFIX}AAAA`,
      bomb,
      shape([1, 2]),
      shape({ scenario: 1 }),
      shape({ scenario: 'a', extra: true }),
      shape({ scenario: 'a', locale: 'fr' }),
      shape({ scenario: 'a', port: { port: 0, protocol: 'TCP' } }),
      shape({ scenario: 'a', packet: { from: 'a', to: 'b', port: { port: 80, protocol: 'TCP' }, step: -1 } }),
      shape({ scenario: '<img src=x onerror=alert(1)>', lesson: { id: 5 } }),
      shape({ scenario: 'a', lesson: { id: 'a-01-x', step: 2 } }),
      shape({ scenario: 'a', lesson: { id: 'a-01-x', title: 'x' } }),
      shape({ scenario: 'a', lesson: 'a-01-x' }),
    ]) {
      const r = decodeShareFragment(bad);
      expect('error' in r, bad.slice(0, 40)).toBe(true);
      if ('error' in r) expect(r.error.ko).toMatch(/링크/);
    }
  });

  it('refuses a 1.9 MB link that would inflate to 1.4 GB, saying why', () => {
    const link = SHARE_PREFIX + Buffer.from(deflateBomb(1400)).toString('base64url');
    expect(link.length).toBeGreaterThan(1_900_000);
    expect(link.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const r = decodeShareFragment(link);
    expect(r).toEqual({
      error: {
        en: 'This link cannot be opened: it unpacks to more than 5 MB',
        ko: '이 링크를 열 수 없습니다: 풀면 5MB가 넘습니다',
      },
    });
  });

  it('fuzz: random fragments never throw', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void decodeShareFragment(SHARE_PREFIX + s)),
      { numRuns: 300 },
    );
  });
});

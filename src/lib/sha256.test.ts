// The pure SHA-256 against FIPS 180-4 examples and digests computed with OpenSSL (node:crypto, which
// the pure core may not import), padding boundaries and UTF-8 included; base32 against RFC 4648;
// both together against kube-proxy's own chain names (pkg/proxy/iptables tests).
import { describe, expect, it } from 'vitest';
import { base32, sha256, utf8 } from './sha256';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('pads correctly around the 55/56/64-byte boundaries and over two blocks', () => {
    expect(hex(sha256('a'.repeat(55)))).toBe(
      '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318',
    );
    expect(hex(sha256('a'.repeat(56)))).toBe(
      'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a',
    );
    expect(hex(sha256('a'.repeat(64)))).toBe(
      'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb',
    );
    expect(hex(sha256('a'.repeat(119)))).toBe(
      '31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb',
    );
  });

  it('hashes the UTF-8 bytes (Hangul, a symbol, an astral emoji)', () => {
    expect([...utf8('é✓🚀')]).toEqual([0xc3, 0xa9, 0xe2, 0x9c, 0x93, 0xf0, 0x9f, 0x9a, 0x80]);
    expect(hex(sha256('파드 네트워크 ✓ 🚀'))).toBe(
      '369011851ccbcc6cbcc822913e3f983be1f651d4a12bd4236ad47db3723f43fb',
    );
  });
});

describe('base32', () => {
  it('matches RFC 4648 (without padding)', () => {
    const enc = (s: string): string => base32(utf8(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'MY',
      'MZXQ',
      'MZXW6',
      'MZXW6YQ',
      'MZXW6YTB',
      'MZXW6YTBOI',
    ]);
  });

  it("gives kube-proxy's chain hashes: KUBE-SVC-XPGD46QRK7WJZT7O for ns1/svc1:p80 tcp", () => {
    expect(base32(sha256('ns1/svc1:p80tcp')).slice(0, 16)).toBe('XPGD46QRK7WJZT7O');
    expect(base32(sha256('ns1/svc1:p80tcp10.180.0.1:80')).slice(0, 16)).toBe('SXIVWICOYRO3J4NJ');
  });
});

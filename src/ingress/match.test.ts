// Ingress matching as networking.k8s.io/v1 defines it: hosts (exact, one-label wildcards, none),
// every pathType, the longest path first, several Ingresses merged, defaultBackend and 404.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostMatches, matchIngress, pathMatches, type IngressSpec, type PathType } from './match';

describe('pathMatches', () => {
  it.each([
    // [pathType, rule path, request path, matches]
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo', '/FOO', false],
    ['Prefix', '/', '/anything/at/all', true],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo', '/foo/bar', true],
    ['Prefix', '/foo', '/foobar', false],
    ['Prefix', '/foo/bar', '/foo/bar/baz', true],
    ['Prefix', '/foo/bar', '/foo/barbaz', false],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['ImplementationSpecific', '/foo', '/foobar', true],
    ['ImplementationSpecific', '/foo', '/bar', false],
  ])('%s %s vs %s: %s', (pathType, path, request, expected) => {
    expect(pathMatches({ path, pathType: pathType as PathType }, request)).toBe(expected);
  });

  it('Prefix is element-wise: a rule matches a request whose elements it starts', () => {
    const seg = fc.stringMatching(/^[a-c]{1,2}$/);
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 4 }), fc.array(seg, { maxLength: 3 }), (rule, more) => {
        const path = `/${rule.join('/')}`;
        expect(pathMatches({ path, pathType: 'Prefix' }, `/${[...rule, ...more].join('/')}`)).toBe(true);
        if (rule.length > 0)
          expect(
            pathMatches(
              { path, pathType: 'Prefix' },
              `/${[...rule.slice(0, -1), `${rule.at(-1)}x`].join('/')}`,
            ),
          ).toBe(false);
      }),
    );
  });
});

describe('hostMatches', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', true],
    ['foo.bar.com', 'FOO.bar.com'.toLowerCase(), true],
    ['*.bar.com', 'foo.bar.com', true],
    ['*.bar.com', 'baz.foo.bar.com', false],
    ['*.bar.com', 'bar.com', false],
    [undefined, 'anything.example', true],
  ])('%s vs %s: %s', (rule, host, expected) => {
    expect(hostMatches(rule, host)).toBe(expected);
  });
});

const ing = (name: string, spec: Partial<IngressSpec>): IngressSpec => ({
  namespace: 'shop',
  name,
  tls: [],
  rules: [],
  ...spec,
});
const route = (path: string, pathType: PathType, service: string) => ({
  path,
  pathType,
  backend: { service, port: 80 },
});

const shop = ing('shop', {
  tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
  rules: [
    {
      host: 'shop.example.com',
      paths: [
        route('/', 'Prefix', 'web'),
        route('/api', 'Prefix', 'api'),
        route('/api/cart', 'Exact', 'cart'),
      ],
    },
    { host: '*.example.com', paths: [route('/', 'Prefix', 'wild')] },
  ],
});
const other = ing('other', {
  rules: [
    { host: 'shop.example.com', paths: [route('/api/cart/items', 'Prefix', 'items')] },
    { paths: [route('/health', 'Exact', 'health')] },
  ],
});

describe('matchIngress', () => {
  it.each([
    ['shop.example.com', '/api/cart', 'cart'],
    ['shop.example.com', '/api/cart/', 'api'],
    ['shop.example.com', '/api/orders', 'api'],
    ['shop.example.com', '/apix', 'web'],
    ['shop.example.com:443', '/', 'web'],
    ['shop.example.com', '/api/cart/items/3', 'items'],
    ['blog.example.com', '/', 'wild'],
    ['a.blog.example.com', '/health', 'health'],
  ])('%s%s → %s (two Ingresses merged)', (host, path, service) => {
    const r = matchIngress([shop, other], host, path);
    expect(r.kind === 'matched' && r.match.backend.service).toBe(service);
  });

  it('names the TLS secret that terminates https for the host', () => {
    const r = matchIngress([shop], 'shop.example.com', '/', true);
    expect(r.kind === 'matched' && r.match.tls?.secretName).toBe('shop-tls');
    const plain = matchIngress([shop], 'shop.example.com', '/', false);
    expect(plain.kind === 'matched' && plain.match.tls).toBeUndefined();
  });

  it('no rule: the defaultBackend, else the controller answers 404', () => {
    const fallback = ing('fallback', { defaultBackend: { service: 'sorry', port: 80 } });
    const r = matchIngress([shop, fallback], 'other.org', '/');
    expect(r.kind === 'matched' && [r.match.by, r.match.backend.service]).toEqual([
      'default-backend',
      'sorry',
    ]);
    const none = matchIngress([shop], 'other.org', '/');
    expect(none.kind).toBe('not-found');
    expect(none.kind === 'not-found' && none.text.en).toContain('404');
  });

  it('on an equal host and path, the first Ingress in scenario order wins', () => {
    const a = ing('a', { rules: [{ host: 'x.io', paths: [route('/', 'Prefix', 'first')] }] });
    const b = ing('b', { rules: [{ host: 'x.io', paths: [route('/', 'Prefix', 'second')] }] });
    const r = matchIngress([a, b], 'x.io', '/');
    expect(r.kind === 'matched' && r.match.ingress).toBe('shop/a');
  });
});

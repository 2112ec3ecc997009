// How lessons name ports and endpoints, and how the page maps those names to its endpoint keys.
import { describe, expect, it } from 'vitest';
import { scenario, namespace, pod } from '../testing/scenario';
import { endpointKeyOf, parsePort } from './refs';

describe('parsePort', () => {
  it.each([
    [80, { port: 80, protocol: 'TCP' }],
    ['53/UDP', { port: 53, protocol: 'UDP' }],
    ['53/udp', { port: 53, protocol: 'UDP' }],
    [' 9000/SCTP ', { port: 9000, protocol: 'SCTP' }],
  ])('%j', (input, want) => expect(parsePort(input)).toEqual(want));

  it.each([0, 65536, '80/ICMP', 'http', '', null, 8.5])('rejects %j', (input) =>
    expect(parsePort(input)).toBeUndefined(),
  );
});

describe('endpointKeyOf', () => {
  const c = scenario(
    namespace('prod'),
    pod('prod/web', { role: 'web' }),
    'apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: user}\nspec: {ip: 203.0.113.10}',
  );

  it('pods by namespace/name, ExternalEndpoints by name (their key is the IP), IPs as they are', () => {
    expect(endpointKeyOf(c, 'prod/web')).toBe('prod/web');
    expect(endpointKeyOf(c, 'user')).toBe('203.0.113.10');
    expect(endpointKeyOf(c, '192.168.5.10')).toBe('192.168.5.10');
  });

  it('an unknown name has no key', () => {
    expect(endpointKeyOf(c, 'prod/db')).toBeUndefined();
    expect(endpointKeyOf(c, 'web')).toBeUndefined();
  });
});

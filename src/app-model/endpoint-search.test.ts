import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from './model-view';
import {
  joinMatrixFilter,
  matches,
  parseMatrixFilter,
  parseTerms,
  searchEndpoints,
  splitMatrixFilter,
} from './endpoint-search';

const E: EndpointInfo[] = [
  {
    key: 'shop/web-7d4b9c-abcde',
    kind: 'pod',
    ip: '10.244.1.5',
    namespace: 'shop',
    workload: 'shop/web',
    workloadKind: 'Deployment',
  },
  {
    key: 'shop/api-5f6d8-qqqq',
    kind: 'pod',
    ip: '10.244.1.20',
    namespace: 'shop',
    workload: 'shop/api',
    workloadKind: 'Deployment',
  },
  {
    key: 'kube-system/coredns-x',
    kind: 'pod',
    ip: '10.244.2.2',
    namespace: 'kube-system',
    workload: 'kube-system/coredns',
  },
  { key: '203.0.113.9', kind: 'external', ip: '203.0.113.9', name: 'partner' },
];

describe('endpoint search', () => {
  it.each([
    ['10.244.1.20', ['shop/api-5f6d8-qqqq']],
    ['10.244.1.0/24', ['shop/web-7d4b9c-abcde', 'shop/api-5f6d8-qqqq']],
    ['w:shop/web', ['shop/web-7d4b9c-abcde']],
    ['ns:kube-system', ['kube-system/coredns-x']],
    ['partner', ['203.0.113.9']],
    ['api, coredns', ['shop/api-5f6d8-qqqq', 'kube-system/coredns-x']],
    ['shop -api', ['shop/web-7d4b9c-abcde']],
    ['10.244.1.2', []], // an IP names one address, not a prefix of others
  ])('%s', (text, keys) => {
    expect(searchEndpoints(E, text).map((i) => E[i]!.key)).toEqual(keys);
  });

  it('ranks an exact IP or key before partial matches', () => {
    expect(searchEndpoints(E, 'shop/api-5f6d8-qqqq web').map((i) => E[i]!.key)).toEqual([
      'shop/api-5f6d8-qqqq',
      'shop/web-7d4b9c-abcde',
    ]);
  });

  it('the matrix filter reads ROWS -> COLUMNS, or one list for both', () => {
    const f = parseMatrixFilter('ns:shop -> 10.244.2.0/24');
    expect(E.filter((e) => matches(e, f.rows)).map((e) => e.key)).toEqual([
      'shop/web-7d4b9c-abcde',
      'shop/api-5f6d8-qqqq',
    ]);
    expect(E.filter((e) => matches(e, f.columns)).map((e) => e.key)).toEqual(['kube-system/coredns-x']);
    const both = parseMatrixFilter('web');
    expect(both.rows).toEqual(both.columns);
    expect(parseTerms('')).toEqual({ include: [], exclude: [] });
    expect(splitMatrixFilter(joinMatrixFilter('a b', 'c'))).toEqual({ rows: 'a b', columns: 'c' });
    expect(splitMatrixFilter(joinMatrixFilter('a', null))).toEqual({ rows: 'a', columns: null });
  });
});

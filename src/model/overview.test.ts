import { describe, expect, it } from 'vitest';
import { clusterOverview, workloadOf } from './overview';

describe('workloadOf', () => {
  it.each([
    [{ name: 'web-7d4b9c8f6d-x2k9p', labels: {} }, 'web'],
    [{ name: 'node-exporter-4xk2z', labels: {} }, 'node-exporter'],
    [{ name: 'db-0', labels: {} }, 'db'],
    [{ name: 'standalone', labels: {} }, 'standalone'],
    [{ name: 'anything-1', labels: { app: 'shop' } }, 'shop'],
    [{ name: 'x', labels: { 'app.kubernetes.io/name': 'cart', app: 'other' } }, 'cart'],
    [{ name: 'coredns-abcde', labels: { 'k8s-app': 'kube-dns' } }, 'kube-dns'],
  ])('%j → %s', (pod, expected) => {
    expect(workloadOf(pod)).toBe(expected);
  });
});

describe('clusterOverview', () => {
  it('counts pods per namespace and workload, largest first, and the policies of each namespace', () => {
    const pods = [
      { namespace: 'prod', name: 'web-7d4b9c8f6d-x2k9p', labels: {} },
      { namespace: 'prod', name: 'web-7d4b9c8f6d-q8r4t', labels: {} },
      { namespace: 'prod', name: 'db-0', labels: {} },
      { namespace: 'dev', name: 'a', labels: {} },
    ];
    expect(clusterOverview(pods, ['prod/deny', 'prod/allow', 'ops/audit'])).toEqual({
      pods: 4,
      namespaces: [
        {
          name: 'prod',
          pods: 3,
          workloads: [
            { name: 'web', pods: 2 },
            { name: 'db', pods: 1 },
          ],
          policies: 2,
        },
        { name: 'dev', pods: 1, workloads: [{ name: 'a', pods: 1 }], policies: 0 },
        { name: 'ops', pods: 0, workloads: [], policies: 1 },
      ],
    });
  });
});

// The platform engineer's views on a real dump (YAML and JSON): pods grouped into workloads
// through owner references, the matrix counted per group, the queries, and CI expectations.
import { describe, expect, it } from 'vitest';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { aggregateMatrix, groupEndpoints, groupVerdict, inNamespaces } from './aggregate';
import { analyzeScenario } from './analyze';
import { buildEndpoints } from './endpoints';
import { checkExpectation, readExpectations } from './expectations';
import { computeFlowMatrix } from './flow-matrix';
import { coverCidr, policiesSelecting, whatCanReach, whoCanReach } from './queries';
import { buildServices } from './services';
import { workloadResolver } from './workloads';

describe.each(REAL_CLUSTER_DUMPS)('on a real dump ($name)', (file) => {
  const { cluster } = analyzeScenario([file]);
  const endpoints = buildEndpoints(cluster);
  const services = buildServices(cluster);
  const at = (key: string) => endpoints.findIndex((e) => e.key === key);

  it('groups pods by workload: ReplicaSet → Deployment, DaemonSet; finished Job pods are not endpoints', () => {
    const groups = groupEndpoints(cluster, endpoints, 'workload');
    expect(groups.map((g) => [g.label, g.kind, g.members.length])).toEqual([
      ['shop/web', 'Deployment', 4],
      ['shop/api', 'Deployment', 1],
      ['kube-system/kube-proxy', 'DaemonSet', 1],
    ]);
    const of = workloadResolver(cluster);
    const job = cluster.inactivePods.find((p) => p.name === 'report-28391-xyz')!;
    expect(of(job).label).toBe('batch/report'); // Job → CronJob
    expect(of(job).kind).toBe('CronJob');
  });

  it('counts each group pair: all, some or none of the pod flows', () => {
    const m = computeFlowMatrix(cluster.policies, endpoints, [{ port: 8080, protocol: 'TCP' }]);
    const g = aggregateMatrix(m, groupEndpoints(cluster, endpoints, 'workload'));
    const cell = (a: number, b: number) => g.cells[0]![a]![b]!;
    expect([cell(1, 0), groupVerdict(cell(1, 0))]).toEqual([{ allowed: 4, total: 4 }, 'all']);
    expect([cell(0, 0), groupVerdict(cell(0, 0))]).toEqual([{ allowed: 0, total: 12 }, 'none']);
    expect(groupVerdict(cell(2, 0))).toBe('some');
    expect(groupVerdict(cell(1, 1))).toBe('n/a'); // one pod: only itself
  });

  it('filters by namespace, keeping outside peers', () => {
    const kept = inNamespaces(buildEndpoints(cluster, ['203.0.113.9']), ['kube-system']);
    expect(kept.map((e) => e.key)).toEqual(['kube-system/kube-proxy-w1', '203.0.113.9']);
  });

  it('which policies select a pod, who can reach it on its ports, what it can reach', () => {
    expect(policiesSelecting(cluster.policies, endpoints[at('shop/web-7d4b9c-abcde')]!)).toEqual({
      ingress: ['shop/web-from-partners'],
      egress: [],
    });
    const who = whoCanReach(cluster.policies, endpoints, at('shop/web-7d4b9c-abcde'));
    expect(who.map((r) => [r.port.port, r.allowed.map((i) => endpoints[i]!.key)])).toEqual([
      [8080, ['shop/api-5f6d8-qqqq', 'kube-system/kube-proxy-w1']],
    ]);
    const what = whatCanReach(cluster.policies, endpoints, at('shop/api-5f6d8-qqqq'));
    expect(what.allowed.map((r) => `${endpoints[r.to]!.key}:${r.port.port}`)).toContain(
      'shop/web-7d4b9c-abcde:8080',
    );
  });

  it('what a CIDR covers: pods, old IPs of finished pods, Service addresses, ipBlocks', () => {
    const c = coverCidr(cluster, endpoints, services, '10.244.1.0/24')!;
    expect(c.pods.map((p) => p.key)).toEqual([
      'shop/web-7d4b9c-abcde',
      'shop/web-7d4b9c-old',
      'shop/api-5f6d8-qqqq',
    ]);
    expect(c.inactivePods).toEqual(['batch/report-28391-xyz']);
    const s = coverCidr(cluster, endpoints, services, '10.96.10.30')!;
    expect(s.services).toEqual([{ service: 'shop/db', what: 'ClusterIP', ip: '10.96.10.30' }]);
    expect(s.ipBlocks.map((b) => `${b.policy} ${b.direction}[${b.rule}]`)).toEqual([
      'shop/api-egress egress[0]',
    ]);
  });

  it('checks reachability promises by workload, Service and pod, with their positions', () => {
    const { expectations, diagnostics } = readExpectations({
      name: 'expect.yaml',
      text: [
        '- {from: shop/api, to: shop/web, port: 8080, expect: allow}',
        '- {from: shop/web, to: shop/web, port: 8080/TCP, expect: deny}',
        '- {from: shop/api, to: svc:shop/db, port: 5432, expect: allow}',
        '- {from: shop/nobody, to: shop/web, port: 80, expect: deny}',
        '',
      ].join('\n'),
    });
    expect(diagnostics).toEqual([]);
    const results = expectations.map((x) => checkExpectation(cluster, endpoints, services, x));
    expect(results.map((r) => [r.expectation.at.line, r.passed, r.pairs.length])).toEqual([
      [1, true, 4],
      [2, true, 12],
      [3, false, 1],
      [4, false, 0],
    ]);
    expect(results[3]!.error?.en).toBe('nothing named shop/nobody: no pod, workload, Service or address');
  });
});

describe('expectations file errors', () => {
  it.each([
    ['- {from: a, to: b, port: http, expect: allow}\n', '1:26 port'],
    ['- {from: a, to: b, port: 80, expect: maybe}\n', '1:38 expect'],
    ['- {to: b, port: 80, expect: deny}\n', '1:3 from'],
  ])('%s', (text, want) => {
    const { diagnostics } = readExpectations({ name: 'e.yaml', text });
    const d = diagnostics[0]!;
    expect(`${d.line}:${d.col} ${d.message.en.split(':')[0]}`).toBe(want);
  });
});

describe('aggregateMatrix', () => {
  it('equals counting every pod pair by hand, outside peers included (generated clusters)', async () => {
    const { generateScenarioYaml } = await import('../testing/generate-cluster');
    for (const seed of [1, 2, 3]) {
      const { cluster } = analyzeScenario([
        { name: 'g.yaml', text: generateScenarioYaml({ pods: 60, policies: 15, seed }) },
      ]);
      const endpoints = buildEndpoints(cluster, ['203.0.113.9', '192.168.5.10']);
      const ports = [
        { port: 80, protocol: 'TCP' as const },
        { port: 5432, protocol: 'TCP' as const },
      ];
      const m = computeFlowMatrix(cluster.policies, endpoints, ports);
      for (const by of ['workload', 'namespace', 'pod'] as const) {
        const groups = groupEndpoints(cluster, endpoints, by);
        const g = aggregateMatrix(m, groups);
        ports.forEach((_, pi) =>
          groups.forEach((from, f) =>
            groups.forEach((to, t) => {
              let allowed = 0;
              let total = 0;
              for (const s of from.members)
                for (const d of to.members) {
                  if (s === d || (endpoints[s]!.kind === 'external' && endpoints[d]!.kind === 'external'))
                    continue;
                  total++;
                  if (m.allowed[pi]![s]!.has(d)) allowed++;
                }
              expect(g.cells[pi]![f]![t], `${seed} ${by} ${from.key} → ${to.key}`).toEqual({
                allowed,
                total,
              });
            }),
          ),
        );
      }
    }
  });
});

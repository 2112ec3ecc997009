// `netlab check` and `netlab matrix --peer` on a real dump: an address that is a Service's is the
// Service — kube-proxy's DNAT first, then the policies on each endpoint — as `trace` shows it.
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../engine/analyze';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { parseArgs } from './args';
import { printedText } from './output';
import { runCommand } from './run';
import { runTest } from './test-command';

describe.each(REAL_CLUSTER_DUMPS)('on a real dump ($name)', (file) => {
  const analysis = analyzeScenario([file]);
  const run = (...argv: string[]) => {
    const r = runCommand(parseArgs([argv[0]!, file.name, ...argv.slice(1)]), analysis);
    return { ...r, stdout: printedText(r.stdout) };
  };

  it('check to a ClusterIP: DNAT first, then the endpoint; the ipBlock naming the ClusterIP does not match', () => {
    const r = run('check', '--from', 'shop/api-5f6d8-qqqq', '--to', '10.96.10.30', '--port', '5432');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('shop/api-5f6d8-qqqq → svc:shop/db (10.96.10.30) 5432/TCP: ✗ denied');
    expect(lines[1]).toContain(
      'kube-proxy DNATs 10.96.10.30:5432 to one of 1 ready endpoint(s) of shop/db (from its Endpoints object)',
    );
    expect(r.stdout).toContain(
      'shop/api-egress rule 1: needs addresses in 10.96.10.30/32; the destination 10.10.0.5',
    );
    expect(r.stdout).toContain('may also be governed by 2 Calico policies');
  });

  it('check --json to a load-balancer IP says whose address reaches the endpoint', () => {
    const r = run('check', '--from', '203.0.113.50', '--to', '203.0.113.10', '--port', '80', '--json');
    const out = JSON.parse(r.stdout);
    expect([out.to, out.verdict, out.allowed, out.clientIpKept]).toEqual([
      'svc:shop/web (203.0.113.10)',
      'allowed',
      true,
      true,
    ]);
    expect(out.endpoints.map((e: { to: string; targetPort: number }) => [e.to, e.targetPort])).toEqual([
      ['shop/web-7d4b9c-abcde', 8080],
      ['shop/web-7d4b9c-fghij', 8080],
    ]);
    expect(out.notEvaluated).toEqual([
      { engine: 'calico', kind: 'GlobalNetworkPolicy', name: 'deny-egress-internet' },
      { engine: 'calico', kind: 'NetworkPolicy', namespace: 'shop', name: 'shop-extra' },
    ]);
  });

  it('check from a Service is a usage error', () => {
    expect(() =>
      run('check', '--from', '10.96.10.30', '--to', 'shop/api-5f6d8-qqqq', '--port', '80'),
    ).toThrow(/Services never send packets/);
  });

  it('matrix --peer with a Service IP gives a Service column judged per endpoint', () => {
    const r = run('matrix', '--peer', '10.96.10.10', '--port', '80', '--json');
    const flows = JSON.parse(r.stdout).flows as {
      from: string;
      to: string;
      allowed: boolean;
      service?: { verdict: string };
    }[];
    const toWeb = flows.filter((f) => f.to === 'svc:shop/web (10.96.10.10)');
    expect(toWeb.map((f) => [f.from, f.service!.verdict])).toEqual([
      ['shop/web-7d4b9c-abcde', 'some'],
      ['shop/web-7d4b9c-fghij', 'some'],
      ['shop/web-7d4b9c-old', 'denied'],
      ['shop/web-7d4b9c-notready', 'denied'],
      ['shop/api-5f6d8-qqqq', 'allowed'],
      ['kube-system/kube-proxy-w1', 'some'],
    ]);
    // No completed or pending pod is an endpoint of the matrix.
    expect(flows.some((f) => f.from.includes('report-28391') || f.to.includes('pending-1'))).toBe(false);
  });

  it('matrix --from narrows the pod flows and the Service columns alike; the table keeps its columns and note', () => {
    const r = run(
      'matrix',
      '--peer',
      '10.96.10.10',
      '--port',
      '80',
      '--json',
      '--from',
      'shop/api-5f6d8-qqqq',
    );
    const flows = JSON.parse(r.stdout).flows as { from: string; to: string; service?: { verdict: string } }[];
    expect(new Set(flows.map((f) => f.from))).toEqual(new Set(['shop/api-5f6d8-qqqq']));
    expect(flows.filter((f) => f.service).map((f) => [f.to, f.service!.verdict])).toEqual([
      ['svc:shop/web (10.96.10.10)', 'allowed'],
    ]);
    const table = run(
      'matrix',
      '--peer',
      '10.96.10.10',
      '--from',
      'shop/*',
      '--to',
      'shop/api-5f6d8-qqqq',
    ).stdout;
    expect(table).toContain('Columns (destinations):\n1 shop/api-5f6d8-qqqq\n');
    expect(table).toContain('to Services');
    expect(table).toContain('Left out, holding no IP');
  });

  it('matrix --from/--to with a grouped matrix is bad usage', () => {
    expect(() => run('matrix', '--by', 'workload', '--from', 'shop/*')).toThrow(/--namespace/);
    expect(() => run('matrix', '--format', 'csv', '--to', 'shop/*')).toThrow(/--namespace/);
  });
});

describe.each(REAL_CLUSTER_DUMPS)('reports and queries ($name)', (file) => {
  const analysis = analyzeScenario([file]);
  const run = (...argv: string[]) => {
    const r = runCommand(parseArgs([argv[0]!, file.name, ...argv.slice(1)]), analysis);
    return { ...r, stdout: printedText(r.stdout) };
  };

  it('matrix --by workload --format csv is a connectivity list per workload pair', () => {
    const r = run('matrix', '--by', 'workload', '--format', 'csv', '--port', '8080');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'port,protocol,from,from_kind,to,to_kind,verdict,allowed,total',
      '8080,TCP,shop/web,Deployment,shop/web,Deployment,none,0,12',
      '8080,TCP,shop/web,Deployment,shop/api,Deployment,all,4,4',
    ]);
  });

  it('matrix --by namespace --format md and --format json', () => {
    const md = run('matrix', '--by', 'namespace', '--format', 'md', '--port', '8080').stdout;
    expect(md).toContain('| 1 shop | ~8/20 | ✓ |');
    const json = JSON.parse(run('matrix', '--by', 'workload', '--format', 'json', '--port', '8080').stdout);
    expect(json.groups[0]).toMatchObject({ label: 'shop/web', kind: 'Deployment' });
    expect(json.groups[0].members).toHaveLength(4);
    expect(json.flows[1]).toEqual({
      from: 'shop/Deployment/web',
      to: 'shop/Deployment/api',
      port: 8080,
      protocol: 'TCP',
      verdict: 'all',
      allowed: 4,
      total: 4,
    });
  });

  it('matrix --namespace keeps only those namespaces', () => {
    const r = run('matrix', '--namespace', 'kube-system', '--json');
    const flows = JSON.parse(r.stdout).flows as { from: string }[];
    expect(new Set(flows.map((f) => f.from))).toEqual(new Set(['kube-system/kube-proxy-w1']));
  });

  it('who-can-reach, reaches and selects', () => {
    expect(run('who-can-reach', '--to', 'shop/web-7d4b9c-abcde').stdout).toBe(
      [
        'shop/web-7d4b9c-abcde',
        '  8080/TCP: 2 of 5 endpoint(s) can reach it',
        '    shop/api (Deployment): 1/1 pod(s)',
        '    kube-system/kube-proxy (DaemonSet): 1/1 pod(s)',
        '',
      ].join('\n'),
    );
    expect(run('reaches', '--from', 'shop/api-5f6d8-qqqq').stdout).toContain(
      '    shop/web (Deployment): 4/4 pod(s)',
    );
    expect(run('selects', '--target', '10.244.1.20').stdout).toBe(
      'shop/api-5f6d8-qqqq (10.244.1.20)\n  Ingress: none (unrestricted)\n  Egress:  shop/api-egress\n',
    );
    expect(run('selects', '--target', '10.244.2.0/24').stdout).toContain(
      'pods without an IP that last had one here (1): batch/migrate-fail',
    );
  });
});

describe('netlab test', () => {
  const dump = REAL_CLUSTER_DUMPS[0]!;
  const files = (text: string) => (names: readonly string[]) =>
    names.map((n) => (n === 'expect.yaml' ? { name: n, text } : dump));
  const test = (text: string) => runTest(parseArgs(['test', 'expect.yaml', dump.name]), files(text));

  it('exit 0 when every promise holds', () => {
    const r = test('expectations:\n- {from: shop/api, to: shop/web, port: 8080, expect: allow}\n');
    expect([r.code, r.stdout]).toEqual([
      0,
      '✓ shop/api → shop/web 8080/TCP: ✓ allow, as expected\n1 expectation(s): 1 passed, 0 failed\n',
    ]);
  });

  it('exit 1 with where it is written and the explanation of the first pair that differs', () => {
    const r = test('expectations:\n- {from: shop/web, to: shop/api, port: 9090, expect: deny}\n');
    expect(r.code).toBe(1);
    expect(printedText(r.stdout).split('\n').slice(0, 3)).toEqual([
      '✗ expect.yaml:2:3: shop/web → shop/api 9090/TCP: expected ✗ deny, but 4 of 4 pod pair(s) differ',
      '    shop/web-7d4b9c-abcde → shop/api-5f6d8-qqqq 9090/TCP: ✓ allowed',
      '      egress of shop/web-7d4b9c-abcde: unrestricted — no policy with policyTypes Egress selects shop/web-7d4b9c-abcde, so nothing is restricted',
    ]);
  });

  it('exit 2 for a malformed expectations file, with file:line:col', () => {
    const r = test('- {from: a, to: b, port: 99999, expect: allow}\n');
    expect([r.code, r.stderr]).toEqual([
      2,
      'expect.yaml:1:26: error: port: PORT or PORT/PROTO (TCP, UDP, SCTP), e.g. 5432 or 53/UDP\n',
    ]);
  });
});

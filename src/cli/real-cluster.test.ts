// `netlab check` and `netlab matrix --peer` on a real dump: an address that is a Service's is the
// Service — kube-proxy's DNAT first, then the policies on each endpoint — as `trace` shows it.
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../engine/analyze';
import { REAL_CLUSTER_DUMPS } from '../testing/real-cluster';
import { parseArgs } from './args';
import { runCommand } from './run';

describe.each(REAL_CLUSTER_DUMPS)('on a real dump ($name)', (file) => {
  const analysis = analyzeScenario([file]);
  const run = (...argv: string[]) => runCommand(parseArgs([argv[0]!, file.name, ...argv.slice(1)]), analysis);

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
});

// `netlab resolve` and `netlab trace --to NAME` as a person or a script runs them: real files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestFile } from '../k8s/source';
import { parseArgs } from './args';
import { runResolve } from './resolve-command';
import { runTrace } from './render-trace';
import { loadCluster } from '../k8s/load-cluster';

const DEFAULT = join(import.meta.dirname, '../scenarios/default.yaml');
const read = (names: readonly string[]): ManifestFile[] =>
  names.map((name) => ({ name, text: readFileSync(name, 'utf8') }));
const resolve = (...argv: string[]) => runResolve(parseArgs(['resolve', DEFAULT, ...argv]), read)!;
const text = (p: unknown): string => (typeof p === 'string' ? p : [...(p as Iterable<string>)].join(''));

describe('netlab resolve', () => {
  it('prints resolv.conf, the names asked in order with each answer, and the answer', () => {
    const r = resolve('--from', 'prod/web', 'db.prod');
    expect(r.code).toBe(0);
    expect(text(r.stdout).split('\n')).toEqual([
      'db.prod from prod/web',
      '  /etc/resolv.conf  search prod.svc.cluster.local svc.cluster.local cluster.local',
      '  /etc/resolv.conf  nameserver 10.96.0.10',
      '  /etc/resolv.conf  options ndots:5',
      '  dnsPolicy ClusterFirst: the kubelet points the pod at the kube-dns Service and searches its namespace first',
      '  "db.prod" has 1 dot(s), fewer than ndots:5: each search domain first, then as written',
      '  1. db.prod.prod.svc.cluster.local.  NXDOMAIN: no such name in cluster.local',
      '  2. db.prod.svc.cluster.local.  A 10.96.0.13: the ClusterIP of Service prod/db',
      'answer: 10.96.0.13',
      "note: the scenario has no kube-dns; netlab adds kubeadm's (kube-system/kube-dns at the Service range's .10, two CoreDNS pods)",
      '',
    ]);
  });

  it('--json gives the tries and the server; exit 1 when nothing answers', () => {
    const r = resolve('--from', 'prod/web', 'db.nowhere.svc.cluster.local.', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(text(r.stdout));
    expect(j.tries.map((x: { query: string }) => x.query)).toEqual(['db.nowhere.svc.cluster.local.']);
    expect(j.server).toEqual({ service: 'kube-system/kube-dns', ip: '10.96.0.10', implicit: true });
  });

  it('bad usage: no --from, an unknown pod, not a name', () => {
    expect(() => resolve('db')).toThrow(/--from/);
    expect(() => resolve('--from', 'prod/nope', 'db')).toThrow(/no such pod/);
    expect(() => resolve('--from', 'prod/web', 'a b')).toThrow(/not a DNS name/);
  });
});

describe('netlab trace --to NAME', () => {
  it('prints the DNS step before the request, and --json has its hops', () => {
    const cluster = loadCluster(read([DEFAULT])).cluster;
    const args = (...more: string[]) =>
      parseArgs(['trace', DEFAULT, '--from', 'prod/backend', '--to', 'db', '--port', '3306', ...more]);
    const out = text(runTrace(args(), cluster).stdout);
    expect(out).toContain('DNS: db from prod/backend');
    expect(out).toContain('  1. db.prod.svc.cluster.local.  A 10.96.0.13: the ClusterIP of Service prod/db');
    expect(out.indexOf('dns-0')).toBeLessThan(out.indexOf('Request:'));
    const j = JSON.parse(text(runTrace(args('--json'), cluster).stdout));
    expect(j.dns.request[0].headers).toMatchObject({ dst: '10.96.0.10', dstPort: 53, protocol: 'UDP' });
  });
});

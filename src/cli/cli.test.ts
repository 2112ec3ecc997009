// The `netlab` command as a script or a person runs it: a real process, real files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, ROOT, netlab, tmpFile } from '../testing/run-netlab';

const EXAMPLES = join(ROOT, 'src/testing/fixtures/netpol-examples');
const DEFAULT = DEFAULT_SCENARIO;

describe('netlab matrix --json (the public contract)', () => {
  it('prints only the contract JSON, with keys in contract order', () => {
    const r = netlab([
      'matrix',
      join(EXAMPLES, '073-db-egress-backup.yaml'),
      '--port',
      '9898/TCP',
      '--port',
      '3306',
      '--port',
      '9898',
      '--peer',
      '192.168.5.10',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['ports', 'flows']);
    expect(out.ports).toEqual([
      { port: 9898, protocol: 'TCP' },
      { port: 3306, protocol: 'TCP' },
    ]);
    // 4 pods + 1 peer: 5×5 pairs minus peer→peer = 24 per port
    expect(out.flows).toHaveLength(48);
    expect(Object.keys(out.flows[0])).toEqual([
      'from',
      'to',
      'port',
      'protocol',
      'allowed',
      'egress',
      'ingress',
      'enforced',
      'effectiveAllowed',
    ]);
    const backup = out.flows.find(
      (f: { from: string; to: string; port: number }) =>
        f.from === 'prod/db' && f.to === '192.168.5.10' && f.port === 9898,
    );
    expect(backup).toEqual({
      from: 'prod/db',
      to: '192.168.5.10',
      port: 9898,
      protocol: 'TCP',
      allowed: true,
      egress: { verdict: 'allow', policies: ['prod/db-egress-backup'] },
      ingress: { verdict: 'unrestricted', policies: [] },
      enforced: true,
      effectiveAllowed: true,
    });
    const self = out.flows.find(
      (f: { from: string; to: string; port: number }) =>
        f.from === 'prod/db' && f.to === 'prod/db' && f.port === 3306,
    );
    expect(self.egress).toEqual({ verdict: 'allow', policies: [] });
    const denied = out.flows.find(
      (f: { from: string; to: string; port: number }) =>
        f.from === 'prod/db' && f.to === 'prod/web' && f.port === 3306,
    );
    expect(denied).toMatchObject({
      allowed: false,
      egress: { verdict: 'deny', policies: [] },
      ingress: { verdict: 'unrestricted' },
    });
  });

  it('defaults to 80/TCP and lists every pod, pod→itself included', () => {
    const out = JSON.parse(netlab(['matrix', DEFAULT, '--json']).stdout);
    expect(out.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(out.flows).toHaveLength(9);
  });

  it('reads several files and standard input', () => {
    const ns = tmpFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n');
    const pods =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\nspec: {containers: [{name: c, image: i}]}\n';
    const out = JSON.parse(netlab(['matrix', ns, '-', '--json'], pods).stdout);
    expect(out.flows.map((f: { from: string }) => f.from)).toEqual(['x/a']);
  });
});

describe('netlab matrix (for people)', () => {
  it('prints a table per port with ✓/✗ and words', () => {
    const r = netlab(['matrix', DEFAULT, '--port', '3306', '--port', '9898']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Port 3306/TCP');
    expect(r.stdout).toContain('Port 9898/TCP');
    expect(r.stdout).toMatch(/1 prod\/web\s+✓ allow\s+✓ allow\s+✗ deny/);
  });

  it('speaks Korean with --lang ko', () => {
    expect(netlab(['matrix', DEFAULT, '--lang', 'ko']).stdout).toContain('✓ 허용');
  });
});

describe('netlab check', () => {
  it('explains a denied flow, naming the policy', () => {
    const r = netlab(['check', DEFAULT, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('prod/web → prod/db 3306/TCP: ✗ denied');
    expect(r.stdout).toContain('prod/db-policy rule 1');
    expect(r.stdout).toContain('role=backend');
  });

  it('takes IPs, and --json carries the explanation data', () => {
    const r = netlab([
      'check',
      DEFAULT,
      '--from',
      '10.244.1.3',
      '--to',
      '192.168.5.10',
      '--port',
      '9898/tcp',
      '--json',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      from: 'prod/db',
      to: '192.168.5.10',
      port: 9898,
      protocol: 'TCP',
      allowed: true,
    });
    expect(out.egress.matches).toEqual([{ policy: 'prod/db-policy', rule: 0, peer: 0, port: 0 }]);
  });

  it('an unknown pod is a usage error with a suggestion', () => {
    const r = netlab(['check', DEFAULT, '--from', 'web', '--to', 'prod/db', '--port', '80']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no pod default/web in the scenario (did you mean prod/web?)');
  });
});

describe('netlab lint', () => {
  it('reports the study notes mistakes as file:line:col: severity: message, exit 1 on errors', () => {
    const file = tmpFile(
      'notes.yaml',
      'kind: Networking\nmetadata:\n  name: db-policy\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: TCP\n      portd: 3306\n',
    );
    const r = netlab(['lint', file]);
    expect(r.code).toBe(1);
    // lint's problems are its output, on stdout (as linters print them), the summary last.
    expect(r.stdout).toMatch(/1 error\(s\), 1 warning\(s\)\n$/);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${file}:1:7: error: unknown kind "Networking" (did you mean NetworkPolicy`);
    expect(r.stdout).toContain(
      `${file}:14:7: warning: unknown field "spec.ingress[0].ports[0].portd" (did you mean "port"?`,
    );
  });

  it('exits 0 with warnings only', () => {
    const r = netlab(['lint', join(EXAMPLES, '073-db-egress-backup.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: egress is restricted and no rule allows DNS');
  });
});

describe('bad input', () => {
  it('invalid YAML: exit 1, file:line:col on stderr, nothing on stdout, no stack trace', () => {
    const file = tmpFile('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    const r = netlab(['matrix', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: `),
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an invalid policy stops the matrix with located errors', () => {
    const file = tmpFile(
      'p.yaml',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}\n',
    );
    const r = netlab(['matrix', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${file}:8:7: error: spec.ingress[0].from[0]: may not specify both ipBlock and another peer`,
    );
  });

  it('a missing file, a bad port and an unknown option are usage errors (exit 2)', () => {
    for (const args of [
      ['matrix', '/nonexistent.yaml'],
      ['matrix', DEFAULT, '--port', '70000'],
      ['matrix', DEFAULT, '--port', '80/ICMP'],
      ['matrix', DEFAULT, '--bogus'],
      ['matrix'],
      ['frobnicate', DEFAULT],
      ['matrix', DEFAULT, '--peer', 'not-an-ip'],
    ]) {
      const r = netlab(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^netlab: /);
    }
  });

  it('--help prints usage', () => {
    const r = netlab(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('netlab matrix FILE...');
  });
});

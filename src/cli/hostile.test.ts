// The `netlab` command against hostile and careless input: terminal escapes in names, files that
// are not text, no input at all, a full disk, matrices too big to print, megabyte arguments.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigDumpYaml } from '../testing/big-dump';
import { MAX_FILE_BYTES } from '../lib/scene-file';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const DEFAULT = join(ROOT, 'src/scenarios/default.yaml');

function netlab(args: string[], opts: { input?: string; stdout?: number } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['pipe', opts.stdout ?? 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

function tmpFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netlab-hostile-')), name);
  writeFileSync(file, content);
  return file;
}

// oxlint-disable-next-line no-control-regex -- the characters a terminal acts on
const TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const network = (bridgeName: string) =>
  `---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec:\n  cni: bridge\n  bridgeName: ${JSON.stringify(bridgeName)}\n`;

describe('terminal safety', () => {
  const evil = '\u001b]0;pwned\u0007\u202e';
  const scenario = tmpFile('evil.yaml', `${readDefault()}${network('\u001b[2K\u202e0')}`);

  it('trace: a bridge name with an escape sequence and an RLO reaches the terminal escaped', () => {
    const r = netlab(['trace', scenario, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL);
    expect(r.stdout).toContain('bridge \\u001b[2K\\u202e0');
  });

  it('trace --json stays valid JSON with the same value', () => {
    const r = netlab([
      'trace',
      scenario,
      '--from',
      'prod/web',
      '--to',
      'prod/db',
      '--port',
      '3306',
      '--json',
    ]);
    expect(r.stdout).not.toMatch(TERMINAL);
    expect(JSON.parse(r.stdout).network.bridgeName).toBe('\u001b[2K\u202e0');
  });

  it('error messages quote names and label keys escaped, and lint flags the hidden characters', () => {
    const bad = tmpFile(
      'bad.yaml',
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(evil)}\n  labels:\n    ${JSON.stringify(`k${evil}`)}: v\nspec:\n  containers: [{name: c, image: i}]\n${network('cni\u202e0')}`,
    );
    for (const args of [
      ['matrix', bad],
      ['lint', bad],
    ]) {
      const r = netlab(args);
      expect(r.code).toBe(1);
      // matrix writes the problems to stderr; lint's problems are its output (stdout).
      const problems = args[0] === 'lint' ? r.stdout : r.stderr;
      expect(r.stdout + r.stderr).not.toMatch(TERMINAL);
      expect(problems).toContain('\\u001b]0;pwned\\u0007\\u202e');
    }
    expect(netlab(['lint', bad]).stdout).toMatch(/bad\.yaml:\d+:\d+: warning: .*U\+202E/);
  });
});

function readDefault(): string {
  return spawnSync('cat', [DEFAULT], { encoding: 'utf8' }).stdout;
}

describe('inputs people really have', () => {
  it('reads UTF-16 YAML with a BOM, as kubectl does', () => {
    const text = readDefault();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = netlab([
      'check',
      tmpFile('utf16.yaml', le),
      '--from',
      'prod/web',
      '--to',
      'prod/db',
      '--port',
      '3306',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('prod/web → prod/db 3306/TCP: ✗ denied');
  });

  it('a file past the page’s limit is refused before it is read: one line, exit 1', () => {
    const file = tmpFile('huge.yaml', '');
    truncateSync(file, MAX_FILE_BYTES + 1); // sparse: nothing is written
    const r = netlab(['lint', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^netlab: .*huge\.yaml: larger than 64 MB \(netlab reads files up to that size, in the page too\)/,
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('a binary file is one line, exit 1', () => {
    const binary = Uint8Array.from({ length: 136_000 }, (_, i) => (i * 7919) % 256);
    const r = netlab(['lint', tmpFile('photo.jpg', binary)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^netlab: .*photo\.jpg: not a text file \(netlab reads YAML or JSON in UTF-8 or UTF-16\)\n$/,
    );
    expect(r.stdout).toBe('');
  });

  it('an empty file, empty standard input and closed standard input say "no input", exit 1', () => {
    const empty = netlab(['matrix', tmpFile('empty.yaml', '')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.yaml: no input \(the file is empty\)\n$/);
    const stdin = netlab(['matrix', '-'], { input: '' });
    expect([stdin.code, stdin.stderr]).toEqual([1, 'netlab: <stdin>: no input\n']);
    const closed = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${MAIN}" matrix - <&-`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect([closed.status, closed.stderr]).toEqual([1, 'netlab: <stdin>: no input\n']);
  });

  it('a usage error is one line and "see netlab --help"; a megabyte argument is cut', () => {
    const r = netlab(['matrix', DEFAULT, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('netlab: unknown option "--bogus" (see netlab --help)\n');
    const long = netlab(['matrix', DEFAULT, '--port', '8'.repeat(100_000)]);
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThan(300);
    expect(long.stderr).toMatch(/^netlab: --port "8{100,}…": expected PORT/);
  });
});

describe('output', () => {
  it('a full disk is a message and exit 4, not a stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = netlab(['matrix', DEFAULT, '--json'], { stdout: full });
      expect(r.code).toBe(4);
      expect(r.stderr).toBe('netlab: cannot write the output: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });

  it('a reader that goes away (| head) ends the output quietly', () => {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" --import tsx "${MAIN}" matrix "${DEFAULT}" --json | head -c 10`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toBe('{"ports": ');
    expect(r.stderr).toBe('');
  });
});

describe('matrices too big to print', () => {
  const pods = 3200;
  const file = tmpFile('pods.yaml', bigDumpYaml(pods));

  it('a table past 500 rows or columns, and --json past 10,000,000 flows, are refused at once (exit 1)', () => {
    const table = netlab(['matrix', file]);
    expect(table.code).toBe(1);
    expect(table.stdout).toBe('');
    expect(table.stderr).toBe(
      'netlab: the table would have 3,200 rows and 3,200 columns, more than 500 of either can be read: use --from and --to to choose sources and destinations (NAMESPACE/*, a pod, an IP), or print --json\n',
    );
    const json = netlab(['matrix', file, '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(
      /^netlab: --json would print 10,240,000 flows, more than the 10,000,000 netlab writes: use --from and --to/,
    );
  }, 120_000);

  it('narrowed with --from/--to: one source against every pod as JSON, a namespace as a table', () => {
    const json = netlab(['matrix', file, '--json', '--from', 'ns-0/pod-0']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { flows: { from: string; to: string; allowed: boolean }[] };
    expect(out.flows).toHaveLength(pods);
    expect(out.flows.every((f) => f.from === 'ns-0/pod-0' && f.allowed)).toBe(true);
    expect(out.flows.at(-1)!.to).toBe(`ns-6/pod-${pods - 1}`);
    const table = netlab(['matrix', file, '--from', 'ns-1/pod-500', '--to', 'ns-6/*']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Columns \(destinations\):\n  1 ns-6\/pod-3000\n/);
    expect(table.stdout).toMatch(/\nns-1\/pod-500 +✓ allow/);
    const unknown = netlab(['matrix', file, '--from', 'nope/*']);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'netlab: --from "nope/*": no pods in namespace "nope" (see netlab --help)\n',
    ]);
  }, 120_000);
});

// `netlab lesson check`, `netlab diff` and `netlab exposure` as a script runs them: a real process,
// real files, the exact output and exit status of each contract.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, netlab } from '../testing/run-netlab';
import { applyAnswer } from '../testing/lesson-answers';
import { printable } from './terminal-text';

const A1 = join(ROOT, 'lessons/a-01-no-policy-no-isolation');
/** Each call spawns node with tsx: seconds on a busy machine. */
const SLOW = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'netlab-reach-'));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

const BASE = `apiVersion: v1
kind: Namespace
metadata: {name: data}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data, labels: {role: db}}
spec:
  containers: [{name: db, image: mysql, ports: [{containerPort: 3306}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: data, labels: {role: api}}
spec:
  containers: [{name: api, image: api}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-policy, namespace: data}
spec:
  podSelector: {matchLabels: {role: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: api}}}]
    ports: [{port: 3306}]
`;
const WIDER = BASE.replace(
  '  - from: [{podSelector: {matchLabels: {role: api}}}]',
  '  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {role: api}}}]',
);

describe('netlab lesson check LESSON FILE', () => {
  it(
    'prints one line per check and exits 0 when the scenario solves the lesson',
    () => {
      const r = netlab(['lesson', 'check', A1, join(A1, 'solution.yaml')]);
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          '✓ db-is-protected: Every listed flow (2) behaves as required.',
          '✓ policy-selects-db: NetworkPolicy prod/db-policy: as required.',
          '✓ others-stay-open: Every listed flow (2) behaves as required.',
          '✓ exact-reach: Exactly what the task asks gets through, for every pod and address that could exist: new namespaces, unlabelled pods and the internet included.',
          '✓ only-editable: You changed only what this lesson lets you change.',
          '',
        ].join('\n'),
      });
    },
    SLOW,
  );

  it(
    '--json: the contract object, exit 1 when a check fails; LESSON may be the lesson.yaml; --lang ko',
    () => {
      const start = readFileSync(join(A1, 'start.yaml'), 'utf8');
      const cheat = file(
        'no-ports.yaml',
        applyAnswer(start, readFileSync(join(A1, 'cheats/no-ports.yaml'), 'utf8')),
      );
      const r = netlab(['lesson', 'check', join(A1, 'lesson.yaml'), cheat, '--json', '--lang', 'ko']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as {
        lesson: string;
        solved: boolean;
        checks: { id: string; passed: boolean; message: string }[];
      };
      expect(Object.keys(out)).toEqual(['lesson', 'solved', 'checks']);
      expect(out.lesson).toBe('a-01-no-policy-no-isolation');
      expect(out.solved).toBe(false);
      expect(out.checks.map((c) => Object.keys(c).join())).toEqual(Array(5).fill('id,passed,message'));
      expect(out.checks.find((c) => c.id === 'exact-reach')).toEqual({
        id: 'exact-reach',
        passed: false,
        message:
          'db-policy 정책 때문에 prod 네임스페이스의 role=backend 레이블이 붙은 파드(예: prod/backend)도 TCP 3306 외의 모든 포트로 prod/db 파드에 들어올 수 있습니다. 과제에서 요구하지 않은 흐름입니다.',
      });
    },
    SLOW,
  );

  it(
    'bad usage exits 2; a scenario the API server would reject is not solved (exit 1)',
    () => {
      expect(netlab(['lesson', 'check', A1]).code).toBe(2);
      expect(netlab(['lesson', 'judge', A1, 'x.yaml']).code).toBe(2);
      const notLesson = netlab(['lesson', 'check', dir, file('s.yaml', BASE)]);
      expect([notLesson.code, notLesson.stderr.split('\n')[0]]).toEqual([
        2,
        // A usage error is one line that points at the help (README, exit status 2).
        `netlab: ${dir}: not a lesson folder (no lesson.yaml) (see netlab --help)`,
      ]);
      const consoleLesson = join(ROOT, 'lessons/f-01-one-namespace-and-lo');
      const console = netlab(['lesson', 'check', consoleLesson, join(consoleLesson, 'solution/node01.sh')]);
      expect([console.code, console.stderr.split('\n')[0]]).toEqual([
        2,
        `netlab: ${consoleLesson}: a console lesson (console-lesson.yaml) is judged on host scripts: netlab lint ${consoleLesson} plays its solution and cheats (see netlab --help)`,
      ]);
      const broken = netlab(['lesson', 'check', A1, file('broken.yaml', 'kind: Pod\nmetadata: {name: x}\n')]);
      expect(broken.code).toBe(1);
      expect(broken.stdout.split('\n')[0]).toMatch(
        /^✗ db-is-protected: The scenario has errors, .*broken\.yaml:1:1: error: /,
      );
    },
    SLOW,
  );
});

describe('netlab lesson check on the storage labs', () => {
  it(
    "judges a layers lesson's txtar archive with the same contract: solution exit 0, start exit 1",
    () => {
      const D1 = join(ROOT, 'lessons/d-01-layers-and-sizes');
      const solved = netlab(['lesson', 'check', D1, join(D1, 'solution.txtar')]);
      expect(solved).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          '✓ the-notes-image: Every fact holds (3).',
          '✓ only-editable: You changed only what this lesson lets you change.',
          '',
        ].join('\n'),
      });
      const start = netlab(['lesson', 'check', D1, join(D1, 'start.txtar'), '--json']);
      expect(start.code).toBe(1);
      const out = JSON.parse(start.stdout) as { solved: boolean; checks: { id: string; passed: boolean }[] };
      expect([out.solved, out.checks.map((c) => [c.id, c.passed])]).toEqual([
        false,
        [
          ['the-notes-image', false],
          ['only-editable', true],
        ],
      ]);
    },
    SLOW,
  );
});

describe('netlab diff OLD NEW', () => {
  it(
    'says what the change opens, by peer class and port, with the rule that opens it; exit 0',
    () => {
      const r = netlab(['diff', file('base.yaml', BASE), file('wider.yaml', WIDER)]);
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout:
          '+ data/db ← any pod with role=api in a new namespace on TCP 3306 (allowed by data/db-policy ingress rule 1)\n',
      });
      const back = netlab(['diff', file('wider.yaml', WIDER), file('base.yaml', BASE), '--lang', 'ko']);
      expect(back.stdout).toBe(
        '- data/db 파드 ← 새로 만든 네임스페이스의 role=api 레이블이 붙은 파드, TCP 3306 포트 (이전에는 허용: data/db-policy 인그레스 규칙 1)\n',
      );
      expect(netlab(['diff', file('base.yaml', BASE), file('same.yaml', BASE)]).stdout).toBe(
        'nothing opens or closes\n',
      );
    },
    SLOW,
  );

  it(
    '--json: {opened, closed} with subject, direction, peer, ports, policies and rules',
    () => {
      const r = netlab(['diff', file('base.yaml', BASE), file('wider.yaml', WIDER), '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        opened: [
          {
            subject: 'data/db',
            direction: 'ingress',
            peer: 'any pod with role=api in a new namespace',
            ports: 'TCP 3306',
            policies: ['data/db-policy'],
            rules: [{ policy: 'data/db-policy', rule: 1 }],
          },
        ],
        closed: [],
      });
    },
    SLOW,
  );

  it(
    'input errors exit 1 with file:line:col; a wrong number of files is bad usage',
    () => {
      const bad = file('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: 3}\n');
      const r = netlab(['diff', file('base.yaml', BASE), bad]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:\\d+: error: `));
      expect(netlab(['diff', bad]).code).toBe(2);
    },
    SLOW,
  );
});

describe('netlab exposure FILE', () => {
  it(
    'lists, per pod, the peers the file does not have that could reach it or that it could reach',
    () => {
      const r = netlab(['exposure', file('base.yaml', BASE)]);
      const unseen =
        'any pod in a namespace that does not exist yet, any pod with no role label or a role other than api, db in namespace data and any address (for example 8.8.8.8) on any port';
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          `data/db → ${unseen} (no Egress policy selects it)`,
          `data/api ← ${unseen} (no Ingress policy selects it)`,
          `data/api → ${unseen} (no Egress policy selects it)`,
          '',
        ].join('\n'),
      });
      const open = netlab(['exposure', file('wider.yaml', WIDER), '--json']);
      const list = (JSON.parse(open.stdout) as { exposure: { direction: string }[] }).exposure;
      expect(list.find((g) => g.direction === 'ingress')).toEqual({
        subject: 'data/db',
        direction: 'ingress',
        peer: 'any pod with role=api in a new namespace',
        ports: 'TCP 3306',
        policies: ['data/db-policy'],
        rules: [{ policy: 'data/db-policy', rule: 1 }],
      });
    },
    SLOW,
  );
});

describe('terminal text', () => {
  it('writes control characters out instead of sending them', () => {
    expect(printable('ok \u001b[2J\r\u0007 ✓ 파드')).toBe('ok \\x1b[2J\\x0d\\x07 ✓ 파드');
  });
});

// Each check kind on small scenarios: verdicts come from the engine, and failures are worded in
// both locales with the engine's facts filled in.
import { describe, expect, it } from 'vitest';
import { lesson } from '../testing/lesson';
import { namespace, netpol, pod } from '../testing/scenario';
import { checkChallenge, isSolved } from './check';
import type { CheckResult } from './types';
import { explanationLines } from '../engine/explain-text';

const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const ext = (name: string, ip: string): string =>
  `apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: ${name}}\nspec: {ip: ${ip}}`;

const APP = [
  namespace('prod'),
  pod('prod/web', { role: 'web' }, { ports: [['http', 80]] }),
  pod('prod/backend', { role: 'backend' }, { ports: [['api', 5000]] }),
  pod('prod/db', { role: 'db' }, { ports: [['mysql', 3306]] }),
  ext('user', '203.0.113.10'),
];
const DB_POLICY = netpol(
  'prod/db-policy',
  `
  podSelector: {matchLabels: {role: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: backend}}}]
    ports: [{protocol: TCP, port: 3306}]
`,
);
const OPEN = doc(...APP);
const SOLVED = doc(...APP, DB_POLICY);

/** Runs a lesson's checks on a text; the start and solution files are both OPEN/SOLVED. */
function run(
  checks: string,
  text: string,
  answers?: Record<string, string[]>,
  extra: Record<string, string> = {},
): CheckResult[] {
  const l = lesson(checks, { 'start.yaml': OPEN, 'solution.yaml': SOLVED, ...extra });
  return checkChallenge(l.challenge, text, answers ? { answers } : {});
}
const one = (
  checks: string,
  text: string,
  answers?: Record<string, string[]>,
  extra?: Record<string, string>,
): CheckResult => run(checks, text, answers, extra)[0]!;

describe('flows', () => {
  const checks = `
    - check: flows
      flows:
        - {from: prod/backend, to: prod/db, port: 3306, allowed: true}
        - {from: prod/web, to: prod/db, port: 3306, allowed: false}
        - {from: user, to: prod/db, port: 3306, allowed: false}`;

  it('passes when every flow has its verdict, and says so in both locales', () => {
    const r = one(checks, SOLVED);
    expect(r).toMatchObject({ id: 'flows-1', check: 'flows', passed: true, blocking: true });
    expect(r.message).toEqual({
      en: 'Every listed flow (3) behaves as required.',
      ko: '적어 둔 흐름 3개가 모두 요구한 대로 동작합니다.',
    });
  });

  it('names the first wrong flow, the verdicts and the engine reason', () => {
    const r = one(checks, OPEN);
    expect(r.passed).toBe(false);
    expect(r.message.en).toBe(
      'prod/web → prod/db 3306/TCP: should be denied, but it is allowed. ' +
        'egress of prod/web: unrestricted — no policy with policyTypes Egress selects prod/web, so nothing is restricted; ' +
        'ingress of prod/db: unrestricted — no policy with policyTypes Ingress selects prod/db, so nothing is restricted. (1 more like this)',
    );
    expect(r.message.ko).toMatch(
      /^prod\/web → prod\/db 3306\/TCP: 차단되어야 하는데 지금은 허용됩니다\. prod\/web의 이그레스: 제한 없음/,
    );
    expect(r.message.ko).toMatch(/\(이런 흐름이 1개 더 있습니다\)$/);
    expect(explanationLines(r.explanation!, 'en')[0]).toBe('prod/web → prod/db 3306/TCP: ✓ allowed');
    expect(explanationLines(r.explanation!, 'ko')[0]).toBe('prod/web → prod/db 3306/TCP: ✓ 허용');
  });

  it('a denied flow that should be allowed names the denying side and the rule that missed', () => {
    const text = doc(...APP, DB_POLICY.replace('role: backend', 'role: api'));
    const r = one(checks, text);
    expect(r.message.en).toMatch(
      /^prod\/backend → prod\/db 3306\/TCP: should be allowed, but it is denied\. ingress of prod\/db: denied — prod\/db is isolated for Ingress by prod\/db-policy/,
    );
    expect(r.message.en).toContain('needs role=api (it has role=backend)');
    expect(r.message.en).not.toContain('egress of');
    expect(r.message.ko).toContain('허용되어야 하는데 지금은 차단됩니다');
    expect(r.message.ko).toContain('prod/db-policy가 prod/db를 격리하는데');
  });

  it("fills the author's message, outside endpoints named by their ExternalEndpoint name", () => {
    const r = one(
      `
    - check: flows
      flows: [{from: user, to: prod/db, port: 3306, allowed: false}]
      message: {en: "Close {flow} ({count})", ko: "{flow} 닫기 ({count})"}`,
      OPEN,
    );
    expect(r.message).toEqual({
      en: 'Close user (203.0.113.10) → prod/db 3306/TCP (1)',
      ko: 'user (203.0.113.10) → prod/db 3306/TCP 닫기 (1)',
    });
  });

  it('a pod the learner deleted is reported, not thrown', () => {
    const text = doc(...APP.filter((d) => !d.includes('name: db,')), DB_POLICY);
    const r = one(checks, text);
    expect(r.passed).toBe(false);
    expect(r.message).toEqual({
      en: 'prod/db is not in the scenario (was it renamed or deleted?)',
      ko: 'prod/db가 시나리오에 없습니다(이름을 바꾸거나 지웠나요?)',
    });
  });

  it('a scenario with errors cannot be judged', () => {
    const r = one(checks, OPEN + '---\nkind: Networking\nmetadata: {name: x}\n');
    expect(r.passed).toBe(false);
    expect(r.message.en).toMatch(
      /^The scenario has errors, so the API server would reject it and the engine cannot judge it yet: scenario\.yaml:\d+:7: error: unknown kind "Networking"/,
    );
    expect(r.message.ko).toMatch(
      /^시나리오에 오류가 있어 API 서버가 받아들이지 않고, 엔진도 아직 판정할 수 없습니다: scenario\.yaml:\d+:7: error: 알 수 없는 kind/,
    );
  });
});

describe('least-privilege', () => {
  const checks = `
    - check: least-privilege
      among: [prod/web, prod/backend, prod/db]
      ports: [3306, 5000]
      allow:
        - {from: prod/backend, to: prod/db, port: 3306}
        - {from: prod/web, to: prod/backend, port: 5000}`;
  const DENY_ALL = netpol(
    'prod/deny-all',
    `
    podSelector: {}
    policyTypes: [Ingress, Egress]
  `,
  );
  const allow = (name: string, sel: string, dir: 'ingress' | 'egress', peer: string, port: number): string =>
    netpol(
      `prod/${name}`,
      `
      podSelector: {matchLabels: {role: ${sel}}}
      policyTypes: [${dir === 'ingress' ? 'Ingress' : 'Egress'}]
      ${dir}:
      - ${dir === 'ingress' ? 'from' : 'to'}: [{podSelector: {matchLabels: {role: ${peer}}}}]
        ports: [{port: ${port}}]
    `,
    );
  const EXACT = doc(
    ...APP,
    DENY_ALL,
    allow('b-out', 'backend', 'egress', 'db', 3306),
    allow('db-in', 'db', 'ingress', 'backend', 3306),
    allow('w-out', 'web', 'egress', 'backend', 5000),
    allow('b-in', 'backend', 'ingress', 'web', 5000),
  );

  it('passes with exactly the listed flows; self flows are not counted', () => {
    const r = one(checks, EXACT);
    expect(r.passed).toBe(true);
    expect(r.message.en).toBe('Exactly the needed flows are open, nothing more.');
    expect(r.message.ko).toBe('필요한 흐름만 정확히 열려 있고, 그 밖에는 모두 막혀 있습니다.');
  });

  it('reports a needed flow that is denied first', () => {
    const text = EXACT.replace(/role: db\}\}\}\]\n\s+ports: \[\{port: 3306\}\]/, (m) =>
      m.replace('role: db', 'role: nobody'),
    );
    const r = one(checks, text);
    expect(r.message.en).toMatch(
      /^prod\/backend → prod\/db 3306\/TCP: needed, but denied\. egress of prod\/backend: denied/,
    );
    expect(r.message.ko).toMatch(/^prod\/backend → prod\/db 3306\/TCP: 필요한 흐름인데 차단됩니다\./);
  });

  it('reports a flow that is allowed but not needed, with the policy that allowed it', () => {
    const r = one(checks, SOLVED);
    expect(r.passed).toBe(false);
    expect(r.message.en).toMatch(
      /^prod\/web → prod\/backend 3306\/TCP: allowed, but not one of the flows the task needs: something is open wider than necessary\./,
    );
    expect(r.message.en).toMatch(/\(\d+ more like this\)$/);
    expect(r.message.ko).toContain(
      '필요한 흐름 목록에 없는데 허용되어 있습니다. 필요 이상으로 열려 있습니다.',
    );
  });

  it('an empty allow list means nothing may be allowed', () => {
    const r = one(
      `
    - check: least-privilege
      from: [prod/web]
      to: [prod/db, user]
      ports: [3306]`,
      doc(...APP, DENY_ALL),
    );
    expect(r.passed).toBe(true);
  });
});

describe('matrix', () => {
  const checks = `
    - check: matrix
      from: [prod/backend, prod/web, user]
      to: [prod/db]
      goal:
        "3306": ["✓", "N", "✗"]
        "5000": |
          .
          .
          ✗`;

  it('passes when every judged cell matches', () => {
    expect(one(checks, SOLVED)).toMatchObject({
      passed: true,
      message: { en: 'The whole matrix matches the goal.', ko: '도달 가능성 표 전체가 목표와 같습니다.' },
    });
  });

  it('names the first differing cell, both verdicts and the count', () => {
    const r = one(checks, OPEN);
    expect(r.message.en).toMatch(
      /^prod\/web → prod\/db 3306\/TCP: the goal is denied, but it is allowed\. .* \(2 more like this\)$/,
    );
    expect(r.message.ko).toMatch(/^prod\/web → prod\/db 3306\/TCP: 목표는 차단인데 지금은 허용입니다\./);
  });
});

describe('object', () => {
  const check = (body: string): string => `
    - check: object
${body}`;

  it('must exist / must not exist', () => {
    const must = one(check('      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}'), OPEN);
    expect(must.message).toEqual({
      en: 'NetworkPolicy prod/db-policy: it must exist, but it is not in the scenario.',
      ko: 'NetworkPolicy prod/db-policy: 있어야 하는데 시나리오에 없습니다.',
    });
    const gone = one(
      check('      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      exists: false'),
      SOLVED,
    );
    expect(gone.message.en).toBe(
      'NetworkPolicy prod/db-policy: it must not exist, but it is still in the scenario.',
    );
    expect(
      one(
        check('      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      exists: false'),
        OPEN,
      ).passed,
    ).toBe(true);
  });

  it('selects and notSelects', () => {
    const sel = check(
      '      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      selects: [prod/db, prod/web]',
    );
    const r = one(sel, SOLVED);
    expect(r.message.en).toBe(
      'NetworkPolicy prod/db-policy: it must select prod/web, but its podSelector (role=db) does not match that pod.',
    );
    expect(r.message.ko).toBe(
      'NetworkPolicy prod/db-policy: prod/web을 선택해야 하는데 podSelector(role=db)가 그 파드와 맞지 않습니다.',
    );
    const not = check(
      '      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      notSelects: [prod/db]',
    );
    expect(one(not, SOLVED).message.en).toBe(
      'NetworkPolicy prod/db-policy: it must not select prod/db, but its podSelector (role=db) matches it.',
    );
  });

  it('a pod in another namespace gets the namespace explanation', () => {
    const text = doc(...APP, namespace('other'), pod('other/db', { role: 'db' }), DB_POLICY);
    const r = one(
      check(
        '      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      selects: [other/db]',
      ),
      text,
      undefined,
      { 'solution.yaml': text },
    );
    expect(r.message.en).toBe(
      'NetworkPolicy prod/db-policy: it must select other/db, but a policy only selects pods in its own namespace (prod).',
    );
  });

  it('policyTypes compares the defaulted value and explains the default', () => {
    const r = one(
      check(
        '      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      policyTypes: [Egress]',
      ),
      SOLVED,
    );
    expect(r.message.en).toBe(
      'NetworkPolicy prod/db-policy: its policyTypes must be [Egress], but it is [Ingress] (policyTypes is not written, so it defaults to Ingress, plus Egress when there are egress rules).',
    );
    expect(r.message.ko).toContain(
      'policyTypes가 [Egress]이어야 하는데 지금은 [Ingress]입니다 (policyTypes를 쓰지 않아 기본값이 적용되었습니다.',
    );
    expect(
      one(
        check(
          '      object: {kind: NetworkPolicy, namespace: prod, name: db-policy}\n      policyTypes: [Ingress]',
        ),
        SOLVED,
      ).passed,
    ).toBe(true);
  });

  it('labels, and the author message with {object} and {problem}', () => {
    const r = one(
      check(
        '      object: {kind: Namespace, name: prod}\n      labels: {purpose: production}\n      message: {en: "Label it. ({problem})", ko: "레이블을 붙이세요. ({problem})"}',
      ),
      SOLVED,
    );
    expect(r.message).toEqual({
      en: 'Label it. (it needs the label purpose=production, and it has no purpose label)',
      ko: '레이블을 붙이세요. (purpose=production 레이블이 필요한데 purpose 레이블이 없습니다)',
    });
  });
});

describe('no-errors', () => {
  const checks = `
    - check: no-errors
      warnings: [unknown-field]`;

  it('passes on a clean scenario', () => {
    expect(one(checks, SOLVED)).toMatchObject({
      passed: true,
      message: { en: 'The scenario has no errors.', ko: '시나리오에 오류가 없습니다.' },
    });
  });

  it('quotes the first error with its position, in both locales', () => {
    const r = one(checks, 'kind: Networking\nmetadata: {name: db-policy}\n');
    expect(r.message.en).toBe(
      '1 problem(s) left. The first: scenario.yaml:1:7: error: unknown kind "Networking" (did you mean NetworkPolicy (apiVersion: networking.k8s.io/v1)?)',
    );
    expect(r.message.ko).toBe(
      '남은 문제가 1개 있습니다. 첫 번째: scenario.yaml:1:7: error: 알 수 없는 kind "Networking" (혹시 NetworkPolicy(apiVersion: networking.k8s.io/v1) 말인가요?)',
    );
  });

  it('listed warning codes count; others do not', () => {
    const typo = doc(...APP, DB_POLICY.replace('port: 3306', 'portd: 3306'));
    expect(one(checks, typo).message.en).toMatch(
      /^1 problem\(s\) left\. The first: scenario\.yaml:\d+:\d+: warning: unknown field "spec\.ingress\[0\]\.ports\[0\]\.portd"/,
    );
    expect(one('    - check: no-errors', typo).passed).toBe(true);
  });
});

describe('quiz', () => {
  const flowQuiz = `
    - check: quiz
      id: q
      question: {en: Web to db?, ko: web에서 db로?}
      flow: {from: prod/web, to: prod/db, port: 3306}
    - check: no-errors`;

  it('never blocks, and waits for an answer', () => {
    const [q, gate] = run(flowQuiz, SOLVED);
    expect(q).toMatchObject({
      passed: false,
      blocking: false,
      message: {
        en: 'Make your prediction first, then check it.',
        ko: '먼저 예측한 답을 고른 다음 확인하세요.',
      },
    });
    expect(isSolved([q!, gate!])).toBe(true);
  });

  it('computes the answer from the engine: the same question flips with the scenario', () => {
    expect(one(flowQuiz, OPEN).quiz?.correct).toEqual(['allowed']);
    expect(one(flowQuiz, SOLVED).quiz?.correct).toEqual(['denied']);
    expect(one(flowQuiz, SOLVED).quiz?.verdicts).toEqual({ allowed: false, denied: false });
  });

  it('scores an answer, with the engine reason, in both locales', () => {
    const right = one(flowQuiz, SOLVED, { q: ['denied'] });
    expect(right.passed).toBe(true);
    expect(right.message.en).toMatch(
      /^Right: Denied\. ingress of prod\/db: denied — prod\/db is isolated for Ingress by prod\/db-policy/,
    );
    expect(right.message.ko).toMatch(/^정답입니다: 차단\. prod\/db의 인그레스: 차단/);
    const wrong = one(flowQuiz, SOLVED, { q: ['allowed'] });
    expect(wrong.passed).toBe(false);
    expect(wrong.message.en).toMatch(/^Not this time\. The engine says: Denied\. /);
    expect(wrong.message.ko).toMatch(/^아쉽게도 틀렸습니다\. 엔진의 판정: 차단\. /);
  });

  it('a pick-all question: the right options are those with the asked verdict', () => {
    const pick = `
    - check: quiz
      id: p
      question: {en: Which get in?, ko: 무엇이 들어오나?}
      ask: allowed
      options:
        - {id: backend, flow: {from: prod/backend, to: prod/db, port: 3306}}
        - {id: web, text: {en: the web tier, ko: 웹 계층}, flow: {from: prod/web, to: prod/db, port: 3306}}
        - {id: self, flow: {from: prod/db, to: prod/db, port: 3306}}
    - check: no-errors`;
    const r = one(pick, SOLVED, { p: ['backend'] });
    expect(r.quiz?.correct).toEqual(['backend', 'self']);
    expect(r.passed).toBe(false);
    expect(r.message.en).toMatch(
      /^Not this time\. The engine says: prod\/backend → prod\/db 3306\/TCP; prod\/db → prod\/db 3306\/TCP\. ingress of prod\/db: allowed — a pod can always reach itself/,
    );
    expect(one(pick, SOLVED, { p: ['self', 'backend'] }).passed).toBe(true);
  });

  it('a quiz pinned to a file ignores the learner’s text', () => {
    const pinned = `
    - check: quiz
      id: q
      scenario: start.yaml
      question: {en: Before any policy?, ko: 정책이 없을 때?}
      flow: {from: prod/web, to: prod/db, port: 3306}
    - check: no-errors`;
    expect(one(pinned, SOLVED).quiz?.correct).toEqual(['allowed']);
  });
});

// The tree of reasons: its shape (sides, rules, misses, kinds) and the text the CLI prints from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flow, namespace, netpol, pod, scenario } from '../testing/scenario';
import { explainFlow, type Reason } from './explain-reasons';
import { explanationLines, reasonLine } from './explain-text';

const base = [
  namespace('prod'),
  pod('prod/web', { role: 'web' }),
  pod('prod/api', { role: 'api' }, { ports: [['http', 8080]] }),
  pod('prod/db', { role: 'db' }),
];
const dbPolicy = netpol(
  'prod/db-policy',
  `podSelector: {matchLabels: {role: db}}
policyTypes: [Ingress]
ingress:
- from: [{podSelector: {matchLabels: {role: api}}}]
  ports: [{port: 3306}]`,
);

const shape = (r: Reason): unknown => ({
  kind: r.kind,
  policy: r.policy,
  rule: r.rule,
  reasons: r.reasons.map(shape),
});

describe('explainFlow', () => {
  it('a denied flow: the deciding side names the policy, each missed rule says what missed', () => {
    const c = scenario(...base, dbPolicy);
    const r = explainFlow(flow(c, 'prod/web', 'prod/db', '80'), c.policies);
    expect(r.allowed).toBe(false);
    expect(r.headline).toEqual({
      en: 'prod/web → prod/db 80/TCP: ✗ denied',
      ko: 'prod/web → prod/db 80/TCP: ✗ 차단',
    });
    expect(r.sides.map((s) => [s.direction, s.verdict])).toEqual([
      ['egress', 'unrestricted'],
      ['ingress', 'deny'],
    ]);
    expect(r.sides[1]!.reasons.map(shape)).toEqual([
      {
        kind: 'rule-missed',
        policy: 'prod/db-policy',
        rule: 0,
        reasons: [
          { kind: 'peer-missed', policy: 'prod/db-policy', rule: 0, reasons: [] },
          { kind: 'port-missed', policy: 'prod/db-policy', rule: 0, reasons: [] },
        ],
      },
    ]);
    expect(r.sides[1]!.text.ko).toBe(
      'prod/db의 인그레스: 차단 — prod/db-policy가 prod/db를 격리하는데, 맞는 규칙이 없습니다',
    );
  });

  it('an allowed flow: the rules that matched, one reason each', () => {
    const c = scenario(...base, dbPolicy);
    const r = explainFlow(flow(c, 'prod/api', 'prod/db', '3306'), c.policies);
    expect(r.sides[1]!.reasons.map(shape)).toEqual([
      { kind: 'rule-matched', policy: 'prod/db-policy', rule: 0, reasons: [] },
    ]);
    expect(r.sides[1]!.reasons[0]!.text.en).toBe(
      'prod/db-policy ingress rule 1: pods with role=api in namespace prod; TCP 3306',
    );
  });

  it('a selecting policy without rules for the direction allows nothing', () => {
    const c = scenario(...base, netpol('prod/deny', `podSelector: {}\npolicyTypes: [Ingress]`));
    const side = explainFlow(flow(c, 'prod/web', 'prod/db', '80'), c.policies).sides[1]!;
    expect(side.reasons.map((r) => [r.kind, r.text.ko])).toEqual([
      ['no-rules', 'prod/deny: ingress 규칙이 없으므로 인그레스 트래픽을 전혀 허용하지 않습니다'],
    ]);
  });
});

describe('explanationLines (the CLI text)', () => {
  it('indents sides by two spaces and reasons by four; a missed rule is one line', () => {
    const c = scenario(...base, dbPolicy);
    expect(explanationLines(explainFlow(flow(c, 'prod/web', 'prod/db', '80'), c.policies), 'en')).toEqual([
      'prod/web → prod/db 80/TCP: ✗ denied',
      '  egress of prod/web: unrestricted — no policy with policyTypes Egress selects prod/web, so nothing is restricted',
      '  ingress of prod/db: denied — prod/db is isolated for Ingress by prod/db-policy, and no rule matches',
      '    prod/db-policy rule 1: needs pods with role=api in namespace prod; the source prod/web: the pod needs role=api (it has role=web) — and ports TCP 3306 only; the flow goes to port 80',
    ]);
  });

  it('for any port: two side lines, one line per reason, and the verdict the engine gave', () => {
    const c = scenario(...base, dbPolicy);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.constantFrom('prod/web', 'prod/api'),
        (port, from) => {
          const x = flow(c, from, 'prod/db', String(port));
          const r = explainFlow(x, c.policies);
          expect(r.allowed).toBe(from === 'prod/api' && port === 3306);
          expect(r.allowed).toBe(x.allowed);
          for (const locale of ['en', 'ko'] as const) {
            const lines = explanationLines(r, locale);
            const indent = (l: string) => l.length - l.trimStart().length;
            expect(lines.map(indent).filter((n) => n === 2)).toHaveLength(2);
            expect(lines.filter((l) => indent(l) === 4)).toHaveLength(
              r.sides.reduce((n, s) => n + s.reasons.length, 0),
            );
            expect(lines[0]).toContain(r.allowed ? '✓' : '✗');
            // Every miss of a missed rule appears on that rule's line.
            for (const s of r.sides)
              for (const rule of s.reasons)
                for (const miss of rule.reasons)
                  expect(reasonLine(rule, locale)).toContain(miss.text[locale]);
          }
        },
      ),
    );
  });
});

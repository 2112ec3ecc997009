// The challenge enforces the steps' `editable` lists: the loader adds an `only-editable` check for
// the list in effect at the last step, authors cannot write or shadow it, and on a real lesson it
// closes the loophole of deleting some other object instead of editing the one asked for.
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { FIXTURE_DIR, load, realLesson } from '../testing/lesson';
import { namespace, pod } from '../testing/scenario';
import { checkChallenge, isSolved } from './check';
import { EDITABLE_CHECK_ID } from './editable';
import type { Check } from './types';

const SCENARIO =
  [namespace('prod'), pod('prod/web', { role: 'web' }), pod('prod/db', { role: 'db' })].join('\n---\n') +
  '\n';
const FILES = { 'start.yaml': SCENARIO, 'solution.yaml': SCENARIO };
const FLOWS = '    - check: flows\n      flows: [{from: prod/web, to: prod/db, port: 80, allowed: true}]';
const F = `${FIXTURE_DIR}/lesson.yaml`;
const POLICIES = '    editable: [{kind: NetworkPolicy, namespace: prod}]';
const step2 = (editable: string): string => `  - id: fix\n    text: {en: Fix it, ko: 고치세요}\n${editable}`;

const implicit = (checks: readonly Check[]): Check | undefined =>
  checks.find((c) => c.id === EDITABLE_CHECK_ID);

describe('the loader adds the editable check', () => {
  it('none when no step lists editable objects (the whole scenario is editable)', () => {
    const r = load(FLOWS, FILES);
    expect(r.lesson!.challenge.checks.map((c) => c.id)).toEqual(['flows-1']);
  });

  it("after the author's checks, for the declaring step, from the challenge's start, at the editable field", () => {
    const r = load(FLOWS, FILES, { steps: POLICIES });
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    const checks = r.lesson!.challenge.checks;
    expect(checks.map((c) => c.id)).toEqual(['flows-1', EDITABLE_CHECK_ID]);
    expect(checks[1]).toEqual({
      check: 'editable',
      id: EDITABLE_CHECK_ID,
      step: 'intro',
      editable: [{ kind: 'NetworkPolicy', namespace: 'prod' }],
      start: r.lesson!.challenge.start,
      at: { file: F, line: 9, col: 15 },
    });
  });

  it('the last non-empty list wins; a later empty list does not lift it', () => {
    const later = load(FLOWS, FILES, {
      steps: `${POLICIES}\n${step2('    editable: [{kind: Namespace, name: prod}]')}`,
    });
    expect(implicit(later.lesson!.challenge.checks)).toMatchObject({
      step: 'fix',
      editable: [{ kind: 'Namespace', name: 'prod' }],
    });
    const empty = load(FLOWS, FILES, { steps: `${POLICIES}\n${step2('    editable: []')}` });
    expect(implicit(empty.lesson!.challenge.checks)).toMatchObject({
      step: 'intro',
      editable: [{ kind: 'NetworkPolicy', namespace: 'prod' }],
    });
  });

  it('shown no earlier than the step that loads the start scenario', () => {
    const r = load(
      FLOWS,
      { ...FILES, 'later.yaml': SCENARIO },
      { steps: `${POLICIES}\n${step2('    scenario: later.yaml')}` },
    );
    expect(implicit(r.lesson!.challenge.checks)).toMatchObject({
      step: 'fix',
      editable: [{ kind: 'NetworkPolicy', namespace: 'prod' }],
    });
    expect(r.lesson!.challenge.start.name).toBe('later.yaml');
  });

  it('authors can neither write an editable check nor use its id', () => {
    const written = load('    - check: editable\n' + FLOWS, FILES, { steps: POLICIES });
    expect(written.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual(
      [
        `${F}:13:14: error: unknown check "editable": use flows, least-privilege, matrix, reach, object, packet, no-errors, quiz`,
      ],
    );
    const taken = load(FLOWS + `\n      id: ${EDITABLE_CHECK_ID}`, FILES, { steps: POLICIES });
    expect(taken.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      `${F}:15:11: error: check id "${EDITABLE_CHECK_ID}" is netlab's own check of the steps' editable lists; choose another id`,
    ]);
    expect(taken.lesson).toBeUndefined();
  });

  it('does not count as the blocking check a challenge of quizzes needs', () => {
    const quiz =
      '    - check: quiz\n      question: {en: Q, ko: Q}\n      flow: {from: prod/web, to: prod/db, port: 80}';
    expect(load(quiz, FILES, { steps: POLICIES }).diagnostics.map((d) => d.code)).toContain(
      'no-blocking-check',
    );
  });
});

describe('lesson a-03: edit web-egress, leave backend-ingress alone', () => {
  const lesson = realLesson('a-03-both-ends-must-allow');
  const solution = lesson.challenge.solution.text;
  const docs = solution.split(/^---\n/m);
  const without = (name: string): string => docs.filter((d) => !d.includes(`name: ${name}\n`)).join('---\n');
  const failing = (text: string): string[] =>
    checkChallenge(lesson.challenge, text)
      .filter((r) => r.blocking && !r.passed)
      .map((r) => r.id);

  it('the implicit check is shown from the step that lists web-egress', () => {
    expect(implicit(lesson.challenge.checks)).toMatchObject({
      step: 'open-the-other',
      editable: [{ kind: 'NetworkPolicy', namespace: 'prod', name: 'web-egress' }],
    });
  });

  it('the edit the lesson asks for passes', () => {
    const results = checkChallenge(lesson.challenge, solution);
    expect(results.find((r) => r.id === EDITABLE_CHECK_ID)).toMatchObject({
      check: 'editable',
      passed: true,
      blocking: true,
    });
    expect(isSolved(results)).toBe(true);
  });

  it('deleting backend-ingress as well satisfies every flow check, but not only-editable (nor the exact reach)', () => {
    expect(docs.some((d) => d.includes('name: backend-ingress\n'))).toBe(true);
    const text = without('backend-ingress');
    expect(failing(text)).toEqual(['exact-reach', EDITABLE_CHECK_ID]);
    const r = checkChallenge(lesson.challenge, text).find((x) => x.id === EDITABLE_CHECK_ID)!;
    expect(r.message.en).toMatch(
      /^This lesson keeps NetworkPolicy prod\/backend-ingress \(deleted\) as it was: change only NetworkPolicy prod\/web-egress\./,
    );
    expect(r.message.ko).toMatch(
      /^NetworkPolicy prod\/backend-ingress\(삭제됨\)는 이 레슨에서 처음 그대로 두어야 합니다\./,
    );
  });

  it('editing another object is caught too; reformatting is not', () => {
    expect(failing(solution.replace('name: db\n', 'name: db\n  annotations: {note: mine}\n'))).toEqual([
      EDITABLE_CHECK_ID,
    ]);
    const flowStyle = docs
      .map((d) => parse(d) as unknown)
      .filter((v) => v !== null)
      .map((v) => stringify(v, { collectionStyle: 'flow' }));
    expect(flowStyle.join('---\n')).not.toContain('#');
    expect(failing(flowStyle.reverse().join('---\n'))).toEqual([]);
  });

  it('a text with errors says so, like every other check, instead of listing objects', () => {
    const r = checkChallenge(lesson.challenge, `${solution}---\nkind: Pod\n`).find(
      (x) => x.id === EDITABLE_CHECK_ID,
    )!;
    expect(r.passed).toBe(false);
    expect(r.message.en).toMatch(/^The scenario has errors/);
  });
});

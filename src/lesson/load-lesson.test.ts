// lesson.yaml validation: every mistake an author can make is an error at file:line:col, worded
// for someone who does not code. Positions are counted by hand: the fixture's lesson.yaml has the
// step on lines 6–8 and the first check on line 12 (see src/testing/lesson.ts).
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import { FIXTURE_DIR, lessonFiles, lessonYaml, load } from '../testing/lesson';
import { namespace, pod } from '../testing/scenario';
import { checkCatalogue } from './catalogue';
import { loadLesson } from './load-lesson';
import type { Lesson } from './types';

const SCENARIO =
  [namespace('prod'), pod('prod/web', { role: 'web' }), pod('prod/db', { role: 'db' })].join('\n---\n') +
  '\n';
const FILES = { 'start.yaml': SCENARIO, 'solution.yaml': SCENARIO };
const FLOWS = '    - check: flows\n      flows: [{from: prod/web, to: prod/db, port: 80, allowed: true}]';
const F = `${FIXTURE_DIR}/lesson.yaml`;

const lines = (ds: readonly Diagnostic[]): string[] => ds.map((d) => formatDiagnostic(d));
const errors = (ds: readonly Diagnostic[]): string[] => lines(ds.filter((d) => d.severity === 'error'));

describe('a valid lesson', () => {
  it('loads with no diagnostics, texts read from both Markdown files', () => {
    const r = load(FLOWS, FILES);
    expect(lines(r.diagnostics)).toEqual([]);
    const l = r.lesson!;
    expect(l).toMatchObject({
      id: 'a-01-test',
      module: 'A',
      order: 1,
      title: { en: 'Test', ko: '시험' },
      dir: FIXTURE_DIR,
    });
    expect(l.steps[0]).toMatchObject({
      id: 'intro',
      text: { en: '## Intro\n\nHello.\n', ko: '## 소개\n\n안녕하세요.\n' },
      expectErrors: false,
    });
    expect(l.challenge.checks[0]).toMatchObject({ id: 'flows-1', step: 'intro', check: 'flows' });
    expect(l.challenge.start.file).toBe(`${FIXTURE_DIR}/start.yaml`);
    expect(r.scenarios.map((s) => s.file.name)).toEqual(['start.yaml', 'solution.yaml']);
  });
});

describe('shape errors', () => {
  it('an unknown field, with the nearest name, and a missing required one', () => {
    const r = load('    - check: flows\n      flws: []', FILES);
    expect(errors(r.diagnostics)).toEqual([
      `${F}:12:7: error: challenge.checks[0].flows is required`,
      `${F}:13:7: error: unknown field "challenge.checks[0].flws" (did you mean "flows"?)`,
    ]);
    expect(r.lesson).toBeUndefined();
  });

  it('an unknown check kind lists the kinds', () => {
    expect(errors(load('    - check: reachable', FILES).diagnostics)).toEqual([
      `${F}:12:14: error: unknown check "reachable": use flows, least-privilege, matrix, reach, object, packet, no-errors, quiz`,
    ]);
  });

  it('a bad port and a missing verdict', () => {
    const r = load(
      '    - check: flows\n      flows:\n        - {from: prod/web, to: prod/db, port: 99999}',
      FILES,
    );
    expect(errors(r.diagnostics)).toEqual([
      `${F}:14:11: error: challenge.checks[0].flows[0].allowed is required`,
      `${F}:14:47: error: not a port: 99999; write 80, or 53/UDP (TCP, UDP or SCTP)`,
    ]);
  });

  it('text missing one language, inline or in a file', () => {
    const inline = loadLesson(
      lessonFiles(lessonYaml(FLOWS).replace('title: {en: Test, ko: 시험}', 'title: {en: Test}'), FILES),
    );
    expect(errors(inline.diagnostics)).toEqual([`${F}:4:8: error: title: the ko text is missing`]);
    const files = lessonFiles(lessonYaml(FLOWS), FILES);
    (files.files as Map<string, string>).delete('01-intro.ko.md');
    expect(errors(loadLesson(files).diagnostics)).toEqual([
      `${F}:7:11: error: 01-intro.ko.md is missing: every text needs an English (.en.md) and a Korean (.ko.md) file`,
    ]);
  });

  it('YAML syntax errors are located', () => {
    const r = loadLesson(lessonFiles('id: a-01-test\nsteps: [unclosed\n', FILES));
    expect(errors(r.diagnostics)[0]).toMatch(new RegExp(`^${F}:\\d+:\\d+: error: YAML: `));
  });

  it('a quiz asks about one flow or lists options, not both', () => {
    const quiz =
      '    - check: quiz\n      question: {en: Q, ko: Q}\n      flow: {from: prod/web, to: prod/db, port: 80}\n      options: []\n' +
      FLOWS;
    expect(errors(load(quiz, FILES).diagnostics)).toEqual([
      `${F}:12:7: error: a quiz asks about one "flow" (allowed or denied?) or lists "options" (which of these …?), not both`,
    ]);
  });

  it('a challenge of quizzes only could never be solved', () => {
    const quiz =
      '    - check: quiz\n      question: {en: Q, ko: Q}\n      flow: {from: prod/web, to: prod/db, port: 80}';
    expect(errors(load(quiz, FILES).diagnostics)[0]).toMatch(
      /:12:5: error: a challenge needs at least one check besides quizzes/,
    );
  });

  it('matrix goals: one row per source, one cell per destination, never ✗ for a pod to itself', () => {
    const m =
      '    - check: matrix\n      among: [prod/web, prod/db]\n      goal:\n        "80":\n          - "✗ ✓"\n          - "✓"';
    expect(errors(load(m, FILES).diagnostics)).toEqual([
      `${F}:16:13: error: row 1: prod/web → itself is always allowed (no policy can block a pod from itself); write ✓ or .`,
      `${F}:17:13: error: row 2 has 1 cell(s), but there are 2 destinations`,
    ]);
  });

  it('an author placeholder the check cannot fill', () => {
    const c = FLOWS + '\n      message: {en: "{flow} {verdict}", ko: "{flow}"}';
    expect(errors(load(c, FILES).diagnostics)).toEqual([
      `${F}:14:16: error: {verdict} cannot be filled in a flows check; use {flow}, {expected}, {actual}, {why}, {count}, {more}`,
    ]);
  });
});

describe('names and files', () => {
  it('an unknown step id', () => {
    expect(errors(load(FLOWS + '\n      step: outro', FILES).diagnostics)).toEqual([
      `${F}:14:13: error: unknown step id "outro" (steps: intro)`,
    ]);
  });

  it('an endpoint that is not in the scenario, with a suggestion', () => {
    const c = '    - check: flows\n      flows: [{from: web, to: prod/db, port: 80, allowed: true}]';
    const r = load(c, FILES);
    expect(errors(r.diagnostics)).toEqual([
      `${F}:13:22: error: no pod default/web in solution.yaml (did you mean prod/web?) (pods are namespace/name; outside machines are an ExternalEndpoint name or an IP)`,
    ]);
  });

  it('highlighted policies must exist', () => {
    const r = load(FLOWS, FILES, { steps: '    highlight: {policies: [prod/nope]}' });
    expect(errors(r.diagnostics)).toEqual([
      `${F}:9:28: error: no NetworkPolicy prod/nope in start.yaml, solution.yaml`,
    ]);
  });

  it('a missing scenario file, and a first step without one', () => {
    const yaml = lessonYaml(FLOWS).replace('scenario: start.yaml', 'scenario: begin.yaml');
    expect(errors(loadLesson(lessonFiles(yaml, FILES)).diagnostics)).toEqual([
      `${F}:8:15: error: no file begin.yaml in ${FIXTURE_DIR}`,
    ]);
    const keep = lessonYaml(FLOWS).replace('    scenario: start.yaml\n', '');
    expect(errors(loadLesson(lessonFiles(keep, FILES)).diagnostics)).toEqual([
      `${F}:6:9: error: the first step must name its scenario file, e.g. scenario: start.yaml`,
    ]);
  });

  it('id, module and order follow the folder name', () => {
    const yaml = lessonYaml(FLOWS)
      .replace('id: a-01-test', 'id: a-02-test')
      .replace('module: A', 'module: B')
      .replace('order: 1', 'order: 3');
    expect(errors(loadLesson(lessonFiles(yaml, FILES)).diagnostics)).toEqual([
      `${F}:1:5: error: id "a-02-test" must be the folder name "a-01-test"`,
      `${F}:2:9: error: module "B" does not match the id: write A`,
      `${F}:3:8: error: order 3 does not match the id: write 2`,
    ]);
  });

  it('prerequisites must be known lessons', () => {
    const files = lessonFiles(lessonYaml(FLOWS, { top: 'prerequisites: [a-00-intro]' }), FILES);
    expect(errors(loadLesson(files, { knownIds: new Set(['a-01-test']) }).diagnostics)).toEqual([
      `${F}:5:17: error: no lesson "a-00-intro"`,
    ]);
  });

  it('a file nothing uses is a warning', () => {
    const r = load(FLOWS, { ...FILES, 'notes.yaml': SCENARIO });
    expect(lines(r.diagnostics)).toEqual([
      `${FIXTURE_DIR}/notes.yaml:1:1: warning: notes.yaml is not used by lesson.yaml`,
    ]);
    expect(r.lesson).toBeDefined();
  });
});

describe('scenarios', () => {
  const BROKEN = 'kind: Networking\nmetadata: {name: db-policy}\n';

  it('a start scenario with errors needs expectErrors', () => {
    const r = load(FLOWS, { ...FILES, 'start.yaml': BROKEN });
    expect(errors(r.diagnostics)).toEqual([
      `${F}:8:15: error: start.yaml has errors (first: ${FIXTURE_DIR}/start.yaml:1:7: unknown kind "Networking"); if the lesson means it, add expectErrors: true to the step`,
    ]);
  });

  it('with expectErrors the lesson is valid and the report marks the file', () => {
    const r = load(FLOWS, { ...FILES, 'start.yaml': BROKEN }, { steps: '    expectErrors: true' });
    expect(lines(r.diagnostics)).toEqual([]);
    const start = r.scenarios.find((s) => s.file.name === 'start.yaml')!;
    expect(start.expectErrors).toBe(true);
    expect(lines(start.diagnostics)).toEqual([
      `${FIXTURE_DIR}/start.yaml:1:7: error: unknown kind "Networking" (did you mean NetworkPolicy (apiVersion: networking.k8s.io/v1)?)`,
    ]);
  });

  it('the solution may never have errors; scenario lint warnings are reported with the scenario', () => {
    expect(errors(load(FLOWS, { ...FILES, 'solution.yaml': BROKEN }).diagnostics)[0]).toMatch(
      /:10:13: error: the reference solution has errors/,
    );
    const egress =
      SCENARIO +
      '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: prod}\nspec: {podSelector: {}, policyTypes: [Egress]}\n';
    const r = load(FLOWS, { ...FILES, 'solution.yaml': egress });
    expect(lines(r.diagnostics)).toEqual([]);
    expect(r.scenarios.find((s) => s.file.name === 'solution.yaml')!.diagnostics.map((d) => d.code)).toEqual([
      'dns-blocked',
    ]);
  });
});

describe('the catalogue', () => {
  const at = (id: string, module: string, order: number, prerequisites: string[]): Lesson =>
    ({ id, module, order, prerequisites, dir: `lessons/${id}` }) as unknown as Lesson;

  it('reports two lessons in one place and prerequisites that go round', () => {
    const ds = checkCatalogue([
      at('a-01-x', 'A', 1, ['a-02-y']),
      at('a-02-y', 'A', 2, ['a-01-x']),
      at('a-01-z', 'A', 1, []),
    ]);
    expect(lines(ds)).toEqual([
      'lessons/a-01-z/lesson.yaml:1:1: error: module A already has a lesson 1: a-01-x',
      'lessons/a-01-x/lesson.yaml:1:1: error: prerequisites go round in a circle: a-01-x → a-02-y → a-01-x',
    ]);
  });
});

// The lesson system in the storage labs: `lab:` picks the scenario format, the checks and the
// editable kinds; `facts` and `predict` are decoded with positions, their names checked against
// the scenarios, and decided by the storage engine.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { scene, pv, pvc } from '../testing/storage-scenes';
import { checkChallenge, isSolved } from './check';
import { loadLesson } from './load-lesson';

const F = 'lessons/e-01-test/lesson.yaml';

function lessonText(lab: string, checks: string, step = ''): string {
  return [
    'id: e-01-test',
    'module: E',
    'order: 1',
    'title: {en: Test, ko: 시험}',
    `lab: ${lab}`,
    'steps:',
    '  - id: intro',
    '    text: 01-intro',
    `    scenario: ${lab === 'layers' ? 'start.txtar' : 'start.yaml'}`,
    ...(step ? [step] : []),
    'challenge:',
    `  solution: ${lab === 'layers' ? 'solution.txtar' : 'solution.yaml'}`,
    '  checks:',
    checks,
    '',
  ].join('\n');
}

function load(lab: string, checks: string, files: Record<string, string>, step = '') {
  return loadLesson({
    dir: 'lessons/e-01-test',
    files: new Map([
      ['lesson.yaml', lessonText(lab, checks, step)],
      ['01-intro.en.md', '## Intro\n'],
      ['01-intro.ko.md', '## 소개\n'],
      ...Object.entries(files),
    ]),
  });
}

const errors = (r: ReturnType<typeof load>) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));

const START = scene(pv('pv-a', { size: '5Gi' }), pvc('data'));
const SOLUTION = scene(pv('pv-a', { size: '5Gi' }), pv('pv-b'), pvc('data'));
const VOLUMES = { 'start.yaml': START, 'solution.yaml': SOLUTION };

describe('decoding', () => {
  it("a networking check in the volumes lab is refused, naming the lab's checks", () => {
    const r = load('volumes', '    - check: flows\n      flows: []', VOLUMES);
    expect(errors(r)).toEqual([
      `${F}:13:14: error: a flows check does not belong to the volumes lab: use facts, predict, no-errors`,
    ]);
  });

  it('fact names must exist in the scenario, with a did-you-mean', () => {
    const r = load(
      'volumes',
      '    - check: facts\n      facts:\n        - {claim: default/date, volume: pv-b}',
      VOLUMES,
    );
    expect(errors(r)).toEqual([
      `${F}:15:19: error: no claim default/date in solution.yaml (did you mean default/data?)`,
    ]);
  });

  it('a fact of the other lab, and a fact without a subject, are errors at the fact', () => {
    const r = load(
      'volumes',
      '    - check: facts\n      facts:\n        - {image: web, size: 1MB}\n        - {phase: Bound}',
      VOLUMES,
    );
    expect(errors(r)).toEqual([
      `${F}:15:11: error: image facts belong to the layers lab, and this lesson is in the volumes lab`,
      `${F}:16:11: error: a fact starts with claim:, pv: or pod:`,
    ]);
  });

  it('the layers lab takes .txtar scenarios and File in editable', () => {
    const files = { 'start.txtar': 'FROM ubuntu\n', 'solution.txtar': 'FROM ubuntu\n', 'what.yaml': START };
    const check =
      '    - check: no-errors\n    - check: predict\n      scenario: what.yaml\n      question: {en: Q, ko: Q}\n      options: []';
    const r = load('layers', check, files, '    editable:\n      - {kind: PersistentVolume}');
    expect(errors(r)).toEqual([
      `${F}:11:16: error: kind must be one of File`,
      `${F}:17:17: error: "what.yaml" must be a .txtar file in the lesson folder`,
      `${F}:19:16: error: give at least two options`,
    ]);
  });

  it('highlight belongs to the networking lab', () => {
    const r = load('volumes', '    - check: no-errors', VOLUMES, '    highlight: {endpoints: []}');
    expect(errors(r)).toEqual([`${F}:10:16: error: highlight belongs to the networking lab`]);
  });

  it('an unknown lab is an error', () => {
    const r = load('storage', '    - check: no-errors', VOLUMES);
    expect(errors(r)[0]).toBe(`${F}:5:6: error: lab "storage": use network, volumes, layers`);
  });
});

describe('checking', () => {
  const checks = [
    '    - check: facts',
    '      id: bound',
    '      facts:',
    '        - {claim: default/data, volume: pv-b}',
    '        - {pv: pv-a, phase: Available}',
    '    - check: predict',
    '      id: guess',
    '      scenario: start.yaml',
    '      question: {en: Which?, ko: 어느 것?}',
    '      options:',
    '        - {id: pending, fact: {claim: default/data, phase: Pending}}',
    '        - {id: bound, fact: {claim: default/data, phase: Bound}}',
  ].join('\n');

  it("facts pass on the solution and fail on the start with the engine's words; predict never blocks", () => {
    const r = load('volumes', checks, VOLUMES);
    expect(errors(r)).toEqual([]);
    const lesson = r.lesson!;
    const good = checkChallenge(lesson.challenge, SOLUTION, { answers: { guess: ['bound'] } });
    expect(good.map((x) => [x.id, x.passed, x.blocking])).toEqual([
      ['bound', true, true],
      ['guess', false, false],
    ]);
    expect(good[1]!.quiz?.correct).toEqual(['pending']);
    expect(isSolved(good)).toBe(true);
    const bad = checkChallenge(lesson.challenge, START);
    expect(bad[0]!.message.en).toBe(
      'Not yet: claim default/data is Bound to pv-b. Now: Pending: no persistent volumes available for this claim and no storage class is set.',
    );
    expect(isSolved(bad)).toBe(false);
  });

  it('a scenario with errors fails every check but no-errors with its first error', () => {
    const r = load('volumes', checks, VOLUMES);
    const broken = checkChallenge(
      r.lesson!.challenge,
      'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: x}\nspec: {}\n',
    );
    expect(broken[0]!.message.en).toMatch(
      /^The scenario has errors.*scenario\.yaml:4:7: error: PersistentVolume: spec\.capacity\.storage is required/,
    );
  });
});

// What every part of loading one lesson shares: the folder's files, the diagnostics so far, the
// names still to check against scenarios, and each scenario loaded once.
import type { Diagnostic } from '../lib/diagnostic';
import { t, type LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import type { FieldPath, Locator } from '../k8s/source';
import { analyzeScenario, type Analysis } from '../engine/analyze';
import type { CheckContext, PendingRef } from './decode-checks';
import { FieldReader } from './field-reader';
import { SCENARIO_FILE, type LabKind } from './lab';
import type { ScenarioFile, Step } from './types';

export const LESSON_FILE = 'lesson.yaml';
export const LOCALES = ['en', 'ko'] as const;

export interface LessonFiles {
  /** The folder as diagnostics print it (`lessons/a-01-no-policy-no-isolation`). */
  readonly dir: string;
  /** Every file of the folder by its name (`lesson.yaml`, `01-intro.en.md`, `start.yaml`). */
  readonly files: ReadonlyMap<string, string>;
}

export class LessonContext {
  readonly r: FieldReader;
  /** Names lesson.yaml uses, checked once every scenario is known. */
  readonly refs: PendingRef[] = [];
  /** Files lesson.yaml names; any other file gets an "unused" warning. */
  readonly used = new Set<string>([LESSON_FILE]);
  /** Every step id lesson.yaml writes, valid step or not, so checks do not call them unknown. */
  readonly stepIds: string[] = [];
  /** The reference solution, once `challenge.solution` is read. */
  solution: ScenarioFile | undefined;
  /** The lesson's lab (lesson.yaml `lab:`), read before the steps. */
  lab: LabKind = 'network';
  private readonly clusters = new Map<string, Analysis>();

  constructor(
    readonly input: LessonFiles,
    at: Locator,
    readonly out: Diagnostic[],
  ) {
    this.r = new FieldReader(at, out);
  }

  /** A scenario file named in lesson.yaml, read from the folder. */
  scenarioFile(value: unknown, path: FieldPath): ScenarioFile | undefined {
    const name = this.r.string(value, path);
    if (name === undefined) return undefined;
    if (!SCENARIO_FILE[this.lab].test(name) || name.includes('/') || name === LESSON_FILE) {
      const ext = this.lab === 'layers' ? '.txtar' : '.yaml';
      this.r.error(
        'scenario-file',
        path,
        t(
          `${quote(name)} must be a ${ext} file in the lesson folder`,
          `${quote(name)} 파일은 레슨 폴더 안의 ${ext} 파일이어야 합니다`,
        ),
      );
      return undefined;
    }
    const text = this.input.files.get(name);
    this.used.add(name);
    if (text === undefined) {
      this.r.error(
        'missing-file',
        path,
        t(`no file ${name} in ${this.input.dir}`, `${this.input.dir}에 ${name} 파일이 없습니다`),
      );
      return undefined;
    }
    return { name, file: `${this.input.dir}/${name}`, text };
  }

  /** `text: 01-intro` → 01-intro.en.md and 01-intro.ko.md; or inline `{en: …, ko: …}`. */
  text(value: unknown, path: FieldPath): LocalText | undefined {
    if (value === undefined || value === null) {
      this.r.error(
        'required',
        path,
        t(
          'text is required: a file name like 01-intro (for 01-intro.en.md and 01-intro.ko.md), or {en: …, ko: …}',
          'text가 필요합니다: 01-intro 같은 파일 이름(01-intro.en.md와 01-intro.ko.md) 또는 {en: …, ko: …}',
        ),
      );
      return undefined;
    }
    if (typeof value !== 'string') return this.r.localText(value, path);
    const stem = value
      .trim()
      .replace(/\.md$/, '')
      .replace(/\.(en|ko)$/, '');
    const found: Partial<Record<'en' | 'ko', string>> = {};
    for (const loc of LOCALES) {
      const name = `${stem}.${loc}.md`;
      this.used.add(name);
      const body = this.input.files.get(name);
      if (body === undefined) {
        this.r.error(
          'missing-locale',
          path,
          t(
            `${name} is missing: every text needs an English (.en.md) and a Korean (.ko.md) file`,
            `${name} 파일이 없습니다: 모든 글에는 영어(.en.md)와 한국어(.ko.md) 파일이 필요합니다`,
          ),
        );
      } else if (body.trim() === '') {
        this.r.error('empty-text', path, t(`${name} is empty`, `${name} 파일이 비어 있습니다`));
      } else found[loc] = body;
    }
    return found.en !== undefined && found.ko !== undefined ? { en: found.en, ko: found.ko } : undefined;
  }

  /** A scenario file loaded and linted as the lab would, once. */
  cluster(file: ScenarioFile): Analysis {
    let c = this.clusters.get(file.name);
    if (!c) this.clusters.set(file.name, (c = analyzeScenario([{ name: file.file, text: file.text }])));
    return c;
  }

  /** What decoding a check needs; `steps` are those decoded so far. */
  checkContext(steps: readonly Step[]): CheckContext {
    return {
      r: this.r,
      lab: this.lab,
      refs: this.refs,
      solution: () => this.solution,
      stepScenario: (id) => steps.find((s) => s.id === id)?.effectiveScenario,
      scenarioFile: (name, path) => this.scenarioFile(name, path),
      lastStep: this.stepIds.at(-1) ?? '',
    };
  }
}

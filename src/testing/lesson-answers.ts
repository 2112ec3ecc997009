// Test helper: a lesson folder's `cheats/` and `variants/`, each file an answer a learner might
// give, written as the objects they changed. Applied to the challenge's start: an object with the
// same kind, namespace and name replaces the start's, a new one is added, and a comment line
// `# delete: Kind namespace/name` removes one. Comment lines `# expect: CHECK-ID` name the checks a
// wrong answer must fail; the first other comment line says what the answer does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LESSONS_DIR } from './lesson';

export interface LessonAnswer {
  /** `cheats/open-internet.yaml` */
  readonly file: string;
  /** What the answer does, from its first comment line. */
  readonly about: string;
  /** Check ids it must fail (cheats). */
  readonly expect: readonly string[];
  /** The full scenario the learner would have in the editor. */
  readonly text: string;
}

type Dict = Record<string, unknown>;

/** Documents of a YAML stream, split at `---` lines, with their text. */
function documents(text: string): string[] {
  return text
    .split(/^---[ \t]*$/m)
    .map((d) => d.replace(/^\n+/, ''))
    .filter((d) => d.replace(/#.*$/gm, '').trim() !== '');
}

function identity(doc: string): string {
  const v = parse(doc) as Dict | null;
  const meta = (v?.metadata ?? {}) as Dict;
  const kind = String(v?.kind ?? '');
  const cluster = kind === 'Namespace' || kind === 'Node' || kind === 'ExternalEndpoint';
  const ns = cluster ? '' : `${String(meta.namespace ?? 'default')}/`;
  return `${kind} ${ns}${String(meta.name ?? '')}`;
}

/** `start` with the answer's objects applied. */
export function applyAnswer(start: string, answer: string): string {
  const deletes = [...answer.matchAll(/^# delete: (.+)$/gm)].map((m) => m[1]!.trim());
  const changes = documents(answer);
  const byId = new Map(changes.map((d) => [identity(d), d]));
  const out: string[] = [];
  for (const d of documents(start)) {
    const id = identity(d);
    if (deletes.includes(id)) continue;
    const replaced = byId.get(id);
    out.push(replaced ?? d);
    byId.delete(id);
  }
  out.push(...byId.values());
  return out.map((d) => d.replace(/\s+$/, '\n')).join('---\n');
}

/** The answers in `lessons/<lesson>/<kind>/`, applied to `start`. */
export function lessonAnswers(lesson: string, kind: 'cheats' | 'variants', start: string): LessonAnswer[] {
  const dir = join(LESSONS_DIR, lesson, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      const comments = [...raw.matchAll(/^# (.+)$/gm)].map((m) => m[1]!.trim());
      const expect = comments.filter((c) => c.startsWith('expect:')).map((c) => c.slice(7).trim());
      const about = comments.find((c) => !/^(expect|delete):/.test(c)) ?? f;
      return { file: `${kind}/${f}`, about, expect, text: applyAnswer(start, raw) };
    });
}

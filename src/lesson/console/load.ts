// console-lesson.yaml + Markdown + host scripts → a ConsoleLesson, every problem at file:line:col.
// Folder layout: `start/<host>.sh`, `solution/<host>.sh`, `cheats/<name>/<host>.sh`; a host
// without a file starts empty.
import { compareDiagnostics, type Diagnostic } from '../../lib/diagnostic';
import { type LocalText } from '../../lib/text';
import { readYamlData, type FieldPath } from '../../k8s/source';
import { FieldReader } from '../field-reader';
import { t } from '../../lib/text';
import {
  CONSOLE_LESSON_FILE,
  type ConsoleCheck,
  type ConsoleLesson,
  type ConsoleStep,
  type HostScripts,
} from './types';

export interface ConsoleLessonFiles {
  /** `lessons/f-01-…`, for diagnostics. */
  readonly dir: string;
  /** Every file by its path inside the folder (`start/node01.sh`). */
  readonly files: ReadonlyMap<string, string>;
}

export interface ConsoleLessonLoad {
  readonly lesson?: ConsoleLesson;
  readonly diagnostics: readonly Diagnostic[];
}

const ID = /^f-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^[a-z][a-z0-9-]*$/;
const TOP = ['id', 'module', 'order', 'prerequisites', 'title', 'hosts', 'steps', 'checks', 'hints'];
const FIELDS: Record<ConsoleCheck['check'], readonly string[]> = {
  reach: ['among', 'targets'],
  ping: ['from', 'to', 'reply'],
  link: ['at', 'name', 'kind', 'up', 'master', 'addresses'],
  namespaces: ['host', 'include', 'exactly'],
  wired: ['host', 'namespaces', 'bridge'],
  routes: ['at', 'noHostRoutes', 'without'],
  connect: ['from', 'to', 'port', 'open'],
  'cni-plugin': ['host', 'file', 'podIps', 'targets'],
};

/** `knownIds`: the lesson ids prerequisites may name (the folders beside this one), when known. */
export function loadConsoleLesson(
  input: ConsoleLessonFiles,
  options: { readonly knownIds?: ReadonlySet<string> } = {},
): ConsoleLessonLoad {
  const out: Diagnostic[] = [];
  const path = `${input.dir}/${CONSOLE_LESSON_FILE}`;
  const text = input.files.get(CONSOLE_LESSON_FILE) ?? '';
  const data = readYamlData({ name: path, text });
  out.push(...data.diagnostics);
  const r = new FieldReader(data.at, out);
  const top = r.map(data.value, []);
  if (!top) {
    r.error(
      'not-a-lesson',
      [],
      t('console-lesson.yaml must be a mapping', 'console-lesson.yaml은 매핑이어야 합니다'),
    );
    return done(out);
  }
  r.fields(top, [], TOP);
  for (const key of ['id', 'title', 'hosts', 'steps', 'checks']) r.need(top, key, []);
  const id = r.string(top.id, ['id']) ?? '';
  const folder = input.dir.slice(input.dir.lastIndexOf('/') + 1);
  if (!ID.test(id) || id !== folder)
    r.error(
      'id',
      ['id'],
      t(
        `id must be the folder name f-NN-words (${folder})`,
        `id는 폴더 이름 f-NN-words여야 합니다(${folder})`,
      ),
    );
  const module = r.string(top.module, ['module']) ?? 'F';
  const order = r.int(top.order, ['order'], 1, 99) ?? Number(ID.exec(id)?.[1] ?? 0);
  const hosts = r.strings(top.hosts, ['hosts']);
  hosts.forEach((h, i) => {
    if (!NAME.test(h))
      r.error(
        'host',
        ['hosts', i],
        t(`host names are lower-case words (${h})`, `호스트 이름은 소문자 단어입니다(${h})`),
      );
  });
  const steps = (r.list(top.steps, ['steps']) ?? []).flatMap((s, i) => decodeStep(r, input, s, ['steps', i]));
  const checks = (r.list(top.checks, ['checks']) ?? []).flatMap((c, i) =>
    decodeCheck(r, c, ['checks', i], hosts),
  );
  const ids = checks.map((c) => c.id);
  ids.forEach((cid, i) => {
    if (ids.indexOf(cid) !== i)
      r.error(
        'duplicate-id',
        ['checks', i, 'id'],
        t(`two checks are called ${cid}`, `id가 ${cid}인 검사가 둘입니다`),
      );
  });
  const hints = (r.list(top.hints, ['hints']) ?? []).flatMap((h, i) => r.localText(h, ['hints', i]) ?? []);
  const title = r.localText(top.title, ['title']);
  const start = scripts(input, 'start', hosts);
  const solution = scripts(input, 'solution', hosts);
  const cheatNames = [
    ...new Set([...input.files.keys()].filter((f) => f.startsWith('cheats/')).map((f) => f.split('/')[1]!)),
  ];
  const cheats = Object.fromEntries(cheatNames.map((n) => [n, scripts(input, `cheats/${n}`, hosts)]));
  if (![...input.files.keys()].some((f) => f.startsWith('solution/')))
    r.error(
      'no-solution',
      [],
      t(
        'the lesson needs a solution/ folder with a script per host',
        '레슨에는 호스트마다 스크립트가 있는 solution/ 폴더가 필요합니다',
      ),
    );
  for (const f of input.files.keys()) {
    const m = /^(start|solution|cheats\/[^/]+)\/([^/]+)\.sh$/.exec(f);
    if (m && !hosts.includes(m[2]!))
      out.push(
        at(input, f, t(`${f}: there is no host ${m[2]} in hosts`, `${f}: hosts에 ${m[2]} 호스트가 없습니다`)),
      );
  }
  if (out.some((d) => d.severity === 'error') || !title) return done(out);
  const prerequisites = r.strings(top.prerequisites, ['prerequisites']);
  prerequisites.forEach((p, i) => {
    if (p === id)
      r.error(
        'prerequisite',
        ['prerequisites', i],
        t('a lesson cannot require itself', '레슨은 자기 자신을 선수 레슨으로 둘 수 없습니다'),
      );
    else if (options.knownIds && !options.knownIds.has(p))
      r.error('prerequisite', ['prerequisites', i], t(`no lesson "${p}"`, `"${p}" 레슨이 없습니다`));
  });
  if (out.some((d) => d.severity === 'error')) return done(out);
  const lesson: ConsoleLesson = {
    id,
    module,
    order,
    prerequisites,
    title,
    hosts,
    steps,
    checks,
    hints,
    start,
    solution,
    cheats,
    dir: input.dir,
  };
  return done(out, lesson);
}

function done(out: Diagnostic[], lesson?: ConsoleLesson): ConsoleLessonLoad {
  out.sort(compareDiagnostics);
  return out.some((d) => d.severity === 'error') || !lesson
    ? { diagnostics: out }
    : { lesson, diagnostics: out };
}

function at(input: ConsoleLessonFiles, file: string, message: LocalText): Diagnostic {
  return { file: `${input.dir}/${file}`, line: 1, col: 1, severity: 'error', code: 'lesson-file', message };
}

function scripts(input: ConsoleLessonFiles, folder: string, hosts: readonly string[]): HostScripts {
  return Object.fromEntries(hosts.map((h) => [h, input.files.get(`${folder}/${h}.sh`) ?? '']));
}

function decodeStep(
  r: FieldReader,
  input: ConsoleLessonFiles,
  value: unknown,
  path: FieldPath,
): ConsoleStep[] {
  const s = r.map(value, path);
  if (!s) return [];
  r.fields(s, path, ['id', 'text']);
  const id = r.string(s.id, [...path, 'id']);
  const base = r.string(s.text, [...path, 'text']);
  if (!id || !base) return [];
  const text = { en: input.files.get(`${base}.en.md`), ko: input.files.get(`${base}.ko.md`) };
  for (const loc of ['en', 'ko'] as const)
    if (text[loc] === undefined)
      r.error(
        'missing-text',
        [...path, 'text'],
        t(`${base}.${loc}.md is missing`, `${base}.${loc}.md 파일이 없습니다`),
      );
  return text.en !== undefined && text.ko !== undefined ? [{ id, text: { en: text.en, ko: text.ko } }] : [];
}

function place(
  r: FieldReader,
  value: unknown,
  path: FieldPath,
  hosts: readonly string[],
): string | undefined {
  const p = r.string(value, path);
  if (p === undefined) return undefined;
  const [host, ns] = p.includes(':') ? p.split(':', 2) : [undefined, p];
  if (
    (host !== undefined && !hosts.includes(host)) ||
    !NAME.test(ns ?? '') ||
    (host === undefined && hosts.length > 1 && !hosts.includes(p))
  ) {
    r.error(
      'place',
      path,
      t(
        `"${p}": name a host, a namespace of the only host, or host:namespace`,
        `"${p}": 호스트, 유일한 호스트의 네임스페이스, 또는 host:namespace를 쓰세요`,
      ),
    );
    return undefined;
  }
  return p;
}

function decodeCheck(
  r: FieldReader,
  value: unknown,
  path: FieldPath,
  hosts: readonly string[],
): ConsoleCheck[] {
  const c = r.map(value, path);
  if (!c) return [];
  const kind = r.string(c.check, [...path, 'check']) as ConsoleCheck['check'] | undefined;
  const id = r.string(c.id, [...path, 'id']);
  if (!kind || !(kind in FIELDS)) {
    r.error(
      'check-kind',
      [...path, 'check'],
      t(
        `check must be one of ${Object.keys(FIELDS).join(', ')}`,
        `check는 ${Object.keys(FIELDS).join(', ')} 중 하나여야 합니다`,
      ),
    );
    return [];
  }
  r.fields(c, path, ['check', 'id', ...FIELDS[kind]]);
  if (!id) {
    r.need(c, 'id', path);
    return [];
  }
  const p = (key: string) => place(r, c[key], [...path, key], hosts);
  const places = (key: string) =>
    (r.list(c[key], [...path, key]) ?? []).flatMap((v, i) => place(r, v, [...path, key, i], hosts) ?? []);
  const host = (key: string): string => {
    const h = r.string(c[key], [...path, key]) ?? hosts[0] ?? '';
    if (!hosts.includes(h))
      r.error('host', [...path, key], t(`no host ${h} in hosts`, `hosts에 ${h} 호스트가 없습니다`));
    return h;
  };
  const strings = (key: string) => r.strings(c[key], [...path, key]);
  const need = (...keys: string[]) => keys.every((k) => r.need(c, k, path));
  switch (kind) {
    case 'reach':
      return need('among') ? [{ check: kind, id, among: places('among'), targets: strings('targets') }] : [];
    case 'ping': {
      const from = p('from');
      const to = r.string(c.to, [...path, 'to']);
      return need('from', 'to', 'reply') && from && to
        ? [{ check: kind, id, from, to, reply: r.bool(c.reply, [...path, 'reply']) ?? true }]
        : [];
    }
    case 'link': {
      const atPlace = p('at');
      const name = r.string(c.name, [...path, 'name']);
      if (!need('at', 'name') || !atPlace || !name) return [];
      const kindText = r.string(c.kind, [...path, 'kind']);
      const up = r.bool(c.up, [...path, 'up']);
      const master = r.string(c.master, [...path, 'master']);
      return [
        {
          check: kind,
          id,
          at: atPlace,
          name,
          ...(kindText ? { kind: kindText } : {}),
          ...(up !== undefined ? { up } : {}),
          ...(master ? { master } : {}),
          addresses: strings('addresses'),
        },
      ];
    }
    case 'namespaces':
      return [
        {
          check: kind,
          id,
          host: host('host'),
          include: strings('include'),
          exactly: r.bool(c.exactly, [...path, 'exactly']) ?? false,
        },
      ];
    case 'wired': {
      const bridge = r.string(c.bridge, [...path, 'bridge']);
      return need('namespaces', 'bridge') && bridge
        ? [{ check: kind, id, host: host('host'), namespaces: places('namespaces'), bridge }]
        : [];
    }
    case 'routes': {
      const atPlace = p('at');
      return need('at') && atPlace
        ? [
            {
              check: kind,
              id,
              at: atPlace,
              noHostRoutes: r.bool(c.noHostRoutes, [...path, 'noHostRoutes']) ?? false,
              without: strings('without'),
            },
          ]
        : [];
    }
    case 'connect': {
      const from = p('from');
      const to = r.string(c.to, [...path, 'to']);
      const port = r.int(c.port, [...path, 'port'], 1, 65535);
      return need('from', 'to', 'port') && from && to && port
        ? [{ check: kind, id, from, to, port, open: r.bool(c.open, [...path, 'open']) ?? true }]
        : [];
    }
    case 'cni-plugin': {
      const file = r.string(c.file, [...path, 'file']);
      return need('file', 'podIps') && file
        ? [
            {
              check: kind,
              id,
              host: host('host'),
              file,
              podIps: strings('podIps'),
              targets: strings('targets'),
            },
          ]
        : [];
    }
  }
}

// `netlab lesson check`, `netlab diff` and `netlab exposure`: the commands built on exact reach
// over peer classes. Each reads its files, runs the pure cores and renders text or JSON; usage
// mistakes throw UsageError (exit 2), input errors are printed with file:line:col (exit 1).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostic';
import type { Locale } from '../lib/text';
import { josa } from '../lib/korean';
import { loadCluster, type LoadResult } from '../k8s/load-cluster';
import { compareReach } from '../engine/compare-reach';
import { groupDifferences, groupText, type ReachGroup } from '../engine/describe-reach';
import { exposureOf } from '../engine/exposure';
import type { ReachComparison } from '../engine/compare-reach';
import { checkChallenge, isSolved, LESSON_FILE, loadLesson } from '../lesson';
import { CONSOLE_LESSON_FILE } from '../lesson/console/types';
import { UsageError, type CliArgs } from './args';
import { readLessonFolder } from './lint-lessons';
import type { CommandResult } from './command-result';
import { printable } from './terminal-text';

/** The commands this file answers. */
export const REACH_COMMANDS: readonly string[] = ['lesson', 'diff', 'exposure'];

function readText(name: string): { name: string; text: string } {
  try {
    return { name: name === '-' ? '<stdin>' : name, text: readFileSync(name === '-' ? 0 : name, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new UsageError(`${name}: ${why}`);
  }
}

const errorLines = (ds: readonly Diagnostic[], lang: Locale): string =>
  ds.map((d) => printable(formatDiagnostic(d, lang)) + '\n').join('');

/** A scenario file loaded; undefined (with its errors printed) when the API server would reject it. */
function loadScenario(name: string, lang: Locale): { loaded?: LoadResult; stderr: string } {
  const file = readText(name);
  const loaded = loadCluster([file]);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 ? { stderr: errorLines(errors, lang) } : { loaded, stderr: '' };
}

export function runReachCommand(args: CliArgs): CommandResult {
  switch (args.command) {
    case 'lesson':
      return lessonCheck(args);
    case 'diff':
      return diff(args);
    default:
      return exposure(args);
  }
}

// ---------------------------------------------------------------------------------------------
// netlab lesson check LESSON FILE

function lessonCheck(args: CliArgs): CommandResult {
  const [sub, lessonArg, file, ...rest] = args.files;
  if (sub !== 'check')
    throw new UsageError(`lesson: the only subcommand is "check" (netlab lesson check LESSON FILE)`);
  if (lessonArg === undefined || file === undefined || rest.length > 0)
    throw new UsageError('lesson check needs a LESSON folder and one scenario FILE');
  const dir = basename(lessonArg) === LESSON_FILE ? dirname(lessonArg) : lessonArg.replace(/\/+$/, '');
  if (existsSync(`${dir}/${CONSOLE_LESSON_FILE}`))
    throw new UsageError(
      `${lessonArg}: a console lesson (${CONSOLE_LESSON_FILE}) is judged on host scripts: netlab lint ${lessonArg} plays its solution and cheats`,
    );
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(`${dir}/${LESSON_FILE}`))
    throw new UsageError(`${lessonArg}: not a lesson folder (no ${LESSON_FILE})`);
  const load = loadLesson(readLessonFolder(dir));
  if (!load.lesson) {
    const errors = load.diagnostics.filter((d) => d.severity === 'error');
    return { stdout: '', stderr: errorLines(errors, args.lang), code: 1 };
  }
  const lesson = load.lesson;
  const scenario = readText(file);
  const results = checkChallenge(lesson.challenge, scenario.text, { file: scenario.name }).filter(
    (r) => r.blocking,
  );
  const solved = isSolved(results);
  const checks = results.map((r) => ({ id: r.id, passed: r.passed, message: r.message[args.lang] }));
  const stdout = args.json
    ? JSON.stringify({ lesson: lesson.id, solved, checks }, null, 2) + '\n'
    : checks.map((c) => printable(`${c.passed ? '✓' : '✗'} ${c.id}: ${c.message}`) + '\n').join('');
  return { stdout, stderr: '', code: solved ? 0 : 1 };
}

// ---------------------------------------------------------------------------------------------
// netlab diff OLD NEW, netlab exposure FILE

interface GroupJson {
  readonly subject: string;
  readonly direction: 'ingress' | 'egress';
  readonly peer: string;
  readonly ports: string;
  readonly policies: readonly string[];
  readonly rules: readonly { readonly policy: string; readonly rule: number }[];
}

function groupJson(c: ReachComparison, g: ReachGroup, lang: Locale): GroupJson {
  const t = groupText(c, g);
  return {
    subject: t.subject[lang],
    direction: g.direction,
    peer: t.peers[lang],
    ports: t.ports[lang],
    policies: t.allowedBy,
    rules: t.rules,
  };
}

/** `(data/db-policy ingress rule 1)`, or why nothing is needed: the side is not isolated. */
function because(g: GroupJson, lang: Locale, before = false): string {
  if (g.rules.length > 0) {
    const rules = g.rules.map((r) =>
      lang === 'ko'
        ? `${r.policy} ${g.direction === 'ingress' ? '인그레스' : '이그레스'} 규칙 ${r.rule}`
        : `${r.policy} ${g.direction} rule ${r.rule}`,
    );
    const was = before ? (lang === 'ko' ? '이전에는 ' : 'before: ') : '';
    return lang === 'ko' ? `${was}허용: ${rules.join(', ')}` : `${was}allowed by ${rules.join(', ')}`;
  }
  const type = g.direction === 'ingress' ? 'Ingress' : 'Egress';
  if (before)
    return lang === 'ko'
      ? `이전에는 policyTypes에 ${josa(type, '이/가')} 있는 정책 중 이 파드를 선택하는 것이 없었음`
      : `before, no ${type} policy selected it`;
  return lang === 'ko'
    ? `policyTypes에 ${josa(type, '이/가')} 있는 정책 중 이 파드를 선택하는 것이 없음`
    : `no ${type} policy selects it`;
}

/** `data/db ← PEERS on PORTS (why)` for ingress, `data/db → …` for egress. */
function groupLine(g: GroupJson, lang: Locale, before = false): string {
  const arrow = g.direction === 'ingress' ? '←' : '→';
  const ports = lang === 'ko' ? `, ${g.ports}` : ` on ${g.ports}`;
  return printable(`${g.subject} ${arrow} ${g.peer}${ports} (${because(g, lang, before)})`);
}

function diff(args: CliArgs): CommandResult {
  if (args.files.length !== 2) throw new UsageError('diff needs two files: OLD and NEW');
  const [oldName, newName] = args.files as [string, string];
  const before = loadScenario(oldName, args.lang);
  const after = loadScenario(newName, args.lang);
  if (!before.loaded || !after.loaded) return { stdout: '', stderr: before.stderr + after.stderr, code: 1 };
  const c = compareReach(after.loaded.cluster, before.loaded.cluster);
  const groups = groupDifferences(c);
  const opened = groups.filter((g) => g.extra).map((g) => groupJson(c, g, args.lang));
  const closed = groups.filter((g) => !g.extra).map((g) => groupJson(c, g, args.lang));
  if (args.json) return { stdout: JSON.stringify({ opened, closed }, null, 2) + '\n', stderr: '', code: 0 };
  if (groups.length === 0) {
    const same = args.lang === 'ko' ? '열리거나 닫힌 흐름이 없습니다' : 'nothing opens or closes';
    return { stdout: `${same}\n`, stderr: '', code: 0 };
  }
  const lines = [
    ...opened.map((g) => `+ ${groupLine(g, args.lang)}`),
    ...closed.map((g) => `- ${groupLine(g, args.lang, true)}`),
  ];
  return { stdout: lines.join('\n') + '\n', stderr: '', code: 0 };
}

function exposure(args: CliArgs): CommandResult {
  if (args.files.length !== 1) throw new UsageError('exposure needs one FILE');
  const scenario = loadScenario(args.files[0]!, args.lang);
  if (!scenario.loaded) return { stdout: '', stderr: scenario.stderr, code: 1 };
  const { comparison, groups } = exposureOf(scenario.loaded.cluster);
  const list = groups.map((g) => groupJson(comparison, g, args.lang));
  if (args.json) return { stdout: JSON.stringify({ exposure: list }, null, 2) + '\n', stderr: '', code: 0 };
  if (list.length === 0) {
    const none =
      args.lang === 'ko'
        ? '시나리오에 없는 파드나 주소는 어느 파드와도 주고받을 수 없습니다'
        : 'no pod can reach or be reached by a peer the scenario does not have';
    return { stdout: `${none}\n`, stderr: '', code: 0 };
  }
  return { stdout: list.map((g) => groupLine(g, args.lang)).join('\n') + '\n', stderr: '', code: 0 };
}

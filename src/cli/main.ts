// `netlab` entry point: files → cluster → engine → stdout; problems → stderr with file:line:col.
// Never a stack trace: every failure becomes a message and a documented exit status (args.ts).
import process from 'node:process';
import { analyzeScenario } from '../engine/analyze';
import { loadCluster } from '../k8s/load-cluster';
import { clip } from '../lib/user-text';
import type { CommandResult } from './command-result';
import { runCommand } from './run';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { lessonFolders, lintLessons, lintReport } from './lint-lessons';
import { OutputError, outputProblem, print } from './output';
import { REACH_COMMANDS, runReachCommand } from './reach-commands';
import { InputError, readInputs } from './read-input';
import { TooBigError } from './render-matrix';
import { runResolve } from './resolve-command';
import { runTest } from './test-command';
import { checkShellArgs, runShell } from './shell';
import { runStorageLab } from './storage-commands';

/** `netlab lint` with lesson folders among its arguments: lessons and manifests in one report. */
function lintWithLessons(args: CliArgs): CommandResult | undefined {
  const folders: string[] = [];
  const manifests: string[] = [];
  for (const f of args.files) {
    const lessons = f === '-' ? undefined : lessonFolders(f);
    if (lessons?.length === 0)
      throw new UsageError(`${f}: a folder with neither a lesson.yaml nor lesson folders`);
    if (lessons) folders.push(...lessons);
    else manifests.push(f);
  }
  if (folders.length === 0 && manifests.length === args.files.length) return undefined;
  const { diagnostics, expected } = lintLessons(folders);
  if (manifests.length > 0) {
    diagnostics.push(...analyzeScenario(readInputs(manifests)).diagnostics);
  }
  return lintReport(diagnostics, expected, args.lang);
}

/** A failure as one line on stderr (cut: an argument may be megabytes long) and its exit status. */
function fail(message: string, code: number): number {
  try {
    print(2, `netlab: ${clip(message, 400)}\n`);
  } catch {
    // stderr is gone too: the exit status still says it
  }
  return code;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      print(1, USAGE + '\n');
      return 0;
    }
    if (args.command === 'shell') checkShellArgs(args);
    if (args.files.length === 0) throw new UsageError(`${args.command}: give at least one FILE`);
    const result =
      (REACH_COMMANDS.includes(args.command) ? runReachCommand(args) : undefined) ??
      (args.command === 'shell' ? runShell(readInputs(args.files), args.json, args.lang) : undefined) ??
      runStorageLab(args, readInputs) ??
      (args.command === 'lint' ? lintWithLessons(args) : undefined) ??
      (args.command === 'test' ? runTest(args, readInputs) : undefined) ??
      runResolve(args, readInputs) ??
      // Only lint reports warnings; the other commands need the loaded scenario and its errors.
      runCommand(args, (args.command === 'lint' ? analyzeScenario : loadCluster)(readInputs(args.files)));
    print(2, result.stderr);
    print(1, result.stdout);
    return result.code;
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message} (see netlab --help)`, 2);
    if (e instanceof InputError || e instanceof TooBigError) return fail(e.message, 1);
    if (e instanceof OutputError)
      // The reader went away (`| head`): it has what it wanted.
      return e.closed ? 0 : fail(`cannot write the output: ${outputProblem(e.code)}`, 4);
    return fail(`internal error: ${(e as Error).message}`, 3);
  }
}

process.exitCode = main(process.argv.slice(2));

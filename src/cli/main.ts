// `netlab` entry point: files → cluster → engine → stdout; problems → stderr with file:line:col.
// Never a stack trace: every failure becomes a message and an exit status.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { analyzeScenario } from '../engine/analyze';
import { loadCluster } from '../k8s/load-cluster';
import type { ManifestFile } from '../k8s/source';
import type { CommandResult } from './command-result';
import { runCommand } from './run';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { lessonFolders, lintLessons, lintReport } from './lint-lessons';
import { REACH_COMMANDS, runReachCommand } from './reach-commands';
import { runTest } from './test-command';
import { checkShellArgs, runShell } from './shell';
import { runStorageLab } from './storage-commands';

function readFiles(names: readonly string[]): ManifestFile[] {
  return names.map((name) => {
    try {
      return { name: name === '-' ? '<stdin>' : name, text: readFileSync(name === '-' ? 0 : name, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
      throw new UsageError(`${name}: ${why}`);
    }
  });
}

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
    diagnostics.push(...analyzeScenario(readFiles(manifests)).diagnostics);
  }
  return lintReport(diagnostics, expected, args.lang);
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (args.command === 'shell') checkShellArgs(args);
    if (args.files.length === 0) throw new UsageError(`${args.command}: give at least one FILE`);
    const result =
      (REACH_COMMANDS.includes(args.command) ? runReachCommand(args) : undefined) ??
      (args.command === 'shell' ? runShell(readFiles(args.files), args.json, args.lang) : undefined) ??
      runStorageLab(args, readFiles) ??
      (args.command === 'lint' ? lintWithLessons(args) : undefined) ??
      (args.command === 'test' ? runTest(args, readFiles) : undefined) ??
      // Only lint reports warnings; the other commands need the loaded scenario and its errors.
      runCommand(args, (args.command === 'lint' ? analyzeScenario : loadCluster)(readFiles(args.files)));
    if (result.stderr) process.stderr.write(result.stderr);
    if (result.stdout) process.stdout.write(result.stdout);
    return result.code;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`netlab: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`netlab: internal error: ${(e as Error).message}\n`);
    return 3;
  }
}

process.exitCode = main(process.argv.slice(2));

// The `netlab` command as a person or a script runs it, for the CLI tests: a real process (node
// with tsx on src/cli/main.ts), real files in a fresh temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const DEFAULT_SCENARIO = join(ROOT, 'src/scenarios/default.yaml');

/** Runs `netlab ARGS` (with `input` on stdin): its exit code and both streams. */
export function netlab(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to a file called `name` in a new temporary folder; returns its path. */
export function tmpFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netlab-')), name);
  writeFileSync(file, text);
  return file;
}

#!/usr/bin/env node
// `npm test`: typecheck → lint → format check → unit → build (production, then the e2e build the
// browser tests run against) → the built CLI against the sources → e2e → summary.
// Stops early if typecheck, lint or build fails. Both test runners always run (e2e only if the
// build succeeded), the summary line is always printed last, and the exit code is non-zero if any
// step failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * @param {string[]} args
 * @param {boolean} [quiet] no failure banner (the summary's own line must stay last)
 */
function run(args, quiet = false) {
  const label = args.join(' ');
  console.log(`\n=== ${label}`);
  const r = spawnSync(args[0] ?? '', args.slice(1), { cwd: root, stdio: 'inherit' });
  if (r.error) console.error(`${label}: ${r.error.message}`);
  const ok = r.status === 0;
  if (!ok && !quiet) console.log(`=== ${label}: FAILED (exit ${r.status ?? r.signal})`);
  return ok;
}

/** @param {string} script */
const npmRun = (script) => run([npm, 'run', '--silent', script]);

/** @param {string} step */
function fatal(step) {
  console.log(`\n${step} failed; tests not run.`);
  process.exit(1);
}

// Stale reports must never produce a green summary.
rmSync(join(root, 'reports'), { recursive: true, force: true });

if (!npmRun('typecheck')) fatal('typecheck');
if (!npmRun('lint')) fatal('lint');
if (!npmRun('format:check')) fatal('format check (run npm run format)');
const unitOk = npmRun('test:unit');
if (!npmRun('build') || !npmRun('build:e2e')) {
  // Still report the unit results; the summary fails (e2e report missing) and stays last.
  console.log('\nbuild failed; e2e tests not run.');
  run([process.execPath, 'scripts/summary.mjs'], true);
  process.exit(1);
}
const cliOk = run([process.execPath, 'scripts/cli-smoke.mjs']);
const e2eOk = npmRun('test:e2e');
console.log('');
const summaryOk = run([process.execPath, 'scripts/summary.mjs'], true);
process.exit(unitOk && cliOk && e2eOk && summaryOk ? 0 : 1);

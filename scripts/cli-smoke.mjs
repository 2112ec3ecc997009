#!/usr/bin/env node
// `npm test`, after the build: the built `netlab` bin (dist-cli/netlab.mjs, bundled and minified)
// answers as the sources do. The unit tests run the sources; this runs both on the same commands
// and compares stdout, stderr and the exit status, so a bundling mistake cannot pass unseen.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const A05 = 'lessons/a-05-and-vs-or';
const I01 = 'lessons/i-01-ingress-by-host-and-path';
/** @type {string[][]} */
const commands = [
  ['--help'],
  ['lint', `${A05}/start.yaml`, `${A05}/solution.yaml`, '--lang', 'ko'],
  ['matrix', `${A05}/solution.yaml`],
  ['trace', `${I01}/start.yaml`, '--from', 'user', '--to', 'http://shop.example.com/api/cart', '--json'],
  ['lesson', 'check', A05, `${A05}/start.yaml`],
  ['matrix', 'no-such-file.yaml'],
];

/** @param {string[]} argv */
const node = (argv) => spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

let failed = 0;
for (const args of commands) {
  const built = node([join(root, 'dist-cli/netlab.mjs'), ...args]);
  const source = node([join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', ...args]);
  const label = `netlab ${args.join(' ')}`;
  const same =
    built.status === source.status && built.stdout === source.stdout && built.stderr === source.stderr;
  if (same && built.stdout.length + built.stderr.length > 0)
    console.log(`ok   ${label} (exit ${built.status})`);
  else {
    failed++;
    console.log(`FAIL ${label}: built exit ${built.status}, sources exit ${source.status}`);
    for (const stream of /** @type {const} */ (['stdout', 'stderr']))
      if (built[stream] !== source[stream])
        console.log(
          `  ${stream} differs:\n  built:   ${built[stream].slice(0, 300)}\n  sources: ${source[stream].slice(0, 300)}`,
        );
  }
}
console.log(
  failed === 0
    ? `the built CLI answers as the sources on ${commands.length} commands`
    : `${failed} command(s) differ`,
);
process.exit(failed === 0 ? 0 : 1);

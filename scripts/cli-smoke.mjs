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
const commands = [
  ['--help'],
  ['lint', `${A05}/start.yaml`, `${A05}/solution.yaml`, '--lang', 'ko'],
  ['matrix', `${A05}/solution.yaml`],
  ['trace', `${I01}/start.yaml`, '--from', 'user', '--to', 'http://shop.example.com/api/cart', '--json'],
  ['lesson', 'check', A05, `${A05}/start.yaml`],
  ['matrix', 'no-such-file.yaml'],
];

const bin = (args) => [process.execPath, [join(root, 'dist-cli/netlab.mjs'), ...args]];
const sources = (args) => [
  process.execPath,
  [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', ...args],
];

let failed = 0;
for (const args of commands) {
  const [a, b] = [bin(args), sources(args)].map(([cmd, argv]) =>
    spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }),
  );
  const same = a.status === b.status && a.stdout === b.stdout && a.stderr === b.stderr;
  const label = `netlab ${args.join(' ')}`;
  if (same && a.stdout.length + a.stderr.length > 0) console.log(`ok   ${label} (exit ${a.status})`);
  else {
    failed++;
    console.log(`FAIL ${label}: built exit ${a.status}, sources exit ${b.status}`);
    if (a.stdout !== b.stdout)
      console.log(
        `  stdout differs:\n  built:   ${a.stdout.slice(0, 300)}\n  sources: ${b.stdout.slice(0, 300)}`,
      );
    if (a.stderr !== b.stderr)
      console.log(
        `  stderr differs:\n  built:   ${a.stderr.slice(0, 300)}\n  sources: ${b.stderr.slice(0, 300)}`,
      );
  }
}
console.log(
  failed === 0
    ? `the built CLI answers as the sources on ${commands.length} commands`
    : `${failed} command(s) differ`,
);
process.exit(failed === 0 ? 0 : 1);

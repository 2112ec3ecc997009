// Which Chromium the browser tests and page benchmarks drive, and with which flags.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** CHROMIUM_PATH → Debian's /usr/bin/chromium → Playwright's own download (only if present). */
export function chromiumExecutable(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  // executablePath() returns a path even when nothing was downloaded, so check the file.
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for Playwright. Install it with `apt-get install -y chromium` ' +
      '(or set CHROMIUM_PATH to a Chromium binary).',
  );
}

/** No network beyond loopback here: keep Chromium from trying. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

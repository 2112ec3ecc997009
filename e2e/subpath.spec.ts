// The built lab is published under any path: dist/ served below /some/sub/path/ loads the lab, a
// lesson and the embed view with every asset, chunk, stylesheet and the worker found there.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const DIST = join(import.meta.dirname, '..', 'dist');
const PREFIX = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!);
    const file = path.startsWith(PREFIX)
      ? normalize(join(DIST, path.slice(PREFIX.length) || 'index.html'))
      : '';
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Every response the page gets is a success, and every request stays below the prefix. */
function watchRequests(page: Page): string[] {
  const bad: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && (!url.pathname.startsWith(PREFIX) || r.status() >= 400))
      bad.push(`${r.status()} ${url.pathname}`);
  });
  return bad;
}

test('the lab works under a sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  let workers = 0;
  page.on('worker', () => workers++);
  await page.goto(base);
  await expect(page.getByRole('heading', { name: 'Reachability matrix' })).toBeVisible();
  await expect(page.getByRole('table').getByText('prod/db').first()).toBeVisible();
  await expect.poll(() => workers).toBeGreaterThan(0);
  expect(bad).toEqual([]);
});

test('a lesson and the embed view work under a sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}#/lesson/a-01-no-policy-no-isolation`);
  await expect(page.getByRole('heading', { name: /No policy, no isolation/ })).toBeVisible();
  await page.goto(`${base}?embed=1&panels=matrix`);
  await expect(page.getByRole('heading', { name: 'Reachability matrix' })).toBeVisible();
  expect(bad).toEqual([]);
});

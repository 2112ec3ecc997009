// A course page on another origin drives an embed through every command and hears back: hello,
// ready, ack for each command with an id, error for each failure, resize as the content grows.
// Focus stays on the host page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

type Msg = { type: string } & Record<string, unknown>;

let server: Server;
let hostUrl = '';
let hostHtml = '';

test.beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(hostHtml);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notes.html`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function openHost(page: Page, query: string) {
  const base = test.info().project.use.baseURL!;
  hostHtml = `<!doctype html><html lang="en"><head><title>Course notes</title></head><body>
    <h1>Course notes</h1>
    <label>Notes <input id="notes"></label>
    <iframe title="netlab" src="${base}/?${query}" width="900" height="400" style="border: 0"></iframe>
    <script>
      window.msgs = [];
      addEventListener('message', (e) => {
        window.msgs.push(e.data);
        if (e.data && e.data.type === 'netlab:resize') document.querySelector('iframe').style.height = e.data.height + 'px';
      });
    </script>
  </body></html>`;
  await page.goto(hostUrl);
  await page.getByLabel('Notes').focus();
  return page.frameLocator('iframe');
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { msgs: Msg[] }).msgs);
const post = (page: Page, msg: unknown) =>
  page.evaluate((m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'), msg);
const reply = async (page: Page, id: string) => {
  await expect.poll(async () => (await messages(page)).find((m) => m['id'] === id)).toBeTruthy();
  return (await messages(page)).find((m) => m['id'] === id)!;
};

test('every command is acknowledged or refused with a reason, and focus stays on the host', async ({
  page,
}) => {
  const frame = await openHost(page, 'embed=1&panels=matrix,packets,lesson');
  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('netlab:ready');
  const first = (await messages(page))[0]!;
  expect(first).toEqual({ type: 'netlab:hello', version: 1 });

  await post(page, { type: 'netlab:select', from: 'prod/web', to: 'prod/db', port: 3306, id: 'select' });
  expect(await reply(page, 'select')).toEqual({ type: 'netlab:ack', id: 'select' });
  await post(page, { type: 'netlab:play', from: 'prod/web', to: 'prod/db', port: 3306, id: 'play' });
  expect(await reply(page, 'play')).toEqual({ type: 'netlab:ack', id: 'play' });
  await post(page, { type: 'netlab:lesson', lesson: 'a-01-no-policy-no-isolation', id: 'lesson' });
  expect(await reply(page, 'lesson')).toEqual({ type: 'netlab:ack', id: 'lesson' });
  await post(page, {
    type: 'netlab:load',
    scenario: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n',
    id: 'yaml',
  });
  expect(await reply(page, 'yaml')).toMatchObject({ type: 'netlab:error', code: 'scenario-errors' });
  expect((await reply(page, 'yaml'))['message']).toMatch(/^\d+:\d+: /);
  await post(page, { type: 'netlab:play', from: 'nope/x', to: 'prod/db', port: 3306, id: 'nope' });
  expect(await reply(page, 'nope')).toMatchObject({ type: 'netlab:error', code: 'unknown-endpoint' });
  await expect(frame.getByRole('button', { name: /nope\/x/ })).toHaveCount(0);
  await post(page, { type: 'netlab:select', from: 'prod/web', to: 'prod/db', port: 1, id: 'port' });
  expect(await reply(page, 'port')).toMatchObject({ type: 'netlab:error', code: 'bad-port' });
  await post(page, { type: 'netlab:lesson', lesson: 'z-99-nothing', id: 'nolesson' });
  expect(await reply(page, 'nolesson')).toMatchObject({ type: 'netlab:error', code: 'unknown-lesson' });
  await post(page, { type: 'netlab:jump', id: 'what' });
  expect(await reply(page, 'what')).toMatchObject({ type: 'netlab:error', code: 'bad-message' });

  // No dialog opened in the frame, and the host's field still has the focus.
  await expect(frame.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes');

  // The frame says how tall its content is, and the host's snippet follows it.
  const lastHeight = async () =>
    (await messages(page)).filter((m) => m.type === 'netlab:resize').at(-1)?.['height'] as number | undefined;
  await expect.poll(lastHeight).toBeGreaterThan(400);
  await expect
    .poll(
      async () =>
        (await page.evaluate(() => document.querySelector('iframe')!.clientHeight)) === (await lastHeight()),
    )
    .toBe(true);
});

test('a read-only embed refuses scenarios unless allowed, and offers no solution', async ({ page }) => {
  const frame = await openHost(
    page,
    'embed=1&panels=lesson&readonly=1&lesson=a-01-no-policy-no-isolation&step=still-open',
  );
  await expect(frame.getByRole('heading', { name: /No policy, no isolation/ })).toBeVisible();
  await post(page, {
    type: 'netlab:load',
    scenario: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n',
    id: 'ro',
  });
  expect(await reply(page, 'ro')).toMatchObject({ type: 'netlab:error', code: 'read-only' });
  await expect(frame.getByRole('button', { name: /solution/i })).toHaveCount(0);
  expect((await messages(page)).filter((m) => m.type === 'netlab:check')).toEqual([]);
});

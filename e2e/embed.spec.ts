import { expect, test, type Page } from '@playwright/test';

async function host(page: Page, query: string) {
  const base = test.info().project.use.baseURL!;
  await page.setContent(`<!doctype html><html lang="en"><body>
    <h1>Course notes</h1>
    <iframe title="netlab" src="${base}/?${query}" width="1000" height="760"></iframe>
    <script>window.msgs = []; addEventListener('message', (e) => window.msgs.push(e.data));</script>
  </body></html>`);
  return page.frameLocator('iframe');
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { msgs: { type: string }[] }).msgs);
const post = (page: Page, msg: unknown) => page.evaluate((m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'), msg);

test('an embedded diagram is driven by postMessage and reports back', async ({ page }) => {
  const frame = await host(page, 'embed=1&panels=matrix,packets&lang=ko');
  await expect(frame.locator('[data-testid="graph.pod"][data-id="prod/db"]')).toBeVisible();
  await expect(frame.getByRole('heading', { name: '도달 가능성 표' })).toBeVisible();
  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('netlab:ready');

  await post(page, { type: 'netlab:eval', code: 'alert(1)' }); // ignored
  await post(page, { type: 'netlab:play', from: 'prod/web', to: 'prod/db', port: 3306 });
  await expect.poll(async () => (await messages(page)).find((m) => m.type === 'netlab:packet')).toMatchObject({ verdict: 'dropped', from: 'prod/web', to: 'prod/db' });
  await expect(frame.getByTestId('packet.panel')).toContainText('prod/web → prod/db 3306/TCP');

  const scenario = await frame.locator('body').evaluate(() => window.__netlab!.store!.getState().scenarioText);
  await post(page, { type: 'netlab:load', scenario: scenario.replace('          role: backend\n    ports:', '          role: web\n    ports:') });
  await expect.poll(async () => (await messages(page)).find((m) => m.type === 'netlab:verdicts')).toMatchObject({ changed: 2 });
  // no editor: the author did not ask for one
  await expect(frame.getByTestId('editor.root')).toHaveCount(0);
});

test('click to load: nothing runs until the reader asks', async ({ page }) => {
  const frame = await host(page, 'embed=1&ctl=1');
  await expect(frame.getByTestId('embed.load')).toBeVisible();
  await expect(frame.locator('[data-testid="graph.pod"]')).toHaveCount(0);
  await frame.getByTestId('embed.load').click();
  await expect(frame.locator('[data-testid="graph.pod"]')).toHaveCount(3);
});

test('an embed never touches the learner’s saved work', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => window.__netlab!.store!.getState().setScenarioText('# my work\n'));
  await page.waitForTimeout(400);
  const frame = await host(page, 'embed=1');
  await expect(frame.locator('[data-testid="graph.pod"]')).toHaveCount(3);
  await page.goto('/');
  expect(await page.evaluate(() => window.__netlab!.store!.getState().scenarioText)).toBe('# my work\n');
});

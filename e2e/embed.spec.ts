import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { decodeShareFragment, encodeShareFragment } from '../src/lib/share-codec';
import { PROGRESS_KEYS } from '../src/services/lesson-progress';
import { TID } from '../src/views/testIds';
import {
  MONACO,
  cell,
  editorPanel,
  editorView,
  lessonPanel,
  matrixPort,
  packetPanel,
  pod,
  pods,
  why,
} from './locate';

const ROOT = join(import.meta.dirname, '..');

/**
 * A host page with the embed in an iframe, recording what it is sent. By default an opaque page of
 * its own (another origin); `sameOrigin` serves it from netlab's origin instead, so that its
 * localStorage is the one the embed could write to.
 */
async function host(page: Page, query: string, { sameOrigin = false, width = 1000, height = 760 } = {}) {
  const base = test.info().project.use.baseURL!;
  const html = `<!doctype html><html lang="en"><body>
    <h1>Course notes</h1>
    <script>window.historyBefore = history.length;</script>
    <iframe title="netlab" src="${base}/?${query}" width="${width}" height="${height}"></iframe>
    <script>window.msgs = []; addEventListener('message', (e) => window.msgs.push(e.data));</script>
  </body></html>`;
  if (sameOrigin) {
    await page.route(`${base}/course-notes.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    await page.goto('/course-notes.html');
  } else {
    await page.setContent(html);
  }
  return page.frameLocator('iframe');
}

type Msg = { type: string } & Record<string, unknown>;
const messages = (page: Page) => page.evaluate(() => (window as unknown as { msgs: Msg[] }).msgs);
const post = (page: Page, msg: unknown) =>
  page.evaluate((m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'), msg);

test('an embedded diagram is driven by postMessage and reports back', async ({ page }) => {
  const frame = await host(page, 'embed=1&panels=matrix,packets&lang=ko');
  await expect(pod(frame, 'prod/db')).toBeVisible();
  await expect(frame.getByRole('heading', { name: '도달 가능성 표' })).toBeVisible();
  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('netlab:ready');

  await post(page, { type: 'netlab:eval', code: 'alert(1)' }); // ignored
  await post(page, { type: 'netlab:play', from: 'prod/web', to: 'prod/db', port: 3306 });
  await expect
    .poll(async () => (await messages(page)).find((m) => m.type === 'netlab:packet'))
    .toMatchObject({ verdict: 'dropped', from: 'prod/web', to: 'prod/db' });
  await expect(packetPanel(frame)).toContainText('prod/web → prod/db 3306/TCP');

  const scenario = await frame
    .locator('body')
    .evaluate(() => window.__netlab!.store!.getState().scenarioText);
  await post(page, {
    type: 'netlab:load',
    scenario: scenario.replace('          role: backend\n    ports:', '          role: web\n    ports:'),
  });
  await expect
    .poll(async () => (await messages(page)).find((m) => m.type === 'netlab:verdicts'))
    .toMatchObject({ changed: 2 });
  // no editor: the author did not ask for one
  await expect(editorPanel(frame)).toHaveCount(0);
  // "Open in netlab" opens the full lab on the scene the host loaded, not the bare lab.
  const open = frame.getByRole('link', { name: 'netlab에서 열기' });
  await open.hover();
  const href = new URL((await open.getAttribute('href'))!);
  expect(href.search).toBe('');
  const opened = decodeShareFragment(href.hash.slice(1));
  expect('frame' in opened && opened.frame.scenario).toContain('          role: web\n    ports:');
});

test('click to load: a picture of the scene and a button, under 300 KB, and the lab only on the click', async ({
  page,
}) => {
  const fetched: { url: string; bytes: number }[] = [];
  page.on('response', (r) => {
    void r
      .body()
      .then((b) => fetched.push({ url: r.url(), bytes: b.length }))
      .catch(() => undefined);
  });
  const frame = await host(page, 'embed=1&ctl=1&panels=matrix');
  const load = frame.getByRole('button', { name: 'Load the interactive netlab diagram' });
  await expect(load).toBeVisible();
  // The cover pictures the scene of the embed code (the default here): its nodes, its pods.
  const picture = frame.getByRole('img', {
    name: /^Preview of the scene: node01, node02; 3 pods, 3 Services, and the implicit CoreDNS$/,
  });
  await expect(picture).toBeVisible();
  await expect(picture).toContainText('backend');
  await expect(pods(frame)).toHaveCount(0);
  await page.waitForTimeout(1000); // anything the cover would still fetch
  const before = fetched.filter((f) => !f.url.startsWith('data:')).reduce((n, f) => n + f.bytes, 0);
  console.log(`click-to-load cover: ${before} bytes fetched before the click (${fetched.length} requests)`);
  expect(before).toBeLessThan(300_000);
  expect(fetched.some((f) => f.url.includes('model.worker'))).toBe(false);
  await load.click();
  await expect(pods(frame)).toHaveCount(3);
  await expect(matrixPort(frame)).toBeVisible();
  await expect(picture).toHaveCount(0);
});

test('click to load in Korean, on a shared scene: the cover pictures that scene', async ({ page }) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  const text = await page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
  const fragment = encodeShareFragment({ scenario: text.replaceAll('node02', 'worker-b') });
  const frame = await host(page, `embed=1&ctl=1&lang=ko#${fragment}`);
  const picture = frame.getByRole('img', {
    name: /^장면 미리 보기: node01, worker-b, 파드 3개, Service 3개, 자동 추가된 CoreDNS$/,
  });
  await expect(picture).toBeVisible();
  await page.screenshot({ path: '/tmp/embed-cover-ko.png' });
  await frame.getByRole('button', { name: '직접 다뤄 보는 netlab 그림 불러오기' }).click();
  await expect(pod(frame, 'prod/backend')).toHaveAccessibleName(/, worker-b;/);
});

test('an embed never touches the learner’s saved work', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => window.__netlab!.store!.getState().setScenarioText('# my work\n'));
  await page.waitForTimeout(400);
  const frame = await host(page, 'embed=1');
  await expect(pods(frame)).toHaveCount(3);
  await page.goto('/');
  expect(await page.evaluate(() => window.__netlab!.store!.getState().scenarioText)).toBe('# my work\n');
});

test('a lesson in an embed: chosen by URL, moved and solved by the host, saved nowhere', async ({ page }) => {
  const lesson = 'a-01-no-policy-no-isolation';
  const frame = await host(page, `embed=1&panels=lesson,editor&lesson=${lesson}`, { sameOrigin: true });
  const panel = lessonPanel(frame);
  const step = panel.getByTestId(TID.lessonStep); // data-step: the step's id in lesson.yaml
  await expect(panel.getByRole('heading', { level: 2, name: /No policy, no isolation/ })).toBeVisible();
  await expect(step).toHaveAttribute('data-step', 'open-by-default');
  await expect(editorPanel(frame)).toBeVisible();
  // The panel is the author's choice: the reader cannot close it.
  await expect(frame.getByRole('button', { name: 'Close lessons' })).toHaveCount(0);
  await expect
    .poll(() => messages(page))
    .toContainEqual({ type: 'netlab:step', lesson, step: 'open-by-default' });
  await expect
    .poll(async () => (await messages(page)).find((m) => m.type === 'netlab:check'))
    .toMatchObject({ lesson, solved: false, total: 5 });

  await post(page, { type: 'netlab:lesson', lesson, step: 'isolate-db' });
  await expect(step).toHaveAttribute('data-step', 'isolate-db');
  await expect(panel.getByRole('heading', { level: 3, name: 'Challenge' })).toBeVisible();
  await expect.poll(() => messages(page)).toContainEqual({ type: 'netlab:step', lesson, step: 'isolate-db' });
  // The frame's own address follows, without adding to the host page's history.
  await expect
    .poll(() => frame.locator('body').evaluate(() => location.hash))
    .toBe(`#/lesson/${lesson}/isolate-db`);
  expect(
    await page.evaluate(
      () => history.length - (window as unknown as { historyBefore: number }).historyBefore,
    ),
  ).toBe(0);

  // The panel's own links move the lesson without adding to the host page's history either.
  await panel.getByRole('link', { name: /All lessons/ }).click();
  await expect(panel.getByRole('heading', { name: 'All lessons' })).toBeVisible();
  await panel.getByRole('listitem').first().getByRole('link').click();
  await expect(step).toHaveAttribute('data-step', 'isolate-db');
  expect(
    await page.evaluate(
      () => history.length - (window as unknown as { historyBefore: number }).historyBefore,
    ),
  ).toBe(0);

  await post(page, {
    type: 'netlab:load',
    scenario: readFileSync(join(ROOT, 'lessons', lesson, 'solution.yaml'), 'utf8'),
  });
  await expect
    .poll(async () => (await messages(page)).filter((m) => m.type === 'netlab:check' && m.solved))
    .toEqual([{ type: 'netlab:check', lesson, solved: true, passed: 5, total: 5 }]);
  const solved = panel.getByRole('status').filter({ hasText: 'Solved! Every check passes.' });
  await expect(solved).toBeVisible();
  await solved.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('embed-lesson.png') });

  // Nothing of it was kept: not on this origin (netlab's own, the learner's), not in the frame.
  const netlabKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('netlab'));
  expect(await page.evaluate(netlabKeys)).toEqual([]);
  expect(await frame.locator('body').evaluate(netlabKeys)).toEqual([]);
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEYS.progress)).toBeNull();
});

test('the lesson list in an embed, in Korean, read-only', async ({ page }) => {
  const frame = await host(page, 'embed=1&panels=lesson,editor&readonly=1&lang=ko');
  const first = lessonPanel(frame).getByRole('listitem').first();
  await expect(lessonPanel(frame).getByRole('heading', { name: '전체 레슨' })).toBeVisible();
  await expect(first).toContainText('정책이 없으면 격리도 없다');
  await expect(frame.getByRole('button', { name: '진도 내보내기' })).toHaveCount(0);
  await expect(editorPanel(frame)).toHaveCount(0);
  await first.getByRole('link').click();
  await expect(frame.getByTestId(TID.lessonStep)).toHaveAttribute('data-step', 'open-by-default');
  await expect
    .poll(() => messages(page))
    .toContainEqual({ type: 'netlab:step', lesson: 'a-01-no-policy-no-isolation', step: 'open-by-default' });
});

test('the embed view with every panel passes axe', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto('/?embed=1&panels=lesson,matrix,packets,editor&lesson=a-05-and-vs-or');
  await expect(lessonPanel(page)).toBeVisible();
  await expect(pods(page).first()).toBeVisible();
  await expect(editorView(page)).toBeVisible();
  const results = await new AxeBuilder({ page }).exclude(MONACO).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});

test('"Embed code" copies an iframe that shows this scene and chosen flow on a course page', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const scenario = (await page.evaluate(() => window.__netlab!.store!.getState().scenarioText)).replace(
    '          role: backend\n    ports:',
    '          role: web\n    ports:',
  );
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), scenario);
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  await page.getByRole('button', { name: 'Embed code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(
    /^<iframe title="netlab: an interactive Kubernetes network diagram" src="[^"]+\?embed=1&amp;panels=matrix,packets&amp;lang=en&amp;ctl=1#s=v1\.[A-Za-z0-9_-]+" width="1000" height="760" loading="lazy"><\/iframe>\n$/,
  );

  // Pasted into someone's page: click to load, then the same scene and the same cell.
  await page.setContent(`<!doctype html><html lang="en"><body><h1>Course notes</h1>${snippet}</body></html>`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Load the interactive netlab diagram' }).click();
  await expect(pods(frame)).toHaveCount(3);
  await expect(matrixPort(frame)).toHaveValue(/./);
  const chosen = cell(frame, 'prod/web', 'prod/db');
  await expect(chosen).toHaveAttribute('data-verdict', 'allow');
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await expect(why(frame)).toContainText('prod/web → prod/db 3306/TCP');
});

test('a narrow frame (≤ 480 px): the graph first, the panels as tabs, text at its size', async ({ page }) => {
  const frame = await host(page, 'embed=1&panels=lesson,matrix,packets&lesson=a-01-no-policy-no-isolation', {
    width: 400,
    height: 900,
  });
  await expect(pods(frame)).toHaveCount(3);
  const tabs = frame.getByRole('tablist', { name: 'Panels' });
  await expect(tabs.getByRole('tab')).toHaveText(['Lessons', 'Packet journeys', 'Reachability matrix']);
  await expect(tabs.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await expect(lessonPanel(frame)).toBeVisible();
  await expect(matrixPort(frame)).toHaveCount(0);
  // The graph comes before the panels.
  const top = async (l: ReturnType<typeof frame.getByRole>) => (await l.boundingBox())!.y;
  expect(await top(frame.getByRole('group', { name: /^Cluster diagram: / }))).toBeLessThan(await top(tabs));
  // Keyboard: arrows move between tabs, the chosen panel follows.
  await tabs.getByRole('tab', { name: 'Lessons' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Reachability matrix' })).toBeFocused();
  await expect(frame.getByRole('tabpanel', { name: 'Reachability matrix' })).toBeVisible();
  await expect(cell(frame, 'prod/web', 'prod/db')).toBeVisible();
  await expect(lessonPanel(frame)).toHaveCount(0);
  // Legible: the panel's text is no smaller than 14 px.
  const size = await frame.getByRole('tabpanel').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(14);
  await page.screenshot({ path: '/tmp/embed-narrow.png', fullPage: true });
});

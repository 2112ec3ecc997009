import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { cell, chooseFiles, language, matrixPort, packetPanel, pod, pods, why } from './locate';

/** A status line (role="status") saying `text`: what the share and file buttons report. */
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const openFile = (page: Page, file: { name: string; mimeType: string; buffer: Buffer }) =>
  chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), file);
const toWeb = `(() => {
  const s = window.__netlab.store.getState();
  s.setScenarioText(s.scenarioText.replace('          role: backend\\n    ports:', '          role: web\\n    ports:'));
})()`;

test('copy a link, open it in a fresh page: same scene, port, flow and language', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.evaluate(toWeb);
  await language(page).selectOption('ko');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  await page.getByRole('button', { name: '링크 복사' }).click();
  await expect(status(page, '링크를 복사했습니다')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=v1\.[A-Za-z0-9_-]+$/);

  // Someone else, with work of their own in this browser profile:
  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto('/');
  await friend.evaluate(() => window.__netlab!.store!.getState().setScenarioText('# my own notes\n'));
  await friend.waitForTimeout(400);
  await friend.goto(link);
  await expect(language(friend)).toHaveValue('ko');
  await expect(matrixPort(friend)).toHaveValue('2');
  await expect(cell(friend, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  await expect(cell(friend, 'prod/web', 'prod/db')).toHaveAttribute('aria-pressed', 'true');
  await expect(why(friend)).toContainText('✓ 허용');
  // their own work was not silently overwritten
  await expect(
    friend.getByText(/^공유된 장면을 열었습니다\. 내 시나리오는 저장해 두었습니다\./),
  ).toBeVisible();
  await friend.getByRole('button', { name: '내 시나리오 되찾기' }).click();
  expect(await friend.evaluate(() => window.__netlab!.store!.getState().scenarioText)).toBe(
    '# my own notes\n',
  );
  await other.close();
});

test('a link carries the packet on screen and the highlighted policy; a first-time recipient sees no restore banner', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(60_000); // two pages and two models
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Highlight policy' }).selectOption('prod/db-policy');
  const packets = packetPanel(page);
  await packets.getByRole('combobox', { name: 'To', exact: true }).selectOption('prod/db');
  await packets.getByRole('spinbutton', { name: 'Port', exact: true }).fill('3306');
  await packets.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(packets).toContainText('prod/web → prod/db 3306/TCP');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto(link);
  const theirs = packetPanel(friend);
  await expect(theirs).toContainText('prod/web → prod/db 3306/TCP');
  await expect(theirs.getByRole('combobox', { name: 'From', exact: true })).toHaveValue('prod/web');
  await expect(theirs.getByRole('combobox', { name: 'To', exact: true })).toHaveValue('prod/db');
  await expect(theirs.getByRole('spinbutton', { name: 'Port', exact: true })).toHaveValue('3306');
  await expect(friend.getByRole('combobox', { name: 'Highlight policy' })).toHaveValue('prod/db-policy');
  await expect(friend.getByRole('button', { name: 'Bring it back' })).toHaveCount(0);
  await expect(friend.getByText(/Your previous scenario was replaced/)).toHaveCount(0);
  await other.close();
});

test('a link made in a lesson opens the same step with the sharer’s edited text and flow', async ({
  page,
  context,
  browser,
}) => {
  const A01 = 'a-01-no-policy-no-isolation';
  const start = readFileSync(new URL(`../lessons/${A01}/start.yaml`, import.meta.url), 'utf8');
  const text = (p: Page) => p.evaluate(() => window.__netlab!.store!.getState().scenarioText);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/#/lesson/${A01}/isolate-db`);
  await expect(page.getByTestId(TID.lessonStep)).toHaveAttribute('data-step', 'isolate-db');
  await expect.poll(() => text(page)).toBe(start);
  // The sharer's own edit (a label no lesson file has), and a flow the step does not point at.
  const edited = start.replace('    role: backend\n', '    role: backend\n    tier: shared\n');
  expect(edited).not.toBe(start);
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), edited);
  await matrixPort(page).selectOption({ label: '5000/TCP' });
  await cell(page, 'prod/web', 'prod/backend').click();
  await expect(cell(page, 'prod/web', 'prod/backend')).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(status(page, 'Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=v1\.[A-Za-z0-9_-]+$/);

  // Someone who has never opened a lesson, in a browser of their own:
  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto(link);
  await expect(friend).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db$`));
  await expect(
    friend.getByRole('heading', { level: 2, name: 'A1 No policy, no isolation', exact: true }),
  ).toBeVisible();
  await expect(friend.getByTestId(TID.lessonStep)).toHaveAttribute('data-step', 'isolate-db');
  await expect(friend.getByText('Step 2 of 3', { exact: true })).toBeVisible();
  await expect(cell(friend, 'prod/web', 'prod/backend')).toHaveAttribute('aria-pressed', 'true');
  await expect(matrixPort(friend)).toHaveValue(await matrixPort(page).inputValue());
  await expect(why(friend)).toContainText('prod/web → prod/backend 5000/TCP');
  // The lesson checked the shared text: it is in place, and nobody asked to replace it.
  await expect
    .poll(() => friend.evaluate(() => window.__netlab!.store!.getState().lesson.checks?.text))
    .toBe(edited);
  expect(await text(friend)).toBe(edited);
  await expect(friend.getByRole('dialog', { name: 'Replace your scenario?' })).toBeHidden();
  await other.close();
});

test('a damaged link says so and loses nothing', async ({ page }) => {
  await page.goto('/');
  const before = await page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
  await page.goto('/#s=v1.!!!not-a-scene');
  await page.reload();
  await page.goto('/#s=v1.AAAA');
  await expect(status(page, 'cannot be opened')).toBeVisible();
  expect(await page.evaluate(() => window.__netlab!.store!.getState().scenarioText)).toBe(before);
});

test('export SVG and PNG, then open them again: the scene comes back', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(toWeb);
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  const svgPath = await svg.path();
  const svgText = readFileSync(svgPath!, 'utf8');
  expect(svgText).toContain('<metadata id="netlab-scene">s=v1.');
  expect(svgText).toContain('node01');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  const pngPath = await png.path();
  expect(readFileSync(pngPath!).subarray(1, 4).toString()).toBe('PNG');

  for (const file of [svgPath!, pngPath!]) {
    await page.getByRole('button', { name: 'Reset to the default scenario' }).click();
    await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
    await openFile(page, {
      name: file.endsWith('svg') ? 'scene.svg' : 'scene.png',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(file),
    });
    await expect(status(page, 'opened')).toBeVisible();
    await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  }
});

test('a kubectl List dump imports', async ({ page }) => {
  await page.goto('/');
  const dump = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop, uid: 1a2b, resourceVersion: "42", managedFields: [{manager: kubectl}]}
  spec: {finalizers: [kubernetes]}
  status: {phase: Active}
- apiVersion: v1
  kind: Pod
  metadata: {name: cart-7d9f, namespace: shop, labels: {app: cart}, ownerReferences: [{kind: ReplicaSet, name: cart}]}
  spec:
    nodeName: kind-worker
    containers: [{name: cart, image: cart:1, ports: [{containerPort: 8080, name: http}]}]
  status: {phase: Running, podIP: 10.244.1.7, hostIP: 172.18.0.3}
- apiVersion: v1
  kind: Pod
  metadata: {name: ui-5c6d, namespace: shop, labels: {app: ui}}
  spec: {containers: [{name: ui, image: ui:1}]}
  status: {podIP: 10.244.1.8}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: cart-from-ui, namespace: shop, generation: 1}
  spec:
    podSelector: {matchLabels: {app: cart}}
    ingress: [{from: [{podSelector: {matchLabels: {app: ui}}}], ports: [{port: http}]}]
`;
  await openFile(page, { name: 'dump.yaml', mimeType: 'application/yaml', buffer: Buffer.from(dump) });
  await expect(pod(page, 'shop/cart-7d9f')).toBeVisible();
  await matrixPort(page).selectOption({ label: '8080/TCP' });
  await expect(cell(page, 'shop/ui-5c6d', 'shop/cart-7d9f')).toHaveAttribute('data-verdict', 'allow');
});

test('labels, names and links carrying HTML run nothing', async ({ page }) => {
  const alerts: string[] = [];
  page.on('dialog', (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  await page.goto('/');
  await page.evaluate(() => {
    (window as unknown as { pwned?: boolean }).pwned = false;
    window.__netlab!.store!.getState().setScenarioText(`apiVersion: v1
kind: Pod
metadata:
  name: x
  labels: {role: "<img src=x onerror=window.pwned=true>"}
spec: {containers: [{name: "<script>window.pwned=true</script>", image: i}]}
---
apiVersion: netlab.dev/v1
kind: ExternalEndpoint
metadata: {name: "<img src=x onerror=window.pwned=true>"}
spec: {ip: 1.2.3.4}
`);
  });
  await pods(page).first().focus();
  await page.getByTestId(TID.graphDetails).waitFor();
  await page.goto('/#s=v1.<img src=x onerror=alert(1)>');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned ?? false)).toBe(false);
  expect(await page.locator('img').count()).toBe(0);
  expect(alerts).toEqual([]);
});

test('the built page forbids inline script (Content-Security-Policy)', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.goto('/');
  await page.evaluate(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        void (window as unknown as { reportViolation(v: string): void }).reportViolation(e.violatedDirective),
    );
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan ?? false)).toBe(
    false,
  );
  expect(violations[0]).toMatch(/script-src/);
});

test('adding a port in the editor keeps the matrix, the packet form and the link on the port chosen', async ({
  page,
  context,
  browser,
}) => {
  // Monaco, keystrokes down to the line, and a second browser: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const scenario = readFileSync(new URL('../src/scenarios/default.yaml', import.meta.url), 'utf8');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?motion=off');
  const port = page.getByRole('combobox', { name: 'Port', exact: true });
  await port.selectOption('3306/TCP');
  await page.getByRole('button', { name: 'prod/backend → prod/db 3306/TCP: allowed' }).click();
  const why = page.getByRole('region', { name: 'Why' });
  await expect(why).toContainText('prod/backend → prod/db 3306/TCP: ✓ allowed');

  // The learner declares another port on the web pod, listed before the db pod: 3306 moves down.
  const editor = page.getByRole('textbox', { name: 'Scenario YAML editor' });
  await expect(editor).toBeAttached();
  await editor.focus();
  await page.keyboard.press('Control+Home');
  const line = scenario.slice(0, scenario.indexOf('      containerPort: 80\n')).split('\n').length;
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter'); // indented like the line above: one level out for a new item
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('- containerPort: 8080');
  await page.keyboard.press('Escape');
  await expect(port.getByRole('option')).toHaveText(['80/TCP', '8080/TCP', '5000/TCP', '3306/TCP']);

  // Still 3306: the matrix, the explanation, the packet form's "send the selected flow".
  await expect(page.getByRole('table', { name: 'Reachability matrix — 3306/TCP' })).toBeVisible();
  await expect(why).toContainText('prod/backend → prod/db 3306/TCP: ✓ allowed');
  await page.getByRole('button', { name: 'Send prod/backend → prod/db 3306/TCP' }).click();
  await expect(page.getByRole('region', { name: 'Packet journeys' })).toContainText(
    'prod/backend → prod/db 3306/TCP',
  );

  // And the link: whoever opens it sees 3306 too.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto(link);
  await expect(friend.getByRole('table', { name: 'Reachability matrix — 3306/TCP' })).toBeVisible();
  await expect(friend.getByRole('region', { name: 'Why' })).toContainText(
    'prod/backend → prod/db 3306/TCP: ✓ allowed',
  );
  await other.close();
});

test('a scenario file dropped anywhere on the page opens, and the share panel says so', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('columnheader', { name: 'prod/db' })).toBeVisible();
  const file = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    const yaml =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: cart, namespace: shop}\nspec:\n  containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]\n';
    dt.items.add(new File([yaml], 'shop.yaml', { type: 'application/yaml' }));
    return dt;
  });
  const target = page.getByRole('heading', { name: 'Reachability matrix' });
  await target.dispatchEvent('dragover', { dataTransfer: file });
  await target.dispatchEvent('drop', { dataTransfer: file });
  await expect(page.getByRole('status').filter({ hasText: 'shop.yaml opened' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'shop/cart' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reachability matrix — 8080/TCP' })).toBeVisible();
  // The learner's text is one click away.
  await page.getByRole('button', { name: 'Bring it back' }).click();
  await expect(page.getByRole('columnheader', { name: 'prod/db' })).toBeVisible();
});

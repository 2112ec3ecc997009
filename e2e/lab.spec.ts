import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { cell, language, matrixCells, matrixPort, why } from './locate';

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
});

test('the default scenario shows the three tiers and outside endpoints in the matrix', async ({ page }) => {
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/backend', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveText('✗ deny');
  await expect(page.getByRole('columnheader', { name: 'backup-server 192.168.5.10' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lab-matrix.png', fullPage: true });
});

test('choosing a denied cell explains it, naming db-policy', async ({ page }) => {
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  const reasons = why(page);
  await expect(reasons).toContainText('prod/web → prod/db 3306/TCP: ✗ denied');
  await expect(reasons).toContainText('prod/db-policy rule 1');
  await expect(reasons).toContainText('role=backend');
  await page.screenshot({ path: 'test-results/lab-explanation.png', fullPage: true });
});

test('keyboard only: reach a cell, select it, read the explanation', async ({ page }) => {
  await page.goto('/');
  const port = matrixPort(page);
  await port.focus();
  await page.keyboard.press('ArrowDown'); // 80 → 5000
  await page.keyboard.press('ArrowDown'); // 5000 → 3306
  await expect(port).toHaveValue('2');
  const target = cell(page, 'prod/backend', 'prod/db');
  for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-pressed', 'true');
  await expect(why(page)).toContainText('✓ allowed');
});

test('Korean UI and explanations', async ({ page }) => {
  await page.goto('/');
  await language(page).selectOption('ko');
  await expect(page.getByRole('heading', { name: '도달 가능성 표' })).toBeVisible();
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  await expect(why(page)).toContainText('✗ 차단');
  await page.screenshot({ path: 'test-results/lab-korean.png', fullPage: true });
});

test('no serious accessibility violations, no console errors', async ({ page }) => {
  await page.goto('/');
  await cell(page, 'prod/web', 'prod/db').click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
});

test('the matrix filter narrows rows and columns', async ({ page }) => {
  await page.goto('/');
  await expect(matrixCells(page)).toHaveCount(21); // 5×5 minus 4 outside→outside
  await page.getByRole('searchbox', { name: 'Filter' }).fill('prod/');
  await expect(matrixCells(page)).toHaveCount(9);
});

test('an edit survives a reload; reset brings the default back and can be undone', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(
      s.scenarioText.replace('          role: backend\n    ports:', '          role: web\n    ports:'),
    );
  });
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-change', 'newly-allowed');
  await page.waitForTimeout(400); // autosave waits for a pause in typing
  await page.reload();
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  await page.getByRole('button', { name: 'Reset to the default scenario' }).click();
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
});

test('a chosen flow offers the command that checks it on a real cluster, and what to expect', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  const probe = page.getByTestId(TID.probe);
  await probe.getByText('Check it on a real cluster').click();
  const command = probe.getByRole('code');
  await expect(command).toContainText(`kubectl run netlab-probe -n 'prod'`);
  await expect(command).toContainText(`--labels='role=web'`);
  await expect(command).toContainText(
    `connect "$(kubectl get pod -n 'prod' 'db' -o jsonpath='{.status.podIP}'):3306"`,
  );
  await expect(command).toContainText('--timeout=3s --protocol=tcp');
  const expectation = probe.getByText(/^netlab predicts: /);
  await expect(expectation).toContainText('denied');
  await probe.getByRole('button', { name: 'Copy the command' }).click();
  await expect(probe.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await command.innerText());

  // Another flow: the section stays open, and the expectation follows the engine's verdict.
  await cell(page, 'prod/backend', 'prod/db').click();
  await expect(probe).toHaveAttribute('open', '');
  await expect(expectation).toContainText('allowed');
  await probe.screenshot({ path: 'test-results/lab-probe.png' });
});

test('pin a version: the marks show everything changed since it, through later edits, until unpinned', async ({
  page,
}) => {
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  const lastEdit = page.getByText('Marks show what your last edit changed.', { exact: true });
  const sincePinned = page.getByText(/^Marks show what changed since the version pinned at /);
  await expect(lastEdit).toBeVisible();
  await page.getByRole('button', { name: 'Pin this version to compare' }).click();
  await expect(sincePinned).toBeVisible();
  await expect(lastEdit).toHaveCount(0);
  const text = await page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
  const toWeb = text.replace('          role: backend\n    ports:', '          role: web\n    ports:');
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), toWeb);
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-change', 'newly-allowed');
  // A later edit that flips nothing: per edit the marks would go; pinned, they stay.
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(`${t}\n# later\n`), toWeb);
  await expect
    .poll(() => page.evaluate(() => window.__netlab!.store!.getState().view!.text.endsWith('# later\n')))
    .toBe(true);
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-change', 'newly-allowed');
  await expect(cell(page, 'prod/backend', 'prod/db')).toHaveAttribute('data-change', 'newly-denied');
  await expect(sincePinned).toContainText('(2 cells, all ports)');
  await page
    .getByRole('region', { name: 'Reachability matrix' })
    .screenshot({ path: 'test-results/lab-pinned.png' });
  await page.getByRole('button', { name: 'Unpin' }).click();
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-change', '');
  await expect(lastEdit).toBeVisible();
  await expect(sincePinned).toHaveCount(0);
});

test('a chosen port no pod declares any more: the matrix says so, and comes back to it when it returns', async ({
  page,
}) => {
  const scenario = readFileSync(new URL('../src/scenarios/default.yaml', import.meta.url), 'utf8');
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Port', exact: true }).selectOption('3306/TCP');
  await expect(page.getByRole('table', { name: 'Reachability matrix — 3306/TCP' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Scenario YAML editor' });
  await expect(editor).toBeAttached();
  await editor.focus();
  await page.keyboard.press('Control+Home');
  const line = scenario.slice(0, scenario.indexOf('      containerPort: 3306\n')).split('\n').length;
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  await expect(
    page.getByRole('status').filter({
      hasText: 'No pod declares 3306/TCP, the port you chose, any more: the matrix shows 80/TCP.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reachability matrix — 80/TCP' })).toBeVisible();
  await page
    .getByRole('region', { name: 'Reachability matrix' })
    .screenshot({ path: 'test-results/lab-port-gone.png' });
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await expect(page.getByRole('table', { name: 'Reachability matrix — 3306/TCP' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No pod declares' })).toHaveCount(0);
});

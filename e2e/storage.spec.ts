// The storage lab on the page: reachable from the lab switch and the URL (#/storage, #/layers),
// a claim edited in its own Monaco text until it binds (the drawing and the reasons follow), the
// CSI calls step by step, the layers lab, a storage lesson, share links; screenshots in en and ko.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const VOLUMES = readFileSync(join(import.meta.dirname, '..', 'src', 'scenarios', 'storage.yaml'), 'utf8');

const box = (page: Page, kind: string, id: string) =>
  page.locator(`[data-testid="storage.drawing"] [data-kind="${kind}"][data-id="${id}"]`);
const reasons = (page: Page, claim: string) =>
  page.locator(`.storage-reasons [data-testid="storage.claim"][data-id="${claim}"]`);

/** 1-based line of `needle`, searched after `after` in the built-in storage scenario. */
function lineOf(needle: string, after: string): number {
  const start = VOLUMES.indexOf(after);
  const at = VOLUMES.indexOf(needle, start);
  if (start < 0 || at < 0) throw new Error(`not in storage.yaml: ${after} … ${needle}`);
  return VOLUMES.slice(0, at).split('\n').length;
}

async function editorReady(page: Page): Promise<void> {
  await expect(
    page.locator('[data-testid="storage.editor"] .monaco-editor .view-line').first(),
  ).toBeVisible();
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('edit a claim until it binds: the drawing and the reasons follow', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/storage');
  await expect(page.getByTestId('storage.root')).toHaveAttribute('data-mode', 'volumes');
  await expect(page.locator('[data-testid="storage.lab-switch"] [data-id="volumes"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(box(page, 'claim', 'default/logs')).toHaveAttribute('data-state', 'Pending');
  await expect(box(page, 'pv', 'pv-small')).toHaveAttribute('data-state', 'Available');
  await expect(reasons(page, 'default/logs')).toContainText('pv-small: 5Gi < 10Gi requested');
  await expect(reasons(page, 'default/data')).toContainText('the claim gets the whole PV');
  await page.screenshot({ path: test.info().outputPath('storage-volumes-before-en.png'), fullPage: true });

  // The claim logs asks for 10Gi; make it 5Gi, typing in the editor.
  await editorReady(page);
  const line = lineOf('storage: 10Gi', 'name: logs');
  await page.locator('[data-testid="storage.editor"] .monaco-editor').click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('5Gi');

  await expect(box(page, 'claim', 'default/logs')).toHaveAttribute('data-state', 'Bound');
  await expect(box(page, 'pv', 'pv-small')).toHaveAttribute('data-state', 'Bound');
  await expect(reasons(page, 'default/logs')).toContainText('Bound to pv-small (5Gi)');
  const text = await page.evaluate(() => window.__netlab!.store!.getState().storageLab.volumesText);
  expect(text).toContain('storage: 5Gi');
  await page.screenshot({ path: test.info().outputPath('storage-volumes-after-en.png'), fullPage: true });

  // A broken text keeps the last drawing and says where the error is.
  await page.keyboard.type('x');
  await expect(page.getByTestId('storage.problems')).toContainText('is not a quantity');
  await expect(box(page, 'claim', 'default/logs')).toHaveAttribute('data-state', 'Bound');
  expect(errors).toEqual([]);
});

test('the storage lab keeps the learner’s text across a reload', async ({ page }) => {
  await page.goto('/#/storage');
  await editorReady(page);
  await page.locator('[data-testid="storage.editor"] .monaco-editor').click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# my own claims\n');
  await expect(page.locator('[data-testid="storage.editor"] .view-line').first()).toHaveText(
    '# my own claims',
  );
  await page.waitForTimeout(600); // the autosave's pause
  await page.reload();
  await editorReady(page);
  await expect(page.locator('[data-testid="storage.editor"] .view-line').first()).toHaveText(
    '# my own claims',
  );
  // "Load the example again" brings the built-in text back.
  await page.getByRole('button', { name: 'Load the example again' }).click();
  await expect(page.locator('[data-testid="storage.editor"] .view-line').first()).toContainText(
    '# The storage lab',
  );
});

test('deleting a claim, and the CSI calls step by step', async ({ page }) => {
  await page.goto('/#/storage');
  await page.getByTestId('storage.delete-claim').selectOption('default/data');
  await expect(page.getByTestId('storage.deletion')).toContainText(
    'Released: Retain keeps the PV and its data',
  );
  await page.getByTestId('storage.delete-claim').selectOption('default/cache');
  await expect(page.locator('.deletion-result')).toHaveAttribute('data-result', 'deleted');

  const steps = page.getByTestId('storage.csi-step');
  await expect(steps.first()).toHaveAttribute('data-name', 'PVC watched');
  await expect(steps.filter({ hasText: 'CreateVolume' })).toHaveCount(1);
  const current = page.locator('[data-testid="storage.csi-step"][aria-current="step"]');
  await expect(current).toHaveAttribute('data-name', 'PVC watched');
  await page.getByRole('button', { name: 'Next call' }).click();
  await expect(current).toHaveAttribute('data-name', 'CreateVolume');
  await expect(current).toContainText('external-provisioner');
  await expect(current).toContainText('capacity_range');
});

test('the layers lab: cache, copy-up, /var/lib/docker; Korean too', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid="storage.lab-switch"] [data-id="layers"]').click();
  await expect(page).toHaveURL(/#\/layers$/);
  await expect(page.getByTestId('storage.root')).toHaveAttribute('data-mode', 'layers');
  const stack2 = page.locator('.image-stack[data-id="webapp2"] [data-testid="storage.layer"]');
  await expect(stack2).toHaveCount(5);
  await expect(
    stack2.locator('xpath=.').filter({ has: page.locator('.layer-status', { hasText: 'cached' }) }),
  ).toHaveCount(2);
  await expect(page.locator('[data-testid="storage.container"][data-id="web1"]')).toHaveAttribute(
    'data-state',
    'removed',
  );
  await expect(page.getByTestId('storage.tree')).toContainText('/var/lib/docker/');
  await expect(page.locator('[data-testid="storage.mount"][data-type="bind"]')).toContainText('/data/mysql');
  await page.screenshot({ path: test.info().outputPath('storage-layers-en.png'), fullPage: true });

  await page.evaluate(() => window.__netlab!.store!.getState().setLocale('ko'));
  await expect(page.getByTestId('storage.layers')).toContainText('이미지와 레이어');
  await page.screenshot({ path: test.info().outputPath('storage-layers-ko.png'), fullPage: true });
  await page.locator('[data-testid="storage.lab-switch"] [data-id="volumes"]').click();
  await expect(page.locator('.storage-reasons')).toContainText(
    '이 클레임에 맞는 PV가 없고 스토리지 클래스도 지정되지 않았습니다',
  );
  await page.screenshot({ path: test.info().outputPath('storage-volumes-ko.png'), fullPage: true });
});

test('a storage lesson opens in its lab, and its check follows the text', async ({ page }) => {
  await page.goto('/#/lesson/e-01-pv-pvc-binding/right-size');
  await expect(page.getByTestId('storage.root')).toHaveAttribute('data-mode', 'volumes');
  await expect(box(page, 'claim', 'default/data')).toHaveAttribute('data-state', 'Bound');
  await expect(box(page, 'pv', 'pv-100gi')).toHaveAttribute('data-state', 'Bound');
  const solution = readFileSync(
    join(import.meta.dirname, '..', 'lessons', 'e-01-pv-pvc-binding', 'solution.yaml'),
    'utf8',
  );
  await page.evaluate((text) => window.__netlab!.store!.getState().setScenarioText(text), solution);
  await expect(box(page, 'pv', 'pv-10gi')).toHaveAttribute('data-state', 'Bound');
  await expect(box(page, 'pv', 'pv-100gi')).toHaveAttribute('data-state', 'Available');
  await page.screenshot({ path: test.info().outputPath('storage-lesson-en.png'), fullPage: true });
});

test('a share link carries the storage lab and its text', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/layers');
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .setStorageText('layers', '-- Dockerfile --\n# size: 5MB\nFROM alpine\n'),
  );
  await page.getByTestId('share.copyLink').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=v1\.[A-Za-z0-9_-]+$/);
  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto(link);
  await expect(friend.getByTestId('storage.root')).toHaveAttribute('data-mode', 'layers');
  await expect(
    friend.locator('.image-stack[data-id="dockerfile"] [data-testid="storage.layer"]'),
  ).toHaveCount(1);
  await other.close();
});

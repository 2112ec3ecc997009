// Never lose the learner's work: their own texts that links, files, drops, resets and lessons
// replace become versions in a History kept in the browser, listed (also after a reload) and
// restored from there.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { encodeShareFragment } from '../src/lib/share-codec';
import { pods } from './locate';

const DEFAULT = readFileSync(new URL('../src/scenarios/default.yaml', import.meta.url), 'utf8');
const linkTo = (scenario: string) => `/#${encodeShareFragment({ scenario })}`;
const text = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
const MINE = `# my evening's work\n${DEFAULT}`;

test('own work → link A → link B → reload: the own work is in History and comes back', async ({ page }) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), MINE);
  await page.waitForTimeout(400); // the autosave's pause
  await page.goto(linkTo(`# link A\n${DEFAULT}`));
  await expect.poll(() => text(page)).toBe(`# link A\n${DEFAULT}`);
  await page.goto(linkTo(`# link B\n${DEFAULT}`));
  await expect.poll(() => text(page)).toBe(`# link B\n${DEFAULT}`);
  await page.reload();
  await expect(pods(page)).toHaveCount(3);
  expect(await text(page)).toBe(`# link B\n${DEFAULT}`);

  await page.getByRole('button', { name: 'History (1)' }).click();
  const list = page.getByRole('region', { name: 'Your earlier texts' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('replaced by a shared link');
  await expect(list.getByRole('listitem')).toContainText("# my evening's work");
  await list.getByRole('button', { name: /^Restore: / }).click();
  await expect.poll(() => text(page)).toBe(MINE);
  await expect(list.getByRole('status')).toContainText('is back');
});

test('a reset and a dropped file each keep a version, in Korean too, across a reload', async ({ page }) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), '# first\n' + DEFAULT);
  await page.getByRole('button', { name: 'Reset to the default scenario' }).click();
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), '# second\n' + DEFAULT);
  // a YAML file dropped on the page
  const drop = await page.evaluateHandle((yaml) => {
    const dt = new DataTransfer();
    dt.items.add(new File([yaml], 'dropped.yaml', { type: 'application/yaml' }));
    return dt;
  }, `# dropped\n${DEFAULT}`);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: drop });
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect.poll(() => text(page)).toBe(`# dropped\n${DEFAULT}`);
  await page.reload();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('button', { name: '기록 (2)' }).click();
  const items = page.getByRole('region', { name: '이전에 쓴 텍스트' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('끌어다 놓은 파일로 바뀜');
  await expect(items.nth(0)).toContainText('# second');
  await expect(items.nth(1)).toContainText('기본 시나리오로 바뀜');
  await expect(items.nth(1)).toContainText('# first');
});

test('when browser storage is full, History says which versions are not saved instead of dropping them', async ({
  page,
}) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  // Fill the origin's storage to the brim, as months of other work might.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        break;
      }
    }
    let n = 0;
    for (let size = 64 * 1024; size >= 16; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`filler-tail-${n++}`, 'x'.repeat(size));
      } catch {
        // this size no longer fits: a smaller piece may
      }
    }
  });
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), MINE);
  await page.getByRole('button', { name: 'Reset to the default scenario' }).click();
  await page.getByRole('button', { name: /^History \(1\) ⚠ not saved$/ }).click();
  const list = page.getByRole('region', { name: 'Your earlier texts' });
  await expect(page.getByRole('alert').filter({ hasText: 'Your text is not being saved' })).toBeVisible();
  await expect(list.getByRole('alert')).toContainText('versions marked “not saved” are kept only until');
  await expect(list.getByRole('listitem')).toContainText('not saved');
  await list.getByRole('button', { name: /^Restore: / }).click();
  await expect.poll(() => text(page)).toBe(MINE);
  await page.screenshot({ path: '/tmp/history-full.png' });
});

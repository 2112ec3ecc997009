// Korean as a learner reads it: a packet journey and the why-panel, with particles that follow the
// word before them (no both-forms placeholders) and the reasons as nested lists.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const PLACEHOLDER = /을\(를\)|이\(가\)|은\(는\)|와\(과\)|\(으\)로/;

const cell = (page: Page, from: string, to: string) =>
  page.locator(`[data-testid="matrix.cell"][data-from="${from}"][data-to="${to}"]`);

test.beforeEach(async ({ page }) => {
  await page.goto('/?motion=off');
  await page.getByTestId('app.language').selectOption('ko');
});

test('the why-panel in Korean: nested reasons, natural particles', async ({ page }) => {
  await page.getByTestId('matrix.port').selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  const why = page.getByTestId('flow.explanation');
  await expect(why).toContainText('prod/web → prod/db 3306/TCP: ✗ 차단');
  await expect(why).toContainText('prod/db-policy가 prod/db를 격리하는데, 맞는 규칙이 없습니다');
  // The rule's misses are a list under the rule.
  await expect(why.getByRole('list').getByRole('list').getByRole('listitem').first()).toContainText('규칙 1');
  await expect(why).not.toContainText(PLACEHOLDER);
  await why.screenshot({ path: 'test-results/ko-why-panel.png' });
});

test('a packet journey in Korean reads without placeholders', async ({ page }) => {
  await page.getByTestId('packet.from').selectOption('prod/web');
  await page.getByTestId('packet.to').selectOption('svc:prod/db');
  await page.getByTestId('packet.port').fill('3306');
  await page.getByTestId('packet.send').click();
  const events = page.getByTestId('packet.events');
  await expect(events).toBeVisible();
  await page.getByTestId('packet.play').click();
  const forward = page.getByTestId('packet.forward');
  while (await forward.isEnabled()) await forward.click();
  await expect(events).toContainText('prod/db의 인그레스');
  await expect(page.getByTestId('packet.panel')).not.toContainText(PLACEHOLDER);
  await page.getByTestId('packet.panel').screenshot({ path: 'test-results/ko-packet-journey.png' });
});

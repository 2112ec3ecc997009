// Presenter mode on a 1920×1080 projector: every graph text renders at 16 px or more on screen
// (its font size times the scale of its screen transform), in English and Korean.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { diagram, language } from './locate';

test.describe.configure({ timeout: 60_000 });

/** The smallest on-screen size of the graph's visible text elements, and how many there are. */
const smallestText = (page: Page) =>
  diagram(page).evaluate((svg) => {
    let smallest = Infinity;
    let count = 0;
    for (const el of svg.querySelectorAll('text')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || !el.textContent?.trim()) continue;
      const m = (el as SVGGraphicsElement).getScreenCTM();
      if (!m) continue;
      const px = parseFloat(style.fontSize) * Math.hypot(m.a, m.b);
      count++;
      smallest = Math.min(smallest, px);
    }
    return { smallest, count };
  });

for (const lesson of ['a-01-no-policy-no-isolation', 'a-05-and-vs-or']) {
  test(`presenter mode at 1920×1080 (${lesson}): every graph text is at least 16 px on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/#/lesson/${lesson}?present=1`);
    await expect(diagram(page)).toBeVisible();
    await expect.poll(async () => (await smallestText(page)).smallest).toBeGreaterThanOrEqual(16);
    expect((await smallestText(page)).count).toBeGreaterThan(10);
    await page.screenshot({ path: `test-results/presenter-${lesson}-en.png` });
    await language(page).selectOption('ko');
    await expect.poll(async () => (await smallestText(page)).smallest).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `test-results/presenter-${lesson}-ko.png` });
  });
}

test('outside presenter mode the same graph fits the pane (small text, the whole scene)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#/lesson/a-01-no-policy-no-isolation');
  await expect(diagram(page)).toBeVisible();
  await expect.poll(async () => (await smallestText(page)).smallest).toBeLessThan(16);
});

test('predict first: every verdict hidden, then revealed one cell at a time (click or N)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?motion=off');
  const cells = page.getByRole('table', { name: /^Reachability matrix — / }).getByRole('button');
  await expect(cells.first()).toBeVisible();
  const total = await cells.count();
  await page.getByRole('checkbox', { name: 'Predict first' }).check();
  const hidden = page.getByRole('button', { name: /: hidden \(reveal\)$/ });
  await expect(hidden).toHaveCount(total);
  await expect(page.getByText(/✓ allow|✗ deny/)).toHaveCount(0);
  // Click one: that cell shows its verdict, and the why panel explains it.
  await hidden.first().click();
  await expect(hidden).toHaveCount(total - 1);
  await expect(page.getByRole('region', { name: 'Why' })).not.toContainText('Verdicts are hidden');
  // N reveals the next one in reading order.
  await page.locator('body').press('n');
  await expect(hidden).toHaveCount(total - 2);
  await page.screenshot({ path: 'test-results/predict-first-en.png' });
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(hidden).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Predict first' }).uncheck();
  await expect(cells.first()).toHaveText(/✓|✗/);
});

test('predict first hides the packet’s verdict marks in the graph until its cell is revealed', async ({
  page,
}) => {
  await page.goto('/?motion=off');
  await page.getByRole('checkbox', { name: 'Predict first' }).check();
  const from = page.getByRole('combobox', { name: 'From', exact: true });
  const to = page.getByRole('combobox', { name: 'To', exact: true });
  await from.selectOption('prod/web');
  await to.selectOption('prod/db');
  await page.getByRole('spinbutton', { name: 'Port' }).fill('3306');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const graph = diagram(page);
  await expect(graph).toHaveClass(/predicting/);
  await page
    .getByRole('combobox', { name: /^Port$/ })
    .first()
    .selectOption({ label: '3306/TCP' });
  await page.getByRole('button', { name: /^prod\/web → prod\/db 3306\/TCP: hidden/ }).click();
  await expect(graph).not.toHaveClass(/predicting/);
});

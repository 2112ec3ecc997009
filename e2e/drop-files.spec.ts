// A dropped file asks nothing of the learner's work: a README is refused with a message, a
// progress file is offered for import (and the import survives a reload); the scenario stays.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { lessonItem, pods } from './locate';

const text = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ([n, c]) => {
      const d = new DataTransfer();
      d.items.add(new File([c], n));
      return d;
    },
    [name, content] as const,
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

test('a README is refused, a progress file is offered and imported; the scenario stays', async ({ page }) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  const before = await text(page);
  await dropFile(page, 'README.md', '# notes\n\nSome prose, no Kubernetes objects.\n');
  await expect(
    page.getByText(/^README\.md is not a scenario: netlab opens Kubernetes objects/),
  ).toBeVisible();
  expect(await text(page)).toBe(before);

  const progress = {
    format: 'netlab-lesson-progress',
    version: 1,
    lessons: { 'a-01-no-policy-no-isolation': { seen: ['intro'], solved: true } },
  };
  await dropFile(page, 'netlab-progress.json', JSON.stringify(progress, null, 2));
  await expect(
    page.getByText('netlab-progress.json is a netlab progress file; your scenario stays as it is.'),
  ).toBeVisible();
  expect(await text(page)).toBe(before);
  await page.getByRole('button', { name: 'Import this progress' }).click();
  await expect(page.getByText('Progress imported for 1 lesson(s), merged with yours.')).toBeVisible();
  await expect(lessonItem(page, 'A1')).toContainText('Done');
  await page.reload();
  await expect(lessonItem(page, 'A1')).toContainText('Done');
  expect(await text(page)).toBe(before);
});

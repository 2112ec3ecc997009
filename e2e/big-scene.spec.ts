// A whole cluster's dump: 1,000 pods arrive in batches, and far away the cards are named boxes
// whose details come back where the learner zooms in (the screen-reader label always has them).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { stringify } from 'yaml';
import { generateScenario } from '../src/testing/generate-cluster';

test('a 1,000-pod kubectl dump opens, draws every pod, and shows details where zoomed in', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.locator('[data-testid="graph.pod"]')).toHaveCount(3);
  const items = generateScenario({ pods: 1000, policies: 200, seed: 5 });
  const dump = stringify(
    { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } },
    { lineWidth: 0 },
  );
  const podKeys = items
    .filter((m) => m['kind'] === 'Pod')
    .map((m) => {
      const meta = m['metadata'] as { name: string; namespace: string };
      return `${meta.namespace}/${meta.name}`;
    });
  expect(podKeys).toHaveLength(1000);

  await page
    .getByTestId('import.input')
    .setInputFiles({ name: 'cluster-dump.yaml', mimeType: 'application/yaml', buffer: Buffer.from(dump) });
  const pods = page.locator('[data-testid="graph.pod"]');
  await expect(pods).toHaveCount(1000, { timeout: 60_000 });
  await expect(page.getByTestId('share.status')).toContainText('cluster-dump.yaml opened');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your previous scenario was replaced.' }),
  ).toBeVisible();

  // Fitted, the cards are a tenth of their size: name only, the rest in the label and on focus.
  const first = pods.first();
  const firstKey = (await first.getAttribute('data-id'))!;
  await expect(first.locator('text')).toHaveCount(1);
  await expect(first).toHaveAttribute('aria-label', /, \d+\.\d+\.\d+\.\d+/);
  await first.focus();
  await expect(page.getByTestId('graph.details')).toContainText(firstKey);
  expect(await page.locator('.link-ends text').count()).toBe(0);

  // Zoom in (around the middle of the picture): the cards in view get their IP, containers and
  // namespace back; those far away stay named boxes.
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const detailed = page.locator('[data-testid="graph.pod"]:has(text.mono)');
  await expect.poll(() => detailed.count()).toBeGreaterThan(0);
  const n = await detailed.count();
  expect(n).toBeLessThan(300);
  await expect(page.locator('.link-ends text').first()).toBeAttached();

  // Fit again: back to named boxes.
  await page.getByTestId('graph.fit').click();
  await expect(detailed).toHaveCount(0);

  // Named boxes are still labelled, focusable buttons: nothing serious for axe in the graph.
  const results = await new AxeBuilder({ page }).include('[data-testid="graph.panel"]').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  expect(serious).toEqual([]);
});

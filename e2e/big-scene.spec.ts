// A whole cluster's dump: 1,000 pods arrive in batches, and far away the cards are named boxes
// whose details come back where the learner zooms in (the screen-reader label always has them).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { stringify } from 'yaml';
import { generateScenario } from '../src/testing/generate-cluster';
import { TID } from '../src/views/testIds';
import { chooseFiles, pods } from './locate';

test('a 1,000-pod kubectl dump opens, draws every pod, and shows details where zoomed in', async ({
  page,
}) => {
  test.setTimeout(180_000); // a thousand pods, drawn and scanned by axe, on a possibly busy machine
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
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

  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'cluster-dump.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(dump),
  });
  const cards = pods(page);
  await expect(cards).toHaveCount(1000, { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'cluster-dump.yaml opened' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your previous scenario was replaced.' }),
  ).toBeVisible();

  // Fitted, the cards are a tenth of their size: name only, the rest in the label and on focus.
  const first = cards.first();
  const firstKey = (await first.getAttribute('data-id'))!;
  const name = firstKey.split('/')[1]!;
  await expect(first).toHaveText(name.length > 20 ? `${name.slice(0, 19)}…` : name);
  await expect(first).toHaveAttribute('aria-label', /, \d+\.\d+\.\d+\.\d+/);
  await first.focus();
  await expect(page.getByTestId(TID.graphDetails)).toContainText(firstKey);
  // the interface names at the ends of the veth links
  const linkEnds = page
    .getByTestId(TID.graphLinkEnds)
    .getByText(/^(veth[0-9a-f]{8}|(cali|lxc|vethwepl)[0-9a-f]{4,9}…|eth0)$/);
  expect(await linkEnds.count()).toBe(0);

  // Zoom in (around the middle of the picture): the cards in view get their IP, containers and
  // namespace back; those far away stay named boxes.
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const detailed = cards.filter({ hasText: /\d+\.\d+\.\d+\.\d+/ }); // the pod's IP is drawn
  await expect.poll(() => detailed.count()).toBeGreaterThan(0);
  const n = await detailed.count();
  expect(n).toBeLessThan(300);
  await expect(linkEnds.first()).toBeAttached();

  // Fit again: back to named boxes.
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await expect(detailed).toHaveCount(0);

  // Named boxes are still labelled, focusable buttons: nothing serious for axe in the graph.
  const results = await new AxeBuilder({ page }).include(`[data-testid="${TID.graph}"]`).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  expect(serious).toEqual([]);
});

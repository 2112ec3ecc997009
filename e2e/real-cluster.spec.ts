// A real cluster's dump in the page: a generated 300-pod `kubectl get -A -o yaml` (managedFields,
// status, finished Job pods, Services, Endpoints, EndpointSlices, custom resources) opens; a pod
// is found by its IP and focused in the graph; the matrix shows workloads; a flow is explained.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { generateDump, generateDumpObjects } from '../src/testing/generate-dump';

test('a 300-pod dump opens; search by IP focuses a pod; the workload view explains a flow', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.locator('[data-testid="graph.pod"]')).toHaveCount(3);

  const options = { pods: 300, seed: 11 };
  const objects = generateDumpObjects(options);
  const running = objects.filter(
    (o) => o['kind'] === 'Pod' && (o['status'] as { phase: string }).phase === 'Running',
  );
  const finished = objects.filter(
    (o) => o['kind'] === 'Pod' && (o['status'] as { phase: string }).phase !== 'Running',
  );
  const target = running.find((o) => !(o['spec'] as { hostNetwork?: boolean }).hostNetwork)!;
  const meta = target['metadata'] as { name: string; namespace: string };
  const targetKey = `${meta.namespace}/${meta.name}`;
  const targetIp = (target['status'] as { podIP: string }).podIP;

  await page.getByTestId('import.input').setInputFiles({
    name: 'cluster.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(generateDump(options, 'yaml')),
  });
  await expect(page.locator('[data-testid="graph.pod"]')).toHaveCount(running.length, { timeout: 60_000 });
  await expect(page.getByTestId('share.status')).toContainText('cluster.yaml opened');
  // Finished Job pods are not drawn: they are listed apart.
  await expect(page.getByTestId('graph.inactive')).toContainText(`(${finished.length})`);

  // Find the pod by its IP; Enter focuses it in the graph and shows its details.
  await page.getByTestId('graph.search').fill(targetIp);
  await expect(page.getByTestId('graph.searchResult').first()).toHaveAttribute('data-key', targetKey);
  await page.getByTestId('graph.search').press('Enter');
  await expect(page.locator(`[data-testid="graph.pod"][data-id="${targetKey}"]`)).toHaveClass(/is-focused/);
  await expect(page.getByTestId('graph.details')).toContainText(targetKey);
  await expect(page.getByTestId('graph.details.status')).toContainText('Running');

  // The matrix by workload: all / some / none per workload pair, and a cell explains a pod pair.
  await page.getByTestId('matrix.groupBy').selectOption('workload');
  const cells = page.getByTestId('matrix.groupCell');
  await expect(cells.first()).toBeVisible();
  const cell = cells.first();
  const from = (await cell.getAttribute('data-from'))!;
  await cell.click();
  const explanation = page.getByTestId('flow.explanation');
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  await expect(explanation).toContainText(from.split('/')[0]!);
  await expect(explanation.locator('.verdict')).toContainText(/[✓✗]/);

  // The workload table and the search results pass axe.
  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="matrix-title"]')
    .include('.graph-search')
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Drill down from a workload to its pods.
  await page.getByTestId('matrix.drillDown').first().click();
  await expect(page.getByTestId('matrix.groupBy')).toHaveValue('pod');
  await expect(page.getByTestId('matrix.filter')).toHaveValue(/^w:/);
  await expect(page.getByTestId('matrix.cell').first()).toBeVisible();
});

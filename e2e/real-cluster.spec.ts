// A real cluster's dump in the page: a generated 300-pod `kubectl get -A -o yaml` (managedFields,
// status, finished Job pods, Services, Endpoints, EndpointSlices, custom resources) opens; a pod
// is found by its IP and focused in the graph; the matrix shows workloads; a flow is explained.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { generateDump, generateDumpObjects } from '../src/testing/generate-dump';
import { TID } from '../src/views/testIds';
import { chooseFiles, editorPanel, editorTextbox, editorView, literal, pod, pods, why } from './locate';

test('a 300-pod dump opens; search by IP focuses a pod; the workload view explains a flow', async ({
  page,
}) => {
  test.setTimeout(240_000); // 300 pods opened, drawn and scanned by axe, on a possibly busy machine
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);

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

  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'cluster.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(generateDump(options, 'yaml')),
  });
  await expect(pods(page)).toHaveCount(running.length, { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'cluster.yaml opened' })).toBeVisible();
  // 2.3 MB fits in storage: saved again, no warning.
  await expect(page.getByRole('alert').filter({ hasText: 'too big' })).toHaveCount(0);
  // Finished Job pods are not drawn: they are listed apart.
  await expect(page.getByText(`Pods without an IP (${finished.length})`)).toBeVisible();

  // Find the pod by its IP; Enter focuses it in the graph and shows its details.
  const search = page.getByRole('searchbox', {
    name: 'Find a pod by name, IP or CIDR and focus it in the graph',
  });
  await search.fill(targetIp);
  const results = page.getByRole('status').filter({ hasText: /match\(es\)/ });
  await expect(results.getByRole('button').first()).toHaveText(
    new RegExp(`^${literal(targetKey)} ${literal(targetIp)}$`),
  );
  await search.press('Enter');
  await expect(pod(page, targetKey)).toHaveClass(/is-focused/); // drawn highlighted
  const details = page.getByTestId(TID.graphDetails);
  await expect(details).toContainText(targetKey);
  await expect(details.getByTestId(TID.graphDetailsStatus)).toContainText('Running');

  // The matrix by workload: all / some / none per workload pair, and a cell explains a pod pair.
  await page.getByRole('combobox', { name: 'View' }).selectOption('workload');
  const matrix = page.getByRole('table', { name: /^Reachability matrix — / });
  const cell = matrix.getByRole('button', {
    name: / → .*: (✓ all allowed|✗ all denied|~ \d+ of \d+ allowed)$/,
  });
  await expect(cell.first()).toBeVisible();
  const from = (await cell.first().getAttribute('aria-label'))!.split(' → ')[0]!;
  await cell.first().click();
  const explanation = why(page);
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  await expect(explanation).toContainText(from.split('/')[0]!);
  await expect(explanation).toContainText(/[✓✗] /);

  // The workload table and the search results pass axe.
  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby="matrix-title"]')
    .include('[role="search"]')
    .analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Drill down from a workload to its pods.
  await matrix.getByRole('rowheader').getByRole('button').first().click();
  await expect(page.getByRole('combobox', { name: 'View' })).toHaveValue('pod');
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue(/^w:/);
  await expect(
    page
      .getByRole('table', { name: /^Reachability matrix — / })
      .getByRole('button')
      .first(),
  ).toBeVisible();
});

test('a 5.5 MB `-o json` dump opens; a large text waits read-only until "Edit it here"; an edit there changes verdicts', async ({
  page,
}) => {
  test.setTimeout(240_000); // two 300-pod dumps opened and drawn, on a possibly busy machine
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  const options = { pods: 300, seed: 11 };
  const running = generateDumpObjects(options).filter(
    (o) => o['kind'] === 'Pod' && (o['status'] as { phase: string }).phase === 'Running',
  );
  const editor = editorPanel(page);
  const open = page.getByRole('button', { name: 'Open file…' });

  // Past the old 5 MB limit: `kubectl get -A -o json` of 300 pods.
  const json = generateDump(options, 'json');
  expect(json.length).toBeGreaterThan(5_000_000);
  await chooseFiles(page, open, {
    name: 'cluster.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  await expect(pods(page)).toHaveCount(running.length, { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'cluster.json opened' })).toBeVisible();
  // The editor waits: the text's size, its first lines read-only, and the way to edit it.
  await expect(editor).toContainText(`This scenario is ${(json.length / 1_000_000).toFixed(1)} MB`);
  await expect(editor.locator('pre')).toContainText('"kind": "List"');
  await expect(editor.locator('.monaco-editor')).toHaveCount(0);
  // Past what browser storage keeps (5 M characters): not saved, and the page says so and why.
  await expect(
    page.getByRole('alert').filter({ hasText: 'too big for the browser’s storage' }),
  ).toContainText(`This text (${(json.length / 1_000_000).toFixed(1)} MB)`);

  // The YAML dump of the same cluster: asked for, the editor takes it, and an edit changes verdicts.
  await chooseFiles(page, open, {
    name: 'cluster.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(generateDump(options, 'yaml')),
  });
  await expect(page.getByRole('status').filter({ hasText: 'cluster.yaml opened' })).toBeVisible();
  await expect(pods(page)).toHaveCount(running.length, { timeout: 60_000 });
  // A pod with no ingress policy yet (a hostNetwork pod is not one: policies never apply to it).
  const cards = await pods(page).evaluateAll((all) =>
    all.map((c) => ({
      label: c.getAttribute('aria-label') ?? '',
      host: c.classList.contains('host-network'),
    })),
  );
  const unisolated = cards.find((c) => !c.host && c.label.includes('ingress open (no policy)'))!;
  const key = /^Pod (\S+),/.exec(unisolated.label)![1]!;
  const namespace = key.split('/')[0]!;
  await editor.getByRole('button', { name: 'Edit it here' }).click();
  await expect(editorView(page)).toBeVisible({ timeout: 30_000 });
  await editorTextbox(page).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(
    `\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: e2e-deny-ingress, namespace: ${namespace}}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n`,
  );
  await expect(pod(page, key)).toHaveAttribute(
    'aria-label',
    new RegExp(`ingress isolated \\(${literal(namespace)}/e2e-deny-ingress\\)`),
    { timeout: 30_000 },
  );
});

// A 5 MB file of 23,000 pods: the worker says what it is doing (a bar with counts) and the page
// keeps answering; Cancel brings the previous scenario back; once built, the page shows the
// cluster by namespace and workload instead of 70,000 shapes, and the editor says why it is
// read-only. (How long the page's thread is blocked meanwhile: `npm run bench:hostile`.)
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { bigDumpYaml } from '../src/testing/big-dump';
import { chooseFiles, language, pods } from './locate';

const PODS = 23_000;

const bigDump = () => Buffer.from(bigDumpYaml(PODS));

const scenarioText = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);

test('a 5 MB dump: progress with counts, Cancel, then the overview in place of the graph', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dump = bigDump();
  expect(dump.length).toBeGreaterThan(4_800_000);
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  const mine = await scenarioText(page);
  const open = () =>
    chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
      name: 'dump.yaml',
      mimeType: 'application/yaml',
      buffer: dump,
    });

  // Opened: the bar says what the worker is doing, with counts.
  await open();
  const progress = page.getByRole('status').filter({ hasText: /Building the model|모델을 만드는 중/ });
  await expect(progress).toContainText(
    /Building the model of 5\.\d MB of YAML: (reading the YAML: [\d,]+ of [\d,]+ KB|who can reach whom: step [\d,]+ of [\d,]+)/,
  );
  await expect(
    progress.getByRole('progressbar', { name: /^Building the model of 5\.\d MB of YAML$/ }),
  ).toBeVisible();
  // The page answers meanwhile: the language switch works while the worker builds.
  await language(page).selectOption('ko');
  await expect(progress).toContainText('모델을 만드는 중');
  await language(page).selectOption('en');
  // Cancel: the scenario the file replaced comes back, built as before.
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  expect(await scenarioText(page)).toBe(mine);
  await expect(pods(page)).toHaveCount(3);

  // Again, to the end: an overview by namespace and workload, not 23,000 pod cards.
  await open();
  const overview = page.getByRole('region', { name: 'Cluster overview' });
  await expect(overview.getByRole('status')).toContainText(
    '23,000 pods: more than the graph draws usefully (2,000)',
    { timeout: 240_000 },
  );
  await expect(progress).toHaveCount(0);
  await expect(pods(page)).toHaveCount(0);
  // One row per namespace (and the header row).
  await expect(overview.getByRole('row')).toHaveCount(47);
  const first = overview
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'ns-0', exact: true }) });
  await expect(first).toContainText('500');
  await first.getByRole('cell').nth(2).getByText(/^\d+$/).click();
  await expect(first.getByRole('listitem').first()).toHaveText('app-0 × 10');
  // The editor says it waits to be asked; the matrix still has every pod.
  await expect(page.getByRole('status').filter({ hasText: 'This scenario is 5.' })).toBeVisible();
  await page.getByRole('searchbox', { name: /^Filter/ }).fill('ns-45/pod-22999');
  await expect(page.getByRole('button', { name: /^ns-45\/pod-22999 → / })).toHaveCount(1);
  // Fewer than a few thousand elements in the whole page.
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(5000);
});

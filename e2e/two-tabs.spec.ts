// Two tabs of the lab editing at once do not overwrite each other silently: the other tab's newer
// text becomes a version in this tab's History, which survives a reload.
import { expect, test } from './fixtures';
import { pods } from './locate';

test('the other tab’s newer text becomes a History version here, also after a reload', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await expect(pods(a)).toHaveCount(3);
  await expect(pods(b)).toHaveCount(3);
  await a.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(`# tab A's work\n${s.scenarioText}`);
  });
  await b.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(`# tab B's work\n${s.scenarioText}`);
  });
  await b.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(`# tab B's work, more\n${s.scenarioText}`);
  });
  await a.getByRole('button', { name: /^History \(\d+\)$/ }).click();
  const items = a.getByRole('region', { name: 'Your earlier texts' }).getByRole('listitem');
  await expect(items.filter({ hasText: "# tab B's work, more" })).toContainText('saved in another tab');
  // the version is the other tab's work, never this tab's own current text
  await expect(items.filter({ hasText: "# tab A's work" })).toHaveCount(0);
  // tab A's own text is still its own
  expect(await a.evaluate(() => window.__netlab!.store!.getState().scenarioText)).toMatch(/^# tab A's work/);

  await a.reload();
  await a.getByRole('button', { name: /^History \(\d+\)$/ }).click();
  await expect(
    a
      .getByRole('region', { name: 'Your earlier texts' })
      .getByRole('listitem')
      .filter({ hasText: 'saved in another tab' }),
  ).toContainText("# tab B's work, more");
});

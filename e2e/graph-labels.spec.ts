// The graph reads cleanly: no two text boxes of the diagram intersect, in the default scene and at
// every hop of a packet's journey (its label, its gate badges and where it was dropped included).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { diagram, graphLabelOverlaps as overlaps } from './locate';

const playback = (page: Page, name: string | RegExp) =>
  page.getByRole('group', { name: 'Playback' }).getByRole('button', { name });

for (const [width, height] of [
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`no two graph labels overlap in the default scene at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
    const { count, out } = await overlaps(page);
    expect(count).toBeGreaterThan(30);
    expect(out).toEqual([]);
  });
}

for (const path of ['/', '/#/lesson/i-01-ingress-by-host-and-path'])
  test(`every pod's name stays inside its card (${path})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(path);
    await expect(diagram(page).getByText('coredns-1', { exact: true })).toBeVisible();
    const spills = await diagram(page).evaluate((svg) =>
      [...svg.querySelectorAll('[data-testid="graph.pod"]')].flatMap((card) => {
        const box = card.querySelector('rect')!.getBBox();
        return [...card.querySelectorAll('text')]
          .filter((t) => {
            const b = t.getBBox();
            return b.x < box.x || b.x + b.width > box.x + box.width;
          })
          .map((t) => `${card.getAttribute('data-id')}: ${t.textContent}`);
      }),
    );
    expect(spills).toEqual([]);
  });

test('the overlap check sees an overlap when two labels are put on top of each other', async ({ page }) => {
  await page.goto('/');
  await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
  await diagram(page).evaluate((svg) => {
    // Two labels at one spot, as a packet label over a veth name would be.
    const layer = svg.querySelector('g')!;
    for (const word of ['veth1234', 'TCP 80']) {
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('x', '100');
      text.setAttribute('y', '100');
      text.textContent = word;
      layer.appendChild(text);
    }
  });
  expect((await overlaps(page)).out.length).toBeGreaterThan(0);
});

for (const [source, destination, port] of [
  ['prod/web', 'svc:prod/db', '3306'],
  ['user', '192.168.1.11:30080', ''],
  ['prod/backend', 'prod/db', '3306'],
] as const)
  test(`no two graph labels overlap at any hop of ${source} → ${destination}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/?motion=off');
    await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
    await page.getByRole('combobox', { name: 'From', exact: true }).selectOption(source);
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption(destination);
    if (port) await page.getByRole('spinbutton', { name: 'Port' }).fill(port);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await playback(page, /^(Play|Pause)$/).click();
    await playback(page, 'Back to the first hop').click();
    const forward = playback(page, 'Next hop');
    const seen: string[] = [];
    let hops = 0;
    for (;;) {
      seen.push(...(await overlaps(page)).out.map((o) => `hop ${hops}: ${o}`));
      if (!(await forward.isEnabled())) break;
      await forward.click();
      hops++;
    }
    expect(hops).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([]);
  });

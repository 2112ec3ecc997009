// The graph reads cleanly: no two text boxes of the diagram intersect in the default scene.
// (During a packet's journey the packet label and gate badges are not yet placed with collision
// avoidance; this checks the scene at rest.)
import { expect, test } from './fixtures';
import { diagram, graphLabelOverlaps as overlaps } from './locate';

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

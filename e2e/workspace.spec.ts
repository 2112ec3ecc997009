// The one-screen workspace: graph, editor and matrix inside the viewport together at laptop and
// projector sizes (with and without a lesson), splitters that are keyboard-operable, labelled and
// remembered, and plain stacking on a narrow screen.
import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { diagram, editorView, language, matrixCells } from './locate';

test.describe.configure({ timeout: 60_000 });

const A05 = 'a-05-and-vs-or';

async function inside(page: Page, what: Locator, name: string) {
  const box = await what.boundingBox();
  const view = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(view.width + 0.5);
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(view.height + 0.5);
  expect(box!.height, `${name} height`).toBeGreaterThan(60);
}

const matrixTitle = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^(Reachability matrix|도달 가능성 표)$/ });

for (const [width, height] of [
  [1440, 900],
  [1920, 1080],
] as const) {
  for (const lesson of [false, true]) {
    test(`at ${width}×${height}${lesson ? ' with a lesson' : ''}: graph, editor and matrix are on screen together, without scrolling`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto(lesson ? `/#/lesson/${A05}` : '/');
      await expect(editorView(page).getByText(/\S/).first()).toBeVisible();
      await expect(matrixCells(page).first()).toBeVisible();
      await inside(page, diagram(page), 'graph');
      await inside(page, editorView(page), 'editor');
      const heading = await matrixTitle(page).boundingBox();
      expect(heading!.y + heading!.height).toBeLessThanOrEqual(height);
      const cell = await matrixCells(page).first().boundingBox();
      expect(cell!.y + cell!.height, 'first matrix cell bottom').toBeLessThanOrEqual(height);
      expect(cell!.x + cell!.width, 'first matrix cell right').toBeLessThanOrEqual(width);
      const scrolls = await page.evaluate(
        () => document.documentElement.scrollHeight > window.innerHeight + 1,
      );
      expect(scrolls, 'the page itself scrolls').toBe(false);
      await page.screenshot({ path: `test-results/workspace-${width}${lesson ? '-lesson' : ''}-en.png` });
      await language(page).selectOption('ko');
      await inside(page, diagram(page), 'graph (ko)');
      await inside(page, editorView(page), 'editor (ko)');
      await page.screenshot({ path: `test-results/workspace-${width}${lesson ? '-lesson' : ''}-ko.png` });
    });
  }
}

test('with lesson I1 at 1440×900, a long pod name keeps the packet menus inside their pane', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/lesson/i-01-ingress-by-host-and-path');
  const to = page.getByRole('combobox', { name: 'To', exact: true });
  await expect(to).toBeVisible();
  const pane = await page.getByRole('region', { name: 'Packet journeys' }).boundingBox();
  for (const name of ['From', 'To']) {
    const box = await page.getByRole('combobox', { name, exact: true }).boundingBox();
    expect(box!.x + box!.width, `${name} menu's right edge`).toBeLessThanOrEqual(pane!.x + pane!.width);
  }
});

test('the splitters are labelled, move with the arrow keys, and the sizes survive a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const side = page.getByRole('separator', { name: 'Resize the graph and the editor columns' });
  await expect(side).toBeVisible();
  await expect(page.getByRole('separator')).toHaveCount(3);
  const before = Number(await side.getAttribute('aria-valuenow'));
  const graphBefore = (await diagram(page).boundingBox())!.width;
  await side.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(side).toHaveAttribute('aria-valuenow', String(before + 4));
  await expect.poll(async () => (await diagram(page).boundingBox())!.width).toBeGreaterThan(graphBefore);
  await page.keyboard.press('End');
  const max = await side.getAttribute('aria-valuemax');
  await expect(side).toHaveAttribute('aria-valuenow', max!);
  await page.waitForTimeout(400); // the sizes are written after a short pause
  await page.reload();
  await expect(
    page.getByRole('separator', { name: 'Resize the graph and the editor columns' }),
  ).toHaveAttribute('aria-valuenow', max!);
});

test('below 1000 px the panes stack and the page scrolls; no splitters', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/');
  await expect(matrixCells(page).first()).toBeAttached();
  await expect(page.getByRole('separator', { includeHidden: true })).toHaveCount(3);
  await expect(page.getByRole('separator')).toHaveCount(0); // hidden: nothing to resize
  const graph = (await diagram(page).boundingBox())!;
  const editor = (await editorView(page).boundingBox())!;
  expect(editor.y).toBeGreaterThan(graph.y + graph.height);
  expect(graph.width).toBeGreaterThan(700);
  await page.screenshot({ path: 'test-results/workspace-900.png', fullPage: true });
});

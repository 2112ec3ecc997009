// Pictures for course notes: the export options give the chosen part, size and background; file
// names come from the scene; the Markdown snippet's alt text says what the picture shows; and a
// one-node picture reads well in an 800 px column.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { cell, language, matrixPort, pods } from './locate';

const options = (page: Page) => page.getByRole('group', { name: /^(Picture options|그림 옵션)$/ });

/** Width, height and the colour of the top-left pixel of a PNG, decoded by the browser. */
async function pngFacts(page: Page, bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return page.evaluate(async (b64) => {
    const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, corner: [...ctx.getImageData(1, 1, 1, 1).data] };
  }, bytes.toString('base64'));
}

async function savePng(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('one node at 3× on a dark background, with a title and legend: the PNG has that size and background', async ({
  page,
}) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Picture options' }).click();
  const panel = options(page);
  // The whole scene is too small to read in notes; one node is not.
  await expect(panel).toContainText(/smallest text shows at \d+\.\d px: too small to read/);
  await panel.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'node node01 only' });
  await expect(panel).toContainText(/In an 800 px column of notes, the smallest text shows at \d+\.\d px\.$/);
  await panel.getByRole('combobox', { name: 'PNG scale' }).selectOption('3');
  await panel.getByRole('combobox', { name: 'Background' }).selectOption({ label: 'dark' });
  await panel.getByRole('textbox', { name: 'Title' }).fill('Week 13: node01');
  await panel.getByRole('checkbox', { name: 'Legend below' }).check();
  const size = /PNG: (\d+) × (\d+) px\./.exec((await panel.textContent())!)!;
  const png = await savePng(page);
  expect(png.name).toBe('netlab-node01.png');
  const facts = await pngFacts(page, png.bytes);
  expect([facts.width, facts.height]).toEqual([Number(size[1]), Number(size[2])]);
  // Dark and opaque (the drawing's own light backdrop, inverted, may sit over the #0d1117 fill).
  expect(facts.corner[3]).toBe(255);
  expect(Math.max(...facts.corner.slice(0, 3))).toBeLessThan(40);

  // The SVG carries the title, the legend and the crop.
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('netlab-node01.svg');
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toContain('>Week 13: node01</text>');
  expect(text).toContain('IN: isolated for ingress');
  expect(text).toContain('filter="url(#netlab-dark)"');

  // Shown 800 px wide in notes: look at it.
  await page.setContent(
    `<body style="margin:0;background:#fff"><img alt="" width="800" src="data:image/png;base64,${png.bytes.toString('base64')}"></body>`,
  );
  await page.screenshot({ path: '/tmp/picture-node01-800.png', fullPage: true });
});

test('transparent at 1×: the corner is see-through and the size is the scene’s own', async ({ page }) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Picture options' }).click();
  const panel = options(page);
  await panel.getByRole('combobox', { name: 'PNG scale' }).selectOption('1');
  await panel.getByRole('combobox', { name: 'Background' }).selectOption({ label: 'transparent' });
  await panel.getByRole('spinbutton', { name: 'Padding' }).fill('0');
  const size = /PNG: (\d+) × (\d+) px\./.exec((await panel.textContent())!)!;
  const facts = await pngFacts(page, (await savePng(page)).bytes);
  expect([facts.width, facts.height]).toEqual([Number(size[1]), Number(size[2])]);
  expect(facts.corner[3]).toBe(0);
});

test('the Markdown snippet names the file after the flow and says in its alt text what the picture shows', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await cell(page, 'prod/web', 'prod/db').click();
  await expect(page.getByRole('region', { name: 'Why' })).toContainText('denied');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Picture + link as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('netlab-prod-web-to-prod-db-3306-tcp.png');
  await expect(
    page.getByRole('status').filter({
      hasText: 'Markdown copied; the picture was downloaded as netlab-prod-web-to-prod-db-3306-tcp.png.',
    }),
  ).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(
    /^\[!\[netlab cluster diagram: prod\/web → prod\/db 3306\/TCP: ✗ denied by prod\/db-policy\]\(netlab-prod-web-to-prod-db-3306-tcp\.png\)\]\(http[^)]+#s=v1\.[^)]+\)\n$/,
  );
  // In Korean, the alt text is Korean too, and the options speak Korean.
  await language(page).selectOption('ko');
  await page.getByRole('button', { name: '그림 + 링크를 Markdown으로' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/^\[!\[netlab 클러스터 구성도: prod\/web → prod\/db 3306\/TCP: .*\(근거: prod\/db-policy\)\]/);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: '그림은 netlab-prod-web-to-prod-db-3306-tcp.png로 내려받았습니다.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: '그림 옵션' }).click();
  await expect(options(page).getByRole('combobox', { name: '보여 줄 부분' })).toBeVisible();
  await page.screenshot({ path: '/tmp/picture-options-ko.png' });
});

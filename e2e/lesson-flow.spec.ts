// Lessons that flow in a study group: no question on a switch without edits, the header naming the
// scene on screen, packets in lessons whose scenarios place pods on no node, no packet left over
// from the last lesson, change marks from the lesson's start, and code blocks that are never cut.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { language, lessonPanel, matrixCells, packetPanel } from './locate';

test.describe.configure({ timeout: 60_000 });

const A01 = 'a-01-no-policy-no-isolation';
const A05 = 'a-05-and-vs-or';
const B09 = 'b-09-allow-external-clients';
const C01 = 'c-01-three-tier-least-privilege';

const stepIs = (page: Page, step: string) =>
  expect(page.getByTestId(TID.lessonStep)).toHaveAttribute('data-step', step);
const header = (page: Page) => page.getByRole('banner');
const hops = (page: Page) =>
  page.getByRole('list', {
    name: /^(Hops of the packet and what happened at each|패킷이 지나간 홉과 각 홉에서 일어난 일)$/,
  });
const from = (page: Page) => packetPanel(page).getByRole('combobox', { name: /^(From|출발지)$/ });
const to = (page: Page) => packetPanel(page).getByRole('combobox', { name: /^(To|목적지)$/ });

async function sendPacket(page: Page, source: string, destination: string) {
  await from(page).selectOption(source);
  await to(page).selectOption(destination);
  await packetPanel(page)
    .getByRole('button', { name: /^(Send|보내기)$/ })
    .click();
  await expect(hops(page)).toBeVisible();
}

test('a lesson switch with no edits shows no dialog, and the header names the lesson on screen', async ({
  page,
}) => {
  await page.goto(`/#/lesson/${A01}`);
  await stepIs(page, 'open-by-default');
  await expect(header(page)).toContainText('A1 No policy, no isolation');
  await page.goto(`/#/lesson/${A05}`);
  await stepIs(page, 'read');
  await expect(header(page)).toContainText('A5 AND or OR');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Wait as long as a slow machine would: still no question.
  await page.waitForTimeout(1000);
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Close lessons' }).click();
  await expect(header(page)).toContainText('Built-in example');
});

for (const [id, source, destination] of [
  [A05, 'prod/api', 'data/db'],
  [C01, 'prod/web', 'prod/backend'],
] as const) {
  test(`a packet can be sent in ${id}, whose pods name no node (a generated node, said in both languages)`, async ({
    page,
  }) => {
    await page.goto(`/?motion=off#/lesson/${id}`);
    await expect(page.getByTestId(TID.lessonStep)).toBeVisible();
    await sendPacket(page, source, destination);
    await expect(packetPanel(page)).not.toContainText('does not run on a node');
    await expect(packetPanel(page).getByRole('status')).toContainText(/Delivered|Dropped/);
    await expect(page.getByText(/^This scenario has no Node: netlab placed its pods/)).toBeVisible();
    await page.screenshot({ path: `test-results/lesson-packet-${id}-en.png` });
    await language(page).selectOption('ko');
    await expect(page.getByText(/^이 시나리오에는 Node가 없어서/)).toBeVisible();
    await page.screenshot({ path: `test-results/lesson-packet-${id}-ko.png` });
  });
}

test('a packet from one lesson does not linger after switching to another', async ({ page }) => {
  await page.goto(`/?motion=off#/lesson/${B09}`);
  await expect(page.getByTestId(TID.lessonStep)).toBeVisible();
  await sendPacket(page, 'default/client', 'default/web');
  await page.goto(`/?motion=off#/lesson/${A01}`);
  await stepIs(page, 'open-by-default');
  await expect(hops(page)).toBeHidden();
  await expect(packetPanel(page)).not.toContainText('default/client');
});

test('opening a lesson marks no cell as changed: marks count from the lesson’s start', async ({ page }) => {
  await page.goto('/');
  await expect(matrixCells(page).first()).toBeVisible();
  await page.goto(`/#/lesson/${A05}`);
  await stepIs(page, 'read');
  await expect(
    page.getByText(/^Marks show what changed since this step’s scenario was loaded \(0 cells/),
  ).toBeVisible();
  await expect(
    matrixCells(page).and(page.locator('[data-change="newly-allowed"], [data-change="newly-denied"]')),
  ).toHaveCount(0);
});

test('code blocks in lesson text wrap inside the column: no comment is cut', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const [id, step] of [
    [A05, 'shapes'],
    ['c-03-flannel-enforces-nothing', null],
    ['c-05-backup-network-except', null],
  ] as const) {
    await page.goto(`/#/lesson/${id}${step ? `/${step}` : ''}`);
    await expect(page.getByTestId(TID.lessonStep)).toBeVisible();
    for (const code of await lessonPanel(page).locator('pre').all()) {
      const cut = await code.evaluate((el) => {
        const panel = el.closest('section')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || box.right > panel.right + 1;
      });
      expect(cut, `${id}: ${(await code.textContent())?.slice(0, 40)}`).toBe(false);
    }
  }
  await page.screenshot({ path: 'test-results/lesson-code-wraps.png' });
});

test('keys without double meaning: ← → move the packet hop by hop, PageUp/PageDown move lesson steps', async ({
  page,
}) => {
  await page.goto(`/?motion=off#/lesson/${A05}/read`);
  await stepIs(page, 'read');
  await sendPacket(page, 'prod/api', 'data/db');
  const playback = page.getByRole('group', { name: 'Playback' });
  const current = () => hops(page).locator('[aria-current="step"]').getAttribute('data-hop');
  await playback.getByRole('button', { name: /^(Play|Pause)$/ }).click(); // pause
  await playback.getByRole('button', { name: 'Back to the first hop' }).click();
  const first = await current();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(current).not.toBe(first);
  await stepIs(page, 'read');
  await page.keyboard.press('PageDown');
  await stepIs(page, 'shapes');
  await expect(packetPanel(page)).toContainText('← → previous/next hop');
  await expect(playback.getByRole('button', { name: 'Next hop' })).toBeVisible();
  await language(page).selectOption('ko');
  await expect(packetPanel(page)).toContainText('← → 이전/다음 홉');
  await expect(packetPanel(page)).not.toContainText('단계 이동');
});

// Modules H (Services and DNS) and I (Ingress) in the lesson player: each opens from the lesson
// list under its module's name, the packet check fails on the start, and typing the fix in the
// editor passes every check. Screenshots of a step in English and Korean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TID } from '../src/views/testIds';
import { editorTextbox, editorView, language, lessonItem, lessonPanel, packetPanel } from './locate';

const ROOT = join(import.meta.dirname, '..');
const lessonFile = (id: string, name: string) => readFileSync(join(ROOT, 'lessons', id, name), 'utf8');
const H1 = 'h-01-clusterip-dnat-targetport';
const I1 = 'i-01-ingress-by-host-and-path';

const scenarioText = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
const check = (page: Page, id: string) =>
  page.getByTestId(TID.lessonCheck).and(page.locator(`[data-id="${id}"]`));
const solved = (page: Page) => page.getByRole('status').filter({ hasText: 'Solved! Every check passes.' });

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** Puts the cursor at the end of a line, by keyboard only (Monaco renders only visible lines). */
async function cursorToLineEnd(page: Page, line: number): Promise<void> {
  await expect(editorView(page).getByText(/\S/).first()).toBeVisible();
  await page.waitForFunction(() => typeof window.__netlab?.monacoMarkers === 'function');
  await editorTextbox(page).focus();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

async function openFromList(page: Page, module: string, code: string, title: string): Promise<void> {
  await page.goto('/?motion=off#/lessons');
  const list = lessonPanel(page);
  await expect(list.getByRole('heading', { name: module })).toBeVisible();
  await lessonItem(page, code).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: `${code} ${title}`, exact: true })).toBeVisible();
}

test('H1 from the list: the rule on the Service port fails the packet check; 8080 typed in passes', async ({
  page,
}) => {
  test.slow(); // keystrokes down the editor on a shared machine
  await openFromList(
    page,
    'H · Services and DNS',
    'H1',
    'ClusterIP and DNAT: a rule on the Service port matches nothing',
  );
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const start = lessonFile(H1, 'start.yaml');
  await expect.poll(() => scenarioText(page)).toBe(start);
  const packet = check(page, 'through-the-service');
  await expect(packet).toHaveAttribute('data-passed', 'false');
  await expect(packet).toContainText('prod/web → svc:prod/api 80/TCP: the packet is dropped at');

  // The fix: the policy's "port: 80" becomes "port: 8080", typed at the end of that line.
  await cursorToLineEnd(page, lineOf(start, '      port: 80\n'));
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('8080');
  await page.keyboard.press('Escape');
  await expect.poll(() => scenarioText(page)).toBe(start.replace('      port: 80\n', '      port: 8080\n'));
  await expect(packet).toHaveAttribute('data-passed', 'true');
  await expect(packet).toContainText('the packet goes exactly as the task says (4 things checked)');
  await expect(check(page, 'exact-reach')).toHaveAttribute('data-passed', 'true');
  await expect(solved(page)).toBeVisible();
});

test('I1 from the list: a step in English, then in Korean', async ({ page }) => {
  await openFromList(page, 'I · Ingress', 'I1', 'Ingress by host and path');
  await expect(page.getByRole('heading', { name: 'One entrance, many Services' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-hi-i1-step-en.png' });
  await language(page).selectOption('ko');
  await expect(page.getByRole('heading', { name: '입구 하나, Service 여럿' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'I1 호스트와 경로로 나누는 Ingress' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-hi-i1-step-ko.png' });
});

test('I1 from the list: /api/cart lands on web until the path is a Prefix, typed in the editor', async ({
  page,
}) => {
  test.slow(); // a hundred-odd keystrokes down the editor on a shared machine
  await openFromList(page, 'I · Ingress', 'I1', 'Ingress by host and path');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const start = lessonFile(I1, 'start.yaml');
  await expect.poll(() => scenarioText(page)).toBe(start);
  const api = check(page, 'api-to-cart');
  await expect(api).toHaveAttribute('data-passed', 'false');
  await expect(api).toContainText('the ingress controller sends it to svc:shop/web, not to svc:shop/cart.');

  // The fix: "pathType: Exact" becomes "pathType: Prefix".
  await cursorToLineEnd(page, lineOf(start, 'pathType: Exact'));
  for (let i = 0; i < 'Exact'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('Prefix');
  await page.keyboard.press('Escape');
  await expect.poll(() => scenarioText(page)).toBe(start.replace('pathType: Exact', 'pathType: Prefix'));
  await expect(api).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 'apiary-to-web')).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 'other-hosts-404')).toHaveAttribute('data-passed', 'true');
  await expect(solved(page)).toBeVisible();
  await api.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lessons-hi-i1-solved-en.png' });
});

test('H5 step in Korean: the search list, the names tried in order', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('netlab.locale', 'ko'));
  await page.goto('/?motion=off#/lesson/h-05-dns-names-and-search-list/names-tried');
  await expect(page.getByRole('heading', { level: 2, name: 'H5 DNS 이름과 search 목록' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '리졸버는 어떤 이름을 물어볼까?' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-hi-h5-step-ko.png' });
  await language(page).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Which names does the resolver try?' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-hi-h5-step-en.png' });
});

test('H6 step packet: played by name, it stops at the DNS query under the egress policy', async ({
  page,
}) => {
  await page.goto('/?motion=off#/lesson/h-06-egress-that-breaks-dns/stopped-at-dns');
  await page.getByRole('button', { name: 'Play this packet: prod/web → api 80/TCP' }).click();
  const panel = packetPanel(page);
  await expect(panel).toContainText(
    'The query to kube-dns 10.96.0.10 was dropped: the connection never starts.',
  );
  await expect(panel).toContainText('dropped at the egress of prod/web');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lessons-hi-h6-packet-en.png' });
});

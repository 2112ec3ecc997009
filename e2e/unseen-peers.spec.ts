// Peers the scenario does not have, on the page: a reach check names the hole and "show me" draws
// a ghost of it in the matrix (and the graph); the matrix's "unseen peers" switch works outside
// lessons too; quiz reveals render their Markdown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { cell, matrixPort } from './locate';

const ROOT = join(import.meta.dirname, '..');
const A01 = 'a-01-no-policy-no-isolation';
const lessonFile = (id: string, name: string) => readFileSync(join(ROOT, 'lessons', id, name), 'utf8');
/** A check of the challenge, by its id in lesson.yaml (a data hook: its words follow the language). */
const check = (page: Page, id: string) =>
  page.getByTestId(TID.lessonCheck).and(page.locator(`[data-id="${id}"]`));
const scenarioText = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
/** The matrix's switch for the unseen-peers rows and columns. */
const unseenSwitch = (page: Page) => page.getByRole('checkbox', { name: /^Unseen peers:/ });
/** Row headers of peers the scenario does not have ("… not in the scenario"). */
const unseenRows = (page: Page) => page.getByRole('rowheader', { name: /not in the scenario$/ });

async function setText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => window.__netlab?.store !== undefined);
  await page.evaluate((t) => window.__netlab!.store!.getState().setScenarioText(t), text);
}

/** A1's solution with db-policy letting in role=backend pods of every namespace on 3306. */
const WIDE = lessonFile(A01, 'solution.yaml').replace(
  '    - podSelector:\n        matchLabels:\n          role: backend',
  '    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          role: backend',
);

test('a reach check names the hole, and "show me" draws it in the matrix until the hole is closed', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#/lesson/${A01}/isolate-db`);
  // The step loads its own scenario first; the learner's edit comes after it.
  await expect.poll(() => scenarioText(page)).toBe(lessonFile(A01, 'start.yaml'));
  expect(WIDE).not.toBe(lessonFile(A01, 'solution.yaml'));
  await setText(page, WIDE);
  const reach = check(page, 'exact-reach');
  await expect(reach).toHaveAttribute('data-passed', 'false');
  await expect(reach).toContainText(
    'Your policy db-policy also lets any pod with role=backend in a new namespace reach prod/db on TCP 3306',
  );
  const showMe = reach.getByRole('button', { name: /a pod with role=backend in a new namespace/ });
  await expect(showMe).toHaveAccessibleName(
    'Show me a pod with role=backend in a new namespace in the graph and the matrix',
  );
  await expect(showMe).toHaveAttribute('aria-pressed', 'false');
  await showMe.click();
  await expect(showMe).toHaveAttribute('aria-pressed', 'true');
  await expect(showMe).toHaveAccessibleName('Hide a pod with role=backend in a new namespace again');

  await matrixPort(page).selectOption({ label: '3306/TCP' });
  const ghost = cell(page, 'new-namespace/unseen-1', 'prod/db');
  await expect(ghost).toHaveAccessibleName(/: allowed/);
  await expect(page.getByRole('columnheader', { name: /not in the scenario$/ }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/unseen-ghost.png' });

  // The fix closes the hole: the same ghost is now shut out, and the check passes.
  await setText(page, lessonFile(A01, 'solution.yaml'));
  await expect(reach).toHaveAttribute('data-passed', 'true');
  await expect(ghost).toHaveAccessibleName(/: denied \(newly denied\)$/);
  // The learner's text never contains the ghost.
  expect(await scenarioText(page)).not.toContain('unseen');
  expect(errors).toEqual([]);
});

test('the matrix can show unseen peers outside lessons: a new namespace, an unlabelled pod, the internet', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForFunction(() => window.__netlab?.store?.getState().view !== null);
  const toggle = unseenSwitch(page);
  await expect(toggle).not.toBeChecked();
  await expect(unseenRows(page)).toHaveCount(0);
  await toggle.check();
  await expect(unseenRows(page).first()).toContainText('new-namespace/unseen-1');
  await expect(unseenRows(page).filter({ hasText: 'unseen-8-8-8-8' })).toHaveCount(1);
  await toggle.uncheck();
  await expect(unseenRows(page)).toHaveCount(0);
});

test('a quiz reveal renders its Markdown: backticks become code', async ({ page }) => {
  await page.goto('/#/lesson/b-04-default-deny-in-a-namespace/every-pod');
  const quiz = page.locator('[data-testid="lesson.quiz"][data-id="new-pod"]');
  await quiz.getByLabel('Yes, it is blocked').check();
  await quiz.getByTestId('lesson.reveal').click();
  await expect(quiz.locator('.quiz-reveal code')).toHaveText('podSelector: {}');
  await expect(quiz.locator('.quiz-reveal')).not.toContainText('`');
});

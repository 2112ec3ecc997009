// The lesson player against the e2e build's preview: deep links in both languages, checks that
// fail and then pass after typing the fix in Monaco, quizzes, hints and the solution, progress
// across reloads and through an export file, presenter mode keys, and accessibility.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import {
  MONACO,
  chooseFiles,
  editorTextbox,
  editorView,
  language,
  lessonItem,
  literal,
  lessonPanel,
  matrixPort,
  packetPanel,
} from './locate';

// Monaco driven key by key and axe over the whole page: on a loaded machine a test can take longer
// than the default 30 s. (Speed is measured by `npm run bench:page`, not here.)
test.describe.configure({ timeout: 60_000 });

const ROOT = join(import.meta.dirname, '..');
/** How many lessons there are: every folder of lessons/ with a lesson.yaml. */
// Every lesson folder: lesson.yaml ones and the console lessons (module F, console-lesson.yaml).
const LESSON_COUNT = readdirSync(join(ROOT, 'lessons'), { withFileTypes: true }).filter(
  (d) =>
    d.isDirectory() &&
    ['lesson.yaml', 'console-lesson.yaml'].some((f) => existsSync(join(ROOT, 'lessons', d.name, f))),
).length;
const DIST = join(ROOT, 'dist');
const A01 = 'a-01-no-policy-no-isolation';
const A05 = 'a-05-and-vs-or';
const lessonFile = (id: string, name: string) => readFileSync(join(ROOT, 'lessons', id, name), 'utf8');

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

async function editorReady(page: Page): Promise<void> {
  await expect(editorView(page).getByText(/\S/).first()).toBeVisible();
  await page.waitForFunction(() => typeof window.__netlab?.monacoMarkers === 'function');
}

/** Puts the cursor at the start of a line's text, by keyboard only (Monaco renders only visible lines). */
async function cursorToLine(page: Page, line: number): Promise<void> {
  await editorTextbox(page).focus();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
}

const scenarioText = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
/** A Markdown or scenario file of some lesson (each its own chunk). */
const LESSON_FILE_CHUNK = /\/assets\/(\d\d-[\w-]+\.(en|ko)|start|solution)-[\w-]+\.js$/;
/** A check of the challenge, by its id in lesson.yaml (a data hook: its words follow the language). */
const check = (page: Page, id: string) =>
  page.getByTestId(TID.lessonCheck).and(page.locator(`[data-id="${id}"]`));
/** The step shown, by its id in lesson.yaml (a data hook on "Step n of m"). */
const stepIs = (page: Page, step: string) =>
  expect(page.getByTestId(TID.lessonStep)).toHaveAttribute('data-step', step);
/** Every lesson of the list. */
const lessonItems = (page: Page) =>
  lessonPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link') });
const title = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
const hops = (page: Page) => page.getByRole('list', { name: 'Hops of the packet and what happened at each' });
/** A status line (role="status") saying `text`. */
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
/** A question that predicts the engine's answer (a fieldset named by its legend). */
const quizAsking = (page: Page, question: string) =>
  page.getByRole('group', { name: new RegExp(`^Predict .*${literal(question)}`) });

/** Console errors and page errors, per test. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude(MONACO).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the first load carries no lesson code; the player and the lessons are chunks of their own', async ({
  page,
}) => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /src="\.?\/assets\/([^"]+\.js)"/.exec(html)![1]!;
  const entryJs = readFileSync(join(DIST, 'assets', entry), 'utf8');
  // No lesson prose, no player words, no YAML parser, no checker.
  expect(entryJs).not.toContain('No policy, no isolation');
  expect(entryJs).not.toContain('Reveal the answer');
  // The progress reader is lesson code (only the file-drop's format sniffing names the format).
  expect(entryJs).not.toContain('netlab.lessons.setAside');
  expect(entryJs).not.toMatch(/least-privilege|YAMLParseError/);
  const chunks = readdirSync(join(DIST, 'assets'));
  const sizes = Object.fromEntries(
    ['index', 'LessonPlayer', 'lesson-service', 'lesson-catalogue-files'].map((name) => {
      const f = chunks.find((c) => c.startsWith(`${name}-`) && c.endsWith('.js'))!;
      expect(f, name).toBeTruthy();
      return [name, `${(gzipSync(readFileSync(join(DIST, 'assets', f))).length / 1024).toFixed(1)} KiB gzip`];
    }),
  );
  test.info().annotations.push({ type: 'lesson chunks', description: JSON.stringify(sizes) });

  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/');
  await expect(matrixPort(page)).toBeVisible();
  expect(
    requested.filter(
      (u) => /LessonPlayer|lesson-service|lesson-catalogue/.test(u) || LESSON_FILE_CHUNK.test(u),
    ),
  ).toEqual([]);

  // Opening the list loads the player, the service and the catalogue (one chunk), nothing else.
  await button(page, 'Lessons').click();
  await expect(lessonItems(page)).toHaveCount(LESSON_COUNT);
  expect(requested.filter((u) => LESSON_FILE_CHUNK.test(u))).toEqual([]);
  expect(requested.filter((u) => /lesson-catalogue-files/.test(u))).toHaveLength(1);
  await expect(page).toHaveURL(/#\/lessons$/);
});

test('the lesson list: modules, titles and progress; a lesson opens from it', async ({ page }) => {
  const errors = watch(page);
  await page.goto('/#/lessons');
  const list = lessonPanel(page);
  await expect(list.getByRole('heading', { name: 'A · NetworkPolicy semantics' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'B · The network policy recipes' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'C · Scenarios from the study notes' })).toBeVisible();
  await expect(list).toContainText(`0 of ${LESSON_COUNT} done`);
  const a01 = lessonItem(page, 'A1');
  await expect(a01).toHaveAttribute('data-id', A01);
  await expect(a01).toHaveAttribute('data-status', 'new');
  await expect(a01).toContainText('Not started');
  await page.screenshot({ path: 'test-results/lesson-list.png' });

  await a01.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/open-by-default$`));
  await expect(title(page, 'A1 No policy, no isolation')).toBeVisible();
  await button(page, 'Close lessons').click();
  await expect(lessonPanel(page)).toHaveCount(0);
  await button(page, 'Lessons').click();
  await expect(a01).toHaveAttribute('data-status', 'started');
  await expect(a01).toContainText('In progress');
  expect(errors).toEqual([]);
});

test('a deep link opens a lesson at a step, in English', async ({ page }) => {
  const errors = watch(page);
  await page.goto(`/#/lesson/${A01}/isolate-db`);
  await expect(title(page, 'A1 No policy, no isolation')).toBeVisible();
  await stepIs(page, 'isolate-db');
  await expect(page.getByText('Step 2 of 3', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Isolate the database' })).toBeVisible();
  // The step's effective scenario is in the editor, and the URL stays on the step.
  await expect.poll(() => scenarioText(page)).toBe(lessonFile(A01, 'start.yaml'));
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db$`));
  // Moving on updates the link; Alt+← comes back.
  await button(page, 'Next').click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/still-open$`));
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db$`));
  await page.screenshot({ path: 'test-results/lesson-step.png' });
  expect(errors).toEqual([]);
});

test('a deep link opens a lesson in Korean (saved language)', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('netlab.locale', 'ko'));
  await page.goto(`/#/lesson/${A05}/fix`);
  await expect(title(page, 'A5 AND인가 OR인가, 대시 하나가 정한다')).toBeVisible();
  await expect(page.getByText('3단계 중 3단계', { exact: true })).toBeVisible();
  await expect(check(page, 'only-prod-api')).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 'only-prod-api')).toContainText('아직');
  await expect(check(page, 'only-prod-api')).toContainText(
    'env=prod 레이블이 붙은 네임스페이스에 있으면서 api인 파드만 들어와야 합니다',
  );
  // The language select switches the lesson too.
  await language(page).selectOption('en');
  await expect(title(page, 'A5 AND or OR — one dash decides')).toBeVisible();
  await expect(check(page, 'only-prod-api')).toContainText(
    'Only api pods that are also in a namespace labelled env=prod may come in',
  );
});

test('a check fails with its message, passes after typing the fix in Monaco, and progress survives a reload', async ({
  page,
}) => {
  const errors = watch(page);
  await page.goto(`/#/lesson/${A05}/fix`);
  const start = lessonFile(A05, 'start.yaml');
  await expect.poll(() => scenarioText(page)).toBe(start);
  const only = check(page, 'only-prod-api');
  await expect(only).toHaveAttribute('data-passed', 'false');
  await expect(only).toContainText('Not yet');
  await expect(only).toContainText(
    'prod/web → data/db 3306/TCP: should be denied, but it is allowed. Only api pods that are also in a namespace labelled env=prod may come in.',
  );
  await expect(status(page, /Solved/)).toHaveCount(0);
  await only.getByText('What the engine says').click();
  await expect(only.getByRole('group')).toContainText('prod/web → data/db'); // the <details>
  await only.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lesson-check-failed.png' });

  // The fix: "    - podSelector:" → "      podSelector:" (one peer with both selectors: AND).
  await editorReady(page);
  await cursorToLine(page, lineOf(start, '    - podSelector:\n        matchLabels:\n          app: api'));
  await page.keyboard.press('Delete');
  await page.keyboard.press('Delete');
  await page.keyboard.type('  ');
  await page.keyboard.press('Escape');
  await expect
    .poll(() => scenarioText(page))
    .toBe(
      start.replace(
        '    - podSelector:\n        matchLabels:\n          app: api',
        '      podSelector:\n        matchLabels:\n          app: api',
      ),
    );
  await expect(only).toHaveAttribute('data-passed', 'true');
  await expect(only).toContainText('Passed');
  await expect(status(page, 'Solved! Every check passes.')).toBeVisible();
  await expect(status(page, 'Checked your current text.')).toHaveText('Checked your current text.');

  await page.reload();
  await stepIs(page, 'fix');
  await expect(only).toHaveAttribute('data-passed', 'true');
  await page.goto('/#/lessons');
  await expect(lessonItem(page, 'A5')).toHaveAttribute('data-status', 'done');
  await expect(lessonPanel(page)).toContainText(`1 of ${LESSON_COUNT} done`);
  expect(errors).toEqual([]);
});

test('predict, then reveal: the engine answers and the prediction is scored', async ({ page }) => {
  await page.goto(`/#/lesson/${A01}/open-by-default`);
  const quiz = quizAsking(page, 'can web open a connection to db on TCP 3306?');
  await expect(quiz).toHaveAttribute('data-id', 'predict-web-db');
  await expect(quiz).toContainText('can web open a connection to db on TCP 3306?');
  const reveal = quiz.getByRole('button', { name: 'Reveal the answer' });
  await expect(reveal).toBeDisabled();
  await quiz.getByLabel('Denied').check();
  await reveal.click();
  await expect(quiz).toHaveAttribute('data-revealed', 'true');
  await expect(quiz).toContainText('Your prediction was off.');
  await expect(quiz).toContainText('engine: allowed');
  await expect(quiz).toContainText('Nothing selects db, so nothing restricts it.');
  await expect(quiz.getByLabel('Allowed')).toBeDisabled();
  await quiz.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lesson-quiz.png' });
  await expect(lessonPanel(page)).toContainText('Predictions: 0 of 1 right');
  // The step's packet plays in the packet panel, hop by hop.
  await button(page, /^Play this packet: /).click();
  await expect(hops(page)).toBeVisible();
});

test('a step packet plays in the packet panel', async ({ page }) => {
  // Lesson a-01 in a scenario with nodes: the learner's own text kept at the step.
  await page.goto('/');
  await page.evaluate((id) => {
    const s = window.__netlab!.store!.getState();
    s.setLessonRoute({ view: 'lesson', id, step: 'open-by-default' });
  }, A01);
  await expect(page.getByRole('heading', { level: 2, name: /No policy, no isolation/ })).toBeVisible();
  // The default scenario has web and db on nodes: put it back (Undo) and play.
  await button(page, 'Reset to the default scenario').click();
  const playPacket = button(page, /^Play this packet: /);
  await expect(playPacket).toBeEnabled();
  await playPacket.click();
  await expect(hops(page)).toBeVisible();
  await expect(packetPanel(page).getByRole('status')).toContainText(/Delivered|Dropped/);
});

test('hints one by one; the solution only after a question, and the learner’s text comes back', async ({
  page,
}) => {
  await page.goto(`/#/lesson/${A01}/still-open`);
  const hints = page.getByTestId(TID.lessonHint);
  const showHint = button(page, /^Show a hint/);
  await expect(hints).toHaveCount(0);
  await showHint.click();
  await expect(hints).toHaveCount(1);
  await expect(hints.first()).toContainText('spec.podSelector');
  await showHint.click();
  await expect(hints).toHaveCount(2);
  await expect(showHint).toHaveCount(0);

  const before = await scenarioText(page);
  const showSolution = button(page, 'Show the solution…');
  await showSolution.click();
  const dialog = page.getByRole('dialog', { name: 'Show the reference solution?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await serious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(showSolution).toBeFocused();
  expect(await scenarioText(page)).toBe(before);

  await showSolution.click();
  await dialog.getByRole('button', { name: 'Show the solution', exact: true }).click();
  await expect.poll(() => scenarioText(page)).toBe(lessonFile(A01, 'solution.yaml'));
  await expect(status(page, 'Solved!')).toBeVisible();
  await button(page, 'Bring my text back').click();
  await expect.poll(() => scenarioText(page)).toBe(before);
});

test('a step asks only about edits made to the lesson’s text; the lab text comes back on leaving', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .setScenarioText(`${window.__netlab!.store!.getState().scenarioText}\n# my notes\n`),
  );
  const mine = await scenarioText(page);
  // Into a lesson from the lab: the learner's own text is kept aside, nothing to ask.
  await page.goto(`/#/lesson/${A01}/open-by-default`);
  await stepIs(page, 'open-by-default');
  await expect.poll(() => scenarioText(page)).toBe(lessonFile(A01, 'start.yaml'));
  const dialog = page.getByRole('dialog', { name: 'Replace your scenario?' });
  await expect(dialog).toBeHidden();
  // An edit of the lesson's text, then a step that brings its own scenario: now it asks, with the
  // focus on replacing (what moving on asked for; the edit stays undoable).
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .setScenarioText(`${window.__netlab!.store!.getState().scenarioText}# try\n`),
  );
  const edited = await scenarioText(page);
  await page.goto(`/#/lesson/${A05}/read`);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Replace', exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep my text' }).click();
  expect(await scenarioText(page)).toBe(edited);
  await button(page, 'Load this step’s scenario again').click();
  await expect.poll(() => scenarioText(page)).toBe(lessonFile(A05, 'start.yaml'));
  const undo = button(page, 'Bring my text back');
  await expect(undo).toHaveText('Bring my text back');
  await undo.click();
  await expect.poll(() => scenarioText(page)).toBe(edited);
  // Leaving the lessons: the lab text as it was.
  await button(page, 'Close lessons').click();
  await expect.poll(() => scenarioText(page)).toBe(mine);
});

test('an unknown lesson says so and shows the list', async ({ page }) => {
  await page.goto('/#/lesson/z-99-no-such-lesson');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no lesson' })).toHaveText(
    'There is no lesson "z-99-no-such-lesson". Choose one from the list.',
  );
  await expect(lessonItems(page)).toHaveCount(LESSON_COUNT);
  await page.goto(`/#/lesson/${A01}/no-such-step`);
  await expect(page.getByRole('alert').filter({ hasText: 'no step "no-such-step"' })).toBeVisible();
  await stepIs(page, 'open-by-default');
});

test('presenter mode: large type, clicker keys and Alt+arrows move steps (plain arrows do not), the URL follows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 }); // a projector
  await page.goto(`/#/lesson/${A01}/open-by-default?present=1`);
  await expect(page.getByTestId(TID.appRoot)).toHaveClass(/presenting/);
  const presenter = button(page, 'Presenter mode');
  await expect(presenter).toHaveAttribute('aria-pressed', 'true');
  await stepIs(page, 'open-by-default');
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(base).toBe(20);

  await page.keyboard.press('ArrowRight'); // plain arrows are the packet's hops, never steps
  await stepIs(page, 'open-by-default');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db\\?present=1$`));
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/still-open\\?present=1$`));
  await page.keyboard.press('PageDown'); // the last step stays
  await stepIs(page, 'still-open');
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db\\?present=1$`));
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/open-by-default\\?present=1$`));
  await page.keyboard.press('PageDown');
  await stepIs(page, 'isolate-db');
  await editorReady(page);
  await page.screenshot({ path: 'test-results/lesson-presenter-en.png' });
  expect(await serious(page)).toEqual([]);

  await language(page).selectOption('ko');
  await expect(page.getByText('3단계 중 2단계', { exact: true })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.screenshot({ path: 'test-results/lesson-presenter-ko.png' });

  // Leaving presenter mode: still no step on plain arrows; the URL drops the flag.
  await button(page, '발표 모드').click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${A01}/isolate-db$`));
  await page.keyboard.press('ArrowRight');
  await stepIs(page, 'isolate-db');
  await page.keyboard.press('Alt+ArrowRight');
  await stepIs(page, 'still-open');
});

test('progress export and import round trip, and a bad file gets a clear message', async ({ page }) => {
  await page.goto(`/#/lesson/${A01}/open-by-default`);
  const quiz = quizAsking(page, 'can web open a connection to db on TCP 3306?');
  await expect(quiz).toHaveAttribute('data-id', 'predict-web-db');
  await quiz.getByLabel('Allowed').check();
  await quiz.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(quiz).toContainText('You predicted right.');
  await button(page, 'Next').click();
  await stepIs(page, 'isolate-db');

  await page.goto('/#/lessons');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export progress').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^netlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported).toMatchObject({
    format: 'netlab-lesson-progress',
    version: 1,
    lessons: { [A01]: { seen: ['open-by-default', 'isolate-db'], right: { 'predict-web-db': true } } },
  });
  const saved = test.info().outputPath('progress.json');
  writeFileSync(saved, JSON.stringify(exported));

  // A fresh browser profile: nothing done yet.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const a01 = lessonItem(page, 'A1');
  await expect(a01).toHaveAttribute('data-status', 'new');
  const importProgress = (file: string) => chooseFiles(page, button(page, 'Import progress…'), file);
  const progressStatus = page.getByRole('group', { name: 'Progress' }).getByRole('status');

  const bad = test.info().outputPath('bad.json');
  writeFileSync(bad, '{"format":"something-else"}');
  await importProgress(bad);
  await expect(progressStatus).toHaveText(
    'That file could not be imported: This is not a netlab progress file (the "format" field is missing or different).',
  );
  writeFileSync(bad, 'not json at all');
  await importProgress(bad);
  await expect(progressStatus).toContainText('not valid JSON');
  await expect(a01).toHaveAttribute('data-status', 'new');

  await importProgress(saved);
  await expect(progressStatus).toHaveText('Progress imported for 1 lesson(s), merged with yours.');
  await expect(a01).toHaveAttribute('data-status', 'started');
  await page.reload();
  await expect(a01).toHaveAttribute('data-status', 'started');
  await a01.getByRole('link').click();
  await stepIs(page, 'isolate-db'); // where the learner left off
});

test('no serious accessibility violations in the list, a lesson with checks, and a quiz', async ({
  page,
}) => {
  await page.goto('/#/lessons');
  await expect(lessonItems(page)).toHaveCount(LESSON_COUNT);
  expect(await serious(page)).toEqual([]);
  await page.goto(`/#/lesson/${A05}/fix`);
  await expect(check(page, 'only-prod-api')).toHaveAttribute('data-passed', 'false');
  await editorReady(page);
  expect(await serious(page)).toEqual([]);
  await page.goto(`/#/lesson/${A05}/read`);
  await expect(page.getByRole('group', { name: /^Predict / })).toBeVisible();
  expect(await serious(page)).toEqual([]);
  // Keyboard: the step buttons are reachable and show focus.
  await button(page, 'Next').focus();
  await page.keyboard.press('Enter');
  await stepIs(page, 'shapes');
  const outline = await button(page, 'Next').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

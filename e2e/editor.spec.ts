// The scenario editor: Monaco loaded lazily, YAML schema features, netlab's markers, and the
// last-valid-model banner. Runs against the e2e build (the production build plus the test hooks;
// playwright.config.ts); the bundle checks read the production build itself (dist).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { TestMarker } from '../src/views/test-hooks';
import { MONACO, cell, editorPanel, editorTextbox, editorView, language, matrixPort } from './locate';

// Monaco is driven key by key: on a loaded machine a test can take longer than the default 30 s.
// (Speed is measured by `npm run bench:page`, not here.)
test.describe.configure({ timeout: 60_000 });

const DIST = join(import.meta.dirname, '..', 'dist');
const DEFAULT_SCENARIO = readFileSync(
  join(import.meta.dirname, '..', 'src', 'scenarios', 'default.yaml'),
  'utf8',
);
/** The lazy chunk that carries Monaco (named after the component that imports it). */
const MONACO_CHUNK = /\/assets\/ScenarioEditorImpl-[\w-]+\.js$/;

/** 1-based line of the first occurrence of `needle` (which may span lines) in the default scenario. */
function lineOf(needle: string): number {
  const at = DEFAULT_SCENARIO.indexOf(needle);
  if (at < 0) throw new Error(`not in the default scenario: ${needle}`);
  return DEFAULT_SCENARIO.slice(0, at).split('\n').length;
}

async function editorReady(page: Page): Promise<void> {
  await expect(editorView(page).getByText(/\S/).first()).toBeVisible();
  await page.waitForFunction(() => typeof window.__netlab?.monacoMarkers === 'function');
}

/** Puts the focus in the editor (its text area, as the keyboard or a screen reader reaches it). */
const focusEditor = (page: Page) => editorTextbox(page).focus();

/** Puts the cursor at the end of a line, by keyboard only (Monaco renders only visible lines). */
async function cursorToEndOfLine(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

const scenarioText = (page: Page) => page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
const markers = (page: Page) =>
  page.evaluate(() => window.__netlab?.monacoMarkers?.() ?? ([] as TestMarker[]));

/** Console errors, page errors, workers started and off-origin requests, per test. */
function watch(page: Page) {
  const seen = { errors: [] as string[], workers: [] as string[], offOrigin: [] as string[] };
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /worker/i.test(m.text())))
      seen.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('worker', (w) => seen.workers.push(w.url()));
  const origin = `${new URL(test.info().project.use.baseURL!).origin}/`;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) seen.offOrigin.push(url);
  });
  return seen;
}

test('the built page loads Monaco lazily: one script, no preload of the editor, small first load', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts).toHaveLength(1);
  // Only small chunks the entry shares with lazy ones may be preloaded (rolldown's runtime, React's
  // JSX runtime, the text module: split out since the labs became lazy chunks): never the editor.
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  for (const href of preloads) {
    const chunk = readFileSync(join(DIST, href));
    expect(chunk.length, href).toBeLessThan(32 * 1024);
    expect(chunk.toString(), href).not.toMatch(/monaco-editor|MonacoEnvironment/);
  }
  expect(html).not.toMatch(/ScenarioEditorImpl|StorageEditorImpl|monaco|codicon/i);

  const entry = /src="\.?\/assets\/([^"]+\.js)"/.exec(scripts[0]!)![1]!;
  const entryJs = readFileSync(join(DIST, 'assets', entry));
  expect(entryJs.toString()).not.toMatch(/monaco-editor|MonacoEnvironment/);
  const gzip = gzipSync(entryJs).length;
  test.info().annotations.push({
    type: 'first-load JS',
    description: `${entry}: ${(entryJs.length / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzip`,
  });
  // ~128 KiB gzip today (React, zustand, yaml, the engine); Monaco alone would add ~1 MiB.
  expect(gzip).toBeLessThan(200 * 1024);

  const chunks = readdirSync(join(DIST, 'assets'));
  expect(
    chunks.find((f) => /^ScenarioEditorImpl-[\w-]+\.js$/.test(f)),
    'the lazy editor chunk',
  ).toBeTruthy();
  // Monaco itself (over 1 MiB) sits in a lazy chunk (shared by the scenario and storage editors).
  const big = chunks.filter(
    (f) => f.endsWith('.js') && f !== entry && readFileSync(join(DIST, 'assets', f)).length > 1024 * 1024,
  );
  expect(
    big.some((f) => /monaco|MonacoEnvironment/.test(readFileSync(join(DIST, 'assets', f), 'utf8'))),
  ).toBe(true);
});

test('the matrix is usable before the editor code arrives', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(MONACO_CHUNK, async (route) => {
    requested = true;
    await gate;
    await route.continue();
  });
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/backend', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  const placeholder = editorPanel(page).getByRole('status').filter({ hasText: 'Loading the editor' });
  await expect(placeholder).toBeVisible();
  await expect(editorTextbox(page)).toHaveCount(0);
  expect(requested).toBe(true);
  await page.screenshot({ path: 'test-results/editor-loading.png' });

  release();
  await editorReady(page);
  await expect(placeholder).toHaveCount(0);
});

test('typing in the editor flips a matrix cell', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
  await editorReady(page);
  await expect(page.getByRole('textbox', { name: 'Scenario YAML editor' })).toBeAttached();
  await page.screenshot({ path: 'test-results/editor-loaded.png' });

  // db-policy's ingress peer: role: backend → role: web
  await cursorToEndOfLine(page, lineOf('          role: backend\n    ports:'));
  for (let i = 0; i < 'backend'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('web');
  await page.keyboard.press('Escape');

  expect(await scenarioText(page)).toContain(
    '          role: web\n    ports:\n    - protocol: TCP\n      port: 3306',
  );
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'allow');
  await expect(cell(page, 'prod/backend', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
  // The last keystroke ("we" → "web") is the one that let the web tier in: marked until the next edit.
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-change', 'newly-allowed');
  await expect(cell(page, 'prod/web', 'prod/db')).toContainText('newly allowed');

  // The edit is one undo step away in the editor.
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');

  expect(seen.workers.length, seen.workers.join(', ')).toBeGreaterThanOrEqual(2);
  expect(seen.errors).toEqual([]);
  expect(seen.offOrigin).toEqual([]);
});

test('a misspelt field gets netlab\'s marker (did you mean "port") and the schema\'s', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  await editorReady(page);
  await cursorToEndOfLine(page, lineOf('    - protocol: TCP\n      port: 3306') + 1);
  await page.keyboard.press('Enter');
  await page.keyboard.type('portd: 3306');
  await page.keyboard.press('Escape');
  const line = lineOf('    - protocol: TCP\n      port: 3306') + 2;
  expect((await scenarioText(page)).split('\n')[line - 1]).toBe('      portd: 3306');

  await expect
    .poll(async () =>
      (await markers(page))
        .filter((m) => m.owner === 'netlab')
        .map((m) => `${m.startLineNumber}:${m.startColumn} ${m.message}`),
    )
    .toContainEqual(
      expect.stringContaining(
        `${line}:7 unknown field "spec.ingress[0].ports[0].portd"\ndid you mean "port"`,
      ),
    );
  // monaco-yaml validates against the bundled schema (additionalProperties: false) too.
  await expect
    .poll(async () =>
      (await markers(page)).filter((m) => m.owner === 'yaml').map((m) => `${m.startLineNumber} ${m.message}`),
    )
    .toContainEqual(`${line} Property portd is not allowed.`);
  const netlab = (await markers(page)).find((m) => m.owner === 'netlab')!;
  expect(netlab.severity).toBe(4); // MarkerSeverity.Warning
  expect(netlab.endColumn).toBe(netlab.startColumn + 'portd'.length);

  // The squiggle and its hover text.
  await editorView(page).getByText('portd', { exact: true }).hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'did you mean "port"' })).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-marker.png' });
  expect(seen.errors).toEqual([]);
  expect(seen.offOrigin).toEqual([]);
});

test('hover docs and completion come from the bundled schema', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  await editorReady(page);
  // Completion: a new key in db-policy's first port offers endPort.
  await cursorToEndOfLine(page, lineOf('    - protocol: TCP\n      port: 3306') + 1);
  await page.keyboard.press('Enter');
  await page.keyboard.type('end');
  await page.keyboard.press('Control+Space');
  // Monaco's suggestion rows are list items of a listbox named "Suggest": "endPort, Property".
  await expect(
    page.getByRole('listbox', { name: 'Suggest' }).getByRole('listitem', { name: /^endPort\b/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');

  // Hover: the podSelector key of db-policy.
  await cursorToEndOfLine(page, lineOf('  podSelector:\n    matchLabels:\n      role: db'));
  // the key on its own line (`  podSelector:`), not a peer's `- podSelector:`
  await editorView(page)
    .getByText(/^\s*podSelector:\s*$/)
    .getByText('podSelector', { exact: true })
    .hover();
  const hover = page.getByRole('tooltip').filter({ hasText: 'Selects the pods in this namespace' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('NetworkPolicy (networking.k8s.io/v1)');
  await page.screenshot({ path: 'test-results/editor-hover.png' });
  expect(seen.errors).toEqual([]);
  expect(seen.offOrigin).toEqual([]);
});

test('broken YAML keeps the last valid matrix, and the banner points to the line', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await editorReady(page);
  const anyBanner = page.getByText(/^The scenario has an error/);
  await expect(anyBanner).toHaveCount(0);

  // Break db-policy: role: backend → role: [backend (an unclosed flow sequence).
  const brokenLine = lineOf('          role: backend\n    ports:');
  await cursorToEndOfLine(page, brokenLine);
  for (let i = 0; i < 'backend'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('[');
  // Monaco may auto-close the bracket; take the closing one back out.
  if (
    (await scenarioText(page)).includes('role: []backend') ||
    (await scenarioText(page)).includes('role: [backend]')
  )
    await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  expect((await scenarioText(page)).split('\n')[brokenLine - 1]).toBe('          role: [backend');

  // Without db-policy, web → db would be allowed: the page still shows the last valid model.
  const banner = page.getByText('The scenario has an error, so the page still shows the last valid version.');
  await expect(banner).toBeVisible();
  await expect(cell(page, 'prod/web', 'prod/db')).toHaveAttribute('data-verdict', 'deny');
  await expect(cell(page, 'prod/backend', 'prod/db')).toHaveAttribute('data-verdict', 'allow');

  const goto = page.getByRole('button', { name: /^line \d+, column \d+: / });
  const [, line, col] = /^line (\d+), column (\d+): /.exec((await goto.textContent()) ?? '')!.map(Number) as [
    number,
    number,
    number,
  ];
  expect(line).toBeGreaterThanOrEqual(brokenLine);
  const netlabError = (await markers(page)).find((m) => m.owner === 'netlab' && m.severity === 8);
  expect(netlabError, 'an error marker from netlab').toBeTruthy();
  expect([netlabError!.startLineNumber, netlabError!.startColumn]).toEqual([line, col]);
  await page.screenshot({ path: 'test-results/editor-banner.png' });

  // Move the cursor away, then let the banner bring it back; a typed character lands there.
  await focusEditor(page);
  await page.keyboard.press('Control+Home');
  await goto.click();
  await expect(page.getByRole('textbox', { name: 'Scenario YAML editor' })).toBeFocused();
  await page.keyboard.type('Z');
  const lines = (await scenarioText(page)).split('\n');
  expect(lines[line - 1]![col - 1]).toBe('Z');

  // Fixing the text removes the banner and the page follows the text again.
  await page.keyboard.press('Control+z');
  await cursorToEndOfLine(page, brokenLine);
  for (let i = 0; i < 'backend'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  expect(await scenarioText(page)).toBe(DEFAULT_SCENARIO);
  await expect(anyBanner).toHaveCount(0);
  expect(seen.errors).toEqual([]);
  expect(seen.offOrigin).toEqual([]);
});

test('while typing, a half-written line shows its squiggle but no banner; the banner comes when the text rests', async ({
  page,
}) => {
  await page.goto('/');
  await editorReady(page);
  // Count every time the banner is put on the page.
  await page.evaluate(() => {
    const w = window as unknown as { bannerShown: number };
    w.bannerShown = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="editor.banner"]')) w.bannerShown++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await cursorToEndOfLine(page, lineOf('    - protocol: TCP\n      port: 3306') + 1);
  await page.keyboard.press('Enter');
  // Each key leaves a line that is not YAML yet ("e", "en", …), 200 ms apart: no banner meanwhile.
  await page.keyboard.type('endPor', { delay: 200 });
  await expect.poll(async () => (await markers(page)).some((m) => m.severity === 8)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { bannerShown: number }).bannerShown)).toBe(0);
  // Resting on the broken line: the banner, pointing at it.
  await expect(page.getByTestId('editor.banner')).toBeVisible();
  await expect(page.getByRole('button', { name: /^line \d+, column \d+: / })).toBeVisible();
});

test('Korean: the editor label and the banner follow the UI language', async ({ page }) => {
  await page.goto('/');
  await language(page).selectOption('ko');
  await editorReady(page);
  await expect(page.getByRole('textbox', { name: '시나리오 YAML 편집기' })).toBeAttached();
  await expect(page.getByRole('heading', { name: '시나리오 (YAML)' })).toBeVisible();
  await page.evaluate(() => {
    const store = window.__netlab!.store!;
    store
      .getState()
      .setScenarioText(store.getState().scenarioText.replace('  policyTypes:', '  policyTypes: [Ingress'));
  });
  await expect(page.getByText(/^시나리오에 오류가 있어 .*마지막으로 올바르던 버전/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^\d+행 \d+열: / })).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-banner-ko.png' });
});

test('no serious accessibility violations outside Monaco, with the editor and with the banner', async ({
  page,
}) => {
  await page.goto('/');
  await editorReady(page);
  const scan = async () => {
    const results = await new AxeBuilder({ page }).exclude(MONACO).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  };
  expect(await scan()).toEqual([]);
  await page.evaluate(() => {
    const store = window.__netlab!.store!;
    store.getState().setScenarioText(`${store.getState().scenarioText}\n---\nkind: [\n`);
  });
  await expect(page.getByText(/^The scenario has an error/)).toBeVisible();
  expect(await scan()).toEqual([]);
});

test('the suggestion list stays by the editor when the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 700 });
  await page.goto('/');
  const view = editorView(page);
  await expect(view).toBeVisible();
  await view.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < lineOf('  name: prod'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('anno');
  const suggestions = page.getByRole('listbox', { name: /Suggest/i });
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('annotations');
  // The half-typed key is an error: its banner, once the text rests, moves the editor down first.
  await expect(page.getByText(/^The scenario has an error/)).toBeVisible();
  const gap = async () => {
    const list = (await suggestions.boundingBox())!;
    const editor = (await view.boundingBox())!;
    return Math.round(list.y - editor.y);
  };
  // Settled: the list no longer grows or moves.
  await expect.poll(gap).toBe(await gap());
  await page.waitForTimeout(500);
  const before = await gap();
  // The page scrolls (as a wheel over the matrix or the graph would scroll it).
  await page.evaluate(() => scrollBy(0, 120));
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(20);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await gap()).toBe(before);
});

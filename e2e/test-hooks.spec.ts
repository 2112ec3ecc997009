// The test hooks (window.__netlab, src/views/test-hooks.d.ts) are in the e2e build the browser
// tests run against (`npm run build:e2e`, dist-e2e) and nowhere in the production bundle (dist).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const ROOT = join(import.meta.dirname, '..');

/** Every file of a build folder, as paths relative to it. */
function buildFiles(dir: string): string[] {
  const root = join(ROOT, dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(root, f)).isFile(),
  );
}

/** The files of a build folder whose bytes contain `needle`. */
const filesContaining = (dir: string, needle: string) =>
  buildFiles(dir).filter((f) => readFileSync(join(ROOT, dir, f), 'latin1').includes(needle));

test('window.__netlab is in the e2e build only, never in the production bundle', async ({ page }) => {
  const production = buildFiles('dist');
  // The whole bundle is searched: the entry, the lazy editor chunk and the workers.
  expect(production).toContain('index.html');
  expect(production.filter((f) => /^assets[\\/]ScenarioEditorImpl-[\w-]+\.js$/.test(f))).toHaveLength(1);
  expect(production.filter((f) => /worker/i.test(f)).length).toBeGreaterThan(0);
  expect(filesContaining('dist', '__netlab')).toEqual([]);
  expect(filesContaining('dist', 'monacoMarkers')).toEqual([]);

  // The same search finds the hooks in the e2e build: the store (the lab's chunk, main) and the markers (in the lazy
  // editor code, which the scenario and storage editors share, so not in the entry).
  const e2e = filesContaining('dist-e2e', '__netlab');
  expect(e2e.some((f) => /^assets[\\/]main-[\w-]+\.js$/.test(f))).toBe(true);
  const markers = filesContaining('dist-e2e', 'monacoMarkers');
  expect(markers.length).toBeGreaterThan(0);
  expect(
    markers.every((f) => /^assets[\\/][\w-]+\.js$/.test(f) && !/^assets[\\/](index|main)-/.test(f)),
  ).toBe(true);
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => typeof window.__netlab?.store?.getState)).toBe('function');
});

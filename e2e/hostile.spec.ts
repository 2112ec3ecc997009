// The lab against hostile input: an RLO in a bridge name cannot turn the drawing (or the exported
// picture) around, a link that would inflate to gigabytes is refused with a message, and a
// picture an editor re-saved with a DOCTYPE still opens.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SHARE_PREFIX } from '../src/lib/share-codec';
import { deflateBomb } from '../src/testing/deflate-bomb';
import { chooseFiles, diagram, pods } from './locate';

const RLO = '\u202e';
const withBridge = (name: string) => `(() => {
  const s = window.__netlab.store.getState();
  s.setScenarioText(s.scenarioText + '\\n---\\napiVersion: netlab.dev/v1\\nkind: ClusterNetwork\\nmetadata: {name: lab}\\nspec:\\n  bridgeName: ${JSON.stringify(name).replace(/\\/g, '\\\\')}\\n');
})()`;

test('an RLO in a bridge name stays inside the name: the CIDR after it reads left to right, on the page and in the SVG', async ({
  page,
}) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.evaluate(withBridge(`${RLO}cni0`));
  const label = diagram(page).getByText(/cni0/).first();
  await expect(label).toContainText('cni0');
  const text = (await label.textContent())!;
  expect(text).toMatch(/^\u2068\u202ecni0\u2069 10\.244\.\d+\.1\/24$/);
  // Where the browser put each character of the CIDR: left to right, not mirrored.
  const xs = await label.evaluate((el) => {
    const t = el as SVGTextElement;
    const s = t.textContent!;
    const from = s.indexOf(' ') + 1;
    return Array.from({ length: s.length - from }, (_, i) => t.getStartPositionOfChar(from + i).x);
  });
  expect(xs.length).toBeGreaterThan(8);
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  // Problems says what is hidden in the name.
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    'spec.bridgeName contains the bidi control U+202E',
  );
  // The exported picture carries the same isolation.
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  const exported = readFileSync((await svg.path())!, 'utf8');
  expect(exported).toContain(`\u2068${RLO}cni0\u2069 10.244.`);
});

test('a 1.9 MB link that would inflate to 1.4 GB is refused with a message, and the lab goes on', async ({
  page,
}) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  const fragment = SHARE_PREFIX + Buffer.from(deflateBomb(1400)).toString('base64url');
  await page.evaluate((f) => (location.hash = f), fragment);
  await expect(
    page.getByRole('status').filter({ hasText: 'This link cannot be opened: it unpacks to more than 5 MB' }),
  ).toHaveText('This link cannot be opened: it unpacks to more than 5 MB');
  await expect(pods(page)).toHaveCount(3);
  expect(await page.evaluate(() => location.hash)).toBe('');
});

test('an exported SVG re-saved by an editor (XML declaration, comment, DOCTYPE) opens its scene', async ({
  page,
}) => {
  await page.goto('/');
  await expect(pods(page)).toHaveCount(3);
  await page.evaluate(
    `window.__netlab.store.getState().setScenarioText(window.__netlab.store.getState().scenarioText + '\\n# shared picture\\n')`,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const resaved = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- Created with Inkscape (http://www.inkscape.org/) -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg}`;
  await page.evaluate(() => window.__netlab!.store!.getState().resetScenario());
  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'scene.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(resaved),
  });
  await expect(page.getByRole('status').filter({ hasText: 'scene.svg opened' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__netlab!.store!.getState().scenarioText))
    .toContain('# shared picture');
});

test('inside another site’s frame the full lab does nothing and says so; the embed view runs', async ({
  page,
  baseURL,
}) => {
  // A page of no origin of ours (as a course site would be) framing the lab.
  const framing = (src: string) =>
    `<!doctype html><title>course</title><iframe title="lab" src="${src}" width="1000" height="700"></iframe>`;
  await page.setContent(framing(`${baseURL}/`));
  const lab = page.frameLocator('iframe');
  await expect(lab.getByRole('alert')).toContainText('netlab does not run inside another site’s page');
  await expect(lab.getByRole('link', { name: 'Open netlab in a tab of its own' })).toHaveAttribute(
    'target',
    '_blank',
  );
  await expect(lab.getByRole('main')).toHaveCount(0);
  // The lab never started: no store, no worker, nothing read or written.
  const frame = page.frames().find((f) => f.url().startsWith(baseURL!))!;
  expect(await frame.evaluate(() => window.__netlab?.store === undefined)).toBe(true);

  await page.setContent(framing(`${baseURL}/?embed=1`));
  await expect(pods(page.frameLocator('iframe'))).toHaveCount(3);
});

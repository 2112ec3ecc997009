// The graph legible in the lab, not only in presenter mode: at 1440×900 and 1920×1080, in the
// default lab with the default pane sizes, pod names and IPs render at 11 px or more on screen
// (font size × the screen transform's scale), every other visible graph text at 9 px or more, every
// pod whole in view, and no text spilling out of its card, pill or box — in English and Korean.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TID } from '../src/views/testIds';
import { diagram, graphLabelOverlaps, language } from './locate';

test.describe.configure({ timeout: 60_000 });

interface Measure {
  /** Visible texts (at least partly inside the pane): the smallest size of each kind, in px. */
  podName: number;
  podIp: number;
  other: number;
  smallestOther: string;
  shown: number;
  /** Pod name/IP texts not wholly inside the pane. */
  podTextsCut: string[];
  /** Texts outside the card, pill, box or bar they belong to. */
  spilling: string[];
  pods: number;
}

const measure = (page: Page): Promise<Measure> =>
  diagram(page).evaluate((svg) => {
    const view = svg.getBoundingClientRect();
    const inside = (r: DOMRect, o: DOMRect, slack = 1) =>
      r.left >= o.left - slack &&
      r.right <= o.right + slack &&
      r.top >= o.top - slack &&
      r.bottom <= o.bottom + slack;
    const m = {
      podName: Infinity,
      podIp: Infinity,
      other: Infinity,
      smallestOther: '',
      shown: 0,
      podTextsCut: [] as string[],
      spilling: [] as string[],
      pods: svg.querySelectorAll('g.pod').length,
    };
    for (const el of svg.querySelectorAll('text')) {
      const style = getComputedStyle(el);
      const text = el.textContent?.trim() ?? '';
      if (style.display === 'none' || style.visibility === 'hidden' || !text) continue;
      const ctm = (el as SVGGraphicsElement).getScreenCTM();
      if (!ctm) continue;
      const px = parseFloat(style.fontSize) * Math.hypot(ctm.a, ctm.b);
      const r = el.getBoundingClientRect();
      const partly = r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
      const pod = el.closest('g.pod');
      const isName = pod !== null && el.classList.contains('entity-name');
      const isIp = pod !== null && el.classList.contains('pod-ip');
      if ((isName || isIp) && !inside(r, view, 0)) m.podTextsCut.push(text);
      // What the text belongs to: a pod's card, a Service's pill, an outside machine, a node (its
      // routes too), a bridge, an IN/OUT badge.
      const owner = el.closest('g.pod, g.service, g.external, g.node, g.node-routes, g.bridge, g.badge');
      // (a node's own rectangles: its box, and its eth0 port astride the box's top edge)
      const frames = owner ? [...owner.querySelectorAll(':scope > rect')] : [];
      if (frames.length > 0 && !frames.some((f) => inside(r, f.getBoundingClientRect())))
        m.spilling.push(text);
      if (!partly) continue;
      m.shown++;
      if (isName) m.podName = Math.min(m.podName, px);
      else if (isIp) m.podIp = Math.min(m.podIp, px);
      else if (px < m.other) {
        m.other = px;
        m.smallestOther = text;
      }
    }
    return m;
  });

for (const [width, height] of [
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`the default lab at ${width}×${height}: pod names and IPs ≥ 11 px, other graph text ≥ 9 px, every pod in view, en and ko`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
    for (const lang of ['en', 'ko'] as const) {
      if (lang === 'ko') await language(page).selectOption('ko');
      await expect(
        diagram(page).getByText(lang === 'ko' ? '클러스터' : 'cluster', { exact: true }),
      ).toBeVisible();
      await expect.poll(async () => (await measure(page)).podIp).toBeGreaterThanOrEqual(11);
      const m = await measure(page);
      expect(m.pods, lang).toBe(5);
      expect(m.podName, lang).toBeGreaterThanOrEqual(11);
      expect(m.podIp, lang).toBeGreaterThanOrEqual(11);
      expect(m.other, `${lang}: "${m.smallestOther}"`).toBeGreaterThanOrEqual(9);
      expect(m.shown, lang).toBeGreaterThan(30);
      expect(m.podTextsCut, lang).toEqual([]);
      expect(m.spilling, lang).toEqual([]);
      expect((await graphLabelOverlaps(page)).out, lang).toEqual([]);
      await page.screenshot({ path: `test-results/graph-fit-${width}-${lang}.png` });
    }
  });
}

test('the check sees text that is too small or spills out of its card', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
  await expect.poll(async () => (await measure(page)).podIp).toBeGreaterThanOrEqual(11);
  await diagram(page).evaluate((svg) => {
    const ip = svg.querySelector('g.pod text.pod-ip') as SVGTextElement;
    ip.style.fontSize = '6px';
    ip.textContent = `${ip.textContent} and a long tail that leaves the card`;
  });
  const m = await measure(page);
  expect(m.podIp).toBeLessThan(11);
  expect(m.spilling.length).toBeGreaterThan(0);
});

test('"Fit to view" shows the whole scene, however small; the next scene is placed readable again', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect.poll(async () => (await measure(page)).podIp).toBeGreaterThanOrEqual(11);
  const whole = async () =>
    diagram(page).evaluate((svg) => {
      const view = svg.getBoundingClientRect();
      const zoomed = svg.querySelector('[data-testid="graph.zoom"]')!.getBoundingClientRect();
      return (
        zoomed.left >= view.left - 1 &&
        zoomed.right <= view.right + 1 &&
        zoomed.top >= view.top - 1 &&
        zoomed.bottom <= view.bottom + 1
      );
    });
  // Readable first: at 1440×900 the default scene does not fit whole.
  expect(await whole()).toBe(false);
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await expect.poll(whole).toBe(true);
  expect((await measure(page)).podIp).toBeLessThan(11);
  // A lesson's scene is placed readable again.
  await page.goto('/#/lesson/a-01-no-policy-no-isolation');
  await expect.poll(async () => (await measure(page)).podIp).toBeGreaterThanOrEqual(11);
});

test('keyboard focus on a Service above the pods pans it into view, at the same size', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
  const layer = page.getByTestId(TID.graphZoom);
  await expect.poll(async () => (await measure(page)).podIp).toBeGreaterThanOrEqual(11);
  const before = await layer.getAttribute('transform');
  const scale = /scale\(([\d.]+)\)/.exec(before!)![1];
  await page.getByRole('img', { name: /^Service prod\/web: / }).focus();
  await expect(layer).not.toHaveAttribute('transform', before!);
  await expect(layer).toHaveAttribute('transform', new RegExp(`scale\\(${scale}\\)`));
  const svc = (await page.getByRole('img', { name: /^Service prod\/web: / }).boundingBox())!;
  const view = (await diagram(page).boundingBox())!;
  expect(svc.y).toBeGreaterThanOrEqual(view.y);
  expect(svc.y + svc.height).toBeLessThanOrEqual(view.y + view.height);
});

test('a packet mid-flight stays in view and readable at 1440×900', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?motion=off');
  await expect(diagram(page).getByText('node01', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'From', exact: true }).selectOption('prod/web');
  await page.getByRole('combobox', { name: 'To', exact: true }).selectOption('prod/backend');
  await page.getByRole('spinbutton', { name: 'Port' }).fill('5000');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const playback = page.getByRole('group', { name: 'Playback' });
  await playback.getByRole('button', { name: /^(Play|Pause)$/ }).click();
  await playback.getByRole('button', { name: 'Back to the first hop' }).click();
  await playback.getByRole('button', { name: 'Next hop' }).click();
  await playback.getByRole('button', { name: 'Next hop' }).click();
  const packet = page.getByTestId(TID.graphPacket).first();
  await expect(packet).toBeVisible();
  const box = (await packet.boundingBox())!;
  const view = (await diagram(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(view.x);
  expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
  expect(box.y).toBeGreaterThanOrEqual(view.y);
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
  const m = await measure(page);
  expect(m.other).toBeGreaterThanOrEqual(9);
  expect(m.podIp).toBeGreaterThanOrEqual(11);
  await page.screenshot({ path: 'test-results/graph-fit-packet-1440.png' });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { TID } from '../src/views/testIds';
import { MONACO, diagram, matrixPort, outside, pod, why } from './locate';

test('the default scene (calico) shows both nodes with their routed veths, pods and BGP routes', async ({
  page,
}) => {
  await page.goto('/');
  const svg = diagram(page);
  await expect(svg).toContainText('node01');
  await expect(svg).toContainText('node02');
  // The lab's pane at 1280×720 is narrow: one pod column a node, the hub's short label, the whole
  // sentence in its tooltip.
  await expect(svg).toContainText('no bridge · /32 routes · gw 169.254.1.1');
  await expect(
    svg.locator('title').filter({ hasText: 'no bridge: a /32 route per pod to its cali… veth' }),
  ).toHaveCount(2);
  await expect(svg).toContainText('10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird');
  await expect(pod(page, 'prod/web')).toContainText('10.244.1.2');
  await expect(pod(page, 'prod/backend')).toContainText('10.244.2.2');
  await expect(pod(page, 'prod/db')).toContainText('pause');
  // one veth pair per pod (the scenario's three and the two implicit CoreDNS pods): host end on the bridge, eth0 in the pod
  await expect(svg.getByTestId(TID.graphLink).and(page.locator('[data-kind="veth"]'))).toHaveCount(5);
  const ends = svg.getByTestId(TID.graphLinkEnds).getByText(/^(cali[0-9a-f]{8}…|eth0)$/);
  await expect(ends).toHaveCount(10);
  await expect(ends.first()).toHaveText(/cali[0-9a-f]{8}…/);
  // isolation badges: db is isolated both ways, web not at all
  await expect(pod(page, 'prod/db')).toContainText('IN');
  await expect(pod(page, 'prod/db')).toContainText('OUT');
  await expect(pod(page, 'prod/db')).toHaveAttribute('aria-label', /ingress isolated \(prod\/db-policy\)/);
  await expect(pod(page, 'prod/web')).toHaveAttribute('aria-label', /ingress open/);
  await expect(outside(page)).toHaveCount(2);
  await page.screenshot({ path: 'test-results/graph-default.png', fullPage: true });
});

test('focusing a pod shows its labels, veth, routes and containers', async ({ page }) => {
  await page.goto('/');
  await pod(page, 'prod/db').focus();
  const details = page.getByTestId(TID.graphDetails);
  await expect(details).toContainText('role=db');
  await expect(details).toContainText(/eth0 10\.244\.1\.3\/32 ⇄ cali[0-9a-f]{11} @ cali…/);
  await expect(details).toContainText('default via 169.254.1.1 dev eth0');
  await expect(details).toContainText('pause (holds the network namespace)');
});

test('choosing two pods in the graph explains that flow', async ({ page }) => {
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await pod(page, 'prod/web').click();
  await expect(
    page.getByRole('status').filter({ hasText: 'From prod/web — now choose the destination' }),
  ).toBeVisible();
  await pod(page, 'prod/db').click();
  await expect(why(page)).toContainText('prod/web → prod/db 3306/TCP: ✗ denied');
  await expect(why(page)).toContainText('prod/db-policy');
});

test('keyboard only: pick two endpoints in the graph', async ({ page }) => {
  await page.goto('/');
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await pod(page, 'prod/backend').focus();
  await page.keyboard.press('Enter');
  await pod(page, 'prod/db').focus();
  await page.keyboard.press('Enter');
  await expect(why(page)).toContainText('prod/backend → prod/db 3306/TCP: ✓ allowed');
});

test('highlighting a policy marks the pods it selects and the peers it names', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Highlight policy' }).selectOption('prod/db-policy');
  await expect(pod(page, 'prod/db')).toHaveClass(/is-selected/);
  await expect(pod(page, 'prod/backend')).toHaveClass(/is-peer/);
  await expect(pod(page, 'prod/web')).not.toHaveClass(/is-peer|is-selected/);
  await expect(outside(page, '192.168.5.10')).toHaveClass(/is-peer/);
  await expect(pod(page, 'prod/db')).toHaveAttribute('aria-label', /selected by the highlighted policy/);
});

test('zoom and fit keep the picture; the graph passes axe', async ({ page }) => {
  await page.goto('/');
  const layer = page.getByTestId(TID.graphZoom);
  const fit = page.getByRole('button', { name: 'Fit to view' });
  await fit.click();
  await expect(layer).not.toHaveAttribute('transform', 'translate(0,0) scale(1)');
  const before = await layer.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(layer).not.toHaveAttribute('transform', before ?? '');
  await fit.click();
  await expect(layer).toHaveAttribute('transform', before ?? '');
  const results = await new AxeBuilder({ page }).exclude(MONACO).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});

import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { MONACO, diagram, matrixPort, packetPanel, pod } from './locate';

const from = (page: Page) => page.getByRole('combobox', { name: 'From', exact: true });
const to = (page: Page) => page.getByRole('combobox', { name: 'To', exact: true });
/** The hops of the journey shown, each a button. */
const events = (page: Page) =>
  page.getByRole('list', { name: 'Hops of the packet and what happened at each' });
/** Playback: Back to the first hop, Previous hop, Play/Pause, Next hop. */
const playback = (page: Page, name: string | RegExp) =>
  page.getByRole('group', { name: 'Playback' }).getByRole('button', { name });
const play = (page: Page) => playback(page, /^(Play|Pause)$/);
/** What a screen reader hears when the journey ends. */
const announce = (page: Page) => packetPanel(page).getByRole('status');
const packets = (page: Page) => diagram(page).getByTestId(TID.graphPacket);

async function send(page: Page, source: string, destination: string, port?: string) {
  await from(page).selectOption(source);
  await to(page).selectOption(destination);
  if (port) await page.getByRole('spinbutton', { name: 'Port' }).fill(port);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(events(page)).toBeVisible();
  await play(page).click(); // pause: the test steps by hand…
  await playback(page, 'Back to the first hop').click(); // …from the first hop, however slow the machine
}

const current = (page: Page) => events(page).getByRole('button').and(page.locator('[aria-current="step"]'));

async function stepToEnd(page: Page) {
  const forward = playback(page, 'Next hop');
  while (await forward.isEnabled()) await forward.click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?motion=off');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
});

test('backend → db:3306 is delivered and its reply comes back', async ({ page }) => {
  await send(page, 'prod/backend', 'prod/db', '3306');
  await stepToEnd(page);
  await expect(events(page)).toContainText('Reply');
  await expect(events(page)).toContainText('conntrack');
  await expect(announce(page)).toHaveText('Delivered, and the reply came back.');
  await expect(current(page)).toHaveAttribute('data-hop', /^rep-/);
  // The headline names where calico's veths end (no bridge), not a cni0 it does not build.
  await expect(packetPanel(page)).toContainText('calico, iptables, no bridge: /32 routes to');
  await expect(packetPanel(page)).not.toContainText('cni0');
  // Each event says its verdict once: no "✓ ingress-check ingress: ✓ allowed", no "• • route".
  for (const hop of await events(page).getByRole('button').all()) {
    await hop.click();
    for (const line of await page.getByTestId(TID.packetInspector).getByRole('listitem').allInnerTexts()) {
      expect(line).not.toMatch(/[✓✗].*[✓✗]/);
      expect(line).not.toContain('•');
    }
  }
});

test('web → db:3306 through the db Service stops at db ingress, naming db-policy', async ({ page }) => {
  await send(page, 'prod/web', 'svc:prod/db', '3306');
  await stepToEnd(page);
  await expect(announce(page)).toContainText('Dropped');
  await expect(announce(page)).toContainText('prod/db-policy');
  await expect(current(page)).toContainText('ingress of prod/db');
  await expect(page.getByTestId(TID.packetInspector)).toContainText('drop');
  // where it was stopped, marked in the diagram
  await expect(diagram(page).getByText('Dropped', { exact: true })).toHaveCount(1);
  await expect(events(page)).not.toContainText('Reply');
  await page.screenshot({ path: 'test-results/packet-dropped.png', fullPage: true });
});

test('User → web through the NodePort shows the DNAT hop', async ({ page }) => {
  await send(page, 'user', '192.168.1.11:30080');
  const dnat = events(page).getByRole('button', { name: /DNAT/ }).first();
  await expect(dnat).toContainText('192.168.1.11:30080 → 10.244.1.2:80');
  await dnat.click();
  await expect(page.getByTestId(TID.packetInspector)).toContainText('Headers after');
  await expect(page.getByTestId(TID.packetInspector)).toContainText('10.244.1.2:80');
});

test('across nodes with flannel: VXLAN outer headers and the no-enforcement notice', async ({ page }) => {
  await page.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(
      `${s.scenarioText}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata:\n  name: net\nspec:\n  cni: flannel\n`,
    );
  });
  await send(page, 'prod/web', 'prod/db', '3306');
  await expect(packetPanel(page).getByText(/^⚠ /).first()).toContainText(/flannel/i);
  await stepToEnd(page);
  // flannel does not enforce: the denied flow is still delivered
  await expect(announce(page)).toContainText('Delivered');
  await send(page, 'prod/web', 'prod/backend', '5000');
  await expect(events(page)).toContainText('UDP 8472');
  await expect(events(page)).toContainText('flannel.1');
});

test('step back returns to the previous hop', async ({ page }) => {
  await send(page, 'prod/backend', 'prod/db', '3306');
  await playback(page, 'Next hop').click();
  await playback(page, 'Next hop').click();
  await expect(current(page)).toHaveAttribute('data-hop', 'req-2');
  await playback(page, 'Previous hop').click();
  await expect(current(page)).toHaveAttribute('data-hop', 'req-1');
  const moved = await packets(page).getAttribute('data-step');
  expect(moved).toBe('1');
});

test('keyboard only: run the whole tour, pause, step, reset', async ({ page }) => {
  await page.getByRole('button', { name: 'Run all' }).focus();
  await page.keyboard.press('Enter');
  await expect(packetPanel(page)).toContainText('Packet 1 of 4');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k'); // pause
  await expect(play(page)).toContainText('Play');
  const before = await current(page).getAttribute('data-hop');
  await page.keyboard.press('ArrowRight');
  await expect(current(page)).not.toHaveAttribute('data-hop', before!);
  await page.keyboard.press('ArrowLeft');
  await expect(current(page)).toHaveAttribute('data-hop', before!);
  await page.keyboard.press('r');
  await expect(current(page)).toHaveAttribute('data-hop', 'req-0');
});

test('reduced motion: the packet jumps to each hop', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await send(page, 'prod/backend', 'prod/db', '3306');
  await playback(page, 'Next hop').click();
  const packet = packets(page);
  const at = await packet.getAttribute('transform');
  await page.waitForTimeout(50);
  expect(await packet.getAttribute('transform')).toBe(at);
});

test('the packet panel passes axe while a packet is shown', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await send(page, 'prod/web', 'svc:prod/db', '3306');
  await stepToEnd(page);
  const results = await new AxeBuilder({ page }).exclude(MONACO).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${v.nodes[0]?.target}`),
  ).toEqual([]);
});

test('run all at once: every packet of the tour moves together', async ({ page }) => {
  await page.getByRole('checkbox', { name: 'all at once' }).check();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(packets(page)).toHaveCount(4);
  await expect(packets(page).and(page.locator('[data-companion="true"]'))).toHaveCount(3);
});

test('pick two endpoints in the graph, then send a packet between them', async ({ page }) => {
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  await pod(page, 'prod/web').click();
  await pod(page, 'prod/db').click();
  await page.getByRole('button', { name: 'Send prod/web → prod/db 3306/TCP', exact: true }).click();
  await expect(packetPanel(page)).toContainText('prod/web → prod/db 3306/TCP');
  await play(page).click();
  await stepToEnd(page);
  await expect(announce(page)).toContainText('Dropped');
});

test('the packet ends are grouped: pods by namespace, outside machines, Services, NodePorts', async ({
  page,
}) => {
  await page.goto('/');
  const sources = from(page);
  // <optgroup>s have no role Playwright finds inside a <select>: found by element and label.
  // prod, kube-system (the implicit CoreDNS pods) and the outside machines.
  await expect(sources.locator('optgroup')).toHaveCount(3);
  await expect(sources.locator('optgroup[label="Pods in kube-system"] option')).toHaveText([
    'kube-system/coredns-1',
    'kube-system/coredns-2',
  ]);
  await expect(sources.locator('optgroup[label="Pods in prod"] option')).toHaveText([
    'prod/web',
    'prod/backend',
    'prod/db',
  ]);
  await expect(sources.locator('optgroup[label="Outside the cluster"] option')).toHaveCount(2);
  const destinations = to(page);
  expect(
    await destinations.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))),
  ).toEqual(['Pods in prod', 'Pods in kube-system', 'Outside the cluster', 'Services', 'NodePort']);
  await destinations.selectOption({ label: 'Service prod/db (10.96.0.13)' });
  await expect(destinations).toHaveValue('svc:prod/db');
});

test('with a pinned version, a packet says how it went before the changes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Pin this version to compare' }).click();
  const text = await page.evaluate(() => window.__netlab!.store!.getState().scenarioText);
  await page.evaluate(
    (t) => window.__netlab!.store!.getState().setScenarioText(t),
    text.replace('          role: backend\n    ports:', '          role: web\n    ports:'),
  );
  await expect.poll(() => page.evaluate(() => window.__netlab!.store!.getState().view!.changes.size)).toBe(2);
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .sendPackets([{ from: 'prod/web', to: 'prod/db', port: { port: 3306, protocol: 'TCP' } }]),
  );
  const compare = packetPanel(page).getByText(/^With the pinned version/);
  await expect(compare).toContainText('With the pinned version: Dropped');
  await expect(compare).toContainText('(your changes since made the difference)');
  await packetPanel(page).screenshot({ path: 'test-results/packet-pinned.png' });
  // backend → web on 80 was not touched by the change: the same either way.
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .sendPackets([{ from: 'prod/backend', to: 'prod/web', port: { port: 80, protocol: 'TCP' } }]),
  );
  await expect(compare).toHaveText('With the pinned version: the same.');
  await page.getByRole('button', { name: 'Unpin' }).click();
  await expect(compare).toHaveCount(0);
});

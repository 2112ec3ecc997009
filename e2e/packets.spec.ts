import { expect, test, type Page } from '@playwright/test';

async function send(page: Page, from: string, to: string, port?: string) {
  await page.getByTestId('packet.from').selectOption(from);
  await page.getByTestId('packet.to').selectOption(to);
  if (port) await page.getByTestId('packet.port').fill(port);
  await page.getByTestId('packet.send').click();
  await expect(page.getByTestId('packet.events')).toBeVisible();
  await page.getByTestId('packet.play').click(); // pause: the test steps by hand
}

const current = (page: Page) => page.locator('[data-testid="packet.hop"][aria-current="step"]');

async function stepToEnd(page: Page) {
  const forward = page.getByTestId('packet.forward');
  while (await forward.isEnabled()) await forward.click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?motion=off');
  await expect(page.getByTestId('packet.send')).toBeVisible();
});

test('backend → db:3306 is delivered and its reply comes back', async ({ page }) => {
  await send(page, 'prod/backend', 'prod/db', '3306');
  await stepToEnd(page);
  const events = page.getByTestId('packet.events');
  await expect(events).toContainText('Reply');
  await expect(events).toContainText('conntrack');
  await expect(page.getByTestId('packet.announce')).toHaveText('Delivered, and the reply came back.');
  await expect(current(page)).toHaveAttribute('data-hop', /^rep-/);
});

test('web → db:3306 through the db Service stops at db ingress, naming db-policy', async ({ page }) => {
  await send(page, 'prod/web', 'svc:prod/db', '3306');
  await stepToEnd(page);
  await expect(page.getByTestId('packet.announce')).toContainText('Dropped');
  await expect(page.getByTestId('packet.announce')).toContainText('prod/db-policy');
  await expect(current(page)).toContainText('ingress of prod/db');
  await expect(page.getByTestId('packet.inspector')).toContainText('drop');
  await expect(page.getByTestId('graph.svg').locator('g.drop')).toHaveCount(1);
  await expect(page.getByTestId('packet.events')).not.toContainText('Reply');
  await page.screenshot({ path: 'test-results/packet-dropped.png', fullPage: true });
});

test('User → web through the NodePort shows the DNAT hop', async ({ page }) => {
  await send(page, 'user', '192.168.1.11:30080');
  const dnat = page.locator('[data-testid="packet.hop"]', { hasText: 'DNAT' }).first();
  await expect(dnat).toContainText('192.168.1.11:30080 → 10.244.1.2:80');
  await dnat.click();
  await expect(page.getByTestId('packet.inspector')).toContainText('Headers after');
  await expect(page.getByTestId('packet.inspector')).toContainText('10.244.1.2:80');
});

test('across nodes with flannel: VXLAN outer headers and the no-enforcement notice', async ({ page }) => {
  await page.evaluate(() => {
    const s = window.__netlab!.store!.getState();
    s.setScenarioText(
      `${s.scenarioText}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata:\n  name: net\nspec:\n  cni: flannel\n`,
    );
  });
  await send(page, 'prod/web', 'prod/db', '3306');
  await expect(page.getByTestId('packet.notice').first()).toContainText(/flannel/i);
  await stepToEnd(page);
  // flannel does not enforce: the denied flow is still delivered
  await expect(page.getByTestId('packet.announce')).toContainText('Delivered');
  await send(page, 'prod/web', 'prod/backend', '5000');
  await expect(page.getByTestId('packet.events')).toContainText('UDP 8472');
  await expect(page.getByTestId('packet.events')).toContainText('flannel.1');
});

test('step back returns to the previous hop', async ({ page }) => {
  await send(page, 'prod/backend', 'prod/db', '3306');
  await page.getByTestId('packet.forward').click();
  await page.getByTestId('packet.forward').click();
  await expect(current(page)).toHaveAttribute('data-hop', 'req-2');
  await page.getByTestId('packet.back').click();
  await expect(current(page)).toHaveAttribute('data-hop', 'req-1');
  const moved = await page.getByTestId('graph.packet').getAttribute('data-step');
  expect(moved).toBe('1');
});

test('keyboard only: run the whole tour, pause, step, reset', async ({ page }) => {
  await page.getByTestId('packet.runAll').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('packet.panel')).toContainText('Packet 1 of 4');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k'); // pause
  await expect(page.getByTestId('packet.play')).toContainText('Play');
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
  await page.getByTestId('packet.forward').click();
  const packet = page.getByTestId('graph.packet');
  const at = await packet.getAttribute('transform');
  await page.waitForTimeout(50);
  expect(await packet.getAttribute('transform')).toBe(at);
});

test('the packet panel passes axe while a packet is shown', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await send(page, 'prod/web', 'svc:prod/db', '3306');
  await stepToEnd(page);
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${v.nodes[0]?.target}`),
  ).toEqual([]);
});

test('run all at once: every packet of the tour moves together', async ({ page }) => {
  await page.getByTestId('packet.together').check();
  await page.getByTestId('packet.runAll').click();
  await expect(page.getByTestId('graph.packet')).toHaveCount(4);
  await expect(page.getByTestId('graph.svg').locator('g.packet.companion')).toHaveCount(3);
});

test('pick two endpoints in the graph, then send a packet between them', async ({ page }) => {
  await page.getByTestId('matrix.port').selectOption({ label: '3306/TCP' });
  await page.locator('[data-testid="graph.pod"][data-id="prod/web"]').click();
  await page.locator('[data-testid="graph.pod"][data-id="prod/db"]').click();
  await page.getByTestId('packet.sendSelected').click();
  await expect(page.getByTestId('packet.panel')).toContainText('prod/web → prod/db 3306/TCP');
  await page.getByTestId('packet.play').click();
  await stepToEnd(page);
  await expect(page.getByTestId('packet.announce')).toContainText('Dropped');
});

test('the packet ends are grouped: pods by namespace, outside machines, Services, NodePorts', async ({
  page,
}) => {
  await page.goto('/');
  const from = page.getByTestId('packet.from');
  await expect(from.locator('optgroup')).toHaveCount(2);
  await expect(from.locator('optgroup[label="Pods in prod"] option')).toHaveText([
    'prod/web',
    'prod/backend',
    'prod/db',
  ]);
  await expect(from.locator('optgroup[label="Outside the cluster"] option')).toHaveCount(2);
  const to = page.getByTestId('packet.to');
  expect(await to.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual([
    'Pods in prod',
    'Outside the cluster',
    'Services',
    'NodePort',
  ]);
  await to.selectOption({ label: 'Service prod/db (10.96.0.12)' });
  await expect(to).toHaveValue('svc:prod/db');
});

test('with a pinned version, a packet says how it went before the changes', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('matrix.pin').click();
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
  const compare = page.getByTestId('packet.compare');
  await expect(compare).toContainText('With the pinned version: Dropped');
  await expect(compare).toContainText('(your changes since made the difference)');
  await page.getByTestId('packet.panel').screenshot({ path: 'test-results/packet-pinned.png' });
  // backend → web on 80 was not touched by the change: the same either way.
  await page.evaluate(() =>
    window
      .__netlab!.store!.getState()
      .sendPackets([{ from: 'prod/backend', to: 'prod/web', port: { port: 80, protocol: 'TCP' } }]),
  );
  await expect(compare).toHaveText('With the pinned version: the same.');
  await page.getByTestId('matrix.pin').click(); // unpin
  await expect(compare).toHaveCount(0);
});

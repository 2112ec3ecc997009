import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const NOTES = [
  'ip addr add 192.168.1.11/24 dev eth0',
  'ip link add v-net-0 type bridge',
  'ip link set dev v-net-0 up',
  'ip addr add 10.244.1.1/24 dev v-net-0',
  'ip netns add red',
  'ip link add veth-red type veth peer name veth-red-br',
  'ip link set veth-red netns red',
  'ip link set veth-red-br master v-net-0',
  'ip -n red addr add 10.244.1.2/24 dev veth-red',
  'ip -n red link set veth-red up',
  'ip link set veth-red-br up',
];

async function type(page: Page, host: string, command: string): Promise<void> {
  const input = page.getByRole('textbox', { name: `Command on ${host}` });
  await input.fill(command);
  await input.press('Enter');
}

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
});

test.afterEach(async ({ page }) => {
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
});

test('type the notes commands: the drawing follows, an error is iproute2’s, a ping succeeds and animates', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'By hand' }).click();
  await expect(page.getByRole('heading', { name: 'Pod networking by hand' })).toBeVisible();
  const log = page.getByRole('log');
  for (const c of NOTES) await type(page, 'node01', c);
  const drawing = page.getByRole('img', { name: /Network drawing/ });
  await expect(drawing).toHaveAccessibleName(/1 namespace\(s\): node01\/red/);
  await expect(drawing.getByText('v-net-0 10.244.1.1/24')).toBeVisible();
  await expect(drawing.getByText('veth-red 10.244.1.2/24')).toBeVisible();

  await type(page, 'node01', 'ip link set veth-blue up');
  await expect(log.getByText('Cannot find device "veth-blue"')).toBeVisible();

  await type(page, 'node01', 'ip netns exec red ping -c 2 10.244.1.1');
  await expect(
    log.getByText('2 packets transmitted, 2 received, 0% packet loss', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('node01/red → 10.244.1.1: replies came back')).toBeVisible();
  await expect(drawing.locator('.ping-dot')).toBeVisible();
  // The hops in words, the one the dot is on marked; the animation ends on the reply's last hop.
  const request = page.getByRole('region', { name: 'Request, hop by hop' });
  await expect(request.getByRole('listitem').first()).toHaveText(
    'node01/red: out by veth-red, across bridge v-net-0',
  );
  await expect(request.getByRole('listitem').last()).toContainText('delivered');
  const reply = page.getByRole('region', { name: 'Reply, hop by hop' });
  await expect(reply.getByRole('listitem').last()).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Play the ping again' }).click();
  await expect(reply.getByRole('listitem').last()).toHaveAttribute('aria-current', 'step');

  // The state pane says what ip would print.
  await expect(page.getByRole('region', { name: 'State' })).toContainText(
    '10.244.1.0/24 dev v-net-0 proto kernel scope link src 10.244.1.1',
  );
  await page.screenshot({ path: 'test-results/console-en.png', fullPage: true });

  // A failing ping says why.
  await type(page, 'node01', 'ip netns exec red ping -c 1 192.168.1.12');
  await expect(page.getByText(/no reply\. no route to 192\.168\.1\.12/)).toBeVisible();
  // It never left red (no route): no hops to list, and the caption says why.
  await expect(page.getByRole('region', { name: 'Request, hop by hop' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Reply, hop by hop' })).toHaveCount(0);

  // History and Tab completion.
  const input = page.getByRole('textbox', { name: 'Command on node01' });
  await input.press('ArrowUp');
  await expect(input).toHaveValue('ip netns exec red ping -c 1 192.168.1.12');
  await input.fill('ip link set veth-r');
  await input.press('Tab');
  await expect(input).toHaveValue('ip link set veth-red-br ');
  await input.fill('');
  await input.press('Control+l');
  await expect(log.getByText('Cannot find device "veth-blue"')).toHaveCount(0);

  // Autosave: a reload keeps the session.
  await page.reload();
  await expect(page.getByRole('img', { name: /Network drawing/ })).toHaveAccessibleName(/node01\/red/);
});

test('a start state, a share link, and Korean', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?byhand=1');
  await page.getByLabel('Start from').selectOption({ label: 'two hosts on a LAN' });
  await page.getByRole('button', { name: 'Start over' }).click();
  await type(page, 'node02', 'ping -c 1 192.168.1.11');
  await expect(page.getByText('node02 → 192.168.1.11: replies came back')).toBeVisible();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const url = page.url();
  expect(url).toContain('session=');

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByText('Opened the shared session.')).toBeVisible();
  await expect(other.getByRole('log').filter({ hasText: 'ping -c 1 192.168.1.11' })).toBeVisible();

  await other.getByTestId('app.language').selectOption('ko');
  await expect(other.getByRole('heading', { name: '손으로 만드는 파드 네트워크' })).toBeVisible();
  await other.getByRole('textbox', { name: 'node01에서 실행할 명령' }).fill('ip netns add red');
  await other.getByRole('textbox', { name: 'node01에서 실행할 명령' }).press('Enter');
  await other
    .getByRole('textbox', { name: 'node01에서 실행할 명령' })
    .fill('ip netns exec red ping -c 1 127.0.0.1');
  await other.getByRole('textbox', { name: 'node01에서 실행할 명령' }).press('Enter');
  // The ping's hops in Korean, particles chosen by the interface's name.
  await other.getByRole('textbox', { name: 'node02에서 실행할 명령' }).fill('ping -c 1 192.168.1.11');
  await other.getByRole('textbox', { name: 'node02에서 실행할 명령' }).press('Enter');
  await expect(other.getByRole('region', { name: '요청, 홉마다' }).getByRole('listitem')).toHaveText([
    'node02: eth0로 나감',
    'node01: eth0로 들어옴, 도착',
  ]);
  await other.getByRole('button', { name: '쿠버네티스로 보면' }).click();
  await expect(other.getByText(/red 네임스페이스는 파드의 네트워크 네임스페이스/)).toBeVisible();
  await other.screenshot({ path: 'test-results/console-ko.png', fullPage: true });
});

test('a module F lesson: its start fails the check, the learner’s commands pass it', async ({ page }) => {
  await page.goto('/?byhand=1');
  await page
    .getByRole('combobox', { name: /^Lesson/ })
    .selectOption({ label: 'F1. One namespace, and its lo' });
  await expect(
    page.getByRole('heading', { name: 'A network namespace is a second network stack' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check my network' }).click();
  const results = page.getByRole('list', { name: 'Check results' });
  await expect(results).toContainText('✗ node01 has no namespace red');
  await type(page, 'node01', 'ip netns add red');
  await type(page, 'node01', 'ip -n red link set lo up');
  await page.getByRole('button', { name: 'Check my network' }).click();
  await expect(results).toContainText('Every check passes: solved.');
  await page.screenshot({ path: 'test-results/console-lesson-en.png', fullPage: true });
});

test('module F is in the lesson list: a lesson opens in the By-hand lab, and solving it marks it done', async ({
  page,
}) => {
  await page.goto('/#/lessons');
  await expect(
    page.getByRole('heading', { name: 'F · Pod networking by hand (the ip console)' }),
  ).toBeVisible();
  await page.getByRole('link', { name: /F1\s+One namespace, and its lo/ }).click();
  // The lab opens on the lesson, its start state loaded (nothing typed before).
  await expect(page.getByRole('heading', { name: 'Pod networking by hand' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Lesson/ })).toHaveValue('f-01-one-namespace-and-lo');
  await expect(
    page.getByRole('heading', { name: 'A network namespace is a second network stack' }),
  ).toBeVisible();
  await type(page, 'node01', 'ip netns add red');
  await type(page, 'node01', 'ip -n red link set lo up');
  await page.getByRole('button', { name: 'Check my network' }).click();
  await expect(page.getByRole('list', { name: 'Check results' })).toContainText(
    'Every check passes: solved.',
  );
  // A reload keeps the lesson and the commands; the list shows the lesson done.
  await page.reload();
  await expect(page.getByRole('combobox', { name: /^Lesson/ })).toHaveValue('f-01-one-namespace-and-lo');
  await expect(page.getByRole('log').first()).toContainText('ip -n red link set lo up');
  await page.getByRole('link', { name: 'All lessons' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'One namespace, and its lo' });
  await expect(item).toContainText('Done');
  await page.screenshot({ path: 'test-results/lesson-list-module-f.png', fullPage: true });
});

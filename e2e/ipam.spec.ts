// A node's podCIDR used up: the pod it cannot address is listed apart as Pending, with IPAM's
// reason, in English and in Korean.
import { expect, test } from './fixtures';
import { TID } from '../src/views/testIds';
import { chooseFiles, pods } from './locate';

const NODE =
  'apiVersion: v1\nkind: Node\nmetadata: {name: node01}\nspec: {podCIDR: 10.244.1.0/29}\nstatus: {addresses: [{type: InternalIP, address: 192.168.1.11}]}';
const pod = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  nodeName: node01\n  containers: [{name: c, image: nginx}]`;
const SCENARIO = [NODE, ...['a', 'b', 'c', 'd', 'e', 'late'].map(pod)].join('\n---\n') + '\n';

test('a full podCIDR leaves the last pod Pending with the reason, en and ko', async ({ page }) => {
  await page.goto('/?motion=off');
  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'full-range.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(SCENARIO),
  });
  await expect(pods(page)).toHaveCount(5);
  const list = page.getByTestId(TID.graphInactive);
  await list.locator('summary').click();
  const late = list.locator(`[data-testid="${TID.graphInactivePod}"][data-pod="shop/late"]`);
  await expect(late).toHaveText('shop/late — Pending, no free address in 10.244.1.0/29 on node01');
  await list.screenshot({ path: 'test-results/ipam-pending-en.png' });

  await page.getByTestId(TID.language).selectOption('ko');
  await expect(late).toHaveText('shop/late — Pending, node01의 10.244.1.0/29에 남은 주소가 없습니다');
  await expect(list).toContainText('IP가 없는 파드 (1)');
  await list.screenshot({ path: 'test-results/ipam-pending-ko.png' });
});

test('lesson G2: the packet check fails on the start, passes on the solution, en and ko', async ({
  page,
}) => {
  await page.goto('/?motion=off#/lesson/g-02-flannel-vxlan-hop-by-hop/policy-ignored');
  const check = page.getByTestId(TID.lessonCheck).and(page.locator('[data-id="arrives-anyway"]'));
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(check).toContainText(
    'the NetworkPolicies allow this packet, but the task wants them to deny it.',
  );
  await page.getByRole('button', { name: 'Show the solution…', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Show the reference solution?' })
    .getByRole('button', { name: 'Show the solution', exact: true })
    .click();
  await expect(check).toHaveAttribute('data-passed', 'true');
  await expect(check).toContainText(
    'prod/web → prod/db 3306/TCP: the packet goes exactly as the task says (5 things checked).',
  );
  await check.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ipam-g02-en.png' });
  await page.getByTestId(TID.language).selectOption('ko');
  await expect(check).toContainText(
    'prod/web → prod/db 3306/TCP: 패킷이 과제에서 말한 그대로 지나갑니다(확인한 것 5가지).',
  );
  await page.screenshot({ path: 'test-results/ipam-g02-ko.png' });
});

// Each CNI drawn as it builds the node, enforcement said the same in the matrix and the why panel,
// and the CNI lifecycle panel. Screenshots of each CNI's nodes go to /tmp/cni-shots/ to be looked at.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { cell, diagram, graphLabelOverlaps, language, matrixPort, why } from './locate';

// The scenario as first loaded is kept on the page, so each switch replaces the last one.
const withNetwork = (spec: string) => `(() => {
  const s = window.__netlab.store.getState();
  const w = window;
  w.cniBase ??= s.scenarioText;
  s.setScenarioText(w.cniBase + '\\n---\\napiVersion: netlab.dev/v1\\nkind: ClusterNetwork\\nmetadata: {name: lab}\\nspec: ${spec}\\n');
})()`;

async function switchTo(page: Page, spec: string): Promise<void> {
  await page.evaluate(withNetwork(spec));
}

const CASES: [string, string, string[]][] = [
  [
    'calico',
    '{cni: calico}',
    ['no bridge: a /32 route per pod', '10.244.2.0/24 via 192.168.1.12 dev eth0 proto bird'],
  ],
  [
    'calico-ipip',
    '{cni: calico, calicoEncapsulation: IPIP}',
    ['tunl0 10.244.1.0/32', '10.244.2.0/24 via 192.168.1.12 dev tunl0'],
  ],
  [
    'flannel',
    '{cni: flannel}',
    ['cni0 10.244.1.1/24', 'flannel.1 10.244.1.0/32', '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink'],
  ],
  [
    'cilium',
    '{cni: cilium}',
    ['cilium_host 10.244.1.1/32', 'cilium_vxlan', '10.244.2.0/24 via 10.244.1.1 dev cilium_host'],
  ],
  ['weave', '{cni: weave}', ['weave 10.244.1.1/16', 'vxlan-6784', '10.244.0.0/16 dev weave']],
  ['bridge', '{cni: bridge}', ['cni0 10.244.1.1/24', '10.244.2.0/24 via 192.168.1.12 dev eth0']],
];

test('switching the CNI redraws the devices and routes of every node', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const svg = diagram(page);
  await expect(svg).toContainText('node01');
  for (const [name, spec, texts] of CASES) {
    await switchTo(page, spec);
    for (const text of texts) await expect(svg).toContainText(text);
    expect((await graphLabelOverlaps(page)).out, name).toEqual([]);
    await svg.screenshot({ path: `/tmp/cni-shots/${name}-en.png` });
  }
  // calico's veths are named cali…, weave's vethwepl…: the drawing follows the CNI.
  await switchTo(page, '{cni: weave}');
  await expect(svg.getByText(/^vethwepl[0-9a-f]{4}…$/).first()).toBeVisible();
  await switchTo(page, '{cni: calico}');
  await expect(svg.getByText(/^cali[0-9a-f]{8}…$/).first()).toBeVisible();
  await expect(svg).not.toContainText('cni0');
  await language(page).selectOption('ko');
  await expect(svg).toContainText('브리지 없음');
  await svg.screenshot({ path: '/tmp/cni-shots/calico-ko.png' });
  await switchTo(page, '{cni: cilium}');
  await expect(svg).toContainText('각 lxc veth의 eBPF가 전달');
  await svg.screenshot({ path: '/tmp/cni-shots/cilium-ko.png' });
});

test('under flannel the matrix and the why panel say the policy is not enforced', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await switchTo(page, '{cni: flannel}');
  const banner = page.getByRole('note').filter({ hasText: 'flannel does not enforce NetworkPolicy' }).first();
  await expect(banner).toBeVisible();
  await matrixPort(page).selectOption({ label: '3306/TCP' });
  const webToDb = cell(page, 'prod/web', 'prod/db');
  await expect(webToDb).toHaveAccessibleName(/denied \(policy says ✗ — flannel delivers it\)/);
  await expect(webToDb).toContainText('flannel delivers it');
  await webToDb.click();
  await expect(why(page)).toContainText('policy says ✗ — flannel delivers it');
  await page.screenshot({ path: '/tmp/cni-shots/flannel-matrix-en.png' });
  await language(page).selectOption('ko');
  await expect(why(page)).toContainText('정책상으로는 ✗ 차단이지만 flannel은 그대로 전달합니다');
  await expect(
    page.getByRole('note').filter({ hasText: 'NetworkPolicy를 적용하지 않습니다' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/cni-shots/flannel-matrix-ko.png' });
  // Under calico nothing of the kind: the denial holds.
  await language(page).selectOption('en');
  await switchTo(page, '{cni: calico}');
  await expect(page.getByRole('note').filter({ hasText: 'does not enforce NetworkPolicy' })).toHaveCount(0);
  await expect(cell(page, 'prod/web', 'prod/db')).not.toContainText('delivers it');
});

test('the CNI lifecycle panel shows net.d, the ADD call and the result for the scenario CNI', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await switchTo(page, '{cni: flannel}');
  const summary = page.getByText('CNI lifecycle: how a pod gets its network');
  await summary.click();
  const panel = page.getByTestId('cni.lifecycle');
  await expect(panel).toContainText('10-flannel.conflist');
  await expect(panel).toContainText('CNI_COMMAND=ADD');
  await expect(panel).toContainText('CNI_IFNAME=eth0');
  await expect(panel).toContainText('/opt/cni/bin/flannel < /etc/cni/net.d/10-flannel.conflist');
  await expect(panel).toContainText('FLANNEL_SUBNET=10.244.1.1/24');
  await expect(panel).toContainText('/var/lib/cni/networks/cbr0/10.244.1.2');
  await panel.screenshot({ path: '/tmp/cni-shots/lifecycle-flannel-en.png' });
  await switchTo(page, '{cni: bridge, ipMasq: true}');
  await expect(panel).toContainText('10-bridge.conf');
  await expect(panel).toContainText('"ipMasq": true');
});

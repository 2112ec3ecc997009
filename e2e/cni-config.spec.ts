// A CNI config file edited in the lab: the lifecycle panel's "Edit this file" puts the node's
// 10-bridge.conf into the scenario; changing its bridge name and isGateway in the editor redraws
// the node and changes a packet's journey. Screenshots go to /tmp/cniconf-shots/ to be looked at.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { TID } from '../src/views/testIds';
import { diagram, editorTextbox, language, packetPanel } from './locate';

const SHOTS = '/tmp/cniconf-shots';

// The scenario as first loaded, with the bridge plugin as its CNI (set up as cni.spec.ts does).
const useBridge = `(() => {
  const s = window.__netlab.store.getState();
  s.setScenarioText(s.scenarioText + '\\n---\\napiVersion: netlab.dev/v1\\nkind: ClusterNetwork\\nmetadata: {name: lab}\\nspec: {cni: bridge}\\n');
})()`;

const events = (page: Page) =>
  page.getByRole('list', { name: /^(Hops of the packet and what happened at each|.*홉.*)$/ });

async function send(page: Page, source: string, destination: string, port: string) {
  await page.getByRole('combobox', { name: 'From', exact: true }).selectOption(source);
  await page.getByRole('combobox', { name: 'To', exact: true }).selectOption(destination);
  await page.getByRole('spinbutton', { name: 'Port' }).fill(port);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(events(page)).toBeVisible();
}

/** Monaco's own find-and-replace (Ctrl+H), as a learner would use it. */
async function replaceAll(page: Page, find: string, replace: string) {
  await editorTextbox(page).focus();
  await page.keyboard.press('Control+h');
  await page.getByRole('textbox', { name: 'Find' }).fill(find);
  const replaceBox = page.getByRole('textbox', { name: 'Replace' });
  await replaceBox.fill(replace);
  await replaceBox.press('Control+Alt+Enter');
  await page.keyboard.press('Escape');
}

test('"Edit this file" puts 10-bridge.conf in the editor; its bridge and isGateway redraw the node and change the journey', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/?motion=off');
  await page.evaluate(useBridge);
  const svg = diagram(page);
  await expect(svg).toContainText('cni0 10.244.1.1/24');

  await page.getByText('CNI lifecycle: how a pod gets its network').click();
  const panel = page.getByTestId('cni.lifecycle');
  await expect(panel).toContainText('10-bridge.conf is the only network configuration');
  await panel.getByRole('button', { name: 'Edit this file' }).click();
  await expect(panel).toContainText('This file is the scenario’s own CNIConfig');
  await expect(panel).toContainText('replaces the file the CNI installed under that name');

  await replaceAll(page, '"bridge": "cni0"', '"bridge": "br-lab"');
  await expect(svg).toContainText('br-lab 10.244.1.1/24');
  // node02 has no such file: its bridge stays cni0.
  await expect(svg).toContainText('cni0 10.244.2.1/24');
  await send(page, 'prod/web', 'prod/db', '3306');
  await expect(events(page)).toContainText('br-lab');
  await svg.screenshot({ path: `${SHOTS}/bridge-renamed-en.png` });

  await replaceAll(page, '"isGateway": true', '"isGateway": false');
  await expect(svg).toContainText('br-lab no address (isGateway: false)');
  // Focus (as the keyboard reaches it) or hover: the node's details.
  await page.getByRole('img', { name: 'Node node01' }).focus();
  const details = page.getByTestId('graph.details.node');
  await expect(details).toContainText('br-lab no address (isGateway: false)');
  await expect(details).not.toContainText('dev br-lab');
  await expect(details).toContainText('/etc/cni/net.d/10-bridge.conf');
  await send(page, 'prod/web', 'prod/backend', '8080');
  await expect(events(page)).toContainText('Destination Host Unreachable');
  await expect(packetPanel(page)).toContainText('isGateway: false');
  // The hop where it ends: the pod's eth0, with the reason.
  await events(page).getByRole('button').last().click();
  const inspector = page.getByTestId(TID.packetInspector);
  await expect(inspector).toContainText('Destination Host Unreachable');
  await inspector.screenshot({ path: `${SHOTS}/journey-dropped-en.png` });
  await page.screenshot({ path: `${SHOTS}/isgateway-false-en.png` });
  const own = panel.getByText(/^(This file is the scenario’s own CNIConfig|이 파일은 시나리오의 CNIConfig)/);
  await own.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lifecycle-en.png` });

  await language(page).selectOption('ko');
  await expect(panel).toContainText('이 파일은 시나리오의 CNIConfig입니다');
  await expect(panel).toContainText('시나리오의 10-bridge.conf는 CNI가 같은 이름으로 설치한 파일을 대신하며');
  await expect(details).toContainText('쓰이는 CNI 설정');
  await expect(svg).toContainText('br-lab 주소 없음(isGateway: false)');
  await page.getByRole('img', { name: '노드 node01' }).focus();
  await expect(details).toContainText('br-lab 주소 없음(isGateway: false)');
  await page.screenshot({ path: `${SHOTS}/isgateway-false-ko.png` });
  await own.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lifecycle-ko.png` });

  // Undo in the editor takes the edits back, down to the file itself: the drawing follows.
  await language(page).selectOption('en');
  await editorTextbox(page).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(svg).toContainText('cni0 10.244.1.1/24');
  await expect(panel.getByRole('button', { name: 'Edit this file' })).toBeVisible();
});

test('a node’s details list its devices, ip route and, under flannel, the FDB and ARP entries', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/?motion=off');
  await page.evaluate(useBridge.replace('{cni: bridge}', '{cni: flannel}'));
  await expect(diagram(page)).toContainText('flannel.1 10.244.1.0/32');
  await page.getByRole('img', { name: 'Node node01' }).focus();
  const details = page.getByTestId('graph.details.node');
  await expect(details).toContainText('/etc/cni/net.d/10-flannel.conflist');
  await expect(details).toContainText(
    'flannel.1 10.244.1.0/32 — vxlan id 1 local 192.168.1.11 dev eth0 dstport 8472',
  );
  await expect(details).toContainText('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink');
  await expect(details).toContainText('dev flannel.1 dst 192.168.1.12 self permanent');
  await expect(details).toContainText('10.244.2.0 dev flannel.1 lladdr');
  await details.screenshot({ path: `${SHOTS}/node-details-flannel-en.png` });
  await language(page).selectOption('ko');
  await expect(details).toContainText('bridge fdb(VTEP MAC → 노드 IP)');
  await details.screenshot({ path: `${SHOTS}/node-details-flannel-ko.png` });
});

// Services and DNS on the page: the implicit CoreDNS (kubeadm's, added when the scenario has none)
// is drawn, labelled implicit in the graph, its details and the matrix, with no label overlapping;
// a pod's URL goes through the DNS step, then kube-proxy to the ingress controller and the rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  chooseFiles,
  diagram,
  graphLabelOverlaps,
  implicitPods,
  language,
  matrixCells,
  packetPanel,
  pods,
} from './locate';

const DEFAULT = readFileSync(join(import.meta.dirname, '../src/scenarios/default.yaml'), 'utf8');
const SHOTS = '/tmp/svc-shots';

async function open(page: Page, text: string) {
  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'scenario.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('status').filter({ hasText: 'scenario.yaml opened' })).toBeVisible();
}

test('the implicit CoreDNS is drawn on the nodes and labelled implicit, in the graph, the details and the matrix', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?motion=off');
  await expect(pods(page)).toHaveCount(3);
  await expect(implicitPods(page)).toHaveCount(2);
  const coredns = page.getByRole('button', {
    name: /^Pod kube-system\/coredns-1 — implicit \(kubeadm CoreDNS\), 10\.244\.1\.\d+, node01;/,
  });
  await expect(coredns).toBeVisible();
  // The card says it in words (not only a dashed outline).
  await expect(coredns.getByText('kube-system · implicit')).toBeVisible();
  const kubeDns = page.getByRole('img', {
    name: /^Service kube-system\/kube-dns — implicit \(kubeadm CoreDNS\): ClusterIP 10\.96\.0\.10 /,
  });
  await expect(kubeDns).toBeVisible();
  await expect(kubeDns.getByText('kube-dns · implicit')).toBeVisible();
  expect((await graphLabelOverlaps(page)).out).toEqual([]);

  await coredns.focus();
  await expect(
    page.getByRole('definition').filter({ hasText: "netlab adds kubeadm's CoreDNS" }),
  ).toBeVisible();
  // Found by name, the graph zooms to it: the card up close.
  const find = page.getByRole('search').getByRole('searchbox');
  await find.fill('coredns-1');
  await find.press('Enter');
  await expect(coredns).toBeVisible();
  expect((await graphLabelOverlaps(page)).out).toEqual([]);
  await diagram(page).screenshot({ path: `${SHOTS}/implicit-coredns-1440.png` });
  await find.fill('');
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await page.screenshot({ path: `${SHOTS}/page-1440.png` });

  // The matrix keeps the scenario's rows until asked.
  await expect(matrixCells(page)).toHaveCount(21);
  const show = page.getByRole('checkbox', { name: 'Show the implicit CoreDNS pods (kube-system)' });
  await show.check();
  await expect(matrixCells(page)).toHaveCount(45); // 7×7 minus the 4 outside → outside
  await expect(
    page.getByRole('columnheader', { name: /kube-system\/coredns-2 implicit \(kubeadm CoreDNS\)/ }),
  ).toBeVisible();
  await show.uncheck();
  await expect(matrixCells(page)).toHaveCount(21);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(implicitPods(page)).toHaveCount(2);
  expect((await graphLabelOverlaps(page)).out).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/page-1920.png` });

  await language(page).selectOption('ko');
  const ko = page.getByRole('button', {
    name: /^파드 kube-system\/coredns-1 — 자동 추가 \(kubeadm CoreDNS\),/,
  });
  await expect(ko.getByText('kube-system · 자동 추가')).toBeVisible();
  await ko.focus();
  await expect(
    page.getByRole('definition').filter({ hasText: 'netlab이 kubeadm의 CoreDNS를 넣었습니다' }),
  ).toBeVisible();
  expect((await graphLabelOverlaps(page)).out).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/page-1920-ko.png` });
  await find.fill('kube-dns');
  await find.fill('coredns-2');
  await find.press('Enter');
  await diagram(page).screenshot({ path: `${SHOTS}/implicit-coredns-1920-ko.png` });
});

test("a pod's URL in the packet form: the host through CoreDNS, then kube-proxy to the controller and the rule's backend", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?motion=off');
  const ingress = readFileSync(
    join(import.meta.dirname, '../src/testing/fixtures/ingress-nginx.yaml'),
    'utf8',
  )
    .replace('  type: NodePort\n', '  type: LoadBalancer\n')
    .replace(
      '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\n',
      '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\nstatus: {loadBalancer: {ingress: [{ip: 203.0.113.50}]}}\n',
    );
  const scene = `${DEFAULT.replace('nodePort: 30080', 'nodePort: 30081')}\n---\n${ingress}`;
  const from = page.getByRole('combobox', { name: 'From', exact: true });
  const url = page.getByRole('textbox', { name: 'or a DNS name or URL' });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const panel = packetPanel(page);

  // The scenario does not say what public DNS answers for the host: the trace says so.
  await open(page, scene);
  await from.selectOption('prod/web');
  await url.fill('http://shop.example.com/api/cart');
  await expect(page.getByRole('spinbutton', { name: 'Port' })).toHaveValue('80');
  await send.click();
  await expect(panel).toContainText('shop.example.com is not a cluster name');

  // An ExternalEndpoint says public DNS answers the load balancer's address.
  await open(
    page,
    `${scene}\n---\napiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: shop.example.com}\nspec: {ip: 203.0.113.50}\n`,
  );
  await from.selectOption('prod/web');
  await url.fill('http://shop.example.com/api/cart');
  await send.click();
  const dns = panel.getByRole('region', { name: 'DNS step' });
  await expect(dns).toContainText('shop.example.com.prod.svc.cluster.local.');
  await expect(dns).toContainText('A 203.0.113.50');
  await expect(panel).toContainText('Ingress prod/shop: host shop.example.com, path /api (Prefix');
  const hops = page.getByRole('list', { name: 'Hops of the packet and what happened at each' });
  await expect(hops).toContainText('delivered to ingress-nginx/ingress-nginx-controller');
  await expect(hops).toContainText('delivered to prod/backend');
  await dns.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/pod-url.png` });
  await hops.getByText('delivered to prod/backend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/pod-url-hops.png` });
  await language(page).selectOption('ko');
  const dnsKo = panel.getByRole('region', { name: 'DNS 단계' });
  await expect(dnsKo).toBeVisible();
  await dnsKo.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/pod-url-ko.png` });
});

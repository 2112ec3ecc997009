// Names through CoreDNS: a packet sent by DNS name first sends its query to kube-dns. Under an
// egress policy without DNS the journey stops at that query; with the narrow DNS rule it goes on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseFiles, language, packetPanel, pod } from './locate';

const DEFAULT = readFileSync(join(import.meta.dirname, '../src/scenarios/default.yaml'), 'utf8');
const egress = (dns: boolean) => `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backend-egress, namespace: prod}
spec:
  podSelector: {matchLabels: {role: backend}}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {matchLabels: {role: db}}
    ports: [{port: 3306}]
${
  dns
    ? `  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
`
    : ''
}`;

async function open(page: Page, text: string) {
  await chooseFiles(page, page.getByRole('button', { name: 'Open file…' }), {
    name: 'scenario.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('status').filter({ hasText: 'scenario.yaml opened' })).toBeVisible();
}

async function sendByName(page: Page, from: string, name: string, port: string) {
  await page.getByRole('combobox', { name: 'From', exact: true }).selectOption(from);
  await page.getByRole('textbox', { name: 'or a DNS name or URL' }).fill(name);
  await page.getByRole('spinbutton', { name: 'Port' }).fill(port);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

const dnsStep = (page: Page) => packetPanel(page).getByRole('region', { name: /^(DNS step|DNS 단계)$/ });

test.beforeEach(async ({ page }) => {
  await page.goto('/?motion=off');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
});

test('a packet by name fails at DNS under an egress deny, and goes through once DNS is allowed', async ({
  page,
}) => {
  await open(page, DEFAULT + egress(false));
  await sendByName(page, 'prod/backend', 'db', '3306');
  await expect(dnsStep(page)).toBeVisible();
  await expect(dnsStep(page)).toContainText('db.prod.svc.cluster.local.');
  await expect(dnsStep(page)).toContainText('nameserver 10.96.0.10');
  await expect(dnsStep(page)).toContainText('The query to kube-dns 10.96.0.10');
  await expect(dnsStep(page)).toContainText('was dropped');
  await expect(packetPanel(page)).toContainText('namespace kube-system AND k8s-app=kube-dns');
  await dnsStep(page).scrollIntoViewIfNeeded();
  await dnsStep(page).screenshot({ path: 'test-results/dns-dropped.png' });

  await open(page, DEFAULT + egress(true));
  await sendByName(page, 'prod/backend', 'db', '3306');
  await expect(dnsStep(page)).toContainText('The query reached kube-system/coredns-1');
  await expect(packetPanel(page)).toContainText('prod/backend → db = svc:prod/db (10.96.0.13) 3306/TCP');
  const hops = page.getByRole('list', { name: 'Hops of the packet and what happened at each' });
  await expect(hops).toContainText('delivered to prod/db');
  await expect(hops).toContainText('Reply');
  await dnsStep(page).scrollIntoViewIfNeeded();
  await dnsStep(page).screenshot({ path: 'test-results/dns-delivered.png' });

  await language(page).selectOption('ko');
  await expect(dnsStep(page)).toContainText('질의가 kube-system/coredns-1에 닿았습니다');
  await dnsStep(page).scrollIntoViewIfNeeded();
  await dnsStep(page).screenshot({ path: 'test-results/dns-delivered-ko.png' });
});

test('a URL from outside goes through the ingress controller to the rule backend', async ({ page }) => {
  const ingress = readFileSync(
    join(import.meta.dirname, '../src/testing/fixtures/ingress-nginx.yaml'),
    'utf8',
  );
  await open(page, `${DEFAULT.replace('nodePort: 30080', 'nodePort: 30081')}\n---\n${ingress}`);
  await page.getByRole('combobox', { name: 'From', exact: true }).selectOption('user');
  await page.getByRole('textbox', { name: 'or a DNS name or URL' }).fill('https://shop.example.com/api/cart');
  await expect(page.getByRole('spinbutton', { name: 'Port' })).toHaveValue('443');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const panel = packetPanel(page);
  await expect(panel).toContainText('Ingress prod/shop: host shop.example.com, path /api (Prefix');
  await expect(panel).toContainText('Secret shop-tls');
  await expect(panel).toContainText("not the client's");
  const hops = page.getByRole('list', { name: 'Hops of the packet and what happened at each' });
  await expect(hops).toContainText('delivered to ingress-nginx/ingress-nginx-controller');
  await expect(hops).toContainText('delivered to prod/backend');
  await panel.screenshot({ path: 'test-results/ingress-url.png' });
});

test("a pod's details show its /etc/resolv.conf", async ({ page }) => {
  await pod(page, 'prod/web').focus();
  await expect(page.getByText('search prod.svc.cluster.local svc.cluster.local cluster.local')).toBeVisible();
});

// The packet check sent to a DNS name (the pod's resolver first, through the same policy gates) and
// to an http(s) URL (through the ingress controller): stoppedAt, resolvedAs and backend, each
// passing when true and failing when false, and lint's messages for bad values.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import ingressYaml from '../testing/fixtures/ingress-nginx.yaml?raw';
import { lesson, load } from '../testing/lesson';
import { namespace, netpol, node, pod } from '../testing/scenario';
import { net, svc } from '../testing/trace-helpers';
import { checkChallenge } from './check';
import type { CheckResult } from './types';

const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const DENY_EGRESS = netpol('prod/deny-egress', '{podSelector: {}, policyTypes: [Egress]}');
const names = (...more: string[]): string =>
  doc(
    node('node01', '192.168.1.11', '10.244.1.0/24'),
    node('node02', '192.168.1.12', '10.244.2.0/24'),
    namespace('prod'),
    namespace('data'),
    pod('prod/web', { role: 'web' }, { node: 'node01', ports: [['http', 80]] }),
    pod('data/postgres', { app: 'postgres' }, { node: 'node02', ports: [['pg', 5432]] }),
    svc('data/db', '{selector: {app: postgres}, ports: [{port: 5432, targetPort: pg}]}'),
    net('{cni: calico}'),
    ...more,
  );
const OPEN = names();

// The default scenario's web Service takes nodePort 30080; the controller's NodePort needs it.
const SHOP = [defaultYaml.replace('nodePort: 30080', 'nodePort: 30081'), ingressYaml].join('\n---\n');

function run(checks: string, text: string, solution: string): CheckResult {
  const l = lesson(checks, { 'start.yaml': solution, 'solution.yaml': solution });
  return checkChallenge(l.challenge, text)[0]!;
}

const BY_NAME = `
    - check: packet
      id: by-name
      from: prod/web
      to: db.data
      port: 5432
      verdict: delivered
      resolvedAs: db.data.svc.cluster.local
      dnatTo: data/postgres`;

describe('packet check to a DNS name', () => {
  it('resolves the name from the source pod with its search list, then connects', () => {
    const r = run(BY_NAME, OPEN, OPEN);
    expect(r.passed).toBe(true);
    expect(r.message.en).toBe(
      'prod/web → db.data 5432/TCP: the packet goes exactly as the task says (3 things checked).',
    );
  });

  it('fails resolvedAs when another name of the search list answers', () => {
    const r = run(BY_NAME.replace('db.data.svc', 'db.data.prod.svc'), OPEN, OPEN);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(
      'the name that answers is db.data.svc.cluster.local, not db.data.prod.svc.cluster.local.',
    );
    expect(r.message.ko).toContain(
      '응답하는 이름은 db.data.prod.svc.cluster.local이 아니라 db.data.svc.cluster.local입니다.',
    );
  });

  it('stoppedAt: dns passes when an egress deny drops the query, fails when DNS gets through', () => {
    const stopped = `
    - check: packet
      from: prod/web
      to: db.data
      port: 5432
      stoppedAt: dns
      policy: denied`;
    const denied = names(DENY_EGRESS);
    expect(run(stopped, denied, denied).passed).toBe(true);
    const r = run(stopped, OPEN, denied);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(
      'its DNS query for db.data gets through, but the task wants it stopped there.',
    );
    expect(r.message.ko).toContain(
      'db.data에 대한 DNS 질의가 통과합니다. 과제는 거기서 막혀야 한다고 합니다.',
    );
  });

  it('a check that does not say stoppedAt fails when the query is dropped, and says so', () => {
    const r = run(BY_NAME, names(DENY_EGRESS), OPEN);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(
      'its DNS query for db.data is dropped at kube-proxy (iptables) on node01, so the connection never starts: dropped at the egress of prod/web: isolated by prod/deny-egress, and no rule matches.',
    );
    expect(r.message.ko).toContain(
      'db.data에 대한 DNS 질의가 node01의 kube-proxy (iptables)에서 버려져서 연결이 시작조차 하지 않습니다: ',
    );
  });

  it('stoppedAt: dns fails for a packet sent to an address: no DNS query goes first', () => {
    const r = run(
      `
    - check: packet
      from: prod/web
      to: svc:data/db
      port: 5432
      stoppedAt: dns`,
      OPEN,
      OPEN,
    );
    expect(r.message.en).toContain('it is not sent to a name, so no DNS query goes first.');
  });

  it('a name that does not resolve cannot be sent, and the message says which names were asked', () => {
    const r = run(BY_NAME, OPEN.replace('{name: db,', '{name: database,'), OPEN);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain('netlab cannot send this packet: db.data is outside the cluster');
    expect(r.message.en).toContain('(asked db.data.prod.svc.cluster.local., db.data.svc.cluster.local.,');
  });
});

const BY_URL = `
    - check: packet
      id: by-url
      from: user
      to: http://shop.example.com/api/cart
      verdict: delivered
      backend: svc:prod/backend
      dnatTo: prod/backend`;

describe('packet check to a URL', () => {
  it('takes the port from the URL and judges the backend the controller chose', () => {
    const r = run(BY_URL, SHOP, SHOP);
    expect(r.passed, r.message.en).toBe(true);
    expect(r.message.en).toMatch(/^user → http:\/\/shop.example.com\/api\/cart 80\/TCP: the packet goes/);
  });

  it('fails backend (and the last DNAT) when another rule matches', () => {
    const r = run(BY_URL.replace('/api/cart', '/cart'), SHOP, SHOP);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(
      'the ingress controller sends it to svc:prod/web, not to svc:prod/backend.',
    );
    expect(r.message.ko).toContain(
      '인그레스 컨트롤러가 svc:prod/backend가 아니라 svc:prod/web으로 보냅니다.',
    );
    expect(r.message.en).toContain('(1 more thing(s) differ)');
  });

  it('stoppedAt: controller passes when no rule matches (404), fails when one does', () => {
    const nothing = `
    - check: packet
      from: user
      to: http://other.example.org/
      stoppedAt: controller`;
    const passed = run(nothing, SHOP, SHOP);
    expect(passed.passed).toBe(true);
    expect(passed.message.en).toBe(
      'user → http://other.example.org/ 80/TCP: the packet goes exactly as the task says (1 thing checked).',
    );
    const r = run(nothing.replace('other.example.org', 'shop.example.com'), SHOP, SHOP);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain('but the task wants no rule to match.');
    expect(r.message.ko).toContain('과제는 어떤 규칙에도 맞지 않아야 한다고 합니다.');
  });

  it('backend fails with the controller’s answer when no rule matches', () => {
    const r = run(BY_URL.replace('shop.example.com', 'other.example.org'), SHOP, SHOP);
    expect(r.message.en).toMatch(/the ingress controller sends it to no backend: .*404/);
  });
});

describe('packet check to a name or URL in lesson.yaml', () => {
  const lint = (checks: string, solution = OPEN): string[] =>
    load(checks, { 'start.yaml': solution, 'solution.yaml': solution })
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => `${d.line}:${d.col} ${d.message.en}`);

  it('accepts a name that resolves and a URL without port', () => {
    expect(lint(BY_NAME)).toEqual([]);
    expect(lint(BY_URL, SHOP)).toEqual([]);
  });

  it.each([
    [
      'to: db.nowhere, port: 5432, verdict: delivered',
      /db.nowhere is not in solution.yaml: db.nowhere is outside the cluster: CoreDNS forwards it upstream/,
    ],
    ['to: db.data, port: 5432, stoppedAt: dhcp', /stoppedAt is dns or controller/],
    ['to: db.data, port: 5432, resolvedAs: "db data"', /"db data" is not a DNS name/],
    [
      'to: db.data, port: 5432, backend: prod/backend',
      /"prod\/backend" is not a Service: write .* svc:namespace\/name/,
    ],
    [
      'to: db.data, port: 5432, backend: svc:data/db',
      /only a request sent to an http\(s\):\/\/ URL goes through/,
    ],
    ['to: db.data, verdict: delivered', /port/],
    ['to: "http://shop example/", verdict: delivered', /is not a URL netlab can send/],
  ])('rejects %s with its position', (fields, message) => {
    const errors = lint(`    - {check: packet, from: prod/web, ${fields}}`);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(errors[0]).toMatch(/^\d+:\d+ /);
  });

  it('rejects a port that disagrees with the URL, and a URL with no controller', () => {
    expect(
      lint(
        '    - {check: packet, from: user, to: "http://shop.example.com/", port: 443, verdict: delivered}',
        SHOP,
      ),
    ).toEqual([expect.stringMatching(/the URL's port is 80\/TCP, not 443\/TCP: leave port out/)]);
    // The default scenario: an outside user, no ingress controller.
    expect(
      lint(
        '    - {check: packet, from: user, to: "http://shop.example.com/", verdict: delivered}',
        defaultYaml,
      ),
    ).toEqual([expect.stringMatching(/no ingress controller in the scenario/)]);
    // From a pod the host is looked up first: a name the scenario gives no address stops there.
    expect(
      lint('    - {check: packet, from: prod/web, to: "http://shop.example.com/", verdict: delivered}'),
    ).toEqual([expect.stringMatching(/shop\.example\.com is not a cluster name/)]);
  });
});

describe("a step's packet to a name or URL", () => {
  const CHECK = '    - {check: packet, from: prod/web, to: svc:data/db, port: 5432, verdict: delivered}';
  const URL_CHECK = '    - {check: packet, from: user, to: "http://shop.example.com/", verdict: delivered}';
  const step = (packet: string, solution = OPEN) =>
    load(
      solution === OPEN ? CHECK : URL_CHECK,
      { 'start.yaml': solution, 'solution.yaml': solution },
      { steps: `    packet: ${packet}` },
    );
  const errors = (r: ReturnType<typeof step>) =>
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message.en}`);

  it('plays a packet to a DNS name, or to a URL with the URL port', () => {
    const byName = step('{from: prod/web, to: db.data, port: 5432}');
    expect(errors(byName)).toEqual([]);
    expect(byName.lesson!.steps[0]!.packet).toMatchObject({
      from: 'prod/web',
      to: 'db.data',
      port: { port: 5432 },
    });
    const byUrl = step('{from: user, to: "https://shop.example.com/api"}', SHOP);
    expect(errors(byUrl)).toEqual([]);
    expect(byUrl.lesson!.steps[0]!.packet).toMatchObject({
      to: 'https://shop.example.com/api',
      port: { port: 443 },
    });
  });

  it('rejects a name that does not resolve, and a missing port, with their positions', () => {
    expect(errors(step('{from: prod/web, to: db.nowhere, port: 5432}'))).toEqual([
      expect.stringMatching(
        /^\d+:\d+ db.nowhere is not in start.yaml, solution.yaml: db.nowhere is outside the cluster/,
      ),
    ]);
    expect(errors(step('{from: prod/web, to: db.data}'))).toEqual([
      expect.stringMatching(/^\d+:\d+ .*port is required/),
    ]);
  });
});

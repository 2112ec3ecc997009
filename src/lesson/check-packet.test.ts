// The packet check: a packet traced as the page and `netlab trace` trace it, judged on its verdict,
// the policy's verdict, the devices it crosses, its encapsulation and its DNAT target — and the
// answers that must not fool it (the policy deleted, another CNI, both pods on one node).
import { describe, expect, it } from 'vitest';
import { lesson, load } from '../testing/lesson';
import { namespace, netpol, node, pod } from '../testing/scenario';
import { net, svc } from '../testing/trace-helpers';
import { checkChallenge } from './check';
import type { CheckResult } from './types';

const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const DB_POLICY = netpol(
  'prod/db-policy',
  `
  podSelector: {matchLabels: {role: db}}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {role: backend}}}]
    ports: [{protocol: TCP, port: 3306}]
`,
);
const world = (cni: string, dbNode = 'node02', ...more: string[]): string =>
  doc(
    node('node01', '192.168.1.11', '10.244.1.0/24'),
    node('node02', '192.168.1.12', '10.244.2.0/24'),
    namespace('prod'),
    pod('prod/web', { role: 'web' }, { node: 'node01', ports: [['http', 80]] }),
    pod('prod/backend', { role: 'backend' }, { node: 'node01', ports: [['api', 5000]] }),
    pod('prod/db', { role: 'db' }, { node: dbNode, ports: [['mysql', 3306]] }),
    net(`{cni: ${cni}}`),
    ...more,
  );
const FLANNEL = world('flannel', 'node02', DB_POLICY);

const ARRIVES_ANYWAY = `
    - check: packet
      id: arrives-anyway
      from: prod/web
      to: prod/db
      port: 3306
      verdict: delivered
      policy: denied
      crosses: [flannel.1, node02/flannel.1]
      avoids: [tunl0]
      encapsulation: 8472/UDP`;

function run(checks: string, text: string, solution = FLANNEL): CheckResult {
  const l = lesson(checks, { 'start.yaml': world('flannel'), 'solution.yaml': solution });
  return checkChallenge(l.challenge, text)[0]!;
}

describe('packet check', () => {
  it('passes when the traced packet does all the check asks, in both locales', () => {
    const r = run(ARRIVES_ANYWAY, FLANNEL);
    expect(r).toMatchObject({ id: 'arrives-anyway', check: 'packet', passed: true, blocking: true });
    expect(r.message).toEqual({
      en: 'prod/web → prod/db 3306/TCP: the packet goes exactly as the task says (6 things checked).',
      ko: 'prod/web → prod/db 3306/TCP: 패킷이 과제에서 말한 그대로 지나갑니다(확인한 것 6가지).',
    });
  });

  // Each answer that must not pass "delivered although the policy denies it, through flannel.1".
  it.each([
    [
      'the policy deleted: delivered, but nothing denies it',
      world('flannel'),
      'the NetworkPolicies allow this packet, but the task wants them to deny it.',
      'NetworkPolicy가 이 패킷을 허용하는데, 과제는 차단하라고 합니다.',
    ],
    [
      'calico instead of flannel: the policy is enforced and nothing is encapsulated',
      world('calico', 'node02', DB_POLICY),
      'the packet is dropped at cali',
      '패킷이 node02의 cali',
    ],
    [
      'both pods on node01: the packet never leaves the node',
      world('flannel', 'node01', DB_POLICY),
      'it does not cross flannel.1.',
      'flannel.1을 지나가지 않습니다.',
    ],
    [
      'weave: enforced, and its tunnel is another device on another port',
      world('weave', 'node02', DB_POLICY),
      'the packet is dropped at',
      '패킷이',
    ],
  ])('rejects %s', (_, text, en, ko) => {
    const r = run(ARRIVES_ANYWAY, text);
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(en);
    expect(r.message.ko).toContain(ko);
    expect(r.message.en).toMatch(/Its path: node01: eth0 → (veth|cali|vethwepl)[0-9a-f]+ → /);
    expect(r.message.ko).toMatch(/지나간 길: node01: eth0 → (veth|cali|vethwepl)[0-9a-f]+ → /);
  });

  it('counts every difference and names the first', () => {
    const r = run(ARRIVES_ANYWAY, world('calico', 'node02', DB_POLICY));
    expect(r.message.en).toMatch(/\(3 more thing\(s\) differ\)$/);
    expect(r.message.ko).toMatch(/\(다른 점이 3개 더 있습니다\)$/);
  });

  it('judges encapsulation: none, and a wrong port', () => {
    const none = `
    - check: packet
      from: prod/web
      to: prod/db
      port: 3306
      encapsulation: none`;
    expect(run(none, world('calico')).passed).toBe(true);
    const r = run(none, world('flannel'));
    expect(r.passed).toBe(false);
    expect(r.message.en).toContain(
      'it is encapsulated by flannel.1 (UDP 8472), but the task wants it sent unencapsulated.',
    );
    expect(r.message.ko).toContain('flannel.1에서 캡슐화됩니다(UDP 8472).');
    const iana = none.replace('encapsulation: none', 'encapsulation: 4789/UDP');
    const wrong = run(iana, world('flannel'));
    expect(wrong.message.en).toContain('flannel.1 encapsulates it in UDP 8472, not 4789/UDP.');
    expect(wrong.message.ko).toContain('flannel.1이 UDP 8472에 담습니다. 4789/UDP가 아닙니다.');
    expect(run(iana, world('calico')).message.en).toContain(
      'it is not encapsulated, but the task wants it in 4789/UDP.',
    );
  });

  it('judges the DNAT target of a Service', () => {
    const api = svc('prod/db-svc', '{selector: {role: db}, ports: [{port: 3306}]}');
    const checks = `
    - check: packet
      from: prod/web
      to: svc:prod/db-svc
      port: 3306
      dnatTo: prod/db
      crosses: [kube-proxy]`;
    const withSvc = world('calico', 'node02', api);
    expect(run(checks, withSvc, withSvc).passed).toBe(true);
    const direct = checks.replace('svc:prod/db-svc', 'prod/db').replace('crosses: [kube-proxy]', '');
    const r = run(direct, withSvc, withSvc);
    expect(r.message.en).toContain(
      'no DNAT rewrites its destination, so it never reaches prod/db through a Service.',
    );
    expect(r.message.ko).toContain('목적지를 바꾸는 DNAT이 없어서 Service를 거쳐 prod/db로 가지 않습니다.');
    const other = checks.replace('dnatTo: prod/db', 'dnatTo: prod/backend');
    const o = run(other, withSvc, withSvc);
    expect(o.message.en).toContain("kube-proxy's DNAT sends it to prod/db, not to prod/backend.");
    expect(o.message.ko).toContain('kube-proxy의 DNAT이 prod/backend가 아니라 prod/db로 보냅니다.');
  });

  it('says so when the packet cannot be sent (a pod renamed away)', () => {
    const gone = FLANNEL.replace('name: db,', 'name: database,').replace('prod/db-policy', 'x');
    const r = run(ARRIVES_ANYWAY, gone);
    expect(r.passed).toBe(false);
    expect(r.message.en).toMatch(/^prod\/web → prod\/db 3306\/TCP: netlab cannot send this packet: /);
    expect(r.message.ko).toMatch(/netlab이 이 패킷을 보낼 수 없습니다: /);
  });

  it('says why a Pending pod cannot send: its node has no free address', () => {
    const tiny = FLANNEL.replace('10.244.1.0/24', '10.244.1.0/31');
    const r = run(ARRIVES_ANYWAY, tiny);
    expect(r.message.en).toContain(
      'netlab cannot send this packet: prod/web holds no IP (Pending: no free address in 10.244.1.0/31 on node01), so no packet can leave or reach it.',
    );
    expect(r.message.ko).toContain(
      'netlab이 이 패킷을 보낼 수 없습니다: prod/web은 IP가 없어서(Pending: node01의 10.244.1.0/31에 남은 주소가 없습니다) 패킷을 보내지도 받지도 못합니다.',
    );
  });

  it('judges a drop the task asks for, and a device the packet must avoid', () => {
    const checks = `
    - check: packet
      from: prod/web
      to: prod/db
      port: 3306
      verdict: dropped
      avoids: [node02/eth0]`;
    const calico = world('calico', 'node01', DB_POLICY);
    expect(run(checks, calico, calico).passed).toBe(true);
    const r = run(checks, FLANNEL, calico);
    expect(r.message.en).toContain('the packet is delivered to prod/db, but the task wants it dropped.');
    expect(r.message.ko).toContain('패킷이 prod/db에 도착합니다. 과제는 패킷이 버려져야 한다고 합니다.');
    const avoid = run(checks.replace('verdict: dropped', ''), FLANNEL, calico);
    expect(avoid.message.en).toContain('it crosses eth0 on node02, which the task says it must not.');
    expect(avoid.message.ko).toContain('node02의 eth0를 지나갑니다.');
  });
});

describe('packet check in lesson.yaml', () => {
  const lint = (checks: string): string[] =>
    load(checks, { 'start.yaml': world('flannel'), 'solution.yaml': FLANNEL })
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => `${d.line}:${d.col} ${d.message.en}`);

  it('needs something to judge', () => {
    expect(lint('    - {check: packet, from: prod/web, to: prod/db, port: 3306}')).toEqual([
      expect.stringMatching(/say what must be true of the packet: verdict, policy, crosses/),
    ]);
  });

  it.each([
    ['verdict: arrived', /verdict is delivered or dropped/],
    ['policy: blocked', /policy is allowed or denied/],
    ['crosses: [node09/flannel.1]', /no node node09 in solution.yaml/],
    ['crosses: ["/"]', /is not a device/],
    ['encapsulation: vxlan', /not a port: "vxlan"/],
    ['dnatTo: prod/dbb', /prod\/dbb/],
    ['verdict: delivered, hops: 3', /unknown field "challenge.checks\[0\].hops"/],
  ])('rejects %s with its position', (field, message) => {
    const errors = lint(`    - {check: packet, from: prod/web, to: prod/db, port: 3306, ${field}}`);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(errors[0]).toMatch(/^\d+:\d+ /);
  });

  it('checks both ends as the trace takes them, with a hint', () => {
    expect(
      lint('    - {check: packet, from: prod/webb, to: svc:prod/nope, port: 80, verdict: delivered}'),
    ).toEqual([
      expect.stringMatching(/prod\/webb is not in solution.yaml/),
      expect.stringMatching(/svc:prod\/nope is not in solution.yaml/),
    ]);
  });
});

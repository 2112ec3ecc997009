// NodePort semantics, honestly: with externalTrafficPolicy Cluster, kube-proxy masquerades the
// client to the node's address, and whether policy sees the packet before or after that is
// implementation-defined; with Local the client's address is kept. No endpoints: rejected.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { netpol } from '../testing/scenario';
import { allEvents, load, trace } from '../testing/trace-helpers';

const denyAllWeb = netpol('prod/deny-web', `podSelector: {matchLabels: {role: web}}\npolicyTypes: [Ingress]`);
const allowUser = netpol(
  'prod/allow-user',
  `podSelector: {matchLabels: {role: web}}\ningress:\n- from: [{ipBlock: {cidr: 203.0.113.10/32}}]`,
);

describe('NodePort on the endpoint own node', () => {
  it('a deny-all is implementation-defined under Cluster: judged with the client (denied), the other reading said', () => {
    const t = trace(load(`${defaultYaml}\n---\n${denyAllWeb}`), 'user', '192.168.1.11:30080', '30080');
    expect(t.verdict).toBe('dropped');
    const gate = allEvents(t.request).find((e) => e.type === 'ingress-check')!;
    expect(gate).toMatchObject({
      implementationDefined: true,
      flow: { from: '203.0.113.10' },
      verdict: 'deny',
    });
    const note = t.notices.find((n) => n.en.startsWith('Implementation-defined'))!;
    expect(note.en).toContain('Judged with the client 203.0.113.10');
    expect(note.en).toContain('denied');
    expect(note.en).toContain("traffic from a pod's own node is always allowed): allowed");
  });

  it('when both readings agree, nothing is implementation-defined', () => {
    const open = trace(load(defaultYaml), 'user', '192.168.1.11:30080', '30080');
    expect(open.verdict).toBe('delivered');
    expect(allEvents(open.request).some((e) => e.type === 'ingress-check' && e.implementationDefined)).toBe(
      false,
    );
  });

  it('externalTrafficPolicy Local keeps the client: an ipBlock for it is definite', () => {
    const local = defaultYaml.replace(
      '  type: NodePort\n',
      '  type: NodePort\n  externalTrafficPolicy: Local\n',
    );
    const t = trace(
      load(`${local}\n---\n${denyAllWeb}\n---\n${allowUser}`),
      'user',
      '192.168.1.11:30080',
      '30080',
    );
    expect(t.verdict).toBe('delivered');
    const gate = allEvents(t.request).find((e) => e.type === 'ingress-check')!;
    expect(gate).toMatchObject({ flow: { from: '203.0.113.10' }, verdict: 'allow' });
    expect(gate.type === 'ingress-check' && gate.implementationDefined).toBeFalsy();
  });

  it('a Service whose selector matches nothing has no endpoints: kube-proxy rejects', () => {
    const none = defaultYaml.replace(
      '    role: db\n  ports:\n  - port: 3306',
      '    role: nothing\n  ports:\n  - port: 3306',
    );
    const t = trace(load(none), 'prod/backend', 'svc:prod/db', '3306');
    expect(t.verdict).toBe('dropped');
    expect(allEvents(t.request).find((e) => e.type === 'drop')).toMatchObject({ code: 'no-endpoints' });
  });
});

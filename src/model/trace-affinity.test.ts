// sessionAffinity ClientIP in a trace: the DNAT names the client address kube-proxy remembers (the
// source before any SNAT), the timeout and the endpoint kept; iptables' recent list is named after
// the KUBE-SEP chain, IPVS's virtual server is persistent; without affinity nothing of the sort.
import { describe, expect, it } from 'vitest';
import { outside, svc, trace, event, TWO, net, chain } from '../testing/trace-helpers';
import { scenario } from '../testing/scenario';

const sticky = (extra = '', ...more: string[]) =>
  scenario(
    ...TWO,
    svc(
      'shop/web',
      `{selector: {app: server}, sessionAffinity: ClientIP, ports: [{port: 80, targetPort: http}]${extra}}`,
    ),
    ...more,
  );

describe('sessionAffinity ClientIP in the trace', () => {
  it('iptables: the recent list of the chosen KUBE-SEP chain, the default 10800 s, a notice that says why', () => {
    const t = trace(sticky(), 'shop/client', 'svc:shop/web', '80');
    const dnat = event(t.request[2]!, 'dnat');
    expect(dnat.affinity).toEqual({ clientIp: '10.244.1.2', timeoutSeconds: 10800, endpoint: 'shop/server' });
    const sep = `KUBE-SEP-${chain('shop/webtcp10.244.2.2:8080')}`;
    expect(dnat.rule).toMatchObject({ mode: 'iptables', recent: { name: sep, seconds: 10800 } });
    expect(dnat.text.en).toContain(`(recent ${sep}, 10800s)`);
    const note = t.notices.find((n) => n.en.startsWith('sessionAffinity ClientIP'))!;
    expect(note.en).toContain('--rcheck --seconds 10800 --reap');
    expect(note.en).toContain('goes to shop/server until 10800 s (3 h)');
    expect(note.ko).toContain('shop/server로 갑니다');
  });

  it('ipvs: a persistent virtual server with the given timeout', () => {
    const t = trace(
      sticky(', sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}', net('{kubeProxyMode: ipvs}')),
      'shop/client',
      'svc:shop/web',
      '80',
    );
    const dnat = event(t.request[2]!, 'dnat');
    expect(dnat.rule).toMatchObject({ mode: 'ipvs', persistent: 600 });
    expect(dnat.text.en).toContain('(rr, persistent 600)');
    expect(t.notices.find((n) => n.en.startsWith('sessionAffinity'))!.en).toContain('ipvsadm -p 600');
    expect(dnat.affinity?.timeoutSeconds).toBe(600);
  });

  it('NodePort from outside: the key is the client, before the MASQUERADE', () => {
    const c = scenario(
      ...TWO,
      svc(
        'shop/web',
        '{type: NodePort, selector: {app: server}, sessionAffinity: ClientIP, ports: [{port: 80, targetPort: http, nodePort: 30080}]}',
      ),
      outside('laptop', '203.0.113.7'),
    );
    const t = trace(c, 'laptop', '192.168.1.11', '30080');
    const dnat = t.request.flatMap((h) => h.events).find((e) => e.type === 'dnat' && e.by === 'kube-proxy');
    expect(dnat && dnat.type === 'dnat' ? dnat.affinity?.clientIp : null).toBe('203.0.113.7');
  });

  it('without sessionAffinity: no affinity, no recent match, no notice', () => {
    const t = trace(
      scenario(...TWO, svc('shop/web', '{selector: {app: server}, ports: [{port: 80, targetPort: http}]}')),
      'shop/client',
      'svc:shop/web',
      '80',
    );
    const dnat = event(t.request[2]!, 'dnat');
    expect(dnat.affinity).toBeUndefined();
    expect(dnat.rule).not.toHaveProperty('recent');
    expect(t.notices.some((n) => n.en.includes('sessionAffinity'))).toBe(false);
  });
});

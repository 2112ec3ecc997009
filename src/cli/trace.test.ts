// `netlab trace` as a person or a script runs it: a real process, real files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, netlab, ROOT, tmpFile } from '../testing/run-netlab';

const DEFAULT = DEFAULT_SCENARIO;

const flannel = (): string =>
  tmpFile(
    'flannel.yaml',
    readFileSync(DEFAULT, 'utf8') +
      '\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: flannel}\n',
  );

describe('netlab trace (for people)', () => {
  it("prints one line per hop, with the gate that drops web → db:3306 and the engine's reasons", () => {
    const r = netlab(['trace', DEFAULT, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('prod/web → prod/db 3306/TCP: ✗ dropped at req-2');
    expect(lines[1]).toBe(
      '  calico (policies enforced), plain routes (BGP), kube-proxy iptables, no bridge: /32 routes to cali… veths',
    );
    const hops = lines.filter((l) => /^ {2}req-\d/.test(l));
    expect(hops.map((l) => l.split(/\s+/)[2])).toEqual(['pod-eth0', 'veth-host', 'veth-host']);
    expect(hops[2]).toMatch(
      /veth-host cali[0-9a-f]{11} \(prod\/db @node01\)\s+10\.244\.1\.2:\d+ → 10\.244\.1\.3:3306 TCP$/,
    );
    expect(r.stdout).toContain(
      'ingress of prod/db: ✗ denied: isolated by prod/db-policy, and no rule allows prod/web on 3306/TCP',
    );
    expect(r.stdout).toContain('prod/db-policy rule 1: needs pods with role=backend');
    expect(r.stdout).toContain('dropped at the ingress of prod/db');
    expect(r.stdout).not.toContain('Reply:');
  });

  it("backend → svc:prod/db:3306 shows the DNAT hop with kube-proxy's chains, and the reply through conntrack", () => {
    const r = netlab(['trace', DEFAULT, '--from', 'prod/backend', '--to', 'svc:prod/db', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'prod/backend → svc:prod/db 3306/TCP: ✓ delivered, and the reply comes back',
    );
    expect(r.stdout).toMatch(
      /req-2 {2}kube-proxy kube-proxy \(iptables\) \(prod\/db @node02\)\s+10\.244\.2\.2:\d+ → 10\.244\.1\.3:3306 TCP/,
    );
    expect(r.stdout).toMatch(
      /DNAT by kube-proxy: 10\.96\.0\.13:3306 → 10\.244\.1\.3:3306 \(prod\/db\); iptables KUBE-SERVICES → KUBE-SVC-[A-Z2-7]{16} → KUBE-SEP-[A-Z2-7]{16} DNAT/,
    );
    expect(r.stdout).toContain('route (node02): 10.244.1.0/24 via 192.168.1.11 dev eth0 proto bird');
    expect(r.stdout).toContain('ingress of prod/db: ✓ allowed by prod/db-policy');
    expect(r.stdout).toContain('Reply:');
    expect(r.stdout).toContain(
      'egress of prod/db: ✓ reply of an established connection (conntrack ESTABLISHED)',
    );
    expect(r.stdout).toMatch(
      /reverse NAT .*: 10\.244\.1\.3:3306 → 10\.244\.2\.2:\d+ becomes 10\.96\.0\.13:3306 → 10\.244\.2\.2:\d+/,
    );
  });

  it('User → NODE-IP:NODEPORT needs no --port, and shows the DNAT and the SNAT', () => {
    const r = netlab(['trace', DEFAULT, '--from', 'user', '--to', '192.168.1.11:30080']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      '203.0.113.10 (user) → 192.168.1.11 (node01):30080 30080/TCP: ✓ delivered, and the reply comes back',
    );
    expect(r.stdout).toContain('DNAT by kube-proxy: 192.168.1.11:30080 → 10.244.1.2:80 (prod/web)');
    expect(r.stdout).toContain('KUBE-NODEPORTS');
    expect(r.stdout).toMatch(
      /SNAT by kube-proxy \(MASQUERADE, externalTrafficPolicy Cluster\): source 203\.0\.113\.10:\d+ → 192\.168\.1\.11:\d+/,
    );
  });

  it('flannel: outer VXLAN headers on the wire, and the plain statement that nothing is enforced', () => {
    const r = netlab(['trace', flannel(), '--from', 'prod/backend', '--to', 'prod/db', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('flannel (policies NOT enforced), VXLAN flannel.1 UDP 8472');
    expect(r.stdout).toMatch(
      /node-network 192\.168\.1\.0\/24\s+10\.244\.2\.2:\d+ → 10\.244\.1\.3:3306 TCP {2}\[outer 192\.168\.1\.12 → 192\.168\.1\.11 UDP 8472 VNI 1\]/,
    );
    expect(r.stdout).toContain('flannel.1 encapsulates (VXLAN VNI 1)');
    expect(r.stdout).toContain(
      'Notes:\n  - flannel does not enforce NetworkPolicy: the API server stores the policies without any error, and nothing is enforced.',
    );
    const web = netlab(['trace', flannel(), '--from', 'prod/web', '--to', 'prod/db', '--port', '3306']);
    expect(web.stdout.split('\n')[0]).toBe(
      'prod/web → prod/db 3306/TCP: ✓ delivered, and the reply comes back',
    );
    expect(web.stdout).toContain('✗ would deny');
  });

  it("explains the Service-port trap: the rule's port does not match the targetPort", () => {
    const file = tmpFile(
      'trap.yaml',
      [
        'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDR: 10.244.1.0/24}\nstatus: {addresses: [{type: InternalIP, address: 192.168.1.11}]}',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: client, labels: {app: client}}\nspec: {nodeName: n1, containers: [{name: c}]}',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: api}}\nspec: {nodeName: n1, containers: [{name: c, ports: [{containerPort: 8080}]}]}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}',
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: 80}]',
      ].join('\n---\n'),
    );
    const r = netlab(['trace', file, '--from', 'client', '--to', 'svc:api', '--port', '80']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('default/client → svc:default/api 80/TCP: ✗ dropped at req-3');
    expect(r.stdout).toContain('default/api rule 1: ports TCP 80 only; the flow goes to port 8080');
    expect(r.stdout).toContain('Policy ports are matched after DNAT');
  });

  it('speaks Korean with --lang ko', () => {
    const r = netlab([
      'trace',
      DEFAULT,
      '--from',
      'prod/web',
      '--to',
      'prod/db',
      '--port',
      '3306',
      '--lang',
      'ko',
    ]);
    expect(r.stdout.split('\n')[0]).toBe('prod/web → prod/db 3306/TCP: ✗ req-2에서 버려짐');
    expect(r.stdout).toContain('요청:');
    expect(r.stdout).toContain('prod/db의 인그레스: ✗ 차단');
  });
});

describe('netlab trace --json', () => {
  it('prints the PacketTrace', () => {
    const r = netlab([
      'trace',
      DEFAULT,
      '--from',
      'prod/backend',
      '--to',
      'prod/db',
      '--port',
      '3306',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(Object.keys(t)).toEqual([
      'from',
      'to',
      'port',
      'network',
      'request',
      'reply',
      'verdict',
      'enforcement',
      'notices',
    ]);
    expect(t).toMatchObject({
      from: 'prod/backend',
      to: 'prod/db',
      port: { port: 3306, protocol: 'TCP' },
      verdict: 'delivered',
      enforcement: 'enforced',
    });
    expect(t.network).toEqual({
      cni: 'calico',
      kubeProxyMode: 'iptables',
      bridgeName: 'cni0',
      overlay: { kind: 'routes', proto: 'bird' },
      hub: { kind: 'routed', name: 'cali…' },
      kubeProxyReplacement: false,
    });
    expect(t.request.map((h: { device: { kind: string } }) => h.device.kind)).toEqual([
      'pod-eth0',
      'veth-host',
      'node-eth0',
      'node-network',
      'node-eth0',
      'veth-host',
      'pod-eth0',
    ]);
    expect(Object.keys(t.request[0])).toEqual(['id', 'device', 'headers', 'events']);
    expect(t.request[5].events[0]).toMatchObject({
      type: 'ingress-check',
      verdict: 'allow',
      explanation: { policies: ['prod/db-policy'] },
    });
  });

  it('sessionAffinity ClientIP: the DNAT event names the client, the timeout and the endpoint kept', () => {
    const sticky = tmpFile(
      'sticky.yaml',
      readFileSync(DEFAULT, 'utf8').replace(
        '  name: db\n  namespace: prod\nspec:\n',
        '  name: db\n  namespace: prod\nspec:\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}\n',
      ),
    );
    const r = netlab([
      'trace',
      sticky,
      '--from',
      'prod/backend',
      '--to',
      'svc:prod/db',
      '--port',
      '3306',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    const dnat = t.request
      .flatMap((h: { events: { type: string }[] }) => h.events)
      .find((e: { type: string }) => e.type === 'dnat');
    expect(dnat.affinity).toEqual({
      clientIp: t.request[0].headers.src,
      timeoutSeconds: 600,
      endpoint: 'prod/db',
    });
    expect(dnat.rule.recent.seconds).toBe(600);
    const text = netlab(['trace', sticky, '--from', 'prod/backend', '--to', 'svc:prod/db', '--port', '3306']);
    expect(text.stdout).toContain('sessionAffinity ClientIP');
  });

  it('a URL from a pod: the DNS step (host looked up), the controller, the rule, in JSON; an unknown host exits 2 and says why', () => {
    const ingress = readFileSync(join(ROOT, 'src/testing/fixtures/ingress-nginx.yaml'), 'utf8')
      .replace('  type: NodePort\n', '  type: LoadBalancer\n')
      .replace(
        '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\n',
        '  - {name: https, port: 443, targetPort: https, nodePort: 30443}\nstatus: {loadBalancer: {ingress: [{ip: 203.0.113.50}]}}\n',
      );
    const scene =
      readFileSync(DEFAULT, 'utf8').replace('nodePort: 30080', 'nodePort: 30081') + '\n---\n' + ingress;
    const unknown = tmpFile('shop.yaml', scene);
    const u = netlab(['trace', unknown, '--from', 'prod/web', '--to', 'http://shop.example.com/api/cart']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('shop.example.com is not a cluster name');
    const known = tmpFile(
      'shop.yaml',
      scene +
        '\n---\napiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: shop.example.com}\nspec: {ip: 203.0.113.50}\n',
    );
    const r = netlab([
      'trace',
      known,
      '--from',
      'prod/web',
      '--to',
      'http://shop.example.com/api/cart',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.dns.name).toBe('shop.example.com');
    expect(t.dns.resolution.answer.addresses).toEqual(['203.0.113.50']);
    expect(t.ingress.match).toMatchObject({
      ingress: 'prod/shop',
      backend: { service: 'backend', port: 5000 },
    });
    expect(t.request.at(-1).device.pod).toBe('prod/backend');
  });

  it('a dropped trace has droppedAt and no reply', () => {
    const t = JSON.parse(
      netlab(['trace', DEFAULT, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306', '--json']).stdout,
    );
    expect(t.droppedAt).toBe('req-2');
    expect(t.reply).toBeNull();
  });
});

describe('netlab trace: bad usage (exit 2)', () => {
  it('names what is wrong', () => {
    const cases: [string[], string][] = [
      [
        ['--from', 'web', '--to', 'prod/db', '--port', '80'],
        'no pod default/web in the scenario (did you mean prod/web?)',
      ],
      [['--to', 'prod/db', '--port', '80'], 'trace needs --from and --to'],
      [['--from', 'prod/web', '--to', 'prod/db', '--port', '80', '--port', '81'], 'trace needs one --port'],
      [['--from', 'prod/web', '--to', 'svc:prod/web'], 'trace needs --port (or --to IP:PORT)'],
      [
        ['--from', 'svc:prod/web', '--to', 'prod/db', '--port', '80'],
        'svc:prod/web is a Service: Services never send packets; trace from a pod or an address',
      ],
      [
        ['--from', 'user', '--to', '192.168.1.11:30080', '--port', '80'],
        "192.168.1.11:30080 names port 30080, but the flow's port is 80",
      ],
    ];
    for (const [args, message] of cases) {
      const r = netlab(['trace', DEFAULT, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`netlab: ${message}`);
    }
  });
});

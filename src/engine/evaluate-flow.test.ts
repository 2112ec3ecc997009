// NetworkPolicy semantics, one point at a time, with expectations derived from the
// networking.k8s.io/v1 API reference (not from running the code).
import { describe, expect, it } from 'vitest';
import { allowed, flow, namespace, netpol, node, pod, scenario } from '../testing/scenario';

const abc = [namespace('x'), pod('x/a', { pod: 'a' }), pod('x/b', { pod: 'b' }), pod('x/c', { pod: 'c' })];

describe('isolation and defaults', () => {
  it('with no policy every flow is allowed and both sides are unrestricted', () => {
    const c = scenario(...abc);
    const x = flow(c, 'x/a', 'x/b', '80');
    expect(x.allowed).toBe(true);
    expect(x.egress.verdict).toBe('unrestricted');
    expect(x.ingress.verdict).toBe('unrestricted');
    expect(x.ingress.unrestrictedBecause).toBe('not-selected');
  });

  it('an Ingress policy with no rules denies all ingress but leaves egress alone', () => {
    const c = scenario(
      ...abc,
      netpol('x/deny-b', `podSelector: {matchLabels: {pod: b}}\npolicyTypes: [Ingress]`),
    );
    expect(allowed(c, 'x/a', 'x/b')).toBe(false);
    expect(allowed(c, 'x/b', 'x/a')).toBe(true);
    const x = flow(c, 'x/a', 'x/b', '80');
    expect(x.ingress.verdict).toBe('deny');
    expect(x.ingress.selectedBy).toEqual([{ policy: 'x/deny-b', rules: [], allowed: false }]);
  });

  it('an Egress policy with no rules denies all egress but leaves ingress alone', () => {
    const c = scenario(
      ...abc,
      netpol('x/deny-b', `podSelector: {matchLabels: {pod: b}}\npolicyTypes: [Egress]`),
    );
    expect(allowed(c, 'x/b', 'x/a')).toBe(false);
    expect(flow(c, 'x/b', 'x/a', '80').egress.verdict).toBe('deny');
    expect(allowed(c, 'x/a', 'x/b')).toBe(true);
  });

  it('policyTypes defaults to Ingress only when there are no egress rules (ingress: [] denies all)', () => {
    const c = scenario(...abc, netpol('x/p', `podSelector: {}\ningress: []\negress: []`));
    expect(c.policies[0]!.policyTypes).toEqual(['Ingress']);
    expect(allowed(c, 'x/a', 'x/b')).toBe(false);
    expect(flow(c, 'x/a', 'x/b', '80').egress.verdict).toBe('unrestricted');
  });

  it('policyTypes defaults to Ingress AND Egress when egress rules exist: ingress becomes deny-all too', () => {
    const c = scenario(
      ...abc,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: b}}\negress:\n- to: [{podSelector: {matchLabels: {pod: a}}}]`,
      ),
    );
    expect(c.policies[0]!.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(allowed(c, 'x/b', 'x/a')).toBe(true);
    expect(allowed(c, 'x/b', 'x/c')).toBe(false);
    expect(allowed(c, 'x/a', 'x/b')).toBe(false); // the trap: b now accepts nothing
  });

  it('ingress: [{}] allows everything, and so does a rule with from: []', () => {
    for (const rule of ['ingress: [{}]', 'ingress:\n- from: []']) {
      const c = scenario(...abc, netpol('x/p', `podSelector: {}\npolicyTypes: [Ingress]\n${rule}`));
      expect(allowed(c, 'x/a', 'x/b')).toBe(true);
      expect(flow(c, 'x/a', 'x/b', '80').ingress).toMatchObject({
        verdict: 'allow',
        policies: ['x/p'],
        matches: [{ rule: 0, peer: null, port: null }],
      });
    }
  });

  it('allows add up across policies: two policies selecting one pod allow the union', () => {
    const c = scenario(
      ...abc,
      netpol(
        'x/from-a',
        `podSelector: {matchLabels: {pod: c}}\ningress:\n- from: [{podSelector: {matchLabels: {pod: a}}}]`,
      ),
      netpol(
        'x/from-b-81',
        `podSelector: {matchLabels: {pod: c}}\ningress:\n- from: [{podSelector: {matchLabels: {pod: b}}}]\n  ports: [{port: 81}]`,
      ),
    );
    expect(allowed(c, 'x/a', 'x/c', '80')).toBe(true);
    expect(allowed(c, 'x/b', 'x/c', '81')).toBe(true);
    expect(allowed(c, 'x/b', 'x/c', '80')).toBe(false);
    expect(flow(c, 'x/a', 'x/c', '81').ingress.policies).toEqual(['x/from-a']);
  });

  it('lists every allowing policy, sorted', () => {
    const c = scenario(
      ...abc,
      netpol('x/z-all', `podSelector: {}\ningress: [{}]`),
      netpol('x/a-all', `podSelector: {}\ningress: [{}]`),
    );
    expect(flow(c, 'x/a', 'x/b', '80').ingress.policies).toEqual(['x/a-all', 'x/z-all']);
  });

  it('both ends must allow: the source egress and the destination ingress', () => {
    const c = scenario(
      ...abc,
      netpol(
        'x/a-to-c',
        `podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {pod: c}}}]`,
      ),
      netpol(
        'x/b-from-a',
        `podSelector: {matchLabels: {pod: b}}\ningress:\n- from: [{podSelector: {matchLabels: {pod: a}}}]`,
      ),
    );
    const ab = flow(c, 'x/a', 'x/b', '80');
    expect(ab.allowed).toBe(false);
    expect(ab.egress.verdict).toBe('deny');
    expect(ab.ingress.verdict).toBe('allow');
    expect(allowed(c, 'x/a', 'x/c')).toBe(true);
  });
});

describe('peers', () => {
  const multi = [
    namespace('x', { team: 'blue' }),
    namespace('y', { team: 'red' }),
    pod('x/a', { pod: 'a' }),
    pod('x/b', { pod: 'b' }),
    pod('y/a', { pod: 'a' }),
    pod('y/b', { pod: 'b' }),
  ];

  it('a podSelector alone means pods of the policy namespace', () => {
    const c = scenario(
      ...multi,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: a}}\ningress:\n- from: [{podSelector: {matchLabels: {pod: b}}}]`,
      ),
    );
    expect(allowed(c, 'x/b', 'x/a')).toBe(true);
    expect(allowed(c, 'y/b', 'x/a')).toBe(false);
    const miss = flow(c, 'y/b', 'x/a', '80').ingress.selectedBy[0]!.rules[0]!.peerMisses![0]!.failures;
    expect(miss).toEqual([{ kind: 'other-namespace', want: 'x', actual: 'y' }]);
  });

  it('a namespaceSelector alone means every pod of the matching namespaces', () => {
    const c = scenario(
      ...multi,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: a}}\ningress:\n- from: [{namespaceSelector: {matchLabels: {team: red}}}]`,
      ),
    );
    expect(allowed(c, 'y/a', 'x/a')).toBe(true);
    expect(allowed(c, 'y/b', 'x/a')).toBe(true);
    expect(allowed(c, 'x/b', 'x/a')).toBe(false);
  });

  it('both selectors in one peer are ANDed', () => {
    const c = scenario(
      ...multi,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: red}}\n    podSelector: {matchLabels: {pod: b}}`,
      ),
    );
    expect(allowed(c, 'y/b', 'x/a')).toBe(true);
    expect(allowed(c, 'y/a', 'x/a')).toBe(false);
    expect(allowed(c, 'x/b', 'x/a')).toBe(false);
    const f = flow(c, 'x/a', 'x/a', '80');
    expect(f.allowed).toBe(true); // itself
  });

  it('two peers in one rule are ORed', () => {
    const c = scenario(
      ...multi,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: red}}\n  - podSelector: {matchLabels: {pod: b}}`,
      ),
    );
    expect(allowed(c, 'y/a', 'x/a')).toBe(true);
    expect(allowed(c, 'y/b', 'x/a')).toBe(true);
    expect(allowed(c, 'x/b', 'x/a')).toBe(true);
    expect(flow(c, 'x/b', 'x/a', '80').ingress.matches).toEqual([
      { policy: 'x/p', rule: 0, peer: 1, port: null },
    ]);
  });

  it('selects namespaces by name through kubernetes.io/metadata.name', () => {
    const c = scenario(
      ...multi,
      netpol(
        'x/p',
        `podSelector: {}\ningress:\n- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}}]`,
      ),
    );
    expect(allowed(c, 'y/a', 'x/b')).toBe(true);
    expect(allowed(c, 'x/a', 'x/b')).toBe(false);
  });

  it('matchExpressions: In, NotIn (absent key matches), Exists, DoesNotExist', () => {
    const pods = [
      namespace('x'),
      pod('x/t', { role: 'target' }),
      pod('x/p1', { tier: 'fe' }),
      pod('x/p2', { tier: 'be' }),
      pod('x/p3', {}),
    ];
    const withExpr = (expr: string) =>
      scenario(
        ...pods,
        netpol(
          'x/p',
          `podSelector: {matchLabels: {role: target}}\ningress:\n- from: [{podSelector: {matchExpressions: [${expr}]}}]`,
        ),
      );
    const from = (c: ReturnType<typeof scenario>) =>
      ['x/p1', 'x/p2', 'x/p3'].filter((s) => allowed(c, s, 'x/t'));
    expect(from(withExpr('{key: tier, operator: In, values: [fe, qa]}'))).toEqual(['x/p1']);
    expect(from(withExpr('{key: tier, operator: NotIn, values: [fe]}'))).toEqual(['x/p2', 'x/p3']);
    expect(from(withExpr('{key: tier, operator: Exists}'))).toEqual(['x/p1', 'x/p2']);
    expect(from(withExpr('{key: tier, operator: DoesNotExist}'))).toEqual(['x/p3']);
  });

  it('matchLabels and matchExpressions in one selector are ANDed; an empty selector selects all', () => {
    const c = scenario(
      namespace('x'),
      pod('x/t', { role: 'target' }),
      pod('x/p1', { app: 'web', tier: 'fe' }),
      pod('x/p2', { app: 'web' }),
      netpol(
        'x/p',
        `podSelector: {matchLabels: {role: target}}\ningress:\n- from: [{podSelector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: Exists}]}}]`,
      ),
      netpol('x/all', `podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{podSelector: {}}]}]`),
    );
    expect(allowed(c, 'x/p1', 'x/t')).toBe(true);
    expect(allowed(c, 'x/p2', 'x/t')).toBe(false);
  });

  it('ipBlock matches outside addresses and pod IPs, minus except', () => {
    const c = scenario(
      namespace('x'),
      pod('x/a', { pod: 'a' }, { ip: '10.244.1.5' }),
      pod('x/b', { pod: 'b' }, { ip: '10.244.2.5' }),
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]\negress:\n- to: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.2.0/24]}}, {ipBlock: {cidr: 192.168.5.10/32}}]`,
      ),
    );
    const f = (to: string) => flow(c, 'x/a', to, '80');
    expect(f('192.168.5.10').allowed).toBe(true);
    expect(f('192.168.5.11').allowed).toBe(false);
    expect(f('10.244.9.9').allowed).toBe(true);
    expect(f('x/b').allowed).toBe(false);
    expect(f('x/b').egress.selectedBy[0]!.rules[0]!.peerMisses).toEqual([
      { peer: 0, failures: [{ kind: 'ip-excepted', ip: '10.244.2.5', except: '10.244.2.0/24' }] },
      { peer: 1, failures: [{ kind: 'ip-outside', ip: '10.244.2.5', cidr: '192.168.5.10/32' }] },
    ]);
  });

  it('selectors never match outside addresses', () => {
    const c = scenario(...abc, netpol('x/p', `podSelector: {}\ningress:\n- from: [{namespaceSelector: {}}]`));
    expect(allowed(c, 'x/a', 'x/b')).toBe(true);
    const x = flow(c, '203.0.113.7', 'x/b', '80');
    expect(x.allowed).toBe(false);
    expect(x.egress.unrestrictedBecause).toBe('outside-cluster');
    expect(x.ingress.selectedBy[0]!.rules[0]!.peerMisses![0]!.failures).toEqual([{ kind: 'not-a-pod' }]);
  });
});

describe('ports', () => {
  const target = (ports: string) =>
    scenario(
      namespace('x'),
      pod('x/a', {}),
      pod(
        'x/t',
        { role: 't' },
        {
          ports: [
            ['http', 8080],
            ['dns', 53, 'UDP'],
            ['metrics', 9090, 'SCTP'],
          ],
        },
      ),
      netpol('x/p', `podSelector: {matchLabels: {role: t}}\ningress:\n- ports: ${ports}`),
    );

  it('a number matches that port on TCP by default, not UDP', () => {
    const c = target('[{port: 80}]');
    expect(allowed(c, 'x/a', 'x/t', '80')).toBe(true);
    expect(allowed(c, 'x/a', 'x/t', '81')).toBe(false);
    expect(allowed(c, 'x/a', 'x/t', '80/UDP')).toBe(false);
    expect(flow(c, 'x/a', 'x/t', '80/UDP').ingress.selectedBy[0]!.rules[0]!.portMisses).toEqual([
      { port: 0, failure: { kind: 'protocol', want: 'TCP', actual: 'UDP' } },
    ]);
  });

  it('endPort makes an inclusive range', () => {
    const c = target('[{port: 8000, endPort: 8080}]');
    expect(['7999', '8000', '8080', '8081'].map((p) => allowed(c, 'x/a', 'x/t', p))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('a protocol-only entry matches every port of that protocol', () => {
    const c = target('[{protocol: UDP}]');
    expect(allowed(c, 'x/a', 'x/t', '53/UDP')).toBe(true);
    expect(allowed(c, 'x/a', 'x/t', '9999/UDP')).toBe(true);
    expect(allowed(c, 'x/a', 'x/t', '53/TCP')).toBe(false);
  });

  it('SCTP is a protocol like the others', () => {
    const c = target('[{protocol: SCTP, port: 9090}]');
    expect(allowed(c, 'x/a', 'x/t', '9090/SCTP')).toBe(true);
    expect(allowed(c, 'x/a', 'x/t', '9090/TCP')).toBe(false);
  });

  it('a named port resolves on the destination pod; protocols must agree', () => {
    expect(allowed(target('[{port: http}]'), 'x/a', 'x/t', '8080')).toBe(true);
    expect(allowed(target('[{port: http}]'), 'x/a', 'x/t', '80')).toBe(false);
    expect(allowed(target('[{port: dns}]'), 'x/a', 'x/t', '53/UDP')).toBe(false); // rule protocol defaults to TCP
    expect(allowed(target('[{port: dns, protocol: UDP}]'), 'x/a', 'x/t', '53/UDP')).toBe(true);
    expect(allowed(target('[{port: nope}]'), 'x/a', 'x/t', '8080')).toBe(false);
    expect(
      flow(target('[{port: http}]'), 'x/a', 'x/t', '80').ingress.selectedBy[0]!.rules[0]!.portMisses,
    ).toEqual([
      {
        port: 0,
        failure: {
          kind: 'named-other-port',
          name: 'http',
          resolved: 8080,
          resolvedProtocol: 'TCP',
          actual: 80,
        },
      },
    ]);
  });

  it('an egress named port resolves on the destination, not on the source', () => {
    const c = scenario(
      namespace('x'),
      pod('x/src', { role: 'src' }, { ports: [['web', 9999]] }),
      pod('x/dst', {}, { ports: [['web', 8080]] }),
      netpol(
        'x/p',
        `podSelector: {matchLabels: {role: src}}\npolicyTypes: [Egress]\negress:\n- ports: [{port: web}]`,
      ),
    );
    expect(allowed(c, 'x/src', 'x/dst', '8080')).toBe(true);
    expect(allowed(c, 'x/src', 'x/dst', '9999')).toBe(false);
    expect(allowed(c, 'x/src', '192.168.5.10', '8080')).toBe(false); // an outside address has no named ports
  });

  it('peers and ports of one rule are ANDed, and rules are ORed', () => {
    const c = scenario(
      ...abc,
      netpol(
        'x/p',
        `podSelector: {matchLabels: {pod: c}}\ningress:\n- from: [{podSelector: {matchLabels: {pod: a}}}]\n  ports: [{port: 80}]\n- from: [{podSelector: {matchLabels: {pod: b}}}]\n  ports: [{port: 81}]`,
      ),
    );
    expect(allowed(c, 'x/a', 'x/c', '80')).toBe(true);
    expect(allowed(c, 'x/a', 'x/c', '81')).toBe(false);
    expect(allowed(c, 'x/b', 'x/c', '81')).toBe(true);
    expect(allowed(c, 'x/b', 'x/c', '80')).toBe(false);
  });
});

describe('traffic NetworkPolicy never blocks', () => {
  const withNodes = [
    namespace('x'),
    node('n1', '192.168.1.11', '10.244.1.0/24'),
    node('n2', '192.168.1.12', '10.244.2.0/24'),
    pod('x/a', { pod: 'a' }, { node: 'n1' }),
    pod('x/b', { pod: 'b' }, { node: 'n2' }),
    pod('x/agent', { app: 'agent' }, { node: 'n1', hostNetwork: true }),
    netpol('x/deny', `podSelector: {}\npolicyTypes: [Ingress, Egress]`),
  ];

  it('a pod can always reach itself', () => {
    const x = flow(scenario(...withNodes), 'x/a', 'x/a', '80');
    expect(x.allowed).toBe(true);
    expect(x.egress).toMatchObject({ verdict: 'allow', policies: [], alwaysAllowed: 'self' });
    expect(x.ingress).toMatchObject({ verdict: 'allow', policies: [], alwaysAllowed: 'self' });
  });

  it('a pod and its own node always reach each other; another node does not', () => {
    const c = scenario(...withNodes);
    expect(flow(c, 'x/a', '192.168.1.11', '10250')).toMatchObject({
      allowed: true,
      egress: { alwaysAllowed: 'own-node' },
    });
    expect(flow(c, '192.168.1.11', 'x/a', '8080')).toMatchObject({
      allowed: true,
      ingress: { alwaysAllowed: 'own-node' },
    });
    expect(allowed(c, 'x/b', '192.168.1.11')).toBe(false);
    expect(allowed(c, '192.168.1.11', 'x/b')).toBe(false);
  });

  it('pods get addresses from their node podCIDR', () => {
    const c = scenario(...withNodes);
    expect(c.pods.map((p) => p.ip.key)).toEqual(['10.244.1.2', '10.244.2.2', '192.168.1.11']);
  });

  it('hostNetwork pods are selected by no policy and matched by no selector', () => {
    const c = scenario(...withNodes);
    // x/deny selects every pod of x, but not the hostNetwork agent: its own flows are unrestricted.
    const out = flow(c, 'x/agent', 'x/b', '80');
    expect(out.egress).toMatchObject({ verdict: 'unrestricted', unrestrictedBecause: 'host-network' });
    expect(out.allowed).toBe(false); // b's ingress is deny-all and the agent is node n1's traffic, not n2's
    expect(allowed(c, 'x/agent', 'x/a')).toBe(true); // same node as a
    const open = scenario(
      ...withNodes.slice(0, -1),
      netpol(
        'x/from-all-pods',
        `podSelector: {matchLabels: {pod: b}}\ningress:\n- from: [{namespaceSelector: {}}]`,
      ),
    );
    expect(allowed(open, 'x/a', 'x/b')).toBe(true);
    expect(allowed(open, 'x/agent', 'x/b')).toBe(false);
    expect(
      flow(open, 'x/agent', 'x/b', '80').ingress.selectedBy[0]!.rules[0]!.peerMisses![0]!.failures,
    ).toEqual([{ kind: 'host-network' }]);
  });
});

describe('the study notes three-tier app (web 80, backend 5000, db 3306, backup 192.168.5.10)', () => {
  const app = [
    namespace('prod', { name: 'prod' }),
    namespace('dev', { name: 'dev' }),
    pod('prod/web', { role: 'web' }, { ports: [['http', 80]] }),
    pod('prod/api-pod', { name: 'api-pod' }, { ports: [['api', 5000]] }),
    pod('prod/db', { role: 'db' }, { ports: [['mysql', 3306]] }),
    pod('dev/api-pod', { name: 'api-pod' }),
    pod('dev/other', { role: 'x' }),
  ];
  // notes 000, corrected: one peer with both selectors (AND), or the backup server by ipBlock.
  const andPolicy = netpol(
    'prod/db-policy',
    `
    podSelector: {matchLabels: {role: db}}
    policyTypes: [Ingress, Egress]
    ingress:
    - from:
      - podSelector: {matchLabels: {name: api-pod}}
        namespaceSelector: {matchLabels: {name: prod}}
      - ipBlock: {cidr: 192.168.5.10/32}
      ports:
      - {protocol: TCP, port: 3306}
    egress:
    - to:
      - ipBlock: {cidr: 192.168.5.10/32}
      ports:
      - {protocol: TCP, port: 9898}
    `,
  );
  // The same with a "-" before namespaceSelector: two peers, ORed.
  const orPolicy = andPolicy.replace('      namespaceSelector', '    - namespaceSelector');
  if (orPolicy === andPolicy) throw new Error('OR variant not built');

  it('AND: only the api pod of prod reaches db:3306; the backup server too', () => {
    const c = scenario(...app, andPolicy);
    expect(allowed(c, 'prod/api-pod', 'prod/db', '3306')).toBe(true);
    expect(allowed(c, 'dev/api-pod', 'prod/db', '3306')).toBe(false);
    expect(allowed(c, 'prod/web', 'prod/db', '3306')).toBe(false);
    expect(allowed(c, '192.168.5.10', 'prod/db', '3306')).toBe(true);
    expect(allowed(c, 'prod/api-pod', 'prod/db', '5000')).toBe(false);
    const deny = flow(c, 'dev/api-pod', 'prod/db', '3306');
    expect(deny.ingress.selectedBy[0]!.rules[0]!.peerMisses![0]!.failures).toEqual([
      {
        kind: 'namespace-labels',
        namespace: 'dev',
        unmet: [{ kind: 'label', key: 'name', want: 'prod', actual: 'dev' }],
      },
    ]);
  });

  it('OR: any pod of a namespace labelled name=prod, or an api pod of the policy namespace, reaches db:3306', () => {
    const c = scenario(...app, orPolicy);
    expect(allowed(c, 'prod/web', 'prod/db', '3306')).toBe(true); // too much: the web tier now reaches the db
    // podSelector alone means the policy's own namespace, so dev's api pod still does not match
    expect(allowed(c, 'dev/api-pod', 'prod/db', '3306')).toBe(false);
    expect(allowed(c, 'dev/other', 'prod/db', '3306')).toBe(false);
    expect(flow(c, 'prod/web', 'prod/db', '3306').ingress.matches).toEqual([
      { policy: 'prod/db-policy', rule: 0, peer: 1, port: 0 },
    ]);
  });

  it('db may push backups to 192.168.5.10:9898 and nowhere else', () => {
    const c = scenario(...app, andPolicy);
    expect(allowed(c, 'prod/db', '192.168.5.10', '9898')).toBe(true);
    expect(allowed(c, 'prod/db', '192.168.5.10', '3306')).toBe(false);
    expect(allowed(c, 'prod/db', '192.169.5.10', '9898')).toBe(false);
    expect(allowed(c, 'prod/db', 'prod/web', '80')).toBe(false);
    // Replies are not new flows; the web and api tiers are not isolated at all.
    expect(allowed(c, 'prod/web', 'prod/api-pod', '5000')).toBe(true);
  });
});

// Comparing two scenarios over every peer their policies could meet, one pitfall at a time
// (the design notes' list): each case states, from the NetworkPolicy API reference, which flows
// of which unseen peers differ, and how the difference reads.
import { describe, expect, it } from 'vitest';
import { namespace, netpol, node, pod, scenario } from '../testing/scenario';
import { compareReach, relationHolds } from './compare-reach';
import { groupDifferences, groupText } from './describe-reach';

/** Each difference group as one line: `+ ingress SUBJECT ← PEERS on PORTS`. */
function lines(actual: string[], expected: string[], locale: 'en' | 'ko' = 'en'): string[] {
  const c = compareReach(scenario(...actual), scenario(...expected));
  return groupDifferences(c).map((g) => {
    const t = groupText(c, g);
    const arrow = g.direction === 'ingress' ? '←' : '→';
    return `${g.extra ? '+' : '-'} ${g.direction} ${t.subject[locale]} ${arrow} ${t.peers[locale]} on ${t.ports[locale]}`;
  });
}

const nodes = [
  node('node01', '192.168.1.11', '10.244.1.0/24'),
  node('node02', '192.168.1.12', '10.244.2.0/24'),
];
const data = [
  ...nodes,
  namespace('data'),
  namespace('app', { team: 'shop' }),
  pod('data/db', { role: 'db' }, { node: 'node01', ports: [['mysql', 3306]] }),
  pod('data/loader', { role: 'loader' }, { node: 'node02' }),
  pod('app/api', { role: 'api' }, { node: 'node02' }),
];
const dbIngress = (from: string, ports = '  ports: [{port: 3306}]'): string =>
  netpol('data/db-policy', `podSelector: {matchLabels: {role: db}}\ningress:\n- from: ${from}\n${ports}`);

describe('namespaces: all of them, the own one, and AND', () => {
  it('namespaceSelector: {} is every namespace, new ones included; a podSelector alone is the own namespace', () => {
    expect(
      lines([...data, dbIngress('[{namespaceSelector: {}}]')], [...data, dbIngress('[{podSelector: {}}]')]),
    ).toEqual([
      '+ ingress data/db ← any pod in a namespace other than data (for example a new namespace) on TCP 3306',
    ]);
  });

  it('both fields in one peer are one AND: the same as namespaceSelector: {} alone only when the pod part is {}', () => {
    const both = dbIngress('[{namespaceSelector: {}, podSelector: {}}]');
    expect(lines([...data, both], [...data, dbIngress('[{namespaceSelector: {}}]')])).toEqual([]);
  });

  it('two list items are two peers (OR): pods of the own namespace with the label, and every pod of the labelled namespaces', () => {
    const and = dbIngress(
      '[{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {role: api}}}]',
    );
    const or = dbIngress(
      '[{namespaceSelector: {matchLabels: {team: shop}}}, {podSelector: {matchLabels: {role: api}}}]',
    );
    expect(lines([...data, or], [...data, and])).toEqual([
      '+ ingress data/db ← any pod with role=api in namespace data, any pod with no role label or a role other than api in namespace app and any pod with no role label or a role other than api in a new namespace with team=shop on TCP 3306',
    ]);
  });
});

describe('label values the selectors do not name', () => {
  const ns = (from: string): string[] => [
    ...data,
    namespace('prod', { env: 'prod' }),
    namespace('staging', { env: 'staging' }),
    dbIngress(from),
  ];
  it('NotIn [staging] also matches namespaces without the key (and every new namespace)', () => {
    const got = lines(
      ns('[{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [staging]}]}}]'),
      ns('[{namespaceSelector: {matchLabels: {env: prod}}}]'),
    );
    expect(got).toEqual([
      '+ ingress data/db ← any pod in namespaces data, app and any pod in a new namespace with no env label or an env other than prod, staging on TCP 3306',
    ]);
  });

  it('DoesNotExist is not "some other value": the two differ exactly on namespaces with another env', () => {
    const got = lines(
      ns('[{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}]'),
      ns('[{namespaceSelector: {matchExpressions: [{key: env, operator: DoesNotExist}]}}]'),
    );
    expect(got).toEqual([
      '+ ingress data/db ← any pod in namespace staging and any pod in a new namespace with an env other than prod on TCP 3306',
    ]);
  });
});

describe('policyTypes and directions', () => {
  const egress =
    'podSelector: {matchLabels: {role: db}}\negress:\n- to: [{podSelector: {matchLabels: {role: loader}}}]';
  it('egress rules without policyTypes default to Ingress AND Egress: the pod accepts nothing any more', () => {
    const defaulted = netpol('data/db-policy', egress);
    const explicit = netpol('data/db-policy', `${egress}\npolicyTypes: [Egress]`);
    const got = lines([...data, defaulted], [...data, explicit]);
    // Other db pods still cannot send to it: their egress goes to the loader only, in both.
    expect(got).toEqual([
      '- ingress data/db ← any pod except those with role=db in namespace data and any address (for example 8.8.8.8) on any port',
    ]);
  });

  it('a pod selected for one direction only keeps the other unrestricted', () => {
    const ingressOnly = netpol(
      'data/db-policy',
      'podSelector: {matchLabels: {role: db}}\npolicyTypes: [Ingress]',
    );
    const both = netpol(
      'data/db-policy',
      'podSelector: {matchLabels: {role: db}}\npolicyTypes: [Ingress, Egress]',
    );
    const c = compareReach(scenario(...data, both), scenario(...data, ingressOnly));
    expect(new Set(groupDifferences(c).map((g) => `${g.direction} ${g.extra}`))).toEqual(
      new Set(['egress false']),
    );
  });
});

describe('nodes, hostNetwork and the pod network', () => {
  it('a hostNetwork pod is its node address to policies', () => {
    const agent = pod('data/agent', { role: 'agent' }, { node: 'node01', hostNetwork: true });
    const fromNode = dbIngress('[{ipBlock: {cidr: 192.168.1.11/32}}]');
    const fromAgentLabel = dbIngress('[{podSelector: {matchLabels: {role: agent}}}]');
    expect(lines([...data, agent, fromAgentLabel], [...data, agent, fromNode])).toEqual([
      '+ ingress data/db ← any pod with role=agent in namespace data on TCP 3306',
      '- ingress data/db ← the address 192.168.1.11 (data/agent, node node01) on TCP 3306',
    ]);
  });

  it('ipBlock matches pod addresses: a pod IP is not the same as the pod selector (another api pod, another address)', () => {
    const api = pod('data/api', { role: 'api' }, { node: 'node01', ip: '10.244.1.50' });
    const got = lines(
      [...data, api, dbIngress('[{ipBlock: {cidr: 10.244.1.50/32}}]')],
      [...data, api, dbIngress('[{podSelector: {matchLabels: {role: api}}}]')],
    );
    expect(got).toEqual([
      '+ ingress data/db ← any pod at 10.244.1.50 except those with role=api in namespace data on TCP 3306',
      '- ingress data/db ← any pod with role=api in namespace data at an address outside 10.244.1.50 on TCP 3306',
    ]);
  });

  it('a class of pods with its own label set also talks among itself (another pod of the same kind)', () => {
    const peers = netpol(
      'data/loaders',
      'podSelector: {matchLabels: {role: loader}}\ningress:\n- from: [{podSelector: {matchLabels: {role: loader}}}]',
    );
    const none = netpol('data/loaders', 'podSelector: {matchLabels: {role: loader}}\npolicyTypes: [Ingress]');
    expect(lines([...data, peers], [...data, none])).toEqual([
      '+ ingress data/loader ← any pod with role=loader in namespace data (such as data/loader) on any port',
    ]);
  });
});

describe('ports', () => {
  it('dropping ports opens every other port and protocol', () => {
    expect(
      lines([...data, dbIngress('[{podSelector: {}}]', '')], [...data, dbIngress('[{podSelector: {}}]')]),
    ).toEqual(['+ ingress data/db ← any pod in namespace data on any port except TCP 3306']);
  });

  it('a named port resolves per destination pod: a number is not the same as the name', () => {
    const web = [
      ...nodes,
      namespace('x'),
      pod('x/web', { app: 'web' }, { ports: [['http', 8080]] }),
      pod('x/client', { app: 'client' }),
    ];
    const policy = (port: string): string =>
      netpol(
        'x/web',
        `podSelector: {matchLabels: {app: web}}\ningress:\n- from: [{podSelector: {matchLabels: {app: client}}}]\n  ports: [{port: ${port}}]`,
      );
    const got = lines([...web, policy('8080')], [...web, policy('http')]);
    expect(got).toEqual([
      '+ ingress x/web ← any pod with app=client in namespace x (such as x/client) on TCP 8080 (where the pod does not name that port http)',
      '- ingress x/web ← any pod with app=client in namespace x (such as x/client) on its TCP port named http, unless that is 8080',
    ]);
  });
});

describe('the internet', () => {
  it('0.0.0.0/0 except the pod network is every outside address, not the one backup server', () => {
    const got = lines(
      [...data, dbIngress('[{ipBlock: {cidr: 0.0.0.0/0, except: [10.244.0.0/16]}}]')],
      [...data, dbIngress('[{ipBlock: {cidr: 192.168.5.10/32}}]')],
    );
    expect(got).toEqual([
      '+ ingress data/db ← any address except 10.244.0.0/16, 192.168.5.10 (for example 8.8.8.8) on TCP 3306',
    ]);
    expect(
      lines(
        [...data, dbIngress('[{ipBlock: {cidr: 0.0.0.0/0, except: [10.244.0.0/16]}}]')],
        [...data, dbIngress('[{ipBlock: {cidr: 192.168.5.10/32}}]')],
        'ko',
      ),
    ).toEqual([
      '+ ingress data/db 파드 ← 10.244.0.0/16, 192.168.5.10 외의 모든 주소(예: 8.8.8.8) on TCP 3306 포트',
    ]);
  });
});

describe('subjects no pod of the scenario has', () => {
  it('a policy selecting "role exists" instead of {} leaves new unlabelled pods open', () => {
    const all = netpol('data/deny', 'podSelector: {}\npolicyTypes: [Ingress]');
    const labelled = netpol(
      'data/deny',
      'podSelector: {matchExpressions: [{key: role, operator: Exists}]}\npolicyTypes: [Ingress]',
    );
    const got = lines([...data, labelled], [...data, all]);
    expect(got).toEqual([
      '+ ingress a new pod with no role label in namespace data ← any pod in any namespace and any address (for example 8.8.8.8) on any port',
    ]);
  });
});

describe('fair alternatives and relations', () => {
  it('two policies instead of one, matchExpressions instead of matchLabels, ports and peers in another order: equal', () => {
    const one = netpol(
      'data/db-policy',
      'podSelector: {matchLabels: {role: db}}\ningress:\n- from: [{podSelector: {matchLabels: {role: loader}}}, {namespaceSelector: {matchLabels: {team: shop}}}]\n  ports: [{port: 3306}, {port: 33060}]',
    );
    const a = netpol(
      'data/db-a',
      'podSelector: {matchExpressions: [{key: role, operator: In, values: [db]}]}\ningress:\n- from: [{namespaceSelector: {matchLabels: {team: shop}}}]\n  ports: [{port: 33060}, {port: 3306, protocol: TCP}]',
    );
    const b = netpol(
      'data/db-b',
      'podSelector: {matchLabels: {role: db}}\ningress:\n- from: [{podSelector: {matchExpressions: [{key: role, operator: In, values: [loader]}]}}]\n  ports: [{port: 3306}, {port: 33060}]',
    );
    const c = compareReach(scenario(...data, a, b), scenario(...data, one));
    expect(c.differences).toEqual([]);
    expect(relationHolds(c, 'equal')).toBe(true);
  });

  it('at most: only extra flows fail it; at least: only missing ones', () => {
    const narrow = compareReach(
      scenario(...data, dbIngress('[{podSelector: {matchLabels: {role: loader}}}]')),
      scenario(...data, dbIngress('[{podSelector: {}}]')),
    );
    expect([
      relationHolds(narrow, 'equal'),
      relationHolds(narrow, 'at-most'),
      relationHolds(narrow, 'at-least'),
    ]).toEqual([false, true, false]);
    const wide = compareReach(
      scenario(...data, dbIngress('[{podSelector: {}}]')),
      scenario(...data, dbIngress('[{podSelector: {matchLabels: {role: loader}}}]')),
    );
    expect([
      relationHolds(wide, 'equal'),
      relationHolds(wide, 'at-most'),
      relationHolds(wide, 'at-least'),
    ]).toEqual([false, false, true]);
  });
});

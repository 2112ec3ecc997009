import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { cluster, pod } from '../testing/generate-cluster';
import { buildTopology } from './topology';
import { loadCluster } from '../k8s/load-cluster';
import { probeCommand, PROBE_IMAGE } from './cluster-probe';

const topologyOf = (text: string) => buildTopology(loadCluster([{ name: 's.yaml', text }]).cluster);

describe('probeCommand', () => {
  const topology = topologyOf(DEFAULT);

  it('runs agnhost connect from a pod with the source labels, in its namespace, to the destination pod IP read from the cluster', () => {
    const r = probeCommand(topology, 'prod/web', 'prod/db', { port: 3306, protocol: 'TCP' });
    expect('command' in r && r.command).toBe(
      [
        `kubectl run netlab-probe -n 'prod' --rm -i --restart=Never \\`,
        `  --labels='role=web' \\`,
        `  --image=${PROBE_IMAGE} -- \\`,
        `  connect "$(kubectl get pod -n 'prod' 'db' -o jsonpath='{.status.podIP}'):3306" \\`,
        `  --timeout=3s --protocol=tcp`,
      ].join('\n'),
    );
  });

  it('an outside destination is its address; UDP and SCTP pass through', () => {
    const r = probeCommand(topology, 'prod/db', '192.168.5.10', { port: 873, protocol: 'UDP' });
    expect('command' in r && r.command).toContain(
      `connect "192.168.5.10:873" \\\n  --timeout=3s --protocol=udp`,
    );
  });

  it('every label of the source, comma-joined; none: no --labels line', () => {
    const t = buildTopology(cluster([pod('team/api', { app: 'api', tier: 'backend' }), pod('team/bare')]));
    const withLabels = probeCommand(t, 'team/api', 'team/bare', { port: 80, protocol: 'TCP' });
    expect('command' in withLabels && withLabels.command).toContain(`--labels='app=api,tier=backend'`);
    const bare = probeCommand(t, 'team/bare', 'team/api', { port: 80, protocol: 'TCP' });
    expect('command' in bare && bare.command).not.toContain('--labels');
  });

  it('an IPv6 destination is bracketed', () => {
    const t = buildTopology(
      cluster([pod('v6/a', { app: 'a' }, { ip: 'fd00::1' }), pod('v6/b', { app: 'b' }, { ip: 'fd00::2' })]),
    );
    const r = probeCommand(t, 'v6/a', 'fd00::9', { port: 53, protocol: 'TCP' });
    expect('command' in r && r.command).toContain(`connect "[fd00::9]:53"`);
  });

  it('says why there is no probe from an outside machine or a hostNetwork pod', () => {
    expect(probeCommand(topology, '203.0.113.10', 'prod/web', { port: 80, protocol: 'TCP' })).toHaveProperty(
      'reason.en',
      expect.stringContaining('Only a pod'),
    );
    const t = buildTopology(
      cluster([pod('kube-system/agent', {}, { hostNetwork: true, node: 'n1' }), pod('x/y')]),
    );
    expect(probeCommand(t, 'kube-system/agent', 'x/y', { port: 80, protocol: 'TCP' })).toHaveProperty(
      'reason.en',
      expect.stringContaining("node's network"),
    );
  });
});

describe('probeCommand on a controller-made pod', () => {
  it('does not copy pod-template-hash or Job labels, and says which it left out and why', () => {
    const t = buildTopology(
      cluster([
        pod('shop/web-7d4b9c-abcde', { app: 'web', 'pod-template-hash': '7d4b9c' }),
        pod('shop/job-x', { 'job-name': 'report', 'batch.kubernetes.io/controller-uid': 'u1', team: 'a' }),
        pod('shop/db-0', {
          app: 'db',
          'controller-revision-hash': 'db-5d',
          'statefulset.kubernetes.io/pod-name': 'db-0',
        }),
      ]),
    );
    const web = probeCommand(t, 'shop/web-7d4b9c-abcde', 'shop/job-x', { port: 80, protocol: 'TCP' });
    if (!('command' in web)) throw new Error('no probe');
    expect(web.command).toContain(`--labels='app=web' \\`);
    expect(web.leftOut.map((l) => l.label)).toEqual(['pod-template-hash']);
    expect(web.leftOut[0]!.why.en).toContain('adopt the probe and delete a real replica');
    expect(web.caution).toBeUndefined();
    const job = probeCommand(t, 'shop/job-x', 'shop/web-7d4b9c-abcde', { port: 80, protocol: 'TCP' });
    expect(
      'command' in job && [job.command.includes(`--labels='team=a'`), job.leftOut.map((l) => l.label)],
    ).toEqual([true, ['job-name', 'batch.kubernetes.io/controller-uid']]);
    const db = probeCommand(t, 'shop/db-0', 'shop/web-7d4b9c-abcde', { port: 80, protocol: 'TCP' });
    expect('command' in db && db.caution?.en).toContain('may adopt the probe');
  });
});

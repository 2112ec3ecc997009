// The implicit CoreDNS in what the page shows: drawn and marked implicit when the scenario has no
// kube-dns, never when it has its own, never in an empty scenario; the scenario's pods keep their
// addresses and the port list stays the scenario's; a name traced in the page's model says implicit.
import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { hasOwnClusterDns, withClusterDns } from '../dns/cluster-dns';
import { loadCluster } from '../k8s/load-cluster';
import { tracePacket } from '../model/trace-name';
import { buildScenarioModel } from './scenario-model';

const OWN_DNS = `
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;

describe('the implicit CoreDNS on the page', () => {
  it('is drawn on the scenario nodes, marked implicit, and changes no address of the scenario', () => {
    const m = buildScenarioModel(DEFAULT);
    const dns = m.topology.services.find((s) => s.key === 'kube-system/kube-dns')!;
    expect(dns).toMatchObject({ clusterIP: '10.96.0.10', implicit: true, type: 'ClusterIP' });
    const coredns = m.topology.pods.filter((p) => p.implicit);
    expect(coredns.map((p) => [p.key, p.node])).toEqual([
      ['kube-system/coredns-1', 'node01'],
      ['kube-system/coredns-2', 'node02'],
    ]);
    expect(dns.endpoints).toEqual(coredns.map((p) => p.key));
    expect(m.scene.pods.map((p) => p.id)).toEqual(expect.arrayContaining(coredns.map((p) => p.key)));
    expect(m.scene.services.map((s) => s.key)).toContain('kube-system/kube-dns');
    // The scenario's own pods: the same addresses as without the DNS server.
    const bare = loadCluster([{ name: 's.yaml', text: DEFAULT }]).cluster;
    for (const p of bare.pods)
      expect(m.topology.pods.find((t) => t.key === `${p.namespace}/${p.name}`)!.ip).toBe(p.ip.key);
    expect(new Set(m.topology.pods.map((p) => p.ip)).size).toBe(m.topology.pods.length);
    // Only the scenario's pods are marked as its own.
    expect(m.topology.pods.filter((p) => !p.implicit)).toHaveLength(bare.pods.length);
  });

  it('keeps the port list the scenario gives (no 53/UDP or 9153/TCP from the implicit pods)', () => {
    const m = buildScenarioModel(DEFAULT);
    expect(m.ports.map((p) => `${p.port}/${p.protocol}`)).toEqual(['80/TCP', '5000/TCP', '3306/TCP']);
  });

  it('is not added when the scenario defines kube-system/kube-dns, nor to an empty scenario', () => {
    const own = buildScenarioModel(DEFAULT + '\n---\n' + OWN_DNS);
    expect(own.topology.services.filter((s) => s.implicit)).toEqual([]);
    expect(own.topology.pods.filter((p) => p.implicit)).toEqual([]);
    const empty = buildScenarioModel('# nothing yet\n');
    expect(empty.topology.pods).toEqual([]);
    expect(empty.topology.services).toEqual([]);
  });

  it('lands on the generated node with the pods when the scenario has no Node', () => {
    const m = buildScenarioModel(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, image: i}]\n',
    );
    expect(m.topology.pods.map((p) => [p.key, p.node, p.ip])).toEqual([
      ['default/a', 'node01', '10.244.0.2'],
      ['kube-system/coredns-1', 'node01', '10.244.0.3'],
      ['kube-system/coredns-2', 'node01', '10.244.0.4'],
    ]);
  });

  it('is added once: withClusterDns leaves a cluster that has it alone', () => {
    const m = buildScenarioModel(DEFAULT);
    expect(withClusterDns(m.cluster)).toBe(m.cluster);
    expect(hasOwnClusterDns(m.cluster)).toBe(false);
  });

  it('a name traced in the page model goes to the drawn CoreDNS and says it is implicit', () => {
    const m = buildScenarioModel(DEFAULT);
    const trace = tracePacket(m.cluster, m.topology, 'prod/web', 'backend', { port: 5000, protocol: 'TCP' });
    expect(trace.dns?.server).toEqual({ service: 'kube-system/kube-dns', ip: '10.96.0.10', implicit: true });
    expect(trace.dns?.verdict).toBe('delivered');
    // After DNAT the query is addressed to one of the drawn CoreDNS pods.
    const corednsIps = m.topology.pods.filter((p) => p.implicit).map((p) => p.ip);
    expect(corednsIps).toContain(trace.dns!.request.at(-1)!.headers.dst);
  });
});

import { describe, expect, it } from 'vitest';
import { loadCluster } from '../k8s/load-cluster';
import { packetTour } from './packet-tour';
import { withClusterDns } from '../dns/cluster-dns';
import { buildTopology } from './topology';
import DEFAULT from '../scenarios/default.yaml?raw';

describe('packetTour', () => {
  it('tells the three-tier story of the default scenario, then the shortcut', () => {
    const tour = packetTour(buildTopology(loadCluster([{ name: 'd', text: DEFAULT }]).cluster));
    expect(tour.map((f) => `${f.role} ${f.from} → ${f.to} ${f.port.port}`)).toEqual([
      'entry user → 192.168.1.11:30080 30080',
      'tier prod/web → svc:prod/backend 5000',
      'tier prod/backend → svc:prod/db 3306',
      'skip prod/web → svc:prod/db 3306',
    ]);
  });

  it('leaves the implicit kube-dns out: it is no tier of the app', () => {
    const tour = packetTour(
      buildTopology(withClusterDns(loadCluster([{ name: 'd', text: DEFAULT }]).cluster)),
    );
    expect(tour).toHaveLength(4);
    expect(tour.some((f) => f.to.includes('kube-dns'))).toBe(false);
  });

  it('is empty without Services', () => {
    expect(
      packetTour(
        buildTopology(
          loadCluster([
            {
              name: 'x',
              text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i}]}\n',
            },
          ]).cluster,
        ),
      ),
    ).toEqual([]);
  });
});

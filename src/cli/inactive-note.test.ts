// The note under a matrix names the pods left out, with IPAM's reason when a node's range is full.
import { describe, expect, it } from 'vitest';
import { loadCluster } from '../k8s/load-cluster';
import { inactiveNote } from './inactive-note';

const text = [
  'apiVersion: v1\nkind: Node\nmetadata: {name: node01}\nspec: {podCIDR: 10.244.1.0/30}',
  ...['a', 'b'].map(
    (n) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {nodeName: node01, containers: [{name: c}]}`,
  ),
].join('\n---\n');

describe('inactiveNote', () => {
  it('says why a pod waits, in both languages', () => {
    const { cluster } = loadCluster([{ name: 't.yaml', text }]);
    expect(inactiveNote(cluster, 'en')).toContain(
      'default/b (Pending: no free address in 10.244.1.0/30 on node01)',
    );
    expect(inactiveNote(cluster, 'ko')).toContain(
      'default/b (Pending: node01의 10.244.1.0/30에 남은 주소가 없습니다)',
    );
  });
});

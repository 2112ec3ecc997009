// Peers a scenario does not have, written as objects the page can add to what it draws (never to
// the learner's text): the ghost a reach check's "show me" asks for, and the matrix's switchable
// "unseen peers" group — a pod in a new namespace, an unlabelled pod, an internet address.
import type { Cluster } from '../k8s/types';
import type { UnseenPeer } from './types';

/** Where the ghosts live: a file of their own, so their lines never mix with the learner's. */
export const UNSEEN_FILE = 'unseen-peers.yaml';

/** Every ghost's name starts with this, so the matrix and the graph can set them apart. */
export const UNSEEN_PREFIX = 'unseen-';

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** `8.8.8.8` → `unseen-8-8-8-8`, a valid object name. */
const addressName = (ip: string): string =>
  `${UNSEEN_PREFIX}${ip.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}`;

/** The ghosts as YAML documents (JSON is YAML), one namespace per new namespace. */
export function unseenDocs(peers: readonly UnseenPeer[]): string {
  const docs: object[] = [];
  const namespaces = new Set<string>();
  peers.forEach((p, i) => {
    if (p.kind === 'address') {
      docs.push({
        apiVersion: 'netlab.dev/v1',
        kind: 'ExternalEndpoint',
        metadata: { name: addressName(p.ip) },
        spec: { ip: p.ip },
      });
      return;
    }
    const ns = p.namespace ?? 'default';
    if (p.newNamespace && !namespaces.has(ns)) {
      namespaces.add(ns);
      const labels = Object.fromEntries(
        Object.entries(p.namespaceLabels ?? {}).filter(([k]) => k !== NAME_LABEL),
      );
      docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
    }
    docs.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${UNSEEN_PREFIX}${i + 1}`, namespace: ns, labels: p.labels ?? {} },
      spec: { containers: [{ name: 'main', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52' }] },
      ...(p.ip ? { status: { podIP: p.ip } } : {}),
    });
  });
  return docs.map((d) => JSON.stringify(d)).join('\n---\n') + '\n';
}

/**
 * The matrix's "unseen peers": a pod in a namespace that does not exist yet, an unlabelled pod in
 * each namespace that has policies (two at most), and an internet address.
 */
export function unseenGroup(cluster: Cluster): UnseenPeer[] {
  const taken = new Set(cluster.namespaces.keys());
  let fresh = 'new-namespace';
  for (let i = 2; taken.has(fresh); i++) fresh = `new-namespace-${i}`;
  const withPolicies = [...new Set(cluster.policies.map((p) => p.namespace))].slice(0, 2);
  const ips = new Set([...cluster.externals.map((x) => x.ip.key), ...cluster.pods.map((p) => p.ip.key)]);
  const internet = ['8.8.8.8', '1.1.1.1', '198.51.100.200'].find((ip) => !ips.has(ip)) ?? '198.51.100.201';
  return [
    {
      kind: 'pod',
      label: { en: 'a pod in a new namespace', ko: '새로 만든 네임스페이스의 파드' },
      ip: '',
      namespace: fresh,
      namespaceLabels: {},
      newNamespace: true,
      labels: {},
      direction: 'ingress',
    },
    ...withPolicies.map((ns): UnseenPeer => ({
      kind: 'pod',
      label: { en: `an unlabelled pod in ${ns}`, ko: `${ns} 네임스페이스의 레이블 없는 파드` },
      ip: '',
      namespace: ns,
      newNamespace: false,
      labels: {},
      direction: 'ingress',
    })),
    {
      kind: 'address',
      label: { en: `an internet address ${internet}`, ko: `인터넷 주소 ${internet}` },
      ip: internet,
      direction: 'ingress',
    },
  ];
}

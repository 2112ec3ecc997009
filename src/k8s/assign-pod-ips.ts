// Which pods hold an IP and which address each gets: status.podIP as reported; a hostNetwork
// pod's node address; for a manifest as written (no status yet), the first free address of its
// node's podCIDR. Finished pods and pods still waiting for an address are kept apart.
import { ipv4AtOffset, parseCidr, cidrContains, type Cidr, type IpAddress } from '../lib/ip';
import { t } from '../lib/text';
import { josa } from '../lib/korean';
import type { PodDraft } from './decode-objects';
import type { ClusterNode, InactivePod, Pod } from './types';

/** Where pods without status.podIP get addresses when their node has no podCIDR. */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';

/**
 * Pods keep status.podIP; a hostNetwork pod has its node's IP; a pod without status.phase (as
 * written, never scheduled by a real cluster) gets the first free address of its node's podCIDR
 * (after the network address and the bridge's .1), else of DEFAULT_POD_CIDR — in document
 * order, so the same files always give the same addresses. A pod whose phase is Succeeded or
 * Failed, or that reports a phase but no IP (Pending), holds no address: it is inactive.
 */
export function assignPodIps(
  drafts: readonly PodDraft[],
  nodes: readonly ClusterNode[],
): { pods: Pod[]; inactive: InactivePod[] } {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const used = new Set<string>();
  for (const n of nodes) if (n.internalIP) used.add(n.internalIP.key);
  for (const p of drafts) if (p.statusIp && !p.hostNetwork && !finished(p)) used.add(p.statusIp.key);
  const defaultCidr = parseCidr(DEFAULT_POD_CIDR)!;
  const nextOffset = new Map<string, number>();
  const owners = new Map<string, string>();
  const pods: Pod[] = [];
  const inactive: InactivePod[] = [];

  for (const p of drafts) {
    const d = p.decoder;
    const phase = p.status.phase;
    const source = { file: d.file, at: d.raw.at };
    const apart = (why: InactivePod['why']): void => {
      inactive.push({
        namespace: p.namespace,
        name: p.name,
        labels: p.labels,
        ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
        phase: phase ?? 'Pending',
        why,
        ...(p.statusIp ? { lastIp: p.statusIp.key } : {}),
        ...(p.owners.length > 0 ? { owners: p.owners } : {}),
        source,
      });
    };
    if (phase === 'Succeeded' || phase === 'Failed') {
      apart(phase === 'Succeeded' ? 'completed' : 'failed');
      continue;
    }
    const node = p.nodeName !== undefined ? byName.get(p.nodeName) : undefined;
    if (p.nodeName !== undefined && !node && nodes.length > 0) {
      d.report(
        'warning',
        'unknown-node',
        ['spec', 'nodeName'],
        t(
          `node ${p.nodeName} is not in the scenario`,
          `노드 ${josa(p.nodeName, '이/가')} 시나리오에 없습니다`,
        ),
      );
    }
    let ip: IpAddress | undefined = p.statusIp;
    let ipSource: Pod['ipSource'] = 'status';
    if (p.hostNetwork) {
      ipSource = 'host-network';
      ip = node?.internalIP ?? p.statusIp;
    }
    if (!ip && phase !== undefined) {
      // The cluster reported this pod: without status.podIP it has no address yet.
      apart('no-ip');
      continue;
    }
    if (!ip) {
      const cidr: Cidr = node?.podCIDR ?? defaultCidr;
      ipSource = node?.podCIDR ? 'node-pod-cidr' : 'default-pod-cidr';
      let offset = nextOffset.get(cidr.canonical) ?? 2;
      let candidate = ipv4AtOffset(cidr, offset);
      while (candidate && used.has(candidate.key)) candidate = ipv4AtOffset(cidr, ++offset);
      nextOffset.set(cidr.canonical, offset + 1);
      if (!candidate) {
        d.error(
          'ipam',
          ['metadata', 'name'],
          t(
            `no free address left in ${cidr.canonical} for this pod`,
            `${cidr.canonical}에 이 파드에 줄 주소가 남아 있지 않습니다`,
          ),
        );
        candidate = ipv4AtOffset(defaultCidr, 0)!;
      }
      ip = candidate;
      used.add(ip.key);
    } else if (node?.podCIDR && !p.hostNetwork && !cidrContains(node.podCIDR, ip)) {
      d.report(
        'warning',
        'ip-outside-pod-cidr',
        ['status', 'podIP'],
        t(
          `pod IP ${ip.key} is outside node ${node.name}'s podCIDR ${node.podCIDR.canonical}`,
          `파드 IP ${josa(ip.key, '이/가')} 노드 ${node.name}의 podCIDR ${node.podCIDR.canonical} 밖에 있습니다`,
        ),
      );
    }
    if (!p.hostNetwork) {
      const other = owners.get(ip.key);
      if (other)
        d.report(
          'warning',
          'duplicate-ip',
          ['status', 'podIP'],
          t(
            `pod IP ${ip.key} is also used by ${other}`,
            `파드 IP ${josa(ip.key, '을/를')} ${other}도 쓰고 있습니다`,
          ),
        );
      else owners.set(ip.key, `${p.namespace}/${p.name}`);
    }
    const { ready, terminating } = p.status;
    pods.push({
      namespace: p.namespace,
      name: p.name,
      labels: p.labels,
      ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
      hostNetwork: p.hostNetwork,
      ip,
      ipSource,
      containers: p.containers,
      source,
      ...(phase !== undefined ? { phase } : {}),
      ...(terminating ? { terminating } : {}),
      ...(ready !== undefined ? { ready } : {}),
      ...(p.owners.length > 0 ? { owners: p.owners } : {}),
      ...(p.hostname !== undefined ? { hostname: p.hostname } : {}),
      ...(p.subdomain !== undefined ? { subdomain: p.subdomain } : {}),
      ...(p.dnsPolicy !== undefined ? { dnsPolicy: p.dnsPolicy } : {}),
    });
  }
  return { pods, inactive };
}

const finished = (p: PodDraft): boolean => p.status.phase === 'Succeeded' || p.status.phase === 'Failed';

// Which pods hold an IP and which address each gets: status.podIP as reported; a hostNetwork
// pod's node address; for a manifest as written (no status yet), host-local's next free address of
// its node's podCIDR (ipam.ts). Finished pods and pods waiting for an address are kept apart.
import { parseCidr, cidrContains, type Cidr, type IpAddress } from '../lib/ip';
import { t, type LocalText } from '../lib/text';
import { HostLocalIpam, noFreeAddress, sandboxFailure } from './ipam';
import { josa } from '../lib/korean';
import type { PodDraft } from './decode-objects';
import type { ClusterNode, InactivePod, Pod } from './types';

/** Where pods without status.podIP get addresses when their node has no podCIDR. */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';

/**
 * Pods keep status.podIP; a hostNetwork pod has its node's IP; a pod without status.phase (as
 * written, never scheduled by a real cluster) gets host-local's next free address of its node's
 * podCIDR (never the network address, the gateway .1 or broadcast), else of DEFAULT_POD_CIDR — in
 * document order, so the same files always give the same addresses. A pod whose phase is Succeeded
 * or Failed, that reports a phase but no IP, or whose node's range is used up (Pending, with the
 * reason) holds no address: it is inactive. Two running pods with one IP are an error.
 */
export function assignPodIps(
  drafts: readonly PodDraft[],
  nodes: readonly ClusterNode[],
  /** The subnet a node's chosen CNI configuration gives host-local, when not its podCIDR. */
  rangeOf: (node: string) => Cidr | undefined = () => undefined,
): { pods: Pod[]; inactive: InactivePod[] } {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const used = new Set<string>();
  for (const n of nodes) if (n.internalIP) used.add(n.internalIP.key);
  for (const p of drafts) if (p.statusIp && !p.hostNetwork && !finished(p)) used.add(p.statusIp.key);
  const ipam = new HostLocalIpam(used);
  const defaultCidr = parseCidr(DEFAULT_POD_CIDR)!;
  const owners = new Map<string, string>();
  const pods: Pod[] = [];
  const inactive: InactivePod[] = [];

  for (const p of drafts) {
    const d = p.decoder;
    const phase = p.status.phase;
    const source = { file: d.file, at: d.raw.at };
    const apart = (why: InactivePod['why'], reason?: LocalText): void => {
      inactive.push({
        namespace: p.namespace,
        name: p.name,
        labels: p.labels,
        ...(p.nodeName !== undefined ? { nodeName: p.nodeName } : {}),
        phase: phase ?? 'Pending',
        why,
        ...(reason ? { reason } : {}),
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
      const own = node ? rangeOf(node.name) : undefined;
      const cidr: Cidr = own ?? node?.podCIDR ?? defaultCidr;
      ipSource = node?.podCIDR || own ? 'node-pod-cidr' : 'default-pod-cidr';
      // A node's own podCIDR is its own range; the default range is one pool for every pod without one.
      ip = ipam.allocate(cidr, node?.podCIDR || own ? node!.name : undefined);
      if (!ip) {
        // host-local's ADD fails: kubelet retries the sandbox, and the pod waits without an address.
        const reason = noFreeAddress(cidr, node?.name);
        d.report(
          'warning',
          'no-free-address',
          ['metadata', 'name'],
          t(
            `${reason.en}: this pod stays Pending (kubelet: ${sandboxFailure(cidr)})`,
            `${reason.ko}. 이 파드는 Pending으로 남습니다(kubelet: ${sandboxFailure(cidr)})`,
          ),
        );
        apart('no-free-address', reason);
        continue;
      }
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
        // Two running pods with one address: no IPAM hands that out, and packets would reach either.
        d.error(
          'duplicate-ip',
          ipSource === 'status' ? ['status', 'podIP'] : ['spec', 'nodeName'],
          t(
            `pod IP ${ip.key} is also used by ${other}: two running pods never share an address (IPAM hands each out once)`,
            `파드 IP ${josa(ip.key, '을/를')} ${other}도 쓰고 있습니다. 실행 중인 두 파드가 주소를 함께 쓰는 일은 없습니다(IPAM은 주소를 한 번씩만 줍니다)`,
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

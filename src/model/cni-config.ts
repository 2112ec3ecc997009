// The files a node's container runtime finds in /etc/cni/net.d for the scenario's CNI, as the
// CNI's installer writes them (kube-flannel's cni-conf.json, calico's 10-calico.conflist with
// host-local on the node's podCIDR, cilium's 05-cilium.conflist, weave's 10-weave.conflist, a
// bridge + host-local .conf), and which one wins: the first in lexical order.
import type { ClusterNetwork } from '../k8s/types';
import type { TopologyNode } from './topology';

export const NET_D = '/etc/cni/net.d';
export const CNI_BIN = '/opt/cni/bin';
/** host-local's default state directory: one file per allocated address, holding the container ID. */
export const HOST_LOCAL_DIR = '/var/lib/cni/networks';

export interface CniConfigFile {
  /** The file's name in /etc/cni/net.d (or, for flannel's subnet.env, its full path). */
  readonly name: string;
  readonly text: string;
  /** A network configuration the runtime may choose (subnet.env is read by the flannel plugin). */
  readonly config: boolean;
}

export interface NetD {
  readonly files: readonly CniConfigFile[];
  /** The network configuration the runtime uses: the first `.conf`/`.conflist`/`.json` in lexical order. */
  readonly chosen: CniConfigFile;
  /** The network's name (host-local keeps its allocations under HOST_LOCAL_DIR/<name>). */
  readonly network: string;
  /** The plugin binaries the chosen configuration runs, in order (`/opt/cni/bin/<type>`). */
  readonly plugins: readonly string[];
  /** The IPAM plugin, and the range it allocates from on this node. */
  readonly ipam: { readonly type: string; readonly range: string };
}

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** The configuration files on `node` for `network`, in lexical order, and the one that wins. */
export function netD(network: Pick<ClusterNetwork, 'cni' | 'ipMasq'>, node: TopologyNode): NetD {
  const range = node.bridge.kind === 'bridge' && network.cni === 'weave' ? node.bridge.cidr : podRange(node);
  const files: CniConfigFile[] = [];
  let plugins: string[];
  let ipam: NetD['ipam'];
  let name: string;
  switch (network.cni) {
    case 'bridge':
      name = 'bridge';
      plugins = ['bridge', 'host-local'];
      ipam = { type: 'host-local', range };
      files.push({
        name: '10-bridge.conf',
        config: true,
        text: json({
          cniVersion: '1.0.0',
          name,
          type: 'bridge',
          bridge: node.bridge.name,
          isGateway: true,
          ipMasq: network.ipMasq === true,
          ipam: { type: 'host-local', ranges: [[{ subnet: range }]], routes: [{ dst: '0.0.0.0/0' }] },
        }),
      });
      break;
    case 'flannel':
      name = 'cbr0';
      plugins = ['flannel', 'bridge', 'host-local', 'portmap'];
      ipam = { type: 'host-local', range };
      files.push({
        name: '10-flannel.conflist',
        config: true,
        text: json({
          name,
          cniVersion: '0.3.1',
          plugins: [
            { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
            { type: 'portmap', capabilities: { portMappings: true } },
          ],
        }),
      });
      files.push({
        name: '/run/flannel/subnet.env',
        config: false,
        text: `FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=${node.bridge.ip}/${node.bridge.prefix}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n`,
      });
      break;
    case 'calico':
      name = 'k8s-pod-network';
      plugins = ['calico', 'host-local', 'portmap', 'bandwidth'];
      ipam = { type: 'host-local', range };
      files.push({
        name: '10-calico.conflist',
        config: true,
        text: json({
          name,
          cniVersion: '0.3.1',
          plugins: [
            {
              type: 'calico',
              datastore_type: 'kubernetes',
              nodename: node.name,
              mtu: 0,
              ipam: { type: 'host-local', subnet: 'usePodCidr' },
              policy: { type: 'k8s' },
              kubernetes: { kubeconfig: `${NET_D}/calico-kubeconfig` },
            },
            { type: 'portmap', snat: true, capabilities: { portMappings: true } },
            { type: 'bandwidth', capabilities: { bandwidth: true } },
          ],
        }),
      });
      break;
    case 'cilium':
      name = 'cilium';
      plugins = ['cilium-cni'];
      ipam = { type: 'cilium (its agent allocates)', range };
      files.push({
        name: '05-cilium.conflist',
        config: true,
        text: json({
          cniVersion: '0.3.1',
          name,
          plugins: [
            { type: 'cilium-cni', 'enable-debug': false, 'log-file': '/var/run/cilium/cilium-cni.log' },
          ],
        }),
      });
      break;
    case 'weave':
      name = 'weave';
      plugins = ['weave-net', 'portmap'];
      ipam = { type: 'weave (its own IPAM)', range };
      files.push({
        name: '10-weave.conflist',
        config: true,
        text: json({
          cniVersion: '0.3.0',
          name,
          plugins: [
            { name, type: 'weave-net', hairpinMode: true },
            { type: 'portmap', capabilities: { portMappings: true }, snat: true },
          ],
        }),
      });
      break;
  }
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files: sorted, chosen: firstConfig(sorted)!, network: name, plugins, ipam };
}

/** The file the runtime uses: the first network configuration in lexical (byte) order of names. */
export function firstConfig(files: readonly CniConfigFile[]): CniConfigFile | undefined {
  return files
    .filter((f) => f.config && /\.(conf|conflist|json)$/.test(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

function podRange(node: TopologyNode): string {
  return node.podCIDR ?? node.bridge.cidr;
}

// What a node's chosen /etc/cni/net.d file means for its datapath: the bridge's name, whether it
// holds the gateway address (isGateway), the pods' subnet and routes (host-local), who masquerades
// (ipMasq). The CNI's generated file gives the ClusterNetwork's settings; a CNIConfig of the
// scenario that wins on the node gives its own (k8s/cni-conf.ts read it).
import { chosenConfig, FLANNEL_NETWORK } from '../k8s/net-d';
import type { ClusterNetwork, CniConfigObject, CniName } from '../k8s/types';
import type { CniProfile } from './cni';
import type { Route } from './route-text';

/** A route the file gives the pod; without `via`, through the range's gateway. */
export type PodRoute = Pick<Route, 'destination' | 'via'>;

export interface NodeCni {
  /** The file the runtime uses on the node. */
  readonly file: string;
  /** The configuration files of the node's net.d, in the lexical order the runtime reads them. */
  readonly names: readonly string[];
  /** The scenario's CNIConfig that won, if one did and runs the scenario's CNI (it drives everything below). */
  readonly user?: { readonly name: string; readonly plugins: readonly string[]; readonly cni?: CniName };
  /** The scenario's CNIConfig files on this node, whichever won (plain data: the topology crosses to the page). */
  readonly userFiles: readonly { readonly name: string; readonly text: string; readonly broken: boolean }[];
  /** The Linux bridge's name (bridge and flannel; weave's is always `weave`). */
  readonly bridge: string;
  /** The bridge holds the gateway address (the bridge plugin's isGateway). */
  readonly isGateway: boolean;
  /** host-local's subnet (canonical CIDR) when the file gives one other than the node's podCIDR. */
  readonly subnet?: string;
  /** The range's gateway, when the file sets one (host-local's default is the subnet's first address). */
  readonly gateway?: string;
  /**
   * The pod's routes through the gateway when the file gives them (isDefaultGateway's default
   * route, host-local's ipam.routes); absent: the CNI's usual default route.
   */
  readonly podRoutes?: readonly PodRoute[];
  readonly masquerade: CniProfile['masquerade'];
}

/** The node's CNI settings: from its winning CNIConfig when that runs the scenario's CNI. */
export function nodeCni(
  network: Pick<ClusterNetwork, 'cni' | 'bridgeName'>,
  profile: CniProfile,
  configs: readonly CniConfigObject[],
  node: string,
): NodeCni {
  const pick = chosenConfig(network.cni, configs, node);
  const userFiles = configs
    .filter((c) => c.nodes === undefined || c.nodes.includes(node))
    .map((c) => ({ name: c.file, text: c.text, broken: c.conf === undefined }));
  const base = { file: pick.file, names: pick.names, userFiles };
  const conf = pick.user?.conf;
  if (!pick.user || !conf || conf.cni !== network.cni)
    return {
      ...base,
      bridge: network.bridgeName,
      isGateway: true,
      // flannel's delegate: isDefaultGateway, and ipam.routes gains FLANNEL_NETWORK (the pod network).
      ...(profile.cni === 'flannel'
        ? { podRoutes: [{ destination: 'default' }, { destination: FLANNEL_NETWORK }] }
        : {}),
      masquerade: profile.masquerade,
    };
  const subnet = conf.subnet === 'podCIDR' ? undefined : conf.subnet;
  const routes: PodRoute[] = [];
  if (profile.attachment === 'bridge') {
    // plugins/pkg/ipam ConfigureIface: a route without gw goes via the range's gateway; the bridge
    // plugin adds the default route for isDefaultGateway unless ipam already gave one.
    const hasDefault = conf.routes.some((r) => r.dst.prefix === 0);
    for (const r of conf.routes)
      routes.push({
        destination: r.dst.prefix === 0 ? 'default' : r.dst.canonical,
        ...(r.gw ? { via: r.gw.key } : {}),
      });
    if (conf.isDefaultGateway && !hasDefault) routes.push({ destination: 'default' });
    // `ip route` lists the default route first (the kernel's FIB dumps by prefix).
    routes.sort((a, b) => Number(b.destination === 'default') - Number(a.destination === 'default'));
  }
  return {
    ...base,
    user: { name: conf.name, plugins: conf.plugins, ...(conf.cni ? { cni: conf.cni } : {}) },
    bridge: conf.bridge ?? network.bridgeName,
    isGateway: profile.attachment !== 'bridge' || conf.isGateway,
    ...(subnet ? { subnet: subnet.canonical } : {}),
    ...(conf.gateway ? { gateway: conf.gateway.key } : {}),
    ...(profile.attachment === 'bridge' ? { podRoutes: routes } : {}),
    // The bridge plugin's ipMasq: everything from the pod not for its own subnet (other nodes' pods
    // too); flanneld masquerades traffic leaving the pod network on its own (FLANNEL_IPMASQ).
    masquerade: conf.ipMasq ? 'subnet' : profile.cni === 'bridge' ? 'none' : profile.masquerade,
  };
}

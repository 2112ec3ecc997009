// The files a node's container runtime finds in /etc/cni/net.d for the scenario's CNI, as the
// CNI's installer writes them (kube-flannel's cni-conf.json, calico's 10-calico.conflist with
// host-local on the node's podCIDR, cilium's 05-cilium.conflist, weave's 10-weave.conflist, a
// bridge + host-local .conf), and which one wins: the first in lexical order.
import { byteOrder, DEFAULT_CNI_BRIDGE, GENERATED_CONFIG_FILE, isConfigFileName } from '../k8s/net-d';
import type { ClusterNetwork } from '../k8s/types';
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
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
  /** The scenario's own file (a CNIConfig), not the one the CNI's installer wrote. */
  readonly user?: boolean;
  /** The runtime cannot load it (invalid JSON, no type, …): it skips the file. */
  readonly broken?: boolean;
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
  /** Why the chosen file won. */
  readonly why: LocalText;
}

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** The configuration files on `node` for `network`, in lexical order, and the one that wins. */
export function netD(
  network: Pick<ClusterNetwork, 'cni' | 'ipMasq' | 'bridgeName'>,
  node: TopologyNode,
): NetD {
  const generated = generatedNetD(network, node);
  const cni = node.cni;
  const user = cni.userFiles.map((c): CniConfigFile => ({
    name: c.name,
    text: c.text,
    config: isConfigFileName(c.name),
    user: true,
    ...(c.broken ? { broken: true } : {}),
  }));
  const files = [...generated.files.filter((f) => !user.some((u) => u.name === f.name)), ...user].sort(
    (a, b) => byteOrder(a.name, b.name),
  );
  const chosen = files.find((f) => f.name === cni.file && f.config) ?? generated.chosen;
  const skipped = files.filter((f) => f.broken && byteOrder(f.name, chosen.name) < 0).map((f) => f.name);
  const why = whyChosen(chosen, files, skipped, generated.chosen.name);
  const conf = cni.user;
  if (!chosen.user || !conf) return { ...generated, files, chosen, why };
  const hostLocal = conf.cni === 'bridge' || conf.cni === 'flannel' || cni.subnet !== undefined;
  return {
    files,
    chosen,
    network: conf.name || generated.network,
    plugins:
      conf.cni === 'bridge' || conf.cni === 'flannel'
        ? [
            ...conf.plugins.slice(0, 1),
            ...(conf.cni === 'flannel' ? ['bridge'] : []),
            'host-local',
            ...conf.plugins.slice(1),
          ]
        : conf.plugins,
    ipam: hostLocal ? { type: 'host-local', range: node.bridge.cidr } : generated.ipam,
    why,
  };
}

function whyChosen(
  chosen: CniConfigFile,
  files: readonly CniConfigFile[],
  skipped: readonly string[],
  generated: string,
): LocalText {
  const configs = files.filter((f) => f.config);
  const skip = skipped.length
    ? t(
        ` (${skipped.join(', ')} cannot be loaded and is skipped)`,
        `(${josa(skipped.join(', '), '은/는')} 읽을 수 없어 건너뜀)`,
      )
    : t('', '');
  if (chosen.user && chosen.name === generated)
    return configs.length > 1
      ? t(
          `The scenario's ${chosen.name} replaces the file the CNI installed under that name; it comes first in lexical order${skip.en}.`,
          `시나리오의 ${josa(chosen.name, '은/는')} CNI가 같은 이름으로 설치한 파일을 대신하며 이름 순서로 맨 앞입니다${skip.ko}.`,
        )
      : t(
          `The scenario's ${chosen.name} replaces the file the CNI installed under that name; it is the only network configuration in ${NET_D}.`,
          `시나리오의 ${josa(chosen.name, '은/는')} CNI가 같은 이름으로 설치한 파일을 대신하며 ${NET_D}의 유일한 네트워크 설정입니다.`,
        );
  if (configs.length === 1)
    return t(
      `${chosen.name} is the only network configuration in ${NET_D}.`,
      `${josa(chosen.name, '이/가')} ${NET_D}의 유일한 네트워크 설정입니다.`,
    );
  return t(
    `${chosen.name} comes first in lexical (byte) order of the names${skip.en}; the runtime ignores the rest.`,
    `이름의 사전(바이트) 순서로 ${josa(chosen.name, '이/가')} 맨 앞입니다${skip.ko}. 런타임은 나머지를 쓰지 않습니다.`,
  );
}

/** The files the CNI's installer writes on `node`, and the one that wins among them. */
function generatedNetD(
  network: Pick<ClusterNetwork, 'cni' | 'ipMasq' | 'bridgeName'>,
  node: TopologyNode,
): Omit<NetD, 'why'> {
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
        name: GENERATED_CONFIG_FILE.bridge,
        config: true,
        text: json({
          cniVersion: '1.0.0',
          name,
          type: 'bridge',
          bridge: network.bridgeName,
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
        name: GENERATED_CONFIG_FILE.flannel,
        config: true,
        text: json({
          name,
          cniVersion: '0.3.1',
          plugins: [
            {
              type: 'flannel',
              // The delegate bridge plugin names its bridge cni0 unless told otherwise.
              delegate: {
                ...(network.bridgeName !== DEFAULT_CNI_BRIDGE ? { bridge: network.bridgeName } : {}),
                hairpinMode: true,
                isDefaultGateway: true,
              },
            },
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
        name: GENERATED_CONFIG_FILE.calico,
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
        name: GENERATED_CONFIG_FILE.cilium,
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
        name: GENERATED_CONFIG_FILE.weave,
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
  const sorted = [...files].sort((a, b) => byteOrder(a.name, b.name));
  return { files: sorted, chosen: firstConfig(sorted)!, network: name, plugins, ipam };
}

/** The file the runtime uses: the first network configuration in lexical (byte) order of names. */
export function firstConfig(files: readonly CniConfigFile[]): CniConfigFile | undefined {
  return files
    .filter((f) => f.config && !f.broken && isConfigFileName(f.name))
    .sort((a, b) => byteOrder(a.name, b.name))[0];
}

function podRange(node: TopologyNode): string {
  return node.podCIDR ?? node.bridge.cidr;
}

/**
 * A file of net.d as a scenario object (`netlab.dev/v1 CNIConfig`), its JSON in a literal block so
 * it reads as the file does; `nodes` when the file is one node's own (its host-local subnet).
 */
export function cniConfigDocument(file: CniConfigFile, nodes?: readonly string[]): string {
  const body = file.text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
  return [
    'apiVersion: netlab.dev/v1',
    'kind: CNIConfig',
    'metadata:',
    `  name: ${file.name}`,
    'spec:',
    ...(nodes && nodes.length ? [`  nodes: [${nodes.join(', ')}]`] : []),
    '  config: |',
    body,
    '',
  ].join('\n');
}

/** `text` with `doc` appended as its own YAML document. */
export function withDocument(text: string, doc: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n---\n${doc}` : doc;
}

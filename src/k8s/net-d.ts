// A node's /etc/cni/net.d: the file each CNI's installer writes, the names libcni reads, and which
// file the runtime picks: the first loadable network configuration in byte order of the names.
import type { CniConfigObject, CniName } from './types';

/** The file each CNI's installer writes (model/cni-config.ts builds its text). */
export const GENERATED_CONFIG_FILE: Readonly<Record<CniName, string>> = {
  bridge: '10-bridge.conf',
  flannel: '10-flannel.conflist',
  calico: '10-calico.conflist',
  cilium: '05-cilium.conflist',
  weave: '10-weave.conflist',
};

/** The bridge plugin's default bridge (plugins/main/bridge: defaultBrName). */
export const DEFAULT_CNI_BRIDGE = 'cni0';
/** flannel's FLANNEL_NETWORK in netlab: the default pod network (its subnet.env route for pods). */
export const FLANNEL_NETWORK = '10.244.0.0/16';

/** libcni's ConfFiles reads only these extensions; anything else in net.d is not a network config. */
export const CONFIG_EXTENSIONS = ['.conf', '.conflist', '.json'] as const;
export const isConfigFileName = (name: string): boolean => CONFIG_EXTENSIONS.some((e) => name.endsWith(e));

/** The user's file the runtime on `node` picks over the generated one, if one wins. */
export interface ChosenConfig {
  /** The winning file's name, and every configuration file the node's net.d holds, sorted. */
  readonly file: string;
  readonly names: readonly string[];
  /** The user's object, when theirs won; undefined when the CNI's generated file did. */
  readonly user?: CniConfigObject;
}

/**
 * The node's /etc/cni/net.d: the CNI's generated file, replaced by a user file of the same name,
 * plus the user's files for this node; libcni sorts the names (Go's sort.Strings: byte order) and
 * the runtime takes the first configuration it can load. A broken user file is skipped.
 */
export function chosenConfig(
  cni: CniName,
  configs: readonly CniConfigObject[],
  node: string | undefined,
): ChosenConfig {
  const mine = configs.filter(
    (c) =>
      (c.nodes === undefined || (node !== undefined && c.nodes.includes(node))) && isConfigFileName(c.file),
  );
  const generated = GENERATED_CONFIG_FILE[cni];
  const names = [...new Set([generated, ...mine.map((c) => c.file)])].sort(byteOrder);
  for (const name of names) {
    const user = mine.find((c) => c.file === name);
    if (!user) return { file: name, names };
    if (user.conf) return { file: name, names, user };
  }
  return { file: generated, names };
}

export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// A CNI network configuration (a file in /etc/cni/net.d) read as the real plugins read it: the
// fields netlab simulates (the bridge plugin's bridge, isGateway, isDefaultGateway, ipMasq;
// host-local's subnet, ranges, gateway and routes; flannel's delegate), every other field named
// as not simulated or unknown to the plugin. Which file a node uses is net-d.ts's.
import { parseCidr, parseIp, type Cidr, type IpAddress } from '../lib/ip';
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import { closestName } from './decoder';
import { FieldChecker, pathText, type Dict } from './field-checker';
import type { FieldPath } from './source';
import { DEFAULT_CNI_BRIDGE, FLANNEL_NETWORK } from './net-d';
import type { CniName, NetConf, NetConfRoute } from './types';

/** Plugin types → the CNI netlab models for them. */
const MAIN_TYPES: Readonly<Record<string, CniName>> = {
  bridge: 'bridge',
  flannel: 'flannel',
  calico: 'calico',
  'cilium-cni': 'cilium',
  'weave-net': 'weave',
};
/** Real plugins netlab does not simulate: as the main plugin or chained after it. */
const OTHER_TYPES = [
  'ptp',
  'macvlan',
  'ipvlan',
  'host-device',
  'loopback',
  'vlan',
  'dummy',
  'tap',
  'vrf',
  'portmap',
  'bandwidth',
  'tuning',
  'firewall',
  'sbr',
];

/** Fields of every network configuration (the CNI spec's), never warned about. */
const COMMON = ['cniVersion', 'name', 'type', 'capabilities', 'runtimeConfig', 'args', 'prevResult', 'dns'];
/** plugins/main/bridge's NetConf; the first five are simulated. */
const BRIDGE_SIMULATED = ['bridge', 'isGateway', 'isDefaultGateway', 'ipMasq', 'ipam'];
const BRIDGE_OTHER = [
  'ipMasqBackend',
  'forceAddress',
  'mtu',
  'hairpinMode',
  'promiscMode',
  'vlan',
  'vlanTrunk',
  'preserveDefaultVlan',
  'macspoofchk',
  'enabledad',
  'disableContainerInterface',
  'portIsolation',
];
/** plugins/ipam/host-local's IPAMConfig (with the legacy single range's fields). */
const HOST_LOCAL_SIMULATED = ['type', 'subnet', 'gateway', 'ranges', 'routes'];
const HOST_LOCAL_OTHER = ['rangeStart', 'rangeEnd', 'dataDir', 'resolvConf'];
/** Known fields of the other main plugins (none simulated beyond ipam). */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  flannel: ['delegate', 'subnetFile', 'dataDir', 'ipam'],
  calico: [
    'datastore_type',
    'nodename',
    'nodename_file_optional',
    'mtu',
    'ipam',
    'policy',
    'kubernetes',
    'log_level',
    'log_file_path',
    'etcd_endpoints',
    'container_settings',
  ],
  'cilium-cni': ['enable-debug', 'log-file', 'chaining-mode'],
  'weave-net': ['hairpinMode'],
};

/**
 * Reads one network configuration (a `.conf` object, or a `.conflist` with `plugins`) through
 * `c`, whose paths are relative to the configuration. Undefined when the runtime cannot use it.
 */
export function readNetConf(c: FieldChecker, value: unknown, file: string): NetConf | undefined {
  const conf = c.map(value, []);
  if (!conf) return undefined;
  const list = file.endsWith('.conflist') || (!file.endsWith('.conf') && conf.plugins !== undefined);
  let main: Dict | undefined;
  let mainPath: FieldPath = [];
  const types: string[] = [];
  const name = c.string(conf.name, ['name']) ?? '';
  if (list) {
    const plugins = c.list(conf.plugins, ['plugins']);
    if (!plugins || plugins.length === 0) {
      c.error(
        'cni-config',
        conf.plugins === undefined ? [] : ['plugins'],
        t(
          `${file}: a .conflist needs a non-empty "plugins" list (libcni: no 'plugins' key)`,
          `${file}: .conflist에는 비어 있지 않은 "plugins" 목록이 있어야 합니다(libcni: no 'plugins' key)`,
        ),
      );
      return undefined;
    }
    for (const key of Object.keys(conf))
      if (!['cniVersion', 'cniVersions', 'name', 'plugins', 'disableCheck', 'disableGC'].includes(key))
        notSimulated(c, [key], key);
    plugins.forEach((p, i) => {
      const m = c.map(p, ['plugins', i]);
      const type = m ? pluginType(c, m, ['plugins', i]) : undefined;
      if (type === undefined) return;
      types.push(type);
      if (i === 0) {
        main = m;
        mainPath = ['plugins', 0];
      } else if (!Object.hasOwn(MAIN_TYPES, type)) notSimulatedPlugin(c, ['plugins', i, 'type'], type);
    });
  } else {
    const type = pluginType(c, conf, []);
    if (type !== undefined) {
      types.push(type);
      main = conf;
    }
  }
  if (!main || types.length === 0) return undefined;
  const type = types[0]!;
  const cni = Object.hasOwn(MAIN_TYPES, type) ? MAIN_TYPES[type]! : undefined;
  const base = { name, plugins: types, ...(cni ? { cni } : {}) };
  const at = (...p: FieldPath): FieldPath => [...mainPath, ...p];
  switch (cni) {
    case 'bridge':
      return readBridge(c, main, at, base, undefined);
    case 'flannel': {
      checkFields(c, main, at(), [...COMMON, ...KNOWN.flannel!], []);
      const delegate = c.map(main.delegate, at('delegate')) ?? {};
      // flannel's doCmdAdd: the delegate's type defaults to bridge, ipMasq to !FLANNEL_IPMASQ (false:
      // flanneld masquerades), isGateway to true; ipam.ranges is FLANNEL_SUBNET from subnet.env and
      // ipam.routes gains FLANNEL_NETWORK (flannel-io/cni-plugin, flannel_linux.go).
      const dtype = c.string(delegate.type, at('delegate', 'type')) ?? 'bridge';
      if (dtype !== 'bridge') {
        notSimulatedPlugin(c, at('delegate', 'type'), dtype);
        return {
          ...base,
          isGateway: true,
          isDefaultGateway: false,
          ipMasq: false,
          subnet: 'podCIDR',
          routes: [],
        };
      }
      if (main.ipam !== undefined) notSimulated(c, at('ipam'), 'ipam');
      const network = parseCidr(FLANNEL_NETWORK)!;
      return readBridge(c, { isGateway: true, ...delegate }, (...p) => at('delegate', ...p), base, {
        subnet: 'podCIDR',
        routes: [{ dst: network }],
      });
    }
    case 'calico': {
      checkFields(c, main, at(), [...COMMON, ...KNOWN.calico!], ['ipam']);
      const ipam = c.map(main.ipam, at('ipam'));
      let subnet: NetConf['subnet'] = 'podCIDR';
      if (ipam) {
        const ipamType = c.string(ipam.type, at('ipam', 'type'));
        if (ipamType === 'host-local') {
          const s = c.string(ipam.subnet, at('ipam', 'subnet'));
          if (s !== undefined && s !== 'usePodCidr')
            subnet = cidrField(c, s, at('ipam', 'subnet')) ?? 'podCIDR';
        } else if (ipamType !== undefined)
          c.report(
            'warning',
            'cni-not-simulated',
            at('ipam', 'type'),
            t(
              `ipam.type ${quote(ipamType)}: netlab keeps each node's podCIDR (calico-ipam hands out /26 blocks of an IPPool)`,
              `ipam.type ${quote(ipamType)}: netlab은 노드마다 podCIDR를 그대로 씁니다(calico-ipam은 IPPool에서 /26 블록을 나눠 줍니다)`,
            ),
          );
      }
      return { ...base, isGateway: false, isDefaultGateway: true, ipMasq: false, subnet, routes: [] };
    }
    case 'cilium':
    case 'weave':
      checkFields(c, main, at(), [...COMMON, ...KNOWN[type]!], []);
      return {
        ...base,
        isGateway: true,
        isDefaultGateway: true,
        ipMasq: false,
        subnet: 'podCIDR',
        routes: [],
      };
    default:
      notSimulatedPlugin(c, at('type'), type);
      return {
        ...base,
        isGateway: false,
        isDefaultGateway: false,
        ipMasq: false,
        subnet: 'podCIDR',
        routes: [],
      };
  }
}

/** The bridge plugin's fields (plugins/main/bridge/bridge.go): defaults as its loadNetConf sets them. */
function readBridge(
  c: FieldChecker,
  m: Dict,
  at: (...p: FieldPath) => FieldPath,
  base: Pick<NetConf, 'name' | 'plugins' | 'cni'>,
  flannel: { subnet: 'podCIDR'; routes: NetConfRoute[] } | undefined,
): NetConf | undefined {
  checkFields(c, m, at(), [...COMMON, ...BRIDGE_SIMULATED, ...BRIDGE_OTHER], BRIDGE_SIMULATED);
  let bridge = DEFAULT_CNI_BRIDGE;
  const b = c.string(m.bridge, at('bridge'));
  if (b !== undefined) {
    // The kernel's dev_valid_name: 1-15 bytes (IFNAMSIZ), no "/", ":" or white space.
    if (/^[^\s/:]{1,15}$/.test(b) && b !== '.' && b !== '..') bridge = b;
    else
      c.error(
        'interface-name',
        at('bridge'),
        t(
          `bridge: ${quote(b)} is not a Linux interface name (up to 15 characters, no "/", ":" or spaces)`,
          `bridge: ${josa(quote(b), '은/는')} 리눅스 인터페이스 이름이 아닙니다("/", ":", 공백 없이 15자 이내)`,
        ),
      );
  }
  const isDefaultGateway = c.bool(m.isDefaultGateway, at('isDefaultGateway')) ?? false;
  // "if n.IsDefaultGW { n.IsGW = true }": a default gateway must be the bridge's address.
  const isGateway = (c.bool(m.isGateway, at('isGateway')) ?? false) || isDefaultGateway;
  const ipMasq = c.bool(m.ipMasq, at('ipMasq')) ?? false;
  if (flannel) return { ...base, bridge, isGateway, isDefaultGateway, ipMasq, ...flannel };
  const ipam = c.map(m.ipam, at('ipam'));
  if (!ipam) {
    c.error(
      'cni-config',
      m.ipam === undefined ? at('type') : at('ipam'),
      t(
        'the bridge plugin needs an "ipam" section to give the pod an address (e.g. host-local with a subnet)',
        'bridge 플러그인이 파드에 주소를 주려면 "ipam" 설정이 있어야 합니다(예: subnet을 쓴 host-local)',
      ),
    );
    return undefined;
  }
  const hl = readHostLocal(c, ipam, (...p) => at('ipam', ...p));
  return hl ? { ...base, bridge, isGateway, isDefaultGateway, ipMasq, ...hl } : undefined;
}

/** host-local's range and routes: `subnet` (the legacy single range) or `ranges[0][0]`. */
function readHostLocal(
  c: FieldChecker,
  ipam: Dict,
  at: (...p: FieldPath) => FieldPath,
): Pick<NetConf, 'subnet' | 'gateway' | 'routes'> | undefined {
  const type = c.string(ipam.type, at('type'));
  if (type !== 'host-local') {
    if (type !== undefined) notSimulatedPlugin(c, at('type'), type);
    else c.error('cni-config', at(), t('ipam: "type" is required', 'ipam: "type"이 필요합니다'));
    return undefined;
  }
  checkFields(c, ipam, at(), [...HOST_LOCAL_SIMULATED, ...HOST_LOCAL_OTHER], HOST_LOCAL_SIMULATED);
  let rangeAt = at();
  let range: Dict | undefined = ipam.subnet !== undefined ? ipam : undefined;
  if (!range) {
    const sets = c.list(ipam.ranges, at('ranges'));
    const first = sets?.[0] !== undefined ? c.list(sets[0], at('ranges', 0)) : undefined;
    rangeAt = at('ranges', 0, 0);
    range = first?.[0] !== undefined ? c.map(first[0], rangeAt) : undefined;
    if (sets && sets.length > 1)
      notSimulated(c, at('ranges', 1), 'ranges[1]', t('one address per pod', '파드마다 주소 하나'));
  }
  const subnetText = range ? c.string(range.subnet, [...rangeAt, 'subnet']) : undefined;
  if (subnetText === undefined) {
    // host-local's LoadIPAMConfig: "no IP ranges specified".
    c.error(
      'cni-config',
      range ? rangeAt : at(),
      t(
        'host-local has no range: set "subnet" (or "ranges": [[{"subnet": …}]]) — host-local fails with "no IP ranges specified"',
        'host-local에 범위가 없습니다. "subnet"(또는 "ranges": [[{"subnet": …}]])을 쓰세요. host-local은 "no IP ranges specified"로 실패합니다',
      ),
    );
    return undefined;
  }
  const subnet = cidrField(c, subnetText, [...rangeAt, 'subnet']);
  if (!subnet) return undefined;
  if (range && range !== ipam)
    checkFields(c, range, rangeAt, ['subnet', 'gateway', 'rangeStart', 'rangeEnd'], ['subnet', 'gateway']);
  const gwText = range ? c.string(range.gateway, [...rangeAt, 'gateway']) : undefined;
  const gateway = gwText !== undefined ? ipField(c, gwText, [...rangeAt, 'gateway']) : undefined;
  const routes: NetConfRoute[] = [];
  (c.list(ipam.routes, at('routes')) ?? []).forEach((r, i) => {
    const m = c.map(r, at('routes', i));
    if (!m) return;
    const dstText = c.string(m.dst, at('routes', i, 'dst'));
    const dst = dstText !== undefined ? cidrField(c, dstText, at('routes', i, 'dst')) : undefined;
    const gwT = c.string(m.gw, at('routes', i, 'gw'));
    const gw = gwT !== undefined ? ipField(c, gwT, at('routes', i, 'gw')) : undefined;
    if (dst) routes.push({ dst, ...(gw ? { gw } : {}) });
  });
  return { subnet, ...(gateway ? { gateway } : {}), routes };
}

function pluginType(c: FieldChecker, m: Dict, at: FieldPath): string | undefined {
  const type = c.string(m.type, [...at, 'type']);
  if (type === undefined) {
    c.error(
      'cni-config',
      at,
      t(
        '"type" is required: the plugin binary to run',
        '"type"이 필요합니다: 실행할 플러그인 바이너리입니다',
      ),
    );
    return undefined;
  }
  if (Object.hasOwn(MAIN_TYPES, type) || OTHER_TYPES.includes(type)) return type;
  const guess = closestName(type, [...Object.keys(MAIN_TYPES), ...OTHER_TYPES]);
  // libcni's FindInPath: the runtime fails the pod's ADD and the pod stays ContainerCreating.
  c.error(
    'cni-plugin-type',
    [...at, 'type'],
    t(
      `unknown plugin type ${quote(type)}: the runtime fails with failed to find plugin "${type}" in path [/opt/cni/bin]`,
      `알 수 없는 플러그인 type ${quote(type)}: 런타임이 failed to find plugin "${type}" in path [/opt/cni/bin] 오류로 실패합니다`,
    ),
    guess ? t(`did you mean ${quote(guess)}?`, `혹시 ${quote(guess)} 말인가요?`) : undefined,
  );
  return undefined;
}

/**
 * Warns about each field netlab does not simulate (the plugin reads it; the drawing ignores it) and
 * each field the plugin does not know (Go's JSON decoding drops it without a word).
 */
function checkFields(
  c: FieldChecker,
  m: Dict,
  at: FieldPath,
  known: readonly string[],
  simulated: readonly string[],
): void {
  for (const key of Object.keys(m)) {
    if (COMMON.includes(key) || simulated.includes(key)) continue;
    if (known.includes(key)) {
      notSimulated(c, [...at, key], key);
      continue;
    }
    const guess = closestName(key, known);
    c.report(
      'warning',
      'cni-unknown-field',
      [...at, key],
      t(
        `${quote(key)}: the plugin has no such field and ignores it`,
        `${quote(key)}: 플러그인에 없는 필드라 무시됩니다`,
      ),
      guess
        ? t(`did you mean ${quote(guess)}?`, `혹시 ${quote(guess)} 말인가요?`)
        : t(
            'Go’s JSON decoding drops unknown fields silently',
            'Go의 JSON 디코딩은 모르는 필드를 조용히 버립니다',
          ),
      'key',
    );
  }
}

function notSimulated(c: FieldChecker, path: FieldPath, field: string, assumed?: ReturnType<typeof t>): void {
  c.report(
    'warning',
    'cni-not-simulated',
    path,
    t(
      `${field}: netlab does not simulate this field; the drawing and traces ignore it${assumed ? ` (they assume ${assumed.en})` : ''}`,
      `${field}: netlab은 이 필드를 흉내 내지 않습니다. 그림과 패킷 여정에는 반영되지 않습니다${assumed ? `(${assumed.ko}로 가정)` : ''}`,
    ),
    undefined,
    'key',
  );
}

function notSimulatedPlugin(c: FieldChecker, path: FieldPath, type: string): void {
  c.report(
    'warning',
    'cni-not-simulated',
    path,
    t(
      `plugin ${quote(type)}: netlab does not simulate it; the drawing and traces ignore what it does`,
      `플러그인 ${quote(type)}: netlab은 이 플러그인을 흉내 내지 않습니다. 그림과 패킷 여정에는 반영되지 않습니다`,
    ),
  );
}

function cidrField(c: FieldChecker, text: string, path: FieldPath): Cidr | undefined {
  const cidr = parseCidr(text);
  if (cidr && cidr.family === 4) return cidr;
  c.error(
    'cidr',
    path,
    t(
      `${pathText(path)}: ${quote(text)} is not an IPv4 CIDR (e.g. 10.244.1.0/24)`,
      `${pathText(path)}: ${josa(quote(text), '은/는')} IPv4 CIDR가 아닙니다(예: 10.244.1.0/24)`,
    ),
  );
  return undefined;
}

function ipField(c: FieldChecker, text: string, path: FieldPath): IpAddress | undefined {
  const ip = parseIp(text);
  if (ip && ip.family === 4) return ip;
  c.error(
    'ip',
    path,
    t(
      `${pathText(path)}: ${quote(text)} is not an IPv4 address`,
      `${pathText(path)}: ${josa(quote(text), '은/는')} IPv4 주소가 아닙니다`,
    ),
  );
  return undefined;
}

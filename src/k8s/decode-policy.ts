// NetworkPolicy (networking.k8s.io/v1): validation as the API server does it, the API's
// defaulting (protocol TCP; policyTypes), and lint warnings for mistakes that validate but
// rarely mean what their author wanted.
import { cidrWithin, hasHostBits, parseCidr, type Cidr } from '../lib/ip';
import { quote } from '../lib/user-text';
import { Decoder, isPortName, pathText, type Dict } from './decoder';
import type { FieldPath } from './source';
import type {
  IpBlock,
  LabelSelector,
  NetworkPolicy,
  PolicyPeer,
  PolicyPort,
  PolicyRule,
  PolicyType,
} from './types';
import { t } from '../lib/text';
import { josa } from '../lib/korean';

/** Decodes spec of a NetworkPolicy whose metadata the caller already read. */
export function decodeNetworkPolicy(d: Decoder, obj: Dict, name: string, namespace: string): NetworkPolicy {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  if (obj.spec === undefined || obj.spec === null) {
    // The API server stores it with an empty podSelector and policyTypes [Ingress]: deny-all ingress.
    d.report(
      'warning',
      'missing-spec',
      [],
      t(
        'this NetworkPolicy has no spec: it selects every pod of its namespace and denies them all ingress',
        '이 NetworkPolicy에는 spec이 없습니다: 네임스페이스의 모든 파드를 선택해 인그레스를 모두 차단합니다',
      ),
      t(
        'if that is the intent, write it out: spec: {podSelector: {}, policyTypes: [Ingress]}',
        '의도한 것이라면 명시하세요: spec: {podSelector: {}, policyTypes: [Ingress]}',
      ),
    );
  }
  let podSelector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  if (spec.podSelector === undefined) {
    if (obj.spec !== undefined && obj.spec !== null) {
      d.report(
        'warning',
        'missing-pod-selector',
        ['spec'],
        t(
          'spec.podSelector is missing, so this policy selects every pod in the namespace',
          'spec.podSelector가 없으므로 이 정책은 네임스페이스의 모든 파드를 선택합니다',
        ),
        t(
          'write `podSelector: {}` to say so, or add matchLabels for the pods you mean',
          '그 뜻이라면 `podSelector: {}`라고 쓰고, 아니라면 대상 파드의 matchLabels를 적으세요',
        ),
        'key',
      );
    }
  } else {
    podSelector = d.selector(spec.podSelector, ['spec', 'podSelector']);
  }

  const ingressRaw = d.list(spec.ingress, ['spec', 'ingress']);
  const egressRaw = d.list(spec.egress, ['spec', 'egress']);
  const ingress = (ingressRaw ?? []).map((r, i) => decodeRule(d, r, ['spec', 'ingress', i], 'from'));
  const egress = (egressRaw ?? []).map((r, i) => decodeRule(d, r, ['spec', 'egress', i], 'to'));

  const explicitTypes = decodePolicyTypes(d, spec.policyTypes);
  const policyTypesDefaulted = explicitTypes.length === 0;
  // Defaulting (API server): policyTypes = [Ingress] + [Egress if spec.egress has rules].
  const policyTypes: PolicyType[] = policyTypesDefaulted
    ? egress.length > 0
      ? ['Ingress', 'Egress']
      : ['Ingress']
    : explicitTypes;

  if (!policyTypesDefaulted) {
    warnIgnoredRules(d, 'Ingress', policyTypes, ingress.length);
    warnIgnoredRules(d, 'Egress', policyTypes, egress.length);
  }

  return {
    namespace,
    name,
    podSelector,
    policyTypes,
    policyTypesDefaulted,
    ingress,
    egress,
    source: { file: d.file, at: d.raw.at },
  };
}

function decodePolicyTypes(d: Decoder, value: unknown): PolicyType[] {
  const list = d.list(value, ['spec', 'policyTypes']) ?? [];
  const out: PolicyType[] = [];
  list.forEach((v, i) => {
    const p = ['spec', 'policyTypes', i];
    if (v !== 'Ingress' && v !== 'Egress') {
      const fixed = typeof v === 'string' ? v.charAt(0).toUpperCase() + v.slice(1).toLowerCase() : '';
      d.error(
        'policy-type',
        p,
        t(
          `spec.policyTypes: unsupported value ${quote(v)}: use Ingress or Egress`,
          `spec.policyTypes: 지원하지 않는 값 ${quote(v)}: Ingress 또는 Egress를 쓰세요`,
        ),
        fixed === 'Ingress' || fixed === 'Egress'
          ? t(`the values are case-sensitive: ${fixed}`, `대소문자를 구분합니다: ${fixed}`)
          : undefined,
      );
      return;
    }
    if (out.includes(v)) {
      d.report(
        'warning',
        'duplicate-policy-type',
        p,
        t(`spec.policyTypes lists ${v} twice`, `spec.policyTypes에 ${josa(v, '이/가')} 두 번 있습니다`),
      );
      return;
    }
    out.push(v);
  });
  if (list.length > 2) {
    d.error(
      'policy-type',
      ['spec', 'policyTypes'],
      t(
        'spec.policyTypes may not have more than two entries',
        'spec.policyTypes에는 항목이 두 개까지만 올 수 있습니다',
      ),
    );
  }
  return out;
}

function warnIgnoredRules(
  d: Decoder,
  type: PolicyType,
  types: readonly PolicyType[],
  ruleCount: number,
): void {
  if (types.includes(type) || ruleCount === 0) return;
  const field = type === 'Ingress' ? 'ingress' : 'egress';
  d.report(
    'warning',
    'rules-ignored',
    ['spec', field],
    t(
      `spec.${field} has rules but spec.policyTypes does not list ${type}: they are ignored`,
      `spec.${field}에 규칙이 있지만 spec.policyTypes에 ${type}가 없어 무시됩니다`,
    ),
    t(
      `add "- ${type}" to policyTypes, or remove spec.${field}`,
      `policyTypes에 "- ${type}"를 추가하거나 spec.${field}를 지우세요`,
    ),
    'key',
  );
}

function decodeRule(d: Decoder, raw: unknown, path: FieldPath, peerField: 'from' | 'to'): PolicyRule {
  const rule = d.map(raw, path) ?? {};
  const peersRaw = d.list(rule[peerField], [...path, peerField]);
  const peers =
    peersRaw && peersRaw.length > 0
      ? peersRaw.map((p, i) => decodePeer(d, p, [...path, peerField, i]))
      : null;
  if (peersRaw) warnSplitSelectors(d, peersRaw, [...path, peerField]);
  const portsRaw = d.list(rule.ports, [...path, 'ports']) ?? [];
  const ports = portsRaw.map((p, i) => decodePort(d, p, [...path, 'ports', i]));
  return { peers, ports };
}

function decodePeer(d: Decoder, raw: unknown, path: FieldPath): PolicyPeer {
  const peer = d.map(raw, path) ?? {};
  const has = (k: string): boolean => peer[k] !== undefined && peer[k] !== null;
  const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter(has).length;
  if (count === 0) {
    d.error(
      'empty-peer',
      path,
      t(
        `${pathText(path)}: must specify a peer (podSelector, namespaceSelector or ipBlock)`,
        `${pathText(path)}: 피어(podSelector, namespaceSelector, ipBlock)를 지정해야 합니다`,
      ),
      t(
        'to allow everyone, leave out from/to entirely instead of writing an empty item',
        '모두 허용하려면 빈 항목 대신 from/to 자체를 생략하세요',
      ),
    );
  } else if (has('ipBlock') && count > 1) {
    d.error(
      'ipblock-with-selector',
      path,
      t(
        `${pathText(path)}: may not specify both ipBlock and another peer`,
        `${pathText(path)}: ipBlock과 다른 피어를 한 항목에 함께 쓸 수 없습니다`,
      ),
      t(
        'make them separate list items (each starting with "- "); they are then ORed',
        '각각 "- "로 시작하는 별도 항목으로 나누세요. 그러면 OR로 묶입니다',
      ),
    );
  }
  const out: { -readonly [K in keyof PolicyPeer]: PolicyPeer[K] } = {};
  if (has('podSelector')) out.podSelector = d.selector(peer.podSelector, [...path, 'podSelector']);
  if (has('namespaceSelector'))
    out.namespaceSelector = d.selector(peer.namespaceSelector, [...path, 'namespaceSelector']);
  if (has('ipBlock')) {
    const block = decodeIpBlock(d, peer.ipBlock, [...path, 'ipBlock']);
    if (block) out.ipBlock = block;
  }
  return out;
}

function decodeIpBlock(d: Decoder, raw: unknown, path: FieldPath): IpBlock | undefined {
  const m = d.map(raw, path) ?? {};
  const cidrText = d.string(m.cidr, [...path, 'cidr']);
  if (cidrText === undefined) {
    d.error(
      'required',
      path,
      t(`${pathText(path)}.cidr: required`, `${pathText(path)}.cidr: 필수 항목입니다`),
    );
    return undefined;
  }
  const cidr = checkCidr(d, cidrText, [...path, 'cidr']);
  const except: Cidr[] = [];
  (d.list(m.except, [...path, 'except']) ?? []).forEach((e, i) => {
    const p = [...path, 'except', i];
    const text = d.string(e, p);
    if (text === undefined) return;
    const c = checkCidr(d, text, p);
    if (!c || !cidr) return;
    if (!cidrWithin(c, cidr, true)) {
      d.error(
        'except-outside',
        p,
        t(
          `${pathText(p)}: ${text} must be a strict subset of cidr ${cidrText}`,
          `${pathText(p)}: ${josa(text, '은/는')} cidr ${cidrText}의 진부분집합이어야 합니다`,
        ),
      );
      return;
    }
    except.push(c);
  });
  return cidr ? { cidr, except } : undefined;
}

function checkCidr(d: Decoder, text: string, path: FieldPath): Cidr | undefined {
  const c = parseCidr(text);
  if (!c) {
    const hint = /^\d+\.\d+\.\d+\.\d+$/.test(text.trim())
      ? t(
          `a single address is written with /32: ${text.trim()}/32`,
          `주소 하나는 /32를 붙여 씁니다: ${text.trim()}/32`,
        )
      : undefined;
    d.error(
      'cidr',
      path,
      t(`${pathText(path)}: invalid CIDR ${quote(text)}`, `${pathText(path)}: 잘못된 CIDR ${quote(text)}`),
      hint,
    );
    return undefined;
  }
  if (hasHostBits(c)) {
    d.report(
      'warning',
      'cidr-host-bits',
      path,
      t(
        `${text} has host bits set; it means ${c.canonical}`,
        `${text}에는 호스트 비트가 있습니다. ${josa(c.canonical, '을/를')} 뜻합니다`,
      ),
      t(
        `write ${c.canonical}, or /${c.family === 4 ? 32 : 128} for one address`,
        `${josa(c.canonical, '으로/로')} 쓰거나, 주소 하나라면 ${josa(`/${c.family === 4 ? 32 : 128}`, '을/를')} 쓰세요`,
      ),
    );
  }
  return c;
}

function decodePort(d: Decoder, raw: unknown, path: FieldPath): PolicyPort {
  const m = d.map(raw, path) ?? {};
  const protocol = d.protocol(m.protocol, [...path, 'protocol']);
  let port: number | string | undefined;
  if (typeof m.port === 'string') {
    if (!isPortName(m.port)) {
      const numeric = /^\d+$/.test(m.port);
      d.error(
        'port-name',
        [...path, 'port'],
        t(
          `${pathText([...path, 'port'])}: ${quote(m.port)} is not a valid port name`,
          `${pathText([...path, 'port'])}: ${josa(quote(m.port), '은/는')} 올바른 포트 이름이 아닙니다`,
        ),
        numeric
          ? t(
              `a port number is written without quotes: port: ${m.port}`,
              `포트 번호는 따옴표 없이 씁니다: port: ${m.port}`,
            )
          : t(
              'port names are up to 15 lower-case letters, digits and hyphens, with at least one letter',
              '포트 이름은 소문자·숫자·하이픈 15자 이내이고 글자가 하나 이상 있어야 합니다',
            ),
      );
    } else port = m.port;
  } else if (m.port !== undefined && m.port !== null) {
    port = d.int(m.port, [...path, 'port'], 1, 65535);
  }
  let endPort: number | undefined;
  if (m.endPort !== undefined && m.endPort !== null) {
    const ep = [...path, 'endPort'];
    if (m.port === undefined || m.port === null) {
      d.error(
        'end-port',
        ep,
        t('endPort may not be specified when port is not specified', 'port 없이 endPort를 쓸 수 없습니다'),
      );
    } else if (typeof m.port === 'string') {
      d.error(
        'end-port',
        ep,
        t(
          'endPort may not be specified when port is a named port',
          'port가 이름 있는 포트이면 endPort를 쓸 수 없습니다',
        ),
      );
    } else {
      endPort = d.int(m.endPort, ep, 1, 65535);
      if (endPort !== undefined && typeof port === 'number' && endPort < port) {
        d.error(
          'end-port',
          ep,
          t(
            `endPort ${endPort} must be greater than or equal to port ${port}`,
            `endPort ${josa(endPort, '은/는')} port ${port} 이상이어야 합니다`,
          ),
        );
        endPort = undefined;
      }
    }
  }
  return { protocol, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) };
}

/**
 * `- namespaceSelector` and `- podSelector` as two items is an OR of two peers; authors often
 * meant one peer with both selectors (AND). Warn on the pattern and teach the difference.
 */
function warnSplitSelectors(d: Decoder, peers: unknown[], path: FieldPath): void {
  const only = (p: unknown, k: string): boolean =>
    typeof p === 'object' && p !== null && Object.keys(p).length === 1 && k in p && (p as Dict)[k] !== null;
  const nsIndex = peers.findIndex((p) => only(p, 'namespaceSelector'));
  const podIndex = peers.findIndex((p) => only(p, 'podSelector'));
  if (nsIndex < 0 || podIndex < 0) return;
  d.report(
    'warning',
    'or-not-and',
    [...path, Math.max(nsIndex, podIndex)],
    t(
      `${pathText(path)}: podSelector and namespaceSelector are separate peers here, so they are ORed: a pod matching the podSelector in this policy's namespace, OR any pod in a matching namespace`,
      `${pathText(path)}: 여기서 podSelector와 namespaceSelector는 별개의 피어라 OR로 묶입니다: 이 정책의 네임스페이스에서 podSelector에 맞는 파드, 또는 맞는 네임스페이스의 모든 파드`,
    ),
    t(
      'to require both (a matching pod in a matching namespace), put them in one list item: remove the "-" before the second selector and align it under the first',
      '둘 다 만족(맞는 네임스페이스의 맞는 파드)해야 한다면 한 항목에 넣으세요: 두 번째 셀렉터 앞의 "-"를 지우고 첫 번째와 같은 들여쓰기로 맞춥니다',
    ),
  );
}

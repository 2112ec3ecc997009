// Peer classes and port classes in words a learner reads (English and Korean): "any pod in a
// namespace other than data (for example a new namespace)", "any address except 10.244.0.0/16",
// "every TCP port except 3306". Korean phrases end in a noun (파드, 주소, 포트), so the sentences
// around them never need a particle chosen by the last word.
import { t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import {
  complementRanges,
  ipText,
  ipValue,
  mergeRanges,
  rangeToCidrs,
  type AddressRange,
} from './address-space';
import type { KeyChoices } from './label-classes';
import {
  NAME_LABEL,
  namedClassAt,
  type NamespaceClass,
  type PeerUniverse,
  type PodClass,
} from './peer-classes';

/** `192.168.5.10/32` → `192.168.5.10`; other blocks as they are. */
const cidrText = (c: string): string => c.replace(/\/(32|128)$/, '');
const join = (xs: readonly LocalText[], en = ', ', ko = ', '): LocalText =>
  t(xs.map((x) => x.en).join(en), xs.map((x) => x.ko).join(ko));

/** "a, b and c"; at most `max` items, then "and N more". */
export function listText(items: readonly LocalText[], max = 3): LocalText {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) {
    const body = join(shown);
    return t(`${body.en} and ${rest} more`, `${body.ko} 외 ${rest}개`);
  }
  if (shown.length < 2) return join(shown);
  const init = join(shown.slice(0, -1));
  return t(`${init.en} and ${shown.at(-1)!.en}`, `${init.ko}, ${shown.at(-1)!.ko}`);
}

/** "값이 db가 아닌" for one value, "값이 api, db 중 어느 것도 아닌" for several. */
function notAmong(values: readonly string[], tail: '아니고' | '아닌'): string {
  return values.length === 1
    ? `${josa(values[0]!, '이/가')} ${tail}`
    : `${values.join(', ')} 중 어느 것도 ${tail}`;
}

/** One key's choices as a phrase: `[en, ko connective, ko final]`; undefined when unconstrained. */
function keyPhrase(
  k: KeyChoices,
  required: boolean,
): { en: string; koMid: string; koEnd: string } | undefined {
  const all = k.values.length === k.named.length;
  if (k.other && (k.absent || required) && all) return undefined;
  const sortedNamed = [...k.named].sort();
  const named = sortedNamed.join(', ');
  if (k.named.length === 0)
    return k.absent
      ? { en: `no ${k.key} label`, koMid: `${k.key} 레이블이 없고`, koEnd: `${k.key} 레이블이 없는` }
      : { en: `a ${k.key} label`, koMid: `${k.key} 레이블이 붙고`, koEnd: `${k.key} 레이블이 붙은` };
  const an = /^[aeiou]/i.test(k.key) ? 'an' : 'a';
  const values = k.values.map((v) => `${k.key}=${v}`);
  if (!k.other && !k.absent) {
    const v = values.join(' or ');
    return {
      en: v,
      koMid: `${values.join(' 또는 ')} 레이블이 붙고`,
      koEnd: `${values.join(' 또는 ')} 레이블이 붙은`,
    };
  }
  if (!k.other && k.absent && values.length === 0)
    return { en: `no ${k.key} label`, koMid: `${k.key} 레이블이 없고`, koEnd: `${k.key} 레이블이 없는` };
  if (k.other && values.length === 0 && !k.absent)
    return {
      en: `${an} ${k.key} other than ${named}`,
      koMid: `${k.key} 값이 ${notAmong(sortedNamed, '아니고')}`,
      koEnd: `${k.key} 값이 ${notAmong(sortedNamed, '아닌')}`,
    };
  if (k.other && values.length === 0 && k.absent)
    return {
      en: `no ${k.key} label or ${an} ${k.key} other than ${named}`,
      koMid: `${k.key} 레이블이 없거나 그 값이 ${notAmong(sortedNamed, '아니고')}`,
      koEnd: `${k.key} 레이블이 없거나 그 값이 ${notAmong(sortedNamed, '아닌')}`,
    };
  const missing = k.named.filter((v) => !k.values.includes(v));
  const exceptText = missing.map((v) => `${k.key}=${v}`).join(', ');
  if (k.absent && !required)
    return {
      en: `no ${k.key} label or ${an} ${k.key} other than ${missing.join(', ')}`,
      koMid: `${k.key} 레이블이 없거나 그 값이 ${notAmong(missing, '아니고')}`,
      koEnd: `${k.key} 레이블이 없거나 그 값이 ${notAmong(missing, '아닌')}`,
    };
  return {
    en: `${an} ${k.key} label other than ${exceptText}`,
    koMid: `${k.key} 레이블이 있으며 그 값이 ${notAmong(missing, '아니고')}`,
    koEnd: `${k.key} 레이블이 있으며 그 값이 ${notAmong(missing, '아닌')}`,
  };
}

/** "role=db and no app label" / "role=db 레이블이 붙고 app 레이블이 없는"; empty when any labels do. */
function labelsText(
  keys: readonly KeyChoices[],
  skip: ReadonlySet<string> = new Set(),
): LocalText | undefined {
  const phrases = keys
    .filter((k) => !skip.has(k.key))
    .map((k) => keyPhrase(k, false))
    .filter((p) => p !== undefined);
  if (phrases.length === 0) return undefined;
  return t(
    phrases.map((p) => p.en).join(' and '),
    [...phrases.slice(0, -1).map((p) => p.koMid), phrases.at(-1)!.koEnd].join(' '),
  );
}

/** A namespace class: "namespace data", "a new namespace labelled env=prod". */
export function namespaceText(n: NamespaceClass): LocalText {
  if (n.existing) return t(`namespace ${n.name}`, `${n.name} 네임스페이스`);
  const name = n.choices.find((k) => k.key === NAME_LABEL);
  const named = name && !name.other && name.values.length > 0 ? name.values : [];
  const labels = labelsText(n.choices, new Set([NAME_LABEL]));
  const base = named.length
    ? t(`a new namespace named ${named.join(' or ')}`, `새로 만든 ${named.join(' 또는 ')} 네임스페이스`)
    : t('a new namespace', '새로 만든 네임스페이스');
  if (!labels) return base;
  return t(`${base.en} with ${labels.en}`, `${labels.ko} ${base.ko}`);
}

/** Pod-network addresses of a class, when the universe tells several apart. */
function podAddressText(u: PeerUniverse, p: PodClass): LocalText | undefined {
  const distinct = new Set(u.pods.map((x) => x.address));
  if (distinct.size < 2) return undefined;
  const own = mergeRanges(p.address.ranges);
  const cidrs = own.flatMap(rangeToCidrs);
  if (cidrs.length <= 2)
    return t(`at ${cidrs.map(cidrText).join(' or ')}`, `주소가 ${cidrs.map(cidrText).join(' 또는 ')}인`);
  const others = mergeRanges(u.pods.filter((x) => x.address !== p.address).flatMap((x) => x.address.ranges));
  const not = others.flatMap(rangeToCidrs).map(cidrText);
  return t(
    `at an address outside ${not.slice(0, 3).join(', ')}`,
    `주소가 ${not.slice(0, 3).join(', ')} 밖인`,
  );
}

/** "a pod in namespace data with role=db", "데이터 …의 role=db 레이블이 붙은 파드". */
export function podClassText(
  u: PeerUniverse,
  p: PodClass,
  article: 'a' | 'any' = 'a',
  withAddress = true,
): LocalText {
  const ns = namespaceText(p.namespace);
  const labels = labelsText(p.labels.keys);
  const address = withAddress ? podAddressText(u, p) : undefined;
  const en = [`${article} pod`, labels ? `with ${labels.en}` : '', `in ${ns.en}`, address?.en ?? '']
    .filter(Boolean)
    .join(' ');
  const koAttrs = [labels?.ko, address?.ko].filter(Boolean).join(' ');
  const ko = `${ns.ko}의 ${koAttrs ? `${koAttrs} ` : ''}${article === 'any' && !koAttrs ? '모든 ' : ''}파드`;
  return t(en, ko);
}

/** A subject pod class: its scenario pods by name, else "a new pod …". */
export function subjectText(u: PeerUniverse, p: PodClass): LocalText {
  if (p.members.length > 0) {
    const names = listText(
      p.members.map((m) => t(m, m)),
      2,
    );
    return t(names.en, `${names.ko} 파드`);
  }
  const text = podClassText(u, p);
  return t(text.en.replace(/^a pod/, 'a new pod'), `새 ${text.ko}`);
}

/**
 * Pod classes in as few phrases as read well: "any pod in any namespace", "any pod except those in
 * namespace data with role=db", "any pod at 10.244.1.50", "any pod in a namespace other than data
 * (for example a new namespace)", "any pod in namespace data", then single classes.
 */
export function podSetText(u: PeerUniverse, set: ReadonlySet<number>): LocalText[] {
  const chosen = u.pods.filter((p) => set.has(p.index));
  if (chosen.length === 0) return [];
  if (chosen.length === u.pods.length)
    return [t('any pod in any namespace', '모든 네임스페이스의 모든 파드')];
  const missing = u.pods.filter((p) => !set.has(p.index));
  if (missing.length <= 2 && chosen.length > 2 * missing.length) {
    const but = missing.map((p) => podClassText(u, p, 'a'));
    return [
      t(
        `any pod except ${but.map((b) => b.en.replace(/^a pod/, 'those')).join(' and ')}`,
        `${josa(but.map((b) => b.ko).join(', '), '을/를')} 뺀 모든 파드`,
      ),
    ];
  }
  const out: LocalText[] = [];
  let rest = chosen;
  // Several pod address classes: a whole address class reads as "any pod at …".
  const addresses = [...new Set(u.pods.map((p) => p.address))];
  if (addresses.length > 1) {
    for (const a of addresses) {
      const all = u.pods.filter((p) => p.address === a);
      const out1 = all.filter((p) => !set.has(p.index));
      const in1 = all.length - out1.length;
      if (out1.length > 0 && (out1.length > 2 || in1 <= 2 * out1.length)) continue;
      const at = podAddressText(u, all[0]!)!;
      const but = out1.map((p) => podClassText(u, p, 'a', false));
      const strip = (t: string): string => t.replace(/^a pod/, 'those');
      out.push(
        but.length === 0
          ? t(`any pod ${at.en}`, `${at.ko} 모든 파드`)
          : t(
              `any pod ${at.en} except ${but.map((b) => strip(b.en)).join(' and ')}`,
              `${at.ko} 파드 가운데 ${josa(but.map((b) => b.ko).join(', '), '을/를')} 뺀 모든 파드`,
            ),
      );
      rest = rest.filter((p) => p.address !== a);
    }
  }
  const inRest = new Set(rest.map((p) => p.index));
  const full = (n: NamespaceClass): boolean => {
    const pods = u.pods.filter((p) => p.namespace === n);
    return pods.length > 0 && pods.every((p) => inRest.has(p.index));
  };
  const newOnes = u.namespaces.filter((n) => !n.existing);
  const handled = new Set<NamespaceClass>();
  if (newOnes.length > 0 && newOnes.every(full)) {
    const fullExisting = u.namespaces.filter((n) => n.existing && full(n));
    const others = u.namespaces.filter((n) => n.existing && !full(n)).map((n) => n.name);
    for (const n of [...newOnes, ...fullExisting]) handled.add(n);
    if (fullExisting.length > 0) {
      const list = others.join(', ');
      out.push(
        t(
          `any pod in a namespace other than ${list} (for example a new namespace)`,
          `${list} 외의 네임스페이스(예: 새로 만든 네임스페이스)에 있는 모든 파드`,
        ),
      );
    } else
      out.push(
        t('any pod in a namespace that does not exist yet', '아직 없는 네임스페이스에 새로 생길 모든 파드'),
      );
  }
  const fullExisting = u.namespaces.filter((n) => n.existing && !handled.has(n) && full(n));
  if (fullExisting.length > 0) {
    const names = fullExisting.map((n) => n.name);
    const many = names.length > 1;
    out.push(
      t(
        `any pod in ${many ? 'namespaces' : 'namespace'} ${names.join(', ')}`,
        `${names.join(', ')} 네임스페이스의 모든 파드`,
      ),
    );
    for (const n of fullExisting) handled.add(n);
  }
  for (const p of rest) {
    if (handled.has(p.namespace)) continue;
    handled.add(p.namespace);
    if (!p.namespace.existing && full(p.namespace)) {
      const ns = namespaceText(p.namespace);
      out.push(t(`any pod in ${ns.en}`, `${ns.ko}의 모든 파드`));
      continue;
    }
    const mine = rest.filter((x) => x.namespace === p.namespace);
    for (const item of mergeClasses(
      u.pods.filter((x) => x.namespace === p.namespace),
      mine,
    ))
      out.push(itemText(u, item));
  }
  return out;
}

/** Pod classes of one namespace, merged where together they leave a key (or the address) free. */
interface ClassGroup {
  readonly first: PodClass;
  readonly classes: readonly PodClass[];
  readonly keys: readonly KeyChoices[];
  /** Whether the address still matters (false once merged over every address class). */
  readonly address: boolean;
}

function mergeClasses(all: readonly PodClass[], chosen: readonly PodClass[]): ClassGroup[] {
  let items: ClassGroup[] = chosen.map((p) => ({
    first: p,
    classes: [p],
    keys: p.labels.keys,
    address: true,
  }));
  const dims = [...new Set(all.flatMap((p) => p.labels.keys.map((k) => k.key))), '#address'];
  const addresses = [...new Set(all.map((p) => p.address))];
  const sig = (keys: readonly KeyChoices[], address: PodClass['address'] | undefined, skip: string): string =>
    JSON.stringify([
      keys.filter((k) => k.key !== skip),
      skip === '#address' || !address ? -1 : addresses.indexOf(address),
    ]);
  for (let changed = true; changed;) {
    changed = false;
    for (const dim of dims) {
      const groups = new Map<string, ClassGroup[]>();
      for (const it of items) {
        const k = sig(it.keys, it.address ? it.first.address : undefined, dim);
        groups.set(k, [...(groups.get(k) ?? []), it]);
      }
      const next: ClassGroup[] = [];
      for (const [k, group] of groups) {
        const covered = new Set(group.flatMap((g) => g.classes));
        const wanted = all.filter(
          (p) => sig(p.labels.keys, group[0]!.address ? p.address : undefined, dim) === k,
        );
        if (group.length < 2 || !wanted.every((p) => covered.has(p))) {
          next.push(...group);
          continue;
        }
        changed = true;
        const keys = group[0]!.keys.map((kc) => {
          if (kc.key !== dim) return kc;
          const same = group.map((g) => g.keys.find((x) => x.key === dim)!);
          const values = kc.named.filter((v) => same.some((x) => x.values.includes(v)));
          return { ...kc, values, other: same.some((x) => x.other), absent: same.some((x) => x.absent) };
        });
        next.push({
          first: group[0]!.first,
          classes: [...covered],
          keys,
          address: dim === '#address' ? false : group[0]!.address,
        });
      }
      items = next;
    }
  }
  return items;
}

function itemText(u: PeerUniverse, g: ClassGroup): LocalText {
  const text = podClassText(u, { ...g.first, labels: { ...g.first.labels, keys: g.keys } }, 'any', g.address);
  const members = [...new Set(g.classes.flatMap((p) => p.members))];
  const eg = members.length
    ? listText(
        members.map((m) => t(m, m)),
        2,
      )
    : undefined;
  return eg ? t(`${text.en} (such as ${eg.en})`, `${text.ko}(예: ${eg.ko})`) : text;
}

/** The smallest block around `ranges` and the few addresses of it they leave out, when they are few. */
function enclosingExcept(ranges: readonly AddressRange[]): { block: string; except: string[] } | undefined {
  const lo = ranges[0]!.lo;
  const hi = ranges.at(-1)!.hi;
  const family = ranges[0]!.family;
  const width = family === 4 ? 32n : 128n;
  let prefix = width;
  while (prefix > 0n && lo >> (width - prefix) !== hi >> (width - prefix)) prefix--;
  const base = (lo >> (width - prefix)) << (width - prefix);
  const block = { family, lo: base, hi: base + (1n << (width - prefix)) - 1n };
  const gaps = complementRanges(family, ranges).flatMap((g) => {
    const a = g.lo > block.lo ? g.lo : block.lo;
    const b = g.hi < block.hi ? g.hi : block.hi;
    return a <= b ? rangeToCidrs({ family, lo: a, hi: b }) : [];
  });
  if (gaps.length === 0 || gaps.length > 3) return undefined;
  return { block: rangeToCidrs(block)[0]!, except: gaps.map(cidrText) };
}

/** Outside classes as address ranges: "any address except 10.244.0.0/16", "192.168.5.10 (backup-server)". */
export function addressSetText(u: PeerUniverse, set: ReadonlySet<number>): LocalText[] {
  const chosen = u.outside.filter((o) => set.has(o.index));
  const out: LocalText[] = [];
  if (chosen.length > 0 && chosen.length === u.outside.length) {
    const names = chosen.flatMap((o) => o.members);
    const eg = names.length ? ` (such as ${names.slice(0, 2).join(', ')})` : ' (for example 8.8.8.8)';
    const ko = names.length ? `(예: ${names.slice(0, 2).join(', ')})` : '(예: 8.8.8.8)';
    return [t(`any address${eg}`, `모든 주소${ko}`)];
  }
  for (const family of [4, 6] as const) {
    const mine = chosen.filter((o) => o.witness.family === family);
    if (mine.length === 0) continue;
    const union = mergeRanges(mine.flatMap((o) => o.ranges));
    const missing = complementRanges(family, union).flatMap(rangeToCidrs).map(cidrText);
    const has = union.flatMap(rangeToCidrs).map(cidrText);
    const names = mine.flatMap((o) => o.members.map((m) => t(m, m)));
    if (mine.length === 1 && mine[0]!.node) names.push(t(`node ${mine[0]!.node}`, `${mine[0]!.node} 노드`));
    const example = mine.find((o) => !o.node && !o.podNetwork) ?? mine[0]!;
    const exampleIp = ipText(example.witness.family, ipValue(example.witness));
    const two = join(names.slice(0, 2));
    const egKo = `예: ${names.length ? two.ko : exampleIp}`;
    const eg = names.length
      ? t(` (such as ${two.en})`, `(${egKo})`)
      : t(` (for example ${exampleIp})`, `(${egKo})`);
    const any = family === 4 ? t('any address', '모든 주소') : t('any IPv6 address', '모든 IPv6 주소');
    if (missing.length === 0) out.push(t(`${any.en}${eg.en}`, `${any.ko}${eg.ko}`));
    else if (missing.length <= 3 && missing.length < has.length) {
      const ex = missing.join(', ');
      out.push(t(`${any.en} except ${ex}${eg.en}`, `${ex} 외의 ${any.ko}${eg.ko}`));
    } else if (has.length <= 3) {
      const list = listText(has.map((c) => t(c, c)));
      const single = has.length === 1 && !has[0]!.includes('/');
      const who = join(names);
      out.push(
        single
          ? t(
              `the address ${list.en}${names.length ? ` (${who.en})` : ''}`,
              `${list.ko}${names.length ? `(${who.ko})` : ''} 주소`,
            )
          : t(`addresses in ${list.en}${eg.en}`, `${list.ko} 대역의 주소${eg.ko}`),
      );
    } else if (enclosingExcept(union)) {
      const { block, except } = enclosingExcept(union)!;
      out.push(
        t(
          `addresses in ${block} except ${except.join(', ')}${eg.en}`,
          `${block} 대역의 주소(${except.join(', ')} 제외, ${egKo})`,
        ),
      );
    } else {
      for (const o of mine) {
        const label = join([
          ...o.members.map((m) => t(m, m)),
          ...(o.node ? [t(`node ${o.node}`, `${o.node} 노드`)] : []),
        ]);
        const ranges = listText(
          mergeRanges(o.ranges)
            .flatMap(rangeToCidrs)
            .map(cidrText)
            .map((c) => t(c, c)),
        );
        const named = label.en ? t(` (${label.en})`, `(${label.ko})`) : t('', '');
        const single = o.size === 1;
        const unused = o.podNetwork ? t(' that no pod has', ' 중 어느 파드도 쓰지 않는') : t('', '');
        out.push(
          t(
            `${single ? 'the address' : 'addresses in'} ${ranges.en}${named.en}${unused.en}`,
            `${ranges.ko}${named.ko}${unused.ko} ${single ? '주소' : '대역의 주소'}`,
          ),
        );
      }
    }
  }
  return out;
}

/** A set of port situations: global port classes and named-port classes (by named index). */
export interface PortSet {
  readonly classes: ReadonlySet<number>;
  readonly named: ReadonlySet<number>;
  /** Names the destination's numbered situations exclude (it names no port so on those numbers). */
  readonly unnamed?: readonly string[];
}

const rangeText = (lo: number, hi: number): string => (lo === hi ? `${lo}` : `${lo}-${hi}`);

/** "TCP 3306", "every TCP port except 3306", "any port except TCP 3306", "the TCP port named http". */
export function portSetText(u: PeerUniverse, ports: PortSet): LocalText {
  const parts: LocalText[] = [];
  const total = u.ports.length;
  const chosen = u.ports.filter((p) => ports.classes.has(p.index));
  const protocols = [...new Set(u.ports.map((p) => p.protocol))];
  const ranges = (protocol: string, inSet: boolean): string[] => {
    const out: [number, number][] = [];
    for (const p of u.ports.filter((x) => x.protocol === protocol && ports.classes.has(x.index) === inSet)) {
      const last = out.at(-1);
      if (last && last[1] + 1 === p.lo) last[1] = p.hi;
      else out.push([p.lo, p.hi]);
    }
    return out.map(([lo, hi]) => rangeText(lo, hi));
  };
  if (chosen.length === total) parts.push(t('any port', '모든 포트'));
  else if (chosen.length > 0) {
    const missing = protocols.flatMap((pr) => ranges(pr, false).map((r) => `${pr} ${r}`));
    const whole = protocols.every((pr) => ranges(pr, true).length === 0 || ranges(pr, false).length === 0);
    const mostly = !whole && chosen.length * 2 > total && missing.length <= 2;
    if (mostly) {
      const onlyProto = new Set(u.ports.filter((p) => !ports.classes.has(p.index)).map((p) => p.protocol));
      const everyOther = protocols.filter((pr) => !onlyProto.has(pr));
      if (onlyProto.size === 1 && everyOther.length === 0) {
        const pr = [...onlyProto][0]!;
        const ex = ranges(pr, false).join(', ');
        parts.push(t(`every ${pr} port except ${ex}`, `${pr} ${ex} 외의 모든 ${pr} 포트`));
      } else parts.push(t(`any port except ${missing.join(', ')}`, `${missing.join(', ')} 외의 모든 포트`));
    } else {
      for (const pr of protocols) {
        const inSet = ranges(pr, true);
        if (inSet.length === 0) continue;
        const all = u.ports.filter((p) => p.protocol === pr).every((p) => ports.classes.has(p.index));
        parts.push(
          all
            ? t(`every ${pr} port`, `모든 ${pr} 포트`)
            : t(`${pr} ${inSet.join(', ')}`, `${pr} ${inSet.join(', ')} 포트`),
        );
      }
    }
  }
  // Numbered ports of a pod that names some of them: only where the pod gives the port none of those names.
  const names = [...new Set(ports.unnamed ?? [])];
  if (parts.length > 0 && names.length > 0) {
    const last = parts.length - 1;
    const n = names.join(', ');
    parts[last] = t(
      `${parts[last]!.en} (where the pod does not name that port ${n})`,
      `${parts[last]!.ko}(그 포트에 ${n} 이름이 붙지 않은 파드에서)`,
    );
  }
  const byName = new Map<string, [number, number][]>();
  for (const i of ports.named) {
    const n = namedClassAt(u, i)!;
    const key = `${n.protocol} ${n.name}`;
    byName.set(key, [...(byName.get(key) ?? []), [n.range[0], n.range[1]]]);
  }
  for (const [key, ranges] of byName) {
    const [protocol, name] = key.split(' ') as [string, string];
    const sorted = ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of sorted) {
      const lastRange = merged.at(-1);
      if (lastRange && lastRange[1] + 1 >= r[0]) lastRange[1] = Math.max(lastRange[1], r[1]);
      else merged.push([...r]);
    }
    const gaps: string[] = [];
    let next = 1;
    for (const [lo, hi] of merged) {
      if (lo > next) gaps.push(rangeText(next, lo - 1));
      next = hi + 1;
    }
    if (next <= 65535) gaps.push(rangeText(next, 65535));
    const numbers = merged.map(([lo, hi]) => rangeText(lo, hi));
    const base = t(`its ${protocol} port named ${name}`, `이름이 ${name}인 ${protocol} 포트`);
    if (gaps.length === 0) parts.push(base);
    else if (gaps.length <= numbers.length)
      parts.push(
        t(`${base.en}, unless that is ${gaps.join(' or ')}`, `${base.ko}(${gaps.join(', ')}번 제외)`),
      );
    else
      parts.push(
        t(
          `${base.en}, when that is ${numbers.join(' or ')}`,
          `${base.ko}(번호가 ${numbers.join(', ')} 범위일 때)`,
        ),
      );
  }
  return join(parts, ' and ', ', ');
}

/** Pod and outside classes together. */
export function peerSetText(u: PeerUniverse, set: ReadonlySet<number>): LocalText {
  // An unused pod-network address next to the pods that may have it adds nothing for a reader.
  const podRanges = u.pods.filter((p) => set.has(p.index)).flatMap((p) => p.address.ranges);
  const covered = (r: AddressRange): boolean =>
    podRanges.some((x) => x.family === r.family && x.lo <= r.lo && r.hi <= x.hi);
  const everyAddress = u.outside.every((o) => set.has(o.index));
  const shown = new Set(
    [...set].filter(
      (i) => everyAddress || !u.outside.some((o) => o.index === i && o.podNetwork && o.ranges.every(covered)),
    ),
  );
  return listText([...podSetText(u, shown), ...addressSetText(u, shown)], 3);
}

/** For reading an address range in a sentence. */
export const rangesText = (rs: readonly AddressRange[]): string =>
  mergeRanges(rs).flatMap(rangeToCidrs).join(', ');

// Namespace and pod classes in words: "namespace data", "a pod in namespace data with role=db",
// the scenario's pods by name, and sets of pod classes merged where together they leave a key free
// (see describe-classes.ts).
import { t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import { mergeRanges, rangeToCidrs } from './address-space';
import type { KeyChoices } from './label-classes';
import { NAME_LABEL, type NamespaceClass, type PeerUniverse, type PodClass } from './peer-classes';
import { labelsText } from './describe-labels';
import { cidrText, listText } from './describe-text';

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

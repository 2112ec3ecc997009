// Outside classes in words: address ranges as blocks, "any address except 10.244.0.0/16", named
// machines (see describe-classes.ts).
import { t, type LocalText } from '../lib/text';
import {
  complementRanges,
  ipText,
  ipValue,
  mergeRanges,
  rangeToCidrs,
  type AddressRange,
} from './address-space';
import type { PeerUniverse } from './peer-classes';
import { cidrText, joinTexts, listText } from './describe-text';

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
    const two = joinTexts(names.slice(0, 2));
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
      const who = joinTexts(names);
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
        const label = joinTexts([
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

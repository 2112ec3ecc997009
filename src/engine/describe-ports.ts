// Port classes in words: "TCP 3306", "every TCP port except 3306", "the TCP port named http"
// (see describe-classes.ts).
import { t, type LocalText } from '../lib/text';
import { namedClassAt, type PeerUniverse } from './peer-classes';
import { joinTexts } from './describe-text';

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
  return joinTexts(parts, ' and ', ', ');
}

// Label requirements in words: one key's choices ("role=db", "no app label", "값이 db가 아닌") and
// a class's labels as a whole (see describe-classes.ts).
import { t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';
import type { KeyChoices } from './label-classes';

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
export function labelsText(
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

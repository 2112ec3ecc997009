// The small pieces every class description is made of: lists in a sentence, CIDRs and address
// ranges as a reader writes them (see describe-classes.ts for what they describe).
import { t, type LocalText } from '../lib/text';
import { mergeRanges, rangeToCidrs, type AddressRange } from './address-space';

/** `192.168.5.10/32` → `192.168.5.10`; other blocks as they are. */
export const cidrText = (c: string): string => c.replace(/\/(32|128)$/, '');
export const joinTexts = (xs: readonly LocalText[], en = ', ', ko = ', '): LocalText =>
  t(xs.map((x) => x.en).join(en), xs.map((x) => x.ko).join(ko));

/** "a, b and c"; at most `max` items, then "and N more". */
export function listText(items: readonly LocalText[], max = 3): LocalText {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) {
    const body = joinTexts(shown);
    return t(`${body.en} and ${rest} more`, `${body.ko} 외 ${rest}개`);
  }
  if (shown.length < 2) return joinTexts(shown);
  const init = joinTexts(shown.slice(0, -1));
  return t(`${init.en} and ${shown.at(-1)!.en}`, `${init.ko}, ${shown.at(-1)!.ko}`);
}

/** For reading an address range in a sentence. */
export const rangesText = (rs: readonly AddressRange[]): string =>
  mergeRanges(rs).flatMap(rangeToCidrs).join(', ');

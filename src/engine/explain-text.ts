// A tree of reasons (explain-reasons.ts) as lines of text, for the CLI and the lesson messages:
// the headline, each side indented two spaces, each rule four; a missed rule's reasons follow its
// head on the same line. Indexes are shown 1-based, as people count.
import { pick, type Locale } from '../lib/text';
import type { FlowReasons, Reason, SideReasons } from './explain-reasons';

/** The whole explanation: the headline, then each side and its reasons, then any notes. */
export function explanationLines(r: FlowReasons, locale: Locale): string[] {
  return [
    r.headline[locale],
    ...r.sides.flatMap((s) => sideLines(s, locale)),
    ...(r.notes ?? []).map((n) => `  ${n[locale]}`),
  ];
}

/** One side: its verdict (indented two spaces), then its reasons (four). */
export function sideLines(s: SideReasons, locale: Locale): string[] {
  return [`  ${s.text[locale]}`, ...s.reasons.map((r) => `    ${reasonLine(r, locale)}`)];
}

/** A reason on one line: a missed rule's head, then why its peers and ports did not match. */
export function reasonLine(r: Reason, locale: Locale): string {
  if (r.reasons.length === 0) return r.text[locale];
  return `${r.text[locale]} ${r.reasons.map((c) => reasonLine(c, locale)).join(pick(locale, ' — and ', ' — 또한 '))}`;
}

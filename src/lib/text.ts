// Texts shown to people, in English and Korean: the LocalText pair, choosing a locale, filling
// `{name}` templates (a Korean particle right after a placeholder follows the value), and the
// words every surface shares (✓/✗ verdicts, directions), so one wording is used everywhere.
import { PARTICLE_FORMS, particle } from './korean';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];

/** A localised text: English and Korean. */
export interface LocalText {
  readonly en: string;
  readonly ko: string;
}

/** A LocalText from its two wordings. */
export const t = (en: string, ko: string): LocalText => ({ en, ko });

/** The wording for `locale`. */
export const pick = (locale: Locale, en: string, ko: string): string => (locale === 'ko' ? ko : en);

/** A LocalText from a function that words something in a given locale. */
export const inBoth = (word: (locale: Locale) => string): LocalText => ({ en: word('en'), ko: word('ko') });

/** Values for `{placeholders}`: one text per locale, or the same text (or number) in both. */
export type Values = Readonly<Record<string, LocalText | string | number>>;

const valueIn = (v: LocalText | string | number, locale: Locale): string =>
  typeof v === 'object' ? v[locale] : String(v);

/** `{name}`, and a particle right after it (not followed by more Hangul); built on first use. */
let placeholder: RegExp | undefined;
const placeholderPattern = (): RegExp =>
  (placeholder ??= new RegExp(
    `\\{([a-zA-Z]+)\\}((?:${PARTICLE_FORMS.map(([f]) => f).join('|')})(?![\\uAC00-\\uD7A3]))?`,
    'g',
  ));

/**
 * Fills the `{name}` placeholders of a template in one locale; unknown names stay as written.
 * A particle written right after a placeholder (`{file}을`, `{file}를`, `{name}으로`) is chosen
 * anew from the value, so Korean templates need no both-forms placeholder.
 */
export function fillIn(template: string, values: Values, locale: Locale): string {
  return template.replace(placeholderPattern(), (whole, name: string, written: string | undefined) => {
    const v = values[name];
    if (v === undefined) return whole;
    const text = valueIn(v, locale);
    if (written === undefined) return text;
    const which = PARTICLE_FORMS.find(([f]) => f === written)![1];
    return text + particle(text, which);
  });
}

/** A UI string, already in the reader's locale, with its placeholders filled. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string;
/**
 * A whole message in both locales; the spaces an empty value leaves at a line's end go, and the
 * message is trimmed.
 */
export function fill(template: LocalText, values: Values): LocalText;
export function fill(template: string | LocalText, values: Values): string | LocalText {
  if (typeof template === 'string') return fillIn(template, values, 'en');
  const one = (locale: Locale): string =>
    fillIn(template[locale], values, locale)
      .replace(/[ \t]+$/gm, '')
      .trim();
  return { en: one('en'), ko: one('ko') };
}

/** Verdicts and the words around them, as every surface (matrix, why-panel, CLI, lessons) shows them. */
export const WORDS = {
  allowed: { en: 'allowed', ko: '허용' },
  denied: { en: 'denied', ko: '차단' },
  allow: { en: 'allow', ko: '허용' },
  deny: { en: 'deny', ko: '차단' },
  unrestricted: { en: 'unrestricted', ko: '제한 없음' },
  /** A flow's verdict with its mark: ✓ for allowed, ✗ for denied (never the colour alone). */
  verdict: (allowed: boolean): LocalText => (allowed ? t('✓ allowed', '✓ 허용') : t('✗ denied', '✗ 차단')),
  /** A matrix cell: ✓ allow or ✗ deny. */
  cell: (allowed: boolean): LocalText => (allowed ? t('✓ allow', '✓ 허용') : t('✗ deny', '✗ 차단')),
  /** Policy directions as Korean engineers write them in policy context. */
  direction: (d: 'ingress' | 'egress'): LocalText =>
    d === 'egress' ? t('egress', '이그레스') : t('ingress', '인그레스'),
};

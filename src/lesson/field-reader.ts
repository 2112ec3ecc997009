// Reading lesson.yaml field by field: each wrong type, missing field or unknown key becomes an
// error at its file:line:col, worded for an author who does not code.
import type { Diagnostic, LocalText, Severity } from '../lib/diagnostic';
import { closestName, pathText, t } from '../k8s/decoder';
import type { FieldPath, Locator } from '../k8s/source';

export type Dict = Record<string, unknown>;
export { t };

export class FieldReader {
  constructor(
    readonly at: Locator,
    readonly out: Diagnostic[],
  ) {}

  report(severity: Severity, code: string, path: FieldPath, message: LocalText, hint?: LocalText, part: 'key' | 'value' = 'value'): void {
    this.out.push({ ...this.at(path, part), severity, code, message, ...(hint ? { hint } : {}) });
  }

  error(code: string, path: FieldPath, message: LocalText, hint?: LocalText): void {
    this.report('error', code, path, message, hint);
  }

  /** Errors for keys outside `known`, with the nearest known name as a hint. */
  fields(obj: Dict, path: FieldPath, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const guess = closestName(key, known);
      const where = pathText([...path, key]);
      this.report(
        'error',
        'unknown-field',
        [...path, key],
        t(`unknown field "${where}"`, `알 수 없는 필드 "${where}"`),
        guess ? t(`did you mean "${guess}"?`, `"${guess}"을(를) 뜻했나요?`) : t(`known fields here: ${known.join(', ')}`, `여기에 쓸 수 있는 필드: ${known.join(', ')}`),
        'key',
      );
    }
  }

  /** An error at `path`'s parent when `obj[key]` is absent. */
  need(obj: Dict, key: string, path: FieldPath): boolean {
    if (obj[key] !== undefined && obj[key] !== null) return true;
    const where = pathText([...path, key]);
    this.error('required', path, t(`${where} is required`, `${where}이(가) 필요합니다`));
    return false;
  }

  map(value: unknown, path: FieldPath): Dict | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) return value as Dict;
    this.error('type', path, t(`${pathText(path)}: expected a mapping (key: value)`, `${pathText(path)}: 매핑(key: value)이 와야 합니다`));
    return undefined;
  }

  list(value: unknown, path: FieldPath): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.error('type', path, t(`${pathText(path)}: expected a list (items start with "- ")`, `${pathText(path)}: 목록("- "로 시작하는 항목)이 와야 합니다`));
    return undefined;
  }

  string(value: unknown, path: FieldPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    this.error('type', path, t(`${pathText(path)}: expected text`, `${pathText(path)}: 텍스트가 와야 합니다`));
    return undefined;
  }

  strings(value: unknown, path: FieldPath): string[] {
    const items = this.list(value, path) ?? [];
    const out: string[] = [];
    items.forEach((v, i) => {
      const s = this.string(v, [...path, i]);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  int(value: unknown, path: FieldPath, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.error('range', path, t(`${pathText(path)}: must be a whole number from ${min} to ${max}`, `${pathText(path)}: ${min}부터 ${max} 사이의 정수여야 합니다`));
    return undefined;
  }

  bool(value: unknown, path: FieldPath): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.error('type', path, t(`${pathText(path)}: expected true or false`, `${pathText(path)}: true 또는 false가 와야 합니다`));
    return undefined;
  }

  /** `{en: …, ko: …}` given inline; both locales are required and nothing else is allowed. */
  localText(value: unknown, path: FieldPath): LocalText | undefined {
    const m = this.map(value, path);
    if (!m) {
      if (value !== undefined && value !== null) return undefined;
      this.error('required', path, t(`${pathText(path)}: give the text in both languages, {en: …, ko: …}`, `${pathText(path)}: 두 언어로 텍스트를 쓰세요, {en: …, ko: …}`));
      return undefined;
    }
    this.fields(m, path, ['en', 'ko']);
    const en = this.string(m.en, [...path, 'en']);
    const ko = this.string(m.ko, [...path, 'ko']);
    for (const [loc, v] of [['en', en], ['ko', ko]] as const) {
      if (v === undefined && (m[loc] === undefined || m[loc] === null)) {
        this.error('missing-locale', path, t(`${pathText(path)}: the ${loc} text is missing`, `${pathText(path)}: ${loc} 텍스트가 없습니다`));
      }
    }
    return en !== undefined && ko !== undefined ? { en, ko } : undefined;
  }
}

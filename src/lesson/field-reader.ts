// Reading lesson.yaml field by field: each wrong type, missing field or unknown key becomes an
// error at its file:line:col, worded for an author who does not code.
import { t, type LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import { closestName } from '../k8s/decoder';
import { FieldChecker, pathText, type Dict } from '../k8s/field-checker';
import type { FieldPath } from '../k8s/source';
import { josa } from '../lib/korean';

export type { Dict };

/** lesson.yaml's fields: the shared checks, plus unknown keys, required fields and texts in both languages. */
export class FieldReader extends FieldChecker {
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
        t(`unknown field ${quote(where)}`, `알 수 없는 필드 ${quote(where)}`),
        guess
          ? t(`did you mean "${guess}"?`, `혹시 "${guess}" 말인가요?`)
          : t(`known fields here: ${known.join(', ')}`, `여기에 쓸 수 있는 필드: ${known.join(', ')}`),
        'key',
      );
    }
  }

  /** An error at `path`'s parent when `obj[key]` is absent. */
  need(obj: Dict, key: string, path: FieldPath): boolean {
    if (obj[key] !== undefined && obj[key] !== null) return true;
    const where = pathText([...path, key]);
    this.error('required', path, t(`${where} is required`, `${josa(where, '이/가')} 필요합니다`));
    return false;
  }

  /** Non-empty text (a number is read as its text), or undefined when absent/null. */
  override string(value: unknown, path: FieldPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    this.error(
      'type',
      path,
      t(`${pathText(path)}: expected text`, `${pathText(path)}: 텍스트가 와야 합니다`),
    );
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

  /** `{en: …, ko: …}` given inline; both locales are required and nothing else is allowed. */
  localText(value: unknown, path: FieldPath): LocalText | undefined {
    const m = this.map(value, path);
    if (!m) {
      if (value !== undefined && value !== null) return undefined;
      this.error(
        'required',
        path,
        t(
          `${pathText(path)}: give the text in both languages, {en: …, ko: …}`,
          `${pathText(path)}: 두 언어로 텍스트를 쓰세요, {en: …, ko: …}`,
        ),
      );
      return undefined;
    }
    this.fields(m, path, ['en', 'ko']);
    const en = this.string(m.en, [...path, 'en']);
    const ko = this.string(m.ko, [...path, 'ko']);
    for (const [loc, v] of [
      ['en', en],
      ['ko', ko],
    ] as const) {
      if (v === undefined && (m[loc] === undefined || m[loc] === null)) {
        this.error(
          'missing-locale',
          path,
          t(`${pathText(path)}: the ${loc} text is missing`, `${pathText(path)}: ${loc} 텍스트가 없습니다`),
        );
      }
    }
    return en !== undefined && ko !== undefined ? { en, ko } : undefined;
  }
}

// Reading untrusted YAML data field by field: each wrong type or out-of-range value becomes a
// diagnostic located at the field that caused it. The Kubernetes object decoder and the lesson
// reader both build on this; each adds the checks of its own format.
import type { Diagnostic, Severity } from '../lib/diagnostic';
import { t, type LocalText } from '../lib/text';
import { clip, showHidden } from '../lib/user-text';
import type { FieldPath, Locator } from './source';

export type Dict = Record<string, unknown>;

/**
 * Renders a field path the way kubectl does: `spec.ingress[0].from[1]`. Keys come from the user:
 * each is cut to 60 characters and its hidden characters shown.
 */
export function pathText(path: FieldPath): string {
  let out = '';
  for (const step of path) {
    const key = typeof step === 'number' ? '' : showHidden(clip(step, 60));
    out += typeof step === 'number' ? `[${step}]` : out ? `.${key}` : key;
  }
  return out;
}

export class FieldChecker {
  constructor(
    /** Where a field path is in the source text. */
    readonly at: Locator,
    protected readonly out: Diagnostic[],
  ) {}

  report(
    severity: Severity,
    code: string,
    path: FieldPath,
    message: LocalText,
    hint?: LocalText,
    part: 'key' | 'value' = 'value',
  ): void {
    this.out.push({ ...this.at(path, part), severity, code, message, ...(hint ? { hint } : {}) });
  }

  error(code: string, path: FieldPath, message: LocalText, hint?: LocalText): void {
    this.report('error', code, path, message, hint);
  }

  /** A mapping, or undefined when absent/null; anything else is an error. */
  map(value: unknown, path: FieldPath): Dict | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) return value as Dict;
    this.error(
      'type',
      path,
      t(
        `${pathText(path)}: expected a mapping (key: value)`,
        `${pathText(path)}: 매핑(key: value)이 와야 합니다`,
      ),
    );
    return undefined;
  }

  /** A list, or undefined when absent/null; a mapping where a list belongs is an error. */
  list(value: unknown, path: FieldPath): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.error(
      'type',
      path,
      t(
        `${pathText(path)}: expected a list (items start with "- ")`,
        `${pathText(path)}: 목록("- "로 시작하는 항목)이 와야 합니다`,
      ),
    );
    return undefined;
  }

  /** Text, or undefined when absent/null; anything else is an error. */
  string(value: unknown, path: FieldPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.error(
      'type',
      path,
      t(`${pathText(path)}: expected a string`, `${pathText(path)}: 문자열이 와야 합니다`),
    );
    return undefined;
  }

  bool(value: unknown, path: FieldPath): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.error(
      'type',
      path,
      t(`${pathText(path)}: expected true or false`, `${pathText(path)}: true 또는 false가 와야 합니다`),
    );
    return undefined;
  }

  /** An integer in [min, max]. */
  int(value: unknown, path: FieldPath, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.error(
      'range',
      path,
      t(
        `${pathText(path)}: must be a whole number from ${min} to ${max}`,
        `${pathText(path)}: ${min}부터 ${max} 사이의 정수여야 합니다`,
      ),
    );
    return undefined;
  }
}

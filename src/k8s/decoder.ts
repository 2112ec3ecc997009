// Reading one raw object field by field: type checks, API-server validation messages and
// lint warnings, each located at the field that caused it.
import type { Diagnostic } from '../lib/diagnostic';
import { hiddenCharacter, quote, shown } from '../lib/user-text';
import { FieldChecker, pathText, type Dict } from './field-checker';
import type { FieldPath, RawObject } from './source';
import type { Shape } from './schema';
import type { LabelSelector, LabelSelectorRequirement, Labels, Protocol, SelectorOperator } from './types';
import { t } from '../lib/text';
import { josa } from '../lib/korean';

export { pathText, type Dict };

/** A Kubernetes object's fields: the shared checks, plus protocols, labels, selectors and shapes. */
export class Decoder extends FieldChecker {
  constructor(
    readonly raw: RawObject,
    out: Diagnostic[],
  ) {
    super((path, part) => raw.at(path, part), out);
  }

  get file(): string {
    return this.raw.file;
  }

  protocol(value: unknown, path: FieldPath): Protocol {
    if (value === undefined || value === null) return 'TCP';
    if (value === 'TCP' || value === 'UDP' || value === 'SCTP') return value;
    const upper = typeof value === 'string' ? value.toUpperCase() : '';
    const hint =
      upper === 'TCP' || upper === 'UDP' || upper === 'SCTP'
        ? t(`protocols are upper case: ${upper}`, `프로토콜은 대문자로 씁니다: ${upper}`)
        : undefined;
    this.error(
      'protocol',
      path,
      t(
        `${pathText(path)}: unsupported protocol ${quote(value)}: must be TCP, UDP or SCTP`,
        `${pathText(path)}: 지원하지 않는 프로토콜 ${quote(value)}: TCP, UDP, SCTP 중 하나여야 합니다`,
      ),
      hint,
    );
    return 'TCP';
  }

  /** Label map (metadata.labels, matchLabels, Service selector) with key/value validation. */
  labels(value: unknown, path: FieldPath): Labels {
    const m = this.map(value, path);
    const out: Record<string, string> = {};
    if (!m) return out;
    for (const [k, v] of Object.entries(m)) {
      const p = [...path, k];
      if (!isQualifiedName(k)) {
        this.report(
          'error',
          'label-key',
          p,
          t(`invalid label key ${quote(k)}`, `잘못된 레이블 키 ${quote(k)}`),
          undefined,
          'key',
        );
      }
      if (v === null) {
        out[k] = ''; // `key:` with nothing after it decodes as the empty string
        continue;
      }
      if (typeof v !== 'string') {
        const quoted = quote(String(v));
        const key = shown(k, 60);
        this.error(
          'label-value',
          p,
          t(`label ${key}: values must be strings`, `레이블 ${key}: 값은 문자열이어야 합니다`),
          t(`quote it: ${key}: ${quoted}`, `따옴표로 감싸세요: ${key}: ${quoted}`),
        );
        continue;
      }
      if (!isLabelValue(v)) {
        this.error(
          'label-value',
          p,
          t(
            `invalid label value ${quote(v)} for ${shown(k, 60)}`,
            `${shown(k, 60)}의 레이블 값 ${josa(quote(v), '이/가')} 올바르지 않습니다`,
          ),
        );
      }
      out[k] = v;
    }
    return out;
  }

  /** A LabelSelector; absent means "select everything" (`{}`). */
  selector(value: unknown, path: FieldPath): LabelSelector {
    const m = this.map(value, path) ?? {};
    const matchLabels = this.labels(m.matchLabels, [...path, 'matchLabels']);
    const matchExpressions: LabelSelectorRequirement[] = [];
    const exprs = this.list(m.matchExpressions, [...path, 'matchExpressions']) ?? [];
    exprs.forEach((raw, i) => {
      const p = [...path, 'matchExpressions', i];
      const e = this.map(raw, p);
      if (!e) return;
      const key = this.string(e.key, [...p, 'key']);
      if (key === undefined) {
        this.error(
          'selector',
          p,
          t(
            'matchExpressions: each requirement needs a key',
            'matchExpressions: 각 조건에는 key가 필요합니다',
          ),
        );
        return;
      }
      if (!isQualifiedName(key))
        this.error(
          'label-key',
          [...p, 'key'],
          t(`invalid label key ${quote(key)}`, `잘못된 레이블 키 ${quote(key)}`),
        );
      const op = e.operator;
      if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') {
        this.error(
          'selector',
          [...p, 'operator'],
          t(
            `operator ${quote(op ?? null)} is not valid: use In, NotIn, Exists or DoesNotExist`,
            `operator ${josa(quote(op ?? null), '은/는')} 올바르지 않습니다: In, NotIn, Exists, DoesNotExist 중 하나를 쓰세요`,
          ),
        );
        return;
      }
      const rawValues =
        e.values === undefined || e.values === null ? [] : (this.list(e.values, [...p, 'values']) ?? []);
      const values: string[] = [];
      rawValues.forEach((v, j) => {
        if (typeof v === 'string') {
          if (!isLabelValue(v)) {
            this.error(
              'label-value',
              [...p, 'values', j],
              t(
                `invalid label value ${quote(v)} in values`,
                `values의 레이블 값 ${josa(quote(v), '이/가')} 올바르지 않습니다`,
              ),
            );
          }
          values.push(v);
        } else
          this.error(
            'label-value',
            [...p, 'values', j],
            t('values must be strings', '값은 문자열이어야 합니다'),
            t(`quote it: ${quote(String(v))}`, `따옴표로 감싸세요: ${quote(String(v))}`),
          );
      });
      if ((op === 'In' || op === 'NotIn') && rawValues.length === 0) {
        this.error(
          'selector',
          [...p, 'operator'],
          t(
            `operator ${op} needs a non-empty values list`,
            `operator ${op}에는 비어 있지 않은 values 목록이 필요합니다`,
          ),
        );
      }
      if ((op === 'Exists' || op === 'DoesNotExist') && rawValues.length > 0) {
        this.error(
          'selector',
          [...p, 'values'],
          t(`operator ${op} must not have values`, `operator ${op}에는 values를 쓰면 안 됩니다`),
        );
      }
      matchExpressions.push({ key, operator: op as SelectorOperator, values });
    });
    return { matchLabels, matchExpressions };
  }

  /**
   * Warns about every key and text value holding a bidi control or an invisible character: a
   * name can then read as something it is not (an RLO turns `cni0` around, a zero-width space
   * makes `web` and `we\u200bb` two names), and Kubernetes compares the bytes, not the looks.
   */
  hiddenCharacters(value: unknown): void {
    this.hiddenCharactersAt(value, []);
  }

  // One path, grown and shrunk on the way down, copied only for a report: a 3,000-pod dump has
  // millions of fields, and a new array per field was a good part of the CLI's garbage collection.
  private hiddenCharactersAt(value: unknown, path: (string | number)[]): void {
    if (typeof value === 'string') {
      const ch = hiddenCharacter(value);
      if (ch) this.reportHidden(ch, [...path], 'value');
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.hiddenCharactersAt(value[i], path);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      const ch = hiddenCharacter(key);
      if (ch) this.reportHidden(ch, [...path], 'key');
      this.hiddenCharactersAt((value as Dict)[key], path);
      path.pop();
    }
  }

  private reportHidden(ch: string, path: FieldPath, part: 'key' | 'value'): void {
    const where = pathText(path) || 'this object';
    const code = Number.parseInt(ch.slice(2), 16);
    const bidi =
      code === 0x61c ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    this.report(
      'warning',
      'hidden-character',
      path,
      bidi
        ? t(
            `${where} contains the bidi control ${ch}: the text shows in another order than it is written`,
            `${where}에 글자 순서를 바꾸는 제어 문자(${ch})가 들어 있습니다. 보이는 순서와 실제 값이 다릅니다`,
          )
        : t(
            `${where} contains the invisible character ${ch}`,
            `${where}에 보이지 않는 문자(${ch})가 들어 있습니다`,
          ),
      t(
        'delete it: Kubernetes compares names byte by byte, so a name that looks right can match nothing',
        '지우세요. Kubernetes는 이름을 바이트 단위로 비교하므로 맞아 보이는 이름도 아무것과도 맞지 않을 수 있습니다',
      ),
      part,
    );
  }

  /**
   * Warns about fields the kind does not have, suggesting the nearest known name, or the level
   * where the field belongs when indentation put it one level too deep.
   */
  unknownFields(value: unknown, shape: Shape): void {
    this.unknownFieldsAt(value, shape, [], []);
  }

  /** As hiddenCharactersAt: one path and one stack of the enclosing objects (their depth and shape). */
  private unknownFieldsAt(
    value: unknown,
    shape: Shape,
    path: (string | number)[],
    objects: { depth: number; shape: Shape }[],
  ): void {
    if (shape.t === 'any' || value === null || typeof value !== 'object') return;
    if (shape.t === 'list') {
      if (Array.isArray(value))
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          this.unknownFieldsAt(value[i], shape.of, path, objects);
          path.pop();
        }
      return;
    }
    if (Array.isArray(value)) return;
    objects.push({ depth: path.length, shape });
    for (const key of Object.keys(value)) {
      const known = shape.fields[key];
      path.push(key);
      if (known) this.unknownFieldsAt((value as Dict)[key], known, path, objects);
      else
        this.reportUnknownField(
          key,
          shape,
          [...path],
          // The objects around this one, outermost first, each with its own path.
          objects.slice(0, -1).map((o) => ({ path: path.slice(0, o.depth), shape: o.shape })),
        );
      path.pop();
    }
    objects.pop();
  }

  private reportUnknownField(
    key: string,
    shape: Shape & { t: 'object' },
    path: FieldPath,
    ancestors: readonly { path: FieldPath; shape: Shape }[],
  ): void {
    const where = pathText(path);
    const message = t(`unknown field "${where}"`, `알 수 없는 필드 "${where}"`);
    const owner = [...ancestors].reverse().find((a) => a.shape.t === 'object' && key in a.shape.fields);
    if (owner) {
      const ownerText = pathText([...owner.path, key]) || key;
      const parent = pathText(path.slice(0, -1));
      this.report(
        'warning',
        'misplaced-field',
        path,
        message,
        t(
          `${quote(key)} belongs at ${ownerText}, not inside ${parent}: check the indentation. Here it is ignored, so the object means something else than it looks`,
          `${josa(quote(key), '은/는')} ${parent} 안이 아니라 ${ownerText} 자리에 있어야 합니다. 들여쓰기를 확인하세요. 여기서는 무시되므로 보이는 것과 다른 뜻이 됩니다`,
        ),
        'key',
      );
      return;
    }
    const guess = closestName(key, Object.keys(shape.fields));
    const hint = guess
      ? t(
          `did you mean ${quote(guess)}? kubectl rejects unknown fields (strict validation); where they are dropped, this entry behaves as if ${quote(key)} were not there`,
          `혹시 ${quote(guess)} 말인가요? kubectl은 알 수 없는 필드를 거부합니다(strict 검증). 무시되는 경우 이 항목은 ${josa(quote(key), '이/가')} 없는 것처럼 동작합니다`,
        )
      : t(
          'kubectl rejects unknown fields (strict validation)',
          'kubectl은 알 수 없는 필드를 거부합니다(strict 검증)',
        );
    this.report('warning', 'unknown-field', path, message, hint, 'key');
  }
}

/** The known name nearest to `name` by edit distance, if it is close enough to be a typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  return bestDistance <= allowed ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** RFC 1123 label: namespaces, container port names' shape checks. */
export function isDnsLabel(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s);
}

/** RFC 1123 subdomain: most object names. */
export function isDnsSubdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && s.split('.').every((p) => DNS_LABEL.test(p));
}

/** Label keys: optional DNS-subdomain prefix, `/`, a name of up to 63 characters. */
export function isQualifiedName(s: string): boolean {
  const parts = s.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1]!;
  if (parts.length === 2 && !isDnsSubdomain(parts[0]!)) return false;
  return name.length <= 63 && NAME_PART.test(name);
}

export function isLabelValue(s: string): boolean {
  return s === '' || (s.length <= 63 && NAME_PART.test(s));
}

/** IANA service name: what a named port must be (≤15 chars, a letter, no double or edge hyphen). */
export function isPortName(s: string): boolean {
  return (
    s.length <= 15 &&
    /^[a-z0-9-]+$/.test(s) &&
    /[a-z]/.test(s) &&
    !s.startsWith('-') &&
    !s.endsWith('-') &&
    !s.includes('--')
  );
}

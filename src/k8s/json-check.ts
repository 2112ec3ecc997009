// Strict JSON, as the container runtime's Go decoder reads a CNI configuration file: the value, or
// the first mistake with its offset (a trailing comma, a missing comma or quote, a comment), so
// the editor can point at the very character inside the YAML block that holds the file.
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';

export type JsonRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly offset: number; readonly message: LocalText };

class JsonError extends Error {
  constructor(
    readonly offset: number,
    readonly text: LocalText,
  ) {
    super(text.en);
  }
}

/** Reads `text` as one JSON value (RFC 8259: no comments, no trailing commas, double quotes only). */
export function readJson(text: string): JsonRead {
  let i = 0;
  const fail = (message: LocalText, at = i): never => {
    throw new JsonError(at, message);
  };
  const shown = (): string => (i >= text.length ? 'the end of the text' : JSON.stringify(text[i]));
  const shownKo = (): string => (i >= text.length ? '텍스트 끝' : JSON.stringify(text[i]));
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i))
      fail(t('JSON has no comments', 'JSON에는 주석을 쓸 수 없습니다'));
  };
  const expect = (what: string, whatKo: string): never =>
    fail(
      t(
        `expected ${what}, found ${shown()}`,
        `${josa(whatKo, '이/가')} 와야 하는데 ${josa(shownKo(), '이/가')} 있습니다`,
      ),
    );
  const string = (): string => {
    if (text[i] === "'")
      fail(t('JSON strings take double quotes (")', 'JSON 문자열은 큰따옴표(")로 감쌉니다'));
    if (text[i] !== '"') expect('a string in double quotes', '큰따옴표로 감싼 문자열');
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20)
        fail(
          t('a string cannot span lines: close it with "', '문자열이 줄을 넘을 수 없습니다. "로 닫으세요'),
        );
      i++;
    }
    if (i >= text.length) fail(t('unterminated string: add the closing "', '닫는 "가 없습니다'), start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(t('invalid escape in a string', '문자열에 잘못된 이스케이프가 있습니다'), start);
    }
  };
  const value = (): unknown => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] === '}') fail(t('trailing comma before "}"', '"}" 앞에 쉼표가 남아 있습니다'), i);
        const key = string();
        space();
        if (text[i] !== ':') expect('":" after the key', '키 뒤에 ":"');
        i++;
        out[key] = value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        expect('"," or "}"', '"," 또는 "}"');
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] === ']') fail(t('trailing comma before "]"', '"]" 앞에 쉼표가 남아 있습니다'), i);
        out.push(value());
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        expect('"," or "]"', '"," 또는 "]"');
      }
    }
    if (c === '"' || c === "'") return string();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) return expect('a value', '값');
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };
  try {
    const v = value();
    space();
    if (i < text.length)
      fail(
        t(
          `unexpected ${shown()} after the JSON value`,
          `JSON 값 뒤에 ${josa(shownKo(), '이/가')} 더 있습니다`,
        ),
      );
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, offset: e.offset, message: e.text };
    throw e;
  }
}

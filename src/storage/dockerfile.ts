// Dockerfile text → instructions with their line and column, the `# size: 306MB` comment directly
// above each one (nothing is really built, so sizes are written down), and diagnostics. Follows
// the Dockerfile reference: `\` continues a line, comment lines inside a continuation are
// dropped, instructions are case-insensitive, ARG may come before the first FROM.
import type { Diagnostic } from '../lib/diagnostic';
import { type LocalText } from '../lib/text';
import { closestName } from '../k8s/decoder';
import { parseByteSize } from './byte-size';

export const INSTRUCTIONS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
] as const;
export type Keyword = (typeof INSTRUCTIONS)[number];

/** Instructions that add files to the image; every other one changes only its configuration. */
export const FILESYSTEM_INSTRUCTIONS: readonly Keyword[] = ['RUN', 'COPY', 'ADD'];

export interface Instruction {
  readonly keyword: Keyword;
  /** Everything after the keyword, continuation lines joined with a space. */
  readonly args: string;
  /** 1-based, in the file (archive offset included). */
  readonly line: number;
  readonly col: number;
  /** The text as written on its first line (for drawings). */
  readonly source: string;
  /** From `# size: …` directly above; undefined when there is none. */
  readonly size?: number;
  readonly sizeText?: string;
}

export interface ParsedDockerfile {
  /** The file diagnostics name (an archive's, for a Dockerfile inside one). */
  readonly file: string;
  /** The Dockerfile's own name (`Dockerfile2`). */
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

const t = (en: string, ko: string): LocalText => ({ en, ko });
const SIZE_COMMENT = /^#\s*size\s*:\s*(.*)$/i;

/** Two letters swapped (`FORM` for FROM) is a typo closestName's edit distance misses on short words. */
const sameLetters = (a: string, b: string): boolean => [...a].sort().join() === [...b].sort().join();

/** Parses one Dockerfile; `lineOffset` shifts every line (a file inside an archive). */
export function parseDockerfile(
  file: string,
  text: string,
  out: Diagnostic[],
  lineOffset = 0,
  name = file,
): ParsedDockerfile {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const instructions: Instruction[] = [];
  const diag = (
    line: number,
    col: number,
    severity: Diagnostic['severity'],
    code: string,
    message: LocalText,
    hint?: LocalText,
  ) => out.push({ file, line: line + lineOffset, col, severity, code, message, ...(hint ? { hint } : {}) });
  let pendingSize: { bytes?: number; text: string; line: number } | undefined;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const lineNo = i + 1;
    i++;
    if (trimmed === '') {
      pendingSize = undefined;
      continue;
    }
    if (trimmed.startsWith('#')) {
      const m = SIZE_COMMENT.exec(trimmed);
      if (m) {
        const bytes = parseByteSize(m[1]!);
        if (bytes === undefined)
          diag(
            lineNo,
            raw.indexOf('#') + 1,
            'error',
            'size-comment',
            t(
              `"${m[1]!.trim()}" is not a size: write it like 306MB, 6.3MB or 0B`,
              `"${m[1]!.trim()}" 값은 크기가 아닙니다. 306MB, 6.3MB, 0B처럼 쓰세요`,
            ),
          );
        pendingSize = { ...(bytes !== undefined ? { bytes } : {}), text: m[1]!.trim(), line: lineNo };
      }
      continue;
    }
    // Join continuation lines; comment lines inside the continuation are removed.
    let joined = raw.trimEnd();
    while (joined.endsWith('\\') && i < lines.length) {
      joined = joined.slice(0, -1);
      while (i < lines.length && lines[i]!.trim().startsWith('#')) i++;
      if (i < lines.length) joined += ' ' + lines[i]!.trim();
      i++;
    }
    const col = raw.length - raw.trimStart().length + 1;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(joined.trim())!;
    const word = m[1]!.toUpperCase();
    const args = m[2]!.replace(/\s+/g, ' ').trim();
    if (!(INSTRUCTIONS as readonly string[]).includes(word)) {
      const guess = closestName(word, INSTRUCTIONS) ?? INSTRUCTIONS.find((k) => sameLetters(k, word));
      diag(
        lineNo,
        col,
        'error',
        'dockerfile-instruction',
        t(`unknown instruction: ${m[1]}`, `알 수 없는 명령어: ${m[1]}`),
        guess ? t(`did you mean ${guess}?`, `혹시 ${guess} 명령 말인가요?`) : undefined,
      );
      pendingSize = undefined;
      continue;
    }
    const keyword = word as Keyword;
    if (args === '' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT')
      diag(
        lineNo,
        col,
        'error',
        'dockerfile-arguments',
        t(`${keyword} requires at least one argument`, `${keyword} 명령에는 인자가 하나 이상 필요합니다`),
      );
    const sizePart =
      pendingSize?.bytes !== undefined ? { size: pendingSize.bytes, sizeText: pendingSize.text } : {};
    if (
      pendingSize &&
      !FILESYSTEM_INSTRUCTIONS.includes(keyword) &&
      keyword !== 'FROM' &&
      (pendingSize.bytes ?? 0) > 0
    )
      diag(
        pendingSize.line,
        1,
        'warning',
        'size-on-metadata',
        t(
          `${keyword} changes only the image's configuration: its layer is 0 B whatever the comment says`,
          `${keyword} 명령은 이미지 설정만 바꾸므로 주석과 상관없이 레이어 크기는 0 B입니다`,
        ),
      );
    instructions.push({ keyword, args, line: lineNo + lineOffset, col, source: raw.trim(), ...sizePart });
    pendingSize = undefined;
  }
  const first = instructions.find((x) => x.keyword !== 'ARG');
  if (instructions.length === 0)
    diag(
      1,
      1,
      'error',
      'dockerfile-empty',
      t(
        'the Dockerfile has no instructions: it needs at least FROM',
        'Dockerfile에 명령어가 없습니다. 적어도 FROM이 필요합니다',
      ),
    );
  else if (first && first.keyword !== 'FROM')
    out.push({
      file,
      line: first.line,
      col: first.col,
      severity: 'error',
      code: 'dockerfile-from',
      message: t(
        `the first instruction must be FROM (only ARG may come before it), not ${first.keyword}`,
        `첫 명령어는 FROM이어야 합니다(앞에는 ARG만 올 수 있습니다). 지금은 ${first.keyword} 명령입니다`,
      ),
    });
  return { file, name, instructions };
}

/** Words of an instruction's arguments: a JSON array (`["a", "b"]`) or whitespace-separated. */
export function argumentWords(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
    } catch {
      // Not JSON: Docker runs it as shell form; fall through to words.
    }
  }
  return args.split(' ').filter(Boolean);
}

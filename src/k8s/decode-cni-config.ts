// netlab's own `netlab.dev/v1 CNIConfig`: a file in /etc/cni/net.d (metadata.name is its name),
// on every node or on spec.nodes, holding spec.config — JSON in a literal block (`|`), as the file
// reads, or the same as a YAML map. Mistakes are located inside the block, at the JSON's own spot.
import type { Diagnostic, SourcePosition } from '../lib/diagnostic';
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import { FieldChecker } from './field-checker';
import { readNetConf } from './cni-conf';
import { isConfigFileName } from './net-d';
import type { Decoder, Dict } from './decoder';
import { readJson } from './json-check';
import { JsonPositions } from './json-source';
import type { FieldPath, Locator } from './source';
import type { CniConfigObject } from './types';

export function decodeCniConfig(
  d: Decoder,
  obj: Dict,
  file: string,
  fileText: string | undefined,
  out: Diagnostic[],
): CniConfigObject | undefined {
  if (!isConfigFileName(file))
    d.report(
      'warning',
      'cni-file-name',
      ['metadata', 'name'],
      t(
        `${quote(file)} does not end in .conf, .conflist or .json: the runtime does not read it as a network configuration`,
        `${josa(quote(file), '은/는')} .conf, .conflist, .json으로 끝나지 않아 런타임이 네트워크 설정으로 읽지 않습니다`,
      ),
    );
  const spec = d.map(obj.spec, ['spec']) ?? {};
  let nodes: string[] | undefined;
  const list = d.list(spec.nodes, ['spec', 'nodes']);
  if (list) {
    nodes = [];
    list.forEach((n, i) => {
      const name = d.string(n, ['spec', 'nodes', i]);
      if (name !== undefined) nodes!.push(name);
    });
  }
  const source = { file: d.file, at: d.raw.at };
  const base = { file, ...(nodes ? { nodes } : {}), source };
  const raw = spec.config;
  if (raw === undefined || raw === null) {
    d.error(
      'required',
      obj.spec ? ['spec'] : [],
      t(
        'CNIConfig: spec.config is required (the file’s JSON, e.g. in a literal block "config: |")',
        'CNIConfig: spec.config가 필요합니다(파일의 JSON, 예: 리터럴 블록 "config: |")',
      ),
    );
    return undefined;
  }
  if (typeof raw === 'string') {
    const locate = blockLocator(d.raw.at, raw, fileText);
    const read = readJson(raw);
    if (!read.ok) {
      const where = locate.offset(read.offset);
      // Outside a literal block the whole string is pointed at: say where inside the JSON.
      const inJson = locate.block ? '' : ` (${locate.jsonPosition(read.offset)})`;
      out.push({
        ...where,
        severity: 'error',
        code: 'cni-json',
        message: t(
          `invalid JSON in ${file}${inJson}: ${read.message.en}`,
          `${file}의 JSON이 잘못되었습니다${inJson}: ${read.message.ko}`,
        ),
        hint: t(
          'the runtime cannot load this file and skips it (no pod on these nodes gets a network from it)',
          '런타임은 이 파일을 읽지 못해 건너뜁니다(이 노드의 파드는 이 파일로 네트워크를 받지 못합니다)',
        ),
      });
      return { ...base, text: raw };
    }
    const positions = new JsonPositions(file, raw);
    const at: Locator = (path, part = 'value') => locate.offset(positions.locate(0, path, part));
    const conf = readNetConf(new FieldChecker(at, out), read.value, file);
    return { ...base, text: raw, ...(conf ? { conf } : {}) };
  }
  const at: Locator = (path: FieldPath, part) => d.raw.at(['spec', 'config', ...path], part);
  const conf = readNetConf(new FieldChecker(at, out), raw, file);
  return { ...base, text: JSON.stringify(raw, null, 2) + '\n', ...(conf ? { conf } : {}) };
}

/**
 * Offsets inside spec.config's text → places in the YAML file. A literal block (`|`) keeps each
 * line, less its indentation, so line i of the JSON is line i after the indicator; a quoted or
 * plain string is pointed at as a whole (with the JSON's own line and column in the message).
 */
function blockLocator(
  at: Locator,
  value: string,
  fileText: string | undefined,
): {
  readonly block: boolean;
  offset(offset: number): SourcePosition;
  jsonPosition(offset: number): string;
} {
  const start = at(['spec', 'config']);
  const lines = fileText?.split('\n');
  const header = lines?.[start.line - 1];
  const indicator = header?.[start.col - 1];
  let indent = -1;
  if (lines && (indicator === '|' || indicator === '>')) {
    for (let i = start.line; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      indent = line.length - line.trimStart().length;
      break;
    }
  }
  const inside = (offset: number): { line: number; col: number } => {
    const before = value.slice(0, Math.max(0, offset));
    return { line: before.split('\n').length - 1, col: before.length - (before.lastIndexOf('\n') + 1) };
  };
  const block = indent >= 0 && indicator === '|';
  return {
    block,
    offset(offset: number): SourcePosition {
      const { line, col } = inside(offset);
      return block ? { file: start.file, line: start.line + 1 + line, col: indent + col + 1 } : start;
    },
    jsonPosition(offset: number): string {
      const { line, col } = inside(offset);
      return `JSON ${line + 1}:${col + 1}`;
    },
  };
}

// YAML text → raw Kubernetes objects that remember where every field came from.
// This is the only module that touches the `yaml` package; everything after it works on plain
// values and asks a Locator for positions.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../lib/diagnostic';
import { reportProgress } from '../lib/progress';
import { parseFastYaml, type FastDocument, type FastPos } from './fast-yaml';
import { JsonPositions, looksLikeJson } from './json-source';

/** A manifest file as the user gave it. */
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

export type FieldPath = readonly (string | number)[];

/** Finds the source position of a field path inside one object (`part: 'key'` for its key). */
export type Locator = (path: FieldPath, part?: 'key' | 'value') => SourcePosition;

/** One Kubernetes object read from YAML, before any decoding. */
export interface RawObject {
  readonly file: string;
  readonly value: unknown;
  readonly at: Locator;
}

export interface ReadResult {
  readonly objects: RawObject[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads every document of every file; `kind: List` documents yield their items. JSON goes
 * through JSON.parse and kubectl-style YAML through the fast reader, unless `fast` is false (the
 * tests that hold them to the full YAML reader's values and positions).
 */
export function readManifests(files: readonly ManifestFile[], fast = true): ReadResult {
  const objects: RawObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) readFile(file, objects, diagnostics, fast);
  return { objects, diagnostics };
}

/** A YAML document, parsed once and cached by its text. Offsets are relative to its chunk. */
interface ParsedDocument {
  readonly errors: readonly { readonly offset: number; readonly message: string }[];
  readonly root: Node | null;
  readonly value?: unknown;
  readonly valueError?: string;
}

interface ParsedChunk {
  readonly lineCounter: LineCounter;
  readonly docs: readonly ParsedDocument[];
}

/**
 * Splits a file at document markers (`---` at the start of a line), so that an edit re-parses
 * only the document it touched. A file with directives (`%YAML`) is parsed whole.
 */
export function splitDocuments(text: string): { text: string; lineOffset: number }[] {
  if (/^%/m.test(text) || !/^---(?:[ \t]|$)/m.test(text)) return [{ text, lineOffset: 0 }];
  const chunks: { text: string; lineOffset: number }[] = [];
  const lines = text.split('\n');
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || /^---(?:[ \t]|$)/.test(lines[i]!)) {
      chunks.push({ text: lines.slice(start, i).join('\n'), lineOffset: start });
      start = i;
    }
  }
  return chunks;
}

const CACHE_LIMIT = 5000;
const chunkCache = new Map<string, ParsedChunk>();

function parseChunk(text: string): ParsedChunk {
  const hit = chunkCache.get(text);
  if (hit) {
    // refresh recency: Map iteration order is insertion order
    chunkCache.delete(text);
    chunkCache.set(text, hit);
    return hit;
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // An empty stream parses to an EmptyStream, which has no documents.
  const docs: ParsedDocument[] = (Array.isArray(parsed) ? parsed : []).map((doc) => {
    const errors = doc.errors.map((err) => {
      const first = err.message.split('\n')[0] ?? err.message;
      return { offset: err.pos[0], message: first.replace(/ at line \d+, column \d+:?$/, '') };
    });
    const root = errors.length > 0 ? null : (doc.contents as Node | null);
    if (!root) return { errors, root: null };
    try {
      return { errors, root, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
    } catch (err) {
      // An alias to a missing anchor, or an alias bomb: toJS throws instead of reporting.
      return { errors, root, valueError: err instanceof Error ? err.message : String(err) };
    }
  });
  const chunk = { lineCounter, docs };
  chunkCache.set(text, chunk);
  if (chunkCache.size > CACHE_LIMIT) chunkCache.delete(chunkCache.keys().next().value!);
  return chunk;
}

function readFile(
  file: ManifestFile,
  objects: RawObject[],
  diagnostics: Diagnostic[],
  useFast: boolean,
): void {
  if (useFast && looksLikeJson(file.text) && readJsonFile(file, objects, diagnostics)) return;
  let read = 0;
  for (const piece of splitDocuments(useFast ? blankManagedFields(file.text) : file.text)) {
    reportProgress('read', read, file.text.length);
    read += piece.text.length + 1;
    const fast = useFast ? parseFastCached(piece.text) : undefined;
    if (fast && readFastDocument(file, fast, piece.lineOffset, objects)) continue;
    const { lineCounter, docs } = parseChunk(piece.text);
    const pos = (offset: number): SourcePosition => {
      const { line, col } = lineCounter.linePos(offset);
      return { file: file.name, line: line + piece.lineOffset, col };
    };
    for (const doc of docs) readDocument(file, doc, pos, objects, diagnostics);
  }
}

function readDocument(
  file: ManifestFile,
  doc: ParsedDocument,
  pos: (offset: number) => SourcePosition,
  objects: RawObject[],
  diagnostics: Diagnostic[],
): void {
  for (const err of doc.errors) {
    diagnostics.push({
      ...pos(err.offset),
      severity: 'error',
      code: 'yaml-syntax',
      message: { en: `YAML: ${err.message}`, ko: `YAML 문법 오류: ${err.message}` },
    });
  }
  const root = doc.root;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return; // an empty document (e.g. a leading `---`) is not an error
  }
  const at = makeLocator(root, pos);
  if (doc.valueError !== undefined) {
    diagnostics.push({
      ...at([]),
      severity: 'error',
      code: 'yaml-alias',
      message: { en: `YAML: ${doc.valueError}`, ko: `YAML 별칭(alias) 오류: ${doc.valueError}` },
    });
    return;
  }
  const value = doc.value;
  if (!isMap(root)) {
    diagnostics.push({
      ...at([]),
      severity: 'error',
      code: 'not-an-object',
      message: {
        en: 'expected a Kubernetes object (a mapping with apiVersion, kind and metadata)',
        ko: 'Kubernetes 오브젝트(apiVersion, kind, metadata를 가진 매핑)가 와야 합니다',
      },
    });
    return;
  }
  const kind = (value as Record<string, unknown>).kind;
  // `kubectl get … -o yaml` prints `kind: List`; typed lists (PodList, …) carry items the same way.
  if (
    kind === 'List' ||
    (typeof kind === 'string' && kind.endsWith('List') && 'items' in (value as object))
  ) {
    const items = (value as Record<string, unknown>).items;
    if (!Array.isArray(items)) {
      diagnostics.push({
        ...at(['items'], 'key'),
        severity: 'error',
        code: 'list-items',
        message: {
          en: 'a List needs `items`, a list of objects',
          ko: 'List에는 오브젝트 목록인 `items`가 필요합니다',
        },
      });
      return;
    }
    items.forEach((item, i) => {
      const itemNode = (root.getIn(['items', i], true) as Node | undefined) ?? root;
      objects.push({ file: file.name, value: item, at: makeLocator(itemNode, pos) });
    });
    return;
  }
  objects.push({ file: file.name, value, at });
}

const fastCache = new Map<string, FastDocument | null>();

/** parseFastYaml, remembered by text like parseChunk (an edit re-reads only its document). */
function parseFastCached(text: string): FastDocument | undefined {
  let hit = fastCache.get(text);
  if (hit === undefined) {
    hit = parseFastYaml(text) ?? null;
    fastCache.set(text, hit);
    if (fastCache.size > CACHE_LIMIT) fastCache.delete(fastCache.keys().next().value!);
  } else {
    fastCache.delete(text);
    fastCache.set(text, hit);
  }
  return hit ?? undefined;
}

/**
 * A document the fast reader took (always a mapping); a List yields its items. False for a List
 * without a list of items, which the full reader reports.
 */
function readFastDocument(
  file: ManifestFile,
  doc: FastDocument,
  lineOffset: number,
  objects: RawObject[],
): boolean {
  const at = fastLocator(() => doc.positions(), file.name, lineOffset);
  const value = doc.value as Record<string, unknown>;
  const kind = value.kind;
  const isList = kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && 'items' in value);
  if (isList) {
    if (!Array.isArray(value.items)) return false;
    value.items.forEach((item, i) => {
      const itemAt = doc.itemPositions
        ? fastLocator(() => doc.itemPositions!(i) ?? doc.positions(), file.name, lineOffset)
        : fastLocator(
            () => doc.positions().keys?.get('items')?.value?.items?.[i] ?? doc.positions(),
            file.name,
            lineOffset,
          );
      objects.push({ file: file.name, value: item, at: itemAt });
    });
    return true;
  }
  objects.push({ file: file.name, value, at });
  return true;
}

/** A locator over positions the fast reader works out on the first call. */
function fastLocator(positions: () => FastPos, file: string, lineOffset: number): Locator {
  let root: FastPos | undefined;
  return (path, part = 'value') => {
    root ??= positions();
    let node: { line: number; col: number } = root;
    let keyPos: { line: number; col: number } | null = null;
    for (const step of path) {
      keyPos = null;
      const here = node as FastPos;
      if (here.keys) {
        const entry = here.keys.get(String(step));
        if (!entry) break;
        keyPos = entry;
        if (!entry.value) {
          node = entry;
          break;
        }
        node = entry.value;
      } else if (here.items && typeof step === 'number') {
        const item = here.items[step];
        if (!item) break;
        node = item;
      } else break;
    }
    const target = part === 'key' && keyPos ? keyPos : node;
    return { file, line: target.line + lineOffset, col: target.col };
  };
}

/**
 * A JSON document (`kubectl get -o json`): JSON.parse, then positions only when asked for. Text
 * that JSON.parse rejects returns false, and the YAML reader reports where it goes wrong.
 */
function readJsonFile(file: ManifestFile, objects: RawObject[], diagnostics: Diagnostic[]): boolean {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch {
    return false;
  }
  const positions = new JsonPositions(file.name, file.text);
  const at = positions.locator(() => 0);
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && 'items' in record)) {
    if (!Array.isArray(record.items)) {
      diagnostics.push({
        ...at(['items'], 'key'),
        severity: 'error',
        code: 'list-items',
        message: {
          en: 'a List needs `items`, a list of objects',
          ko: 'List에는 오브젝트 목록인 `items`가 필요합니다',
        },
      });
      return true;
    }
    let starts: number[] | undefined;
    const count = record.items.length;
    record.items.forEach((item, i) => {
      const itemAt = positions.locator(() => (starts ??= positions.listItemStarts(count))[i] ?? 0);
      objects.push({ file: file.name, value: item, at: itemAt });
    });
    return true;
  }
  objects.push({ file: file.name, value, at });
  return true;
}

/**
 * metadata.managedFields blanked out of a YAML text before parsing (the lines stay, empty, so
 * every position after them is unchanged). A quarter of a dump is managedFields, which netlab
 * never reads: a block `managedFields:` whose entries are indented deeper, or are list items at
 * its own indentation, as kubectl prints them.
 */
export function blankManagedFields(text: string): string {
  let at = text.indexOf('managedFields:');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const head = text.slice(lineStart, lineEnd);
    const m = /^( *)managedFields:[ \t]*$/.exec(head);
    if (!m) {
      at = text.indexOf('managedFields:', lineEnd);
      continue;
    }
    const indent = m[1]!.length;
    // Past the block: blank lines, deeper lines, and `- ` items at the key's own indentation.
    let end = lineEnd;
    let newlines = 0;
    while (end < text.length) {
      const next = text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, next < 0 ? text.length : next);
      let lead = 0;
      while (line.charCodeAt(lead) === 32) lead++;
      const blank = lead === line.length;
      if (!(blank || lead > indent || (lead === indent && line.startsWith('- ', lead)))) break;
      if (next < 0) {
        end = text.length;
        break;
      }
      newlines++;
      end = next;
    }
    out += text.slice(copied, lineEnd) + '\n'.repeat(newlines);
    copied = end;
    at = text.indexOf('managedFields:', end);
  }
  return out + text.slice(copied);
}

function makeLocator(root: Node, pos: (offset: number) => SourcePosition): Locator {
  return (path, part = 'value') => {
    let node: Node = root;
    let keyNode: Node | null = null;
    for (const step of path) {
      keyNode = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as Node;
        if (pair.value === null || pair.value === undefined) {
          node = keyNode;
          break;
        }
        node = pair.value as Node;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        node = item;
      } else {
        break;
      }
    }
    const target = part === 'key' && keyNode ? keyNode : node;
    return pos(target.range?.[0] ?? 0);
  };
}

/** One YAML data file that is not a manifest (a lesson's `lesson.yaml`): its value and positions. */
export interface DataFile {
  /** undefined when the file is empty or has syntax errors. */
  readonly value: unknown;
  readonly at: Locator;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a single-document YAML file with the same parser, cache and positions as manifests, so
 * other file formats report `file:line:col` the same way. A second document is an error.
 */
export function readYamlData(file: ManifestFile): DataFile {
  const { lineCounter, docs } = parseChunk(file.text);
  const pos = (offset: number): SourcePosition => ({ file: file.name, ...lineCounter.linePos(offset) });
  const diagnostics: Diagnostic[] = [];
  const fallback: Locator = () => ({ file: file.name, line: 1, col: 1 });
  const doc = docs[0];
  if (docs.length > 1) {
    diagnostics.push({
      ...pos(docs[1]!.root?.range?.[0] ?? 0),
      severity: 'error',
      code: 'yaml-documents',
      message: {
        en: 'expected one YAML document; remove the `---` separators',
        ko: 'YAML 문서는 하나여야 합니다. `---` 구분선을 지우세요',
      },
    });
  }
  if (!doc) return { value: undefined, at: fallback, diagnostics };
  for (const err of doc.errors) {
    diagnostics.push({
      ...pos(err.offset),
      severity: 'error',
      code: 'yaml-syntax',
      message: { en: `YAML: ${err.message}`, ko: `YAML 문법 오류: ${err.message}` },
    });
  }
  if (!doc.root) return { value: undefined, at: fallback, diagnostics };
  const at = makeLocator(doc.root, pos);
  if (doc.valueError !== undefined) {
    diagnostics.push({
      ...at([]),
      severity: 'error',
      code: 'yaml-alias',
      message: { en: `YAML: ${doc.valueError}`, ko: `YAML 별칭(alias) 오류: ${doc.valueError}` },
    });
    return { value: undefined, at, diagnostics };
  }
  return { value: doc.value, at, diagnostics };
}

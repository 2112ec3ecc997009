// YAML text → raw Kubernetes objects that remember where every field came from.
// This is the only module that touches the `yaml` package; everything after it works on plain
// values and asks a Locator for positions.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../lib/diagnostic';

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

/** Reads every document of every file; `kind: List` documents yield their items. */
export function readManifests(files: readonly ManifestFile[]): ReadResult {
  const objects: RawObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) readFile(file, objects, diagnostics);
  return { objects, diagnostics };
}

function readFile(file: ManifestFile, objects: RawObject[], diagnostics: Diagnostic[]): void {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(file.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: file.name, line, col };
  };
  if (!Array.isArray(docs)) {
    // An empty stream parses to an EmptyStream, which has no documents.
    return;
  }
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const first = err.message.split('\n')[0] ?? err.message;
        const short = first.replace(/ at line \d+, column \d+:?$/, '');
        diagnostics.push({
          ...pos(err.pos[0]),
          severity: 'error',
          code: 'yaml-syntax',
          message: { en: `YAML: ${short}`, ko: `YAML 문법 오류: ${short}` },
        });
      }
      continue;
    }
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
      continue; // an empty document (e.g. a leading `---`) is not an error
    }
    const at = makeLocator(root, pos);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // An alias to a missing anchor, or an alias bomb: toJS throws instead of reporting.
      const short = err instanceof Error ? err.message : String(err);
      diagnostics.push({
        ...at([]),
        severity: 'error',
        code: 'yaml-alias',
        message: { en: `YAML: ${short}`, ko: `YAML 별칭(alias) 오류: ${short}` },
      });
      continue;
    }
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
      continue;
    }
    const kind = (value as Record<string, unknown>).kind;
    // `kubectl get … -o yaml` prints `kind: List`; typed lists (PodList, …) carry items the same way.
    if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && 'items' in (value as object))) {
      const items = (value as Record<string, unknown>).items;
      if (!Array.isArray(items)) {
        diagnostics.push({
          ...at(['items'], 'key'),
          severity: 'error',
          code: 'list-items',
          message: { en: 'a List needs `items`, a list of objects', ko: 'List에는 오브젝트 목록인 `items`가 필요합니다' },
        });
        continue;
      }
      items.forEach((item, i) => {
        const itemNode = (root.getIn(['items', i], true) as Node | undefined) ?? root;
        objects.push({ file: file.name, value: item, at: makeLocator(itemNode, pos) });
      });
      continue;
    }
    objects.push({ file: file.name, value, at });
  }
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

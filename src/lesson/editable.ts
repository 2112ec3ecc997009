// The challenge's implicit `editable` check: which objects the learner's text changed since the
// challenge's start, and whether the lesson lets them change those. Objects are compared by value,
// so YAML formatting, comments and key order never count as a change. Pure: no DOM, no files.
import { fill, type LocalText } from '../lib/text';
import { isNamespaced } from '../k8s/load-cluster';
import { readManifests } from '../k8s/source';
import { isVolumeKindNamespaced } from '../storage/load-volumes';
import { objectLabel } from './object-label';
import { DEFAULTS, WORDS } from './messages';
import type { CheckResult, EditableCheck, ObjectRef } from './types';

/** The id of the implicit check; lesson.yaml may not give a check this id. */
export const EDITABLE_CHECK_ID = 'only-editable';

/** An object of either text that is not the same in both. */
export interface ObjectChange extends ObjectRef {
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalarText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/**
 * The namespace that identifies an object: the written one or `default` for namespaced kinds,
 * none for cluster-scoped kinds (the API server ignores it), and the written one for a kind
 * netlab does not know (it cannot tell).
 */
function scopeOf(kind: string, namespace: string | undefined): string | undefined {
  const namespaced = isNamespaced(kind) ?? isVolumeKindNamespaced(kind);
  if (namespaced === false) return undefined;
  return namespaced ? (namespace ?? 'default') : namespace;
}

/** Objects and lists in a fixed key order, so `{a, b}` and `{b, a}` read the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isDict(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
}

interface Identified {
  readonly ref: { kind: string; namespace?: string; name: string };
  /** The canonical value, metadata.namespace left out: it is part of the identity instead. */
  readonly value: string;
}

function identify(value: unknown): Identified {
  const obj = isDict(value) ? value : {};
  const meta = isDict(obj.metadata) ? obj.metadata : undefined;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const namespace = scopeOf(kind, scalarText(meta?.namespace));
  const ref = { kind, name: scalarText(meta?.name) ?? '', ...(namespace !== undefined ? { namespace } : {}) };
  if (!meta || !isDict(value)) return { ref, value: canonical(value) };
  const { namespace: _written, ...rest } = meta;
  return { ref, value: canonical({ ...obj, metadata: rest }) };
}

/** Every object of a scenario text (List items too) by identity; values of duplicates kept side by side. */
function objectsOf(text: string): Map<string, { ref: Identified['ref']; values: string[] }> {
  const out = new Map<string, { ref: Identified['ref']; values: string[] }>();
  for (const raw of readManifests([{ name: 'scenario.yaml', text }]).objects) {
    const { ref, value } = identify(raw.value);
    const key = JSON.stringify([ref.kind, ref.namespace ?? null, ref.name]);
    const entry = out.get(key);
    if (entry) entry.values.push(value);
    else out.set(key, { ref, values: [value] });
  }
  return out;
}

const sameValues = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The objects added, removed or changed from `beforeText` to `afterText`, in the order they appear. */
export function changedObjects(beforeText: string, afterText: string): ObjectChange[] {
  const before = objectsOf(beforeText);
  const after = objectsOf(afterText);
  const changes: ObjectChange[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) changes.push({ ...b.ref, change: 'removed' });
    else if (!sameValues(a.values, b.values)) changes.push({ ...b.ref, change: 'changed' });
  }
  for (const [key, a] of after) if (!before.has(key)) changes.push({ ...a.ref, change: 'added' });
  // A broken kind (a typo like `kind: Networking`, or none) put right is the same object fixed,
  // not one deleted and another added: a find-the-mistake lesson asks for exactly that fix.
  for (const gone of changes.filter((c) => c.change === 'removed' && isNamespaced(c.kind) === undefined)) {
    const fixed = changes.findIndex(
      (c) =>
        c.change === 'added' &&
        isNamespaced(c.kind) !== undefined &&
        c.name === gone.name &&
        c.namespace === scopeOf(c.kind, gone.namespace),
    );
    if (fixed < 0) continue;
    changes[fixed] = { ...changes[fixed]!, change: 'changed' };
    changes.splice(changes.indexOf(gone), 1);
  }
  return changes;
}

/** The changes no editable ref covers: same kind, same namespace (defaulted), and its name unless the ref has none. */
export function outsideEditable<T extends ObjectRef>(
  changes: readonly T[],
  editable: readonly ObjectRef[],
): T[] {
  return changes.filter(
    (c) =>
      !editable.some(
        (r) =>
          r.kind === c.kind &&
          scopeOf(r.kind, r.namespace) === scopeOf(c.kind, c.namespace) &&
          (r.name === undefined || r.name === c.name),
      ),
  );
}

/** Lists are cut after this many objects: the learner needs the first few, not a catalogue. */
const LIST_MAX = 3;

function listText(items: readonly LocalText[], max = LIST_MAX): LocalText {
  const shown = items.slice(0, max);
  const more = items.length > max ? WORDS.andMore(items.length - max) : { en: '', ko: '' };
  return { en: shown.map((i) => i.en).join(', ') + more.en, ko: shown.map((i) => i.ko).join(', ') + more.ko };
}

const labelOf = (o: ObjectRef): string => objectLabel({ ...o, kind: o.kind || '?' });

function changeText(c: ObjectChange): LocalText {
  const how = WORDS[c.change];
  return { en: `${labelOf(c)} (${how.en})`, ko: `${labelOf(c)}(${how.ko})` };
}

function refText(r: ObjectRef): LocalText {
  if (r.name !== undefined) return { en: labelOf(r), ko: labelOf(r) };
  return WORDS.anyOf(r.kind, scopeOf(r.kind, r.namespace));
}

/** The learner's text changes only what the lesson lets them change. */
export function checkEditable(check: EditableCheck, text: string): Pick<CheckResult, 'passed' | 'message'> {
  const outside = outsideEditable(changedObjects(check.start.text, text), check.editable);
  if (outside.length === 0)
    return { passed: true, message: fill(check.success ?? DEFAULTS.editable.pass, {}) };
  const values = {
    changed: listText(outside.map(changeText)),
    editable: listText(check.editable.map(refText), Infinity),
    count: String(outside.length),
  };
  return { passed: false, message: fill(check.message ?? DEFAULTS.editable.fail, values) };
}

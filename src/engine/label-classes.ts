// Every distinction a list of label selectors can make, as witness label sets. Per tested key the
// values that matter are the ones the selectors name, one fresh value, and "absent"; label sets
// that every selector answers alike are merged key by key, so only the combinations that change
// some selector's answer remain. The selectors are evaluated with the engine's matchesSelector.
import { BitSet } from '../lib/bitset';
import type { LabelSelector, Labels } from '../k8s/types';
import { matchesSelector } from './selector';

/** What a class allows for one key. `other`: some value no selector names; `absent`: no such label. */
export interface KeyChoices {
  readonly key: string;
  /** Every value the selectors name for this key (that the key may take here). */
  readonly named: readonly string[];
  /** The named values the class allows. */
  readonly values: readonly string[];
  readonly other: boolean;
  readonly absent: boolean;
}

export interface LabelClass {
  /** One label set of the class; a fresh value is spelled as `KeyInfo.fresh`. */
  readonly witness: Labels;
  /** Per tested key, the choices seen in the class (for descriptions; a product over-approximation). */
  readonly keys: readonly KeyChoices[];
  /** Which of the selectors (by index) the class matches. */
  readonly matches: BitSet;
}

export interface KeyRule {
  /** The key must be present (a namespace's name label). */
  readonly required?: boolean;
  /** Values the key may not take here (names of namespaces that already exist). */
  readonly exclude?: readonly string[];
  /** The fresh value's preferred spelling. */
  readonly fresh?: string;
}

type Choice = { readonly kind: 'value'; readonly value: string } | { readonly kind: 'other' | 'absent' };

interface KeyInfo {
  readonly key: string;
  readonly named: string[];
  readonly choices: Choice[];
  readonly fresh: string;
  /** Per choice: the selectors that its requirements on this key do not rule out. */
  readonly survivors: BitSet[];
}

interface Partial {
  state: BitSet;
  witness: Record<string, string>;
  seen: Map<string, { values: Set<string>; other: boolean; absent: boolean }>;
}

/** Keys each selector tests, with the values it names (matchLabels, In and NotIn). */
function testedKeys(selectors: readonly LabelSelector[]): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (k: string, values: readonly string[]): void => {
    let s = keys.get(k);
    if (!s) keys.set(k, (s = new Set()));
    for (const v of values) s.add(v);
  };
  for (const s of selectors) {
    for (const [k, v] of Object.entries(s.matchLabels)) add(k, [v]);
    for (const r of s.matchExpressions) add(r.key, r.values);
  }
  return keys;
}

/** The part of a selector that tests `key`. */
function restrict(s: LabelSelector, key: string): LabelSelector {
  return {
    matchLabels: Object.hasOwn(s.matchLabels, key) ? { [key]: s.matchLabels[key]! } : {},
    matchExpressions: s.matchExpressions.filter((r) => r.key === key),
  };
}

function freshValue(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred)) return preferred;
  for (let i = 2; ; i++) if (!taken.has(`${preferred}-${i}`)) return `${preferred}-${i}`;
}

function keyInfo(
  key: string,
  named: Set<string>,
  selectors: readonly LabelSelector[],
  rule: KeyRule,
): KeyInfo {
  const exclude = new Set(rule.exclude ?? []);
  const fresh = freshValue(rule.fresh ?? 'other', new Set([...named, ...exclude]));
  const values = [...named].filter((v) => !exclude.has(v));
  const choices: Choice[] = [
    ...values.map((value): Choice => ({ kind: 'value', value })),
    { kind: 'other' },
    ...(rule.required ? [] : [{ kind: 'absent' } as const]),
  ];
  const survivors = choices.map((c) => {
    const labels: Labels = c.kind === 'absent' ? {} : { [key]: c.kind === 'value' ? c.value : fresh };
    const set = new BitSet(selectors.length);
    selectors.forEach((s, i) => {
      if (matchesSelector(restrict(s, key), labels)) set.add(i);
    });
    return set;
  });
  return { key, named: values, choices, fresh, survivors };
}

/**
 * The classes of label sets `selectors` tell apart. `rules` constrain some keys (a namespace
 * always carries its name label); a key with a rule is tested even if no selector names it.
 */
export function labelClasses(
  selectors: readonly LabelSelector[],
  rules: ReadonlyMap<string, KeyRule> = new Map(),
): LabelClass[] {
  const tested = testedKeys(selectors);
  for (const k of rules.keys()) if (!tested.has(k)) tested.set(k, new Set());
  const keys = [...tested.keys()]
    .sort()
    .map((k) => keyInfo(k, tested.get(k)!, selectors, rules.get(k) ?? {}));
  let partials: Partial[] = [{ state: BitSet.full(selectors.length), witness: {}, seen: new Map() }];
  for (const info of keys) {
    const next = new Map<string, Partial>();
    for (const p of partials) {
      info.choices.forEach((c, ci) => {
        const state = p.state.clone().and(info.survivors[ci]!);
        const id = state.words.join(',');
        let q = next.get(id);
        if (!q) {
          const witness = { ...p.witness };
          if (c.kind !== 'absent') witness[info.key] = c.kind === 'value' ? c.value : info.fresh;
          q = {
            state,
            witness,
            seen: new Map([...p.seen].map(([k, v]) => [k, { ...v, values: new Set(v.values) }])),
          };
          next.set(id, q);
        } else {
          for (const [k, v] of p.seen) {
            const s = q.seen.get(k)!;
            for (const x of v.values) s.values.add(x);
            s.other ||= v.other;
            s.absent ||= v.absent;
          }
        }
        let s = q.seen.get(info.key);
        if (!s) q.seen.set(info.key, (s = { values: new Set(), other: false, absent: false }));
        if (c.kind === 'value') s.values.add(c.value);
        else if (c.kind === 'other') s.other = true;
        else s.absent = true;
      });
    }
    partials = [...next.values()];
  }
  // A required key's fresh value names the class (a new namespace): give each class its own.
  const taken = new Set(keys.flatMap((k) => [...k.named, ...(rules.get(k.key)?.exclude ?? [])]));
  const renamed = partials.map((p) => {
    const witness = { ...p.witness };
    for (const info of keys) {
      if (!rules.get(info.key)?.required || witness[info.key] !== info.fresh) continue;
      witness[info.key] = freshValue(info.fresh, taken);
      taken.add(witness[info.key]!);
    }
    return witness;
  });
  return partials.map((p, i) => ({
    witness: renamed[i]!,
    matches: p.state,
    keys: keys.map((info) => {
      const s = p.seen.get(info.key)!;
      return {
        key: info.key,
        named: info.named,
        values: info.named.filter((v) => s.values.has(v)),
        other: s.other,
        absent: s.absent,
      };
    }),
  }));
}

/** Whether a class's choices for a key leave it unconstrained (every choice allowed). */
export function keyIsFree(k: KeyChoices, required = false): boolean {
  return k.other && (k.absent || required) && k.values.length === k.named.length;
}

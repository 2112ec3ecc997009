// Label selectors: matchLabels AND matchExpressions; an empty selector selects everything.
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../k8s/types';

/** The first requirement a label set fails, as data for explanations. */
export type UnmetRequirement =
  | { readonly kind: 'label'; readonly key: string; readonly want: string; readonly actual?: string }
  | { readonly kind: 'expression'; readonly requirement: LabelSelectorRequirement; readonly actual?: string };

export function requirementHolds(r: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]!);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Whether `labels` satisfy every part of `selector`. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  for (const key in selector.matchLabels) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const r of selector.matchExpressions) if (!requirementHolds(r, labels)) return false;
  return true;
}

/** Every requirement `labels` fail (empty when the selector matches). */
export function unmetRequirements(selector: LabelSelector, labels: Labels): UnmetRequirement[] {
  const out: UnmetRequirement[] = [];
  for (const [key, want] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key)) out.push({ kind: 'label', key, want });
    else if (labels[key] !== want) out.push({ kind: 'label', key, want, actual: labels[key]! });
  }
  for (const r of selector.matchExpressions) {
    if (!requirementHolds(r, labels)) {
      out.push({
        kind: 'expression',
        requirement: r,
        ...(Object.hasOwn(labels, r.key) ? { actual: labels[r.key]! } : {}),
      });
    }
  }
  return out;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

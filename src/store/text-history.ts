// The learner's own texts that something replaced (a link, a file, a reset, a lesson step, another
// tab), newest first: pure data and the rules for adding to it. The history service persists it.

/** What put another text in place of the learner's. */
export type ReplacedBy = 'link' | 'file' | 'drop' | 'reset' | 'lesson' | 'history' | 'cancel' | 'other-tab';

export const REPLACED_BY: readonly ReplacedBy[] = [
  'link',
  'file',
  'drop',
  'reset',
  'lesson',
  'history',
  'cancel',
  'other-tab',
];

export interface TextVersion {
  readonly text: string;
  /** When it was replaced (ms since the epoch). */
  readonly savedAt: number;
  readonly replacedBy: ReplacedBy;
}

/** Versions kept: the oldest goes when a new one arrives. */
export const HISTORY_LIMIT = 20;

/** The last replacement of the scenario text: what was there before, and what replaced it. */
export interface Replacement {
  readonly previous: string;
  readonly by: ReplacedBy;
  /** Counts replacements, so two in a row with the same text are still two. */
  readonly seq: number;
}

/** `history` with `version` first; an older copy of the same text goes, at most HISTORY_LIMIT kept. */
export function withVersion(history: readonly TextVersion[], version: TextVersion): TextVersion[] {
  return [version, ...history.filter((v) => v.text !== version.text)].slice(0, HISTORY_LIMIT);
}

/** The record of `current` being replaced by `by`, after `last`. */
export const replacementOf = (current: string, last: Replacement | null, by: ReplacedBy): Replacement => ({
  previous: current,
  by,
  seq: (last?.seq ?? 0) + 1,
});

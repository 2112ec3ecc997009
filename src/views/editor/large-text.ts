// When a scenario text counts as large, for the editor: a module of its own so the first bundle can
// ask without loading Monaco.

/**
 * From this many characters (a few hundred pods of a cluster dump; a 300-pod `kubectl get -A -o
 * yaml` is about 2.2 MB) the text is shown read-only until the learner asks to edit it: Monaco takes
 * a text in as one task (about 0.4 s at 2 MB) and opening a dump should draw its graph without that.
 * Once editing, the editor drops the helpers that re-read the whole text after every keystroke.
 */
export const LARGE_TEXT_CHARS = 300_000;

export const isLargeText = (chars: number): boolean => chars >= LARGE_TEXT_CHARS;

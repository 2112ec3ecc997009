// Page-wide keyboard shortcuts (packet playback, lesson steps) must not fire while the learner
// types: in a field, in the editor, or in an open dialog.

/** Whether a key event's target is somewhere the keys belong to the learner's typing. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable ||
      !!el.closest?.('.editor-host, dialog'))
  );
}

/** The parts of a key event the shortcuts read. */
export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly target: EventTarget | null;
}

/**
 * Which way a key moves the lesson: +1, -1, or 0 (not a step key). PageDown/PageUp (what
 * presentation clickers send) and Alt+→/Alt+←; plain arrows are the packet's hops, never steps.
 */
export function lessonStepKey(e: KeyPress): -1 | 0 | 1 {
  if (e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return 0;
  if (e.key === 'PageDown') return e.altKey ? 0 : 1;
  if (e.key === 'PageUp') return e.altKey ? 0 : -1;
  if (!e.altKey) return 0;
  return e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
}

/** Which way a key moves the packet: +1 (→, L), -1 (←, J), or 0. Never a lesson step key. */
export function packetHopKey(e: KeyPress): -1 | 0 | 1 {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return 0;
  return e.key === 'ArrowRight' || e.key === 'l' ? 1 : e.key === 'ArrowLeft' || e.key === 'j' ? -1 : 0;
}

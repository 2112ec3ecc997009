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

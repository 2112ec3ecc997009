// Text for a terminal: names and messages come from files anyone can write, so control characters
// (an escape sequence that recolours or clears the screen, a stray carriage return) are shown as
// \xNN / \u{…} instead of being sent to the terminal.

/** `s` with every C0/C1 control character (newline included) and DEL written out as an escape. */
export function printable(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

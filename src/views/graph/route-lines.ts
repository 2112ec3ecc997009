// How a node box lists a route when it is too narrow for `ip route`'s one line.

/**
 * A route on short lines of at most `chars` characters for a one-column node box (see
 * layout/fit-layout.ts), broken between words; each line but the last keeps its space, so the
 * text still reads as the one route `ip route` prints. Past `maxLines`, the last line shown ends
 * in `…` (the node's details list the whole route).
 */
export function wrapRoute(text: string, chars: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= chars) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = `${last.length < chars ? last : last.slice(0, chars - 1)}…`;
    return kept.map((line, i) => (i < kept.length - 1 ? `${line} ` : line));
  }
  return lines.map((line, i) => (i < lines.length - 1 ? `${line} ` : line));
}

// Several files in one text, in Go's txtar format: `-- Dockerfile --` starts a file that runs to
// the next marker line. The layers lab keeps its Dockerfiles, build context and docker commands
// in one editor text this way; each file remembers the line it starts on for diagnostics.

export interface ArchiveFile {
  readonly name: string;
  readonly text: string;
  /** Lines before the file's first line in the archive (0 for a plain file). */
  readonly lineOffset: number;
}

export interface Archive {
  /** Text before the first marker (a description). */
  readonly comment: string;
  readonly files: readonly ArchiveFile[];
}

const MARKER = /^-- (.+?) --[ \t]*$/;

/** Splits a txtar text; undefined when it has no marker line (then it is one plain file). */
export function parseTxtar(text: string): Archive | undefined {
  const lines = text.split('\n');
  const files: { name: string; start: number; lines: string[] }[] = [];
  const comment: string[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line.replace(/\r$/, ''));
    if (m) files.push({ name: m[1]!.trim(), start: i + 1, lines: [] });
    else if (files.length > 0) files.at(-1)!.lines.push(line);
    else comment.push(line);
  });
  if (files.length === 0) return undefined;
  return {
    comment: comment.join('\n'),
    files: files.map((f) => ({ name: f.name, text: f.lines.join('\n'), lineOffset: f.start })),
  };
}

/** The inverse of parseTxtar (each file's text ends with one newline). */
export function formatTxtar(archive: Archive): string {
  const head = archive.comment.trim() === '' ? '' : `${archive.comment.replace(/\n*$/, '')}\n`;
  return head + archive.files.map((f) => `-- ${f.name} --\n${f.text.replace(/\n*$/, '')}\n`).join('');
}

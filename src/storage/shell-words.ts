// A small POSIX-shell word splitter for the lab's command scripts: quotes, backslash escapes,
// `\` line continuations, `#` comments, `;` `&&` `||` between commands and `>` `>>` redirections.
// Every word keeps its line and column; no expansion, no pipes into programs: nothing runs.

export interface Word {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** A redirection (`>`, `>>`) rather than a word. */
  readonly op?: boolean;
}

export interface ShellCommand {
  readonly words: readonly Word[];
}

export interface SplitResult {
  readonly commands: readonly ShellCommand[];
  /** An unterminated quote: where it opened. */
  readonly unterminated?: { readonly line: number; readonly col: number };
}

/** Splits a script into simple commands (line breaks and `;` `&&` `||` `|` end a command). */
export function splitCommands(text: string, lineOffset = 0): SplitResult {
  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const end = () => {
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  const advance = (n = 1) => {
    for (let k = 0; k < n; k++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '\n') {
      advance(2);
      continue;
    }
    if (ch === '\n') {
      end();
      advance();
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      advance();
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') advance();
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '>>') {
      if (two === '>>') words.push({ text: two, line: line + lineOffset, col, op: true });
      else end();
      advance(2);
      continue;
    }
    if (ch === ';' || ch === '|') {
      end();
      advance();
      continue;
    }
    if (ch === '>') {
      words.push({ text: '>', line: line + lineOffset, col, op: true });
      advance();
      continue;
    }
    // A word: runs of plain characters and quoted parts.
    const start = { line: line + lineOffset, col };
    let word = '';
    while (i < text.length) {
      const c = text[i]!;
      if (
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === ';' ||
        c === '>' ||
        c === '|' ||
        text.slice(i, i + 2) === '&&'
      )
        break;
      if (c === '\\') {
        if (text[i + 1] === '\n') {
          advance(2);
          continue;
        }
        word += text[i + 1] ?? '';
        advance(2);
        continue;
      }
      if (c === "'" || c === '"') {
        const open = { line: line + lineOffset, col };
        advance();
        while (i < text.length && text[i] !== c) {
          if (c === '"' && text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) {
            word += text[i + 1];
            advance(2);
            continue;
          }
          word += text[i];
          advance();
        }
        if (i >= text.length) {
          words.push({ text: word, ...start });
          end();
          return { commands, unterminated: open };
        }
        advance();
        continue;
      }
      word += c;
      advance();
    }
    words.push({ text: word, ...start });
  }
  end();
  return { commands };
}

// Just enough of the shell to read lab scripts: comments, quotes, `$VAR`/`${VAR}`, leading
// `NAME=value` words, `> FILE`, `<<EOF` here-documents, a trailing `&`, and `\` line joins.
// Pipes, `;` and `&&` get an honest "not simulated" rather than a wrong reading.

/** One command of a script, with the line it starts on and its here-document body. */
export interface ScriptLine {
  readonly line: number;
  readonly text: string;
  readonly heredoc?: string;
}

export interface Words {
  readonly argv: string[];
  readonly assignments: [string, string][];
  readonly redirect?: { readonly append: boolean; readonly path: string };
  readonly heredoc: boolean;
  readonly background: boolean;
}

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/;

/** Splits a script into commands: blank and comment lines dropped, here-documents attached. */
export function splitScript(text: string): ScriptLine[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: ScriptLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let cmd = lines[i]!;
    while (cmd.endsWith('\\') && i + 1 < lines.length) cmd = cmd.slice(0, -1) + lines[++i]!;
    const trimmed = cmd.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const here = HEREDOC.exec(cmd);
    if (here && stripQuoted(cmd)[here.index] === '<') {
      const body: string[] = [];
      const tabs = here[0].startsWith('<<-');
      while (++i < lines.length) {
        const l = tabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!;
        if (l === here[2]) break;
        body.push(l);
      }
      out.push({ line: start + 1, text: trimmed, heredoc: body.length ? `${body.join('\n')}\n` : '' });
    } else out.push({ line: start + 1, text: trimmed });
  }
  return out;
}

/** The line with quoted parts blanked, so operators inside quotes are not seen. */
function stripQuoted(line: string): string {
  return line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (m) => ' '.repeat(m.length));
}

/** Tokenizes one command; a string is the honest line for syntax the console does not take. */
export function readWords(text: string, vars: Readonly<Record<string, string>>): Words | string {
  const words: string[] = [];
  let redirect: Words['redirect'];
  let heredoc = false;
  let background = false;
  let i = 0;
  const expand = (name: string): string => vars[name] ?? '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '|' || c === ';' || (c === '&' && text[i + 1] === '&'))
      return 'netlab: pipes, ";" and "&&" are not simulated; write one command per line';
    if (c === '&') {
      background = true;
      i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = HEREDOC.exec(text.slice(i));
      if (!m) return 'netlab: a here-document needs a delimiter word, as in <<EOF';
      heredoc = true;
      i += m[0].length;
      continue;
    }
    if (c === '<') return 'netlab: input redirection is not simulated';
    if (c === '>' || (c === '1' && text[i + 1] === '>')) {
      if (c === '1') i++;
      const append = text[i + 1] === '>';
      i += append ? 2 : 1;
      const rest = readWord(text, i, expand);
      if (!rest || rest.word === '') return 'netlab: ">" needs a file name';
      redirect = { append, path: rest.word };
      i = rest.end;
      continue;
    }
    const w = readWord(text, i, expand);
    if (!w) return 'netlab: a quote is not closed';
    words.push(w.word);
    i = w.end;
  }
  const assignments: [string, string][] = [];
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) {
    const w = words.shift()!;
    const eq = w.indexOf('=');
    assignments.push([w.slice(0, eq), w.slice(eq + 1)]);
  }
  return { argv: words, assignments, ...(redirect ? { redirect } : {}), heredoc, background };
}

function readWord(
  text: string,
  start: number,
  expand: (name: string) => string,
): { word: string; end: number } | undefined {
  let word = '';
  let i = start;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '|' || c === ';' || c === '&' || c === '>' || c === '<') break;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < text.length) {
          word += text[i + 1];
          i += 2;
        } else if (d === '$') {
          const v = readVariable(text, i, expand);
          word += v.value;
          i = v.end;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) return undefined;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[i + 1];
      i += 2;
    } else if (c === '$') {
      const v = readVariable(text, i, expand);
      word += v.value;
      i = v.end;
    } else {
      word += c;
      i++;
    }
  }
  return { word, end: i };
}

function readVariable(
  text: string,
  at: number,
  expand: (name: string) => string,
): { value: string; end: number } {
  const braced = /^\$\{([A-Za-z_]\w*)\}/.exec(text.slice(at));
  if (braced) return { value: expand(braced[1]!), end: at + braced[0].length };
  const plain = /^\$([A-Za-z_]\w*)/.exec(text.slice(at));
  if (plain) return { value: expand(plain[1]!), end: at + plain[0].length };
  return { value: '$', end: at + 1 };
}

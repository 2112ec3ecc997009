// Which files a shell command line writes, for the programs netlab knows (redirections, touch,
// rm, mkdir, cp, mv, sed -i, editors, and sh -c scripts of those); anything else is unknown.
import { splitCommands, type Word } from './shell-words';

export type FileOp = {
  readonly op: 'write' | 'append' | 'touch' | 'remove' | 'mkdir';
  readonly path: string;
};

/** Programs whose file effects netlab knows; anything else is reported as unknown. */
export function fileOps(words: readonly Word[]): { ops: FileOp[]; unknown?: string } {
  const ops: FileOp[] = [];
  const plain: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.op) {
      const target = words[i + 1];
      if (target && !target.op) ops.push({ op: w.text === '>>' ? 'append' : 'write', path: target.text });
      i++;
      continue;
    }
    plain.push(w.text);
  }
  const [program, ...rest] = plain;
  const args = rest.filter((a) => !a.startsWith('-'));
  switch (program) {
    case undefined:
    case 'echo':
    case 'cat':
    case 'ls':
    case 'printf':
    case 'true':
      break;
    case 'touch':
      ops.push(...args.map((path) => ({ op: 'touch' as const, path })));
      break;
    case 'rm':
    case 'rmdir':
      ops.push(...args.map((path) => ({ op: 'remove' as const, path })));
      break;
    case 'mkdir':
      ops.push(...args.map((path) => ({ op: 'mkdir' as const, path })));
      break;
    case 'cp':
      if (args.length >= 2) ops.push({ op: 'write', path: args.at(-1)! });
      break;
    case 'mv':
      if (args.length >= 2)
        ops.push(...args.slice(0, -1).map((path) => ({ op: 'remove' as const, path })), {
          op: 'write',
          path: args.at(-1)!,
        });
      break;
    case 'sed':
    case 'vi':
    case 'vim':
    case 'nano':
      if (args.length > 0) ops.push({ op: 'write', path: args.at(-1)! });
      break;
    case 'sh':
    case 'bash': {
      const script = rest[rest.indexOf('-c') + 1];
      if (rest.includes('-c') && script !== undefined) {
        for (const c of splitCommands(script).commands) {
          const inner = fileOps(c.words);
          ops.push(...inner.ops);
          if (inner.unknown) return { ops, unknown: inner.unknown };
        }
      }
      break;
    }
    default:
      return { ops, unknown: program };
  }
  return { ops };
}

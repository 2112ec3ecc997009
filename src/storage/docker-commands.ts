// A docker host session as typed commands: `docker build`, `run` (with -v and --mount),
// `volume create|rm`, `rm`, `stop`, `start`, `exec`, and plain shell lines on the host that change
// files (`echo … >> app.py`, `mkdir -p /data/mysql`). Option errors come as the docker CLI words them.
import type { Diagnostic } from '../lib/diagnostic';
import { type LocalText } from '../lib/text';
import { fileOps, type FileOp } from './file-ops';
import { mountFlag, volumeFlag, type At, type MountSpec } from './mount-flags';

export type { At, MountSpec };
import { splitCommands, type Word } from './shell-words';

type Pos = Pick<At, 'line' | 'col'>;

export type { FileOp };

export type DockerCommand =
  | {
      readonly kind: 'build';
      readonly tag?: string;
      readonly file: string;
      readonly at: At;
      readonly text: string;
    }
  | {
      readonly kind: 'run';
      readonly name?: string;
      readonly image: string;
      readonly mounts: readonly MountSpec[];
      readonly volumeDriver?: string;
      readonly rm: boolean;
      readonly at: At;
      readonly text: string;
    }
  | {
      readonly kind: 'volume-create';
      readonly name: string;
      readonly driver: string;
      readonly at: At;
      readonly text: string;
    }
  | { readonly kind: 'volume-rm'; readonly names: readonly string[]; readonly at: At; readonly text: string }
  | {
      readonly kind: 'rm';
      readonly names: readonly string[];
      readonly force: boolean;
      readonly volumes: boolean;
      readonly at: At;
      readonly text: string;
    }
  | {
      readonly kind: 'stop' | 'start';
      readonly names: readonly string[];
      readonly at: At;
      readonly text: string;
    }
  | {
      readonly kind: 'exec';
      readonly container: string;
      readonly ops: readonly FileOp[];
      readonly unknown: readonly string[];
      readonly at: At;
      readonly text: string;
    }
  | {
      readonly kind: 'host';
      readonly ops: readonly FileOp[];
      readonly unknown: readonly string[];
      readonly at: At;
      readonly text: string;
    }
  | { readonly kind: 'show'; readonly at: At; readonly text: string };

const t = (en: string, ko: string): LocalText => ({ en, ko });

/** Parses a session script (one command a line, `\` continues); `lineOffset` places it in an archive. */
export function parseDockerScript(
  file: string,
  text: string,
  out: Diagnostic[],
  lineOffset = 0,
): DockerCommand[] {
  const split = splitCommands(text, lineOffset);
  const err = (at: Pos, code: string, message: LocalText, severity: Diagnostic['severity'] = 'error') =>
    out.push({ file, line: at.line, col: at.col, severity, code, message });
  if (split.unterminated)
    err(split.unterminated, 'shell-quote', t('unterminated quote', '닫히지 않은 따옴표'));
  const commands: DockerCommand[] = [];
  for (const c of split.commands) {
    const words = c.words[0]?.text === '$' ? c.words.slice(1) : c.words;
    if (words.length === 0) continue;
    const at: At = { file, line: words[0]!.line, col: words[0]!.col };
    const text = words.map((w) => (w.op ? w.text : quoted(w.text))).join(' ');
    if (words[0]!.text !== 'docker') {
      const { ops, unknown } = fileOps(words);
      commands.push({ kind: 'host', ops, unknown: unknown ? [unknown] : [], at, text });
      continue;
    }
    const parsed = parseDocker(words.slice(1), at, text, (w, code, m) => err(w, code, m));
    if (parsed) commands.push(parsed);
  }
  return commands;
}

/** A word as a shell would need it written again. */
const quoted = (w: string): string =>
  /^[\w@%+=:,./-]+$/.test(w) ? w : w.includes("'") ? `"${w.replace(/(["\\$`])/g, '\\$1')}"` : `'${w}'`;

type Report = (at: Pos, code: string, message: LocalText) => void;

function parseDocker(
  words: readonly Word[],
  at: At,
  text: string,
  report: Report,
): DockerCommand | undefined {
  const [sub, ...rest] = words;
  if (!sub) {
    report(
      at,
      'docker-command',
      t(
        'docker: a command is missing (build, run, volume, rm, exec, …)',
        'docker: 하위 명령(build, run, volume, rm, exec 등)이 없습니다',
      ),
    );
    return undefined;
  }
  // `docker container run`, `docker image build` are the same commands.
  if ((sub.text === 'container' || sub.text === 'image') && rest.length > 0)
    return parseDocker(rest, at, text, report);
  const value = (i: number, w: Word): string | undefined => {
    const eq = w.text.indexOf('=');
    if (w.text.startsWith('--') && eq > 0) return w.text.slice(eq + 1);
    const next = rest[i + 1];
    if (!next)
      report(w, 'docker-flag', t(`flag needs an argument: ${w.text}`, `${w.text} 옵션에는 값이 필요합니다`));
    return next?.text;
  };
  const flagName = (w: Word) =>
    w.text.startsWith('--') && w.text.includes('=') ? w.text.slice(0, w.text.indexOf('=')) : w.text;
  switch (sub.text) {
    case 'build': {
      let tag: string | undefined;
      let file = 'Dockerfile';
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i]!;
        const name = flagName(w);
        if (name === '-t' || name === '--tag') tag = value(i, w);
        else if (name === '-f' || name === '--file') file = value(i, w) ?? file;
        else continue;
        if (!w.text.includes('=')) i++;
      }
      return { kind: 'build', ...(tag ? { tag } : {}), file, at, text };
    }
    case 'run':
    case 'create': {
      const mounts: MountSpec[] = [];
      let name: string | undefined;
      let volumeDriver: string | undefined;
      let rm = false;
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i]!;
        const flag = flagName(w);
        if (!w.text.startsWith('-')) {
          return {
            kind: 'run',
            ...(name ? { name } : {}),
            image: w.text,
            mounts,
            ...(volumeDriver ? { volumeDriver } : {}),
            rm,
            at,
            text,
          };
        }
        const takesValue = [
          '-v',
          '--volume',
          '--mount',
          '--name',
          '--volume-driver',
          '-e',
          '--env',
          '-p',
          '--publish',
          '-w',
          '--workdir',
          '--network',
          '-u',
          '--user',
          '--entrypoint',
          '--hostname',
          '-h',
        ].includes(flag);
        if (!takesValue) {
          if (flag === '--rm') rm = true;
          continue;
        }
        const v = value(i, w);
        if (!w.text.includes('=') || !w.text.startsWith('--')) i++;
        if (v === undefined) return undefined;
        if (flag === '--name') name = v;
        else if (flag === '--volume-driver') volumeDriver = v;
        else if (flag === '-v' || flag === '--volume' || flag === '--mount') {
          const where: At = { file: at.file, line: w.line, col: w.col };
          const m = flag === '--mount' ? mountFlag(v, where) : volumeFlag(v, where);
          if ('type' in m) mounts.push(m);
          else {
            report(w, 'docker-mount', m);
            return undefined;
          }
        }
      }
      report(
        at,
        'docker-image',
        t(
          `"docker ${sub.text}" requires at least 1 argument: the image`,
          `"docker ${sub.text}" 명령에는 이미지 인자가 필요합니다`,
        ),
      );
      return undefined;
    }
    case 'volume': {
      const [action, ...args] = rest;
      if (action?.text === 'create') {
        let driver = 'local';
        let name: string | undefined;
        for (let i = 0; i < args.length; i++) {
          const w = args[i]!;
          if (flagName(w) === '-d' || flagName(w) === '--driver') {
            driver = w.text.includes('=')
              ? w.text.slice(w.text.indexOf('=') + 1)
              : (args[++i]?.text ?? driver);
          } else if (!w.text.startsWith('-')) name = w.text;
        }
        if (!name) {
          report(
            at,
            'docker-volume',
            t(
              'docker volume create: netlab needs a volume name (docker would make up a random one)',
              'docker volume create: netlab에서는 볼륨 이름을 써야 합니다(docker는 임의 이름을 붙입니다)',
            ),
          );
          return undefined;
        }
        return { kind: 'volume-create', name, driver, at, text };
      }
      if (action?.text === 'rm' || action?.text === 'remove')
        return {
          kind: 'volume-rm',
          names: args.filter((w) => !w.text.startsWith('-')).map((w) => w.text),
          at,
          text,
        };
      if (action?.text === 'ls' || action?.text === 'inspect') return { kind: 'show', at, text };
      report(
        action ?? at,
        'docker-command',
        t(
          `docker volume ${action?.text ?? ''}: netlab models create, rm, ls and inspect`,
          `docker volume ${action?.text ?? ''}: netlab은 create, rm, ls, inspect만 다룹니다`,
        ),
      );
      return undefined;
    }
    case 'rm': {
      const flags = rest.filter((w) => w.text.startsWith('-')).map((w) => w.text);
      const names = rest.filter((w) => !w.text.startsWith('-')).map((w) => w.text);
      const has = (short: string, long: string) =>
        flags.some((f) => f === long || (f.startsWith('-') && !f.startsWith('--') && f.includes(short)));
      return { kind: 'rm', names, force: has('f', '--force'), volumes: has('v', '--volumes'), at, text };
    }
    case 'stop':
    case 'start':
      return {
        kind: sub.text,
        names: rest.filter((w) => !w.text.startsWith('-')).map((w) => w.text),
        at,
        text,
      };
    case 'exec': {
      let i = 0;
      while (i < rest.length && rest[i]!.text.startsWith('-')) {
        const f = flagName(rest[i]!);
        i +=
          ['-u', '--user', '-w', '--workdir', '-e', '--env'].includes(f) && !rest[i]!.text.includes('=')
            ? 2
            : 1;
      }
      const container = rest[i]?.text;
      if (!container) {
        report(
          at,
          'docker-exec',
          t('docker exec needs a container and a command', 'docker exec에는 컨테이너와 명령이 필요합니다'),
        );
        return undefined;
      }
      const { ops, unknown } = fileOps(rest.slice(i + 1));
      return { kind: 'exec', container, ops, unknown: unknown ? [unknown] : [], at, text };
    }
    case 'ps':
    case 'images':
    case 'history':
    case 'inspect':
    case 'info':
    case 'system':
    case 'pull':
    case 'logs':
      return { kind: 'show', at, text };
    default:
      report(
        sub,
        'docker-command',
        t(
          `docker ${sub.text}: netlab does not model this command`,
          `docker ${sub.text}: netlab이 다루지 않는 명령입니다`,
        ),
      );
      return undefined;
  }
}

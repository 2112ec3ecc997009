// `docker run -v` and `--mount` values as the docker CLI reads them: a path source is a bind
// mount, a name a volume, nothing an anonymous volume; --mount is one comma-separated word.
import { type LocalText } from '../lib/text';

export interface At {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface MountSpec {
  readonly type: 'volume' | 'bind' | 'tmpfs';
  /** A volume name, a host path; absent for an anonymous volume or tmpfs. */
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
  readonly via: '-v' | '--mount';
  readonly at: At;
}

const t = (en: string, ko: string): LocalText => ({ en, ko });

/** Splits `-v SRC:DST[:ro]` (a path source is a bind mount, a name a volume, none anonymous). */
export function volumeFlag(value: string, at: At): MountSpec | LocalText {
  let fields = value.split(':');
  let readOnly = false;
  const last = fields.at(-1)!;
  if (fields.length >= 2 && /^(ro|rw|z|Z)(,[a-zA-Z]+)*$/.test(last)) {
    readOnly = last.split(',').includes('ro');
    fields = fields.slice(0, -1);
  }
  if (fields.length === 1) {
    if (!fields[0]!.startsWith('/'))
      return t(
        `-v ${value}: a container path must be absolute`,
        `-v ${value}: 컨테이너 경로는 절대 경로여야 합니다`,
      );
    return { type: 'volume', target: fields[0]!, readOnly, via: '-v', at };
  }
  if (fields.length !== 2)
    return t(`-v ${value}: expected SOURCE:TARGET[:ro]`, `-v ${value}: SOURCE:TARGET[:ro] 형식이어야 합니다`);
  const [source, target] = fields as [string, string];
  if (!target.startsWith('/'))
    return t(
      `-v ${value}: the container path ${target} must be absolute`,
      `-v ${value}: 컨테이너 경로 ${target} 값은 절대 경로여야 합니다`,
    );
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  if (!bind && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source))
    return t(
      `-v ${value}: "${source}" is neither a volume name nor an absolute host path`,
      `-v ${value}: "${source}" 값은 볼륨 이름도, 호스트의 절대 경로도 아닙니다`,
    );
  return { type: bind ? 'bind' : 'volume', source, target, readOnly, via: '-v', at };
}

/** `--mount type=bind,source=/data/mysql,target=/var/lib/mysql[,readonly]`. */
export function mountFlag(value: string, at: At): MountSpec | LocalText {
  const fields = value.split(',');
  const map = new Map<string, string>();
  let readOnly = false;
  for (const f of fields) {
    if (f === '')
      return t(
        `invalid argument "${value}" for "--mount" flag: invalid field '' must be a key=value pair. The value is one word: no spaces after the commas (type=bind,source=/data/mysql,target=/var/lib/mysql)`,
        `"--mount" 값이 잘못되었습니다("${value}"): 빈 필드가 있습니다. 값은 한 단어여야 하므로 쉼표 뒤에 공백을 두면 안 됩니다(type=bind,source=/data/mysql,target=/var/lib/mysql)`,
      );
    const [k, ...v] = f.split('=');
    const key = k!.trim();
    if (key === 'readonly' || key === 'ro') {
      readOnly = v.length === 0 || v.join('=') === 'true' || v.join('=') === '1';
      continue;
    }
    if (v.length === 0)
      return t(`invalid field '${f}' must be a key=value pair`, `'${f}' 필드는 key=value 형식이어야 합니다`);
    map.set(key, v.join('='));
  }
  const type = map.get('type') ?? 'volume';
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs')
    return t(
      `--mount: unknown type "${type}" (volume, bind or tmpfs)`,
      `--mount: 알 수 없는 type "${type}": volume, bind, tmpfs 중 하나를 쓰세요`,
    );
  const target = map.get('target') ?? map.get('dst') ?? map.get('destination');
  if (!target) return t('--mount: target is required', '--mount: target 필드가 필요합니다');
  const source = map.get('source') ?? map.get('src');
  if (type === 'bind' && !source)
    return t(
      '--mount type=bind needs source=HOST-PATH',
      '--mount type=bind에는 source=호스트경로가 필요합니다',
    );
  return { type, ...(source ? { source } : {}), target, readOnly, via: '--mount', at };
}

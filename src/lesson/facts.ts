// Facts a storage lesson states about its scenario ("claim default/logs is Bound to pv-small",
// "the data db writes to /var/lib/mysql/x survives docker rm"), each decided by the storage
// engine, never by the author, and worded with what is actually the case when it does not hold.
import { type LocalText } from '../lib/text';
import { claimSummary } from '../storage/binding-text';
import { formatByteSize } from '../storage/byte-size';
import { podProblemText, volumeSummary } from '../storage/lifecycle-text';
import { joinPath } from '../storage/image-build';
import type { Container } from '../storage/docker-host';
import type { StorageWorld } from './storage-world';
import type { DataPlace, Fact } from './fact-types';

export type {
  ClaimPhaseFact,
  DataPlace,
  Fact,
  PodStatusFact,
  StepStatusFact,
  VolumePhaseFact,
} from './fact-types';

export const PROVISIONED = 'provisioned';

export interface FactOutcome {
  readonly holds: boolean;
  /** What is the case (when it does not hold) or a confirmation. */
  readonly actual: LocalText;
}

const L = (en: string, ko: string): LocalText => ({ en, ko });
const sizes = (xs: readonly (number | undefined)[]) =>
  xs.map((x) => (x === undefined ? '?' : formatByteSize(x))).join(', ');

/** The fact as a sentence: what the lesson asks to be true. */
export function factText(f: Fact): LocalText {
  const after = f.afterDeleting
    ? L(` after deleting ${f.afterDeleting}`, `${f.afterDeleting} 클레임을 지운 뒤 `)
    : L('', '');
  switch (f.kind) {
    case 'claim': {
      const to =
        f.volume === PROVISIONED
          ? L(' to a provisioned PV', ' 동적으로 만든 PV에')
          : f.volume
            ? L(` to ${f.volume}`, ` ${f.volume} PV에`)
            : L('', '');
      const phase = f.phase ?? (f.volume ? 'Bound' : undefined);
      return L(
        `claim ${f.claim} is ${phase ?? 'present'}${to.en}${after.en}`,
        `${after.ko}${f.claim} 클레임이${to.ko} ${phase ? `${phase} 상태` : '있음'}`,
      );
    }
    case 'volume':
      return f.phase === 'deleted'
        ? L(`PV ${f.volume} is deleted${after.en}`, `${after.ko}${f.volume} PV가 삭제됨`)
        : L(
            `PV ${f.volume} is ${f.phase ?? 'present'}${f.claim ? ` for ${f.claim}` : ''}${after.en}`,
            `${after.ko}${f.volume} PV가 ${f.phase ? `${f.phase} 상태` : '있음'}${f.claim ? `(${f.claim} 클레임)` : ''}`,
          );
    case 'pod':
      return L(
        `pod ${f.pod} is ${f.status ?? 'present'}${f.node ? ` on ${f.node}` : ''}${after.en}`,
        `${after.ko}${f.pod} 파드가 ${f.node ? `${f.node} 노드에서 ` : ''}${f.status ? `${f.status} 상태` : '있음'}`,
      );
    case 'image': {
      const parts: LocalText[] = [];
      if (f.sizes) parts.push(L(`layers of ${sizes(f.sizes)}`, `레이어 크기 ${sizes(f.sizes)}`));
      if (f.size !== undefined)
        parts.push(L(`${formatByteSize(f.size)} in all`, `전체 ${formatByteSize(f.size)}`));
      if (f.cached !== undefined)
        parts.push(L(`${f.cached} step(s) from the cache`, `캐시에서 가져온 단계 ${f.cached}개`));
      return L(
        `image ${f.image}: ${parts.map((p) => p.en).join(', ')}`,
        `${f.image} 이미지: ${parts.map((p) => p.ko).join(', ')}`,
      );
    }
    case 'step':
      return L(
        `\`${f.step}\` of image ${f.image} is ${f.status}`,
        `${f.image} 이미지의 \`${f.step}\` 단계: ${f.status}`,
      );
    case 'data':
      return L(
        `${f.path} written by ${f.container}: ${placeText(f.lives).en}`,
        `${f.container} 컨테이너가 ${f.path} 경로에 쓴 데이터의 위치: ${placeText(f.lives).ko}`,
      );
    case 'mount':
      return L(
        `${f.container} mounts ${f.target} from a ${f.type}${f.source ? ` (${f.source})` : ''}`,
        `${f.container} 컨테이너가 ${f.target} 경로에 ${mountObject(f.type, f.source)} 마운트함`,
      );
  }
}

/** `볼륨(data)을`, `바인드 마운트(/data)를`: the particle agrees with the word before the brackets. */
function mountObject(type: string, source: string | undefined): string {
  const word = type === 'bind' ? '바인드 마운트' : type === 'tmpfs' ? 'tmpfs 마운트' : '볼륨';
  return `${word}${source ? `(${source})` : ''}${type === 'volume' ? '을' : '를'}`;
}

function placeText(p: DataPlace): LocalText {
  switch (p) {
    case 'container-layer':
      return L("in the container's read-write layer", '컨테이너의 읽기/쓰기 레이어');
    case 'volume':
      return L('in a volume, outside the layers', '레이어 밖의 볼륨');
    case 'bind':
      return L('in a host directory (bind mount)', '호스트 디렉터리(바인드 마운트)');
    case 'lost':
      return L('lost (it was in a layer or volume that is gone)', '사라짐(지워진 레이어나 볼륨에 있었음)');
  }
}

const no = (actual: LocalText): FactOutcome => ({ holds: false, actual });
const is = (holds: boolean, actual: LocalText): FactOutcome => ({ holds, actual });

function lastContainer(world: StorageWorld, name: string): Container | undefined {
  return [...(world.layers?.host.containers ?? [])].reverse().find((c) => c.name === name);
}

/** Where the data a container wrote at `path` is now, or undefined when it never wrote there. */
function placeOf(world: StorageWorld, c: Container, path: string): DataPlace | undefined {
  const host = world.layers!.host;
  const image = host.builder.images.get(c.image);
  const abs = joinPath(image?.workdir ?? '/', path);
  const mount = [...c.mounts]
    .sort((a, b) => b.target.length - a.target.length)
    .find((m) => abs === m.target || abs.startsWith(`${m.target}/`));
  if (mount) {
    const rel = abs.slice(mount.target.length).replace(/^\//, '') || '.';
    if (mount.type === 'volume') {
      const v = host.volumes.get(mount.source);
      if (!v?.files.has(rel)) return undefined;
      return v.removed ? 'lost' : 'volume';
    }
    if (mount.type === 'bind') return host.hostFiles.has(joinPath(mount.source, rel)) ? 'bind' : undefined;
    return c.state === 'running' ? 'container-layer' : 'lost';
  }
  const entry = c.upper.get(abs);
  if (!entry || entry.kind === 'whiteout') return undefined;
  return c.state === 'removed' ? 'lost' : 'container-layer';
}

/** Decides one fact on the world (a scenario without errors); `actual` says what is the case. */
export function evaluateFact(f: Fact, world: StorageWorld): FactOutcome {
  switch (f.kind) {
    case 'claim': {
      const sim = world.simulation(f.afterDeleting);
      const r = sim?.claims.find((c) => c.key === f.claim);
      if (!sim || !r) return no(L(`there is no claim ${f.claim}`, `${f.claim} 클레임이 없습니다`));
      const volumeOf = (n: string) => sim.volumes.find((v) => v.pv.name === n)?.pv;
      const phase = f.phase ?? (f.volume ? 'Bound' : undefined);
      const provisioned = r.via === 'provisioned' || r.via === 'scheduler-provisioned';
      const volumeOk = !f.volume || (f.volume === PROVISIONED ? provisioned : r.volume === f.volume);
      return is((!phase || r.phase === phase) && volumeOk, claimSummary(r, volumeOf));
    }
    case 'volume': {
      const sim = world.simulation(f.afterDeleting);
      const v = sim?.volumes.find((x) => x.pv.name === f.volume);
      if (!v) {
        const gone =
          f.afterDeleting !== undefined && world.deletion(f.afterDeleting)?.deleted?.pv.name === f.volume;
        return is(
          f.phase === 'deleted',
          gone
            ? L(
                `${f.volume} was deleted by its reclaim policy`,
                `${f.volume} PV는 회수 정책에 따라 삭제되었습니다`,
              )
            : L(`there is no PV ${f.volume}`, `${f.volume} PV가 없습니다`),
        );
      }
      const now = volumeSummary(v);
      const actual = L(`${f.volume}: ${now.en}`, `${f.volume} PV: ${now.ko}`);
      if (f.phase === 'deleted') return no(actual);
      return is((!f.phase || v.phase === f.phase) && (!f.claim || v.claim === f.claim), actual);
    }
    case 'pod': {
      const sim = world.simulation(f.afterDeleting);
      const p = sim?.pods.find((x) => x.key === f.pod);
      if (!p) return no(L(`there is no pod ${f.pod}`, `${f.pod} 파드가 없습니다`));
      const why = p.problems[0] ? podProblemText(p.problems[0]) : L('', '');
      const actual = L(
        `${f.pod} is ${p.status}${p.node ? ` on ${p.node}` : ''}${why.en ? `: ${why.en}` : ''}`,
        `${f.pod} 파드: ${p.status}${p.node ? `(${p.node} 노드)` : ''}${why.ko ? `. ${why.ko}` : ''}`,
      );
      return is((!f.status || p.status === f.status) && (!f.node || p.node === f.node), actual);
    }
    case 'image': {
      const image = [...(world.layers?.builds ?? [])].reverse().find((b) => b.tag === f.image);
      if (!image) return no(L(`no image ${f.image} was built`, `${f.image} 이미지를 빌드하지 않았습니다`));
      const have = image.layers.map((l) => l.size);
      const cached = image.layers.filter((l) => l.status === 'cached').length;
      const unknown = image.unknownSizes
        ? L(` (+${image.unknownSizes} of unknown size)`, `(크기 모르는 단계 ${image.unknownSizes}개)`)
        : L('', '');
      const actual = L(
        `its layers are ${sizes(have)}, ${formatByteSize(image.size)}${unknown.en} in all, ${cached} from the cache`,
        `레이어 크기 ${sizes(have)}, 전체 ${formatByteSize(image.size)}${unknown.ko}, 캐시에서 가져온 단계 ${cached}개`,
      );
      const sizesOk = !f.sizes || (have.length === f.sizes.length && have.every((x, i) => x === f.sizes![i]));
      const sizeOk = f.size === undefined || (image.unknownSizes === 0 && image.size === f.size);
      return is(sizesOk && sizeOk && (f.cached === undefined || cached === f.cached), actual);
    }
    case 'step': {
      const image = [...(world.layers?.builds ?? [])].reverse().find((b) => b.tag === f.image);
      const layer = image?.layers.find((l) => l.createdBy.startsWith(f.step));
      if (!layer)
        return no(
          L(
            `image ${f.image} has no step starting \`${f.step}\``,
            `${f.image} 이미지에는 \`${f.step}\` 명령으로 시작하는 단계가 없습니다`,
          ),
        );
      return is(
        layer.status === f.status,
        L(`\`${layer.createdBy}\` is ${layer.status}`, `\`${layer.createdBy}\` 단계: ${layer.status}`),
      );
    }
    case 'data': {
      const c = lastContainer(world, f.container);
      if (!c) return no(L(`there is no container ${f.container}`, `${f.container} 컨테이너가 없습니다`));
      const place = placeOf(world, c, f.path);
      if (!place)
        return no(
          L(
            `${f.container} never wrote ${f.path}`,
            `${f.container} 컨테이너는 ${f.path} 경로에 쓴 적이 없습니다`,
          ),
        );
      return is(place === f.lives, L(`it is ${placeText(place).en}`, `실제 위치: ${placeText(place).ko}`));
    }
    case 'mount': {
      const c = lastContainer(world, f.container);
      if (!c) return no(L(`there is no container ${f.container}`, `${f.container} 컨테이너가 없습니다`));
      const m = c.mounts.find((x) => x.target === f.target);
      if (!m)
        return no(
          L(
            `${f.container} mounts nothing at ${f.target}`,
            `${f.container} 컨테이너는 ${f.target} 경로에 아무것도 마운트하지 않습니다`,
          ),
        );
      const source = m.anonymous ? m.source.slice(0, 12) : m.source;
      return is(
        m.type === f.type && (f.source === undefined || m.source === f.source),
        L(
          `it mounts ${m.anonymous ? 'an anonymous volume' : `a ${m.type}`} (${source}) at ${f.target}`,
          `${f.target} 경로에 ${mountObject(m.type, source)} 마운트합니다`,
        ),
      );
    }
  }
}

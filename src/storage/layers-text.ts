// Words for the layers lab: why each step of a build was reused or rebuilt, what each command
// did to the host (copy-up, whiteout, a write that lands in a volume, what docker rm throws away).
import { type LocalText } from '../lib/text';
import { formatByteSize } from './byte-size';
import type { Effect } from './docker-host';
import type { ImageLayer } from './image-build';

const L = (en: string, ko: string): LocalText => ({ en, ko });

export const sizeText = (l: ImageLayer): string => (l.size === undefined ? '?' : formatByteSize(l.size));

/** Why a step of a build was reused or run. */
export function layerText(l: ImageLayer): LocalText {
  if (l.base !== undefined)
    return l.status === 'pulled'
      ? L(`base image ${l.base}, pulled from the registry`, `베이스 이미지 ${l.base}, 레지스트리에서 받음`)
      : L(`base image ${l.base}, already on the host`, `베이스 이미지 ${l.base}, 이미 호스트에 있음`);
  const kind = l.empty
    ? L(
        'configuration only: an empty history entry (0 B), no filesystem layer',
        '설정만 바꿈: 빈 히스토리 항목(0 B), 파일 시스템 레이어 없음',
      )
    : undefined;
  const tail = (x: LocalText) => (kind ? L(`${x.en}; ${kind.en}`, `${x.ko}. ${kind.ko}`) : x);
  switch (l.status) {
    case 'present':
      return tail(
        L('part of the base image, already on the host', '베이스 이미지의 일부, 이미 호스트에 있음'),
      );
    case 'cached': {
      const from = l.cachedFrom!;
      return tail(
        L(
          `CACHED: the same step after the same parent was built by ${from.file}:${from.line}`,
          `CACHED: 같은 부모 뒤의 같은 단계를 ${from.file}:${from.line}에서 이미 빌드했습니다`,
        ),
      );
    }
    case 'pulled':
    case 'built':
      switch (l.rebuild) {
        case 'changed': {
          const was = l.changedFrom!;
          return was.text === l.createdBy
            ? tail(
                L(
                  `built: the same instruction as ${was.file}:${was.line}, but the files it copies changed, so the cache misses here`,
                  `빌드함: ${was.file}:${was.line}의 명령과 같지만 복사하는 파일이 바뀌어서 여기서 캐시가 빗나갑니다`,
                ),
              )
            : tail(
                L(
                  `built: the cache misses here; after the same parent, ${was.file}:${was.line} had \`${was.text}\``,
                  `빌드함: 여기서 캐시가 빗나갑니다. 같은 부모 뒤에 ${was.file}:${was.line}에는 \`${was.text}\` 명령이 있었습니다`,
                ),
              );
        }
        case 'after-change':
          return tail(
            L(
              'built again: an earlier step changed, and every step after a change is rebuilt',
              '다시 빌드함: 앞 단계가 바뀌었고, 바뀐 단계 뒤는 모두 다시 빌드합니다',
            ),
          );
        default:
          return tail(L('built: no earlier build had this step', '빌드함: 이전 빌드에 없던 단계'));
      }
  }
}

export function effectText(e: Effect): LocalText {
  switch (e.kind) {
    case 'built': {
      const cached = e.image.layers.filter((l) => l.status === 'cached' || l.status === 'present').length;
      return L(
        `built ${e.image.tag} from ${e.image.file}: ${e.image.layers.length} steps, ${cached} reused, ${formatByteSize(e.image.size)}`,
        `${e.image.file} 파일로 ${e.image.tag} 이미지 빌드: ${e.image.layers.length}단계 중 ${cached}단계 재사용, ${formatByteSize(e.image.size)}`,
      );
    }
    case 'volume-created':
      return e.implicit
        ? L(
            `volume ${e.volume.slice(0, 12)} created on the fly for the mount`,
            `마운트하려고 ${e.volume.slice(0, 12)} 볼륨을 바로 만들었습니다`,
          )
        : L(
            `volume ${e.volume} created in /var/lib/docker/volumes/${e.volume}/_data`,
            `/var/lib/docker/volumes/${e.volume}/_data에 ${e.volume} 볼륨을 만들었습니다`,
          );
    case 'volume-removed':
      return L(`volume ${e.volume} removed with its data`, `${e.volume} 볼륨과 그 데이터를 지웠습니다`);
    case 'container-created':
      return e.built
        ? L(
            `container ${e.container}: a new read-write layer on top of ${e.image}'s read-only layers (shared, not copied)`,
            `${e.container} 컨테이너: ${e.image} 이미지의 읽기 전용 레이어 위에 새 읽기/쓰기 레이어를 얹었습니다(레이어는 복사하지 않고 공유)`,
          )
        : L(
            `container ${e.container} from ${e.image}, an image not built here: netlab does not know its files or VOLUME instructions`,
            `${e.container} 컨테이너(${e.image} 이미지): 여기서 빌드하지 않은 이미지라 netlab은 파일이나 VOLUME 명령을 모릅니다`,
          );
    case 'copy-up':
      return L(
        `${e.container} writes ${e.path}: copy-up, the file is copied from the image layer "${e.layer}" into the container layer first; the image stays unchanged`,
        `${e.container} 컨테이너가 ${e.path} 파일에 씁니다: copy-up. 먼저 이미지 레이어 "${e.layer}"에서 컨테이너 레이어로 파일을 복사합니다. 이미지는 그대로입니다`,
      );
    case 'upper-write':
      return e.entry === 'copied-up'
        ? L(
            `${e.container} writes ${e.path} again: its copy is already in the container layer`,
            `${e.container} 컨테이너가 ${e.path} 파일에 다시 씁니다: 사본이 이미 컨테이너 레이어에 있습니다`,
          )
        : L(
            `${e.container} writes ${e.path}: a new file, only in the container layer`,
            `${e.container} 컨테이너가 ${e.path} 파일에 씁니다: 컨테이너 레이어에만 있는 새 파일입니다`,
          );
    case 'whiteout':
      return L(
        `${e.container} deletes ${e.path}: a whiteout in the container layer hides it; the image layer "${e.layer}" still has it`,
        `${e.container} 컨테이너가 ${e.path} 파일을 지웁니다: 컨테이너 레이어의 화이트아웃이 가릴 뿐, 이미지 레이어 "${e.layer}"에는 그대로 있습니다`,
      );
    case 'mount-write':
      return e.mount.type === 'volume'
        ? L(
            `${e.container} writes ${e.path}: it lands in volume ${e.mount.anonymous ? e.mount.source.slice(0, 12) : e.mount.source}, outside the layers`,
            `${e.container} 컨테이너가 ${e.path} 파일에 씁니다: 레이어 밖의 ${e.mount.anonymous ? e.mount.source.slice(0, 12) : e.mount.source} 볼륨에 저장됩니다`,
          )
        : e.mount.type === 'bind'
          ? L(
              `${e.container} writes ${e.path}: it lands in the host directory ${e.mount.source} (bind mount)`,
              `${e.container} 컨테이너가 ${e.path} 파일에 씁니다: 호스트의 ${e.mount.source} 디렉터리에 저장됩니다(바인드 마운트)`,
            )
          : L(
              `${e.container} writes ${e.path}: it lands in memory (tmpfs)`,
              `${e.container} 컨테이너가 ${e.path} 파일에 씁니다: 메모리(tmpfs)에 저장됩니다`,
            );
    case 'container-state':
      return L(`container ${e.container} is ${e.state}`, `${e.container} 컨테이너 상태: ${e.state}`);
    case 'container-removed': {
      const lost = e.lost.length > 0 ? e.lost.join(', ') : '';
      return L(
        `container ${e.container} removed with its read-write layer${lost ? `: lost ${lost}` : ''}${e.volumesKept.length > 0 ? `; kept volumes ${e.volumesKept.map((v) => v.slice(0, 12)).join(', ')}` : ''}${e.volumesRemoved.length > 0 ? `; removed anonymous volumes ${e.volumesRemoved.map((v) => v.slice(0, 12)).join(', ')}` : ''}`,
        `${e.container} 컨테이너를 읽기/쓰기 레이어와 함께 지웠습니다${lost ? `. 사라진 파일: ${lost}` : ''}${e.volumesKept.length > 0 ? `. 남은 볼륨: ${e.volumesKept.map((v) => v.slice(0, 12)).join(', ')}` : ''}${e.volumesRemoved.length > 0 ? `. 지운 익명 볼륨: ${e.volumesRemoved.map((v) => v.slice(0, 12)).join(', ')}` : ''}`,
      );
    }
    case 'host-write':
      return e.context
        ? L(
            `the build context file ${e.path} changed: the next COPY of it misses the cache`,
            `빌드 컨텍스트의 ${e.path} 파일이 바뀌었습니다: 다음 빌드에서 이 파일을 복사하는 COPY는 캐시가 빗나갑니다`,
          )
        : L(`host path ${e.path} changed`, `호스트 경로 ${e.path} 변경`);
    case 'unknown-program':
      return L(
        `netlab cannot tell which files "${e.program}" writes; it is skipped`,
        `"${e.program}" 프로그램이 어떤 파일을 쓰는지 netlab은 알 수 없어 건너뜁니다`,
      );
  }
}

// The docker host's /var/lib/docker as it is laid out with the overlay2 storage driver: one
// overlay2/<id>/diff per image layer (shared by every image and container that uses it), a
// read-write layer and an -init layer per container, image metadata under image/overlay2,
// container config and logs under containers/, volumes under volumes/<name>/_data. Bind-mounted
// host directories are not in it. Ids are made up (stable hashes), the layout is real.
import { type LocalText } from '../lib/text';
import { sha256 } from '../lib/sha256';
import type { DockerHost } from './docker-host';

export interface TreeNode {
  readonly name: string;
  readonly dir: boolean;
  readonly note?: LocalText;
  readonly children: readonly TreeNode[];
}

const t = (en: string, ko: string): LocalText => ({ en, ko });
const hex = (text: string): string => [...sha256(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
const dir = (name: string, children: TreeNode[] = [], note?: LocalText): TreeNode => ({
  name,
  dir: true,
  children,
  ...(note ? { note } : {}),
});
const file = (name: string, note?: LocalText): TreeNode => ({
  name,
  dir: false,
  children: [],
  ...(note ? { note } : {}),
});

/** A directory tree of `paths` (absolute or relative), for diff/ and _data/ contents. */
function pathsTree(
  paths: readonly string[],
  noteOf: (path: string) => LocalText | undefined = () => undefined,
): TreeNode[] {
  interface Draft {
    children: Map<string, Draft>;
    path: string;
  }
  const root: Draft = { children: new Map(), path: '' };
  for (const p of paths) {
    let at = root;
    for (const part of p.split('/').filter(Boolean)) {
      if (!at.children.has(part)) at.children.set(part, { children: new Map(), path: `${at.path}/${part}` });
      at = at.children.get(part)!;
    }
  }
  const build = (d: Draft): TreeNode[] =>
    [...d.children.entries()].map(([name, child]) => {
      const note = noteOf(child.path);
      return child.children.size > 0 ? dir(name, build(child), note) : file(name, note);
    });
  return build(root);
}

/** The short cache id netlab shows for a layer (real ones are 64 hex digits, chosen at random). */
export const cacheIdOf = (chainId: string): string => hex(`cache-id:${chainId}`);

export function dockerTree(host: DockerHost): TreeNode {
  const layerDirs: TreeNode[] = [];
  const seen = new Set<string>();
  const links: TreeNode[] = [];
  for (const image of host.builder.images.values()) {
    image.layers.forEach((layer, i) => {
      if (layer.empty || seen.has(layer.chainId)) return;
      seen.add(layer.chainId);
      const id = cacheIdOf(layer.chainId);
      links.push(
        file(
          id.slice(0, 26).toUpperCase(),
          t(`→ ../${id.slice(0, 12)}…/diff`, `→ ../${id.slice(0, 12)}…/diff`),
        ),
      );
      const users = [...host.builder.images.values()]
        .filter((im) => im.layers.some((l) => l.chainId === layer.chainId))
        .map((im) => im.tag);
      layerDirs.push(
        dir(
          `${id.slice(0, 12)}…`,
          [
            dir(
              'diff',
              pathsTree(layer.files),
              t(`the files added by: ${layer.createdBy}`, `이 명령이 추가한 파일: ${layer.createdBy}`),
            ),
            file('link'),
            ...(i > 0
              ? [
                  file(
                    'lower',
                    t('the layers below this one (l/ names)', '이 레이어 아래의 레이어들(l/ 이름)'),
                  ),
                ]
              : []),
            dir('work'),
          ],
          t(
            `read-only image layer, shared by ${users.join(', ')}`,
            `읽기 전용 이미지 레이어, 공유하는 이미지: ${users.join(', ')}`,
          ),
        ),
      );
    });
  }
  const live = host.containers.filter((c) => c.state !== 'removed');
  for (const c of live) {
    const id = hex(`rw:${c.id}`);
    layerDirs.push(
      dir(
        `${id.slice(0, 12)}…-init`,
        [dir('diff', pathsTree(['/.dockerenv', '/etc/hostname', '/etc/hosts', '/etc/resolv.conf']))],
        t(
          `${c.name}: the init layer (hostname, hosts, resolv.conf placeholders)`,
          `${c.name}: init 레이어(hostname, hosts, resolv.conf 자리)`,
        ),
      ),
      dir(
        `${id.slice(0, 12)}…`,
        [
          dir(
            'diff',
            pathsTree([...c.upper.keys()], (p) => {
              const e = c.upper.get(p);
              if (!e) return undefined;
              if (e.kind === 'copied-up')
                return t(
                  `copied up from the image layer "${e.layer}" before the first write`,
                  `첫 쓰기 전에 이미지 레이어 "${e.layer}"에서 복사해 올라옴(copy-up)`,
                );
              if (e.kind === 'whiteout')
                return t(
                  'whiteout (a character device 0/0): hides the file of a lower layer',
                  '화이트아웃(문자 장치 0/0): 아래 레이어의 파일을 가립니다',
                );
              return t('new file, only in this container', '새 파일, 이 컨테이너에만 있음');
            }),
            t(
              `${c.name}: the read-write container layer (upperdir)`,
              `${c.name}: 읽기/쓰기 컨테이너 레이어(upperdir)`,
            ),
          ),
          ...(c.state === 'running'
            ? [
                dir(
                  'merged',
                  [],
                  t(
                    `what ${c.name} sees: the union of all its layers`,
                    `${c.name} 컨테이너가 보는 모습: 모든 레이어를 합친 것`,
                  ),
                ),
              ]
            : []),
          dir('work'),
          file('link'),
          file('lower'),
        ],
        t(
          `${c.name} (${c.state}): its changes live here and go with docker rm`,
          `${c.name}(${c.state}): 변경 내용이 여기 있고 docker rm 하면 함께 사라집니다`,
        ),
      ),
    );
  }
  const overlay2 = dir(
    'overlay2',
    [
      dir(
        'l',
        links,
        t(
          'short names for the layers, to keep the mount options short',
          '레이어의 짧은 이름(마운트 옵션을 짧게 쓰기 위한 것)',
        ),
      ),
      ...layerDirs,
    ],
    t(
      'the storage driver overlay2: image and container layers',
      '스토리지 드라이버 overlay2: 이미지와 컨테이너 레이어',
    ),
  );

  const images = [...host.builder.images.values()];
  const image = dir(
    'image',
    [
      dir('overlay2', [
        dir('imagedb', [
          dir('content', [
            dir(
              'sha256',
              images.map((im) =>
                file(
                  hex(`image:${im.tag}:${im.layers.map((l) => l.chainId).join()}`).slice(0, 12) + '…',
                  t(`image config of ${im.tag}`, `${im.tag} 이미지 설정`),
                ),
              ),
            ),
          ]),
        ]),
        dir('layerdb', [
          dir(
            'sha256',
            [...seen].map((c) =>
              dir(hex(`chain:${c}`).slice(0, 12) + '…', [file('cache-id'), file('diff'), file('size')]),
            ),
          ),
          dir(
            'mounts',
            live.map((c) => dir(c.id, [file('init-id'), file('mount-id'), file('parent')])),
          ),
        ]),
        file(
          'repositories.json',
          t(
            `tags → image ids: ${images.map((im) => im.tag).join(', ')}`,
            `태그 → 이미지 id: ${images.map((im) => im.tag).join(', ')}`,
          ),
        ),
      ]),
    ],
    t('image metadata: which layers make each image', '이미지 메타데이터: 각 이미지를 이루는 레이어'),
  );

  const containers = dir(
    'containers',
    live.map((c) =>
      dir(
        c.id,
        [
          file('config.v2.json'),
          file(
            'hostconfig.json',
            t('its mounts: volumes and bind mounts', '마운트 정보: 볼륨과 바인드 마운트'),
          ),
          file('hostname'),
          file('hosts'),
          file('resolv.conf'),
          file(`${c.id}-json.log`, t('its stdout and stderr', '표준 출력과 표준 에러')),
        ],
        t(`container ${c.name}`, `${c.name} 컨테이너`),
      ),
    ),
    t('config and logs of each container (not its files)', '컨테이너별 설정과 로그(파일 내용은 아님)'),
  );

  const volumes = dir(
    'volumes',
    [
      file('metadata.db'),
      ...[...host.volumes.values()]
        .filter((v) => !v.removed)
        .map((v) =>
          dir(
            v.anonymous ? `${v.name.slice(0, 12)}…` : v.name,
            [dir('_data', pathsTree([...v.files]))],
            v.anonymous
              ? t(`anonymous volume (driver ${v.driver})`, `익명 볼륨(드라이버 ${v.driver})`)
              : t(
                  `named volume (driver ${v.driver}): outlives its containers`,
                  `이름 있는 볼륨(드라이버 ${v.driver}): 컨테이너가 사라져도 남음`,
                ),
          ),
        ),
    ],
    t('volumes of the local driver', 'local 드라이버의 볼륨'),
  );

  return dir('/var/lib/docker', [
    dir('buildkit', [], t('the build cache of BuildKit', 'BuildKit 빌드 캐시')),
    containers,
    image,
    dir('network'),
    overlay2,
    dir('plugins'),
    dir('runtimes'),
    dir('swarm'),
    dir('tmp'),
    volumes,
  ]);
}

/** Host directories bind-mounted into containers: outside /var/lib/docker, owned by the host. */
export function bindMounts(
  host: DockerHost,
): { source: string; target: string; container: string; files: string[] }[] {
  return host.containers
    .filter((c) => c.state !== 'removed')
    .flatMap((c) =>
      c.mounts
        .filter((m) => m.type === 'bind')
        .map((m) => ({
          source: m.source,
          target: m.target,
          container: c.name,
          files: [...host.hostFiles].filter((f) => f.startsWith(`${m.source}/`)),
        })),
    );
}

/** What the study notes drew, and why the real tree differs. */
export const TREE_NOTE: LocalText = t(
  'The notes draw aufs/, containers/, image/ and volumes/ beside var/lib/docker; they are all inside /var/lib/docker. And aufs/ is gone: the aufs driver was removed in Docker Engine 24 (devicemapper in 25); today the driver is overlay2, so its directory is overlay2/. With the containerd image store (the default for new installs of Docker Engine 29), image layers live under /var/lib/containerd instead.',
  '노트에는 aufs/, containers/, image/, volumes/가 var/lib/docker 옆에 그려져 있지만, 모두 /var/lib/docker 안에 있습니다. 그리고 aufs/는 이제 없습니다. aufs 드라이버는 Docker Engine 24에서 제거되었고(devicemapper는 25에서), 지금의 기본 드라이버는 overlay2이므로 디렉터리도 overlay2/입니다. containerd 이미지 저장소(Docker Engine 29 새 설치의 기본값)를 쓰면 이미지 레이어는 /var/lib/containerd 아래에 있습니다.',
);

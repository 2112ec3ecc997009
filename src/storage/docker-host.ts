// One docker host, command by command: images built with a shared cache, containers each with a
// read-write layer over the image's read-only layers (overlay2: copy-up on first write, whiteouts
// for deletions), named and anonymous volumes under /var/lib/docker/volumes, bind mounts of host
// directories, and what `docker rm` throws away. Every command records its effects.
import type { Diagnostic } from '../lib/diagnostic';
import { type LocalText } from '../lib/text';
import { sha256 } from '../lib/sha256';
import type { At, DockerCommand, FileOp, MountSpec } from './docker-commands';
import { parseDockerfile, type ParsedDockerfile } from './dockerfile';
import type { Container, Effect, HostStep, Mount, Volume } from './docker-host-types';
import { ImageBuilder, joinPath, type ImageBuild } from './image-build';

export type { Container, Effect, HostStep, Mount, UpperEntry, Volume } from './docker-host-types';

export interface HostFiles {
  /** Dockerfiles by name. */
  readonly dockerfiles: ReadonlyMap<string, ParsedDockerfile>;
  /** The build context (files of the archive that are neither Dockerfiles nor the script). */
  readonly context?: Map<string, string>;
}

const t = (en: string, ko: string): LocalText => ({ en, ko });
const idOf = (text: string): string =>
  [...sha256(text)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 12);

/** Directories every Linux host has; `mkdir` and `-v` add more. */
const HOST_DIRS = [
  '/',
  '/etc',
  '/home',
  '/mnt',
  '/opt',
  '/srv',
  '/tmp',
  '/var',
  '/var/lib',
  '/var/lib/docker',
];

export class DockerHost {
  readonly builder = new ImageBuilder();
  readonly containers: Container[] = [];
  readonly volumes = new Map<string, Volume>();
  readonly hostDirs = new Set(HOST_DIRS);
  readonly hostFiles = new Set<string>();
  readonly steps: HostStep[] = [];
  private effects: Effect[] = [];

  constructor(
    private readonly files: HostFiles,
    private readonly out: Diagnostic[],
  ) {}

  private fail(at: At, message: LocalText): void {
    this.out.push({
      file: at.file,
      line: at.line,
      col: at.col,
      severity: 'error',
      code: 'docker-daemon',
      message,
    });
  }

  private emit(e: Effect): void {
    this.effects.push(e);
  }

  container(name: string): Container | undefined {
    return this.containers.find((c) => c.state !== 'removed' && (c.name === name || c.id.startsWith(name)));
  }

  run(commands: readonly DockerCommand[]): void {
    for (const command of commands) {
      this.effects = [];
      this.apply(command);
      this.steps.push({ command, effects: this.effects });
    }
  }

  /** Builds `file` (a Dockerfile of the lab) as `tag`. */
  build(file: string, tag: string, at?: At): ImageBuild | undefined {
    const df = this.files.dockerfiles.get(file);
    if (!df) {
      if (at)
        this.fail(
          at,
          t(
            `unable to prepare context: ${file}: no such Dockerfile in the lab`,
            `${file}: 실습에 그런 Dockerfile이 없습니다`,
          ),
        );
      return undefined;
    }
    const image = this.builder.build(df, tag, this.files.context);
    this.emit({ kind: 'built', image });
    return image;
  }

  private apply(c: DockerCommand): void {
    switch (c.kind) {
      case 'build':
        this.build(c.file, c.tag ?? c.file.toLowerCase(), c.at);
        return;
      case 'volume-create':
        if (!this.volumes.has(c.name) || this.volumes.get(c.name)!.removed)
          this.createVolume(c.name, c.driver, false, false);
        return;
      case 'volume-rm':
        for (const name of c.names) this.removeVolume(name, c.at);
        return;
      case 'run':
        this.runContainer(c);
        return;
      case 'rm':
        for (const name of c.names) this.removeContainer(name, c.force, c.volumes, c.at);
        return;
      case 'stop':
      case 'start':
        for (const name of c.names) {
          const ct = this.container(name);
          if (!ct)
            this.fail(
              c.at,
              t(
                `Error response from daemon: No such container: ${name}`,
                `${name}: 그런 컨테이너가 없습니다`,
              ),
            );
          else {
            ct.state = c.kind === 'stop' ? 'exited' : 'running';
            this.emit({ kind: 'container-state', container: ct.name, state: ct.state });
          }
        }
        return;
      case 'exec': {
        const ct = this.container(c.container);
        if (!ct)
          return this.fail(
            c.at,
            t(
              `Error response from daemon: No such container: ${c.container}`,
              `${c.container}: 그런 컨테이너가 없습니다`,
            ),
          );
        if (ct.state !== 'running')
          return this.fail(
            c.at,
            t(
              `Error response from daemon: container ${ct.name} is not running`,
              `${ct.name} 컨테이너가 실행 중이 아닙니다`,
            ),
          );
        for (const op of c.ops) this.containerWrite(ct, op, c.at);
        for (const program of c.unknown) this.emit({ kind: 'unknown-program', program });
        return;
      }
      case 'host':
        for (const op of c.ops) this.hostWrite(op);
        for (const program of c.unknown) this.emit({ kind: 'unknown-program', program });
        return;
      case 'show':
        return;
    }
  }

  private createVolume(name: string, driver: string, anonymous: boolean, implicit: boolean): Volume {
    const v: Volume = { name, driver, anonymous, files: new Set(), removed: false };
    this.volumes.set(name, v);
    this.emit({ kind: 'volume-created', volume: name, implicit });
    return v;
  }

  private removeVolume(name: string, at: At): void {
    const v = this.volumes.get(name);
    if (!v || v.removed)
      return this.fail(
        at,
        t(`Error response from daemon: get ${name}: no such volume`, `${name}: 그런 볼륨이 없습니다`),
      );
    const user = this.containers.find(
      (c) => c.state !== 'removed' && c.mounts.some((m) => m.type === 'volume' && m.source === name),
    );
    if (user)
      return this.fail(
        at,
        t(
          `Error response from daemon: remove ${name}: volume is in use - [${user.id}] (container ${user.name})`,
          `${name} 볼륨은 ${user.name} 컨테이너가 쓰고 있어서 지울 수 없습니다`,
        ),
      );
    v.removed = true;
    this.emit({ kind: 'volume-removed', volume: name });
  }

  private runContainer(c: Extract<DockerCommand, { kind: 'run' }>): void {
    const image = this.builder.images.get(c.image);
    const index = this.containers.length + 1;
    const name = c.name ?? `${c.image.replace(/[:/@].*$/, '').replace(/[^a-z0-9]/g, '')}_${index}`;
    if (this.container(name))
      return this.fail(
        c.at,
        t(
          `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use`,
          `"${name}" 이름은 이미 다른 컨테이너가 쓰고 있습니다`,
        ),
      );
    const mounts: Mount[] = [];
    for (const m of c.mounts) {
      const mount = this.prepareMount(m, c.volumeDriver ?? 'local', index, mounts.length);
      if (!mount) return;
      mounts.push(mount);
    }
    // VOLUME paths of the image get anonymous volumes unless something is mounted there.
    for (const path of image?.volumes ?? []) {
      if (mounts.some((m) => m.target === path)) continue;
      const anon = idOf(`anon:${name}:${path}`) + idOf(`anon2:${name}:${path}`);
      this.createVolume(anon, 'local', true, true);
      mounts.push({ type: 'volume', source: anon, target: path, readOnly: false, anonymous: true });
    }
    const ct: Container = {
      id: idOf(`container:${index}:${name}`),
      name,
      image: c.image,
      built: image !== undefined,
      mounts,
      state: 'running',
      upper: new Map(),
      removeVolumesOnExit: c.rm,
    };
    this.containers.push(ct);
    this.emit({ kind: 'container-created', container: name, image: c.image, built: ct.built });
  }

  private prepareMount(m: MountSpec, driver: string, index: number, n: number): Mount | undefined {
    if (m.type === 'tmpfs')
      return { type: 'tmpfs', source: 'tmpfs', target: m.target, readOnly: m.readOnly, anonymous: true };
    if (m.type === 'bind') {
      const path = joinPath('/', m.source!);
      if (!this.hostDirs.has(path)) {
        if (m.via === '--mount') {
          this.fail(
            m.at,
            t(
              `docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: ${path}`,
              `--mount type=bind: 호스트에 ${path} 경로가 없습니다(-v와 달리 --mount는 디렉터리를 만들어 주지 않습니다)`,
            ),
          );
          return undefined;
        }
        this.addHostDir(path);
      }
      return { type: 'bind', source: path, target: m.target, readOnly: m.readOnly, anonymous: false };
    }
    const named = m.source !== undefined;
    const name = m.source ?? idOf(`anon:${index}:${n}`) + idOf(`anon2:${index}:${n}`);
    const existing = this.volumes.get(name);
    if (!existing || existing.removed) this.createVolume(name, driver, !named, true);
    return { type: 'volume', source: name, target: m.target, readOnly: m.readOnly, anonymous: !named };
  }

  private addHostDir(path: string): void {
    let p = path;
    while (p !== '/' && p !== '') {
      this.hostDirs.add(p);
      p = p.slice(0, p.lastIndexOf('/')) || '/';
    }
  }

  private removeContainer(name: string, force: boolean, volumes: boolean, at: At): void {
    const ct = this.container(name);
    if (!ct)
      return this.fail(
        at,
        t(`Error response from daemon: No such container: ${name}`, `${name}: 그런 컨테이너가 없습니다`),
      );
    if (ct.state === 'running' && !force)
      return this.fail(
        at,
        t(
          `Error response from daemon: cannot remove container "/${ct.name}": container is running: stop the container before removing or force remove`,
          `실행 중인 ${ct.name} 컨테이너는 지울 수 없습니다. 먼저 docker stop 하거나 -f로 강제로 지우세요`,
        ),
      );
    ct.state = 'removed';
    const lost = [...ct.upper.values()].filter((e) => e.kind !== 'whiteout').map((e) => e.path);
    const removed: string[] = [];
    const kept: string[] = [];
    for (const m of ct.mounts) {
      if (m.type !== 'volume') continue;
      const v = this.volumes.get(m.source);
      if (v && m.anonymous && (volumes || ct.removeVolumesOnExit)) {
        v.removed = true;
        removed.push(m.source);
      } else kept.push(m.source);
    }
    this.emit({
      kind: 'container-removed',
      container: ct.name,
      lost,
      volumesRemoved: removed,
      volumesKept: kept,
    });
  }

  /** The image layer (its instruction) that holds `path`, top-most first. */
  lowerLayerOf(ct: Container, path: string): string | undefined {
    const image = this.builder.images.get(ct.image);
    return [...(image?.layers ?? [])].reverse().find((l) => l.files.includes(path))?.createdBy;
  }

  private containerWrite(ct: Container, op: FileOp, at: At): void {
    const image = this.builder.images.get(ct.image);
    const path = joinPath(image?.workdir ?? '/', op.path);
    const mount = [...ct.mounts]
      .sort((a, b) => b.target.length - a.target.length)
      .find((m) => path === m.target || path.startsWith(`${m.target}/`));
    if (mount) {
      if (mount.readOnly)
        return this.fail(
          at,
          t(
            `${path}: Read-only file system (${mount.target} is mounted read-only)`,
            `${path}: 읽기 전용 파일 시스템입니다(${mount.target} 경로가 읽기 전용으로 마운트됨)`,
          ),
        );
      const rel = path.slice(mount.target.length).replace(/^\//, '') || '.';
      if (mount.type === 'volume') {
        const v = this.volumes.get(mount.source)!;
        if (op.op === 'remove') v.files.delete(rel);
        else v.files.add(rel);
      } else if (mount.type === 'bind') {
        const hostPath = joinPath(mount.source, rel);
        if (op.op === 'remove') this.hostFiles.delete(hostPath);
        else this.hostFiles.add(hostPath);
      }
      this.emit({ kind: 'mount-write', container: ct.name, path, mount });
      return;
    }
    const entry = ct.upper.get(path);
    const lower = this.lowerLayerOf(ct, path);
    if (op.op === 'remove') {
      if (entry?.kind === 'new') ct.upper.delete(path);
      else if (lower) {
        ct.upper.set(path, { path, kind: 'whiteout', layer: lower });
        this.emit({ kind: 'whiteout', container: ct.name, path, layer: lower });
        return;
      }
      this.emit({ kind: 'upper-write', container: ct.name, path, entry: 'new' });
      return;
    }
    if (entry && entry.kind !== 'whiteout') {
      this.emit({ kind: 'upper-write', container: ct.name, path, entry: entry.kind });
      return;
    }
    if (lower && !entry) {
      // The first write to a lower file (even `>` or touch) copies it up into the container layer.
      ct.upper.set(path, { path, kind: 'copied-up', layer: lower });
      this.emit({ kind: 'copy-up', container: ct.name, path, layer: lower });
      return;
    }
    ct.upper.set(path, { path, kind: 'new' });
    this.emit({ kind: 'upper-write', container: ct.name, path, entry: 'new' });
  }

  private hostWrite(op: FileOp): void {
    if (!op.path.startsWith('/')) {
      // A relative path on the host is a file of the build context (the next build sees it).
      const ctx = this.files.context;
      if (ctx) {
        if (op.op === 'remove') ctx.delete(op.path);
        else ctx.set(op.path, `${ctx.get(op.path) ?? ''}\n# changed by ${op.op}`);
      }
      this.emit({ kind: 'host-write', path: op.path, context: true });
      return;
    }
    const path = joinPath('/', op.path);
    if (op.op === 'mkdir') this.addHostDir(path);
    else if (op.op === 'remove') this.hostFiles.delete(path);
    else this.hostFiles.add(path);
    this.emit({ kind: 'host-write', path, context: false });
  }
}

/** Parses the Dockerfiles of a lab (each with its own diagnostics). */
export function parseDockerfiles(
  files: readonly { name: string; text: string; lineOffset: number; file: string }[],
  out: Diagnostic[],
): Map<string, ParsedDockerfile> {
  return new Map(files.map((f) => [f.name, parseDockerfile(f.file, f.text, out, f.lineOffset, f.name)]));
}

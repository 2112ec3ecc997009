// Building images from parsed Dockerfiles with a shared build cache: a step is reused when its
// parent was reused and its instruction (for COPY and ADD, also the files copied) is the same;
// the first changed step invalidates every step after it. Sizes come from `# size:` comments;
// instructions that only change configuration make empty (0 B) history entries.
import { sha256 } from '../lib/sha256';
import {
  argumentWords,
  FILESYSTEM_INSTRUCTIONS,
  type Instruction,
  type ParsedDockerfile,
} from './dockerfile';

export type LayerStatus = 'pulled' | 'present' | 'cached' | 'built';

export interface SourceLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface ImageLayer {
  /** `FROM ubuntu` for the base, else the instruction as written. */
  readonly createdBy: string;
  readonly instruction?: Instruction;
  /** The base image's name, for the base layer. */
  readonly base?: string;
  /** Bytes; 0 for configuration-only steps; undefined when no `# size:` comment says. */
  readonly size: number | undefined;
  /** Configuration only: an empty history entry, no filesystem layer in the image's rootfs. */
  readonly empty: boolean;
  /** pulled: the base was downloaded; present: already on the host; cached: reused; built: run now. */
  readonly status: LayerStatus;
  /** For a cached step: the build that made the layer first. */
  readonly cachedFrom?: SourceLine;
  /**
   * For a built step: new (no earlier build had it), changed (an earlier build had another step
   * after the same parent: the first miss), after-change (a step after that first miss).
   */
  readonly rebuild?: 'new' | 'changed' | 'after-change';
  /** For the first miss: what an earlier build had at this step, after the same parent. */
  readonly changedFrom?: SourceLine;
  /** Absolute paths this step adds (COPY/ADD of files the lab knows). */
  readonly files: readonly string[];
  /** A hash of the chain of steps up to this one: the cache key. */
  readonly chainId: string;
}

export interface ImageBuild {
  /** The Dockerfile's name. */
  readonly file: string;
  readonly tag: string;
  /** The final stage's layers, base first. */
  readonly layers: readonly ImageLayer[];
  readonly stageCount: number;
  /** Sum of the known sizes. */
  readonly size: number;
  /** Filesystem steps without a `# size:` comment. */
  readonly unknownSizes: number;
  /** The build context was not given: COPY and ADD are taken as copying unchanged files. */
  readonly contextUnknown: boolean;
  /** The final stage's WORKDIR (relative paths in `docker exec` start there). */
  readonly workdir: string;
  /** VOLUME paths: `docker run` gives each an anonymous volume unless a mount covers it. */
  readonly volumes: readonly string[];
}

/** The build context: files by path relative to it (`app.py`, `src/main.py`). */
export type BuildContext = ReadonlyMap<string, string>;

const hex = (text: string): string => [...sha256(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

const normalizeImage = (ref: string): string => {
  const name = ref.toLowerCase();
  return /[:@][^/]*$/.test(name) ? name : `${name}:latest`;
};

export function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** Context files a COPY/ADD source matches: `.`, a file, a directory, or a `*` glob. */
function matchSources(context: BuildContext, src: string): string[] {
  const clean = src.replace(/^\.\//, '').replace(/\/$/, '');
  if (clean === '.' || clean === '') return [...context.keys()];
  if (context.has(clean)) return [clean];
  const dir = [...context.keys()].filter((k) => k.startsWith(`${clean}/`));
  if (dir.length > 0) return dir;
  if (clean.includes('*')) {
    const re = new RegExp(`^${clean.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return [...context.keys()].filter((k) => re.test(k));
  }
  return [];
}

interface Stage {
  name?: string;
  layers: ImageLayer[];
  workdir: string;
  volumes: string[];
}

/** Builds images one after another; every build sees the cache the earlier ones left. */
export class ImageBuilder {
  /** Cache entries: chain id → where the step was first run. */
  private readonly cache = new Map<string, SourceLine>();
  /** Parent chain id → the steps built on it, to say what changed. */
  private readonly children = new Map<string, SourceLine[]>();
  private readonly pulled = new Set<string>();
  readonly images = new Map<string, ImageBuild>();

  build(df: ParsedDockerfile, tag: string, context: BuildContext | undefined): ImageBuild {
    const stages: Stage[] = [];
    let stage: Stage | undefined;
    let missed: 'new' | 'changed' | undefined;
    let unknownSizes = 0;
    for (const ins of df.instructions) {
      if (ins.keyword === 'ARG' && !stage) continue;
      if (ins.keyword === 'FROM') {
        stage = this.from(ins, stages);
        stages.push(stage);
        missed = undefined;
        continue;
      }
      if (!stage) continue;
      const parent = stage.layers.at(-1)?.chainId ?? hex('scratch');
      const copied = this.copiedFiles(ins, stage, stages, context);
      const key = hex(`${parent}\n${ins.keyword} ${ins.args}\n${copied.digest}`);
      const here: SourceLine = { file: df.file, line: ins.line, text: ins.source };
      const empty = !FILESYSTEM_INSTRUCTIONS.includes(ins.keyword);
      const size = empty ? 0 : ins.size;
      if (size === undefined) unknownSizes++;
      const hit = !missed ? this.cache.get(key) : undefined;
      let layer: ImageLayer;
      if (hit)
        layer = {
          createdBy: ins.source,
          instruction: ins,
          size,
          empty,
          status: 'cached',
          cachedFrom: hit,
          files: copied.files,
          chainId: key,
        };
      else {
        const sibling = missed ? undefined : this.children.get(parent)?.[0];
        const rebuild =
          missed === 'changed' ? 'after-change' : missed === 'new' ? 'new' : sibling ? 'changed' : 'new';
        layer = {
          createdBy: ins.source,
          instruction: ins,
          size,
          empty,
          status: 'built',
          rebuild,
          ...(sibling ? { changedFrom: sibling } : {}),
          files: copied.files,
          chainId: key,
        };
        missed ??= sibling ? 'changed' : 'new';
        this.cache.set(key, here);
        this.children.set(parent, [...(this.children.get(parent) ?? []), here]);
      }
      if (ins.keyword === 'WORKDIR')
        stage.workdir = joinPath(stage.workdir, argumentWords(ins.args)[0] ?? '/');
      if (ins.keyword === 'VOLUME')
        stage.volumes.push(...argumentWords(ins.args).map((v) => joinPath('/', v)));
      stage.layers.push(layer);
    }
    const final = stages.at(-1)?.layers ?? [];
    const image: ImageBuild = {
      file: df.name,
      tag,
      layers: final,
      stageCount: stages.length,
      size: final.reduce((sum, l) => sum + (l.size ?? 0), 0),
      unknownSizes,
      contextUnknown: context === undefined,
      workdir: stages.at(-1)?.workdir ?? '/',
      volumes: stages.at(-1)?.volumes ?? [],
    };
    this.images.set(tag, image);
    return image;
  }

  private from(ins: Instruction, stages: readonly Stage[]): Stage {
    const words = argumentWords(ins.args).filter((w) => !w.startsWith('--'));
    const ref = words[0] ?? 'scratch';
    const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
    const name = asIndex >= 0 ? words[asIndex + 1] : undefined;
    const earlier = stages.find((s) => s.name !== undefined && s.name === ref);
    const built = this.images.get(ref) ?? this.images.get(normalizeImage(ref));
    const layers: ImageLayer[] = earlier
      ? [...earlier.layers]
      : built
        ? built.layers.map((l) => ({ ...l, status: 'present' as const }))
        : ref === 'scratch'
          ? []
          : [this.baseLayer(ins, ref)];
    return {
      ...(name ? { name } : {}),
      layers,
      workdir: earlier?.workdir ?? built?.workdir ?? '/',
      volumes: [...(earlier?.volumes ?? built?.volumes ?? [])],
    };
  }

  private baseLayer(ins: Instruction, ref: string): ImageLayer {
    const image = normalizeImage(ref);
    const status: LayerStatus = this.pulled.has(image) ? 'present' : 'pulled';
    this.pulled.add(image);
    return {
      createdBy: ins.source,
      instruction: ins,
      base: image,
      size: ins.size,
      empty: false,
      status,
      files: [],
      chainId: hex(`FROM ${image}`),
    };
  }

  /** The files a COPY/ADD adds and a digest of their content (part of its cache key). */
  private copiedFiles(
    ins: Instruction,
    stage: Stage,
    stages: readonly Stage[],
    context: BuildContext | undefined,
  ): { files: string[]; digest: string } {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return { files: [], digest: '' };
    const words = argumentWords(ins.args);
    const fromFlag = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const plain = words.filter((w) => !w.startsWith('--'));
    if (plain.length < 2) return { files: [], digest: '' };
    const dest = plain.at(-1)!;
    const sources = plain.slice(0, -1);
    if (fromFlag !== undefined) {
      const src = stages.find((s) => s.name === fromFlag) ?? stages[Number(fromFlag)];
      return { files: [], digest: src?.layers.at(-1)?.chainId ?? `image:${fromFlag}` };
    }
    if (!context) return { files: [], digest: 'context-unknown' };
    const destDir = joinPath(stage.workdir, dest);
    const matched = sources.flatMap((s) => matchSources(context, s).map((path) => ({ s, path })));
    const intoDir =
      dest.endsWith('/') ||
      sources.length > 1 ||
      matched.length > 1 ||
      matched.some((m) => m.path !== m.s.replace(/^\.\//, ''));
    const files = matched.map(({ s, path }) => {
      const base = s.replace(/^\.\//, '').replace(/\/$/, '');
      const rel =
        base === '.' || base === '' || s.includes('*')
          ? path
          : path.startsWith(`${base}/`)
            ? path.slice(base.length + 1)
            : path.split('/').pop()!;
      return intoDir ? joinPath(destDir, rel) : destDir;
    });
    const digest = hex(matched.map((m) => `${m.path}\0${context.get(m.path)}`).join('\0'));
    return { files, digest };
  }
}

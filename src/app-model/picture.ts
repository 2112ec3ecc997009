// What an exported picture of the scene shows and is called: the author's options (scale,
// background, padding, title, legend, one node or the whole scene), the frame they give, a file
// name from the scene, and alt text that says what the picture shows.
import type { FlowReasons } from '../engine/explain-reasons';
import type { Locale } from '../lib/text';
import type { Rect, Scene } from '../layout/scene';

export type PictureBackground = 'white' | 'transparent' | 'dark';
export const PICTURE_SCALES = [1, 2, 3] as const;
export type PictureScale = (typeof PICTURE_SCALES)[number];

export interface PictureOptions {
  /** PNG pixels per scene unit (the SVG keeps scene units; its width and height are multiplied). */
  readonly scale: PictureScale;
  readonly background: PictureBackground;
  /** Space around the picture, in scene units (0–200). */
  readonly padding: number;
  /** A title above the picture; empty: none. */
  readonly title: string;
  /** The diagram's legend below the picture. */
  readonly legend: boolean;
  /** Only this node's box (by node name); null: the whole scene. */
  readonly part: string | null;
}

export const DEFAULT_PICTURE_OPTIONS: PictureOptions = {
  scale: 2,
  background: 'white',
  padding: 16,
  title: '',
  legend: false,
  part: null,
};

export const MAX_PADDING = 200;
/** Characters of a title kept (a title is a caption, not a paragraph). */
export const MAX_TITLE_CHARS = 120;
/** Scene units of a title line and of a legend line. */
export const TITLE_LINE = 28;
export const LEGEND_LINE = 18;
/** A Markdown column in course notes, in CSS pixels: what "readable when embedded" is judged at. */
export const NOTES_COLUMN_PX = 800;
/** The smallest text size people read comfortably in notes, in CSS pixels. */
export const READABLE_TEXT_PX = 10;

/** Options with every field in range (from a form, or anything else). */
export function pictureOptions(o: Partial<PictureOptions>): PictureOptions {
  const d = DEFAULT_PICTURE_OPTIONS;
  const padding = Number.isFinite(o.padding) ? Math.round(o.padding!) : d.padding;
  return {
    scale: PICTURE_SCALES.includes(o.scale as PictureScale) ? o.scale! : d.scale,
    background: o.background === 'transparent' || o.background === 'dark' ? o.background : 'white',
    padding: Math.min(MAX_PADDING, Math.max(0, padding)),
    title: (o.title ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS),
    legend: o.legend === true,
    part: o.part ?? null,
  };
}

/** The parts an author can export alone: the nodes, by name. */
export const pictureParts = (scene: Scene): readonly string[] => scene.nodes.map((n) => n.name);

export interface PictureFrame {
  /** The region of the scene shown (scene units), before padding. */
  readonly content: Rect;
  /** The whole picture's viewBox: content, padding, the title band above and the legend below. */
  readonly viewBox: Rect;
  /** Baselines of the title and legend lines (scene units, in the viewBox's coordinates). */
  readonly titleY: number | null;
  readonly legendY: readonly number[];
  /** Pixel size of the PNG. */
  readonly pixels: { readonly width: number; readonly height: number };
}

/** What `options.part` shows of `scene`: that node's box, or the whole scene. */
export function pictureContent(scene: Scene, options: PictureOptions): Rect {
  const node = options.part === null ? undefined : scene.nodes.find((n) => n.name === options.part);
  return node ? node.rect : { x: 0, y: 0, w: scene.width, h: scene.height };
}

/** Average advance of a legend character (11 px sans-serif), in scene units: to wrap the legend. */
const LEGEND_CHAR = 6.2;

/** The legend's words wrapped to lines that fit `width` scene units (a word never split). */
export function wrapLegend(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor(width / LEGEND_CHAR));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The frame of a picture of `scene`: what is shown, and the bands the title and legend need. */
export function pictureFrame(scene: Scene, options: PictureOptions, legendLines = 0): PictureFrame {
  const content = pictureContent(scene, options);
  const pad = options.padding;
  const titleBand = options.title ? TITLE_LINE + pad / 2 : 0;
  const legendBand = options.legend && legendLines > 0 ? legendLines * LEGEND_LINE + pad / 2 : 0;
  const viewBox: Rect = {
    x: content.x - pad,
    y: content.y - pad - titleBand,
    w: content.w + 2 * pad,
    h: content.h + 2 * pad + titleBand + legendBand,
  };
  const legendTop = content.y + content.h + pad / 2 + LEGEND_LINE;
  return {
    content,
    viewBox,
    titleY: options.title ? viewBox.y + pad + TITLE_LINE - 8 : null,
    legendY: legendBand ? Array.from({ length: legendLines }, (_, i) => legendTop + i * LEGEND_LINE) : [],
    pixels: {
      width: Math.ceil(viewBox.w * options.scale),
      height: Math.ceil(viewBox.h * options.scale),
    },
  };
}

/**
 * How large `fontPx` (scene units) shows when the PNG is put in a column `columnPx` wide: notes
 * show a picture at its own pixel width, shrunk to the column when it is wider.
 */
export const renderedTextPx = (frame: PictureFrame, fontPx: number, columnPx = NOTES_COLUMN_PX): number =>
  (fontPx * Math.min(columnPx, frame.pixels.width)) / frame.viewBox.w;

/** Lower-case words joined by hyphens, safe in a file name on every system. */
function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '');
}

export interface PictureNaming {
  /** The scene's name: a lesson id, a file's name, or nothing for the learner's own scenario. */
  readonly scene?: string;
  /** The part exported alone (a node name). */
  readonly part?: string | null;
  /** The flow on screen, as `from → to port/proto`. */
  readonly flow?: { readonly from: string; readonly to: string; readonly port?: string } | null;
}

/** "netlab-c-03-flannel-enforces-nothing-prod-web-to-prod-db-3306-tcp.png". */
export function pictureFileName(naming: PictureNaming, extension: 'png' | 'svg'): string {
  const scene = naming.scene ? slug(naming.scene.replace(/\.(ya?ml|json|png|svg)$/i, '')) : '';
  const parts = ['netlab', scene, naming.part ? slug(naming.part) : ''];
  if (naming.flow)
    parts.push(
      slug(`${naming.flow.from} to ${naming.flow.to}${naming.flow.port ? ` ${naming.flow.port}` : ''}`),
    );
  const base = parts.filter((p) => p !== '').join('-') || 'netlab-scene';
  return `${base === 'netlab' ? 'netlab-scene' : base}.${extension}`;
}

/** The policies a verdict rests on: the denying side's, or the rules that allowed it. */
function decidingPolicies(reasons: FlowReasons): string[] {
  const sides = reasons.allowed ? reasons.sides : reasons.sides.filter((s) => s.verdict === 'deny');
  const found = new Set<string>();
  for (const side of sides)
    for (const r of side.reasons)
      if (!reasons.allowed || r.kind === 'rule-matched') if (r.policy) found.add(r.policy);
  return [...found];
}

export interface PictureSubject {
  readonly nodes: number;
  readonly pods: number;
  readonly services: number;
  /** The explained flow on screen, if any: its reasons say the verdict and the policies. */
  readonly flow?: FlowReasons | null;
  readonly part?: string | null;
}

/**
 * Alt text for the picture: the flow and its verdict with the policies it rests on ("prod/web →
 * prod/db 3306/TCP: ✗ denied by prod/db-policy"), else what the diagram contains.
 */
export function pictureAltText(subject: PictureSubject, locale: Locale): string {
  const what =
    locale === 'ko'
      ? `netlab 클러스터 구성도${subject.part ? `(${subject.part} 노드)` : ''}`
      : `netlab cluster diagram${subject.part ? ` (node ${subject.part})` : ''}`;
  const flow = subject.flow;
  if (flow) {
    const policies = decidingPolicies(flow);
    const headline = flow.headline[locale];
    if (policies.length === 0) return `${what}: ${headline}`;
    const list = policies.join(', ');
    return locale === 'ko' ? `${what}: ${headline} (근거: ${list})` : `${what}: ${headline} by ${list}`;
  }
  const count =
    locale === 'ko'
      ? `노드 ${subject.nodes}개, 파드 ${subject.pods}개, Service ${subject.services}개`
      : `${subject.nodes} nodes, ${subject.pods} pods, ${subject.services} Services`;
  return `${what}: ${count}`;
}

// Pictures and files of a scene: the graph as SVG or PNG with the scene embedded (SVG
// <metadata>, PNG tEXt), and reading such files — or plain YAML — back. Files are untrusted:
// bounded in size, parsed without running anything.
import { addPngText } from '../lib/png-text';
import type { PictureBackground, PictureFrame } from '../app-model/picture';
import { fileTooLarge, MAX_FILE_BYTES, PNG_KEYWORD, readSceneBytes, type SceneFile } from '../lib/scene-file';

export { MAX_FILE_BYTES, PNG_KEYWORD, type SceneFile };
const SVG_NS = 'http://www.w3.org/2000/svg';

/** What an exported picture adds around the scene: its frame, background, title and legend. */
export interface PictureDecoration {
  readonly frame: PictureFrame;
  readonly background: PictureBackground;
  readonly title: string;
  readonly legend: readonly string[];
}

const BACKGROUND: Record<PictureBackground, string | null> = {
  white: '#ffffff',
  transparent: null,
  dark: '#0d1117',
};
/** Dark: the drawing's lightness inverted and its hues turned back, so colours keep their meaning. */
const DARK_FILTER_ID = 'netlab-dark';
const CLIP_ID = 'netlab-part';

/**
 * A standalone SVG of the scene (or the part the frame shows): identity zoom, the graph's CSS
 * inside, the scene in metadata, the background, title and legend the author chose.
 */
export function svgExport(
  svg: SVGSVGElement,
  decoration: PictureDecoration,
  css: string,
  fragment: string,
): string {
  const { frame, background } = decoration;
  const box = frame.viewBox;
  const doc = svg.ownerDocument;
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string> = {}) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.ceil(box.w)));
  clone.setAttribute('height', String(Math.ceil(box.h)));
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
  clone.setAttribute('class', 'graph');
  clone.removeAttribute('style');
  const drawing = clone.querySelector(':scope > g');
  drawing?.removeAttribute('transform');
  const style = el('style');
  style.textContent = css;
  const meta = el('metadata', { id: 'netlab-scene' });
  meta.textContent = fragment;
  const before: Element[] = [meta, style];
  const fill = BACKGROUND[background];
  if (fill)
    before.push(
      el('rect', { x: String(box.x), y: String(box.y), width: String(box.w), height: String(box.h), fill }),
    );
  if (background === 'dark') {
    const filter = el('filter', { id: DARK_FILTER_ID, 'color-interpolation-filters': 'sRGB' });
    filter.append(
      el('feColorMatrix', { type: 'matrix', values: '-1 0 0 0 1 0 -1 0 0 1 0 0 -1 0 1 0 0 0 1 0' }),
      el('feColorMatrix', { type: 'hueRotate', values: '180' }),
    );
    const defs = el('defs');
    defs.append(filter);
    before.push(defs);
    drawing?.setAttribute('filter', `url(#${DARK_FILTER_ID})`);
  }
  // Only the chosen part (and its padding): lines that leave it stop at its edge, not over the legend.
  const pad = frame.content.x - box.x;
  const clip = el('clipPath', { id: CLIP_ID });
  clip.append(
    el('rect', {
      x: String(frame.content.x - pad),
      y: String(frame.content.y - pad),
      width: String(frame.content.w + 2 * pad),
      height: String(frame.content.h + 2 * pad),
    }),
  );
  before.push(clip);
  if (drawing) {
    const clipped = el('g', { 'clip-path': `url(#${CLIP_ID})` });
    drawing.replaceWith(clipped);
    clipped.append(drawing);
  }
  clone.prepend(...before);
  const ink = background === 'dark' ? '#e6edf3' : '#1b1f24';
  const left = String(frame.content.x);
  if (frame.titleY !== null && decoration.title) {
    const title = el('text', {
      x: left,
      y: String(frame.titleY),
      fill: ink,
      'font-size': '18',
      'font-weight': '600',
    });
    title.setAttribute('font-family', 'system-ui, sans-serif');
    title.textContent = decoration.title;
    clone.append(title);
  }
  decoration.legend.forEach((line, i) => {
    const y = frame.legendY[i];
    if (y === undefined) return;
    const text = el('text', { x: left, y: String(y), fill: ink, 'font-size': '11' });
    text.setAttribute('font-family', 'system-ui, sans-serif');
    text.textContent = line;
    clone.append(text);
  });
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises the SVG at `pixels` (the frame times the chosen scale) and embeds the scene in a tEXt chunk. */
export async function pngExport(
  svgText: string,
  pixels: { readonly width: number; readonly height: number },
  fragment: string,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, pixels.width, pixels.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
    );
    const bytes = addPngText(new Uint8Array(await blob.arrayBuffer()), PNG_KEYWORD, fragment);
    return new Blob([bytes as BlobPart], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as a file called `name` (the browser's download); the object URL lives a while for slow saves. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A dropped or opened file: an exported PNG/SVG (its scene), or YAML/JSON scenario text (see
 * readSceneBytes). Past the size limit the file is not even read.
 */
export async function readSceneFile(file: File): Promise<SceneFile> {
  if (file.size > MAX_FILE_BYTES) return fileTooLarge(file.name);
  return readSceneBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

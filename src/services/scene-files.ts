// Pictures and files of a scene: the graph as SVG or PNG with the scene embedded (SVG
// <metadata>, PNG tEXt), and reading such files — or plain YAML — back. Files are untrusted:
// bounded in size, parsed without running anything.
import { addPngText } from '../lib/png-text';
import { fileTooLarge, MAX_FILE_BYTES, PNG_KEYWORD, readSceneBytes, type SceneFile } from '../lib/scene-file';

export { MAX_FILE_BYTES, PNG_KEYWORD, type SceneFile };
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG of the whole scene: identity zoom, the graph's CSS inside, the scene in metadata. */
export function svgExport(
  svg: SVGSVGElement,
  width: number,
  height: number,
  css: string,
  fragment: string,
): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  clone.setAttribute('class', 'graph');
  clone.removeAttribute('style');
  clone.querySelector(':scope > g')?.removeAttribute('transform');
  const doc = svg.ownerDocument;
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = css;
  const meta = doc.createElementNS(SVG_NS, 'metadata');
  meta.setAttribute('id', 'netlab-scene');
  meta.textContent = fragment;
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.prepend(meta, style, bg);
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises the SVG (2× for sharpness) and embeds the scene in a tEXt chunk. */
export async function pngExport(
  svgText: string,
  width: number,
  height: number,
  fragment: string,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
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

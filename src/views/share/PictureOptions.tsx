// The author's choices for exported pictures (scale, background, padding, title, legend, one node
// or the whole scene), with the PNG's size and how large the smallest text shows in a column of
// notes, so a picture is made readable before it is pasted.
import { useId, useState, type RefObject } from 'react';
import {
  MAX_PADDING,
  MAX_TITLE_CHARS,
  NOTES_COLUMN_PX,
  PICTURE_SCALES,
  pictureContent,
  pictureFrame,
  pictureOptions,
  pictureParts,
  READABLE_TEXT_PX,
  renderedTextPx,
  type PictureBackground,
  type PictureOptions as Options,
} from '../../app-model/picture';
import type { Scene } from '../../layout/scene';
import { fill } from '../../lib/text';
import { useUiText } from '../i18n';

/** The smallest font size of the drawing's text, in scene units (the graph's CSS decides it). */
function smallestFont(svg: SVGSVGElement | null): number | null {
  if (!svg) return null;
  let min = Infinity;
  for (const text of svg.querySelectorAll('text')) {
    const size = parseFloat(getComputedStyle(text).fontSize);
    if (size > 0 && size < min) min = size;
  }
  return Number.isFinite(min) ? min : null;
}

export function PictureOptions({
  options,
  setOptions,
  scene,
  legendLines,
  graphSvg,
}: {
  options: Options;
  setOptions: (o: Options) => void;
  scene: Scene | null;
  legendLines: (width: number) => number;
  graphSvg: RefObject<SVGSVGElement | null>;
}) {
  const t = useUiText();
  const [open, setOpen] = useState(false);
  const id = useId();
  const set = (o: Partial<Options>) => setOptions(pictureOptions({ ...options, ...o }));
  const parts = scene ? pictureParts(scene) : [];
  let size: string | null = null;
  let readable: { text: string; small: boolean } | null = null;
  if (open && scene) {
    const lines = options.legend ? legendLines(pictureContent(scene, options).w) : 0;
    const frame = pictureFrame(scene, options, lines);
    size = fill(t.pictureSize, { width: frame.pixels.width, height: frame.pixels.height });
    const font = smallestFont(graphSvg.current);
    if (font !== null) {
      const px = renderedTextPx(frame, font);
      const small = px < READABLE_TEXT_PX;
      readable = {
        text: fill(small ? t.pictureTooSmall : t.pictureReadable, {
          column: NOTES_COLUMN_PX,
          px: px.toFixed(1),
        }),
        small,
      };
    }
  }
  return (
    <div className="picture-options">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t.pictureOptions}
      </button>
      {open && (
        <fieldset id={id} className="picture-options-panel">
          <legend>{t.pictureOptions}</legend>
          <label>
            {t.picturePart}{' '}
            <select value={options.part ?? ''} onChange={(e) => set({ part: e.target.value || null })}>
              <option value="">{t.pictureWhole}</option>
              {parts.map((p) => (
                <option key={p} value={p}>
                  {fill(t.pictureNode, { name: p })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.pictureScale}{' '}
            <select
              value={options.scale}
              onChange={(e) => set({ scale: Number(e.target.value) as Options['scale'] })}
            >
              {PICTURE_SCALES.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.pictureBackground}{' '}
            <select
              value={options.background}
              onChange={(e) => set({ background: e.target.value as PictureBackground })}
            >
              <option value="white">{t.pictureWhite}</option>
              <option value="transparent">{t.pictureTransparent}</option>
              <option value="dark">{t.pictureDark}</option>
            </select>
          </label>
          <label>
            {t.picturePadding}{' '}
            <input
              type="number"
              min={0}
              max={MAX_PADDING}
              step={4}
              value={options.padding}
              onChange={(e) => set({ padding: e.target.valueAsNumber })}
            />
          </label>
          <label>
            {t.pictureTitle}{' '}
            <input
              type="text"
              maxLength={MAX_TITLE_CHARS}
              value={options.title}
              onChange={(e) => setOptions({ ...options, title: e.target.value.slice(0, MAX_TITLE_CHARS) })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={options.legend}
              onChange={(e) => set({ legend: e.target.checked })}
            />{' '}
            {t.pictureLegend}
          </label>
          {size && <p className="help">{size}</p>}
          {readable && (
            <p className={readable.small ? 'help picture-too-small' : 'help'}>
              {readable.small ? '⚠ ' : ''}
              {readable.text}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}

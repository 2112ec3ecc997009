// What a file dropped on or opened in the lab holds: a picture netlab exported (the scene in its
// PNG tEXt chunk or SVG <metadata>), or scenario text. Untrusted bytes: bounded, recognised
// without running or expanding anything (no XML parser, so no entity expansion), one message
// when they are none of these.
import { josa } from './korean';
import { isPng, readPngText } from './png-text';
import { decodeShareFragment, type DecodeResult } from './share-codec';
import type { LocalText } from './text';
import { decodeTextFile } from './text-file';
import { shown } from './user-text';

export const PNG_KEYWORD = 'netlab';
/**
 * The largest file netlab reads, in the page and in the CLI alike: past a 3,000-pod `kubectl get
 * -A -o json` dump with managedFields (55 MB; 300 pods are 5.5 MB), short of what a tab's memory
 * holds while the worker builds its model (that dump: ~400 MB of page heap). The model's progress
 * bar and Cancel cover the seconds a big one takes.
 */
export const MAX_FILE_BYTES = 64_000_000;
const MAX_FILE_MB = MAX_FILE_BYTES / 1_000_000;

export type SceneFile =
  | DecodeResult
  | { readonly text: string }
  /** A netlab lesson progress file: offered for import, never opened as the scenario. */
  | { readonly progressText: string };

/** The `format` a lesson progress export carries (services/lesson-progress.ts writes it). */
const PROGRESS_FORMAT = /^\s*\{[^]{0,200}?"format"\s*:\s*"netlab-lesson-progress"/;
/** A scenario names its objects' kinds: `kind:` in YAML (a top-level or List item key), `"kind"` in JSON. */
const KIND = /(^|\n)[ \t-]*kind[ \t]*:|"kind"\s*:/;

const fail = (en: string, ko: string): SceneFile => ({ error: { en, ko } satisfies LocalText });

/**
 * Whether `text` is an SVG document: after an optional XML declaration, comments and a DOCTYPE
 * (what editors write, with or without an internal subset), the root element is `<svg`. Scanned
 * by hand, once: no regular expression that could backtrack over a hostile file.
 */
export function isSvgText(text: string): boolean {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  for (;;) {
    skipSpace();
    if (text.startsWith('<?', at)) at = after(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = after(text, '-->', at + 4);
    else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') at = afterDoctype(text, at + 9);
    else break;
    if (at < 0) return false;
  }
  return text.startsWith('<svg', at) && /[\s>/]/.test(text[at + 4] ?? '');
}

/** The index just past the next `end` from `from`, or -1. */
function after(text: string, end: string, from: number): number {
  const i = text.indexOf(end, from);
  return i < 0 ? -1 : i + end.length;
}

/** Past a DOCTYPE's closing `>`, skipping an internal subset `[ … ]`. */
function afterDoctype(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const open = text.indexOf('[', from);
  if (open >= 0 && (close < 0 || open < close)) {
    const end = text.indexOf(']', open);
    return end < 0 ? -1 : after(text, '>', end);
  }
  return close < 0 ? -1 : close + 1;
}

/** The share fragment netlab writes into an SVG it exports (`<metadata id="netlab-scene">`), or null. */
export function svgSceneFragment(text: string): string | null {
  for (let at = text.indexOf('<metadata'); at >= 0; at = text.indexOf('<metadata', at + 1)) {
    const tagEnd = text.indexOf('>', at);
    if (tagEnd < 0) return null;
    const tag = text.slice(at, tagEnd);
    if (!/\bid\s*=\s*["']netlab-scene["']/.test(tag)) continue;
    const end = text.indexOf('</metadata>', tagEnd);
    return end < 0 ? null : text.slice(tagEnd + 1, end).trim() || null;
  }
  return null;
}

/** The refusal of a file past MAX_FILE_BYTES (the page says it before reading the file). */
export function fileTooLarge(name: string): SceneFile {
  const file = shown(name, 80);
  return fail(
    `${file} is larger than ${MAX_FILE_MB} MB`,
    `${josa(file, '은/는')} ${MAX_FILE_MB}MB보다 큽니다`,
  );
}

/** Reads the bytes of a file called `name`. */
export function readSceneBytes(bytes: Uint8Array, name: string): SceneFile {
  if (bytes.length > MAX_FILE_BYTES) return fileTooLarge(name);
  const file = shown(name, 80);
  const noScene = () =>
    fail(
      `${file} is a picture without a netlab scene`,
      `${josa(file, '은/는')} netlab 장면이 없는 그림입니다`,
    );
  if (isPng(bytes)) {
    const fragment = readPngText(bytes, PNG_KEYWORD);
    return fragment ? decodeShareFragment(fragment) : noScene();
  }
  const decoded = decodeTextFile(bytes);
  if ('problem' in decoded && decoded.problem === 'not-text')
    return fail(
      `${file} is not a text file: netlab opens YAML or JSON (UTF-8 or UTF-16) and the pictures it exports`,
      `${josa(file, '은/는')} 텍스트 파일이 아닙니다. netlab은 YAML, JSON(UTF-8 또는 UTF-16)과 netlab에서 내보낸 그림을 엽니다`,
    );
  if ('problem' in decoded) return fail(`${file} is empty`, `${josa(file, '은/는')} 빈 파일입니다`);
  if (isSvgText(decoded.text)) {
    const fragment = svgSceneFragment(decoded.text);
    return fragment ? decodeShareFragment(fragment) : noScene();
  }
  if (PROGRESS_FORMAT.test(decoded.text)) return { progressText: decoded.text };
  if (!KIND.test(decoded.text))
    return fail(
      `${file} is not a scenario: netlab opens Kubernetes objects in YAML or JSON (with a kind:), a kubectl List, the pictures it exports and lesson progress files`,
      `${josa(file, '은/는')} 시나리오가 아닙니다. netlab은 YAML이나 JSON으로 쓴 쿠버네티스 오브젝트(kind: 포함), kubectl List, netlab에서 내보낸 그림, 레슨 진도 파일을 엽니다`,
    );
  return { text: decoded.text };
}

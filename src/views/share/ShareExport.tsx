// Share a link, export pictures (SVG/PNG with the scene inside), the matrix as Markdown or the
// scenario as YAML; open or drop files back in. Opening anything keeps the learner's text
// recoverable (undo, and a backup of their own scenario when a link replaced it). What the
// panel says lives in the store's share slice, so the share service can speak here too.
import { useContext, useRef, useState, type RefObject } from 'react';
import graphCss from '../graph/graph.css?raw';
import { SHARE_SOFT_LIMIT } from '../../lib/share-codec';
import type { Locale } from '../../lib/text';
import { matrixMarkdown } from '../../app-model/matrix-markdown';
import { matrixPortIndex, shownMatrixPort } from '../../store/matrix-port';
import { currentExplanation } from '../../store/explanation';
import type { NetlabState } from '../../store/netlab-state';
import {
  DEFAULT_PICTURE_OPTIONS,
  pictureAltText,
  pictureContent,
  pictureFileName,
  pictureFrame,
  pictureOptions,
  wrapLegend,
  type PictureOptions as Options,
} from '../../app-model/picture';
import { PictureOptions } from './PictureOptions';
import type { ShareNotice } from '../../store/share-state';
import { NetlabContext, useNetlab } from '../use-netlab';
import { currentFrame, embedSnippet, openSceneFile, shareBase, shareUrl } from '../../services/share';
import { encodeShareFragment } from '../../lib/share-codec';
import { download, pngExport, svgExport } from '../../services/scene-files';
import { shown } from '../../lib/user-text';
import { copyText } from '../clipboard';
import { useUiText, type UiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { drawnScene } from '../graph/drawn-scene';

/** The status line for a notice: its tone, its words, and a text to copy by hand. */
function noticeLine(
  n: ShareNotice,
  t: UiText,
  locale: Locale,
): { kind: 'ok' | 'warn' | 'error'; text: string; link?: string } {
  switch (n.kind) {
    case 'error':
      return { kind: 'error', text: n.reason[locale] };
    case 'opened':
      return { kind: 'ok', text: fill(t.fileOpened, { name: shown(n.file, 80) }) };
    case 'copied': {
      const words = {
        link: t.linkCopied,
        embed: t.embedCopied,
        markdown: fill(t.markdownCopied, { file: shown(n.file ?? 'netlab-scene.png', 80) }),
        matrix: t.matrixCopied,
      };
      return { kind: 'ok', text: words[n.what] };
    }
    case 'copy-by-hand':
      return {
        kind: 'warn',
        text: n.why === 'too-long' ? fill(t.linkTooLong, { chars: n.text.length }) : t.copyManually,
        link: n.text,
      };
    case 'export-failed':
      return { kind: 'error', text: t.exportFailed };
    case 'progress-imported':
      return { kind: n.ok ? 'ok' : 'error', text: n.said[locale] };
    case 'progress-file':
      return { kind: 'warn', text: fill(t.progressFileDropped, { name: shown(n.file, 80) }) };
  }
}

/** The name a picture's file is given: the lesson or file the scene came from, the part, the flow. */
function pictureName(s: NetlabState, part: string | null, extension: 'png' | 'svg'): string {
  const source = s.scenarioSource;
  const scene = source.kind === 'lesson' ? source.lessonId : source.kind === 'file' ? source.name : undefined;
  const port = shownMatrixPort(s);
  const flow = s.selectedFlow
    ? { ...s.selectedFlow, ...(port ? { port: `${port.port}/${port.protocol}` } : {}) }
    : null;
  return pictureFileName({ ...(scene ? { scene } : {}), part, flow }, extension);
}

/** `graphSvg`: the graph's <svg>, for the pictures (the graph panel holds the same ref). */
export function ShareExport({ graphSvg }: { graphSvg: RefObject<SVGSVGElement | null> }) {
  const t = useUiText();
  const store = useContext(NetlabContext)!;
  const locale = useNetlab((s) => s.locale);
  const notice = useNetlab((s) => s.share.notice);
  const backup = useNetlab((s) => s.share.backup);
  const status = notice ? noticeLine(notice, t, locale) : null;
  const fileInput = useRef<HTMLInputElement>(null);
  const say = (n: ShareNotice) => store.getState().showShareNotice(n);
  const [picture, setPicture] = useState<Options>(DEFAULT_PICTURE_OPTIONS);
  const modelScene = useNetlab((s) => s.view?.model.scene ?? null);
  // The pictures are of the drawing as laid out in the pane (one or two pod columns a node).
  const scene = modelScene ? drawnScene(graphSvg.current, modelScene) : null;
  const legendLines = (width: number) => wrapLegend(t.legend, width);

  const svgText = () => {
    const s = store.getState();
    const svg = graphSvg.current;
    if (!svg || !s.view) return null;
    const options = pictureOptions(picture);
    const scene = drawnScene(svg, s.view.model.scene);
    const legend = options.legend ? legendLines(pictureContent(scene, options).w) : [];
    const frame = pictureFrame(scene, options, legend.length);
    return {
      text: svgExport(
        svg,
        { frame, background: options.background, title: options.title, legend },
        graphCss,
        encodeShareFragment(currentFrame(s)),
      ),
      frame,
      options,
    };
  };

  const copy = async (
    text: string,
    what: Extract<ShareNotice, { kind: 'copied' }>['what'],
    file?: string,
  ) => {
    if (await copyText(text)) say({ kind: 'copied', what, ...(file ? { file } : {}) });
    else say({ kind: 'copy-by-hand', text, why: 'refused' });
  };

  /** Copies a link (or an iframe around one); past the soft limit, shows it and suggests a file. */
  const copyLinkText = async (text: string, what: 'link' | 'embed') => {
    if (text.length > SHARE_SOFT_LIMIT) say({ kind: 'copy-by-hand', text, why: 'too-long' });
    else await copy(text, what);
  };
  const onCopyLink = () => copyLinkText(shareUrl(store.getState(), shareBase(location.href)), 'link');
  const onEmbed = () =>
    copyLinkText(embedSnippet(store.getState(), shareBase(location.href), t.embedTitle), 'embed');

  const onSvg = () => {
    const out = svgText();
    if (out)
      download(
        new Blob([out.text], { type: 'image/svg+xml' }),
        pictureName(store.getState(), out.options.part, 'svg'),
      );
  };
  /** Saves the PNG; returns its file name (null when it could not be made). */
  const onPng = async (): Promise<string | null> => {
    const out = svgText();
    if (!out) return null;
    const name = pictureName(store.getState(), out.options.part, 'png');
    try {
      download(
        await pngExport(out.text, out.frame.pixels, encodeShareFragment(currentFrame(store.getState()))),
        name,
      );
      return name;
    } catch {
      say({ kind: 'export-failed' });
      return null;
    }
  };
  const onMarkdownImage = async () => {
    const name = await onPng();
    if (!name) return;
    const s = store.getState();
    const scene = s.view ? drawnScene(graphSvg.current, s.view.model.scene) : undefined;
    const alt = pictureAltText(
      {
        nodes: scene?.nodes.length ?? 0,
        pods: scene?.pods.length ?? 0,
        services: scene?.services.length ?? 0,
        flow: currentExplanation(s),
        part: pictureOptions(picture).part,
      },
      s.locale,
    );
    // Markdown alt text: brackets and backslashes escaped so the text cannot close the image early.
    const safeAlt = alt.replace(/[\\[\]]/g, (c) => `\\${c}`);
    await copy(`[![${safeAlt}](${name})](${shareUrl(s, shareBase(location.href))})\n`, 'markdown', name);
  };
  const onMatrix = async () => {
    const s = store.getState();
    if (s.view)
      await copy(matrixMarkdown(s.view.model, matrixPortIndex(s), s.locale, s.matrixFilter), 'matrix');
  };
  const onYaml = () =>
    download(new Blob([store.getState().scenarioText], { type: 'application/yaml' }), 'netlab-scenario.yaml');

  const restore = () => store.getState().restoreShareBackup();
  const dismissBackup = () => store.getState().dismissShareBackup();

  return (
    <div className="share-export">
      <div className="share-buttons" role="group" aria-label={t.shareExport}>
        <button type="button" data-testid={TID.shareCopyLink} onClick={() => void onCopyLink()}>
          {t.copyLink}
        </button>
        <button type="button" data-testid={TID.shareEmbed} onClick={() => void onEmbed()}>
          {t.copyEmbed}
        </button>
        <button type="button" data-testid={TID.exportSvg} onClick={onSvg}>
          SVG
        </button>
        <button type="button" data-testid={TID.exportPng} onClick={() => void onPng()}>
          PNG
        </button>
        <button type="button" onClick={() => void onMarkdownImage()}>
          {t.copyMarkdownImage}
        </button>
        <PictureOptions
          options={picture}
          setOptions={setPicture}
          scene={scene}
          legendLines={(w) => legendLines(w).length}
          graphSvg={graphSvg}
        />
        <button type="button" data-testid={TID.exportMatrix} onClick={() => void onMatrix()}>
          {t.copyMatrix}
        </button>
        <button type="button" data-testid={TID.exportYaml} onClick={onYaml}>
          YAML
        </button>
        <button type="button" data-testid={TID.openFile} onClick={() => fileInput.current?.click()}>
          {t.openFile}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".yaml,.yml,.json,.png,.svg,application/yaml,image/png,image/svg+xml"
          data-testid={TID.openFileInput}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openSceneFile(store, f);
            e.target.value = '';
          }}
        />
      </div>
      <div
        role="status"
        data-testid={TID.shareStatus}
        className={status ? `share-status ${status.kind}` : 'share-status'}
      >
        {status?.text}
        {notice?.kind === 'progress-file' && (
          <>
            {' '}
            <button
              type="button"
              onClick={() => {
                // The progress reader is lesson code: loaded on this click, never in the first load.
                const text = notice.text;
                void import('../../services/lesson-progress').then(({ importProgressText }) => {
                  const r = importProgressText(store, text, () => {
                    location.hash = '#/lessons';
                  });
                  store.getState().showShareNotice({ kind: 'progress-imported', ...r });
                });
              }}
            >
              {t.importProgressFile}
            </button>
          </>
        )}
        {status?.link && (
          <input
            readOnly
            value={status.link}
            aria-label={t.linkField}
            onFocus={(e) => e.target.select()}
            className="link-field"
          />
        )}
      </div>
      {backup !== null && (
        <div className="banner" data-testid={TID.shareBackup}>
          {t.openedShared}{' '}
          <button type="button" data-testid={TID.shareRestore} onClick={restore}>
            {t.restoreMine}
          </button>{' '}
          <button type="button" onClick={dismissBackup}>
            {t.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}

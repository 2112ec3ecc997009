// Share a link, export pictures (SVG/PNG with the scene inside), the matrix as Markdown or the
// scenario as YAML; open or drop files back in. Opening anything keeps the learner's text
// recoverable (undo, and a backup of their own scenario when a link replaced it).
import { useContext, useEffect, useRef, useState } from 'react';
import graphCss from '../graph/graph.css?raw';
import { SHARE_SOFT_LIMIT } from '../../lib/share-codec';
import type { LocalText } from '../../lib/diagnostic';
import { matrixMarkdown } from '../../store/matrix-markdown';
import { NetlabContext, useNetlab } from '../../store/use-netlab';
import {
  BACKUP_KEY,
  LINK_OPENED_EVENT,
  applyFrame,
  currentFrame,
  embedSnippet,
  linkErrorAtStart,
  shareUrl,
} from '../../services/share';
import { encodeShareFragment } from '../../lib/share-codec';
import { download, pngExport, readSceneFile, svgExport } from '../../services/scene-files';
import { shown } from '../../lib/user-text';
import { copyText } from '../clipboard';
import { fill, useUiText } from '../i18n';
import { TID } from '../testIds';

type Status = { kind: 'ok' | 'warn' | 'error'; text: string; link?: string } | null;

function readBackup(): string | null {
  try {
    return localStorage.getItem(BACKUP_KEY);
  } catch {
    return null;
  }
}

export function ShareExport() {
  const t = useUiText();
  const store = useContext(NetlabContext)!;
  const locale = useNetlab((s) => s.locale);
  const [status, setStatus] = useState<Status>(() =>
    linkErrorAtStart ? { kind: 'error', text: linkErrorAtStart[locale] } : null,
  );
  const [backup, setBackup] = useState<string | null>(readBackup);
  const fileInput = useRef<HTMLInputElement>(null);
  const say = (kind: 'ok' | 'warn' | 'error', text: string, link?: string) =>
    setStatus({ kind, text, ...(link ? { link } : {}) });
  const local = (x: LocalText) => x[locale];

  const graphSvg = () => document.querySelector<SVGSVGElement>(`[data-testid="${TID.graphSvg}"]`);
  const svgText = () => {
    const s = store.getState();
    const svg = graphSvg();
    if (!svg || !s.view) return null;
    return {
      text: svgExport(
        svg,
        s.view.model.scene.width,
        s.view.model.scene.height,
        graphCss,
        encodeShareFragment(currentFrame(s)),
      ),
      scene: s.view.model.scene,
    };
  };

  const copy = async (text: string, done: string): Promise<boolean> => {
    const copied = await copyText(text);
    if (copied) say('ok', done);
    else say('warn', t.copyManually, text);
    return copied;
  };

  /** Copies a link (or an iframe around one); past the soft limit, shows it and suggests a file. */
  const copyLinkText = async (text: string, done: string) => {
    if (text.length > SHARE_SOFT_LIMIT) say('warn', fill(t.linkTooLong, { chars: text.length }), text);
    else await copy(text, done);
  };
  const onCopyLink = () => copyLinkText(shareUrl(store.getState(), location.href), t.linkCopied);
  const onEmbed = () =>
    copyLinkText(embedSnippet(store.getState(), location.href, t.embedTitle), t.embedCopied);

  const onSvg = () => {
    const out = svgText();
    if (out) download(new Blob([out.text], { type: 'image/svg+xml' }), 'netlab-scene.svg');
  };
  const onPng = async () => {
    const out = svgText();
    if (!out) return;
    try {
      download(
        await pngExport(
          out.text,
          out.scene.width,
          out.scene.height,
          encodeShareFragment(currentFrame(store.getState())),
        ),
        'netlab-scene.png',
      );
    } catch {
      say('error', t.exportFailed);
    }
  };
  const onMarkdownImage = async () => {
    await onPng();
    await copy(
      `[![netlab](netlab-scene.png)](${shareUrl(store.getState(), location.href)})\n`,
      t.markdownCopied,
    );
  };
  const onMatrix = async () => {
    const s = store.getState();
    if (s.view)
      await copy(
        matrixMarkdown(s.view.model, Math.min(s.portIndex, s.view.model.ports.length - 1), s.locale),
        t.matrixCopied,
      );
  };
  const onYaml = () =>
    download(new Blob([store.getState().scenarioText], { type: 'application/yaml' }), 'netlab-scenario.yaml');

  const openFile = async (file: File) => {
    const r = await readSceneFile(file);
    if ('error' in r) return say('error', local(r.error));
    if ('text' in r) store.getState().replaceScenario(r.text);
    else applyFrame(store, r.frame);
    say('ok', fill(t.fileOpened, { name: shown(file.name, 80) }));
  };

  useEffect(() => {
    const onLink = (e: Event) => {
      const error = (e as CustomEvent<LocalText | null>).detail;
      if (error) say('error', error[store.getState().locale]);
      setBackup(readBackup());
    };
    window.addEventListener(LINK_OPENED_EVENT, onLink);
    return () => window.removeEventListener(LINK_OPENED_EVENT, onLink);
  }, [store]);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  });

  const restore = () => {
    if (backup !== null) store.getState().replaceScenario(backup);
    dismissBackup();
  };
  const dismissBackup = () => {
    try {
      localStorage.removeItem(BACKUP_KEY);
    } catch {
      // nothing to clean up
    }
    setBackup(null);
  };

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
            if (f) void openFile(f);
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

// The storage lab on the page: the volumes lab (PV/PVC binding, lifecycle, CSI calls) or the
// layers lab (image layers, copy-on-write, volumes and bind mounts), each with its own editor
// text, drawing and explanations, computed on the page from the text.
import { type LocalText } from '../../lib/text';
import type { SceneBox } from '../../storage/volumes-scene';
import { VOLUME_SIMPLIFICATIONS } from '../../storage/simplifications';
import { ACCESS_MODE_TEXT } from '../../storage/access-modes';
import { ACCESS_MODES } from '../../storage/volume-types';
import { useNetlab } from '../use-netlab';
import { ClaimReasons } from './ClaimReasons';
import { CsiSequence } from './CsiSequence';
import { DeletionPreview } from './DeletionPreview';
import { ImageStacks } from './ImageStacks';
import { DockerTreeView, DriversPanel, SessionLog } from './LayersPanels';
import { StorageEditor } from './StorageEditor';
import { STORAGE_TID, useStorageText } from './storage-text';
import { useLayersModel, useVolumesModel } from './useStorageModels';
import { useStorageSource } from './useStorageSource';
import { VolumesDrawing } from './VolumesDrawing';
import './storage.css';

function Problems({
  diagnostics,
}: {
  diagnostics: readonly { line: number; col: number; severity: string; message: LocalText }[];
}) {
  const locale = useNetlab((s) => s.locale);
  if (diagnostics.length === 0) return null;
  return (
    <ul className="panel storage-problems" data-testid={STORAGE_TID.problems}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`severity-${d.severity}`}>
          {d.line}:{d.col} {d.severity}: {d.message[locale]}
        </li>
      ))}
    </ul>
  );
}

function VolumesLab() {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  const source = useStorageSource('volumes');
  const model = useVolumesModel(source.text);
  const why = (box: SceneBox): LocalText | undefined => {
    if (!model.report) return undefined;
    if (box.kind === 'claim') return model.report.claims.find((c) => c.key === box.name)?.summary;
    if (box.kind === 'pv') return model.report.volumes.find((v) => v.name === box.name)?.summary;
    return undefined;
  };
  return (
    <>
      {model.scene && <VolumesDrawing scene={model.scene} why={why} />}
      <div className="storage-grid">
        <div className="storage-left">
          <StorageEditor
            mode="volumes"
            text={source.text}
            onChange={source.setText}
            diagnostics={model.diagnostics}
          />
          <Problems diagnostics={model.diagnostics} />
          {model.sim && <DeletionPreview sim={model.sim} />}
        </div>
        <div className="storage-right">
          {model.report && <ClaimReasons report={model.report} />}
          {model.sim && <CsiSequence sim={model.sim} />}
          <section className="panel storage-modes">
            <h2>{t.accessModes}</h2>
            <ul>
              {ACCESS_MODES.map((m) => (
                <li key={m} lang={locale}>
                  {ACCESS_MODE_TEXT[m][locale]}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel storage-notes">
            <h2>{t.simplifies}</h2>
            <ul>
              {VOLUME_SIMPLIFICATIONS.map((n, i) => (
                <li key={i} lang={locale}>
                  {n[locale]}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}

function LayersLabView() {
  const source = useStorageSource('layers');
  const model = useLayersModel(source.text);
  return (
    <div className="storage-grid">
      <div className="storage-left">
        <StorageEditor
          mode="layers"
          text={source.text}
          onChange={source.setText}
          diagnostics={model.diagnostics}
        />
        <Problems diagnostics={model.diagnostics} />
        {model.lab && <SessionLog lab={model.lab} />}
      </div>
      <div className="storage-right">
        {model.lab && <ImageStacks lab={model.lab} />}
        {model.lab && <DockerTreeView lab={model.lab} />}
        <DriversPanel />
      </div>
    </div>
  );
}

export function StorageLab() {
  const mode = useNetlab((s) => s.storageLab.mode);
  return (
    <div className="storage-lab" data-testid={STORAGE_TID.root} data-mode={mode}>
      {mode === 'volumes' ? <VolumesLab /> : <LayersLabView />}
    </div>
  );
}
